import type { Executor } from '../../platform/context.js';
import type { GridUnitsTable } from '../../db/schema.js';

export function makeGridUnitsRepo(db: Executor) {
  return {
    /** Every unit of the zone with its child count: grids are small (thousands at most). */
    all(zoneId: string) {
      return db
        .selectFrom('grid_units as g')
        .selectAll('g')
        .select((eb) => eb.selectFrom('grid_units as c').whereRef('c.parent_id', '=', 'g.id').select(eb.fn.countAll<number>().as('n')).as('child_count'))
        .where('g.zone_id', '=', zoneId)
        .orderBy('g.code')
        .execute();
    },
    get: (zoneId: string, id: string) => db.selectFrom('grid_units').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    findRoot: (zoneId: string) => db.selectFrom('grid_units').select('id').where('zone_id', '=', zoneId).where('parent_id', 'is', null).executeTakeFirst(),
    async insert(row: GridUnitsTable) {
      await db.insertInto('grid_units').values(row).execute();
    },
    async update(zoneId: string, id: string, patch: Partial<GridUnitsTable>) {
      await db.updateTable('grid_units').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async remove(zoneId: string, id: string) {
      await db.deleteFrom('grid_units').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
