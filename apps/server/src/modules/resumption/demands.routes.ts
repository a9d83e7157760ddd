// Demand routes (诉求): raise, the ledger with its Excel export, one demand with its timeline,
// changes by the handlers and the state changes (start, resolve, confirm, reopen).
import type { FastifyInstance } from 'fastify';
import {
  DEMAND_CATEGORY_LABELS,
  DEMAND_SOURCE_LABELS,
  DEMAND_STATUS_LABELS,
  Demand,
  DemandActionBody,
  DemandActionParams,
  DemandDetail,
  DemandExportQuery,
  DemandInput,
  DemandListQuery,
  DemandPatch,
  IdParams,
  labelIn,
  listOf,
  type Lang,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

const READ = ['resumption.read', 'resumption.file'] as const;

/** The standard demand ledger (诉求台账). */
export function demandLedgerColumns(lang: Lang, tz: string): Column<Demand>[] {
  const at = (ms: number | null) => (ms === null ? null : zonedTime(ms, tz));
  return [
    { key: 'number', zh: '编号', en: 'Number', width: 18, value: (d) => d.number },
    { key: 'enterprise', zh: '企业', en: 'Enterprise', width: 28, value: (d) => d.enterpriseName },
    { key: 'park', zh: '园区', en: 'Park', width: 16, value: (d) => d.parkName },
    { key: 'category', zh: '类别', en: 'Category', width: 12, value: (d) => labelIn(lang, DEMAND_CATEGORY_LABELS[d.category]) },
    { key: 'title', zh: '诉求', en: 'Demand', width: 36, value: (d) => `${d.title}：${d.description}` },
    { key: 'department', zh: '牵头部门', en: 'Lead department', width: 18, value: (d) => d.department },
    { key: 'status', zh: '状态', en: 'Status', width: 10, value: (d) => labelIn(lang, DEMAND_STATUS_LABELS[d.status]) },
    { key: 'source', zh: '提出方式', en: 'Raised how', width: 12, value: (d) => labelIn(lang, DEMAND_SOURCE_LABELS[d.source]) },
    { key: 'raisedBy', zh: '提出人', en: 'Raised by', width: 14, value: (d) => d.raisedBy },
    { key: 'createdAt', zh: '提出时间', en: 'Raised', width: 18, value: (d) => at(d.createdAt) },
    { key: 'dueAt', zh: '办理时限', en: 'Due', width: 18, value: (d) => at(d.dueAt) },
    { key: 'overdue', zh: '是否超期', en: 'Overdue', width: 10, value: (d) => labelIn(lang, d.overdue ? ['是', 'Yes'] : ['否', 'No']) },
    { key: 'resolution', zh: '办理结果', en: 'Resolution', width: 36, value: (d) => d.resolution },
    { key: 'resolvedAt', zh: '办结时间', en: 'Resolved', width: 18, value: (d) => at(d.resolvedAt) },
  ];
}

export async function demandsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.resumption.demands;

  api.get('/api/resumption/demands', {
    config: { permission: [...READ] },
    schema: { tags: ['resumption'], summary: 'The demand ledger (诉求台账); enterprise users see their own enterprise’s', querystring: DemandListQuery, response: { 200: listOf(Demand), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/resumption/demands/export.xlsx', {
    config: { permission: [...READ] },
    schema: { tags: ['resumption'], summary: 'The filtered demand ledger as Excel', querystring: DemandExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      const rows = svc.exportRows(requireCtx(req), q);
      return sendXlsx(reply, 'demands', xlsxStream(req.lang === 'en-US' ? 'Demands' : '诉求台账', demandLedgerColumns(req.lang, services.timeZone), rows, req.lang));
    },
  });
  api.post('/api/resumption/demands', {
    config: { permission: ['resumption.file', 'resumption.commission'] },
    schema: {
      tags: ['resumption'],
      summary: 'Raise a demand: enterprise users for their own enterprise, commissioners for the enterprises assigned to them',
      body: DemandInput,
      response: { 201: DemandDetail, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.create(requireCtx(req), req.body)),
  });
  api.get('/api/resumption/demands/:id', {
    config: { permission: [...READ] },
    schema: { tags: ['resumption'], summary: 'One demand with its timeline', params: IdParams, response: { 200: DemandDetail, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/resumption/demands/:id', {
    config: { permission: 'resumption.demands.handle' },
    schema: { tags: ['resumption'], summary: 'Change the category, the lead department or the due time (409 when `version` is stale)', params: IdParams, body: DemandPatch, response: { 200: DemandDetail, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/resumption/demands/:id/actions/:action', {
    config: { permission: ['resumption.demands.handle', 'resumption.file'] },
    schema: {
      tags: ['resumption'],
      summary: 'start and resolve (handlers; resolve needs `resolution`), confirm and reopen (the enterprise; reopen needs `reason`); 409 when the state does not allow it',
      params: DemandActionParams,
      body: DemandActionBody,
      response: { 200: DemandDetail, ...errors },
    },
    handler: (req) => svc.act(requireCtx(req), req.params.id, req.params.action, req.body ?? {}),
  });
}
