// Pure rules of the filing pages: status colours, the SLA's hours left, the plan form's values to
// and from the API, what is still missing before submitting and which counts contradict each
// other (the same rules as the server's resumption.policy.ts, so the form says it as you type),
// the step that holds a field, and the queue's tabs.
import dayjs, { type Dayjs } from 'dayjs';
import {
  FIVE_IN_PLACE,
  PLAN_EDITABLE_STATUSES,
  type EnterpriseResumptionStatus,
  type FiveInPlaceKey,
  type Plan,
  type PlanDetail,
  type PlanPatch,
  type PlanStatus,
  type PreventionMeasure,
} from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';

/** UX.md colours: green done, blue in progress, orange waiting on someone, red refused, grey closed. */
export const PLAN_TONE: Record<PlanStatus, Tone> = { draft: 'closed', submitted: 'waiting', returned: 'waiting', approved: 'done', refused: 'abnormal' };
export const ENTERPRISE_TONE: Record<EnterpriseResumptionStatus, Tone> = { not_filed: 'closed', filed: 'progress', resumed: 'done', suspended: 'abnormal' };

export const isEditable = (status: PlanStatus): boolean => PLAN_EDITABLE_STATUSES.includes(status);

// ---- the SLA (24-hour service)
export type SlaState = 'none' | 'ok' | 'soon' | 'late';
/** Hours under which a waiting plan turns orange. */
export const SLA_SOON_HOURS = 4;
/** Late (red) once the hours are gone, soon (orange) under 4 h; nothing for plans not waiting. */
export function slaState(hoursLeft: number | null | undefined): SlaState {
  if (hoursLeft === null || hoursLeft === undefined) return 'none';
  if (hoursLeft < 0) return 'late';
  if (hoursLeft < SLA_SOON_HOURS) return 'soon';
  return 'ok';
}
export const SLA_COLOR: Record<SlaState, string | undefined> = { none: undefined, ok: undefined, soon: '#d46b08', late: '#cf1322' };

/** One decimal, no "-0.0". */
export function formatHours(hours: number): string {
  const v = Math.round(Math.abs(hours) * 10) / 10;
  return v.toFixed(1);
}

// ---- rates
/** `staffOnSite / employees` as `71.6%` (one decimal), or null when unknown. */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

// ---- the plan form
export type FiveEntryValues = { date?: Dayjs | null; note?: string | null; evidenceFileIds?: string[] };
export type PlanFormValues = {
  plannedStartDate?: Dayjs | null;
  employeesTotal?: number | null;
  plannedOnSite?: number | null;
  returnedToCity?: number | null;
  stillOutside?: number | null;
  fromHighRisk?: number | null;
  highRiskQuarantined?: number | null;
  quarantineNote?: string | null;
  masks?: number | null;
  thermometers?: number | null;
  disinfectantLitres?: number | null;
  suppliesDays?: number | null;
  measures?: PreventionMeasure[];
  measuresNote?: string | null;
  measureFileIds?: string[];
  fiveInPlace?: Partial<Record<FiveInPlaceKey, FiveEntryValues | undefined>>;
  contactName?: string | null;
  /** A new phone only; the stored one is shown masked and kept when this is empty. */
  contactPhone?: string | null;
};

const DATE = 'YYYY-MM-DD';
const day = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s, DATE) : null);
const text = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
};
const num = (n: number | null | undefined): number | null => (n === null || n === undefined || Number.isNaN(n) ? null : n);

export function toFormValues(plan: Pick<Plan, 'fields'>): PlanFormValues {
  const f = plan.fields;
  return {
    plannedStartDate: day(f.plannedStartDate),
    employeesTotal: f.employeesTotal,
    plannedOnSite: f.plannedOnSite,
    returnedToCity: f.returnedToCity,
    stillOutside: f.stillOutside,
    fromHighRisk: f.fromHighRisk,
    highRiskQuarantined: f.highRiskQuarantined,
    quarantineNote: f.quarantineNote,
    masks: f.masks,
    thermometers: f.thermometers,
    disinfectantLitres: f.disinfectantLitres,
    suppliesDays: f.suppliesDays,
    measures: [...f.measures],
    measuresNote: f.measuresNote,
    measureFileIds: [...f.measureFileIds],
    fiveInPlace: Object.fromEntries(
      FIVE_IN_PLACE.map((k) => {
        const e = f.fiveInPlace[k];
        return [k, { date: day(e?.date), note: e?.note ?? null, evidenceFileIds: [...(e?.evidenceFileIds ?? [])] }];
      }),
    ),
    contactName: f.contactName,
    contactPhone: null,
  };
}

