// The commissioner's workbench and the enterprise's resumption profile, under /api/resumption.
import type { FastifyInstance } from 'fastify';
import { CommissionerWorkbench, EnterpriseResumptionProfile, IdParams, WorkbenchQuery } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function workbenchRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.resumption.workbench;

  api.get('/api/resumption/workbench', {
    config: { permission: 'resumption.read' },
    schema: {
      tags: ['resumption'],
      summary: 'The commissioner’s workbench: their enterprises with status, the plan waiting and its hours left, last visit, open and overdue demands, today’s missing daily report (zone admins and leaders may name a commissioner)',
      querystring: WorkbenchQuery,
      response: { 200: CommissionerWorkbench, ...errors },
    },
    handler: (req) => svc.workbench(requireCtx(req), req.query),
  });

  api.get('/api/resumption/enterprises/:id/profile', {
    config: { permission: ['resumption.read', 'resumption.file'] },
    schema: {
      tags: ['resumption'],
      summary: 'An enterprise’s resumption profile: current status, history, plans, the latest 60 daily reports, demands and visits (enterprise users: their own only)',
      params: IdParams,
      response: { 200: EnterpriseResumptionProfile, ...errors },
    },
    handler: (req) => svc.profile(requireCtx(req), req.params.id),
  });
}
