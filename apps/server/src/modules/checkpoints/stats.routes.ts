// The checkpoint statistics and their workbook, under /api/checkpoints.
import type { FastifyInstance } from 'fastify';
import { CheckpointStats, CheckpointStatsQuery } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { attachment, errors, typed, XLSX_TYPE } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import { CHECKPOINT_STATS_DEFINITION_LABELS } from './stats.compute.js';

/** The definitions in both languages, for the OpenAPI document (the same words the answer gives). */
const DESCRIPTION = Object.entries(CHECKPOINT_STATS_DEFINITION_LABELS)
  .map(([k, [zh, en]]) => `- ${k}: ${en} ${zh}`)
  .join('\n');

export async function statsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.stats;

  api.get('/api/checkpoints/stats', {
    config: { permission: 'checkpoints.stats' },
    schema: {
      tags: ['checkpoints'],
      summary: 'Checkpoint figures of a period (at most 366 days): person-times and vehicles screened, alerts, by checkpoint, day, hour, province and risk level; cases',
      description: DESCRIPTION,
      querystring: CheckpointStatsQuery,
      response: { 200: CheckpointStats, ...errors },
    },
    handler: (req) => svc.stats(requireCtx(req), req.query),
  });
  api.get('/api/checkpoints/stats.xlsx', {
    config: { permission: 'checkpoints.stats' },
    schema: { tags: ['checkpoints'], summary: 'The figures of a period as Excel (figures with definitions; by checkpoint, day, hour and province)', querystring: CheckpointStatsQuery },
    handler: async (req, reply) => {
      const buffer = await svc.workbook(requireCtx(req), req.query);
      const en = (req.query.lang ?? req.lang) === 'en-US';
      return attachment(reply, `${en ? 'checkpoint-stats' : '卡口统计'}-${req.query.from}-${req.query.to}.xlsx`, XLSX_TYPE).send(buffer);
    },
  });
}