/**
 * The PATCH body of the form's values: every field (cleared ones as null). An item of the five in
 * place is kept only once it has a date (the API needs one per item); the phone only when typed.
 */
export function toPatch(v: PlanFormValues, version?: number): PlanPatch {
  const five: NonNullable<PlanPatch['fiveInPlace']> = {};
  for (const k of FIVE_IN_PLACE) {
    const e = v.fiveInPlace?.[k];
    five[k] = e?.date ? { date: e.date.format(DATE), note: text(e.note), evidenceFileIds: [...(e.evidenceFileIds ?? [])] } : null;
  }
  const phone = text(v.contactPhone);
  return {
    plannedStartDate: v.plannedStartDate ? v.plannedStartDate.format(DATE) : null,
    employeesTotal: num(v.employeesTotal),
    plannedOnSite: num(v.plannedOnSite),
    returnedToCity: num(v.returnedToCity),
    stillOutside: num(v.stillOutside),
    fromHighRisk: num(v.fromHighRisk),
    highRiskQuarantined: num(v.highRiskQuarantined),
    quarantineNote: text(v.quarantineNote),
    masks: num(v.masks),
    thermometers: num(v.thermometers),
    disinfectantLitres: num(v.disinfectantLitres),
    suppliesDays: num(v.suppliesDays),
    measures: [...(v.measures ?? [])],
    measuresNote: text(v.measuresNote),
    measureFileIds: [...(v.measureFileIds ?? [])],
    fiveInPlace: five,
    contactName: text(v.contactName),
    ...(phone ? { contactPhone: phone } : {}),
    ...(version ? { version } : {}),
  };
}

const REQUIRED_SCALARS = ['plannedStartDate', 'employeesTotal', 'plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk', 'masks', 'thermometers', 'disinfectantLitres', 'suppliesDays', 'contactName'] as const;

/**
 * Paths still missing before the plan may be submitted, as the API names them (the server's
 * missingForSubmission): the figures, one measure at least, a contact phone (typed now or kept
 * from before), the quarantine count when anyone came from a high-risk region, and each of the
 * five in place with a date and evidence.
 */
export function missingOf(v: PlanFormValues, hasStoredPhone: boolean): string[] {
  const missing: string[] = REQUIRED_SCALARS.filter((k) => {
    const x = v[k];
    return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
  });
  if ((v.fromHighRisk ?? 0) > 0 && num(v.highRiskQuarantined) === null) missing.push('highRiskQuarantined');
  if (!v.measures?.length) missing.push('measures');
  if (!hasStoredPhone && !text(v.contactPhone)) missing.push('contactPhone');
  for (const k of FIVE_IN_PLACE) {
    const e = v.fiveInPlace?.[k];
    if (!e?.date || !e.evidenceFileIds?.length) missing.push(`fiveInPlace.${k}`);
  }
  return missing;
}

export type CountIssue = { path: string; other: string; max: number; sum?: boolean };

/** Counts that contradict each other, named by the field that is too large (server: countIssues). */
export function countIssuesOf(v: PlanFormValues): CountIssue[] {
  const issues: CountIssue[] = [];
  const total = num(v.employeesTotal);
  if (total !== null) {
    for (const k of ['plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk'] as const) {
      const n = num(v[k]);
      if (n !== null && n > total) issues.push({ path: k, other: 'employeesTotal', max: total });
    }
    const back = num(v.returnedToCity);
    const away = num(v.stillOutside);
    if (back !== null && away !== null && back + away > total && !issues.some((i) => i.path === 'stillOutside')) {
      issues.push({ path: 'stillOutside', other: 'employeesTotal', max: total, sum: true });
    }
  }
  const risk = num(v.fromHighRisk);
  const quarantined = num(v.highRiskQuarantined);
  if (risk !== null && quarantined !== null && quarantined > risk) issues.push({ path: 'highRiskQuarantined', other: 'fromHighRisk', max: risk });
  return issues;
}

