// Major-project routes (重大项目): the registry, its export, changes, restart and its undoing.
import type { FastifyInstance } from 'fastify';
import { IdParams, labelIn, listOf, Project, PROJECT_STATUS_LABELS, ProjectActionBody, ProjectActionParams, ProjectExportQuery, ProjectInput, ProjectListQuery, ProjectPatch, type Lang } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export function projectColumns(lang: Lang): Column<Project>[] {
  return [
    { key: 'name', zh: '项目名称', en: 'Project', width: 32, value: (p) => p.name },
    { key: 'owner', zh: '业主企业', en: 'Owner enterprise', width: 28, value: (p) => p.ownerEnterpriseName },
    { key: 'investment', zh: '总投资（万元）', en: 'Investment (10k yuan)', width: 14, value: (p) => Math.round(p.investmentFen / 100) / 10000 },
    { key: 'park', zh: '所在园区', en: 'Park', width: 16, value: (p) => p.parkName },
    { key: 'status', zh: '复工状态', en: 'Status', width: 10, value: (p) => labelIn(lang, PROJECT_STATUS_LABELS[p.status]) },
    { key: 'restartDate', zh: '复工日期', en: 'Restarted on', width: 12, value: (p) => p.restartDate },
    { key: 'note', zh: '备注', en: 'Note', width: 30, value: (p) => p.note },
  ];
}

export async function projectsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.resumption.projects;

  api.get('/api/resumption/projects', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The registry of major projects (重大项目) with their restart status', querystring: ProjectListQuery, response: { 200: listOf(Project), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/resumption/projects/export.xlsx', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The filtered major projects as Excel', querystring: ProjectExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      return sendXlsx(reply, 'major-projects', xlsxStream(req.lang === 'en-US' ? 'Major projects' : '重大项目', projectColumns(req.lang), svc.exportRows(requireCtx(req), q), req.lang));
    },
  });
  api.post('/api/resumption/projects', {
    config: { permission: 'resumption.projects.write' },
    schema: { tags: ['resumption'], summary: 'Register a major project (not restarted yet); names are unique in the zone', body: ProjectInput, response: { 201: Project, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.create(requireCtx(req), req.body)),
  });
  api.patch('/api/resumption/projects/:id', {
    config: { permission: 'resumption.projects.write' },
    schema: { tags: ['resumption'], params: IdParams, body: ProjectPatch, response: { 200: Project, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/resumption/projects/:id/actions/:action', {
    config: { permission: 'resumption.projects.write' },
    schema: {
      tags: ['resumption'],
      summary: 'restart (`date`, not in the future, default today) or undo_restart; 409 when the project is not in the state for it',
      params: ProjectActionParams,
      body: ProjectActionBody,
      response: { 200: Project, ...errors },
    },
    handler: (req) => svc.act(requireCtx(req), req.params.id, req.params.action, req.body ?? {}),
  });
}
