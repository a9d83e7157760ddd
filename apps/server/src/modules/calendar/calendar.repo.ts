import type { Executor } from '../../platform/context.js';
import type { CalendarDaysTable } from '../../db/schema.js';

export function makeCalendarRepo(db: Executor) {
  return {
    between: (zoneId: string, from: string, to: string) =>
      db.selectFrom('calendar_days').selectAll().where('zone_id', '=', zoneId).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute(),
    get: (zoneId: string, date: string) => db.selectFrom('calendar_days').selectAll().where('zone_id', '=', zoneId).where('date', '=', date).executeTakeFirst(),
    async upsert(row: CalendarDaysTable) {
      await db
        .insertInto('calendar_days')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'date']).doUpdateSet({ kind: row.kind, name: row.name, updated_at: row.updated_at }))
        .execute();
    },
    async remove(zoneId: string, date: string) {
      await db.deleteFrom('calendar_days').where('zone_id', '=', zoneId).where('date', '=', date).execute();
    },
  };
}
