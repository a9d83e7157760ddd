// Display formats (UX.md "Formats"): thousands separators, money from fen in 万元/亿元 with the
// unit, dates and times in the zone's time zone.

export type Lang = 'zh-CN' | 'en-US';

/** The zone's time zone. Every zone runs on China Standard Time (UTC+8, no daylight saving). */
export const ZONE_TIME_ZONE = 'Asia/Shanghai';
const ZONE_OFFSET_MS = 8 * 3600 * 1000;

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

function zoneParts(ms: number): { y: string; mo: string; d: string; h: string; mi: string } {
  const t = new Date(ms + ZONE_OFFSET_MS);
  const pad = (v: number) => String(v).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()),
    mo: pad(t.getUTCMonth() + 1),
    d: pad(t.getUTCDate()),
    h: pad(t.getUTCHours()),
    mi: pad(t.getUTCMinutes()),
  };
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
  return Date.UTC(y!, m! - 1, d!) - ZONE_OFFSET_MS;
}

/** `2020-02-24` → epoch ms of the next day's start in the zone (an exclusive upper bound). */
export function zoneDayEnd(date: string): number {
  return zoneDayStart(date) + 24 * 3600 * 1000;
}

/** Epoch ms → the zone's calendar date `YYYY-MM-DD` (for date pickers). */
export function zoneDateOf(ms: number): string {
  return formatDate(ms);
}
