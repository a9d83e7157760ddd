import type { ServiceItemListQuery } from '@shuangsheng/contracts';
import type { Executor } from '../../platform/context.js';
import type { ServiceItemsTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = { code: 'code', name: 'name', department: 'department', promisedDays: 'promised_days', updatedAt: 'updated_at' } as const;

export type ItemFilter = Omit<ServiceItemListQuery, 'page' | 'pageSize'>;

export function makeCatalogueRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: ItemFilter) => {
    let q = db.selectFrom('service_items').where('zone_id', '=', zoneId);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('code'), needle), containsText(dialect, eb.ref('name'), needle), containsText(dialect, eb.ref('department'), needle)]));
    }
    if (f.category) q = q.where('category', '=', f.category);
    if (f.department) q = q.where('department', '=', f.department);
    // Applicant types are a small JSON array: '"enterprise"' appears in it or not.
    if (f.applicantType) q = q.where((eb) => containsText(dialect, eb.ref('applicant_types'), `"${f.applicantType}"`));
    if (f.onlineEnabled !== undefined) q = q.where('online_enabled', '=', f.onlineEnabled ? 1 : 0);
    if (f.fullyElectronic !== undefined) q = q.where('fully_electronic', '=', f.fullyElectronic ? 1 : 0);
    if (f.agencyEligible !== undefined) q = q.where('agency_eligible', '=', f.agencyEligible ? 1 : 0);
    return q;
  };
  return {
    async list(zoneId: string, f: ItemFilter & { page: number; pageSize: number }) {
      const base = filtered(zoneId, f);
      const [column, dir] = parseSort(f.sort, SORT, ['code', 'asc']);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, dir).orderBy('id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: ItemFilter): AsyncGenerator<ServiceItemsTable> {
      const [column, dir] = parseSort(f.sort, SORT, ['code', 'asc']);
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, f).selectAll().orderBy(column, dir).orderBy('id').limit(500).offset((page - 1) * 500).execute();
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string) => db.selectFrom('service_items').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    byCodes(zoneId: string, codes: string[]) {
      if (codes.length === 0) return Promise.resolve([]);
      return db.selectFrom('service_items').selectAll().where('zone_id', '=', zoneId).where('code', 'in', codes).execute();
    },
    async departments(zoneId: string): Promise<string[]> {
      const rows = await db.selectFrom('service_items').select('department').distinct().where('zone_id', '=', zoneId).orderBy('department').execute();
      return rows.map((r) => r.department);
    },
    async insert(rows: ServiceItemsTable[]) {
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('service_items').values(rows.slice(i, i + 100)).execute();
    },
    async update(zoneId: string, id: string, patch: Partial<ServiceItemsTable>) {
      await db.updateTable('service_items').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async remove(zoneId: string, id: string) {
      await db.deleteFrom('service_items').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
