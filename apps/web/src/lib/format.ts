// Display formats (UX.md "Formats"): thousands separators, money from fen in 万元/亿元 with the
// unit, dates and times in the zone's time zone (from the session, see setTimeZone).

export type Lang = 'zh-CN' | 'en-US';

/** Until the session says otherwise: China Standard Time, where the zones are. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
let zoneTimeZone = DEFAULT_TIME_ZONE;
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** Dates and times are shown in this IANA zone (the signed-in user's zone); unknown names are ignored. */
export function setTimeZone(timeZone: string | null | undefined): void {
  if (!timeZone) return;
  try {
    wallClock(timeZone);
    zoneTimeZone = timeZone;
  } catch {
    // not a zone this browser knows: keep the one in use
  }
}

export function timeZone(): string {
  return zoneTimeZone;
}

function wallClock(tz: string): Intl.DateTimeFormat {
  let f = wallClocks.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    wallClocks.set(tz, f);
  }
  return f;
}

export const FEN_PER_YUAN = 100;
/** 1 万元 = 10,000 元 = 1,000,000 分. */
export const FEN_PER_WAN = 10_000 * FEN_PER_YUAN;
/** 1 亿元 = 100,000,000 元. */
export const FEN_PER_YI = 100_000_000 * FEN_PER_YUAN;

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1234567` → `1,234,567`; null → `-`. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '-';
  return int.format(n);
}

/** Money stored in fen, shown in 万元 (below 1 亿元) or 亿元, two decimals, unit included. */
export function formatFen(fen: number | null | undefined, lang: Lang = 'zh-CN'): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '-';
  const yuan = fen / FEN_PER_YUAN;
  if (lang === 'en-US') {
    const abs = Math.abs(yuan);
    if (abs >= 1e9) return `¥${two.format(yuan / 1e9)} bn`;
    if (abs >= 1e6) return `¥${two.format(yuan / 1e6)} m`;
    if (abs >= 1e4) return `¥${two.format(yuan / 1e3)} k`;
    return `¥${two.format(yuan)}`;
  }
  // Decide the unit after rounding, so 9,999.999 万元 reads 1.00 亿元 rather than 10,000.00 万元.
  const wan = Math.round(fen / (FEN_PER_WAN / 100)) / 100;
  if (Math.abs(wan) >= 10_000) return `${two.format(fen / FEN_PER_YI)} 亿元`;
  return `${two.format(wan)} 万元`;
}

/** 万元 typed in a form → integer fen for the API; empty stays null. */
export function wanToFen(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return null;
  return Math.round(wan * FEN_PER_WAN);
}

/** Integer fen → 万元 for a form field (up to 4 decimals, i.e. exact to the 元). */
export function fenToWan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return fen / FEN_PER_WAN;
}

type WallTime = { y: string; mo: string; d: string; h: string; mi: string; s: string };

function zoneParts(ms: number): WallTime {
  const p: Record<string, string> = {};
  for (const part of wallClock(zoneTimeZone).formatToParts(ms)) p[part.type] = part.value;
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number): number {
  const p = zoneParts(ms);
  const wall = Date.UTC(Number(p.y), Number(p.mo) - 1, Number(p.d), Number(p.h), Number(p.mi), Number(p.s));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms → `2020-02-24` in the zone. */
export function formatDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const p = zoneParts(ms);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** Epoch ms → `2020-02-24 14:05` in the zone. */
export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const p = zoneParts(ms);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}`;
}

/** `2020-02-24` → epoch ms of that day's start in the zone. */
export function zoneDayStart(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const midnight = Date.UTC(y!, m! - 1, d!);
  // The offset at the guess, then at the answer: right across a daylight-saving change too.
  const guess = midnight - offsetAt(midnight);
  return midnight - offsetAt(guess);
}

/** `2020-02-24` → epoch ms of the next day's start in the zone (an exclusive upper bound). */
export function zoneDayEnd(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return zoneDayStart(next.toISOString().slice(0, 10));
}

/** Epoch ms → the zone's calendar date `YYYY-MM-DD` (for date pickers). */
export function zoneDateOf(ms: number): string {
  return formatDate(ms);
}
