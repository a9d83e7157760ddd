// SQL of the intake (卡口登记): the registrations an Idempotency-Key already made (one indexed
// statement, the hot path's only read), the group a staff repeat copies its driver from, a plate's
// recent vehicles at a checkpoint, and the checkpoint a staff user registers at.
import type { CheckpointRegistrationsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeIntakeRepo(db: Executor) {
  return {
    /**
     * Every row of the group the first submission with this key made at this checkpoint (registrant
     * first), or none. The hot path's one read when a key is sent: the unique index answers it; the
     * group is read only for a replay. (Two statements on purpose: as one, with `group_id in (…)`,
     * SQLite's planner walks the zone's rows instead.)
     */
    async byKey(zoneId: string, checkpointId: string, key: string): Promise<CheckpointRegistrationsTable[]> {
      const first = await db
        .selectFrom('checkpoint_registrations')
        .select('group_id')
        .where('zone_id', '=', zoneId)
        .where('checkpoint_id', '=', checkpointId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (!first) return [];
      return db.selectFrom('checkpoint_registrations').selectAll().where('zone_id', '=', zoneId).where('group_id', '=', first.group_id).orderBy('id').execute();
    },
    checkpoint: (zoneId: string, id: string) => db.selectFrom('checkpoints').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    registration: (zoneId: string, id: string) => db.selectFrom('checkpoint_registrations').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** The vehicle row of a group (its first person), or its only row. */
    groupHead: (zoneId: string, groupId: string) =>
      db.selectFrom('checkpoint_registrations').selectAll().where('zone_id', '=', zoneId).where('group_id', '=', groupId).orderBy('is_vehicle', 'desc').orderBy('id').limit(1).executeTakeFirst(),
    /** The latest vehicles registered at a checkpoint (of one plate if given), newest first. */
    recentVehicles: (zoneId: string, checkpointId: string, plate: string | undefined, limit: number) => {
      let q = db
        .selectFrom('checkpoint_registrations')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where('checkpoint_id', '=', checkpointId)
        .where('is_vehicle', '=', 1);
      if (plate) q = q.where('plate', '=', plate);
      return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
    buildingName: async (zoneId: string, id: string | null) =>
      id ? ((await db.selectFrom('buildings').select('name').where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst())?.name ?? null) : null,
  };
}
export type IntakeRepo = ReturnType<typeof makeIntakeRepo>;
