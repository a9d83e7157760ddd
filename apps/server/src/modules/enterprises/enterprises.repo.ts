import { tierRange, type EnterpriseListQuery } from '@shuangsheng/contracts';
import type { Executor } from '../../platform/context.js';
import type { EnterprisesTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = {
  name: 'name',
  creditCode: 'credit_code',
  outputLastYearFen: 'output_last_year_fen',
  taxLastYearFen: 'tax_last_year_fen',
  employees: 'employees',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

export type EnterpriseFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize'> & {
  /** Restricts to these ids (an enterprise user sees only their own). */
  onlyIds?: string[] | undefined;
  /** Blind index of a phone typed into the search box. */
  phoneIdx?: string | undefined;
};

export function makeEnterprisesRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: EnterpriseFilter) => {
    let q = db.selectFrom('enterprises').where('zone_id', '=', zoneId);
    if (f.onlyIds) q = q.where('id', 'in', f.onlyIds.length ? f.onlyIds : ['-']);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('name'), needle),
          containsText(dialect, eb.ref('credit_code'), needle.toUpperCase()),
          ...(f.phoneIdx ? [eb('contact_phone_idx', '=', f.phoneIdx)] : []),
        ]),
      );
    }
    if (f.parkId) q = q.where('park_id', '=', f.parkId);
    if (f.buildingId) q = q.where('building_id', '=', f.buildingId);
    if (f.gridUnitId) q = q.where('grid_unit_id', '=', f.gridUnitId);
    if (f.industry) q = q.where('industry', '=', f.industry);
    if (f.aboveScale !== undefined) q = q.where('above_scale', '=', f.aboveScale ? 1 : 0);
    if (f.cityMonitored !== undefined) q = q.where('city_monitored', '=', f.cityMonitored ? 1 : 0);
    if (f.leadingEnterpriseId) q = q.where('leading_enterprise_id', '=', f.leadingEnterpriseId);
    if (f.tier) {
      const { min, max } = tierRange(f.tier);
      if (min !== null) q = q.where('output_last_year_fen', '>=', min);
      if (max !== null) q = q.where((eb) => eb.or([eb('output_last_year_fen', '<', max), eb('output_last_year_fen', 'is', null)]));
    }
    return q;
  };

  return {
    // Unknown figures sort last either way (the dialects would put NULL at opposite ends).
    async list(zoneId: string, f: EnterpriseFilter & { page: number; pageSize: number }) {
      const base = filtered(zoneId, f);
      const [column, dir] = parseSort(f.sort, SORT, ['name', 'asc']);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, (ob) => ob[dir]().nullsLast()).orderBy('id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    /** All matching rows in pages of 1,000, for exports of any size without one huge result. */
    async *stream(zoneId: string, f: EnterpriseFilter): AsyncGenerator<EnterprisesTable> {
      const [column, dir] = parseSort(f.sort, SORT, ['name', 'asc']);
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, f).selectAll().orderBy(column, (ob) => ob[dir]().nullsLast()).orderBy('id').limit(1000).offset((page - 1) * 1000).execute();
        yield* rows;
        if (rows.length < 1000) return;
      }
    },

    /** Ids of enterprises whose name or credit code contains `q` (for other lists' searches). */
    async searchIds(zoneId: string, q: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('enterprises')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where((eb) => eb.or([containsText(dialect, eb.ref('name'), q), containsText(dialect, eb.ref('credit_code'), q.toUpperCase())]))
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    get: (zoneId: string, id: string) => db.selectFrom('enterprises').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),

    byCreditCodes(zoneId: string, codes: string[]) {
      if (codes.length === 0) return Promise.resolve([]);
      return db.selectFrom('enterprises').selectAll().where('zone_id', '=', zoneId).where('credit_code', 'in', codes).execute();
    },

    /** Rows by id, by name as stream() gives them (one chunk), in chunks that keep IN lists short. */
    async byIds(zoneId: string, ids: string[]): Promise<EnterprisesTable[]> {
      const out: EnterprisesTable[] = [];
      for (let i = 0; i < ids.length; i += 500) out.push(...(await db.selectFrom('enterprises').selectAll().where('zone_id', '=', zoneId).where('id', 'in', ids.slice(i, i + 500)).orderBy('name').orderBy('id').execute()));
      return out;
    },

    async namesOf(zoneId: string, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('enterprises').select(['id', 'name']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async refsOf(zoneId: string, ids: string[]): Promise<Map<string, { name: string; creditCode: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('enterprises').select(['id', 'name', 'credit_code']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { name: r.name, creditCode: r.credit_code }]));
    },

    async countBy(zoneId: string, by: 'park_id' | 'building_id' | 'grid_unit_id' | 'leading_enterprise_id', ids: string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('enterprises')
        .select([by, (eb) => eb.fn.countAll<number>().as('n')])
        .where('zone_id', '=', zoneId)
        .where(by, 'in', ids)
        .groupBy(by)
        .execute();
      return new Map(rows.map((r) => [(r as Record<string, unknown>)[by] as string, Number(r.n)]));
    },

    async insert(rows: EnterprisesTable[]) {
      // Chunks keep each statement under SQLite's variable limit.
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('enterprises').values(rows.slice(i, i + 200)).execute();
    },

    async update(zoneId: string, id: string, patch: Partial<EnterprisesTable>) {
      await db.updateTable('enterprises').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
