// Pure rules of the checkpoint admin pages: status and result colours, which status a checkpoint
// may move to, pass colours as swatches, the risk tree of grid units (each unit's own level or the
// one it inherits from the nearest unit above), the measures a control class starts with, and the
// floors a building's colour editor lists.
import {
  CONTROL_CLASS_MEASURES,
  CHECKPOINT_STATUSES,
  defaultPassColour,
  isValidResidentId,
  type CheckpointStatus,
  type IdKind,
  type ControlClass,
  type GridRisk,
  type PassColour,
  type PassStatus,
  type RiskLevel,
  type ScreenResult,
} from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';
import type { Lang } from '../../../lib/format';

// ---- colours (UX.md): green normal, blue in progress, orange needs attention, red abnormal, grey closed
export const CHECKPOINT_STATUS_TONE: Record<CheckpointStatus, Tone> = { active: 'done', service_point: 'progress', closed: 'closed' };
export const PASS_STATUS_TONE: Record<PassStatus, Tone> = { active: 'done', revoked: 'closed' };
/** Screening results as tag colours: yellow ("needs attention") shows orange, as everywhere else. */
export const RESULT_COLOR: Record<ScreenResult, string> = { green: 'green', yellow: 'orange', red: 'red' };
export const RISK_COLOR: Record<RiskLevel, string> = { low: 'green', medium: 'orange', high: 'red' };
export const CONTROL_CLASS_COLOR: Record<ControlClass, string> = { closed: 'magenta', strict: 'volcano', checked: 'gold', normal: 'blue' };
/** Printed pass colours; the card PDF uses the same names. */
export const PASS_COLOUR_HEX: Record<PassColour, string> = {
  red: '#e53935',
  orange: '#fb8c00',
  yellow: '#fdd835',
  green: '#43a047',
  cyan: '#00acc1',
  blue: '#1e88e5',
  purple: '#8e24aa',
  grey: '#9e9e9e',
};

/** The statuses a checkpoint can be moved to from `status` (any other; the same is refused). */
export function nextStatuses(status: CheckpointStatus): CheckpointStatus[] {
  return CHECKPOINT_STATUSES.filter((s) => s !== status);
}

/** The usual next step: active → service point, service point → closed, closed → active (reopen). */
export function suggestedStatus(status: CheckpointStatus): CheckpointStatus {
  return status === 'active' ? 'service_point' : status === 'service_point' ? 'closed' : 'active';
}

/** Status events oldest first; the creation first among events of the same instant. */
export function historyInOrder<E extends { at: number; fromStatus: string | null }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => a.at - b.at || (a.fromStatus === null ? 0 : 1) - (b.fromStatus === null ? 0 : 1));
}

// ---- risk zoning
/** The control class a level usually goes with (the form starts from it; closed is chosen by hand). */
export function suggestedClass(level: RiskLevel): ControlClass {
  return level === 'high' ? 'strict' : level === 'medium' ? 'checked' : 'normal';
}

/** The measures a control class starts with, in the UI language. */
export function defaultMeasures(cls: ControlClass, lang: Lang): string {
  return CONTROL_CLASS_MEASURES[cls][lang === 'zh-CN' ? 0 : 1];
}

/** Whether the measures text is empty or one of the defaults (so choosing another class may replace it). */
export function isDefaultMeasures(text: string | null | undefined): boolean {
  const s = (text ?? '').trim();
  if (!s) return true;
  return Object.values(CONTROL_CLASS_MEASURES).some(([zh, en]) => s === zh || s === en);
}

type RiskRowLike = { gridUnitId: string; parentId: string | null; risk: GridRisk | null };
export type RiskNode<R extends RiskRowLike> = {
  key: string;
  row: R;
  /** Its own level, or the nearest level above it. */
  effective: GridRisk | null;
  /** True when `effective` comes from a unit above. */
  inherited: boolean;
  children?: RiskNode<R>[];
};

/**
 * Grid units as a tree (roots: units whose parent is not in the list), each with the level that
 * applies to it. Children keep the order of the rows.
 */
