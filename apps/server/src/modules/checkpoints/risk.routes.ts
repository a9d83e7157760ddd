// Risk zoning (分区分级分类): grid units with their level, control class and measures; each change is
// kept and listed.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GridRiskListQuery, GridRiskRow, Id, listOf, RiskHistoryEntry, RiskInput } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const UnitParams = z.strictObject({ gridUnitId: Id });

export async function riskRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.risk;
  const tags = ['checkpoints'];

  api.get('/api/checkpoints/risk', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'Every grid unit of the zone with its own current risk level and how many checkpoints sit in it; by level', querystring: GridRiskListQuery, response: { 200: listOf(GridRiskRow), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.put('/api/checkpoints/risk/:gridUnitId', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'Set a grid unit’s level, control class and measures (a history row each time); its checkpoints and the units below without a level of their own show it', params: UnitParams, body: RiskInput, response: { 200: GridRiskRow, ...errors } },
    handler: (req) => svc.set(requireCtx(req), req.params.gridUnitId, req.body),
  });
  api.get('/api/checkpoints/risk/:gridUnitId/history', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The unit’s levels, newest first', params: UnitParams, response: { 200: z.object({ items: z.array(RiskHistoryEntry) }), ...errors } },
    handler: (req) => svc.history(requireCtx(req), req.params.gridUnitId),
  });
}
