// Pure rules of the checkpoint duty pages: what a field says while it is typed (resident ID check
// digit, mobile, plate), temperatures as staff key them in (38.1 or 381), the checkpoint the desk
// remembers, live alerts kept newest first without duplicates, possible contacts grouped by stop,
// the case actions each status allows, and periods in the URL.
import {
  CASE_STATUSES,
  FEVER_TENTHS,
  isValidPlate,
  isValidResidentId,
  MOBILE_RE,
  PHONE_RE,
  type AlertEvent,
  type CaseStatus,
  type IdKind,
  type Ratio,
  type ScreenResult,
} from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';
import { formatNumber } from '../../../lib/format';

// ---- colours (UX.md): green passed, orange needs attention, red abnormal; cases red while open
export const RESULT_TONE: Record<ScreenResult, Tone> = { green: 'done', yellow: 'waiting', red: 'abnormal' };
export const RESULT_COLOR: Record<ScreenResult, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };
export const CASE_TONE: Record<CaseStatus, Tone> = { open: 'abnormal', transferred: 'progress', resulted: 'waiting', closed: 'closed' };
export const RISK_COLOR = { low: 'green', medium: 'orange', high: 'red' } as const;

// ---- fields checked while they are typed
/** `empty`: nothing typed; `partial`: still typing (no error yet); `valid`; `invalid` with a reason key. */
export type FieldCheck = { state: 'empty' | 'partial' | 'valid' } | { state: 'invalid'; reason: 'checkDigit' | 'birthDate' | 'format' | 'mobile' | 'plate' | 'document' };

/** Plates as people type them (`川c·12345`) → `川C12345`. */
export function normalizePlate(s: string): string {
  return s.toUpperCase().replace(/[\s·•-]/g, '');
}

/** An ID number as typed → upper case, no spaces. */
export function normalizeId(s: string): string {
  return s.toUpperCase().replace(/\s/g, '');
}

