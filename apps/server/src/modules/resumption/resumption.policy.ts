// Rules of the resumption module, pure: which transitions plans and demands may take, what a plan
// needs before it is submitted, how counts must agree, how an enterprise's status follows from
// its records on any date, and who may act on which enterprise.
import {
  FIVE_IN_PLACE,
  type DemandAction,
  type DemandStatus,
  type EnterpriseResumptionStatus,
  type FiveInPlaceEntry,
  type FiveInPlaceKey,
  type PlanAction,
  type PlanStatus,
  type StatusPeriod,
} from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import type { FieldIssue } from '../../platform/errors.js';

// ---- plans
export const PLAN_TRANSITIONS: Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  refuse: { from: ['submitted'], to: 'refused' },
};
export const planTargetOf = (action: PlanAction, from: PlanStatus): PlanStatus | null => (PLAN_TRANSITIONS[action].from.includes(from) ? PLAN_TRANSITIONS[action].to : null);
/** Actions only reviewers (the commissioner, the approval team) take. */
export const REVIEW_ACTIONS: readonly PlanAction[] = ['approve', 'return', 'refuse'];

/** The plan's values as the checks see them (contract field names). */
export type PlanValues = {
  plannedStartDate: string | null;
  employeesTotal: number | null;
  plannedOnSite: number | null;
  returnedToCity: number | null;
  stillOutside: number | null;
  fromHighRisk: number | null;
  highRiskQuarantined: number | null;
  masks: number | null;
  thermometers: number | null;
  disinfectantLitres: number | null;
  suppliesDays: number | null;
  measures: readonly string[];
  fiveInPlace: Partial<Record<FiveInPlaceKey, FiveInPlaceEntry | null>>;
  contactName: string | null;
  hasContactPhone: boolean;
};

/** Fields a plan must have before it is submitted, as the API names them. */
const REQUIRED_SCALARS = ['plannedStartDate', 'employeesTotal', 'plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk', 'masks', 'thermometers', 'disinfectantLitres', 'suppliesDays', 'contactName'] as const;

/**
 * Paths still missing for submission: the scalar fields, at least one measure, the contact phone,
 * the quarantine count when anyone came from a high-risk region, and each of the five in place
 * with a date and at least one piece of evidence.
 */
export function missingForSubmission(v: PlanValues): string[] {
  const missing: string[] = REQUIRED_SCALARS.filter((k) => v[k] === null || v[k] === '');
  if ((v.fromHighRisk ?? 0) > 0 && v.highRiskQuarantined === null) missing.push('highRiskQuarantined');
  if (v.measures.length === 0) missing.push('measures');
  if (!v.hasContactPhone) missing.push('contactPhone');
  for (const k of FIVE_IN_PLACE) {
    const e = v.fiveInPlace[k];
    if (!e || !e.date || e.evidenceFileIds.length === 0) missing.push(`fiveInPlace.${k}`);
  }
  return missing;
}

/** Counts that contradict each other, each named by the field that is too large. */
export function countIssues(v: PlanValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const total = v.employeesTotal;
  if (total !== null) {
    for (const k of ['plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk'] as const) {
      const n = v[k];
      if (n !== null && n > total) issues.push({ path: k, key: 'v.not_above', params: { other: 'employeesTotal', max: total } });
    }
    if (v.returnedToCity !== null && v.stillOutside !== null && v.returnedToCity + v.stillOutside > total) {
      issues.push({ path: 'stillOutside', key: 'v.sum_not_above', params: { fields: 'returnedToCity + stillOutside', other: 'employeesTotal', max: total } });
    }
  }
  if (v.fromHighRisk !== null && v.highRiskQuarantined !== null && v.highRiskQuarantined > v.fromHighRisk) {
    issues.push({ path: 'highRiskQuarantined', key: 'v.not_above', params: { other: 'fromHighRisk', max: v.fromHighRisk } });
  }
  return issues;
}

// ---- the enterprise's status, derived
export type PlanFact = { status: PlanStatus; submittedOn: string | null; approvedOn: string | null };
export type SuspensionFact = { suspendedOn: string; resumedOn: string | null; reason: string };

/**
 * The status on `asOf` (a calendar date; events dated that day count): not filed until a plan is
 * first submitted; filed until a plan's approval date; resumed from then, except inside a
 * suspension [suspendedOn, resumedOn). A refused plan still counts as filed (the enterprise did
 * file). `since` is the date the status began.
 */
