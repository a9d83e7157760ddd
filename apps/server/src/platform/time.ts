/** `2020-02-24 14:05` (or with seconds) in a zone's time zone, for sheets and messages. */
export function zonedTime(ms: number, timeZone: string, seconds = false): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone }).slice(0, seconds ? 19 : 16);
}

const hourCache = new Map<string, { day: string; hour: number }>();
/** The calendar day and hour (0–23) of an instant in a time zone; cached per quarter hour. */
export function dayHourIn(timeZone: string, ms: number): { day: string; hour: number } {
  // Quarter hours: every time zone offset in use is a multiple of 15 minutes.
  const hourStart = ms - (ms % 900_000);
  const key = `${timeZone}|${hourStart}`;
  let v = hourCache.get(key);
  if (!v) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(hourStart);
    const get = (t: string) => parts.find((p) => p.type === t)!.value;
    v = { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
    if (hourCache.size > 10_000) hourCache.clear();
    hourCache.set(key, v);
  }
  return v;
}

/** The instant a calendar date begins in a time zone (its midnight there), in epoch ms. */
export function dayStartIn(date: string, timeZone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  // The zone's wall clock at an instant, read as if it were UTC, gives the zone's offset there.
  const offsetAt = (ms: number) => Date.parse(new Date(ms).toLocaleString('sv-SE', { timeZone }).replace(' ', 'T') + 'Z') - ms;
  const guess = utc - offsetAt(utc);
  // Once more at the guess, for a day on which the offset changes.
  return utc - offsetAt(guess);
}
