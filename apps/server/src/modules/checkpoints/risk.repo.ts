// SQL of risk zoning (分区分级分类): each change of a grid unit's level is a row of
// grid_risk_levels; the latest per unit is its current level.
import type { GridRiskLevelsTable, GridUnitsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeRiskRepo(db: Executor) {
  return {
    async insert(row: GridRiskLevelsTable) {
      await db.insertInto('grid_risk_levels').values(row).execute();
    },
    /** Each unit's latest level (the one set last). */
    async current(zoneId: string): Promise<Map<string, GridRiskLevelsTable>> {
      const rows = await db.selectFrom('grid_risk_levels').selectAll().where('zone_id', '=', zoneId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
      const out = new Map<string, GridRiskLevelsTable>();
      for (const r of rows) if (!out.has(r.grid_unit_id)) out.set(r.grid_unit_id, r);
      return out;
    },
    history: (zoneId: string, gridUnitId: string) =>
      db.selectFrom('grid_risk_levels').selectAll().where('zone_id', '=', zoneId).where('grid_unit_id', '=', gridUnitId).orderBy('at', 'desc').orderBy('id', 'desc').execute(),
    gridUnits: (zoneId: string): Promise<GridUnitsTable[]> => db.selectFrom('grid_units').selectAll().where('zone_id', '=', zoneId).orderBy('code').execute(),
    gridUnit: (zoneId: string, id: string) => db.selectFrom('grid_units').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** Checkpoints per grid unit (those without a unit are left out). */
    async checkpointCounts(zoneId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('checkpoints')
        .select(['grid_unit_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('zone_id', '=', zoneId)
        .where('grid_unit_id', 'is not', null)
        .groupBy('grid_unit_id')
        .execute();
      return new Map(rows.map((r) => [r.grid_unit_id!, Number(r.n)]));
    },
    /** Each checkpoint's grid unit. */
    checkpointUnits: (zoneId: string) => db.selectFrom('checkpoints').select(['id', 'grid_unit_id']).where('zone_id', '=', zoneId).execute(),
  };
}
