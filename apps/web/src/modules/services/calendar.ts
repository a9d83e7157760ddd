// Month grids of the working-day calendar (Monday first) and what kind each day is, given the
// zone's exceptions: holidays and swapped working days (调休).
import type { CalendarDayKind } from '@shuangsheng/contracts';

export type DayKind = 'normal' | 'weekend' | 'holiday' | 'workday';

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Day of the week of a date, Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Weeks of a month (1–12), each seven dates or null for days of the months around it. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = weekdayIndex(isoDate(year, month, 1));
  const cells: (string | null)[] = Array.from({ length: first }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function dayKind(date: string, exception: CalendarDayKind | undefined): DayKind {
  if (exception) return exception;
  return weekdayIndex(date) >= 5 ? 'weekend' : 'normal';
}

/** Working days of a year from the weekday rule and the exceptions (as the server counts them). */
export function workingDaysOf(year: number, exceptions: ReadonlyMap<string, CalendarDayKind>): number {
  let n = 0;
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= daysInMonth(year, m); d++) {
      const k = dayKind(isoDate(year, m, d), exceptions.get(isoDate(year, m, d)));
      if (k === 'normal' || k === 'workday') n++;
    }
  }
  return n;
}
