// SQL of the intake (卡口登记): the registrations an Idempotency-Key already made (one indexed
// statement, the hot path's only read), the group a staff repeat copies its driver from, a plate's
// recent vehicles at a checkpoint, and the checkpoint a staff user registers at.
import type { CheckpointRegistrationsTable } from '../../db/schema.js';
import { zoneIdNotIndexed } from '../../db/dialect.js';
import type { Executor } from '../../platform/context.js';

/**
 * A group's rows in id order (registrant first), by the group_id index. With `zone_id = ?` SQLite
 * took the (zone_id, pass_id, at) index and read every row of the zone — 7 ms at 25,000 rows,
 * linear after that — on every replay of an Idempotency-Key (zoneIdNotIndexed). A test holds the plan.
 */
export const groupRows = (db: Executor, zoneId: string, groupId: string) =>
  db.selectFrom('checkpoint_registrations').selectAll().where(zoneIdNotIndexed, '=', zoneId).where('group_id', '=', groupId).orderBy('id');

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
      return groupRows(db, zoneId, first.group_id).execute();
    },
    checkpoint: (zoneId: string, id: string) => db.selectFrom('checkpoints').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    registration: (zoneId: string, id: string) => db.selectFrom('checkpoint_registrations').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** The vehicle row of a group (its first person), or its only row. */
    groupHead: async (zoneId: string, groupId: string) => (await groupRows(db, zoneId, groupId).execute()).sort((a, b) => b.is_vehicle - a.is_vehicle)[0],
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
