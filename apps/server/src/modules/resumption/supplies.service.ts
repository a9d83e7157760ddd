// Protective supplies (防护物资): the zone's stock by item, stock received, enterprises' requests,
// and allocations that never exceed the stock or the request, also when many run at once: the
// stock moves only by a conditional UPDATE in the transaction that writes the ledger movement.
import {
  SUPPLY_REQUEST_ACTION_LABELS,
  SUPPLY_REQUEST_STATUS_LABELS,
  labelIn,
  type SupplyItem,
  type SupplyRequest,
  type SupplyRequestStatus,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { SupplyItemInput, StockInInput, SupplyLedgerQuery, SupplyMovement, SupplyRequestActionBody, SupplyRequestInput, SupplyRequestListQuery } from '@shuangsheng/contracts';
import type { SupplyItemsTable, SupplyMovementsTable, SupplyRequestsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import { addDays } from '../../platform/calendar.js';
import { dayStartIn } from '../../platform/time.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { ConflictError, crossZoneReference, NotFoundError, RuleError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowUnique } from '../../platform/tx.js';
import { notify } from '../notifications/notifications.service.js';
import type { ResumptionParts, Scope } from './context.js';
import type { ResumptionModule } from './resumption.services.js';
import { makeSuppliesRepo, MAX_STOCK, OPEN_REQUEST_STATUSES, type LedgerFilter, type RequestFilter } from './supplies.repo.js';

type ItemInput = z.infer<typeof SupplyItemInput>;
type RequestInput = z.infer<typeof SupplyRequestInput>;
type RequestQuery = z.infer<typeof SupplyRequestListQuery>;
type LedgerQuery = z.infer<typeof SupplyLedgerQuery>;
type Movement = z.infer<typeof SupplyMovement>;

export function makeSuppliesService(parts: ResumptionParts, scope: Scope, _mod: ResumptionModule) {
  const { deps, enterprises, timeZone } = parts;
  const { database, clock } = deps;
  const repo = makeSuppliesRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeSuppliesRepo(trx, database.dialect);

  // ---- items
  async function items(ctx: Ctx): Promise<SupplyItem[]> {
    const [rows, totals] = await Promise.all([repo.items(ctx.zoneId), repo.requestTotals(ctx.zoneId)]);
    return rows.map((r) => toItem(r, totals.get(r.id)));
  }
  const toItem = (r: SupplyItemsTable, t?: { allocated: number; requested: number }): SupplyItem => ({
    id: r.id,
    name: r.name,
    unit: r.unit,
    stock: r.stock,
    allocated: t?.allocated ?? 0,
    requested: t?.requested ?? 0,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  async function item(ctx: Ctx, id: string): Promise<SupplyItem> {
    const found = (await items(ctx)).find((i) => i.id === id);
    if (!found) throw new NotFoundError('supply_item', id);
    return found;
  }
  async function itemRow(ctx: Ctx, id: string): Promise<SupplyItemsTable> {
    const row = await repo.item(ctx.zoneId, id);
    if (!row) throw new NotFoundError('supply_item', id);
    return row;
  }

  async function createItem(ctx: Ctx, input: ItemInput): Promise<SupplyItem> {
    const now = clock.now();
    const row: SupplyItemsTable = { id: newId(), zone_id: ctx.zoneId, name: input.name, unit: input.unit, stock: 0, note: input.note ?? null, created_at: now, updated_at: now };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await repoIn(trx).insertItem(row);
        await recordAudit(trx, clock, ctx, { action: 'supply_item.create', entityType: 'supply_item', entityId: row.id, after: { name: row.name, unit: row.unit, note: row.note } });
      })
      .catch((e: unknown) => rethrowUnique(e, 'name', input.name));
    return item(ctx, row.id);
  }

  async function updateItem(ctx: Ctx, id: string, patch: Partial<ItemInput>): Promise<SupplyItem> {
    const row = await itemRow(ctx, id);
    const before = { name: row.name, unit: row.unit, note: row.note };
    const after = { name: patch.name ?? row.name, unit: patch.unit ?? row.unit, note: patch.note === undefined ? row.note : patch.note };
    const changes = diff(before, after);
    if (Object.keys(changes.after).length > 0) {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await repoIn(trx).updateItem(ctx.zoneId, id, { ...after, updated_at: clock.now() });
          await recordAudit(trx, clock, ctx, { action: 'supply_item.update', entityType: 'supply_item', entityId: id, ...changes });
        })
        .catch((e: unknown) => rethrowUnique(e, 'name', after.name));
    }
    return item(ctx, id);
  }

  async function stockIn(ctx: Ctx, id: string, input: z.infer<typeof StockInInput>): Promise<SupplyItem> {
    await itemRow(ctx, id);
    await database.db.transaction().execute(async (trx) => {
      const now = clock.now();
      const balance = await repoIn(trx).addStock(ctx.zoneId, id, input.quantity, now);
      if (balance === null) {
        // More than the stock can hold (the columns are INTEGER): a 400 naming the quantity, not a database error.
        const stock = (await repoIn(trx).item(ctx.zoneId, id))?.stock ?? 0;
        throw new ValidationError([{ path: 'quantity', key: 'v.too_big', params: { max: Math.max(0, MAX_STOCK - stock) } }]);
      }
      const movement = movementRow(ctx, { item_id: id, kind: 'stock_in', quantity: input.quantity, balance, source: input.source, note: input.note ?? null, enterprise_id: null, request_id: null });
      await repoIn(trx).insertMovement(movement);
      // The stock before is the balance after less this quantity (a parallel stock-in may have moved it since it was read).
      await recordAudit(trx, clock, ctx, { action: 'supply_item.stock_in', entityType: 'supply_item', entityId: id, before: { stock: balance - input.quantity }, after: { stock: balance, quantity: input.quantity, source: input.source } });
    });
    return item(ctx, id);
  }

  const movementRow = (ctx: Ctx, m: Pick<SupplyMovementsTable, 'item_id' | 'kind' | 'quantity' | 'balance' | 'source' | 'note' | 'enterprise_id' | 'request_id'>): SupplyMovementsTable => ({
    id: newId(),
    zone_id: ctx.zoneId,
    ...m,
    actor_id: ctx.actor.userId,
    actor_name: ctx.actor.displayName,
    at: clock.now(),
  });

  // ---- requests
  async function hydrateRequests(ctx: Ctx, rows: SupplyRequestsTable[]): Promise<SupplyRequest[]> {
    if (rows.length === 0) return [];
    const [itemRows, briefs] = await Promise.all([repo.items(ctx.zoneId), enterprises.briefs(ctx.zoneId, [...new Set(rows.map((r) => r.enterprise_id))])]);
    const itemsById = new Map(itemRows.map((i) => [i.id, i]));
    const names = new Map(briefs.map((b) => [b.id, b.name]));
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: names.get(r.enterprise_id) ?? '',
      itemId: r.item_id,
      itemName: itemsById.get(r.item_id)?.name ?? '',
      unit: itemsById.get(r.item_id)?.unit ?? '',
      quantity: r.quantity,
      allocated: r.allocated,
      reason: r.reason,
      status: r.status as SupplyRequestStatus,
      refusal: r.refusal,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function listRequests(ctx: Ctx, q: RequestQuery): Promise<{ items: SupplyRequest[]; total: number; page: number; pageSize: number }> {
    const f: RequestFilter = { ...q, onlyEnterprises: await scope.visibleIds(ctx, false), enterpriseMatches: q.q ? await enterprises.lookup.search(ctx.zoneId, q.q) : undefined };
    const { rows, total } = await repo.listRequests(ctx.zoneId, { ...f, page: q.page, pageSize: q.pageSize });
    return { items: await hydrateRequests(ctx, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function requestRow(ctx: Ctx, id: string): Promise<SupplyRequestsTable> {
    const row = await repo.request(ctx.zoneId, id);
    if (!row) throw new NotFoundError('supply_request', id);
    scope.assertVisible(ctx, row.enterprise_id, 'supply_request', id);
    return row;
  }
  const requestOf = async (ctx: Ctx, id: string) => (await hydrateRequests(ctx, [await requestRow(ctx, id)]))[0]!;

  /** An enterprise asks for supplies (officers name the enterprise they record it for). */
  async function createRequest(ctx: Ctx, input: RequestInput): Promise<SupplyRequest> {
    const brief = await scope.enterpriseFor(ctx, input.enterpriseId);
    if (!(await repo.item(ctx.zoneId, input.itemId))) throw crossZoneReference('itemId');
    const now = clock.now();
    const row: SupplyRequestsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      enterprise_id: brief.id,
      item_id: input.itemId,
      quantity: input.quantity,
      allocated: 0,
      reason: input.reason,
      status: 'open',
      refusal: null,
      requested_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await database.db.transaction().execute(async (trx) => {
      await repoIn(trx).insertRequest(row);
      await recordAudit(trx, clock, ctx, { action: 'supply_request.create', entityType: 'supply_request', entityId: row.id, after: { enterpriseId: brief.id, itemId: row.item_id, quantity: row.quantity, reason: row.reason } });
    });
    return requestOf(ctx, row.id);
  }

  async function actOnRequest(ctx: Ctx, id: string, action: 'allocate' | 'refuse', body: z.infer<typeof SupplyRequestActionBody>): Promise<SupplyRequest> {
    const row = await requestRow(ctx, id);
    const stateError = (status: string) =>
      new ConflictError('state.supply_request', { status: labelIn(ctx.lang, SUPPLY_REQUEST_STATUS_LABELS[status as SupplyRequestStatus]), action: labelIn(ctx.lang, SUPPLY_REQUEST_ACTION_LABELS[action]) }, { status });
    if (!(OPEN_REQUEST_STATUSES as readonly string[]).includes(row.status)) throw stateError(row.status);
    if (action === 'refuse') {
      if (!body.reason) throw new ValidationError([{ path: 'reason', key: 'rule.reason_required' }]);
      await database.db.transaction().execute(async (trx) => {
        if (!(await repoIn(trx).refuse(ctx.zoneId, id, body.reason!, clock.now()))) throw stateError((await repoIn(trx).request(ctx.zoneId, id))!.status);
        await recordAudit(trx, clock, ctx, { action: 'supply_request.refuse', entityType: 'supply_request', entityId: id, before: { status: row.status }, after: { status: 'refused', reason: body.reason } });
      });
      return requestOf(ctx, id);
    }

    const remaining = row.quantity - row.allocated;
    const quantity = body.quantity ?? remaining;
    if (quantity > remaining) throw new RuleError('rule.allocation_over_request', { remaining }, { field: 'quantity', remaining });
    // Read before the transaction: on SQLite it holds the only connection.
    const itemNow = await itemRow(ctx, row.item_id);
    const recipients = (await scope.usersWithRole(ctx.zoneId, 'enterprise_user', row.enterprise_id)).filter((u) => u !== ctx.actor.userId);
    await database.db.transaction().execute(async (trx) => {
      const r = repoIn(trx);
      const now = clock.now();
      const after = await r.allocateOn(ctx.zoneId, id, quantity, now);
      if (!after) {
        // A parallel allocation or refusal came first.
        const current = (await r.request(ctx.zoneId, id))!;
        if (!(OPEN_REQUEST_STATUSES as readonly string[]).includes(current.status)) throw stateError(current.status);
        const left = current.quantity - current.allocated;
        throw new RuleError('rule.allocation_over_request', { remaining: left }, { field: 'quantity', remaining: left });
      }
      const balance = await r.takeStock(ctx.zoneId, row.item_id, quantity, now);
      if (balance === null) {
        const stock = (await r.item(ctx.zoneId, row.item_id))?.stock ?? 0;
        throw new ConflictError('conflict.stock_short', { item: itemNow.name, stock, unit: itemNow.unit, quantity }, { field: 'quantity', stock, quantity });
      }
      await r.insertMovement(movementRow(ctx, { item_id: row.item_id, kind: 'allocation', quantity: -quantity, balance, source: null, note: null, enterprise_id: row.enterprise_id, request_id: id }));
      await recordAudit(trx, clock, ctx, {
        action: 'supply_request.allocate',
        entityType: 'supply_request',
        entityId: id,
        before: { status: row.status, allocated: row.allocated },
        after: { status: after.status, allocated: Number(after.allocated), quantity, stock: balance },
      });
      await notify(trx, clock, ctx.zoneId, recipients, {
        kind: 'supply.allocated',
        params: { itemName: itemNow.name, quantity: String(quantity), unit: itemNow.unit },
        entityType: 'supply_request',
        entityId: id,
      });
    });
    return requestOf(ctx, id);
  }

  // ---- the ledger
  /**
   * The instant a day of a filter begins; none for a day too far off for the time zone to place
   * (year 1, the day after 9999-12-31): such a bound excludes nothing, and NaN never reaches SQL.
   */
  const boundMs = (date: string): number | undefined => {
    const ms = dayStartIn(date, timeZone);
    return Number.isFinite(ms) ? ms : undefined;
  };

  async function ledger(ctx: Ctx, q: LedgerQuery): Promise<{ items: Movement[]; total: number; page: number; pageSize: number }> {
    if (q.from && q.to && q.from > q.to) throw new ValidationError([{ path: 'to', key: 'v.range' }]);
    const f: LedgerFilter = {
      itemId: q.itemId,
      enterpriseId: q.enterpriseId,
      kind: q.kind,
      fromMs: q.from ? boundMs(q.from) : undefined,
      toMs: q.to ? boundMs(addDays(q.to, 1)) : undefined,
    };
    const { rows, total } = await repo.ledger(ctx.zoneId, { ...f, page: q.page, pageSize: q.pageSize });
    const [itemRows, briefs] = await Promise.all([repo.items(ctx.zoneId), enterprises.briefs(ctx.zoneId, [...new Set(rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])))])]);
    const itemsById = new Map(itemRows.map((i) => [i.id, i]));
    const names = new Map(briefs.map((b) => [b.id, b.name]));
    const items = rows.map(
      (m): Movement => ({
        id: m.id,
        itemId: m.item_id,
        itemName: itemsById.get(m.item_id)?.name ?? '',
        unit: itemsById.get(m.item_id)?.unit ?? '',
        kind: m.kind as Movement['kind'],
        quantity: m.quantity,
        balance: m.balance,
        enterpriseId: m.enterprise_id,
        enterpriseName: m.enterprise_id ? (names.get(m.enterprise_id) ?? null) : null,
        requestId: m.request_id,
        source: m.source,
        note: m.note,
        actorName: m.actor_name,
        at: m.at,
      }),
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  return { items, createItem, updateItem, stockIn, listRequests, createRequest, actOnRequest, ledger };
}
