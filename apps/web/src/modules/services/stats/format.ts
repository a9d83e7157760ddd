// How the statistics read (UX.md): rates to one decimal with the fraction beside them, counts with
// thousands separators; the default period is the demo's first two weeks back at work.
import type { Ratio } from '@shuangsheng/contracts';
import { formatNumber } from '../../../lib/format';

export const DEFAULT_FROM = '2020-02-03';
export const DEFAULT_TO = '2020-02-16';

/** `0.716` → `71.6%`; no denominator → `-`. */
export function formatRate(r: Pick<Ratio, 'value'> | null | undefined): string {
  if (!r || r.value === null || Number.isNaN(r.value)) return '-';
  return `${(Math.round(r.value * 1000) / 10).toFixed(1)}%`;
}

/** `73 / 102` */
export function formatFraction(r: Pick<Ratio, 'numerator' | 'denominator'>): string {
  return `${formatNumber(r.numerator)} / ${formatNumber(r.denominator)}`;
}

/** Average working days to one decimal, `-` when nothing was completed. */
export function formatDays(value: number | null): string {
  return value === null || Number.isNaN(value) ? '-' : (Math.round(value * 10) / 10).toFixed(1);
}

/** Every date of [from, to] (at most a year), for a continuous x axis even on days without data. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const end = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  for (let d = start; d <= end && out.length < 366; d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** The byDay series filled in with zeros over the whole period. */
export function fillDays(from: string, to: string, byDay: readonly { date: string; received: number; completed: number }[]) {
  const map = new Map(byDay.map((d) => [d.date, d]));
  return daysBetween(from, to).map((date) => ({ date, received: map.get(date)?.received ?? 0, completed: map.get(date)?.completed ?? 0 }));
}
