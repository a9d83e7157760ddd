// Pure rules of the resumption ops pages: status colours, which demand actions a user has, due
// times, the figures of the statistics page and where the bell's resumption notices lead.
import {
  DEMAND_CATEGORIES,
  type DemandAction,
  type DemandCategory,
  type DemandStatus,
  type EnterpriseResumptionStatus,
  type PlanStatus,
  type ProjectStatus,
  type Ratio,
  type SupplyRequestStatus,
} from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';
import { formatNumber, zoneDayEnd } from '../../../lib/format';

/** UX.md colours: orange waits on the handler, blue in hand, green solved, grey closed by the enterprise. */
export const DEMAND_TONE: Record<DemandStatus, Tone> = { open: 'waiting', in_progress: 'progress', resolved: 'done', confirmed: 'closed' };
export const ENTERPRISE_TONE: Record<EnterpriseResumptionStatus, Tone> = { not_filed: 'closed', filed: 'waiting', resumed: 'done', suspended: 'abnormal' };
export const PLAN_TONE: Record<PlanStatus, Tone> = { draft: 'closed', submitted: 'waiting', returned: 'waiting', approved: 'done', refused: 'abnormal' };
export const SUPPLY_TONE: Record<SupplyRequestStatus, Tone> = { open: 'waiting', partial: 'progress', allocated: 'done', refused: 'abnormal' };
export const PROJECT_TONE: Record<ProjectStatus, Tone> = { not_restarted: 'waiting', restarted: 'done' };

/** Demands still to be solved (the ledger's "open" ones). */
export function isOpenDemand(status: DemandStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

export type DemandActor = {
  /** Holds resumption.demands.handle (the server still checks the enterprise is theirs). */
  handles: boolean;
  /** An enterprise user looking at their own enterprise's demand. */
  enterprise: boolean;
};

/** The actions the state machine allows this user: start/resolve for handlers, confirm/reopen for the enterprise. */
export function demandActionsFor(status: DemandStatus, who: DemandActor): DemandAction[] {
  const out: DemandAction[] = [];
  if (who.handles && !who.enterprise) {
    if (status === 'open') out.push('start', 'resolve');
    if (status === 'in_progress') out.push('resolve');
  }
  if (who.enterprise && status === 'resolved') out.push('confirm', 'reopen');
  return out;
}

/** What an action needs besides a confirmation: resolve a resolution, reopen a reason. */
export function actionNeeds(action: DemandAction): 'resolution' | 'reason' | null {
  if (action === 'resolve') return 'resolution';
  if (action === 'reopen') return 'reason';
  return null;
}

/** A due date picked in a form → the instant at the end of that day in the zone (23:59:59). */
export function dueAtOfDate(date: string): number {
  return zoneDayEnd(date) - 1000;
}

/** Hours to a due instant from `now`, one decimal, negative when late. */
export function hoursUntil(dueAt: number, now: number): number {
  return Math.round((dueAt - now) / 360_000) / 10;
}

/** `0.716` → `71.6%`; no denominator → `-`. */
export function formatRate(r: Pick<Ratio, 'value'> | null | undefined): string {
  if (!r || r.value === null || Number.isNaN(r.value)) return '-';
  return `${(Math.round(r.value * 1000) / 10).toFixed(1)}%`;
}

/** `73 / 102` */
export function formatFraction(r: Pick<Ratio, 'numerator' | 'denominator'>): string {
  return `${formatNumber(r.numerator)} / ${formatNumber(r.denominator)}`;
}

/** The capacity figure is an average already in per cent: `72.46` → `72.5%`. */
export function formatAveragePct(r: Pick<Ratio, 'value'>): string {
  if (r.value === null || Number.isNaN(r.value)) return '-';
  return `${(Math.round(r.value * 10) / 10).toFixed(1)}%`;
}

/** A rate as a number for charts (per cent, one decimal); null when there is no denominator. */
export function ratePct(r: Pick<Ratio, 'value'>): number | null {
  return r.value === null ? null : Math.round(r.value * 1000) / 10;
}

/** Open demands by category, every category present and in the contracts' order. */
export function openByCategory(rows: readonly { category: DemandCategory; open: number; overdue: number }[]): { category: DemandCategory; open: number; overdue: number }[] {
  const map = new Map(rows.map((r) => [r.category, r]));
  return DEMAND_CATEGORIES.map((category) => ({ category, open: map.get(category)?.open ?? 0, overdue: map.get(category)?.overdue ?? 0 }));
}

// ---- the bell
export const OPS_NOTICE_KINDS = ['demand.raised', 'demand.resolved', 'demand.reopened', 'demand.confirmed', 'demand.escalated', 'supply.allocated'] as const;
export type OpsNoticeKind = (typeof OPS_NOTICE_KINDS)[number];
export type OpsNoticeWord = 'demandRaised' | 'demandResolved' | 'demandReopened' | 'demandConfirmed' | 'demandEscalated' | 'supplyAllocated';

/** `demand.raised` → `demandRaised` (the message key); null for other modules' kinds. */
export function opsNoticeWord(kind: string): OpsNoticeWord | null {
  if (!(OPS_NOTICE_KINDS as readonly string[]).includes(kind)) return null;
  const [head = '', tail = ''] = kind.split('.');
  return `${head}${tail.charAt(0).toUpperCase()}${tail.slice(1)}` as OpsNoticeWord;
}

/** Where a demand or supply notice leads. */
export function opsNoticePath(n: { kind: string; entityType: string; entityId: string }): string | null {
  if (n.entityType === 'demand' || n.kind.startsWith('demand.')) return `/resumption/demands/${encodeURIComponent(n.entityId)}`;
  if (n.entityType === 'supply_request' || n.kind.startsWith('supply.')) return '/resumption/supplies?tab=requests';
  return null;
}

/** Interpolation values every ops message uses, so a missing one reads as nothing rather than `{{x}}`. */
export type OpsNoticeParams = { number: string; title: string; enterpriseName: string; itemName: string; quantity: string; unit: string };
export function opsNoticeParams(params: Record<string, string>): OpsNoticeParams {
  const p: OpsNoticeParams = { number: '', title: '', enterpriseName: '', itemName: '', quantity: '', unit: '' };
  for (const k of Object.keys(p) as (keyof OpsNoticeParams)[]) if (typeof params[k] === 'string') p[k] = params[k];
  return p;
}