export function riskTree<R extends RiskRowLike>(rows: readonly R[]): RiskNode<R>[] {
  const ids = new Set(rows.map((r) => r.gridUnitId));
  const byParent = new Map<string | null, R[]>();
  for (const r of rows) {
    const p = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), r]);
  }
  const build = (parent: string | null, above: GridRisk | null, seen: Set<string>): RiskNode<R>[] =>
    (byParent.get(parent) ?? [])
      .filter((r) => !seen.has(r.gridUnitId))
      .map((r) => {
        const effective = r.risk ?? above;
        const kids = build(r.gridUnitId, effective, new Set([...seen, r.gridUnitId]));
        return { key: r.gridUnitId, row: r, effective, inherited: !r.risk && !!above, ...(kids.length ? { children: kids } : {}) };
      });
  return build(null, null, new Set());
}

/** The tree's nodes in order, flattened (for filtering by level). */
export function flattenTree<R extends RiskRowLike>(nodes: readonly RiskNode<R>[]): RiskNode<R>[] {
  return nodes.flatMap((n) => [{ ...n, children: undefined }, ...flattenTree(n.children ?? [])]);
}

/** How many units have each level, counting those that inherit one; `none` for units with no level. */
export function countLevels<R extends RiskRowLike>(nodes: readonly RiskNode<R>[]): Record<RiskLevel | 'none', number> {
  const out: Record<RiskLevel | 'none', number> = { high: 0, medium: 0, low: 0, none: 0 };
  for (const n of flattenTree(nodes)) out[n.effective?.level ?? 'none'] += 1;
  return out;
}

type TreeLike = { id: string; name: string; level: string; children: TreeLike[] };
/** Each grid unit's names from the street down (the zone itself left out), by id. */
export function gridPaths(nodes: readonly TreeLike[], above: string[] = [], out = new Map<string, string[]>()): Map<string, string[]> {
  for (const n of nodes) {
    const path = n.level === 'zone' ? [] : [...above, n.name];
    out.set(n.id, path.length ? path : [n.name]);
    gridPaths(n.children, path, out);
  }
  return out;
}

// ---- passes
/** A floor's pass colour: the building's choice, else the default for the floor. */
export function floorColour(floor: number, chosen: readonly { floor: number; colour: PassColour }[]): PassColour {
  return chosen.find((c) => c.floor === floor)?.colour ?? defaultPassColour(floor);
}

/**
 * The floors a building's colour editor lists: 1…floors (10 when the building does not say), the
 * floors that already have a colour (basements too), and the ones added by hand; ascending.
 */
export function editorFloors(floors: number | null | undefined, chosen: readonly { floor: number }[], added: readonly number[] = []): number[] {
  const top = floors && floors > 0 ? Math.min(Math.floor(floors), 200) : 10;
  const all = new Set<number>();
  for (let f = 1; f <= top; f += 1) all.add(f);
  for (const c of chosen) all.add(c.floor);
  for (const f of added) all.add(f);
  return [...all].sort((a, b) => a - b);
}

/** `3` → `3F`/`3 层`, `-1` → `B1`/`地下 1 层`. */
export function floorLabel(floor: number, lang: Lang): string {
  if (floor < 0) return lang === 'zh-CN' ? `地下 ${-floor} 层` : `B${-floor}`;
  return lang === 'zh-CN' ? `${floor} 层` : `Floor ${floor}`;
}

/** What is wrong with a document number for its kind (GB 11643 check digit for resident IDs; 5–20 letters or digits otherwise), or null. */
export function documentProblem(kind: IdKind, value: string | null | undefined): 'resident_id' | 'document' | null {
  const v = (value ?? '').trim().toUpperCase();
  if (!v) return null;
  if (kind === 'resident_id') return isValidResidentId(v) ? null : 'resident_id';
  return /^[A-Z0-9]{5,20}$/.test(v) ? null : 'document';
}

// ---- registrations
/** Temperature in °C with one decimal, or `-`. */
export function formatTemperature(t: number | null | undefined): string {
  if (t === null || t === undefined || Number.isNaN(t)) return '-';
  return `${t.toFixed(1)} °C`;
}

/** The dates of a range picker as the API's `from`/`to`; a half-open range keeps its one end. */
export function rangeQuery(range: readonly [{ format: (f: string) => string } | null, { format: (f: string) => string } | null] | null | undefined): { from?: string; to?: string } {
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
