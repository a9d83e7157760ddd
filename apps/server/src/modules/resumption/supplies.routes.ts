// Protective-supply routes (防护物资): items and stock, requests and their allocation, the ledger.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  IdParams,
  labelIn,
  listOf,
  StockInInput,
  SUPPLY_MOVEMENT_LABELS,
  SupplyItem,
  SupplyItemInput,
  SupplyLedgerExportQuery,
  SupplyLedgerQuery,
  SupplyMovement,
  SupplyRequest,
  SupplyRequestActionBody,
  SupplyRequestActionParams,
  SupplyRequestInput,
  SupplyRequestListQuery,
  type Lang,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { ValidationError } from '../../platform/errors.js';
import { allPages, errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

const READ = ['resumption.read', 'resumption.file'] as const;
type Movement = z.infer<typeof SupplyMovement>;

export function ledgerColumns(lang: Lang, tz: string): Column<Movement>[] {
  return [
    { key: 'at', zh: '时间', en: 'Time', width: 18, value: (m) => zonedTime(m.at, tz) },
    { key: 'item', zh: '物资', en: 'Item', width: 16, value: (m) => m.itemName },
    { key: 'kind', zh: '类型', en: 'Kind', width: 10, value: (m) => labelIn(lang, SUPPLY_MOVEMENT_LABELS[m.kind]) },
    { key: 'quantity', zh: '数量', en: 'Quantity', width: 12, value: (m) => m.quantity },
    { key: 'unit', zh: '单位', en: 'Unit', width: 8, value: (m) => m.unit },
    { key: 'balance', zh: '结存', en: 'Balance', width: 12, value: (m) => m.balance },
    { key: 'enterprise', zh: '分配企业', en: 'Enterprise', width: 28, value: (m) => m.enterpriseName },
    { key: 'source', zh: '来源', en: 'Source', width: 20, value: (m) => m.source },
    { key: 'note', zh: '备注', en: 'Note', width: 24, value: (m) => m.note },
    { key: 'actor', zh: '经办人', en: 'By', width: 14, value: (m) => m.actorName },
  ];
}

export async function suppliesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.resumption.supplies;

  // ---- items and stock
  api.get('/api/resumption/supplies/items', {
    config: { permission: [...READ] },
    schema: { tags: ['resumption'], summary: 'The zone’s protective supplies: stock, allocated so far, still requested', response: { 200: z.array(SupplyItem), ...errors } },
    handler: (req) => svc.items(requireCtx(req)),
  });
  api.post('/api/resumption/supplies/items', {
    config: { permission: 'resumption.supplies.manage' },
    schema: { tags: ['resumption'], summary: 'A new item (stock 0 until received)', body: SupplyItemInput, response: { 201: SupplyItem, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.createItem(requireCtx(req), req.body)),
  });
  api.patch('/api/resumption/supplies/items/:id', {
    config: { permission: 'resumption.supplies.manage' },
    schema: { tags: ['resumption'], summary: 'Rename an item, change its unit or note (the stock moves only through the ledger)', params: IdParams, body: SupplyItemInput.partial(), response: { 200: SupplyItem, ...errors } },
    handler: (req) => svc.updateItem(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/resumption/supplies/items/:id/stock-in', {
    config: { permission: 'resumption.supplies.manage' },
    schema: { tags: ['resumption'], summary: 'Receive stock (入库): a ledger movement with the balance after', params: IdParams, body: StockInInput, response: { 200: SupplyItem, ...errors } },
    handler: (req) => svc.stockIn(requireCtx(req), req.params.id, req.body),
  });

  // ---- requests
  api.get('/api/resumption/supplies/requests', {
    config: { permission: [...READ] },
    schema: { tags: ['resumption'], summary: 'Requests for supplies; enterprise users see their own enterprise’s', querystring: SupplyRequestListQuery, response: { 200: listOf(SupplyRequest), ...errors } },
    handler: (req) => svc.listRequests(requireCtx(req), req.query),
  });
  api.post('/api/resumption/supplies/requests', {
    config: { permission: ['resumption.file', 'resumption.supplies.manage'] },
    schema: { tags: ['resumption'], summary: 'Ask for supplies: enterprise users for their own enterprise, officers naming one', body: SupplyRequestInput, response: { 201: SupplyRequest, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.createRequest(requireCtx(req), req.body)),
  });
  api.post('/api/resumption/supplies/requests/:id/actions/:action', {
    config: { permission: 'resumption.supplies.manage' },
    schema: {
      tags: ['resumption'],
      summary: 'allocate (`quantity`, default what remains; never more than the stock: 409) or refuse (`reason`)',
      params: SupplyRequestActionParams,
      body: SupplyRequestActionBody,
      response: { 200: SupplyRequest, ...errors },
    },
    handler: (req) => svc.actOnRequest(requireCtx(req), req.params.id, req.params.action, req.body ?? {}),
  });

  // ---- the ledger
  api.get('/api/resumption/supplies/ledger', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The supplies ledger: every stock-in and allocation with the balance after, newest first', querystring: SupplyLedgerQuery, response: { 200: listOf(SupplyMovement), ...errors } },
    handler: (req) => svc.ledger(requireCtx(req), req.query),
  });
  api.get('/api/resumption/supplies/ledger/export.xlsx', {
    config: { permission: 'resumption.read' },
    schema: { tags: ['resumption'], summary: 'The filtered supplies ledger as Excel', querystring: SupplyLedgerExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      const ctx = requireCtx(req);
      // Checked before the workbook starts streaming, so the answer can still be a 400.
      if (q.from && q.to && q.from > q.to) throw new ValidationError([{ path: 'to', key: 'v.range' }]);
      const rows = allPages((page) => svc.ledger(ctx, { ...q, page, pageSize: 200 }));
      return sendXlsx(reply, 'supplies-ledger', xlsxStream(req.lang === 'en-US' ? 'Supplies ledger' : '防护物资台账', ledgerColumns(req.lang, services.timeZone), rows, req.lang));
    },
  });
}
