// Inspection rounds (巡查批次): start a round over parks (one task each), the list with live coverage, a round's tasks, close and reopen.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, listOf, PageQuery, Round, RoundActionParams, RoundInput, RoundListQuery, Task } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const RoundTasksQuery = z.strictObject({ page: PageQuery.page, pageSize: PageQuery.pageSize });

export async function roundsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const rounds = services.inspections.rounds;
  const tags = ['inspections'];

  api.get('/api/inspections/rounds', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'Rounds, newest day first, with live coverage (parks, buildings, enterprises inspected of those in scope)', querystring: RoundListQuery, response: { 200: listOf(Round), ...errors } },
    handler: (req) => rounds.list(requireCtx(req), req.query),
  });
  api.post('/api/inspections/rounds', {
    config: { permission: 'inspections.manage' },
    schema: {
      tags,
      summary: 'Start a round on the template’s current version: one task per park for its responsible inspector (a park without one: 422 naming parkIds.N), each inspector notified',
      body: RoundInput,
      response: { 201: Round, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await rounds.create(requireCtx(req), req.body)),
  });
  api.get('/api/inspections/rounds/:id', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'A round with its live coverage', params: IdParams, response: { 200: Round, ...errors } },
    handler: (req) => rounds.get(requireCtx(req), req.params.id),
  });
  api.get('/api/inspections/rounds/:id/tasks', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'The tasks of a round, by park', params: IdParams, querystring: RoundTasksQuery, response: { 200: listOf(Task), ...errors } },
    handler: (req) => rounds.tasks(requireCtx(req), req.params.id, req.query),
  });
  api.post('/api/inspections/rounds/:id/actions/:action', {
    config: { permission: 'inspections.manage' },
    schema: { tags, summary: 'close an open round, reopen a closed one (409 otherwise)', params: RoundActionParams, response: { 200: Round, ...errors } },
    handler: (req) => rounds.act(requireCtx(req), req.params.id, req.params.action),
  });
}
