import type { Executor } from '../../platform/context.js';
import type { BuildingsTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = { name: 'buildings.name', floors: 'buildings.floors', createdAt: 'buildings.created_at' } as const;

export function makeBuildingsRepo(db: Executor, dialect: DialectName) {
  const select = () =>
    db
      .selectFrom('buildings')
      .innerJoin('parks', 'parks.id', 'buildings.park_id')
      .selectAll('buildings')
      .select('parks.name as park_name');

  return {
    async list(zoneId: string, q: { q?: string | undefined; parkId?: string | undefined; page: number; pageSize: number; sort?: string | undefined }) {
      let base = db.selectFrom('buildings').innerJoin('parks', 'parks.id', 'buildings.park_id').where('buildings.zone_id', '=', zoneId);
      if (q.parkId) base = base.where('buildings.park_id', '=', q.parkId);
      if (q.q) base = base.where((eb) => eb.or([containsText(dialect, eb.ref('buildings.name'), q.q!), containsText(dialect, eb.ref('parks.name'), q.q!)]));
      const [column, dir] = parseSort(q.sort, SORT, ['buildings.name', 'asc']);
      const [rows, count] = await Promise.all([
        base.selectAll('buildings').select('parks.name as park_name').orderBy('parks.name').orderBy(column, (ob) => ob[dir]().nullsLast()).orderBy('buildings.id').limit(q.pageSize).offset(offsetOf(q.page, q.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => select().where('buildings.zone_id', '=', zoneId).where('buildings.id', '=', id).executeTakeFirst(),
    allInZone: (zoneId: string) => db.selectFrom('buildings').select(['id', 'park_id', 'name']).where('zone_id', '=', zoneId).execute(),
    async insert(row: BuildingsTable) {
      await db.insertInto('buildings').values(row).execute();
    },
    async update(zoneId: string, id: string, patch: Partial<BuildingsTable>) {
      await db.updateTable('buildings').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async remove(zoneId: string, id: string) {
      await db.deleteFrom('buildings').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
