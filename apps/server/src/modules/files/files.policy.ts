// Who may store and read a file depends on what it is for (pure).
import type { Permission } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';

type Purpose = 'service_template';

/** Templates of the catalogue: kept by its editors, read by everyone of the zone. */
const RULES: Record<Purpose, { upload: Permission; read: Permission }> = {
  service_template: { upload: 'services.catalogue.write', read: 'services.catalogue.read' },
};

export function canUpload(actor: Actor, purpose: Purpose): boolean {
  return actor.userId === null || actor.permissions.has(RULES[purpose].upload);
}

export function canRead(actor: Actor, purpose: string): boolean {
  const rule = RULES[purpose as Purpose];
  return rule !== undefined && (actor.userId === null || actor.permissions.has(rule.read));
}
