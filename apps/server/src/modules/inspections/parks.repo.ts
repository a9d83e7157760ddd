// SQL of park plans (risk and size → how often a park is inspected) and when each park was last
// inspected (its latest submitted inspection task).
import type { InspectionParkPlansTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeParksRepo(db: Executor) {
  return {
    plans: (zoneId: string) => db.selectFrom('inspection_park_plans').selectAll().where('zone_id', '=', zoneId).execute(),
    plan: (zoneId: string, parkId: string) => db.selectFrom('inspection_park_plans').selectAll().where('zone_id', '=', zoneId).where('park_id', '=', parkId).executeTakeFirst(),
    async upsertPlan(row: InspectionParkPlansTable) {
      await db
        .insertInto('inspection_park_plans')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'park_id']).doUpdateSet({ risk: row.risk, size: row.size, frequency_days: row.frequency_days, updated_at: row.updated_at }))
        .execute();
    },
    /** Each park's latest submission instant of an inspection task. */
    async lastSubmitted(zoneId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('inspection_tasks')
        .select(['park_id', (eb) => eb.fn.max('submitted_at').as('at')])
        .where('zone_id', '=', zoneId)
        .where('kind', '=', 'inspection')
        .where('status', '=', 'submitted')
        .groupBy('park_id')
        .execute();
      return new Map(rows.flatMap((r) => (r.at === null ? [] : [[r.park_id, Number(r.at)] as [string, number]])));
    },
  };
}
