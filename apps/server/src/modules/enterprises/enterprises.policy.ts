// Object rules of the registry (pure): an enterprise user sees only their own enterprise.
import type { Actor } from '../../platform/context.js';

/** The ids an actor is limited to, or null when the actor may see the whole zone. */
export function visibleEnterpriseIds(actor: Actor): string[] | null {
  const staff = actor.roles.some((r) => r !== 'enterprise_user');
  if (staff) return null;
  return actor.enterpriseId ? [actor.enterpriseId] : [];
}

export function canSeeEnterprise(actor: Actor, enterpriseId: string): boolean {
  const only = visibleEnterpriseIds(actor);
  return only === null || only.includes(enterpriseId);
}
