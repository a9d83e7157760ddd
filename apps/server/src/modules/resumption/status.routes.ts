// The enterprises' resumption status on a date (derived, never typed), its history, the Excel
// export, and an officer's suspension and resumption of an enterprise.
import type { FastifyInstance } from 'fastify';
import type { $ZodIssue } from 'zod/v4/core';
import {
  EnterpriseActionParams,
  EnterpriseResumption,
  EnterpriseResumptionExportQuery,
  EnterpriseResumptionHistory,
  EnterpriseResumptionQuery,
  ENTERPRISE_RESUMPTION_STATUS_LABELS,
  IdParams,
  listOf,
  PLAN_STATUS_LABELS,
  ResumeInput,
  SCALE_TIER_LABELS,
  SuspendInput,
  isPrintableText,
  labelIn,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { SchemaValidationError } from '../../platform/validation.js';
import type { Services } from '../../services.js';

export async function statusRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const status = services.resumption.status;

  api.get('/api/resumption/enterprises', {
    config: { permission: 'resumption.read' },
    schema: {
      tags: ['resumption'],
      summary: 'Every enterprise of the zone with its status on a date (asOf, today by default) and the figures of its latest daily report',
      querystring: EnterpriseResumptionQuery,
      response: { 200: listOf(EnterpriseResumption), ...errors },
    },
    handler: (req) => status.list(requireCtx(req), req.query),
  });
  api.get('/api/resumption/enterprises/export.xlsx', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The enterprises’ status on a date as Excel (same filters)', querystring: EnterpriseResumptionExportQuery },
    handler: async (req, reply) => {
      const lang = req.lang;
      const ctx = requireCtx(req);
      const { lang: _l, asOf, ...filters } = req.query;
      const date = status.asOfOf(asOf);
      const rows = await status.rows(ctx, date, filters);
      const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);
      const columns: Column<EnterpriseResumption>[] = [
        { key: 'enterprise', zh: '企业名称', en: 'Enterprise', width: 30, value: (r) => r.enterpriseName },
        { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (r) => r.creditCode },
        { key: 'park', zh: '所在园区', en: 'Park', width: 16, value: (r) => r.parkName },
        { key: 'tier', zh: '规模档次', en: 'Tier', value: (r) => labelIn(lang, SCALE_TIER_LABELS[r.tier]) },
        { key: 'aboveScale', zh: '规上企业', en: 'Above scale', value: (r) => (r.aboveScale ? labelIn(lang, ['是', 'yes']) : labelIn(lang, ['否', 'no'])) },
        { key: 'cityMonitored', zh: '市级监测', en: 'City-monitored', value: (r) => (r.cityMonitored ? labelIn(lang, ['是', 'yes']) : labelIn(lang, ['否', 'no'])) },
        { key: 'status', zh: `状态（${date}）`, en: `Status (${date})`, width: 14, value: (r) => labelIn(lang, ENTERPRISE_RESUMPTION_STATUS_LABELS[r.status]) },
        { key: 'since', zh: '起始日期', en: 'Since', value: (r) => r.since },
        { key: 'planStatus', zh: '复工申请', en: 'Plan', value: (r) => (r.planStatus ? labelIn(lang, PLAN_STATUS_LABELS[r.planStatus]) : null) },
        { key: 'employees', zh: '职工总数', en: 'Employees', value: (r) => r.employees },
        { key: 'latestReportDate', zh: '最近日报', en: 'Latest report', value: (r) => r.latestReportDate },
        { key: 'staffOnSite', zh: '在岗人数', en: 'Staff on site', value: (r) => r.staffOnSite },
        { key: 'staffReturnRate', zh: '返岗率', en: 'Staff return', value: (r) => pct(r.staffReturnRate) },
        { key: 'capacityPct', zh: '产能利用率', en: 'Capacity', value: (r) => (r.capacityPct === null ? null : `${r.capacityPct}%`) },
        { key: 'commissioner', zh: '驻企特派员', en: 'Commissioner', value: (r) => r.commissioner?.name ?? null },
      ];
      return sendXlsx(reply, `resumption-enterprises-${date}`, xlsxStream(lang === 'en-US' ? 'Enterprises' : '企业复工情况', columns, rows, lang));
    },
  });
  api.get('/api/resumption/enterprises/:id/history', {
    config: { permission: ['resumption.read', 'resumption.file'] },
    schema: { tags: ['resumption'], summary: 'The enterprise’s status today and its periods of status (enterprise users: their own)', params: IdParams, response: { 200: EnterpriseResumptionHistory, ...errors } },
    handler: (req) => status.history(requireCtx(req), req.params.id),
  });
  api.post('/api/resumption/enterprises/:id/actions/:action', {
    config: { permission: 'resumption.review' },
    schema: {
      tags: ['resumption'],
      summary: 'suspend (a resumed enterprise, with the reason) or resume (a suspended one), from a date (today by default, never in the future)',
      params: EnterpriseActionParams,
      response: { 200: EnterpriseResumptionHistory, ...errors },
    },
    handler: (req) => {
      const ctx = requireCtx(req);
      // The body's shape depends on the action: parsed here so that a bad field is a 400 naming it.
      if (req.params.action === 'suspend') return status.suspend(ctx, req.params.id, parse(SuspendInput, req.body));
      return status.resume(ctx, req.params.id, parse(ResumeInput, req.body));
    },
  });
}

/**
 * The body of the action, by the action's schema: a bad field is a 400 naming it, as for any route.
 * The route declares no body schema, so the validator's refusal of control characters (NUL cannot
 * be stored by PostgreSQL) is repeated here for the body's text fields.
 */
function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: $ZodIssue[] } } }, body: unknown): T {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const unprintable = Object.entries(body).find(([, v]) => typeof v === 'string' && !isPrintableText(v));
    if (unprintable) throw new SchemaValidationError([{ code: 'custom', path: [unprintable[0]], message: 'v.control_chars', input: undefined } as unknown as $ZodIssue], 'body');
  }
  const res = schema.safeParse(body ?? {});
  if (res.success) return res.data;
  throw new SchemaValidationError(res.error.issues, 'body');
}
