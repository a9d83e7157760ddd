// The resumption statistics and their workbook, under /api/resumption.
import type { FastifyInstance } from 'fastify';
import { ResumptionStats, ResumptionStatsQuery } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { attachment, errors, typed, XLSX_TYPE } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import { STATS_DEFINITION_LABELS } from './stats.compute.js';

/** The definitions in both languages, for the OpenAPI document (the same words the answer gives). */
const DESCRIPTION = Object.entries(STATS_DEFINITION_LABELS)
  .map(([k, [zh, en]]) => `- ${k}: ${en} ${zh}`)
  .join('\n');

export async function statsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.resumption.stats;

  api.get('/api/resumption/stats', {
    config: { permission: 'resumption.stats' },
    schema: {
      tags: ['resumption'],
      summary: 'Resumption figures on a date (default the zone’s today): every rate with its numerator and denominator',
      description: DESCRIPTION,
      querystring: ResumptionStatsQuery,
      response: { 200: ResumptionStats, ...errors },
    },
    handler: (req) => svc.stats(requireCtx(req), req.query),
  });

  api.get('/api/resumption/stats.xlsx', {
    config: { permission: 'resumption.stats' },
    schema: {
      tags: ['resumption'],
      summary: 'The figures of a date as Excel: sheet 指标 (figure, numerator, denominator, rate, definition) and sheet 企业 (each enterprise as of the date)',
      querystring: ResumptionStatsQuery,
    },
    handler: async (req, reply) => {
      const { asOf, buffer } = await svc.workbook(requireCtx(req), req.query);
      return attachment(reply, `${req.lang === 'en-US' ? 'resumption-stats' : '复工复产统计'}-${asOf}.xlsx`, XLSX_TYPE).send(buffer);
    },
  });
}
