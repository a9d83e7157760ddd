// The little the pages share: the language, a DOM builder, dates, and the JSON API client.
import { i18n, type H5Key, type H5Lang } from './i18n';

const KEY = 'ss-h5-lang';

function stored(): H5Lang {
  try {
    return localStorage.getItem(KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be off in private mode
  }
}

let lang: H5Lang = stored();
export const currentLang = (): H5Lang => lang;

export function setLang(next: H5Lang): void {
  lang = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // not remembered; this visit still uses it
  }
}

export function t(key: H5Key, vars: Record<string, string> = {}): string {
  return i18n[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
export type Child = Node | string | null | undefined | false;

/** An element with attributes (`on…` become listeners; false and null are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value != null) el.setAttribute(name, String(value));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/** 2020-02-03 → 2020年2月3日 in Chinese; unchanged in English. */
export function date(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return lang === 'zh-CN' && d ? `${y}年${Number(m)}月${Number(d)}日` : ymd;
}

/** An instant as date and time in Beijing time (UTC+8 all year round since 1991). */
export function instant(ms: number, seconds = false): string {
  const d = new Date(ms + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${seconds ? ':' + two(d.getUTCSeconds()) : ''}`;
  return `${date(`${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`)} ${time}`;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; code?: string; details?: unknown };

/** A JSON call in the chosen language; status 0 means the network failed. */
export async function api<T>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { accept: 'application/json', 'accept-language': lang, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: t('offline') };
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: { code?: string; message?: string; details?: unknown } }) | null;
  if (res.ok && json) return { ok: true, status: res.status, data: json };
  return { ok: false, status: res.status, message: json?.error?.message ?? t('failed'), code: json?.error?.code, details: json?.error?.details };
}

/** A page: it draws itself into `root` now and again whenever the language changes. */
export type Page = { render(): void };
