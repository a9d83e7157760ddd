// Daily follow-up visits (每日回访): every open ledger item gets a follow-up task each day, for the
// park's responsible inspector (or the inspector who found it), until it is verified closed; a
// follow-up not made in time and a deadline passed escalate to the zone admins, once per finding,
// kind and day. The job is idempotent (unique follow-up per finding and day, escalations marked
// once), so the hourly run, a restart, a parallel run or the admin's "run now" repeat nothing.
// The inspector records a visit on the follow-up task, and may close the item with an after-photo.
import { FINDING_EVENT_ACTION_LABELS, TASK_STATUS_LABELS, labelIn, type FollowUpInput, type TaskDetail, type TaskStatus } from '@shuangsheng/contracts';
import { recordAudit } from '../../platform/audit.js';
import { systemCtx, type Ctx } from '../../platform/context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../notifications/notifications.service.js';
import type { InspectionParts, Scope } from './context.js';
import { makeFindingsRepo } from './findings.repo.js';
import { makeFollowUpsRepo } from './followups.repo.js';
import { mayWorkOnTask } from './inspections.policy.js';
import type { InspectionsModule } from './inspections.services.js';

export type FollowUpRun = { created: number; escalated: number };

export function makeFollowUpsService(parts: InspectionParts, scope: Scope, mod: InspectionsModule) {
  const { deps, org } = parts;
  const { database, clock } = deps;
  const repo = makeFollowUpsRepo(database.db);

  /**
   * The day's follow-ups and escalations of a zone, by the app clock. `by` is the admin who ran it
   * now (always recorded); the hourly job records a run only when it did something.
   */
  async function run(zoneId: string, by?: Ctx): Promise<FollowUpRun> {
    const today = scope.today();
    const now = clock.now();
    // Read before the transaction (SQLite: no reads through the pool inside one).
    const [holders, adminIds] = await Promise.all([scope.inspectorsOf(zoneId), org.users.activeWithRole(zoneId, 'zone_admin')]);
    const primaryOf = new Map([...holders].flatMap(([parkId, list]) => {
      const primary = list.find((h) => h.isPrimary) ?? list[0];
      return primary ? [[parkId, primary.userId] as const] : [];
    }));
    const ctx = by ?? systemCtx(zoneId, 'inspections.follow_ups');
    return database.db.transaction().execute(async (trx) => {
      const r = makeFollowUpsRepo(trx);
      const events = makeFindingsRepo(trx, database.dialect);
      const escalate = async (f: { id: string; number: string; item_title: string; park_name: string | null }, kind: 'follow_up_missed' | 'deadline_passed', day: string) => {
        if (!(await r.escalateOnce({ zone_id: zoneId, finding_id: f.id, kind, day, created_at: now }))) return false;
        await events.insertEvent({ id: newId(), zone_id: zoneId, finding_id: f.id, action: kind, from_status: 'open', to_status: 'open', actor_id: null, actor_name: ctx.actor.displayName, comment: day, photos_json: '[]', at: now });
        await notify(trx, clock, zoneId, adminIds, { kind: kind === 'deadline_passed' ? 'inspection.deadline_passed' : 'inspection.follow_up_missed', params: { number: f.number, parkName: f.park_name ?? '', itemTitle: f.item_title, date: day }, entityType: 'inspection_finding', entityId: f.id });
        return true;
      };

      const open = await r.openLedger(zoneId);
      let created = 0;
      let escalated = 0;
      for (const f of open) {
        // Found today: the first follow-up is tomorrow's.
        if (f.found_on >= today) continue;
        const inspectorId = primaryOf.get(f.park_id) ?? f.inspector_id;
        const task = {
          id: newId(),
          zone_id: zoneId,
          kind: 'follow_up',
          round_id: null,
          park_id: f.park_id,
          inspector_id: inspectorId,
          template_version_id: null,
          finding_id: f.id,
          due_date: today,
          status: 'pending',
          note: null,
          photos_json: '[]',
          policies_explained: null,
          started_at: null,
          submitted_at: null,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        if (!(await r.insertFollowUp(task))) continue;
        created++;
        await notify(trx, clock, zoneId, [inspectorId], { kind: 'inspection.follow_up_due', params: { number: f.number, parkName: f.park_name ?? '', itemTitle: f.item_title, date: today }, entityType: 'inspection_task', entityId: task.id });
      }
      const byId = new Map(open.map((f) => [f.id, f]));
      for (const m of await r.missedFollowUps(zoneId, today)) {
        const f = byId.get(m.finding_id ?? '');
        if (f && (await escalate(f, 'follow_up_missed', m.due_date))) escalated++;
      }
      for (const f of open) if (f.deadline !== null && f.deadline < today && (await escalate(f, 'deadline_passed', f.deadline))) escalated++;

      if (by || created + escalated > 0) {
        await recordAudit(trx, clock, ctx, { action: 'inspection.follow_ups_run', entityType: 'zone', entityId: zoneId, after: { day: today, created, escalated } });
      }
      return { created, escalated };
    });
  }

  /** The hourly work of every zone (main.ts); one zone's failure does not stop the others. */
  async function hourly(onlyZoneIds?: string[]): Promise<{ zoneId: string; error: unknown }[]> {
    const failures: { zoneId: string; error: unknown }[] = [];
    const zoneIds = onlyZoneIds ?? (await org.zones.list()).map((z) => z.id);
    for (const zoneId of zoneIds) {
      try {
        await run(zoneId);
      } catch (error) {
        failures.push({ zoneId, error });
      }
    }
    return failures;
  }

  /**
   * Records a follow-up visit on the inspector's task (note and photos uploaded to the task) and
   * submits it; `close` with after-photos verifies the ledger item closed in the same transaction.
   */
  async function submit(ctx: Ctx, taskId: string, input: FollowUpInput): Promise<TaskDetail> {
    const task = await repo.task(ctx.zoneId, taskId);
    if (!task) throw new NotFoundError('inspection_task', taskId);
    if (!mayWorkOnTask(ctx.actor, task.inspector_id)) throw new ForbiddenError('rule.not_own_task');
    const taskState = (status: string) =>
      new ConflictError('state.task', { status: labelIn(ctx.lang, TASK_STATUS_LABELS[status as TaskStatus]), action: labelIn(ctx.lang, FINDING_EVENT_ACTION_LABELS.follow_up) }, { status });
    if (task.kind !== 'follow_up' || task.status === 'submitted' || !task.finding_id) throw taskState(task.status);
    const findings = mod.findings;
    const finding = await findings.rowOf(ctx.zoneId, task.finding_id);

    const own = new Set(findings.ids(task.photos_json));
    const issues: FieldIssue[] = input.photoFileIds.flatMap((id, i) => (own.has(id) ? [] : [{ path: `photoFileIds.${i}`, key: 'v.not_task_photo' }]));
    let prep: { adminIds: string[] } | null = null;
    if (input.close) {
      if (input.afterPhotoFileIds.length === 0) issues.push({ path: 'afterPhotoFileIds', key: 'v.after_photo_required' });
      else issues.push(...findings.photoIssues(input.afterPhotoFileIds, await findings.taskPhotoIds(ctx.zoneId, finding), 'afterPhotoFileIds'));
    }
    if (issues.length) throw new ValidationError(issues);
    if (input.close) {
      if (finding.status !== 'open') throw findings.stateError(ctx, finding.status, 'close');
      prep = await findings.closePrep(ctx.zoneId);
    }

    await database.db.transaction().execute(async (trx) => {
      const now = clock.now();
      if (!(await makeFollowUpsRepo(trx).submit(ctx.zoneId, task.id, now, input.note))) throw taskState('submitted');
      await makeFindingsRepo(trx, database.dialect).insertEvent({
        id: newId(),
        zone_id: ctx.zoneId,
        finding_id: finding.id,
        action: 'follow_up',
        from_status: finding.status,
        to_status: finding.status,
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.displayName,
        comment: input.note,
        photos_json: JSON.stringify(input.photoFileIds),
        at: now,
      });
      await recordAudit(trx, clock, ctx, {
        action: 'inspection_task.follow_up',
        entityType: 'inspection_task',
        entityId: task.id,
        before: { status: task.status },
        after: { status: 'submitted', findingId: finding.id, note: input.note, photoFileIds: input.photoFileIds, close: input.close },
      });
      if (prep) await findings.closeIn(trx, ctx, finding, { note: input.note, afterPhotoFileIds: input.afterPhotoFileIds }, prep, finding.park_name ?? '');
    });
    return mod.tasks.get(ctx, task.id);
  }

  return { run, hourly, submit, escalations: (zoneId: string, findingId: string) => repo.escalations(zoneId, findingId) };
}
export type FollowUpsService = ReturnType<typeof makeFollowUpsService>;
