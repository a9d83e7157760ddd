// Visit routes (走访记录): record a visit (its problems become demands), the log and its export.
import type { FastifyInstance } from 'fastify';
import { listOf, Visit, VisitExportQuery, VisitInput, VisitListQuery, type Lang } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

export function visitColumns(_lang: Lang, tz: string): Column<Visit>[] {
  return [
    { key: 'visitDate', zh: '走访日期', en: 'Visit date', width: 12, value: (v) => v.visitDate },
    { key: 'enterprise', zh: '企业', en: 'Enterprise', width: 28, value: (v) => v.enterpriseName },
    { key: 'commissioner', zh: '驻企特派员', en: 'Commissioner', width: 14, value: (v) => v.commissioner.name },
    { key: 'content', zh: '走访内容', en: 'Content', width: 40, value: (v) => v.content },
    { key: 'policies', zh: '政策宣贯', en: 'Policies explained', width: 30, value: (v) => v.policiesExplained },
    { key: 'problems', zh: '发现问题（诉求）数', en: 'Problems (demands)', width: 12, value: (v) => v.demandIds.length },
    { key: 'createdAt', zh: '记录时间', en: 'Recorded', width: 18, value: (v) => zonedTime(v.createdAt, tz) },
  ];
}

export async function visitsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.resumption.visits;

  api.get('/api/resumption/visits', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The commissioners’ visit log (走访记录)', querystring: VisitListQuery, response: { 200: listOf(Visit), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/resumption/visits/export.xlsx', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The filtered visit log as Excel', querystring: VisitExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      return sendXlsx(reply, 'visits', xlsxStream(req.lang === 'en-US' ? 'Visits' : '走访记录', visitColumns(req.lang, services.timeZone), svc.exportRows(requireCtx(req), q), req.lang));
    },
  });
  api.post('/api/resumption/visits', {
    config: { permission: 'resumption.commission' },
    schema: {
      tags: ['resumption'],
      summary: 'Record a visit to an enterprise assigned to the commissioner; each problem found becomes a demand',
      body: VisitInput,
      response: { 201: Visit, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.create(requireCtx(req), req.body)),
  });
}
