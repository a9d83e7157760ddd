// Park plans: how often each park is inspected, its responsible inspector, when it is next due.
import type { FastifyInstance } from 'fastify';
import { IdParams, InspectionPark, InspectionParkListQuery, listOf, ParkPlanInput } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function parksRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const parks = services.inspections.parks;
  const tags = ['inspections'];

  api.get('/api/inspections/parks', {
    config: { permission: 'inspections.read' },
    schema: {
      tags,
      summary: 'Parks with their plan (risk, size, frequency), responsible inspector, buildings and enterprises, last inspection, next due date and open ledger items; due=true: due today or earlier',
      querystring: InspectionParkListQuery,
      response: { 200: listOf(InspectionPark), ...errors },
    },
    handler: (req) => parks.list(requireCtx(req), req.query),
  });
  api.put('/api/inspections/parks/:id/plan', {
    config: { permission: 'inspections.manage' },
    schema: { tags, summary: 'Set the park’s risk, size and inspection frequency', params: IdParams, body: ParkPlanInput, response: { 200: InspectionPark, ...errors } },
    handler: (req) => parks.setPlan(requireCtx(req), req.params.id, req.body),
  });
}
