// Same-origin fetch to /api with the session cookie, the UI language, typed results and
// `{error:{code,message,details?}}` turned into ApiError. 401 sends the user to sign in, 503
// tells them the database is away while queries retry.
import { currentLang } from './lang';

export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** Field issues of a `validation` error, if any. */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'validation' || !Array.isArray(this.details)) return [];
    return (this.details as unknown[]).filter(
      (d): d is FieldIssue => typeof d === 'object' && d !== null && typeof (d as FieldIssue).path === 'string' && typeof (d as FieldIssue).message === 'string',
    );
  }
}

/** Code used when the network itself failed (no HTTP answer). */
export const NETWORK_ERROR = 'network';

type Handlers = { onUnauthorized?: () => void; onUnavailable?: () => void };
const handlers: Handlers = {};

/** The app registers where 401 and 503 lead (sign-in page, a notice). */
export function configureApi(h: Handlers): void {
  Object.assign(handlers, h);
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** `?a=1&b=x` from a record; undefined, null and '' are left out, arrays repeat the key. */
export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type Options = {
  query?: Query | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Leave a 401 to the caller (sign-in, the session probe). */
  allow401?: boolean;
};

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's page); fall through to the status text
  }
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return new ApiError(res.status, e.code, e.message, e.details);
  return new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

function handleStatus(err: ApiError, allow401: boolean | undefined): void {
  if (err.status === 401 && !allow401) handlers.onUnauthorized?.();
  if (err.status === 503) handlers.onUnavailable?.();
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang() };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path + buildQuery(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR, (e as Error).message);
  }
  if (!res.ok) {
    const err = await errorOf(res);
    handleStatus(err, opts.allow401);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<Options, 'query' | 'body'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<Options, 'body'> = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T = { ok: true }>(path: string) => request<T>('DELETE', path),
};

/** The file name of a download: RFC 5987 `filename*` first, then plain `filename`. */
export function filenameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escape: try the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  if (plain) return (plain[2] ?? plain[1] ?? '').trim() || null;
  return null;
}

/** GETs a file (an Excel export or template) with the UI language and saves it under the server's name. */
export async function download(path: string, query: Query = {}, fallbackName = 'download.xlsx'): Promise<string> {
  const lang = currentLang();
  let res: Response;
  try {
    res = await fetch(path + buildQuery({ ...query, lang }), { headers: { 'Accept-Language': lang }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, NETWORK_ERROR, (e as Error).message);
  }
  if (!res.ok) {
    const err = await errorOf(res);
    handleStatus(err, false);
    throw err;
  }
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export type UploadOptions = {
  query?: Query;
  field?: string;
  onUploadProgress?: (loaded: number, total: number) => void;
  /** Called once the bytes are sent and the server is processing. */
  onUploaded?: () => void;
  signal?: AbortSignal;
};

/** POSTs one file as multipart (XMLHttpRequest, for upload progress) and parses the JSON answer. */
export function upload<T>(path: string, file: Blob, opts: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path + buildQuery(opts.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLang());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onUploadProgress?.(e.loaded, e.total);
    };
    xhr.upload.onload = () => opts.onUploaded?.();
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // keep null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
      const err =
        e && typeof e.code === 'string' && typeof e.message === 'string'
          ? new ApiError(xhr.status, e.code, e.message, e.details)
          : new ApiError(xhr.status, `http_${xhr.status}`, xhr.statusText || `HTTP ${xhr.status}`);
      handleStatus(err, false);
      reject(err);
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append(opts.field ?? 'file', file, file instanceof File ? file.name : 'upload.xlsx');
    xhr.send(form);
  });
}

/** A UUID for job ids; crypto.randomUUID exists only in secure contexts (not plain-http LAN hosts). */
export function newJobId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
