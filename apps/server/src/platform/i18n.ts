import { LANGS, pickLang, type Lang } from '@shuangsheng/contracts';
import type { FastifyRequest } from 'fastify';

/** `?lang=` (downloads opened as links) wins over Accept-Language; zh-CN is the default. */
export function langOf(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === 'string' && (LANGS as readonly string[]).includes(q)) return q as Lang;
  return pickLang(request.headers['accept-language']);
}
