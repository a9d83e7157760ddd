// SQL of protective supplies (防护物资): items with their stock, enterprises' requests, and the
// movements that are the ledger. Stock and a request's allocation move only by conditional
// UPDATEs, so parallel allocations can never take more than there is or than was asked.
import { sql } from 'kysely';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf } from '../../db/paging.js';
import type { SupplyItemsTable, SupplyMovementsTable, SupplyRequestsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

/** Requests still waiting for (more of) their quantity. */
export const OPEN_REQUEST_STATUSES = ['open', 'partial'] as const;
/** The most an item's stock may hold: `stock` and the ledger's `balance` are INTEGER columns (PostgreSQL: 2^31 - 1). */
export const MAX_STOCK = 2_000_000_000;

export type RequestFilter = {
  q?: string | undefined;
  status?: string | undefined;
  itemId?: string | undefined;
  enterpriseId?: string | undefined;
  onlyEnterprises: string[] | null;
  enterpriseMatches?: string[] | undefined;
};
export type LedgerFilter = { itemId?: string | undefined; enterpriseId?: string | undefined; kind?: string | undefined; fromMs?: number | undefined; toMs?: number | undefined };

export function makeSuppliesRepo(db: Executor, dialect: DialectName) {
  const requests = (zoneId: string, f: RequestFilter) => {
    let q = db.selectFrom('supply_requests').where('zone_id', '=', zoneId);
    if (f.onlyEnterprises) q = f.onlyEnterprises.length ? q.where('enterprise_id', 'in', f.onlyEnterprises) : q.where('id', '=', '-');
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseMatches ?? [];
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('reason'), needle), ...(ids.length ? [eb('enterprise_id', 'in', ids)] : [])]));
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.itemId) q = q.where('item_id', '=', f.itemId);
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    return q;
  };
  const movements = (zoneId: string, f: LedgerFilter) => {
    let q = db.selectFrom('supply_movements').where('zone_id', '=', zoneId);
    if (f.itemId) q = q.where('item_id', '=', f.itemId);
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.fromMs !== undefined) q = q.where('at', '>=', f.fromMs);
    if (f.toMs !== undefined) q = q.where('at', '<', f.toMs);
    return q;
  };

  return {
    // ---- items
    items: (zoneId: string) => db.selectFrom('supply_items').selectAll().where('zone_id', '=', zoneId).orderBy('name').orderBy('id').execute(),
    item: (zoneId: string, id: string) => db.selectFrom('supply_items').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** Per item: the quantity allocated so far and what open requests still ask for. */
    async requestTotals(zoneId: string): Promise<Map<string, { allocated: number; requested: number }>> {
      const rows = await db
        .selectFrom('supply_requests')
        .select((eb) => [
          'item_id',
          eb.fn.sum<number>('allocated').as('allocated'),
          eb.fn.sum<number>(eb.case().when('status', 'in', [...OPEN_REQUEST_STATUSES]).then(sql<number>`quantity - allocated`).else(0).end()).as('requested'),
        ])
        .where('zone_id', '=', zoneId)
        .groupBy('item_id')
        .execute();
      return new Map(rows.map((r) => [r.item_id, { allocated: Number(r.allocated ?? 0), requested: Number(r.requested ?? 0) }]));
    },
    async insertItem(row: SupplyItemsTable) {
      await db.insertInto('supply_items').values(row).execute();
    },
    async updateItem(zoneId: string, id: string, set: Partial<SupplyItemsTable>) {
      await db.updateTable('supply_items').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    /** Adds to the stock unless it would pass MAX_STOCK: the balance after, or null. */
    async addStock(zoneId: string, id: string, quantity: number, now: number): Promise<number | null> {
      const r = await db
        .updateTable('supply_items')
        .set((eb) => ({ stock: eb('stock', '+', quantity), updated_at: now }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('stock', '<=', MAX_STOCK - quantity)
        .returning('stock')
        .executeTakeFirst();
      return r ? Number(r.stock) : null;
    },
    /** Takes from the stock only if there is enough (the row stays locked to the commit): the balance after, or null. */
    async takeStock(zoneId: string, id: string, quantity: number, now: number): Promise<number | null> {
      const r = await db
        .updateTable('supply_items')
        .set((eb) => ({ stock: eb('stock', '-', quantity), updated_at: now }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('stock', '>=', quantity)
        .returning('stock')
        .executeTakeFirst();
      return r ? Number(r.stock) : null;
    },

    // ---- requests
    async listRequests(zoneId: string, f: RequestFilter & { page: number; pageSize: number }) {
      const [rows, count] = await Promise.all([
        requests(zoneId, f).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        requests(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    request: (zoneId: string, id: string) => db.selectFrom('supply_requests').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async insertRequest(row: SupplyRequestsTable) {
      await db.insertInto('supply_requests').values(row).execute();
    },
    /** Adds to what the request got, if it is open and this does not exceed what it asked: the row after, or undefined. */
    allocateOn: (zoneId: string, id: string, quantity: number, now: number) =>
      db
        .updateTable('supply_requests')
        .set({
          allocated: sql<number>`allocated + ${quantity}`,
          status: sql<string>`case when allocated + ${quantity} >= quantity then 'allocated' else 'partial' end`,
          updated_at: now,
        })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', 'in', [...OPEN_REQUEST_STATUSES])
        .where(sql<boolean>`allocated + ${quantity} <= quantity`)
        .returning(['allocated', 'status'])
        .executeTakeFirst(),
    async refuse(zoneId: string, id: string, reason: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('supply_requests')
        .set({ status: 'refused', refusal: reason, updated_at: now })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', 'in', [...OPEN_REQUEST_STATUSES])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    // ---- the ledger
    async insertMovement(row: SupplyMovementsTable) {
      await db.insertInto('supply_movements').values(row).execute();
    },
    async ledger(zoneId: string, f: LedgerFilter & { page: number; pageSize: number }) {
      const [rows, count] = await Promise.all([
        movements(zoneId, f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        movements(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
  };
}
