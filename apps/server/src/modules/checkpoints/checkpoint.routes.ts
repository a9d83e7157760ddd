// Checkpoints (卡口): the list and its Excel export, create and edit, status changes with history,
// token rotation, the QR code (PNG) and the printable A4 poster (PDF).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Checkpoint,
  CheckpointDetail,
  CheckpointExportQuery,
  CheckpointInput,
  CheckpointListQuery,
  CheckpointPatch,
  CheckpointStatusInput,
  CHECKPOINT_KIND_LABELS,
  CHECKPOINT_STATUS_LABELS,
  CONTROL_CLASS_LABELS,
  IdParams,
  labelIn,
  type Lang,
  listOf,
  RISK_LEVEL_LABELS,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { attachment, errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

const Inline = z.strictObject({ inline: z.stringbool().optional() });

function checkpointColumns(lang: Lang, timeZone: string): Column<z.infer<typeof Checkpoint>>[] {
  return [
    { key: 'name', zh: '卡口名称', en: 'Checkpoint', width: 24, value: (c) => c.name },
    { key: 'kind', zh: '类型', en: 'Kind', width: 12, value: (c) => labelIn(lang, CHECKPOINT_KIND_LABELS[c.kind]) },
    { key: 'status', zh: '状态', en: 'Status', width: 10, value: (c) => labelIn(lang, CHECKPOINT_STATUS_LABELS[c.status]) },
    { key: 'gridUnit', zh: '所在网格', en: 'Grid unit', width: 18, value: (c) => c.gridUnitName },
    { key: 'risk', zh: '风险等级', en: 'Risk level', width: 10, value: (c) => (c.risk ? labelIn(lang, RISK_LEVEL_LABELS[c.risk.level]) : null) },
    { key: 'controlClass', zh: '管控类别', en: 'Control class', width: 12, value: (c) => (c.risk ? labelIn(lang, CONTROL_CLASS_LABELS[c.risk.controlClass]) : null) },
    { key: 'building', zh: '楼宇', en: 'Building', width: 18, value: (c) => c.buildingName },
    { key: 'location', zh: '位置', en: 'Location', width: 28, value: (c) => c.location },
    { key: 'persons', zh: '今日登记人次', en: 'Person-times today', width: 12, value: (c) => c.today.persons },
    { key: 'vehicles', zh: '今日车辆', en: 'Vehicles today', width: 10, value: (c) => c.today.vehicles },
    { key: 'openCases', zh: '待处置异常', en: 'Open cases', width: 10, value: (c) => c.today.openCases },
    { key: 'qrUrl', zh: '登记地址', en: 'Registration address', width: 48, value: (c) => c.qrUrl },
    { key: 'createdAt', zh: '创建时间', en: 'Created', width: 18, value: (c) => zonedTime(c.createdAt, timeZone) },
  ];
}

export async function checkpointRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.checkpoints;
  const tags = ['checkpoints'];

  api.get('/api/checkpoints', {
    config: { permission: 'checkpoints.read' },
    schema: {
      tags,
      summary: 'Checkpoints with their risk level (own grid unit’s or the nearest above), today’s person-times and vehicles, open cases; by kind, status, grid unit, risk',
      querystring: CheckpointListQuery,
      response: { 200: listOf(Checkpoint), ...errors },
    },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/checkpoints/export.xlsx', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The filtered checkpoints as Excel', querystring: CheckpointExportQuery },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { lang: _lang, ...q } = req.query;
      const rows = await svc.exportRows(ctx, q);
      const timeZone = await services.org.zones.timeZoneOf(ctx.zoneId);
      return sendXlsx(reply, 'checkpoints', xlsxStream(req.lang === 'en-US' ? 'Checkpoints' : '卡口', checkpointColumns(req.lang, timeZone), rows, req.lang));
    },
  });
  api.post('/api/checkpoints', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'A new checkpoint: active, with an unguessable QR token and the first history row', body: CheckpointInput, response: { 201: CheckpointDetail, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await svc.create(requireCtx(req), req.body)),
  });
  api.get('/api/checkpoints/:id', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'One checkpoint with its status history', params: IdParams, response: { 200: CheckpointDetail, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/checkpoints/:id', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'Edit name, kind, grid unit, building, location', params: IdParams, body: CheckpointPatch, response: { 200: CheckpointDetail, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/checkpoints/:id/actions/status', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'Change the status (active, service point, closed) with a reason; the same status is 409', params: IdParams, body: CheckpointStatusInput, response: { 200: CheckpointDetail, ...errors } },
    handler: (req) => svc.setStatus(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/checkpoints/:id/actions/rotate-token', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'A new QR token (print the poster again); the old QR code then answers “no longer in use”', params: IdParams, response: { 200: CheckpointDetail, ...errors } },
    handler: (req) => svc.rotateToken(requireCtx(req), req.params.id),
  });
  api.get('/api/checkpoints/:id/qr.png', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The QR code of the registration address (PNG)', params: IdParams },
    handler: async (req, reply) => {
      const { png } = await svc.qr(requireCtx(req), req.params.id);
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  });
  api.get('/api/checkpoints/:id/poster.pdf', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The printable A4 poster: zone, checkpoint, the QR code, three lines of instructions', params: IdParams, querystring: Inline },
    handler: async (req, reply) => {
      const { name, pdf } = await svc.poster(requireCtx(req), req.params.id);
      attachment(reply, `${name}-登记二维码.pdf`, 'application/pdf').header('cache-control', 'no-store');
      if (req.query.inline) reply.header('content-disposition', String(reply.getHeader('content-disposition')).replace(/^attachment/, 'inline'));
      return reply.send(pdf);
    },
  });
}
