// The zone's settings of the resumption module (one row per zone, absent until changed).
import type { ResumptionSettingsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeSettingsRepo(db: Executor) {
  return {
    get: (zoneId: string) => db.selectFrom('resumption_settings').selectAll().where('zone_id', '=', zoneId).executeTakeFirst(),
    async put(row: ResumptionSettingsTable) {
      await db
        .insertInto('resumption_settings')
        .values(row)
        .onConflict((oc) => oc.column('zone_id').doUpdateSet({ sla_hours: row.sla_hours, report_cutoff_hour: row.report_cutoff_hour, demand_hours: row.demand_hours, updated_at: row.updated_at }))
        .execute();
    },
  };
}
