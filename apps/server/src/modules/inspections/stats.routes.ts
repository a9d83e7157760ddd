// The inspection statistics and their workbook, under /api/inspections.
import type { FastifyInstance } from 'fastify';
import { InspectionStats, InspectionStatsQuery } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { attachment, errors, typed, XLSX_TYPE } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import { INSPECTION_STATS_DEFINITION_LABELS } from './stats.compute.js';

/** The definitions in both languages, for the OpenAPI document (the same words the answer gives). */
const DESCRIPTION = Object.entries(INSPECTION_STATS_DEFINITION_LABELS)
  .map(([k, [zh, en]]) => `- ${k}: ${en} ${zh}`)
  .join('\n');

export async function statsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.inspections.stats;

  api.get('/api/inspections/stats', {
    config: { permission: 'inspections.stats' },
    schema: {
      tags: ['inspections'],
      summary: 'Inspection figures of a period (at most 366 days): coverage, item pass rates, findings, the ledger; numerators and denominators',
      description: DESCRIPTION,
      querystring: InspectionStatsQuery,
      response: { 200: InspectionStats, ...errors },
    },
    handler: (req) => svc.stats(requireCtx(req), req.query),
  });
  api.get('/api/inspections/stats.xlsx', {
    config: { permission: 'inspections.stats' },
    schema: { tags: ['inspections'], summary: 'The figures of a period as Excel (figure, numerator, denominator, rate, definition)', querystring: InspectionStatsQuery },
    handler: async (req, reply) => {
      const buffer = await svc.workbook(requireCtx(req), req.query);
      return attachment(reply, `${req.lang === 'en-US' ? 'inspection-stats' : '巡查统计'}-${req.query.from}-${req.query.to}.xlsx`, XLSX_TYPE).send(buffer);
    },
  });
}
