// Resumption plans (复工申请): the enterprise's filing, the reviewers' queue and decisions, site
// checks, the plan's files, and the Excel ledger.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  FIVE_IN_PLACE,
  Id,
  IdParams,
  listOf,
  Plan,
  PlanActionBody,
  PlanActionParams,
  PlanCreateInput,
  PlanDetail,
  PlanExportQuery,
  PlanFile,
  PlanListQuery,
  PlanPatch,
  PLAN_STATUS_LABELS,
  PREVENTION_MEASURE_LABELS,
  SCALE_TIER_LABELS,
  SiteCheck,
  SiteCheckInput,
  labelIn,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { errors, sendStoredFile, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

const READ_OR_FILE = ['resumption.read', 'resumption.file'] as const;
const FILE_OR_REVIEW = ['resumption.file', 'resumption.review'] as const;
const PlanFileParams = z.strictObject({ id: Id, fileId: Id });

/** The multipart field "file" with its name, read whole. */
async function uploadedFileWithName(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string | undefined }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', { detail: String(req.headers['content-type'] ?? '') });
  const part = await req.file();
  if (!part) throw new ValidationError([{ path: 'file', key: 'v.required' }]);
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw new AppError(413, 'payload_too_large', { limit: `${Math.round(bytes.length / 1024 / 1024)} MB` });
  return { bytes, filename: part.filename };
}

