// SQL of the retention purge: the registrations older than a cutoff read and deleted in chunks
// (each in its own short transaction, so the registration path is never held up for long), the
// cases' links to them cut, closed cases made anonymous, and the day's report.
import { zoneIdNotIndexed } from '../../db/dialect.js';
import type { Executor } from '../../platform/context.js';
import type { CheckpointPurgesTable } from '../../db/schema.js';

export function makeRetentionRepo(db: Executor) {
  return {
    purgeOf: (zoneId: string, day: string) => db.selectFrom('checkpoint_purges').selectAll().where('zone_id', '=', zoneId).where('day', '=', day).executeTakeFirst(),
    purges: (zoneId: string, limit: number) => db.selectFrom('checkpoint_purges').selectAll().where('zone_id', '=', zoneId).orderBy('day', 'desc').limit(limit).execute(),
    /** Up to `limit` registrations before the cutoff (oldest first: the (zone_id, at) index), with their checkpoint. */
    before: (zoneId: string, cutoff: number, limit: number) =>
      db.selectFrom('checkpoint_registrations').select(['id', 'checkpoint_id']).where('zone_id', '=', zoneId).where('at', '<', cutoff).orderBy('at').limit(limit).execute(),
    // Cases keep their own copy of the person: only their link to the purged registrations goes.
    unlinkCases: (zoneId: string, ids: string[]) =>
      db.updateTable('checkpoint_cases').set({ registration_id: null }).where(zoneIdNotIndexed, '=', zoneId).where('registration_id', 'in', ids).execute(),
    deleteRegistrations: async (zoneId: string, ids: string[]) =>
      Number((await db.deleteFrom('checkpoint_registrations').where(zoneIdNotIndexed, '=', zoneId).where('id', 'in', ids).executeTakeFirst()).numDeletedRows),
    /** Closed cases registered before the cutoff lose their ID number and phone (ciphertext and index). */
    anonymiseClosedCases: async (zoneId: string, cutoff: number, now: number) =>
      Number(
        (
          await db
            .updateTable('checkpoint_cases')
            .set({ id_enc: null, id_idx: null, phone_enc: null, phone_idx: null, updated_at: now })
            .where('zone_id', '=', zoneId)
            .where('status', '=', 'closed')
            .where('at', '<', cutoff)
            .where((eb) => eb.or([eb('id_enc', 'is not', null), eb('id_idx', 'is not', null), eb('phone_enc', 'is not', null), eb('phone_idx', 'is not', null)]))
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
    /** The day's report; false when the day already has one (a parallel run won). */
    insertPurge: async (row: CheckpointPurgesTable) => {
      const r = await db.insertInto('checkpoint_purges').values(row).onConflict((oc) => oc.columns(['zone_id', 'day']).doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    /** Zones with at least one checkpoint (the daily job passes the others by). */
    zonesWithCheckpoints: async () => (await db.selectFrom('checkpoints').select('zone_id').distinct().execute()).map((r) => r.zone_id),
  };
}
