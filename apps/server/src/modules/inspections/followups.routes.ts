// Follow-up routes (每日回访): the inspector records a visit on a follow-up task (and may close the
// ledger item with an after-photo); the zone admin may run the day's follow-ups and escalations now.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FollowUpInput, IdParams, TaskDetail } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const FollowUpRun = z.object({ created: z.number().int(), escalated: z.number().int() });

export async function followUpsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.inspections.followups;

  api.post('/api/inspections/tasks/:id/follow-up', {
    config: { permission: ['inspections.inspect', 'inspections.manage'] },
    schema: {
      tags: ['inspections'],
      summary: 'Record the follow-up visit of a ledger item (note, photos uploaded to the task) and submit the task; close=true with after-photos verifies the item closed',
      params: IdParams,
      body: FollowUpInput,
      response: { 200: TaskDetail, ...errors },
    },
    handler: (req) => svc.submit(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/inspections/jobs/follow-ups/run', {
    config: { permission: 'inspections.manage' },
    schema: {
      tags: ['inspections'],
      summary: 'Run the daily follow-ups now: today’s follow-up task for every open ledger item, escalations of missed follow-ups and passed deadlines (idempotent)',
      response: { 200: FollowUpRun, ...errors },
    },
    handler: (req) => {
      const ctx = requireCtx(req);
      return svc.run(ctx.zoneId, ctx);
    },
  });
}
