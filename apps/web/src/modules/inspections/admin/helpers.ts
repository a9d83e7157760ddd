// Pure rules of the inspection admin pages: status colours, rates as "n / d", the checklist
// editor (grouping by place, new keys, the standard of a number item, what a new version changes,
// the checks the server makes too), park plans (suggested frequency, due dates), which parks a
// round covers, and the statistics period in the URL.
import {
  INSPECTION_PLACES,
  type ChecklistItem,
  type FindingStatus,
  type InspectionPlace,
  type ParkSize,
  type Ratio,
  type RiskLevel,
  type RoundStatus,
  type TaskStatus,
} from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';
import { formatNumber } from '../../../lib/format';

// ---- colours (UX.md): orange waits on someone, blue in hand, green done, grey closed, red overdue
export const FINDING_TONE: Record<FindingStatus, Tone> = { fixed_on_spot: 'done', open: 'waiting', closed: 'closed' };
export const TASK_TONE: Record<TaskStatus, Tone> = { pending: 'waiting', in_progress: 'progress', submitted: 'done' };
export const ROUND_TONE: Record<RoundStatus, Tone> = { open: 'progress', closed: 'closed' };
export const SEVERITY_COLOR = { low: 'default', medium: 'orange', high: 'red' } as const;
export const RISK_COLOR = { low: 'green', medium: 'orange', high: 'red' } as const;

/** A finding's tone: an open item past its deadline is red. */
export function findingTone(status: FindingStatus, overdue: boolean): Tone {
  return status === 'open' && overdue ? 'abnormal' : FINDING_TONE[status];
}

// ---- figures
/** `0.82` → `82.0%`; no denominator → `-`. */
export function formatRate(r: Pick<Ratio, 'value'> | null | undefined): string {
  if (!r || r.value === null || Number.isNaN(r.value)) return '-';
  return `${(Math.round(r.value * 1000) / 10).toFixed(1)}%`;
}

/** `41 / 50` */
export function formatFraction(r: Pick<Ratio, 'numerator' | 'denominator'>): string {
  return `${formatNumber(r.numerator)} / ${formatNumber(r.denominator)}`;
}

/** A rate in per cent for charts, one decimal; null without a denominator. */
export function ratePct(r: Pick<Ratio, 'value'>): number | null {
  return r.value === null ? null : Math.round(r.value * 1000) / 10;
}

/** Average days to close: Σ days / closed items, one decimal. */
export function formatAverage(r: Pick<Ratio, 'numerator' | 'denominator'>): string {
  if (!r.denominator) return '-';
  return (Math.round((r.numerator / r.denominator) * 10) / 10).toFixed(1);
}

// ---- the checklist editor
/** Items by place, in the specification's order (entrance, building, enterprise, inner), each keeping its index in the list. */
export function itemsByPlace<T extends Pick<ChecklistItem, 'place'>>(items: readonly T[]): { place: InspectionPlace; items: { item: T; index: number }[] }[] {
  return INSPECTION_PLACES.map((place) => ({ place, items: items.map((item, index) => ({ item, index })).filter((x) => x.item.place === place) }));
}

/** A key not yet used: `<place>_<n>` with the next free n. */
export function newItemKey(items: readonly Pick<ChecklistItem, 'key'>[], place: InspectionPlace): string {
  const used = new Set(items.map((i) => i.key));
  for (let n = 1; ; n++) {
    const key = `${place}_${n}`;
    if (!used.has(key)) return key;
  }
}

/** `≥ 2.5 m²` for a number item; null for a check item or one without a standard. */
export function standardOf(item: Pick<ChecklistItem, 'kind' | 'threshold' | 'comparator' | 'unit'>): string | null {
  if (item.kind !== 'number' || item.threshold == null || item.comparator == null) return null;
  return `${item.comparator === 'gte' ? '≥' : '≤'} ${item.threshold}${item.unit ? ` ${item.unit}` : ''}`;
}

/** `0 – 100` (either end may be open); null without a range. */
export function rangeOf(item: Pick<ChecklistItem, 'kind' | 'min' | 'max'>): string | null {
  if (item.kind !== 'number' || (item.min == null && item.max == null)) return null;
  return `${item.min ?? '…'} – ${item.max ?? '…'}`;
}

/** What a number item lacks (the server's rule too): a threshold, a comparator, and min ≤ threshold ≤ max. */
export function numberItemProblem(item: Pick<ChecklistItem, 'kind' | 'threshold' | 'comparator' | 'min' | 'max'>): 'threshold' | 'comparator' | 'range' | null {
  if (item.kind !== 'number') return null;
  if (item.threshold == null) return 'threshold';
  if (item.comparator == null) return 'comparator';
  const { threshold, min, max } = item;
  if ((min != null && min > threshold) || (max != null && threshold > max) || (min != null && max != null && min > max)) return 'range';
  return null;
}