export function statusOn(plans: readonly PlanFact[], suspensions: readonly SuspensionFact[], asOf: string): { status: EnterpriseResumptionStatus; since: string | null } {
  const history = statusHistory(plans, suspensions);
  let current: StatusPeriod | null = null;
  for (const p of history) if (p.from <= asOf) current = p;
  if (!current) return { status: 'not_filed', since: null };
  return { status: current.status, since: current.from };
}

/** The periods of status over time, oldest first; the last one open (`to` null). */
export function statusHistory(plans: readonly PlanFact[], suspensions: readonly SuspensionFact[]): StatusPeriod[] {
  const filedOn = min(plans.map((p) => p.submittedOn));
  const approvedOn = min(plans.filter((p) => p.status === 'approved').map((p) => p.approvedOn));
  const marks: { date: string; status: EnterpriseResumptionStatus; reason: string | null }[] = [];
  if (filedOn) marks.push({ date: filedOn, status: 'filed', reason: null });
  if (approvedOn) {
    marks.push({ date: approvedOn, status: 'resumed', reason: null });
    for (const s of [...suspensions].sort((a, b) => a.suspendedOn.localeCompare(b.suspendedOn))) {
      // A suspension before the approval date means nothing for the status.
      const from = s.suspendedOn < approvedOn ? approvedOn : s.suspendedOn;
      // Resumed on (or before) the day it began: no day was spent suspended.
      if (s.resumedOn && s.resumedOn <= from) continue;
      marks.push({ date: from, status: 'suspended', reason: s.reason });
      if (s.resumedOn) marks.push({ date: s.resumedOn, status: 'resumed', reason: null });
    }
  }
  // Same-day marks: the later one in the list wins (filed and approved on one day is resumed).
  const byDay: typeof marks = [];
  for (const m of marks.sort((a, b) => a.date.localeCompare(b.date))) {
    if (byDay.length && byDay[byDay.length - 1]!.date === m.date) byDay[byDay.length - 1] = m;
    else byDay.push(m);
  }
  const periods: StatusPeriod[] = [];
  for (const m of byDay) {
    const last = periods[periods.length - 1];
    if (last && last.status === m.status) continue;
    if (last) last.to = m.date;
    periods.push({ status: m.status, from: m.date, to: null, reason: m.reason });
  }
  return periods;
}

function min(dates: (string | null)[]): string | null {
  let out: string | null = null;
  for (const d of dates) if (d && (out === null || d < out)) out = d;
  return out;
}

// ---- demands
export const DEMAND_TRANSITIONS: Record<DemandAction, { from: readonly DemandStatus[]; to: DemandStatus }> = {
  start: { from: ['open'], to: 'in_progress' },
  resolve: { from: ['open', 'in_progress'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'confirmed' },
  reopen: { from: ['resolved'], to: 'open' },
};
export const demandTargetOf = (action: DemandAction, from: DemandStatus): DemandStatus | null => (DEMAND_TRANSITIONS[action].from.includes(from) ? DEMAND_TRANSITIONS[action].to : null);
/** Demands still waiting on the zone: neither resolved nor confirmed. */
export const OPEN_DEMAND_STATUSES: readonly DemandStatus[] = ['open', 'in_progress'];
/** Actions the enterprise takes on its own demand; the others are the handlers'. */
export const ENTERPRISE_DEMAND_ACTIONS: readonly DemandAction[] = ['confirm', 'reopen'];

// ---- who acts on which enterprise
export const isEnterpriseUser = (actor: Actor) => actor.enterpriseId !== null;

/**
 * Whether the actor may write for the enterprise with a permission that commissioners hold only
 * for their own enterprises: enterprise users for their own enterprise; commissioners (without a
 * zone-wide role) for the enterprises assigned to them; the approval team and the zone admin for
 * any enterprise of the zone; jobs and the CLI always.
 */
export function mayActFor(actor: Actor, enterpriseId: string, assignedToActor: boolean, zoneWide: readonly Actor['roles'][number][] = ZONE_WIDE_ROLES): boolean {
  if (actor.userId === null) return true;
  if (actor.enterpriseId !== null) return actor.enterpriseId === enterpriseId;
  if (actor.roles.some((r) => zoneWide.includes(r))) return true;
  return assignedToActor;
}
/**
 * Staff roles that act on every enterprise of the zone; a commissioner (and the handling
 * departments' officers for demands) act on their assigned ones only, unless they hold one of these.
 */
export const ZONE_WIDE_ROLES: readonly Actor['roles'][number][] = ['zone_admin', 'approval_officer'];
/** For demands, the handling departments also work zone-wide. */
export const DEMAND_ZONE_WIDE_ROLES: readonly Actor['roles'][number][] = ['zone_admin', 'approval_officer', 'policy_officer', 'labour_officer'];
