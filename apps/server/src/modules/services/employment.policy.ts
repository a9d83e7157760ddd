// Object rules of employment registration (就业登记), pure: labour and approval officers see the
// whole zone, an enterprise user only the own enterprise's workers.
import type { Actor } from '../../platform/context.js';

/** The enterprise ids an actor is limited to, or null for the whole zone. */
export function visibleRegistrationEnterprises(actor: Actor): string[] | null {
  if (actor.userId === null || actor.permissions.has('services.employment.read')) return null;
  return actor.enterpriseId ? [actor.enterpriseId] : [];
}
