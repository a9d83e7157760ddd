// Passes (出入证): issue, list and export (masked), revoke, reveal with a reason, the QR code and
// the printable card; each building's floor colours; and the public page a pass's QR code opens.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  FloorColour,
  FloorColourInput,
  Id,
  IdParams,
  labelIn,
  type Lang,
  listOf,
  Pass,
  PassExportQuery,
  PassInput,
  PassListQuery,
  PassRevokeInput,
  PASS_COLOUR_LABELS,
  PASS_STATUS_LABELS,
  PublicPass,
  RevealInput,
  Revealed,
  TokenParams,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { attachment, errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

const Inline = z.strictObject({ inline: z.stringbool().optional() });
const BuildingQuery = z.strictObject({ buildingId: Id });

function passColumns(lang: Lang, timeZone: string): Column<Pass>[] {
  return [
    { key: 'number', zh: '证号', en: 'Number', width: 18, value: (p) => p.number },
    { key: 'building', zh: '楼宇', en: 'Building', width: 18, value: (p) => p.buildingName },
    { key: 'floor', zh: '楼层', en: 'Floor', width: 8, value: (p) => p.floor },
    { key: 'colour', zh: '颜色', en: 'Colour', width: 8, value: (p) => labelIn(lang, PASS_COLOUR_LABELS[p.colour]) },
    { key: 'enterprise', zh: '所属企业', en: 'Enterprise', width: 24, value: (p) => p.enterpriseName },
    { key: 'holder', zh: '持证人', en: 'Holder', width: 12, value: (p) => p.holderName },
    { key: 'idNumber', zh: '证件号码', en: 'ID number', width: 22, value: (p) => p.idNumberMasked },
    { key: 'phone', zh: '手机号码', en: 'Phone', width: 14, value: (p) => p.phoneMasked },
    { key: 'status', zh: '状态', en: 'Status', width: 8, value: (p) => labelIn(lang, PASS_STATUS_LABELS[p.status]) },
    { key: 'validUntil', zh: '有效期至', en: 'Valid until', width: 12, value: (p) => p.validUntil },
    { key: 'revokedReason', zh: '注销原因', en: 'Revoked because', width: 20, value: (p) => p.revokedReason },
    { key: 'lastScanAt', zh: '最近通行', en: 'Last scanned', width: 18, value: (p) => (p.lastScanAt === null ? null : zonedTime(p.lastScanAt, timeZone)) },
    { key: 'createdAt', zh: '发证时间', en: 'Issued', width: 18, value: (p) => zonedTime(p.createdAt, timeZone) },
  ];
}

export async function passesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.passes;
  const tags = ['checkpoints'];

  api.get('/api/checkpoints/passes', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'Passes (ID numbers and phones masked); q: a number, a name fragment, or a whole ID number or phone', querystring: PassListQuery, response: { 200: listOf(Pass), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/checkpoints/passes/export.xlsx', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The filtered passes as Excel (masked)', querystring: PassExportQuery },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { lang: _lang, ...q } = req.query;
      const timeZone = await services.org.zones.timeZoneOf(ctx.zoneId);
      return sendXlsx(reply, 'passes', xlsxStream(req.lang === 'en-US' ? 'Passes' : '出入证', passColumns(req.lang, timeZone), svc.exportRows(ctx, q), req.lang));
    },
  });
  api.post('/api/checkpoints/passes', {
    config: { permission: 'checkpoints.passes' },
    schema: { tags, summary: 'Issue a pass: coloured by floor (the building’s choice, else the default order), numbered CR-YYYYMMDD-NNNN', body: PassInput, response: { 201: Pass, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await svc.issue(requireCtx(req), req.body)),
  });
  api.get('/api/checkpoints/passes/:id', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'One pass (masked)', params: IdParams, response: { 200: Pass, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.post('/api/checkpoints/passes/:id/actions/revoke', {
    config: { permission: 'checkpoints.passes' },
    schema: { tags, summary: 'Revoke a pass with a reason (its QR code then opens nothing); revoked already → 409', params: IdParams, body: PassRevokeInput, response: { 200: Pass, ...errors } },
    handler: (req) => svc.revoke(requireCtx(req), req.params.id, req.body.reason),
  });
  api.post('/api/checkpoints/passes/:id/actions/reveal', {
    config: { permission: 'pii.reveal' },
    schema: { tags, summary: 'The whole ID number or phone of the holder; the stated reason is audited', params: IdParams, body: RevealInput, response: { 200: Revealed, ...errors } },
    handler: (req) => svc.reveal(requireCtx(req), req.params.id, req.body),
  });
  api.get('/api/checkpoints/passes/:id/qr.png', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The QR code of the pass (PNG)', params: IdParams },
    handler: async (req, reply) => {
      const { png } = await svc.qr(requireCtx(req), req.params.id);
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  });
  api.get('/api/checkpoints/passes/:id/card.pdf', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The printable card (A6) with a band in the floor’s colour and the QR code', params: IdParams, querystring: Inline },
    handler: async (req, reply) => {
      const { number, pdf } = await svc.card(requireCtx(req), req.params.id);
      attachment(reply, `出入证-${number}.pdf`, 'application/pdf').header('cache-control', 'no-store');
      if (req.query.inline) reply.header('content-disposition', String(reply.getHeader('content-disposition')).replace(/^attachment/, 'inline'));
      return reply.send(pdf);
    },
  });
  api.get('/api/checkpoints/floor-colours', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The pass colour of each floor of a building (its choice, else the default order)', querystring: BuildingQuery, response: { 200: z.object({ items: z.array(FloorColour) }), ...errors } },
    handler: (req) => svc.floorColours(requireCtx(req), req.query.buildingId),
  });
  api.put('/api/checkpoints/floor-colours', {
    config: { permission: 'checkpoints.passes' },
    schema: { tags, summary: 'Set the colour of a floor’s passes (for passes issued from now on)', body: FloorColourInput, response: { 200: FloorColour, ...errors } },
    handler: (req) => svc.setFloorColour(requireCtx(req), req.body),
  });

  api.get('/api/public/passes/:token', {
    config: { public: true },
    schema: { tags, summary: 'What a pass’s QR code shows anyone: the holder’s name masked, building, floor, colour, validity', params: TokenParams, response: { 200: PublicPass, ...errors } },
    handler: (req) => svc.publicView(req.params.token),
  });
}
