// SQL of the zone's checkpoint settings (one row per zone, made on the first change).
import type { CheckpointSettingsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeSettingsRepo(db: Executor) {
  return {
    get: (zoneId: string) => db.selectFrom('checkpoint_settings').selectAll().where('zone_id', '=', zoneId).executeTakeFirst(),
    /**
     * Makes the zone's row, or sets only the `changed` columns of it: a parallel change of other
     * settings is kept, not overwritten with what this one read before.
     */
    async upsert(row: CheckpointSettingsTable, changed: (keyof Omit<CheckpointSettingsTable, 'zone_id' | 'updated_at'>)[]) {
      const set: Partial<CheckpointSettingsTable> = { updated_at: row.updated_at };
      for (const column of changed) Object.assign(set, { [column]: row[column] });
      await db.insertInto('checkpoint_settings').values(row).onConflict((oc) => oc.column('zone_id').doUpdateSet(set)).execute();
    },
  };
}
