// The one place errors become HTTP answers: `{error:{code,message,details?}}`, message in the
// request's language. Bad input is 4xx, a vanished database 503; anything else is a 500 and a bug.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { entityName, fieldLabel, translate, type Lang } from '@shuangsheng/contracts';
import { isConnectionError } from '../db/dialect.js';
import { AppError, ValidationError } from './errors.js';
import { describeFieldIssue, describeIssue, SchemaValidationError } from './validation.js';
import { langOf } from './i18n.js';

type Body = { error: { code: string; message: string; details?: unknown } };

function formatMb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * A multipart body busboy could not parse (no boundary, cut off): the client's fault. busboy's
 * errors carry no code, only these messages.
 */
function isMalformedMultipart(err: unknown): boolean {
  const message = err instanceof Error ? err.message : '';
  return /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|.+ terminated early due to unexpected end of multipart data)/.test(message);
}

export function toErrorBody(err: unknown, request: FastifyRequest, lang: Lang): { status: number; body: Body } {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key, params);

  if (err instanceof SchemaValidationError || err instanceof ValidationError) {
    const fields =
      err instanceof SchemaValidationError
        ? err.zodIssues.map((i) => describeIssue(i, lang))
        : err.issues.map((i) => describeFieldIssue(i, lang));
    const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
    return { status: 400, body: { error: { code: 'validation', message: t('validation', { fields: summary }), details: fields } } };
  }
  if (err instanceof AppError) {
    const params = { ...err.params };
    for (const key of ['entity', 'detail']) {
      if (typeof params[key] === 'string') params[key] = entityName(lang, params[key]);
    }
    if (typeof params.field === 'string') params.field = fieldLabel(lang, params.field);
    return { status: err.statusCode, body: { error: { code: err.code, message: t(err.code, params), ...(err.details === undefined ? {} : { details: err.details }) } } };
  }
  if (isMalformedMultipart(err)) {
    return { status: 400, body: { error: { code: 'bad_upload', message: t('bad_upload') } } };
  }
  if (isConnectionError(err)) {
    return { status: 503, body: { error: { code: 'db.unavailable', message: t('db.unavailable') } } };
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: { code: 'bad_json', message: t('bad_json') } } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT': {
      // An uploaded file has its own limit, not the JSON body limit: busboy records it as the
      // bytes read when it cut the file off.
      const fileLimit = (fe as { part?: { file?: { bytesRead?: unknown } } }).part?.file?.bytesRead;
      const limit = typeof fileLimit === 'number' ? fileLimit : (request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit ?? 1048576);
      return { status: 413, body: { error: { code: 'payload_too_large', message: t('payload_too_large', { limit: formatMb(limit) }) } } };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        body: { error: { code: 'unsupported_media_type', message: t('unsupported_media_type', { detail: String(request.headers['content-type'] ?? '') }) } },
      };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: 'bad_request', message: t('bad_request', { detail: fe.message }) } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: t('internal', { requestId: request.id }) } } };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.lang ?? langOf(request);
    const { status, body } = toErrorBody(err, request, lang);
    if (status >= 500 && status !== 503) request.log.error({ err }, 'request failed');
    else if (status === 503) request.log.warn({ err: (err as Error).message }, 'database unavailable');
    if (status === 429 && err instanceof AppError && typeof err.params.seconds === 'number') {
      void reply.header('retry-after', String(err.params.seconds));
    }
    return reply.status(status).send(body);
  });
}
