// Retention, under /api/checkpoints/retention: today's purge run now (the daily job does the same),
// and the reports of the last days.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PurgeReport } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function retentionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.retention;

  api.post('/api/checkpoints/retention/actions/purge', {
    config: { permission: 'checkpoints.manage' },
    schema: {
      tags: ['checkpoints'],
      summary: 'Runs today’s retention purge now: registrations before the start of (today − retention days) are removed, closed cases before it made anonymous; once a day — a second run answers the first run’s report',
      response: { 200: PurgeReport, ...errors },
    },
    handler: (req) => {
      const ctx = requireCtx(req);
      return svc.purge(ctx.zoneId, ctx);
    },
  });
  api.get('/api/checkpoints/retention/purges', {
    config: { permission: 'checkpoints.read' },
    schema: { tags: ['checkpoints'], summary: 'What the purges of the last 90 days removed, most recent first', response: { 200: z.object({ items: z.array(PurgeReport) }), ...errors } },
    handler: (req) => svc.purges(requireCtx(req)),
  });
}
