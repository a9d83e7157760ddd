// Census routes (园区摸排): the entries with their Excel export, a new entry, a correction, and
// the prefill from the registry and the resumption status.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Census, CensusInput, CensusListQuery, CensusPatch, CensusPrefill, CensusPrefillQuery, IdParams, listOf, type Lang } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import type { Census as CensusEntry } from './census.service.js';

const WORK = ['inspections.inspect', 'inspections.manage'] as const;
const CensusExportQuery = CensusListQuery.omit({ page: true, pageSize: true }).extend({ lang: z.enum(['zh-CN', 'en-US']).optional() });

export function censusColumns(_lang: Lang): Column<CensusEntry>[] {
  return [
    { key: 'censusDate', zh: '摸排日期', en: 'Date', width: 12, value: (c) => c.censusDate },
    { key: 'park', zh: '园区', en: 'Park', width: 20, value: (c) => c.parkName },
    { key: 'round', zh: '巡查批次', en: 'Round', width: 20, value: (c) => c.roundName },
    { key: 'enterprises', zh: '企业数', en: 'Enterprises', width: 10, value: (c) => c.enterprises },
    { key: 'enterprisesResumed', zh: '已复工企业', en: 'Resumed', width: 10, value: (c) => c.enterprisesResumed },
    { key: 'employees', zh: '员工数', en: 'Employees', width: 10, value: (c) => c.employees },
    { key: 'staffLeft', zh: '离岗人数', en: 'Staff left', width: 10, value: (c) => c.staffLeft },
    { key: 'staffReturned', zh: '返岗人数', en: 'Staff returned', width: 10, value: (c) => c.staffReturned },
    { key: 'difficulties', zh: '困难和问题', en: 'Difficulties', width: 40, value: (c) => c.difficulties },
  ];
}

export async function censusRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.inspections.census;

  api.get('/api/inspections/census', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'The census of parks (园区摸排), newest first', querystring: CensusListQuery, response: { 200: listOf(Census), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/inspections/census/export.xlsx', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'The filtered census as Excel', querystring: CensusExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      return sendXlsx(reply, 'park-census', xlsxStream(req.lang === 'en-US' ? 'Park census' : '园区摸排', censusColumns(req.lang), svc.exportRows(requireCtx(req), q), req.lang));
    },
  });
  api.get('/api/inspections/census/prefill', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'What the registry and the resumption status know of a park on a date (today by default)', querystring: CensusPrefillQuery, response: { 200: CensusPrefill, ...errors } },
    handler: (req) => svc.prefill(requireCtx(req), req.query.parkId, req.query.date),
  });
  api.post('/api/inspections/census', {
    config: { permission: [...WORK] },
    schema: { tags: ['inspections'], summary: 'Enter a park’s census (one per park and date: 409 otherwise)', body: CensusInput, response: { 201: Census, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.create(requireCtx(req), req.body)),
  });
  api.patch('/api/inspections/census/:id', {
    config: { permission: [...WORK] },
    schema: { tags: ['inspections'], summary: 'Correct a census entry', params: IdParams, body: CensusPatch, response: { 200: Census, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.params.id, req.body),
  });
}
