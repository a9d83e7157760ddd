import type { Executor } from '../../platform/context.js';
import type { ParksTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = { name: 'name', areaSqm: 'area_sqm', createdAt: 'created_at' } as const;

export function makeParksRepo(db: Executor, dialect: DialectName) {
  return {
    async list(zoneId: string, q: { q?: string | undefined; page: number; pageSize: number; sort?: string | undefined }) {
      let base = db.selectFrom('parks').where('zone_id', '=', zoneId);
      if (q.q) base = base.where((eb) => eb.or([containsText(dialect, eb.ref('name'), q.q!), containsText(dialect, eb.ref('address'), q.q!)]));
      const [column, dir] = parseSort(q.sort, SORT, ['name', 'asc']);
      const [rows, count] = await Promise.all([
        base
          .selectAll('parks')
          .select((eb) => eb.selectFrom('buildings').whereRef('buildings.park_id', '=', 'parks.id').select(eb.fn.countAll<number>().as('n')).as('building_count'))
          .orderBy(column, (ob) => ob[dir]().nullsLast())
          .orderBy('id')
          .limit(q.pageSize)
          .offset(offsetOf(q.page, q.pageSize))
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    get(zoneId: string, id: string) {
      return db
        .selectFrom('parks')
        .selectAll('parks')
        .select((eb) => eb.selectFrom('buildings').whereRef('buildings.park_id', '=', 'parks.id').select(eb.fn.countAll<number>().as('n')).as('building_count'))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findByName(zoneId: string, name: string) {
      return db.selectFrom('parks').select(['id', 'name']).where('zone_id', '=', zoneId).where('name', '=', name).executeTakeFirst();
    },

    allNames(zoneId: string) {
      return db.selectFrom('parks').select(['id', 'name']).where('zone_id', '=', zoneId).execute();
    },

    async insert(row: ParksTable) {
      await db.insertInto('parks').values(row).execute();
    },

    async update(zoneId: string, id: string, patch: Partial<ParksTable>) {
      await db.updateTable('parks').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },

    async remove(zoneId: string, id: string) {
      await db.deleteFrom('parks').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
