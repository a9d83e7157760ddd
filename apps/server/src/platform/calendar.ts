// Working days (ARCHITECTURE §7): Monday to Friday, except the zone's holidays, plus its swapped
// working days (调休). Pure functions over 'YYYY-MM-DD' strings, so time limits are testable.

export type DayKind = 'holiday' | 'workday';
/** The zone's exceptions to the Monday–Friday rule, by date. */
export type Exceptions = ReadonlyMap<string, DayKind>;

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}
function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(toUtc(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWorkingDay(date: string, exceptions: Exceptions): boolean {
  const kind = exceptions.get(date);
  if (kind) return kind === 'workday';
  return isoWeekday(date) <= 5;
}

/**
 * The day a limit of `n` working days ends when the clock starts on `from`: the start day itself
 * is not counted (acceptance on Monday with 1 working day is due Tuesday). n = 0 is due `from`.
 */
export function addWorkingDays(from: string, n: number, exceptions: Exceptions): string {
  let date = from;
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, exceptions)) left--;
  }
  return date;
}

/** Working days in (from, to]: how many a clock running from `from` has used by `to`. */
export function workingDaysBetween(from: string, to: string, exceptions: Exceptions): number {
  if (to <= from) return 0;
  let n = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date, exceptions)) n++;
  return n;
}

/**
 * workingDaysBetween for many pairs of dates within [first, last], from one pass over the range
 * (statistics count thousands of applications); dates outside it are counted day by day.
 */
export function workingDayCounter(first: string, last: string, exceptions: Exceptions): (from: string, to: string) => number {
  const upTo = new Map<string, number>();
  let n = 0;
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (isWorkingDay(date, exceptions)) n++;
    upTo.set(date, n);
  }
  return (from, to) => {
    if (to <= from) return 0;
    const a = upTo.get(from);
    const b = upTo.get(to);
    return a === undefined || b === undefined ? workingDaysBetween(from, to, exceptions) : b - a;
  };
}

/** Working days of a year, given its exceptions. */
export function workingDaysInYear(year: number, exceptions: Exceptions): number {
  return workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, exceptions);
}

/** Today's date in a time zone, for "due today" and the default year. */
export function todayIn(timeZone: string, nowMs: number): string {
  return new Date(nowMs).toLocaleDateString('sv-SE', { timeZone });
}
