// Findings (巡查问题) and the rectification ledger (巡查台账): every failed item of a submitted
// inspection becomes a finding, fixed on the spot (立行立改, final) or open in the ledger with the
// responsible party, the measure and a deadline until it is verified closed with an after-photo
// (by the park's inspector or the zone admin; also through a follow-up visit). A finding about an
// enterprise may raise an enterprise demand (诉求) in the resumption module. Each keeps its history.
import {
  FINDING_EVENT_ACTION_LABELS,
  FINDING_STATUS_LABELS,
  labelIn,
  type ChecklistItem,
  type Finding,
  type FindingCloseInput,
  type FindingDemandInput,
  type FindingDisposition,
  type FindingDraft,
  type FindingEventAction,
  type FindingListQuery,
  type FindingStatus,
  type InspectionPlace,
  type Severity,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { FindingDetail as FindingDetailSchema } from '@shuangsheng/contracts';
import { nextInSeries } from '../../db/counters.js';
import type { InspectionAnswersTable, InspectionFindingsTable, InspectionPlacesTable, InspectionTasksTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../notifications/notifications.service.js';
import type { InspectionParts, Scope } from './context.js';
import { makeFindingsRepo, type FindingFilter, type FindingRow } from './findings.repo.js';
import type { InspectionsModule } from './inspections.services.js';
import { daysBetween } from './stats.compute.js';

export type FindingDetail = z.infer<typeof FindingDetailSchema>;
type ListQuery = z.infer<typeof FindingListQuery>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;

/** One failed answer at submission, as the tasks part hands it over. */
export type FailedAnswer = {
  place: InspectionPlacesTable;
  item: ChecklistItem;
  answer: InspectionAnswersTable;
  /** The inspector's disposition (already checked by findingDraftIssues). */
  draft: FindingDraft;
  photoFileIds: string[];
};

/** `XC-20200226-0001`: the day it was found and its sequence in the zone. */
export const findingNumber = (day: string, seq: number) => `XC-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;


const ids = (json: string): string[] => {
  const parsed = JSON.parse(json) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed.map((p) => (typeof p === 'string' ? p : typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string' ? (p as { id: string }).id : '')).filter(Boolean);
};

export function makeFindingsService(parts: InspectionParts, scope: Scope, _mod: InspectionsModule) {
  const { deps, enterprises, org } = parts;
  const { database, clock } = deps;
  const repo = makeFindingsRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeFindingsRepo(trx, database.dialect);

  // ---- reading
  function toFinding(r: FindingRow, followUps: { count: number; last: string | null } | undefined, today: string): Finding {
    const status = r.status as FindingStatus;
    return {
      id: r.id,
      number: r.number,
      taskId: r.task_id,
      roundId: r.round_id,
      roundName: r.round_name,
      parkId: r.park_id,
      parkName: r.park_name ?? '',
      place: r.place as InspectionPlace,
      placeLabel: r.place_label,
      buildingId: r.building_id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      itemKey: r.item_key,
      itemTitle: r.item_title,
      severity: r.severity as Severity,
      description: r.description,
      value: r.value,
      photoFileIds: ids(r.photos_json),
      disposition: r.disposition as FindingDisposition,
      status,
      responsibleParty: r.responsible_party,
      measure: r.measure,
      deadline: r.deadline,
      overdue: status === 'open' && r.deadline !== null && r.deadline < today,
      inspector: r.inspector_id ? { id: r.inspector_id, name: r.inspector_name ?? '' } : null,
      afterPhotoFileIds: ids(r.after_photos_json),
      foundOn: r.found_on,
      closedOn: r.closed_on,
      closeNote: r.close_note,
      daysToClose: status === 'fixed_on_spot' ? 0 : r.closed_on ? daysBetween(r.found_on, r.closed_on) : null,
      followUps: followUps?.count ?? 0,
      lastFollowUpOn: followUps?.last ?? null,
      demandId: r.demand_id,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async function hydrate(zoneId: string, rows: FindingRow[], db: Executor = database.db): Promise<Finding[]> {
    const counts = await repoIn(db).followUpCounts(zoneId, rows.map((r) => r.id));
    const today = scope.today();
    return rows.map((r) => toFinding(r, counts.get(r.id), today));
  }

  async function filterOf(ctx: Ctx, q: Filters): Promise<FindingFilter> {
    return { ...q, today: scope.today(), enterpriseMatches: q.q ? await enterprises.lookup.search(ctx.zoneId, q.q) : undefined };
  }

  async function list(ctx: Ctx, q: ListQuery): Promise<{ items: Finding[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<Finding> {
    for await (const rows of repo.stream(ctx.zoneId, await filterOf(ctx, q))) yield* await hydrate(ctx.zoneId, rows);
  }

  async function rowOf(zoneId: string, id: string, db: Executor = database.db): Promise<FindingRow> {
    const row = await repoIn(db).get(zoneId, id);
    if (!row) throw new NotFoundError('inspection_finding', id);
    return row;
  }

  async function detail(zoneId: string, row: FindingRow): Promise<FindingDetail> {
    const [finding] = await hydrate(zoneId, [row]);
    const events = await repo.events(zoneId, row.id);
    return {
      ...finding!,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.from_status as FindingStatus | null,
        toStatus: e.to_status as FindingStatus,
        actorName: e.actor_name,
        comment: e.comment,
        photoFileIds: ids(e.photos_json),
        at: e.at,
      })),
    };
  }

  const get = async (ctx: Ctx, id: string): Promise<FindingDetail> => detail(ctx.zoneId, await rowOf(ctx.zoneId, id));

  /** The findings an inspection task's submission made, by number. */
  const listForTask = async (zoneId: string, taskId: string): Promise<Finding[]> => hydrate(zoneId, await repo.byTask(zoneId, taskId));
  /** Findings by id (unknown ids left out), by number. */
  const byIds = async (zoneId: string, findingIds: string[]): Promise<Finding[]> => hydrate(zoneId, await repo.byIds(zoneId, findingIds));
  const numbersOf = async (zoneId: string, findingIds: string[]): Promise<Map<string, string>> => new Map((await repo.numbersOf(zoneId, findingIds)).map((r) => [r.id, r.number]));
  /** Open ledger items per park (parks without any are absent). */
  const openCountsByPark = (zoneId: string): Promise<Map<string, number>> => repo.openCountsByPark(zoneId);

  /** The image files a finding may show: the photos of its inspection task and of its follow-up tasks. */
  async function taskPhotoIds(zoneId: string, row: Pick<InspectionFindingsTable, 'task_id' | 'id'>, db: Executor = database.db): Promise<Set<string>> {
    const tasks = await repoIn(db).taskPhotos(zoneId, row.task_id, row.id);
    return new Set(tasks.flatMap((t) => ids(t.photos_json)));
  }

  /** A photo of the finding (its own, after the fix, or of an event), if it belongs to its tasks. */
  async function photo(ctx: Ctx, id: string, fileId: string) {
    const row = await rowOf(ctx.zoneId, id);
    const events = await repo.events(ctx.zoneId, id);
    const shown = new Set([...ids(row.photos_json), ...ids(row.after_photos_json), ...events.flatMap((e) => ids(e.photos_json))]);
    if (!shown.has(fileId) || !(await taskPhotoIds(ctx.zoneId, row)).has(fileId)) throw new NotFoundError('file', fileId);
    return parts.files.openAuthorized(ctx.zoneId, fileId);
  }

  // ---- made by the submission of an inspection (inside its transaction; reads through trx only)
  async function createFromSubmission(trx: Executor, ctx: Ctx, task: InspectionTasksTable, failed: FailedAnswer[]): Promise<Finding[]> {
    if (failed.length === 0) return [];
    const r = repoIn(trx);
    const now = clock.now();
    const enterpriseIds = [...new Set(failed.map((f) => f.place.enterprise_id).filter((x): x is string => x !== null))];
    const names = await r.names(task.zone_id, task.park_id, task.round_id, enterpriseIds, task.inspector_id);
    const out: FindingRow[] = [];
    for (const f of failed) {
      const ledger = f.draft.disposition === 'ledger';
      const status: FindingStatus = ledger ? 'open' : 'fixed_on_spot';
      const row: InspectionFindingsTable = {
        id: newId(),
        zone_id: task.zone_id,
        number: findingNumber(task.due_date, await nextInSeries(trx, task.zone_id, 'XC', task.due_date)),
        task_id: task.id,
        round_id: task.round_id,
        park_id: task.park_id,
        place_id: f.place.id,
        place: f.place.place,
        place_label: f.place.label,
        building_id: f.place.building_id,
        enterprise_id: f.place.enterprise_id,
        item_key: f.item.key,
        item_title: f.item.title,
        severity: f.item.severity,
        description: f.draft.description,
        value: f.answer.value,
        photos_json: JSON.stringify(f.photoFileIds),
        disposition: f.draft.disposition,
        status,
        responsible_party: ledger ? (f.draft.responsibleParty ?? null) : null,
        measure: ledger ? (f.draft.measure ?? null) : null,
        deadline: ledger ? (f.draft.deadline ?? null) : null,
        inspector_id: task.inspector_id,
        after_photos_json: JSON.stringify(f.draft.afterPhotoFileIds),
        found_on: task.due_date,
        // Fixed on the spot: rectified the day it was found.
        closed_on: ledger ? null : task.due_date,
        closed_at: ledger ? null : now,
        closed_by: ledger ? null : ctx.actor.userId,
        close_note: null,
        demand_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await r.insert(row);
      await r.insertEvent({
        id: newId(),
        zone_id: task.zone_id,
        finding_id: row.id,
        action: 'create',
        from_status: null,
        to_status: status,
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.displayName,
        comment: f.draft.description,
        photos_json: JSON.stringify([...f.photoFileIds, ...f.draft.afterPhotoFileIds]),
        at: now,
      });
      out.push({ ...row, park_name: names.park, round_name: names.round, enterprise_name: row.enterprise_id ? (names.enterprises.get(row.enterprise_id) ?? null) : null, inspector_name: names.inspector });
    }
    const today = scope.today();
    return out.map((row) => toFinding(row, undefined, today));
  }

  // ---- closing (验收销号)
  const stateError = (ctx: Ctx, status: string, action: FindingEventAction) =>
    new ConflictError('state.finding', { status: labelIn(ctx.lang, FINDING_STATUS_LABELS[status as FindingStatus]), action: labelIn(ctx.lang, FINDING_EVENT_ACTION_LABELS[action]) }, { status });

  /** The park's primary inspector, the finding's inspector, or the zone admin (and jobs). */
  async function assertMayAct(ctx: Ctx, row: Pick<InspectionFindingsTable, 'park_id' | 'inspector_id'>) {
    const { actor } = ctx;
    if (actor.userId === null || actor.permissions.has('inspections.manage')) return;
    if (actor.permissions.has('inspections.inspect')) {
      if (row.inspector_id === actor.userId) return;
      const primary = ((await scope.inspectorsOf(ctx.zoneId, [row.park_id])).get(row.park_id) ?? []).find((h) => h.isPrimary);
      if (primary?.userId === actor.userId) return;
    }
    throw new ForbiddenError('rule.not_finding_inspector');
  }

  /** After-photos must be photos uploaded to the finding's task or one of its follow-up tasks. */
  function photoIssues(given: string[], allowed: Set<string>, path: string): FieldIssue[] {
    return given.flatMap((id, i) => (allowed.has(id) ? [] : [{ path: `${path}.${i}`, key: 'v.not_task_photo' }]));
  }

  /** What closing needs that is read before the transaction: the zone admins to tell. */
  const closePrep = async (zoneId: string) => ({ adminIds: await org.users.activeWithRole(zoneId, 'zone_admin') });

  /**
   * Closes an open ledger item inside the caller's transaction (the close route, a follow-up
   * visit): status closed today with the after-photos, an event, the audit record and the notice
   * to the zone admins; its follow-ups not submitted are settled (dropped, or submitted when photos were taken on them).
   */
  async function closeIn(trx: Executor, ctx: Ctx, row: InspectionFindingsTable, input: { note: string; afterPhotoFileIds: string[] }, prep: { adminIds: string[] }, parkName: string) {
    const now = clock.now();
    const today = scope.today();
    const after = [...new Set([...ids(row.after_photos_json), ...input.afterPhotoFileIds])];
    const r = repoIn(trx);
    const written = await r.updateIfVersion(row.zone_id, row.id, row.version, {
      status: 'closed',
      closed_on: today,
      closed_at: now,
      closed_by: ctx.actor.userId,
      close_note: input.note,
      after_photos_json: JSON.stringify(after),
      updated_at: now,
    });
    if (!written) {
      const current = await rowOf(row.zone_id, row.id, trx);
      throw stateError(ctx, current.status, 'close');
    }
    await r.insertEvent({ id: newId(), zone_id: row.zone_id, finding_id: row.id, action: 'close', from_status: 'open', to_status: 'closed', actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, comment: input.note, photos_json: JSON.stringify(input.afterPhotoFileIds), at: now });
    await r.settleFollowUps(row.zone_id, row.id, now, input.note);
    await recordAudit(trx, clock, ctx, {
      action: 'inspection_finding.close',
      entityType: 'inspection_finding',
      entityId: row.id,
      before: { status: 'open' },
      after: { status: 'closed', closedOn: today, note: input.note, afterPhotoFileIds: input.afterPhotoFileIds },
    });
    const to = prep.adminIds.filter((u) => u !== ctx.actor.userId);
    await notify(trx, clock, row.zone_id, to, { kind: 'inspection.finding_closed', params: { number: row.number, parkName, itemTitle: row.item_title }, entityType: 'inspection_finding', entityId: row.id });
  }

  async function close(ctx: Ctx, id: string, input: z.infer<typeof FindingCloseInput>): Promise<FindingDetail> {
    const row = await rowOf(ctx.zoneId, id);
    await assertMayAct(ctx, row);
    if (row.status !== 'open') throw stateError(ctx, row.status, 'close');
    const issues = photoIssues(input.afterPhotoFileIds, await taskPhotoIds(ctx.zoneId, row), 'afterPhotoFileIds');
    if (issues.length) throw new ValidationError(issues);
    const prep = await closePrep(ctx.zoneId);
    await database.db.transaction().execute((trx) => closeIn(trx, ctx, row, input, prep, row.park_name ?? ''));
    return get(ctx, id);
  }

  // ---- raising an enterprise demand (诉求)
  async function raiseDemand(ctx: Ctx, id: string, input: z.infer<typeof FindingDemandInput>): Promise<FindingDetail> {
    const row = await rowOf(ctx.zoneId, id);
    await assertMayAct(ctx, row);
    if (!row.enterprise_id) throw new RuleError('rule.finding_no_enterprise');
    if (row.demand_id) throw new ConflictError('conflict.finding_demand_exists', { number: row.number }, { demandId: row.demand_id });
    const brief = (await enterprises.briefs(ctx.zoneId, [row.enterprise_id]))[0];
    if (!brief) throw new RuleError('rule.finding_no_enterprise');
    const demands = parts.resumption.demands;
    const prep = await demands.prepare(ctx.zoneId, brief);
    await database.db.transaction().execute(async (trx) => {
      const demand = await demands.insertIn(trx, ctx, prep, { category: input.category, title: input.title, description: input.description, department: input.department ?? null }, 'visit');
      const now = clock.now();
      if (!(await repoIn(trx).updateIfVersion(ctx.zoneId, row.id, row.version, { demand_id: demand.id, updated_at: now }))) throw new ConflictError('conflict.finding_demand_exists', { number: row.number });
      await repoIn(trx).insertEvent({ id: newId(), zone_id: ctx.zoneId, finding_id: row.id, action: 'raise_demand', from_status: row.status, to_status: row.status, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, comment: `${demand.number} ${demand.title}`, photos_json: '[]', at: now });
      await recordAudit(trx, clock, ctx, { action: 'inspection_finding.raise_demand', entityType: 'inspection_finding', entityId: row.id, before: { demandId: null }, after: { demandId: demand.id, demandNumber: demand.number, category: input.category } });
    });
    return get(ctx, id);
  }

  return {
    list,
    exportRows,
    get,
    listForTask,
    byIds,
    numbersOf,
    openCountsByPark,
    photo,
    createFromSubmission,
    assertMayAct,
    taskPhotoIds,
    photoIssues,
    closePrep,
    closeIn,
    close,
    raiseDemand,
    stateError,
    ids,
    rowOf,
  };
}
export type FindingsService = ReturnType<typeof makeFindingsService>;
