// Helpers shared by every module's routes: the typed instance and common response maps.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ImportResult, type Permission } from '@shuangsheng/contracts';
import { requireCtx } from './access.js';
import type { Ctx } from './context.js';
import { AppError, ValidationError } from './errors.js';
import { templateBuffer } from './excel.js';
import type { SheetColumn } from './sheet-import.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '@shuangsheng/contracts';

export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Error answers every route can give, for the OpenAPI document. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

/** RFC 5987 filename for downloads with Chinese names. */
export function attachment(reply: FastifyReply, filename: string, type: string): FastifyReply {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987 allows fewer characters than encodeURIComponent leaves alone.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`);
}

/**
 * Sends a stored file with its type, length and name; `inline` lets the browser show images and
 * PDF in place (previews) instead of downloading them. nosniff: the type is the one we sniffed.
 */
export function sendStoredFile(reply: FastifyReply, opened: { file: { name: string; size: number }; mime: string; stream: Readable }, inline = false): FastifyReply {
  attachment(reply, opened.file.name, opened.mime).header('content-length', String(opened.file.size)).header('x-content-type-options', 'nosniff');
  if (inline) reply.header('content-disposition', String(reply.getHeader('content-disposition')).replace(/^attachment/, 'inline'));
  return reply.send(opened.stream);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a streamed workbook as a download named `<base>-YYYYMMDD.xlsx`. */
export function sendXlsx(reply: FastifyReply, base: string, stream: Readable): FastifyReply {
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return attachment(reply, `${base}-${stamp}.xlsx`, XLSX_TYPE).send(stream);
}

/** Everything from a paged list function, page by page, for exports of small lists. */
export async function* allPages<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>, pageSize = 200): AsyncGenerator<T> {
  for (let page = 1; ; page++) {
    const { items } = await fetch(page);
    yield* items;
    if (items.length < pageSize) return;
  }
}

/** The uploaded file of a multipart request, read whole (imports are capped at UPLOAD_LIMIT). */
export async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', { detail: String(req.headers['content-type'] ?? '') });
  const file = await req.file();
  if (!file) throw new ValidationError([{ path: 'file', key: 'v.required' }]);
  const buffer = await file.toBuffer();
  // When the limit falls exactly on a chunk boundary busboy truncates without raising.
  if (file.file.truncated) throw new AppError(413, 'payload_too_large', { limit: `${Math.round(buffer.length / 1024 / 1024)} MB` });
  return buffer;
}


/** The template download and the import endpoint of one list, in the shape ARCHITECTURE §6 gives. */
export function importRoutes(
  app: FastifyInstance,
  opts: {
    base: string;
    tag: string;
    permission: Permission;
    sheetName: [string, string];
    columns: SheetColumn[];
    run: (ctx: Ctx, buffer: Buffer, o: { dryRun: boolean; jobKey?: string | undefined }) => Promise<ImportResult>;
  },
): void {
  const api = typed(app);
  api.get(`${opts.base}/import-template.xlsx`, {
    config: { permission: opts.permission },
    schema: { tags: [opts.tag], summary: 'Empty import template with an instructions sheet', querystring: z.object({ lang: z.enum(['zh-CN', 'en-US']).optional() }) },
    handler: async (req, reply) => {
      const en = req.lang === 'en-US';
      const buf = await templateBuffer(opts.sheetName[en ? 1 : 0], opts.columns, req.lang);
      return attachment(reply, `${en ? opts.sheetName[1].toLowerCase().replace(/\s+/g, '-') + '-import-template' : opts.sheetName[0] + '导入模板'}.xlsx`, XLSX_TYPE).send(buf);
    },
  });
  api.post(`${opts.base}/import`, {
    config: { permission: opts.permission },
    schema: {
      tags: [opts.tag],
      summary: 'Import an .xlsx (multipart field "file"): dryRun=true checks every row, dryRun=false writes all rows or none',
      querystring: ImportQuery,
      response: { 200: ImportResult, ...errors },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const buffer = await uploadedFile(req);
      return opts.run(ctx, buffer, { dryRun: req.query.dryRun, jobKey: req.query.jobId ? progressKey(ctx, req.query.jobId) : undefined });
    },
  });
}

export const ImportQuery = z.strictObject({
  dryRun: z.stringbool().default(true),
  jobId: z.uuid().optional().describe('poll GET /api/import-progress/{jobId} while the upload is processed'),
});

export const progressKey = (ctx: Ctx, jobId: string) => `${ctx.zoneId}:${jobId}`;