/** A resident ID (GB 11643): digits up to 17 are "still typing"; at 18 the birth date and the check digit decide. */
export function checkIdNumber(kind: IdKind, raw: string): FieldCheck {
  const v = normalizeId(raw);
  if (!v) return { state: 'empty' };
  if (kind !== 'resident_id') return /^[A-Z0-9]{5,20}$/.test(v) ? { state: 'valid' } : /^[A-Z0-9]{1,4}$/.test(v) ? { state: 'partial' } : { state: 'invalid', reason: 'document' };
  if (/^\d{1,17}$/.test(v)) return { state: 'partial' };
  if (!/^\d{17}[\dX]$/.test(v)) return { state: 'invalid', reason: 'format' };
  if (isValidResidentId(v)) return { state: 'valid' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const dateOk = y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return { state: 'invalid', reason: dateOk ? 'checkDigit' : 'birthDate' };
}

/** A mobile (11 digits from 13…19) or a landline with its area code. */
export function checkPhone(raw: string): FieldCheck {
  const v = raw.replace(/\s/g, '');
  if (!v) return { state: 'empty' };
  if (PHONE_RE.test(v)) return { state: 'valid' };
  if (/^1\d{0,9}$/.test(v) || /^0[\d-]{0,10}$/.test(v)) return { state: 'partial' };
  return { state: 'invalid', reason: 'mobile' };
}

export function isMobile(raw: string): boolean {
  return MOBILE_RE.test(raw.replace(/\s/g, ''));
}

/** An ordinary (川C12345) or new-energy (川CD12345) plate; up to 6 characters is still typing. */
export function checkPlate(raw: string): FieldCheck {
  const v = normalizePlate(raw);
  if (!v) return { state: 'empty' };
  if (isValidPlate(v)) return { state: 'valid' };
  if (v.length < 7 && /^[\u4e00-\u9fa5]?[A-Z0-9]*$/.test(v)) return { state: 'partial' };
  return { state: 'invalid', reason: 'plate' };
}

// ---- temperatures
/**
 * A temperature as keyed in at a checkpoint: `38.1`, `38,1` or `381` (tenths without the point)
 * → 38.1; null when empty; NaN when it is not a body temperature (34.0–43.0 °C).
 */
export function parseTemperature(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim().replace(',', '.');
  if (!s) return null;
  let n: number;
  if (/^\d{3}$/.test(s)) n = Number(s) / 10;
  else if (/^\d{2}(\.\d)?$/.test(s)) n = Number(s);
  else return Number.NaN;
  return n >= 34 && n <= 43 ? Math.round(n * 10) / 10 : Number.NaN;
}

/** ≥ 37.3 °C (the reference threshold) raises an alert. */
export function isFever(t: number | null | undefined): boolean {
  return t !== null && t !== undefined && !Number.isNaN(t) && Math.round(t * 10) >= FEVER_TENTHS;
}

export function formatTemperature(t: number | null | undefined): string {
  return t === null || t === undefined ? '-' : `${t.toFixed(1)} °C`;
}

/** A registration's six-character code as typed (lower case, spaces) → upper case. */
export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

/** What a scanner typed: a pass URL (`…/h5/p/<token>`) or the bare token; null when it cannot be one. */
export function scannedPass(raw: string): string | null {
  const v = raw.trim();
  if (v.length < 16 || v.length > 300) return null;
  return v;
}

// ---- the checkpoint this desk works at (remembered on this browser)
export const CHECKPOINT_STORAGE_KEY = 'shuangsheng.checkpoints.desk';

export function rememberedCheckpoint(): string | null {
  try {
    return globalThis.localStorage?.getItem(CHECKPOINT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberCheckpoint(id: string | null): void {
  try {
    if (id) globalThis.localStorage?.setItem(CHECKPOINT_STORAGE_KEY, id);
    else globalThis.localStorage?.removeItem(CHECKPOINT_STORAGE_KEY);
  } catch {
    // not remembered: the desk picks again next time
  }
}

// ---- live alerts
export type LiveAlert = AlertEvent & { receivedAt: number; seen: boolean };

/** A new alert goes first; the same case again replaces its line (a reconnect may repeat one); at most `max` are kept. */
export function mergeAlert(list: readonly LiveAlert[], alert: AlertEvent, receivedAt: number, max = 50): LiveAlert[] {
  const rest = list.filter((a) => a.caseId !== alert.caseId);
  return [{ ...alert, receivedAt, seen: false }, ...rest].slice(0, max);
}

export function unseenCount(list: readonly LiveAlert[]): number {
  return list.reduce((n, a) => n + (a.seen ? 0 : 1), 0);
}

/** An `event: alert` payload, or null when it is not one (a proxy's noise must not break the console). */
export function parseAlert(data: string): AlertEvent | null {
  try {
    const v = JSON.parse(data) as Partial<AlertEvent>;
    if (typeof v.caseId !== 'string' || typeof v.checkpointName !== 'string' || typeof v.at !== 'number' || !Array.isArray(v.reasons)) return null;
    return v as AlertEvent;
  } catch {
    return null;
  }
}

/** The wait before opening the stream again after it closed for good: 2 s, 4 s, … up to 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt));
}

// ---- abnormal cases
export type CaseAction = 'transfer' | 'result' | 'close';
/** open → transferred (a clinic) → resulted (an outcome) → closed; an open case may close at once with an outcome. */
export function caseActions(status: CaseStatus): CaseAction[] {
  if (status === 'open') return ['transfer', 'close'];
  if (status === 'transferred') return ['result'];
  if (status === 'resulted') return ['close'];
  return [];
}

/** Closing needs an outcome unless one was recorded already. */
export function closeNeedsOutcome(status: CaseStatus, outcome: string | null): boolean {
  return status === 'open' || !outcome;
}

export const CASE_STATUS_ORDER: readonly CaseStatus[] = CASE_STATUSES;

// ---- tracing
/** Possible contacts by the stop they are near, each stop's nearest first. */
export function contactsByStop<C extends { nearRegistrationId: string; minutesApart: number; at: number }>(contacts: readonly C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of contacts) {
    const list = out.get(c.nearRegistrationId) ?? [];
    list.push(c);
    out.set(c.nearRegistrationId, list);
  }
  for (const list of out.values()) list.sort((a, b) => Math.abs(a.minutesApart) - Math.abs(b.minutesApart) || a.at - b.at);
  return out;
}

/** Stops in time order (the server sends them so; a table sort must not lose it). */
export function inTimeOrder<S extends { at: number }>(stops: readonly S[]): S[] {
  return [...stops].sort((a, b) => a.at - b.at);
}

/** The distinct people among contacts (by masked ID, or name when there is none). */
export function distinctPeople(contacts: readonly { idNumberMasked: string | null; name: string; phoneMasked: string | null }[]): number {
  return new Set(contacts.map((c) => c.idNumberMasked ?? c.phoneMasked ?? c.name)).size;
}

// ---- periods (?from=&to=)
function isDay(s: string | null): s is string {
  return !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** The period in the URL, or the last `days` days up to today; a reversed range is put right. */
export function periodOf(params: URLSearchParams, today: string, days = 14): { from: string; to: string } {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) return from <= to ? { from, to } : { from: to, to: from };
  return { from: addDays(today, -(days - 1)), to: today };
}

// ---- statistics
/** `0.0123` → `1.2%`; no denominator → `-`. */
export function formatRate(r: Pick<Ratio, 'value'> | null | undefined): string {
  if (!r || r.value === null || Number.isNaN(r.value)) return '-';
  return `${(Math.round(r.value * 1000) / 10).toFixed(1)}%`;
}

/** `12 / 980` */
export function formatFraction(r: Pick<Ratio, 'numerator' | 'denominator'>): string {
  return `${formatNumber(r.numerator)} / ${formatNumber(r.denominator)}`;
}

/** Every hour 0–23, zeros where the server sent none. */
export function fullDay<H extends { hour: number; persons: number; vehicles: number; alerts: number }>(rows: readonly H[]): { hour: number; persons: number; vehicles: number; alerts: number }[] {
  const by = new Map(rows.map((r) => [r.hour, r]));
  return Array.from({ length: 24 }, (_, hour) => {
    const r = by.get(hour);
    return { hour, persons: r?.persons ?? 0, vehicles: r?.vehicles ?? 0, alerts: r?.alerts ?? 0 };
  });
}

/** The first `n` rows by a figure, the rest summed into one "other" row (for charts of many provinces). */
export function topWithOther<R>(rows: readonly R[], n: number, value: (r: R) => number, other: (sum: number) => R): R[] {
  const sorted = [...rows].sort((a, b) => value(b) - value(a));
  if (sorted.length <= n) return sorted;
  const rest = sorted.slice(n).reduce((s, r) => s + value(r), 0);
  return [...sorted.slice(0, n), other(rest)];
}

// ---- provinces (origin): the 34 provincial-level units by their short names, as the phone page sends them
export const PROVINCES: readonly [zh: string, en: string][] = (
  '北京 Beijing|天津 Tianjin|河北 Hebei|山西 Shanxi|内蒙古 Inner Mongolia|辽宁 Liaoning|吉林 Jilin|黑龙江 Heilongjiang|上海 Shanghai|江苏 Jiangsu|浙江 Zhejiang|安徽 Anhui|福建 Fujian|江西 Jiangxi|山东 Shandong|河南 Henan|湖北 Hubei|湖南 Hunan|广东 Guangdong|广西 Guangxi|海南 Hainan|重庆 Chongqing|四川 Sichuan|贵州 Guizhou|云南 Yunnan|西藏 Tibet|陕西 Shaanxi|甘肃 Gansu|青海 Qinghai|宁夏 Ningxia|新疆 Xinjiang|台湾 Taiwan|香港 Hong Kong|澳门 Macao'
)
  .split('|')
  .map((p) => [p.slice(0, p.indexOf(' ')), p.slice(p.indexOf(' ') + 1)] as const);

/** A province's name in the UI language (stored values are Chinese, short `四川` or full `四川省`; unknown ones show as they are). */
export function provinceLabel(value: string, lang: 'zh-CN' | 'en-US'): string {
  if (lang === 'zh-CN') return value;
  const hit = PROVINCES.find(([zh]) => value === zh || value.startsWith(zh));
  return hit ? hit[1] : value;
}
