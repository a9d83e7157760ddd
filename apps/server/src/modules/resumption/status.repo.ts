// Suspensions of resumed enterprises (停工) by an officer; the open one (not yet resumed) holds
// `open_enterprise_id`, so a unique constraint keeps a second open suspension out.
import type { ResumptionSuspensionsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeStatusRepo(db: Executor) {
  return {
    /** Every suspension of the zone (or of some enterprises), oldest first. */
    suspensions(zoneId: string, enterpriseIds?: string[]) {
      let q = db.selectFrom('resumption_suspensions').selectAll().where('zone_id', '=', zoneId);
      if (enterpriseIds) q = q.where('enterprise_id', 'in', enterpriseIds.length ? enterpriseIds : ['']);
      return q.orderBy('suspended_on').orderBy('suspended_at').orderBy('id').execute();
    },
    openOf: (zoneId: string, enterpriseId: string) =>
      db.selectFrom('resumption_suspensions').selectAll().where('zone_id', '=', zoneId).where('open_enterprise_id', '=', enterpriseId).executeTakeFirst(),
    async insert(row: ResumptionSuspensionsTable) {
      await db.insertInto('resumption_suspensions').values(row).execute();
    },
    /** Closes the suspension if it is still open: true if this call closed it. */
    async resume(zoneId: string, id: string, set: Pick<ResumptionSuspensionsTable, 'resumed_on' | 'resume_comment' | 'resumed_by' | 'resumed_at'>): Promise<boolean> {
      const res = await db
        .updateTable('resumption_suspensions')
        .set({ ...set, open_enterprise_id: null })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('open_enterprise_id', 'is not', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
