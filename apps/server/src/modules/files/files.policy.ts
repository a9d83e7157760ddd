// Who may store and read a file depends on what it is for (pure).
import type { Permission } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';

type Purpose = 'service_template';
/** Every purpose a stored file may have; the others than templates are written by their modules. */
export type StoredPurpose = Purpose | 'application_material' | 'licence' | 'resumption_evidence' | 'inspection_photo';

/**
 * Templates of the catalogue: kept by its editors, read by everyone of the zone. Application
 * materials and licences are read through their application (whose rules decide), and through
 * /api/files only by the approval bureau.
 */
const RULES: Record<StoredPurpose, { upload: Permission | null; read: Permission }> = {
  service_template: { upload: 'services.catalogue.write', read: 'services.catalogue.read' },
  application_material: { upload: null, read: 'services.handle' },
  licence: { upload: null, read: 'services.handle' },
  /** Evidence and photos of resumption plans: uploaded through the plan, read through it (or /api/files by readers). */
  resumption_evidence: { upload: null, read: 'resumption.read' },
  /** Photos of inspections (resized JPEG): uploaded through the task, read through it (or /api/files by readers). */
  inspection_photo: { upload: null, read: 'inspections.read' },
};

export function canUpload(actor: Actor, purpose: Purpose): boolean {
  const needs = RULES[purpose].upload;
  return actor.userId === null || (needs !== null && actor.permissions.has(needs));
}

export function canRead(actor: Actor, purpose: string): boolean {
  const rule = RULES[purpose as StoredPurpose];
  return rule !== undefined && (actor.userId === null || actor.permissions.has(rule.read));
}
