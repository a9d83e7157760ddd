// SQL of the daily follow-up visits (每日回访): open ledger items, a follow-up task per finding and
// day written once (the unique (zone, finding, due date) makes parallel runs harmless), follow-ups
// not made in time, escalations marked once per finding, kind and day, and the follow-up's own
// submission guarded by its status.
import type { InspectionEscalationsTable, InspectionTasksTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeFollowUpsRepo(db: Executor) {
  return {
    /** Open ledger items with their park's name, by number (a fixed order: parallel runs lock alike). */
    openLedger: (zoneId: string) =>
      db
        .selectFrom('inspection_findings')
        .leftJoin('parks', (j) => j.onRef('parks.id', '=', 'inspection_findings.park_id').on('parks.zone_id', '=', zoneId))
        .select([
          'inspection_findings.id',
          'inspection_findings.number',
          'inspection_findings.park_id',
          'inspection_findings.item_title',
          'inspection_findings.inspector_id',
          'inspection_findings.deadline',
          'inspection_findings.found_on',
          'inspection_findings.status',
          'parks.name as park_name',
        ])
        .where('inspection_findings.zone_id', '=', zoneId)
        .where('inspection_findings.status', '=', 'open')
        .orderBy('inspection_findings.number')
        .execute(),
    /** Writes the follow-up task unless the finding already has one that day: true if written. */
    async insertFollowUp(row: InspectionTasksTable): Promise<boolean> {
      const res = await db
        .insertInto('inspection_tasks')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'finding_id', 'due_date']).doNothing())
        .returning('id')
        .execute();
      return res.length === 1;
    },
    /** Follow-up tasks of earlier days not submitted, of findings still open. */
    missedFollowUps: (zoneId: string, today: string) =>
      db
        .selectFrom('inspection_tasks')
        .innerJoin('inspection_findings', (j) => j.onRef('inspection_findings.id', '=', 'inspection_tasks.finding_id').on('inspection_findings.zone_id', '=', zoneId))
        .select(['inspection_tasks.id', 'inspection_tasks.due_date', 'inspection_tasks.inspector_id', 'inspection_tasks.finding_id'])
        .where('inspection_tasks.zone_id', '=', zoneId)
        .where('inspection_tasks.kind', '=', 'follow_up')
        .where('inspection_tasks.status', '<>', 'submitted')
        .where('inspection_tasks.due_date', '<', today)
        .where('inspection_findings.status', '=', 'open')
        .orderBy('inspection_findings.number')
        .orderBy('inspection_tasks.due_date')
        .execute(),
    /** Records the escalation unless it was already sent (this run or another): true if recorded now. */
    async escalateOnce(row: InspectionEscalationsTable): Promise<boolean> {
      const res = await db
        .insertInto('inspection_escalations')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'finding_id', 'kind', 'day']).doNothing())
        .returning('finding_id')
        .execute();
      return res.length === 1;
    },
    escalations: (zoneId: string, findingId: string) =>
      db.selectFrom('inspection_escalations').selectAll().where('zone_id', '=', zoneId).where('finding_id', '=', findingId).orderBy('day').orderBy('kind').execute(),

    task: (zoneId: string, id: string) => db.selectFrom('inspection_tasks').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** Submits the follow-up unless it was submitted meanwhile: true if written. */
    async submit(zoneId: string, id: string, now: number, note: string): Promise<boolean> {
      const res = await db
        .updateTable('inspection_tasks')
        .set((eb) => ({
          status: 'submitted',
          submitted_at: now,
          started_at: eb.fn.coalesce('started_at', eb.val(now)),
          note,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('kind', '=', 'follow_up')
        .where('status', '<>', 'submitted')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
export type FollowUpsRepo = ReturnType<typeof makeFollowUpsRepo>;
