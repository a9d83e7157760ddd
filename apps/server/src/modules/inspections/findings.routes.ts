// Finding routes (巡查问题): the rectification ledger (巡查台账) with its filters and Excel export,
// one finding with its history and photos, closing a ledger item and raising an enterprise demand.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  FINDING_DISPOSITION_LABELS,
  FINDING_STATUS_LABELS,
  Finding,
  FindingCloseInput,
  FindingDemandInput,
  FindingDetail,
  FindingExportQuery,
  FindingListQuery,
  Id,
  IdParams,
  INSPECTION_PLACE_LABELS,
  SEVERITY_LABELS,
  labelIn,
  listOf,
  type Lang,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendStoredFile, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const WORK = ['inspections.inspect', 'inspections.manage'] as const;
const PhotoParams = z.strictObject({ id: Id, fileId: Id });

type Numbered = Finding & { seq: number };

/** The standard columns of a rectification ledger (整改台账). */
export function findingLedgerColumns(lang: Lang): Column<Numbered>[] {
  const yesNo = (b: boolean) => labelIn(lang, b ? ['（已逾期）', ' (overdue)'] : ['', '']);
  return [
    { key: 'seq', zh: '序号', en: 'No.', width: 6, value: (f) => f.seq },
    { key: 'number', zh: '编号', en: 'Number', width: 18, value: (f) => f.number },
    { key: 'park', zh: '园区', en: 'Park', width: 18, value: (f) => f.parkName },
    { key: 'place', zh: '部位', en: 'Place', width: 10, value: (f) => labelIn(lang, INSPECTION_PLACE_LABELS[f.place]) },
    { key: 'target', zh: '楼宇/企业', en: 'Building / enterprise', width: 24, value: (f) => (f.place === 'building' || f.place === 'enterprise' ? f.placeLabel : null) },
    { key: 'item', zh: '检查项', en: 'Item', width: 30, value: (f) => f.itemTitle },
    { key: 'description', zh: '问题描述', en: 'Problem', width: 36, value: (f) => (f.value === null ? f.description : `${f.description}（${f.value}）`) },
    { key: 'severity', zh: '严重程度', en: 'Severity', width: 10, value: (f) => labelIn(lang, SEVERITY_LABELS[f.severity]) },
    { key: 'foundOn', zh: '发现日期', en: 'Found on', width: 12, value: (f) => f.foundOn },
    { key: 'disposition', zh: '处置方式', en: 'Disposition', width: 12, value: (f) => labelIn(lang, FINDING_DISPOSITION_LABELS[f.disposition]) },
    { key: 'responsibleParty', zh: '责任方', en: 'Responsible party', width: 16, value: (f) => f.responsibleParty },
    { key: 'measure', zh: '整改措施', en: 'Measure', width: 30, value: (f) => f.measure },
    { key: 'deadline', zh: '整改期限', en: 'Deadline', width: 12, value: (f) => f.deadline },
    { key: 'status', zh: '状态', en: 'Status', width: 14, value: (f) => `${labelIn(lang, FINDING_STATUS_LABELS[f.status])}${yesNo(f.overdue)}` },
    { key: 'followUps', zh: '回访次数', en: 'Follow-ups', width: 10, value: (f) => f.followUps },
    { key: 'lastFollowUpOn', zh: '最近回访', en: 'Last follow-up', width: 12, value: (f) => f.lastFollowUpOn },
    { key: 'closedOn', zh: '销号日期', en: 'Closed on', width: 12, value: (f) => f.closedOn },
    { key: 'daysToClose', zh: '整改天数', en: 'Days to close', width: 10, value: (f) => f.daysToClose },
    { key: 'inspector', zh: '巡查员', en: 'Inspector', width: 12, value: (f) => f.inspector?.name ?? null },
  ];
}

async function* numbered(rows: AsyncIterable<Finding>): AsyncGenerator<Numbered> {
  let seq = 0;
  for await (const f of rows) yield { ...f, seq: ++seq };
}

export async function findingsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.inspections.findings;

  api.get('/api/inspections/findings', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'Findings and the rectification ledger (巡查台账; ledger=true): by park, status, severity, item, round, overdue', querystring: FindingListQuery, response: { 200: listOf(Finding), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/inspections/findings/export.xlsx', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'The filtered ledger as Excel, with the standard columns of a rectification ledger', querystring: FindingExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      const rows = numbered(svc.exportRows(requireCtx(req), q));
      return sendXlsx(reply, 'inspection-ledger', xlsxStream(req.lang === 'en-US' ? 'Rectification ledger' : '巡查整改台账', findingLedgerColumns(req.lang), rows, req.lang));
    },
  });
  api.get('/api/inspections/findings/:id', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'One finding with its full history (found, follow-ups, escalations, closing)', params: IdParams, response: { 200: FindingDetail, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.get('/api/inspections/findings/:id/photos/:fileId', {
    config: { permission: 'inspections.read' },
    schema: { tags: ['inspections'], summary: 'A photo of the finding (before, after the fix, or of a follow-up)', params: PhotoParams },
    handler: async (req, reply) => sendStoredFile(reply, await svc.photo(requireCtx(req), req.params.id, req.params.fileId), true),
  });
  api.post('/api/inspections/findings/:id/actions/close', {
    config: { permission: [...WORK] },
    schema: {
      tags: ['inspections'],
      summary: 'Verify an open ledger item closed (验收销号) with photos after the fix (uploaded to its task or a follow-up task); the park’s inspector or the zone admin',
      params: IdParams,
      body: FindingCloseInput,
      response: { 200: FindingDetail, ...errors },
    },
    handler: (req) => svc.close(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/inspections/findings/:id/actions/raise-demand', {
    config: { permission: [...WORK] },
    schema: {
      tags: ['inspections'],
      summary: 'Raise an enterprise demand (诉求) from a finding about an enterprise (422 when it has none; 409 when already raised)',
      params: IdParams,
      body: FindingDemandInput,
      response: { 200: FindingDetail, ...errors },
    },
    handler: (req) => svc.raiseDemand(requireCtx(req), req.params.id, req.body),
  });
}
