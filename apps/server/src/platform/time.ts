/** `2020-02-24 14:05` (or with seconds) in a zone's time zone, for sheets and messages. */
export function zonedTime(ms: number, timeZone: string, seconds = false): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone }).slice(0, seconds ? 19 : 16);
}