/** An item as the API takes it: the number fields only for number items. */
export function cleanItem(item: ChecklistItem): ChecklistItem {
  const base = { key: item.key, place: item.place, title: item.title.trim(), kind: item.kind, photoRequired: !!item.photoRequired, severity: item.severity, guidance: item.guidance?.trim() ? item.guidance.trim() : null };
  if (item.kind !== 'number') return base;
  return { ...base, threshold: item.threshold ?? null, comparator: item.comparator ?? null, unit: item.unit?.trim() ? item.unit.trim() : null, min: item.min ?? null, max: item.max ?? null };
}

function sameItem(a: ChecklistItem, b: ChecklistItem): boolean {
  return JSON.stringify(cleanItem(a)) === JSON.stringify(cleanItem(b));
}

export type VersionChanges = { added: string[]; removed: string[]; changed: string[]; moved: boolean };

/** What a draft changes against the current version, by item key (titles listed). */
export function versionChanges(current: readonly ChecklistItem[], draft: readonly ChecklistItem[]): VersionChanges {
  const before = new Map(current.map((i) => [i.key, i]));
  const after = new Map(draft.map((i) => [i.key, i]));
  const added = draft.filter((i) => !before.has(i.key)).map((i) => i.title);
  const removed = current.filter((i) => !after.has(i.key)).map((i) => i.title);
  const changed = draft.filter((i) => before.has(i.key) && !sameItem(before.get(i.key)!, i)).map((i) => i.title);
  const common = (list: readonly ChecklistItem[], other: Map<string, ChecklistItem>) => list.filter((i) => other.has(i.key)).map((i) => i.key).join('|');
  return { added, removed, changed, moved: common(current, after) !== common(draft, before) };
}

export const hasChanges = (c: VersionChanges) => c.added.length + c.removed.length + c.changed.length > 0 || c.moved;

/** Moves item `index` one step up or down among the items of its place (the list keeps the other places where they are). */
export function moveWithinPlace<T extends Pick<ChecklistItem, 'place'>>(items: readonly T[], index: number, dir: -1 | 1): T[] {
  const out = [...items];
  const item = out[index];
  if (!item) return out;
  let j = index + dir;
  while (j >= 0 && j < out.length && out[j]!.place !== item.place) j += dir;
  if (j < 0 || j >= out.length) return out;
  out[index] = out[j]!;
  out[j] = item;
  return out;
}

/** `items.3.threshold` → 3 (the item a server issue is about). */
export function itemIndexOf(path: string): number | null {
  const m = /^items\.(\d+)(\.|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

// ---- park plans
/** A frequency to start from: high risk daily, medium every 3 days, low weekly; large parks twice as often. */
export function suggestedFrequency(risk: RiskLevel, size: ParkSize): number {
  const base = risk === 'high' ? 1 : risk === 'medium' ? 3 : 7;
  return size === 'large' ? Math.max(1, Math.floor(base / 2)) : base;
}

/** Due (or past due) on `today`. */
export const isDue = (nextDueOn: string | null, today: string) => nextDueOn !== null && nextDueOn <= today;
export const isPastDue = (nextDueOn: string | null, today: string) => nextDueOn !== null && nextDueOn < today;

// ---- the parks of a new round
export type RoundParkMode = 'all' | 'risk' | 'pick';
type ParkChoice = { parkId: string; risk: RiskLevel | null; inspector: unknown };

/** The parks a mode selects: all, those of the chosen risk levels, or those picked. */
export function roundParkIds(parks: readonly ParkChoice[], mode: RoundParkMode, risks: readonly RiskLevel[], picked: readonly string[]): string[] {
  if (mode === 'all') return parks.map((p) => p.parkId);
  if (mode === 'risk') return parks.filter((p) => p.risk !== null && risks.includes(p.risk)).map((p) => p.parkId);
  const set = new Set(picked);
  return parks.filter((p) => set.has(p.parkId)).map((p) => p.parkId);
}

/** Of the chosen parks, those without a responsible inspector (the server refuses them). */
export function withoutInspector(parks: readonly ParkChoice[], ids: readonly string[]): string[] {
  const set = new Set(ids);
  return parks.filter((p) => set.has(p.parkId) && !p.inspector).map((p) => p.parkId);
}

// ---- dates
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const valid = (s: string | null | undefined): s is string => !!s && DATE.test(s) && !Number.isNaN(Date.parse(s));

/** The statistics period from the URL: the last 30 days to `today` by default; a reversed pair is put in order. */
export function statsPeriod(params: URLSearchParams, today: string): { from: string; to: string } {
  const to = valid(params.get('to')) ? params.get('to')! : today;
  const from = valid(params.get('from')) ? params.get('from')! : addDays(to, -29);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Days between two dates (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
