// Helpers shared by every module's routes: the typed instance and common response maps.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
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
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
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
