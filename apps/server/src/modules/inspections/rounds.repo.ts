// SQL of inspection rounds (巡查批次).
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf } from '../../db/paging.js';
import type { InspectionRoundsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export type RoundFilter = { q?: string | undefined; status?: string | undefined; from?: string | undefined; to?: string | undefined };

export function makeRoundsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: RoundFilter) => {
    let q = db.selectFrom('inspection_rounds').where('zone_id', '=', zoneId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.from) q = q.where('round_date', '>=', f.from);
    if (f.to) q = q.where('round_date', '<=', f.to);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => containsText(dialect, eb.ref('name'), needle));
    }
    return q;
  };
  return {
    async list(zoneId: string, f: RoundFilter & { page: number; pageSize: number }) {
      const [rows, count] = await Promise.all([
        filtered(zoneId, f).selectAll().orderBy('round_date', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => db.selectFrom('inspection_rounds').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    byIds: (zoneId: string, ids: string[]) => (ids.length === 0 ? Promise.resolve([] as InspectionRoundsTable[]) : db.selectFrom('inspection_rounds').selectAll().where('zone_id', '=', zoneId).where('id', 'in', ids).execute()),
    async insert(row: InspectionRoundsTable) {
      await db.insertInto('inspection_rounds').values(row).execute();
    },
    /** Moves the round from `from` to `to`; false when it was not in `from`. */
    async setStatus(zoneId: string, id: string, from: string, to: string, now: number): Promise<boolean> {
      const r = await db.updateTable('inspection_rounds').set({ status: to, updated_at: now }).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
