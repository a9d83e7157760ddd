// Daily reports (复工日报): the enterprise's (or its commissioner's) report of the day, the list and
// its Excel export, and the resumed enterprises that have not reported.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DailyReport, DailyReportExportQuery, DailyReportInput, DailyReportListQuery, listOf, MissingReport, MissingReportsQuery } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

const READ_OR_FILE = ['resumption.read', 'resumption.file'] as const;

export async function reportsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const reports = services.resumption.reports;
  const tz = services.timeZone;

  api.put('/api/resumption/daily-reports', {
    config: { permission: ['resumption.file', 'resumption.review'] },
    schema: {
      tags: ['resumption'],
      summary: 'The day’s report of a resumed enterprise: one per enterprise and day, a second replaces the first',
      body: DailyReportInput,
      response: { 200: DailyReport, ...errors },
    },
    handler: (req) => reports.put(requireCtx(req), req.body),
  });
  api.get('/api/resumption/daily-reports', {
    config: { permission: [...READ_OR_FILE] },
    schema: { tags: ['resumption'], summary: 'Daily reports: the zone’s for officers, the own enterprise’s for its users', querystring: DailyReportListQuery, response: { 200: listOf(DailyReport), ...errors } },
    handler: (req) => reports.list(requireCtx(req), req.query),
  });
  api.get('/api/resumption/daily-reports/export.xlsx', {
    config: { permission: [...READ_OR_FILE] },
    schema: { tags: ['resumption'], summary: 'The filtered daily reports as Excel', querystring: DailyReportExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const { lang: _l, ...q } = req.query;
      const columns: Column<DailyReport>[] = [
        { key: 'reportDate', zh: '日报日期', en: 'Date', value: (r) => r.reportDate },
        { key: 'enterprise', zh: '企业名称', en: 'Enterprise', width: 30, value: (r) => r.enterpriseName },
        { key: 'park', zh: '所在园区', en: 'Park', width: 16, value: (r) => r.parkName },
        { key: 'staffOnSite', zh: '在岗人数', en: 'Staff on site', value: (r) => r.staffOnSite },
        { key: 'employees', zh: '职工总数', en: 'Employees', value: (r) => r.employees },
        { key: 'capacityPct', zh: '产能利用率（%）', en: 'Capacity (%)', value: (r) => r.capacityPct },
        { key: 'suppliesDaysLeft', zh: '物资剩余天数', en: 'Supplies days left', value: (r) => r.suppliesDaysLeft },
        { key: 'abnormalTemperature', zh: '体温异常人数', en: 'Abnormal temperature', value: (r) => r.abnormalTemperature },
        { key: 'note', zh: '备注', en: 'Note', width: 30, value: (r) => r.note },
        { key: 'reportedBy', zh: '填报人', en: 'Reported by', value: (r) => r.reportedBy },
        { key: 'replaced', zh: '已更正', en: 'Replaced', value: (r) => (r.replaced ? (lang === 'en-US' ? 'yes' : '是') : '') },
        { key: 'updatedAt', zh: '填报时间', en: 'Reported at', width: 18, value: (r) => zonedTime(r.updatedAt, tz) },
      ];
      return sendXlsx(reply, 'daily-reports', xlsxStream(lang === 'en-US' ? 'Daily reports' : '复工日报', columns, reports.exportRows(requireCtx(req), q), lang));
    },
  });
  api.get('/api/resumption/daily-reports/missing', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'Enterprises resumed on the date (today by default) without a report for it; mine=true: the signed-in commissioner’s', querystring: MissingReportsQuery, response: { 200: z.array(MissingReport), ...errors } },
    handler: (req) => reports.missing(requireCtx(req), req.query),
  });
}