export async function plansRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const plans = services.resumption.plans;
  const tz = services.timeZone;

  api.get('/api/resumption/plans', {
    config: { permission: [...READ_OR_FILE] },
    schema: {
      tags: ['resumption'],
      summary: 'Resumption plans: the zone’s for officers (submitted first, the earliest SLA on top), the own enterprise’s for its users',
      querystring: PlanListQuery,
      response: { 200: listOf(Plan), ...errors },
    },
    handler: (req) => plans.list(requireCtx(req), req.query),
  });
  api.get('/api/resumption/plans/export.xlsx', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The filtered plans as Excel', querystring: PlanExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const { lang: _l, ...q } = req.query;
      const done = (p: Plan) => FIVE_IN_PLACE.filter((k) => p.fields.fiveInPlace[k]).length;
      const columns: Column<Plan>[] = [
        { key: 'number', zh: '申请编号', en: 'Number', width: 18, value: (p) => p.number },
        { key: 'enterprise', zh: '企业名称', en: 'Enterprise', width: 30, value: (p) => p.enterpriseName },
        { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (p) => p.creditCode },
        { key: 'park', zh: '所在园区', en: 'Park', width: 16, value: (p) => p.parkName },
        { key: 'tier', zh: '规模档次', en: 'Tier', value: (p) => labelIn(lang, SCALE_TIER_LABELS[p.tier]) },
        { key: 'status', zh: '状态', en: 'Status', width: 12, value: (p) => labelIn(lang, PLAN_STATUS_LABELS[p.status]) },
        { key: 'plannedStartDate', zh: '计划复工日期', en: 'Planned start', value: (p) => p.fields.plannedStartDate },
        { key: 'employeesTotal', zh: '职工总数', en: 'Employees', value: (p) => p.fields.employeesTotal },
        { key: 'plannedOnSite', zh: '计划到岗', en: 'Planned on site', value: (p) => p.fields.plannedOnSite },
        { key: 'stillOutside', zh: '仍在外地', en: 'Still outside', value: (p) => p.fields.stillOutside },
        { key: 'fromHighRisk', zh: '来自高风险地区', en: 'From high-risk regions', value: (p) => p.fields.fromHighRisk },
        { key: 'suppliesDays', zh: '物资可用天数', en: 'Supplies days', value: (p) => p.fields.suppliesDays },
        { key: 'measures', zh: '防控措施', en: 'Measures', width: 40, value: (p) => p.fields.measures.map((m) => labelIn(lang, PREVENTION_MEASURE_LABELS[m])).join(lang === 'en-US' ? '; ' : '、') },
        { key: 'fiveInPlace', zh: '五个到位', en: 'Five in place', value: (p) => `${done(p)}/5` },
        { key: 'contact', zh: '联系人', en: 'Contact', value: (p) => p.fields.contactName },
        { key: 'phone', zh: '联系电话', en: 'Phone', value: (p) => p.fields.contactPhoneMasked },
        { key: 'submittedAt', zh: '提交时间', en: 'Submitted', width: 18, value: (p) => (p.submittedAt ? zonedTime(p.submittedAt, tz) : null) },
        { key: 'slaDueAt', zh: '办理时限', en: 'SLA due', width: 18, value: (p) => (p.slaDueAt ? zonedTime(p.slaDueAt, tz) : null) },
        { key: 'hoursLeft', zh: '剩余小时', en: 'Hours left', value: (p) => p.hoursLeft },
        { key: 'approvedOn', zh: '批准复工日期', en: 'Approved on', value: (p) => p.approvedOn },
        { key: 'conditions', zh: '附加条件', en: 'Conditions', width: 30, value: (p) => p.conditions.join(lang === 'en-US' ? '; ' : '；') },
        { key: 'decisionReason', zh: '审核意见', en: 'Decision reason', width: 30, value: (p) => p.decisionReason },
        { key: 'commissioner', zh: '驻企特派员', en: 'Commissioner', value: (p) => p.commissioner?.name ?? null },
      ];
      return sendXlsx(reply, 'resumption-plans', xlsxStream(lang === 'en-US' ? 'Resumption plans' : '复工申请', columns, plans.exportRows(requireCtx(req), q), lang));
    },
  });
  api.post('/api/resumption/plans', {
    config: { permission: [...FILE_OR_REVIEW] },
    schema: {
      tags: ['resumption'],
      summary: 'Start the enterprise’s plan (a draft): its users for their own, a commissioner for an assigned enterprise; one open plan per enterprise (409)',
      body: PlanCreateInput,
      response: { 201: PlanDetail, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await plans.create(requireCtx(req), req.body)),
  });
  api.get('/api/resumption/plans/:id', {
    config: { permission: [...READ_OR_FILE] },
    schema: { tags: ['resumption'], summary: 'A plan with its timeline, site checks and files', params: IdParams, response: { 200: PlanDetail, ...errors } },
    handler: (req) => plans.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/resumption/plans/:id', {
    config: { permission: [...FILE_OR_REVIEW] },
    schema: { tags: ['resumption'], summary: 'Change a draft or a returned plan (only the fields sent; `version` refuses a stale edit)', params: IdParams, body: PlanPatch, response: { 200: PlanDetail, ...errors } },
    handler: (req) => plans.update(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/resumption/plans/:id/files', {
    config: { permission: [...FILE_OR_REVIEW] },
    schema: {
      tags: ['resumption'],
      summary: 'Upload evidence or a site photo to the plan (multipart field "file"; PDF, JPEG, PNG, Word or Excel, read from the content)',
      params: IdParams,
      response: { 201: PlanFile, ...errors },
    },
    handler: async (req, reply) => {
      const { bytes, filename } = await uploadedFileWithName(req);
      return reply.status(201).send(await plans.uploadFile(requireCtx(req), req.params.id, bytes, filename));
    },
  });
  api.get('/api/resumption/plans/:id/files/:fileId', {
    config: { permission: [...READ_OR_FILE] },
    schema: { tags: ['resumption'], summary: 'A file of the plan; inline=true to preview images and PDF', params: PlanFileParams, querystring: z.strictObject({ inline: z.stringbool().optional() }) },
    handler: async (req, reply) => sendStoredFile(reply, await plans.openFile(requireCtx(req), req.params.id, req.params.fileId), req.query.inline === true),
  });
  api.post('/api/resumption/plans/:id/actions/:action', {
    config: { permission: [...FILE_OR_REVIEW] },
    schema: {
      tags: ['resumption'],
      summary: 'submit (the enterprise or its commissioner), approve / return / refuse (reviewers); 409 when the state does not allow it',
      params: PlanActionParams,
      body: PlanActionBody,
      response: { 200: PlanDetail, ...errors },
    },
    handler: (req) => plans.act(requireCtx(req), req.params.id, req.params.action, req.body ?? {}),
  });
  api.post('/api/resumption/plans/:id/site-checks', {
    config: { permission: 'resumption.review' },
    schema: { tags: ['resumption'], summary: 'Record an on-site verification (现场核查) of a submitted or approved plan', params: IdParams, body: SiteCheckInput, response: { 201: SiteCheck, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await plans.siteCheck(requireCtx(req), req.params.id, req.body)),
  });
}
