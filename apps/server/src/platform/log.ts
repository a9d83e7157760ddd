// What the request log may hold: the query values that can be a person's ID number, phone or
// plate (list searches, trace look-ups) are replaced before a URL is written. A GET carries its
// filters in the URL, and an access log kept for months must not hold what the database encrypts.
import type { FastifyRequest } from 'fastify';

/** Query parameters whose values may be personal data. */
const PERSONAL_PARAMS = new Set(['q', 'value', 'idNumber', 'phone', 'plate']);
const REDACTED = '***';

/** The URL with the values of PERSONAL_PARAMS replaced by `***` (path and other parameters kept). */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let changed = false;
  for (const key of new Set(params.keys())) {
    if (PERSONAL_PARAMS.has(key) && params.get(key) !== REDACTED) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, at)}?${params.toString()}` : url;
}

/** Fastify's request serializer (method, url, host, address), with the URL redacted. */
export function serializeRequest(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}
