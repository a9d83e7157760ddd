// The application state machine and who may do what (pure, so every rule is testable alone).
import type { ApplicationAction, ApplicationStatus, FormValues, ItemSnapshot } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import type { FieldIssue } from '../../platform/errors.js';

type Side = 'applicant' | 'officer';

/** Each action: the states it leaves, the state it enters, and whose action it is. */
export const TRANSITIONS: Record<ApplicationAction, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: Side }> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant' },
  accept: { from: ['submitted'], to: 'accepted', by: 'officer' },
  refuse: { from: ['submitted'], to: 'refused', by: 'officer' },
  review: { from: ['accepted', 'resubmitted'], to: 'under_review', by: 'officer' },
  request_correction: { from: ['accepted', 'under_review', 'resubmitted'], to: 'correction', by: 'officer' },
  resubmit: { from: ['correction'], to: 'resubmitted', by: 'applicant' },
  // Officers may decide without a separate "start review" step.
  approve: { from: ['accepted', 'under_review', 'resubmitted'], to: 'approved', by: 'officer' },
  deny: { from: ['accepted', 'under_review', 'resubmitted'], to: 'denied', by: 'officer' },
  withdraw: { from: ['submitted', 'accepted', 'under_review', 'correction', 'resubmitted'], to: 'withdrawn', by: 'applicant' },
};

export function transition(action: ApplicationAction, status: ApplicationStatus): ApplicationStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export type AppAccessFacts = { enterpriseId: string | null; createdBy: string | null; channel: string };

export const isOfficer = (actor: Actor) => actor.userId === null || actor.permissions.has('services.handle');

/** The applicant's own: the enterprise's for its users, otherwise what the user created. */
export function isOwnApplication(actor: Actor, app: AppAccessFacts): boolean {
  if (actor.userId === null) return false;
  if (actor.enterpriseId) return app.enterpriseId === actor.enterpriseId;
  return app.createdBy === actor.userId;
}

export function canSee(actor: Actor, app: AppAccessFacts): boolean {
  return isOfficer(actor) || isOwnApplication(actor, app);
}

/**
 * May this actor take this action's side? Officers act for walk-in and mail applicants (they
 * recorded those), and never in an online applicant's place.
 */
export function mayTakeSide(actor: Actor, app: AppAccessFacts, side: Side): boolean {
  if (side === 'officer') return isOfficer(actor);
  if (isOwnApplication(actor, app)) return true;
  return isOfficer(actor) && app.channel !== 'online';
}

export function availableActions(actor: Actor, app: AppAccessFacts & { status: ApplicationStatus }): ApplicationAction[] {
  return (Object.keys(TRANSITIONS) as ApplicationAction[]).filter((a) => transition(a, app.status) !== null && mayTakeSide(actor, app, TRANSITIONS[a].by));
}

/** Applications that can still change their materials and form. */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'correction'];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks form values against the item's fields: unknown keys and wrong types always; missing
 * required values only when `complete` (on submission).
 */
export function checkForm(fields: ItemSnapshot['fields'], values: FormValues, complete: boolean): { issues: FieldIssue[]; missing: string[] } {
  const issues: FieldIssue[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    const path = `form.${key}`;
    if (!field) {
      issues.push({ path, key: 'v.form_field_unknown' });
      continue;
    }
    if (value === null || value === '') continue;
    switch (field.type) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) issues.push({ path, key: 'v.form_number' });
        break;
      case 'date':
        if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(value))) issues.push({ path, key: 'v.form_date' });
        break;
      case 'select':
        if (typeof value !== 'string' || !(field.options ?? []).includes(value)) issues.push({ path, key: 'v.form_option', params: { values: (field.options ?? []).join('、') } });
        break;
      case 'checkbox':
        if (typeof value !== 'boolean') issues.push({ path, key: 'v.form_checkbox' });
        break;
      default:
        if (typeof value !== 'string') issues.push({ path, key: 'v.form_text' });
    }
  }
  const missing = complete
    ? fields.filter((f) => f.required && (values[f.key] === undefined || values[f.key] === null || values[f.key] === '' || (f.type === 'checkbox' && values[f.key] !== true))).map((f) => f.label)
    : [];
  return { issues, missing };
}