// ---- the steps of the form
export const PLAN_STEPS = ['basic', 'supplies', 'measures', 'five', 'contact'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];
const STEP_FIELDS: Record<PlanStep, readonly string[]> = {
  basic: ['plannedStartDate', 'employeesTotal', 'plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk', 'highRiskQuarantined', 'quarantineNote'],
  supplies: ['masks', 'thermometers', 'disinfectantLitres', 'suppliesDays'],
  measures: ['measures', 'measuresNote', 'measureFileIds'],
  five: ['fiveInPlace'],
  contact: ['contactName', 'contactPhone'],
};
/** The step holding an API path (`fiveInPlace.safetyEducation` → five). */
export function stepOf(path: string): PlanStep {
  const head = path.split('.')[0] ?? '';
  return PLAN_STEPS.find((s) => STEP_FIELDS[s].includes(head)) ?? 'contact';
}

/**
 * The form field an API path lands on: an item of the five in place on its date when that is
 * missing, else on its evidence; anything else on the field of the same name.
 */
export function formNameOf(path: string, v: PlanFormValues): (string | number)[] {
  const parts = path.split('.');
  if (parts[0] === 'fiveInPlace' && parts[1] && parts.length === 2) {
    const e = v.fiveInPlace?.[parts[1] as FiveInPlaceKey];
    return ['fiveInPlace', parts[1], e?.date ? 'evidenceFileIds' : 'date'];
  }
  if (parts[0] === 'fiveInPlace' && parts[1] && parts[2]) return ['fiveInPlace', parts[1], parts[2]];
  return [parts[0] ?? path];
}

// ---- the review queue's tabs
export const QUEUE_TABS = ['submitted', 'returned', 'approved', 'refused', 'draft', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export function tabOf(value: string | undefined, fallback: QueueTab): QueueTab {
  return (QUEUE_TABS as readonly string[]).includes(value ?? '') ? (value as QueueTab) : fallback;
}
/** The list query's status of a tab (none for 全部). */
export function tabStatus(tab: QueueTab): PlanStatus | undefined {
  return tab === 'all' ? undefined : tab;
}

// ---- dates
/** Today in the zone (`YYYY-MM-DD`), given what the zone's clock says. */
export function isFutureDay(date: Dayjs, today: string): boolean {
  return date.format(DATE) > today;
}

// ---- the bell: texts and links of the resumption.* notifications
const NOTICE_WORDS = {
  'resumption.submitted': 'submitted',
  'resumption.approved': 'approved',
  'resumption.returned': 'returned',
  'resumption.refused': 'refused',
  'resumption.suspended': 'suspended',
  'resumption.resumed': 'resumed',
  'resumption.report_missing': 'reportMissing',
} as const;
export type FilingNoticeWord = (typeof NOTICE_WORDS)[keyof typeof NOTICE_WORDS];

/** The message key of a plan/status/report notification; null for other kinds. */
export function filingNoticeWord(kind: string): FilingNoticeWord | null {
  return (NOTICE_WORDS as Record<string, FilingNoticeWord>)[kind] ?? null;
}

/** Interpolation values with every placeholder the messages use. */
export function filingNoticeParams(params: Record<string, string>): { number: string; enterpriseName: string; date: string; reason: string } {
  return { number: params.number ?? '', enterpriseName: params.enterpriseName ?? '', date: params.date ?? '', reason: params.reason ?? '' };
}

/** Where a notification leads: the plan; the enterprise's status (its own page for an enterprise user); the daily reports. */
export function filingNoticePath(n: { kind: string; entityType: string; entityId: string }, enterpriseUser: boolean): string | null {
  if (!filingNoticeWord(n.kind)) return null;
  if (n.entityType === 'resumption_plan') return `/resumption/plans/${encodeURIComponent(n.entityId)}`;
  if (n.kind === 'resumption.report_missing') return enterpriseUser ? '/resumption/reports' : '/resumption/reports?tab=missing';
  if (enterpriseUser) return '/resumption/my';
  return n.entityType === 'enterprise' ? `/enterprises/${encodeURIComponent(n.entityId)}` : '/resumption/enterprises';
}

// ---- the timeline
type PlanEvent = PlanDetail['events'][number];
export type GroupedEvent = PlanEvent & { times: number; firstAt: number };

/** Consecutive draft changes by the same person (newest first) as one entry with a count. */
export function groupUpdates(events: readonly PlanEvent[]): GroupedEvent[] {
  const out: GroupedEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && e.action === 'update' && last.action === 'update' && last.actorName === e.actorName && !e.comment && !last.comment) {
      last.times += 1;
      last.firstAt = e.at;
      continue;
    }
    out.push({ ...e, times: 1, firstAt: e.at });
  }
  return out;
}
