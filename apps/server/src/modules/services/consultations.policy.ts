// Object rules of consultations (咨询), pure: applicants see their own questions, officers all of
// the zone; an answered question may go to the public FAQ and come off it again.
import type { ConsultationAction, ConsultationStatus } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';

/** Officers (and the system) see and answer every consultation of the zone. */
export function handlesConsultations(actor: Actor): boolean {
  return actor.permissions.has('services.handle') || actor.userId === null;
}

export function canSeeConsultation(actor: Actor, c: { askedBy: string | null }): boolean {
  return handlesConsultations(actor) || (actor.userId !== null && c.askedBy === actor.userId);
}

type State = { status: ConsultationStatus; published: boolean };

/** The state after the action, or null when the current state does not allow it. */
export function consultationTransition(action: ConsultationAction, s: State): State | null {
  switch (action) {
    case 'answer':
      // A first answer, or a better wording of it (the FAQ shows the latest).
      return { status: 'answered', published: s.published };
    case 'publish':
      return s.status === 'answered' && !s.published ? { status: 'answered', published: true } : null;
    case 'unpublish':
      return s.published ? { status: s.status, published: false } : null;
  }
}
