// The inspection statistics computed from plain rows (pure): parks inspected per day and over the
// period, each item's pass rate, the items failing most, findings fixed on the spot or ledgered,
// the ledger's open, closed and overdue items, and the average days to close.
import { labelIn, type ChecklistItem, type InspectionPlace, type InspectionStats, type Lang, type Ratio } from '@shuangsheng/contracts';

export type StatsInput = {
  from: string;
  to: string;
  today: string;
  lang: Lang;
  roundTasks: { park_id: string; status: string; round_date: string }[];
  answers: { item_key: string; result: string; template_version_id: string | null }[];
  /** Items of the versions used, oldest version first (the latest title of a key wins). */
  versions: { id: string; items: ChecklistItem[] }[];
  findings: { disposition: string; status: string; deadline: string | null; found_on: string; closed_on: string | null }[];
};

const DAY_MS = 86_400_000;
/** Whole days from one calendar date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The calendar dates from `from` to `to`, both included. Counted from Date.parse of the ISO form,
 * which places every year 0000–9999 (Date.UTC would read years below 100 as 19xx, and the day
 * after 9999-12-31 has no YYYY-MM-DD form).
 */
export function datesFromTo(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const n = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, n) }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

/** numerator / denominator rounded to 4 decimals; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

export const INSPECTION_STATS_DEFINITION_LABELS: Record<string, [zh: string, en: string]> = {
  daily: ['每日园区覆盖率 = 当日巡查批次中已提交巡查的园区数 / 当日巡查批次覆盖的园区数。', 'Daily coverage = parks of the day’s rounds whose inspection was submitted / parks of the day’s rounds.'],
  parks: ['期间园区覆盖率 = 期间巡查批次中已提交巡查的不同园区数 / 期间巡查批次覆盖的不同园区数。', 'Period coverage = distinct parks of the period’s rounds with a submitted inspection / distinct parks of the period’s rounds.'],
  items: ['检查项合格率 = 期间已提交巡查中该项“符合”的点位数 / 该项答“符合”或“不符合”的点位数（“不适用”不计）。', 'Item pass rate = places where the item passed / places where it was answered pass or fail, in inspections submitted for the period (not applicable left out).'],
  topFailing: ['问题最多的检查项：期间已提交巡查中“不符合”次数最多的前 10 项。', 'Most failing items: the 10 items failed most often in inspections submitted for the period.'],
  findings: ['发现问题 = 期间发现的问题数；立行立改占比 = 立行立改数 / 问题数；列入台账占比 = 列入台账数 / 问题数。', 'Findings = findings found in the period; fixed on the spot = those fixed on the spot / all; ledgered = those put in the ledger / all.'],
  ledger: ['台账：期间发现并列入台账的问题按当前状态计——整改中、已销号；逾期 = 整改中且已过整改期限（以今天为准）。', 'Ledger: the ledger items found in the period by their status now — open, closed; overdue = open and past the deadline (as of today).'],
  averageDaysToClose: ['平均整改天数 = 期间销号的台账问题从发现到销号的天数之和 / 这些问题数。', 'Average days to close = Σ days from found to closed of the ledger items closed in the period / those items.'],
};

export function statsDefinitions(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(INSPECTION_STATS_DEFINITION_LABELS).map(([k, v]) => [k, labelIn(lang, v)]));
}

const inRange = (d: string | null, from: string, to: string) => d !== null && d >= from && d <= to;

export function computeStats(input: StatsInput): InspectionStats {
  const { from, to, today } = input;

  // Coverage: the parks of each day's rounds, and those submitted.
  const scopeByDay = new Map<string, Set<string>>();
  const doneByDay = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, day: string, park: string) => m.set(day, (m.get(day) ?? new Set()).add(park));
  for (const t of input.roundTasks) {
    add(scopeByDay, t.round_date, t.park_id);
    if (t.status === 'submitted') add(doneByDay, t.round_date, t.park_id);
  }
  const daily: InspectionStats['daily'] = [];
  for (const d of datesFromTo(from, to)) daily.push({ date: d, parks: ratio(doneByDay.get(d)?.size ?? 0, scopeByDay.get(d)?.size ?? 0) });
  const union = (m: Map<string, Set<string>>) => new Set([...m.values()].flatMap((s) => [...s]));
  const parks = ratio(union(doneByDay).size, union(scopeByDay).size);

  // Items: by key across versions; the latest version's title and place.
  const meta = new Map<string, { title: string; place: InspectionPlace }>();
  for (const v of input.versions) for (const it of v.items) meta.set(it.key, { title: it.title, place: it.place });
  const counts = new Map<string, { pass: number; fail: number }>();
  for (const a of input.answers) {
    if (a.result !== 'pass' && a.result !== 'fail') continue;
    const c = counts.get(a.item_key) ?? { pass: 0, fail: 0 };
    c[a.result]++;
    counts.set(a.item_key, c);
  }
  const keys = [...counts.keys()].sort();
  const items = keys.map((key) => {
    const c = counts.get(key)!;
    const m = meta.get(key);
    return { itemKey: key, title: m?.title ?? key, place: m?.place ?? 'inner', passRate: ratio(c.pass, c.pass + c.fail) };
  });
  const topFailing = keys
    .map((key) => ({ itemKey: key, title: meta.get(key)?.title ?? key, fails: counts.get(key)!.fail }))
    .filter((x) => x.fails > 0)
    .sort((a, b) => b.fails - a.fails || a.itemKey.localeCompare(b.itemKey))
    .slice(0, 10);

  // Findings found in the period, the ledger's state now, days to close of those closed in the period.
  const found = input.findings.filter((f) => inRange(f.found_on, from, to));
  const ledgered = found.filter((f) => f.disposition === 'ledger');
  const closedInPeriod = input.findings.filter((f) => f.disposition === 'ledger' && f.status === 'closed' && inRange(f.closed_on, from, to));
  const days = closedInPeriod.reduce((sum, f) => sum + daysBetween(f.found_on, f.closed_on!), 0);

  return {
    from,
    to,
    daily,
    parks,
    items,
    topFailing,
    findings: { total: found.length, fixedOnSpot: ratio(found.filter((f) => f.disposition === 'fixed_on_spot').length, found.length), ledgered: ratio(ledgered.length, found.length) },
    ledger: {
      open: ledgered.filter((f) => f.status === 'open').length,
      closed: ledgered.filter((f) => f.status === 'closed').length,
      overdue: ledgered.filter((f) => f.status === 'open' && f.deadline !== null && f.deadline < today).length,
    },
    averageDaysToClose: ratio(days, closedInPeriod.length),
    definitions: statsDefinitions(input.lang),
  };
}
