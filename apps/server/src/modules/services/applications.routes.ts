import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Application,
  ApplicationActionBody,
  ApplicationActionParams,
  ApplicationCreateInput,
  ApplicationExportQuery,
  ApplicationListQuery,
  ApplicationPatch,
  ApplicationProgress,
  ApplicationQueueCounts,
  ApplicationSummary,
  AssignBody,
  BulkAcceptBody,
  BulkAcceptResult,
  APPLICATION_STATUS_LABELS,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  IdParams,
  Licence,
  LicenceCodeParams,
  LicenceVerification,
  LICENCE_STATUSES,
  LICENCE_STATUS_LABELS,
  listOf,
  MaterialIdParams,
  MaterialParams,
  Ok,
  PageQuery,
  ProgressLookupBody,
  RevokeBody,
  SERVICE_CATEGORY_LABELS,
  ServiceStats,
  ServiceStatsExportQuery,
  ServiceStatsQuery,
  STATS_DEFINITIONS, labelIn } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { allPages, attachment, errors, sendStoredFile, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import { zipStream } from '../../platform/zip.js';
import type { Services } from '../../services.js';

const APPLY_OR_HANDLE = ['services.apply', 'services.handle'] as const;
const ZIP_TYPE = 'application/zip';

export async function applicationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const apps = services.applications;
  const tz = services.timeZone;

  api.get('/api/applications', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'Applications (办件): the zone’s for officers, one’s own for applicants', querystring: ApplicationListQuery, response: { 200: listOf(ApplicationSummary), ...errors } },
    handler: (req) => apps.list(requireCtx(req), req.query),
  });
  api.get('/api/applications/queues', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Counts for the workbench queues', response: { 200: ApplicationQueueCounts, ...errors } },
    handler: (req) => apps.queues(requireCtx(req)),
  });
  api.get('/api/applications/export.xlsx', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'The filtered applications as Excel', querystring: ApplicationExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const columns: Column<ApplicationSummary>[] = [
        { key: 'number', zh: '办件编号', en: 'Number', width: 22, value: (a) => a.number },
        { key: 'status', zh: '状态', en: 'Status', width: 12, value: (a) => labelIn(lang, APPLICATION_STATUS_LABELS[a.status]) },
        { key: 'itemCode', zh: '事项编码', en: 'Item code', value: (a) => a.itemCode },
        { key: 'itemName', zh: '事项名称', en: 'Item', width: 28, value: (a) => a.itemName },
        { key: 'department', zh: '办理部门', en: 'Department', width: 20, value: (a) => a.department },
        { key: 'category', zh: '事项类别', en: 'Category', value: (a) => labelIn(lang, SERVICE_CATEGORY_LABELS[a.category]) },
        { key: 'enterprise', zh: '申请企业', en: 'Enterprise', width: 28, value: (a) => a.enterpriseName },
        { key: 'applicant', zh: '申请人', en: 'Applicant', value: (a) => a.applicantName },
        { key: 'phone', zh: '联系电话', en: 'Phone', value: (a) => a.applicantPhoneMasked },
        { key: 'channel', zh: '申请渠道', en: 'Channel', value: (a) => labelIn(lang, CHANNEL_LABELS[a.channel]) },
        { key: 'delivery', zh: '送达方式', en: 'Delivery', value: (a) => labelIn(lang, DELIVERY_LABELS[a.delivery]) },
        { key: 'assignee', zh: '承办人', en: 'Assignee', value: (a) => a.assigneeName },
        { key: 'submittedAt', zh: '提交时间', en: 'Submitted', width: 18, value: (a) => (a.submittedAt ? zonedTime(a.submittedAt, tz) : null) },
        { key: 'acceptedOn', zh: '受理日期', en: 'Accepted on', value: (a) => a.acceptedOn },
        { key: 'dueDate', zh: '办理时限', en: 'Due', value: (a) => a.dueDate },
        { key: 'completedOn', zh: '办结日期', en: 'Completed on', value: (a) => a.completedOn },
      ];
      return sendXlsx(reply, 'applications', xlsxStream(lang === 'en-US' ? 'Applications' : '办件', columns, apps.exportRows(requireCtx(req), req.query), lang));
    },
  });
  api.get('/api/applications/materials.zip', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'All current materials of the filtered applications as one zip (streamed), a folder per application', querystring: ApplicationExportQuery },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const source = apps.materialsOf(ctx, req.query);
      async function* entries() {
        for await (const { application, material } of source) {
          yield { name: `${application.number ?? application.id}/${material.material_key}-${material.name}`, open: async () => (await services.files.openAuthorized(ctx.zoneId, material.file_id)).stream };
        }
      }
      return attachment(reply, `materials-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.zip`, ZIP_TYPE).send(zipStream(entries()));
    },
  });
  api.post('/api/applications/actions/accept', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Accept (受理) many submitted applications; each succeeds or fails alone', body: BulkAcceptBody, response: { 200: BulkAcceptResult, ...errors } },
    handler: (req) => apps.bulkAccept(requireCtx(req), req.body.ids),
  });
  api.post('/api/applications', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'Start an application (a draft); officers record counter and mail applications', body: ApplicationCreateInput, response: { 201: Application, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await apps.create(requireCtx(req), req.body)),
  });
  api.get('/api/applications/:id', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], params: IdParams, response: { 200: Application, ...errors } },
    handler: (req) => apps.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/applications/:id', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'Change a draft, or an application in correction', params: IdParams, body: ApplicationPatch, response: { 200: Application, ...errors } },
    handler: (req) => apps.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/applications/:id', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'Delete a draft', params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await apps.removeDraft(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });
  api.post('/api/applications/:id/materials/:key', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'Upload (or replace) a material (multipart field "file"); its type is read from the content', params: MaterialParams, response: { 201: Application, ...errors } },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', { detail: String(req.headers['content-type'] ?? '') });
      const part = await req.file();
      if (!part) throw new ValidationError([{ path: 'file', key: 'v.required' }]);
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw new AppError(413, 'payload_too_large', { limit: `${Math.round(bytes.length / 1024 / 1024)} MB` });
      return reply.status(201).send(await apps.uploadMaterial(requireCtx(req), req.params.id, req.params.key, bytes, part.filename));
    },
  });
  api.delete('/api/applications/:id/materials/:materialId', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], params: MaterialIdParams, response: { 200: Application, ...errors } },
    handler: (req) => apps.removeMaterial(requireCtx(req), req.params.id, req.params.materialId),
  });
  api.get('/api/applications/:id/materials/:materialId/file', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'A material’s bytes; inline=true to preview images and PDF in the browser', params: MaterialIdParams, querystring: z.strictObject({ inline: z.stringbool().optional() }) },
    handler: async (req, reply) => sendStoredFile(reply, await apps.openMaterial(requireCtx(req), req.params.id, req.params.materialId), req.query.inline === true),
  });
  api.get('/api/applications/:id/materials.zip', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'All current materials of one application as a zip', params: IdParams },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const application = await apps.get(ctx, req.params.id);
      const entries = application.materials.map((m) => ({ name: `${m.key}-${m.name}`, open: async () => (await services.files.openAuthorized(ctx.zoneId, m.fileId)).stream }));
      return attachment(reply, `${application.number ?? 'draft'}-materials.zip`, ZIP_TYPE).send(zipStream(entries));
    },
  });
  api.post('/api/applications/:id/actions/:action', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: {
      tags: ['services'],
      summary: 'A state change: submit, accept, refuse, review, request_correction, resubmit, approve, deny, withdraw (409 when the state does not allow it)',
      params: ApplicationActionParams,
      body: ApplicationActionBody,
      response: { 200: Application, ...errors },
    },
    handler: (req) => apps.act(requireCtx(req), req.params.id, req.params.action, req.body ?? {}),
  });
  api.put('/api/applications/:id/assignee', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Assign the application to an approval officer (or nobody)', params: IdParams, body: AssignBody, response: { 200: Application, ...errors } },
    handler: (req) => apps.assign(requireCtx(req), req.params.id, req.body.assigneeId),
  });
  api.get('/api/services/officers', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Approval officers of the zone, to assign applications to', response: { 200: z.array(z.object({ id: z.string(), displayName: z.string() })), ...errors } },
    handler: (req) => apps.officers(requireCtx(req)),
  });

  // ---- licences
  api.post('/api/applications/:id/licence', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Issue the e-licence of an approved application again (after a revocation)', params: IdParams, response: { 200: Application, ...errors } },
    handler: (req) => services.licences.issue(requireCtx(req), req.params.id),
  });
  api.get('/api/applications/:id/licence.pdf', {
    config: { permission: [...APPLY_OR_HANDLE] },
    schema: { tags: ['services'], summary: 'The e-licence PDF of an application', params: IdParams, querystring: z.strictObject({ inline: z.stringbool().optional() }) },
    handler: async (req, reply) => sendStoredFile(reply, await services.licences.openPdf(requireCtx(req), req.params.id), req.query.inline === true),
  });
  api.get('/api/licences', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'E-licences issued by the zone', querystring: z.strictObject({ ...PageQuery, status: z.enum(LICENCE_STATUSES).optional() }), response: { 200: listOf(Licence), ...errors } },
    handler: (req) => services.licences.list(requireCtx(req), req.query),
  });
  api.get('/api/licences/export.xlsx', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'The filtered e-licences as Excel', querystring: z.strictObject({ q: PageQuery.q, status: z.enum(LICENCE_STATUSES).optional(), lang: z.enum(['zh-CN', 'en-US']).optional() }) },
    handler: (req, reply) => {
      const lang = req.lang;
      const ctx = requireCtx(req);
      const columns: Column<Licence>[] = [
        { key: 'number', zh: '证照编号', en: 'Number', width: 24, value: (l) => l.number },
        { key: 'licenceName', zh: '证照名称', en: 'Licence', width: 20, value: (l) => l.licenceName },
        { key: 'holderName', zh: '持证主体', en: 'Holder', width: 30, value: (l) => l.holderName },
        { key: 'itemName', zh: '办理事项', en: 'Item', width: 28, value: (l) => l.itemName },
        { key: 'issuedOn', zh: '发证日期', en: 'Issued on', value: (l) => l.issuedOn },
        { key: 'status', zh: '状态', en: 'Status', width: 10, value: (l) => labelIn(lang, LICENCE_STATUS_LABELS[l.status]) },
        { key: 'revokedAt', zh: '注销时间', en: 'Revoked', width: 18, value: (l) => (l.revokedAt ? zonedTime(l.revokedAt, tz) : null) },
        { key: 'revokeReason', zh: '注销原因', en: 'Revocation reason', width: 30, value: (l) => l.revokeReason },
        { key: 'verifyUrl', zh: '核验地址', en: 'Verification address', width: 60, value: (l) => l.verifyUrl },
      ];
      const rows = allPages((page) => services.licences.list(ctx, { q: req.query.q, status: req.query.status, page, pageSize: 200 }));
      return sendXlsx(reply, 'licences', xlsxStream(lang === 'en-US' ? 'Licences' : '电子证照', columns, rows, lang));
    },
  });
  api.post('/api/licences/:id/actions/revoke', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Revoke (注销) a licence; its verification page then says so', params: IdParams, body: RevokeBody, response: { 200: Licence, ...errors } },
    handler: (req) => services.licences.revoke(requireCtx(req), req.params.id, req.body.reason),
  });

  // ---- public: no login
  api.get('/api/public/licences/:code', {
    config: { public: true },
    schema: { tags: ['public'], summary: 'Verify a licence by the code in its QR', params: LicenceCodeParams, response: { 200: LicenceVerification, ...errors } },
    handler: (req) => services.licences.verify(req.params.code),
  });
  api.post('/api/public/applications/lookup', {
    config: {
      public: true,
      rateLimit: { max: 10, timeWindow: 60_000, errorResponseBuilder: (_req: unknown, c: { ttl: number }) => new AppError(429, 'too_many_requests', { seconds: Math.ceil(c.ttl / 1000) }) },
    },
    schema: { tags: ['public'], summary: 'Progress of an application by its number and the last 4 digits of the applicant’s phone (10 tries a minute)', body: ProgressLookupBody, response: { 200: ApplicationProgress, ...errors, 429: errors[400] } },
    handler: (req) => apps.lookup(req.body.number, req.body.phoneLast4, req.body.zone),
  });

  // ---- statistics
  api.get('/api/services/stats', {
    config: { permission: 'services.stats' },
    schema: {
      tags: ['services'],
      summary: 'Service statistics of a period; every rate as numerator and denominator',
      description: Object.entries(STATS_DEFINITIONS).map(([k, v]) => `- ${k}: ${v}`).join('\n'),
      querystring: ServiceStatsQuery,
      response: { 200: ServiceStats, ...errors },
    },
    handler: (req) => services.stats.stats(requireCtx(req), req.query),
  });
  api.get('/api/services/stats/export.xlsx', {
    config: { permission: 'services.stats' },
    schema: { tags: ['services'], summary: 'The statistics of a period as Excel: the figures with their definitions, and the days', querystring: ServiceStatsExportQuery },
    handler: async (req, reply) => {
      const { lang: _l, ...q } = req.query;
      if (q.from > q.to) throw new ValidationError([{ path: 'to', key: 'v.range' }]);
      const s = await services.stats.stats(requireCtx(req), q);
      const lang = req.lang;
      const pct = (r: { value: number | null }) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`);
      const rows: { name: string; value: string | number; detail: string }[] = [
        { name: labelIn(lang, ['受理量', 'Received']), value: s.received, detail: STATS_DEFINITIONS.received },
        { name: labelIn(lang, ['办结量', 'Completed']), value: s.completed, detail: STATS_DEFINITIONS.completed },
        { name: labelIn(lang, ['网上办结（不见面）', 'Completed online (no contact)']), value: s.completedOnline, detail: STATS_DEFINITIONS.completedOnline },
        { name: labelIn(lang, ['不见面办理率', 'No-contact rate']), value: pct(s.noContactRate), detail: `${s.noContactRate.numerator} / ${s.noContactRate.denominator}` },
        { name: labelIn(lang, ['全程电子化率', 'Fully-electronic rate']), value: pct(s.fullyElectronicRate), detail: `${s.fullyElectronicRate.numerator} / ${s.fullyElectronicRate.denominator}` },
        ...s.fullyElectronicByCategory.map((c) => ({ name: `${labelIn(lang, ['全程电子化率', 'Fully-electronic rate'])} · ${labelIn(lang, SERVICE_CATEGORY_LABELS[c.category])}`, value: pct(c.rate), detail: `${c.rate.numerator} / ${c.rate.denominator}` })),
        { name: labelIn(lang, ['平均办理工作日', 'Average working days']), value: s.avgWorkingDays.value === null ? '—' : s.avgWorkingDays.value.toFixed(1), detail: `${s.avgWorkingDays.totalDays} / ${s.avgWorkingDays.count}` },
        { name: labelIn(lang, ['超期未办结', 'Overdue, open']), value: s.overdueOpen, detail: STATS_DEFINITIONS.overdueOpen },
        { name: labelIn(lang, ['超期办结', 'Completed late']), value: s.completedLate, detail: STATS_DEFINITIONS.completedLate },
        { name: labelIn(lang, ['补正率', 'Correction rate']), value: pct(s.correctionRate), detail: `${s.correctionRate.numerator} / ${s.correctionRate.denominator}` },
        { name: labelIn(lang, ['预约量', 'Appointments']), value: s.appointments, detail: STATS_DEFINITIONS.appointments },
        { name: labelIn(lang, ['咨询量', 'Consultations']), value: s.consultations, detail: STATS_DEFINITIONS.consultations },
        { name: labelIn(lang, ['线上就业登记', 'Employment registrations online']), value: s.employmentRegistrations, detail: STATS_DEFINITIONS.employmentRegistrations },
        ...s.byDay.map((d) => ({ name: d.date, value: d.received, detail: `${labelIn(lang, ['受理', 'received'])} ${d.received} · ${labelIn(lang, ['办结', 'completed'])} ${d.completed}` })),
      ];
      const columns: Column<(typeof rows)[number]>[] = [
        { key: 'name', zh: '指标', en: 'Figure', width: 30, value: (r) => r.name },
        { key: 'value', zh: '数值', en: 'Value', width: 14, value: (r) => r.value },
        { key: 'detail', zh: '分子/分母或口径', en: 'Numerator / denominator or definition', width: 80, value: (r) => r.detail },
      ];
      return sendXlsx(reply, `service-stats-${s.from}-${s.to}`, xlsxStream(lang === 'en-US' ? 'Statistics' : '办件统计', columns, rows, lang));
    },
  });
}
