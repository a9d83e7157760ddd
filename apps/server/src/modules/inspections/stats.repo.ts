// SQL of the inspection statistics: the inspection tasks of the rounds of a period, the answers
// of the inspections submitted in it with the checklist versions they used, and the findings.
import type { Executor } from '../../platform/context.js';

export function makeStatsRepo(db: Executor) {
  return {
    /** Inspection tasks of the rounds dated in [from, to]: park, round date, submitted or not. */
    roundTasks: (zoneId: string, from: string, to: string) =>
      db
        .selectFrom('inspection_tasks')
        .innerJoin('inspection_rounds', (j) => j.onRef('inspection_rounds.id', '=', 'inspection_tasks.round_id').on('inspection_rounds.zone_id', '=', zoneId))
        .select(['inspection_tasks.park_id', 'inspection_tasks.status', 'inspection_rounds.round_date'])
        .where('inspection_tasks.zone_id', '=', zoneId)
        .where('inspection_tasks.kind', '=', 'inspection')
        .where('inspection_rounds.round_date', '>=', from)
        .where('inspection_rounds.round_date', '<=', to)
        .execute(),
    /** Answers of the inspection tasks submitted for a day in [from, to], with the version they used. */
    answers: (zoneId: string, from: string, to: string) =>
      db
        .selectFrom('inspection_answers')
        .innerJoin('inspection_tasks', (j) => j.onRef('inspection_tasks.id', '=', 'inspection_answers.task_id').on('inspection_tasks.zone_id', '=', zoneId))
        .select(['inspection_answers.item_key', 'inspection_answers.result', 'inspection_tasks.template_version_id'])
        .where('inspection_answers.zone_id', '=', zoneId)
        .where('inspection_tasks.kind', '=', 'inspection')
        .where('inspection_tasks.status', '=', 'submitted')
        .where('inspection_tasks.due_date', '>=', from)
        .where('inspection_tasks.due_date', '<=', to)
        .execute(),
    versions: (zoneId: string, ids: string[]) =>
      ids.length
        ? db.selectFrom('inspection_template_versions').select(['id', 'items_json', 'created_at']).where('zone_id', '=', zoneId).where('id', 'in', ids).orderBy('created_at').orderBy('version').execute()
        : Promise.resolve([]),
    /** Findings found in [from, to], or closed in it. */
    findings: (zoneId: string, from: string, to: string) =>
      db
        .selectFrom('inspection_findings')
        .select(['disposition', 'status', 'deadline', 'found_on', 'closed_on'])
        .where('zone_id', '=', zoneId)
        .where((eb) => eb.or([eb.and([eb('found_on', '>=', from), eb('found_on', '<=', to)]), eb.and([eb('closed_on', '>=', from), eb('closed_on', '<=', to)])]))
        .execute(),
  };
}
