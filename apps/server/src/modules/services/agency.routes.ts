// 帮办代办 routes: agency cases of key projects with their stage plans, and the Excel export.
import type { FastifyInstance } from 'fastify';
import {
  AGENCY_COMPLETED_LABEL, AGENCY_FEE_LABEL, AGENCY_STAGE_LABELS, AGENCY_STAGES, AgencyCase, AgencyCaseInput, AgencyCasePatch, AgencyExportQuery, AgencyListQuery, AgencyStagePatch, IdParams, listOf, STAGE_STATUS_LABELS,
  labelIn, type Lang,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

// Enterprise users read their own enterprise's cases (the service limits them).
const READ = ['services.agency.read', 'services.apply'] as const;

export function agencyExportColumns(lang: Lang) {
  const stageColumns = AGENCY_STAGES.map((stage) => ({
    key: stage,
    zh: AGENCY_STAGE_LABELS[stage][0],
    en: AGENCY_STAGE_LABELS[stage][1],
    width: 14,
    value: (c: AgencyCase) => {
      const s = c.stages.find((x) => x.stage === stage);
      if (!s) return null;
      return [labelIn(lang, STAGE_STATUS_LABELS[s.status]), s.actualOn ?? s.plannedOn].filter(Boolean).join(' ');
    },
  }));
  return [
    { key: 'projectName', zh: '项目名称', en: 'Project', width: 30, value: (c: AgencyCase) => c.projectName },
    { key: 'enterprise', zh: '业主企业', en: 'Owner enterprise', width: 28, value: (c: AgencyCase) => c.enterpriseName },
    { key: 'investment', zh: '总投资（万元）', en: 'Investment (10k yuan)', width: 14, value: (c: AgencyCase) => Math.round(c.investmentFen / 100) / 10000 },
    { key: 'park', zh: '所在园区', en: 'Park', width: 16, value: (c: AgencyCase) => c.parkName },
    { key: 'agent', zh: '帮办员', en: 'Agent', width: 16, value: (c: AgencyCase) => c.agentName },
    { key: 'fee', zh: '收费', en: 'Fee', width: 10, value: () => labelIn(lang, AGENCY_FEE_LABEL) },
    { key: 'currentStage', zh: '当前阶段', en: 'Current stage', width: 14, value: (c: AgencyCase) => (c.currentStage ? labelIn(lang, AGENCY_STAGE_LABELS[c.currentStage]) : labelIn(lang, AGENCY_COMPLETED_LABEL)) },
    ...stageColumns,
  ];
}

export async function agencyRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.servicesExtras.agency;

  api.get('/api/agency-cases', {
    config: { permission: READ },
    schema: { tags: ['services'], summary: 'Agency cases (帮办代办) of key projects, with the stage each is in', querystring: AgencyListQuery, response: { 200: listOf(AgencyCase), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/agency-cases/export.xlsx', {
    config: { permission: 'services.agency.read' },
    schema: { tags: ['services'], summary: 'The filtered cases as Excel, one column per stage', querystring: AgencyExportQuery },
    handler: (req, reply) => sendXlsx(reply, 'agency-cases', xlsxStream(req.lang === 'en-US' ? 'Agency cases' : '帮办代办', agencyExportColumns(req.lang), svc.exportRows(requireCtx(req), req.query), req.lang)),
  });
  api.post('/api/agency-cases', {
    config: { permission: 'services.agency.write' },
    schema: { tags: ['services'], body: AgencyCaseInput, response: { 201: AgencyCase, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.create(requireCtx(req), req.body)),
  });
  api.get('/api/agency-cases/:id', {
    config: { permission: READ },
    schema: { tags: ['services'], params: IdParams, response: { 200: AgencyCase, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/agency-cases/:id', {
    config: { permission: 'services.agency.write' },
    schema: { tags: ['services'], params: IdParams, body: AgencyCasePatch, response: { 200: AgencyCase, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.params.id, req.body),
  });
  api.patch('/api/agency-cases/:id/stages', {
    config: { permission: 'services.agency.write' },
    schema: { tags: ['services'], summary: 'One stage of the plan: status, planned and actual dates, note, linked applications', params: IdParams, body: AgencyStagePatch, response: { 200: AgencyCase, ...errors } },
    handler: (req) => svc.updateStage(requireCtx(req), req.params.id, req.body),
  });
}
