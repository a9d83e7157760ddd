// Inspection tasks and the record an inspector makes on a phone: the places walked (park entrance,
// inner area, buildings, enterprises of the task's park), one answer per place and item of the
// task's checklist version (saved as it goes), photos resized on the server, and submission, which
// checks every failed item's disposition, locks the task and makes the findings in one transaction.
import {
  INSPECTION_PLACE_LABELS,
  labelIn,
  TASK_STATUS_LABELS,
  type AnswerResult,
  type ChecklistAnswer,
  type ChecklistAnswerInput,
  type ChecklistItem,
  type Finding,
  type FindingDraft,
  type InspectionPlace,
  type Place,
  type PlaceInput as PlaceInputSchema,
  type Task,
  type TaskActionBody as TaskActionBodySchema,
  type TaskDetail,
  type TaskKind,
  type TaskListQuery as TaskListQuerySchema,
  type TaskPatch,
  type TaskPhoto as TaskPhotoSchema,
  type TaskStatus,
  type TemplateVersion,
} from '@shuangsheng/contracts';
import sharp from 'sharp';
import type { z } from 'zod';
import type { InspectionAnswersTable, InspectionPlacesTable, InspectionTasksTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { sniffFileType } from '../../platform/files.js';
import { newId } from '../../platform/ids.js';
import type { InspectionParts, Scope } from './context.js';
import type { FailedAnswer } from './findings.service.js';
import { findingDraftIssues, inRange, isMissed, mayWorkOnTask, numberResult, TASK_EDITABLE } from './inspections.policy.js';
import type { InspectionsModule } from './inspections.services.js';
import { makeRoundsRepo } from './rounds.repo.js';
import { makeTasksRepo, type TaskFilter } from './tasks.repo.js';

type PlaceInput = z.infer<typeof PlaceInputSchema>;
type TaskListQuery = z.infer<typeof TaskListQuerySchema>;
type TaskActionBody = z.infer<typeof TaskActionBodySchema>;
export type TaskPhoto = z.infer<typeof TaskPhotoSchema>;
type TaskAction = 'start' | 'submit';
type TaskList = { items: Task[]; total: number; page: number; pageSize: number };

/** Photos are resized to at most this many pixels on the long side. */
export const PHOTO_MAX_SIDE = 1600;
const PHOTO_QUALITY = 80;
const ACTION_LABELS: Record<TaskAction | 'answer' | 'add_place' | 'upload_photo' | 'update', [string, string]> = {
  start: ['开始巡查', 'start'],
  submit: ['提交', 'submit'],
  answer: ['填写检查结果', 'answer items'],
  add_place: ['添加巡查点位', 'add places'],
  upload_photo: ['上传照片', 'upload photos'],
  update: ['填写政策宣贯', 'record the policies explained'],
};
const FOLLOW_UP_LABEL: [string, string] = ['每日回访任务', 'a follow-up visit task'];

/** The photos uploaded to a task (inspection or follow-up), in upload order. */
export function taskPhotos(row: Pick<InspectionTasksTable, 'photos_json'>): TaskPhoto[] {
  return JSON.parse(row.photos_json) as TaskPhoto[];
}

/** The image as stored: EXIF orientation applied, at most PHOTO_MAX_SIDE px, JPEG, metadata stripped. 415 when it is no readable JPEG or PNG. */
async function normalizedPhoto(bytes: Buffer, name: string | undefined): Promise<{ data: Buffer; width: number; height: number }> {
  const type = sniffFileType(bytes);
  if (type !== 'jpeg' && type !== 'png') throw new AppError(415, 'unsupported_media_type', { detail: name ?? '' });
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: PHOTO_QUALITY, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw new AppError(415, 'unsupported_media_type', { detail: name ?? '' });
  }
}

const jpegName = (name: string | undefined) => `${(name ?? 'photo').replace(/\.[^./\\]*$/, '') || 'photo'}.jpg`;

export function makeTasksService(parts: InspectionParts, scope: Scope, mod: InspectionsModule) {
  const { deps, org, enterprises, files } = parts;
  const { database, clock } = deps;
  const repo = makeTasksRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeTasksRepo(trx, database.dialect);
  const roundsRepo = makeRoundsRepo(database.db, database.dialect);

  const stateError = (ctx: Ctx, status: string, action: [string, string]) =>
    new ConflictError('state.task', { status: labelIn(ctx.lang, TASK_STATUS_LABELS[status as TaskStatus] ?? [status, status]), action: labelIn(ctx.lang, action) }, { status });
  const followUpError = (ctx: Ctx, row: InspectionTasksTable) => new ConflictError('state.task', { status: labelIn(ctx.lang, FOLLOW_UP_LABEL), action: labelIn(ctx.lang, ACTION_LABELS.answer) }, { status: row.status, kind: row.kind });

  // ---- shapes
  async function toTasks(zoneId: string, rows: InspectionTasksTable[]): Promise<Task[]> {
    if (rows.length === 0) return [];
    const rounds = new Map((await roundsRepo.byIds(zoneId, [...new Set(rows.flatMap((r) => (r.round_id ? [r.round_id] : [])))])).map((r) => [r.id, r.name]));
    const parks = new Map((await org.parks.byName(zoneId)).map((p) => [p.id, p.name]));
    const inspectors = await org.users.namesOf(zoneId, [...new Set(rows.flatMap((r) => (r.inspector_id ? [r.inspector_id] : [])))]);
    const counts = await repo.counts(zoneId, rows.map((r) => r.id));
    const findingIds = [...new Set(rows.flatMap((r) => (r.finding_id ? [r.finding_id] : [])))];
    const numbers = findingIds.length ? await mod.findings.numbersOf(zoneId, findingIds) : new Map<string, string>();
    const today = scope.today();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as TaskKind,
      roundId: r.round_id,
      roundName: r.round_id ? (rounds.get(r.round_id) ?? null) : null,
      parkId: r.park_id,
      parkName: parks.get(r.park_id) ?? '',
      inspector: r.inspector_id ? { id: r.inspector_id, name: inspectors.get(r.inspector_id) ?? '' } : null,
      dueDate: r.due_date,
      status: r.status as TaskStatus,
      missed: isMissed(r.status as TaskStatus, r.due_date, today),
      findingId: r.finding_id,
      findingNumber: r.finding_id ? (numbers.get(r.finding_id) ?? null) : null,
      answered: counts.get(r.id)?.answered ?? 0,
      failed: counts.get(r.id)?.failed ?? 0,
      version: r.version,
      startedAt: r.started_at,
      submittedAt: r.submitted_at,
      policiesExplained: r.policies_explained,
    }));
  }

  const toAnswer = (a: InspectionAnswersTable): ChecklistAnswer => ({
    id: a.id,
    placeId: a.place_id,
    itemKey: a.item_key,
    result: a.result as AnswerResult,
    value: a.value === null ? null : Number(a.value),
    note: a.note,
    photoFileIds: JSON.parse(a.photos_json) as string[],
    finding: a.finding_json ? (JSON.parse(a.finding_json) as FindingDraft) : null,
    latitude: a.latitude === null ? null : Number(a.latitude),
    longitude: a.longitude === null ? null : Number(a.longitude),
    answeredAt: a.answered_at,
  });

  const toPlace = (p: InspectionPlacesTable, answers: InspectionAnswersTable[]): Place => ({
    id: p.id,
    place: p.place as InspectionPlace,
    buildingId: p.building_id,
    enterpriseId: p.enterprise_id,
    label: p.label,
    answers: answers.filter((a) => a.place_id === p.id).map(toAnswer),
  });

  async function versionOf(zoneId: string, row: InspectionTasksTable): Promise<TemplateVersion | null> {
    if (!row.template_version_id) return null;
    return (await mod.templates.versionsByIds(zoneId, [row.template_version_id])).get(row.template_version_id) ?? null;
  }

  async function detail(ctx: Ctx, row: InspectionTasksTable): Promise<TaskDetail> {
    const [task] = await toTasks(ctx.zoneId, [row]);
    const places = await repo.places(ctx.zoneId, row.id);
    const answers = await repo.answers(ctx.zoneId, row.id);
    let finding: Finding | null = null;
    if (row.finding_id) {
      const { events: _e, ...rest } = await mod.findings.get(ctx, row.finding_id);
      finding = rest;
    }
    const findings: Finding[] = row.kind === 'inspection' && row.status === 'submitted' ? await mod.findings.listForTask(ctx.zoneId, row.id) : [];
    return {
      ...task!,
      templateVersion: await versionOf(ctx.zoneId, row),
      places: places.map((p) => toPlace(p, answers)),
      photos: taskPhotos(row),
      note: row.note,
      finding,
      findings,
    };
  }

  // ---- reading
  /** The task if it is of the zone (404 otherwise). */
  async function visibleRow(ctx: Ctx, id: string): Promise<InspectionTasksTable> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('inspection_task', id);
    return row;
  }

  /** The task if the actor may work on it: inspectors only their own (403 rule.not_own_task), the admin any. */
  async function workableRow(ctx: Ctx, id: string): Promise<InspectionTasksTable> {
    const row = await visibleRow(ctx, id);
    if (!mayWorkOnTask(ctx.actor, row.inspector_id)) throw new ForbiddenError('rule.not_own_task');
    return row;
  }

  function filterOf(ctx: Ctx, q: Partial<TaskListQuery>): TaskFilter {
    return {
      q: q.q,
      // Someone without a user (a job) has no tasks of their own.
      inspectorId: q.mine ? (ctx.actor.userId ?? '-') : undefined,
      kind: q.kind,
      status: q.status,
      roundId: q.roundId,
      parkId: q.parkId,
      dueDate: q.dueDate,
      missed: q.missed === undefined ? undefined : { today: scope.today(), value: q.missed },
      sort: q.sort,
    };
  }

  async function list(ctx: Ctx, q: Partial<TaskListQuery> & { page: number; pageSize: number }): Promise<TaskList> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...filterOf(ctx, q), page: q.page, pageSize: q.pageSize });
    return { items: await toTasks(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(ctx: Ctx, id: string): Promise<TaskDetail> {
    return detail(ctx, await visibleRow(ctx, id));
  }

  // ---- writing the record
  /**
   * Runs `work` in a transaction that first takes the task's row while it is still editable (so a
   * parallel submission either waits for it or makes it fail with 409).
   */
  async function whileEditable<T>(ctx: Ctx, row: InspectionTasksTable, action: [string, string], work: (trx: Executor) => Promise<T>, version?: number): Promise<T> {
    const outcome = await database.db.transaction().execute(async (trx) => {
      const n = await repoIn(trx).updateIf(ctx.zoneId, row.id, TASK_EDITABLE, { updated_at: clock.now() }, { version });
      if (n === 0) return { locked: false as const };
      return { locked: true as const, value: await work(trx) };
    });
    if (outcome.locked) return outcome.value;
    const now = await visibleRow(ctx, row.id);
    if (!TASK_EDITABLE.includes(now.status as TaskStatus)) throw stateError(ctx, now.status, action);
    throw new ConflictError('state.stale_task', {}, { status: now.status, version: now.version });
  }

  function assertEditable(ctx: Ctx, row: InspectionTasksTable, action: [string, string]) {
    if (!TASK_EDITABLE.includes(row.status as TaskStatus)) throw stateError(ctx, row.status, action);
  }

  /** A place walked: the park's entrance or inner area, or a building or enterprise of the task's park. The same place again is the one there is. */
  async function addPlace(ctx: Ctx, taskId: string, input: PlaceInput): Promise<{ place: Place; created: boolean }> {
    const row = await workableRow(ctx, taskId);
    if (row.kind !== 'inspection') throw followUpError(ctx, row);
    assertEditable(ctx, row, ACTION_LABELS.add_place);
    const zh = (p: InspectionPlace) => INSPECTION_PLACE_LABELS[p][0];
    const refIssue = (path: string, target: InspectionPlace): FieldIssue => ({ path, key: 'v.place_ref', params: { place: labelIn(ctx.lang, INSPECTION_PLACE_LABELS[input.place]), target: labelIn(ctx.lang, INSPECTION_PLACE_LABELS[target]) } });
    let buildingId: string | null = null;
    let enterpriseId: string | null = null;
    let label = zh(input.place);
    if (input.place === 'building') {
      if (!input.buildingId) throw new ValidationError([{ path: 'buildingId', key: 'v.required' }]);
      const b = await org.buildings.find(ctx.zoneId, input.buildingId);
      if (!b || b.park_id !== row.park_id) throw new ValidationError([refIssue('buildingId', 'building')]);
      buildingId = b.id;
      label = b.name;
    } else if (input.place === 'enterprise') {
      if (!input.enterpriseId) throw new ValidationError([{ path: 'enterpriseId', key: 'v.required' }]);
      const [e] = await enterprises.repo.byIds(ctx.zoneId, [input.enterpriseId]);
      if (!e || e.park_id !== row.park_id) throw new ValidationError([refIssue('enterpriseId', 'enterprise')]);
      enterpriseId = e.id;
      // The enterprise's building counts as covered too.
      buildingId = e.building_id;
      label = e.name;
    }
    const candidate: InspectionPlacesTable = { id: newId(), zone_id: ctx.zoneId, task_id: row.id, place: input.place, building_id: buildingId, enterprise_id: enterpriseId, label, created_at: clock.now() };
    const { place, created } = await whileEditable(ctx, row, ACTION_LABELS.add_place, async (trx) => {
      const existing = await repoIn(trx).findPlace(ctx.zoneId, row.id, candidate);
      if (existing) return { place: existing, created: false };
      await repoIn(trx).insertPlace(candidate);
      await recordAudit(trx, clock, ctx, { action: 'inspection_task.add_place', entityType: 'inspection_task', entityId: row.id, after: { placeId: candidate.id, place: candidate.place, buildingId, enterpriseId, label } });
      return { place: candidate, created: true };
    });
    const answers = created ? [] : (await repo.answers(ctx.zoneId, row.id)).filter((a) => a.place_id === place.id);
    return { place: toPlace(place, answers), created };
  }

  /** A photo for the task (inspection or follow-up): checked by its bytes, resized and re-encoded, then stored. */
  async function uploadPhoto(ctx: Ctx, taskId: string, bytes: Buffer, name: string | undefined): Promise<TaskPhoto> {
    const row = await workableRow(ctx, taskId);
    assertEditable(ctx, row, ACTION_LABELS.upload_photo);
    const photo = await normalizedPhoto(bytes, name);
    return whileEditable(ctx, row, ACTION_LABELS.upload_photo, async (trx) => {
      const current = await repoIn(trx).get(ctx.zoneId, row.id);
      const stored = await files.storeIn(trx, ctx, 'inspection_photo', photo.data, jpegName(name), ['jpeg']);
      const entry: TaskPhoto = { id: stored.id, name: stored.name, type: stored.type, size: stored.size, width: photo.width, height: photo.height, createdAt: stored.createdAt };
      await repoIn(trx).updateIf(ctx.zoneId, row.id, TASK_EDITABLE, { photos_json: JSON.stringify([...taskPhotos(current ?? row), entry]) });
      await recordAudit(trx, clock, ctx, { action: 'inspection_task.upload_photo', entityType: 'inspection_task', entityId: row.id, after: { fileId: stored.id, name: stored.name, size: stored.size, width: photo.width, height: photo.height, sha256: stored.sha256 } });
      return entry;
    });
  }

  /** A photo of the task (only ones uploaded to it). */
  async function openPhoto(ctx: Ctx, taskId: string, fileId: string) {
    const row = await visibleRow(ctx, taskId);
    if (!taskPhotos(row).some((p) => p.id === fileId)) throw new NotFoundError('file', fileId);
    return files.openAuthorized(ctx.zoneId, fileId);
  }

  /** The answer an input makes for an item, or the problems with it (paths of the input). */
  function checkAnswer(item: ChecklistItem, input: ChecklistAnswerInput, photoIds: Set<string>): { result: AnswerResult; value: number | null; issues: FieldIssue[] } {
    const issues: FieldIssue[] = [];
    let result: AnswerResult = input.result ?? 'na';
    let value: number | null = null;
    if (item.kind === 'number') {
      if (input.value == null) {
        // Not applicable is the one answer a number item takes without a value.
        if (input.result !== 'na') issues.push({ path: 'value', key: 'v.value_required' });
      } else if (!inRange(item, input.value)) {
        issues.push({ path: 'value', key: 'v.value_out_of_range', params: { min: item.min ?? '-', max: item.max ?? '-' } });
      } else {
        value = input.value;
        result = numberResult(item, input.value);
      }
    } else if (!input.result) {
      issues.push({ path: 'result', key: 'v.result_required' });
    }
    input.photoFileIds.forEach((id, i) => {
      if (!photoIds.has(id)) issues.push({ path: `photoFileIds.${i}`, key: 'v.not_task_photo' });
    });
    if (input.finding) {
      if (result !== 'fail') issues.push({ path: 'finding', key: 'v.finding_only_on_fail' });
      input.finding.afterPhotoFileIds.forEach((id, i) => {
        if (!photoIds.has(id)) issues.push({ path: `finding.afterPhotoFileIds.${i}`, key: 'v.not_task_photo' });
      });
    }
    return { result, value, issues };
  }

  /** Saves one answer (upsert by task, place and item); the first answer starts the task. */
  async function answer(ctx: Ctx, taskId: string, input: ChecklistAnswerInput): Promise<ChecklistAnswer> {
    const row = await workableRow(ctx, taskId);
    if (row.kind !== 'inspection') throw followUpError(ctx, row);
    assertEditable(ctx, row, ACTION_LABELS.answer);
    if (input.version !== undefined && input.version !== row.version) throw new ConflictError('state.stale_task', {}, { status: row.status, version: row.version });
    const place = await repo.place(ctx.zoneId, row.id, input.placeId);
    if (!place) throw new ValidationError([{ path: 'placeId', key: 'v.not_task_place' }]);
    const version = await versionOf(ctx.zoneId, row);
    const item = version?.items.find((i) => i.key === input.itemKey);
    if (!item) throw new ValidationError([{ path: 'itemKey', key: 'v.item_not_in_template', params: { key: input.itemKey, version: version?.version ?? 0 } }]);
    if (item.place !== place.place) throw new ValidationError([{ path: 'itemKey', key: 'v.item_wrong_place', params: { key: input.itemKey, place: labelIn(ctx.lang, INSPECTION_PLACE_LABELS[item.place]) } }]);
    const { result, value, issues } = checkAnswer(item, input, new Set(taskPhotos(row).map((p) => p.id)));
    if (issues.length) throw new ValidationError(issues);

    const now = clock.now();
    const saved: InspectionAnswersTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      task_id: row.id,
      place_id: place.id,
      item_key: item.key,
      result,
      value,
      note: input.note ?? null,
      photos_json: JSON.stringify([...new Set(input.photoFileIds)]),
      finding_json: input.finding && result === 'fail' ? JSON.stringify({ ...input.finding, afterPhotoFileIds: [...new Set(input.finding.afterPhotoFileIds)] }) : null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      answered_at: now,
      updated_at: now,
    };
    return whileEditable(
      ctx,
      row,
      ACTION_LABELS.answer,
      async (trx) => {
        const r = repoIn(trx);
        await r.startIfPending(ctx.zoneId, row.id, now);
        await r.upsertAnswer(saved);
        await recordAudit(trx, clock, ctx, { action: 'inspection_task.answer', entityType: 'inspection_task', entityId: row.id, after: { placeId: place.id, itemKey: item.key, result, value, finding: saved.finding_json ? JSON.parse(saved.finding_json) : null } });
        return toAnswer((await r.answer(ctx.zoneId, row.id, place.id, item.key))!);
      },
      input.version,
    );
  }

  /** Records what else the visit did (the policies explained) while the task is not submitted; the version moves on. */
  async function update(ctx: Ctx, taskId: string, input: TaskPatch): Promise<TaskDetail> {
    const row = await workableRow(ctx, taskId);
    assertEditable(ctx, row, ACTION_LABELS.update);
    if (input.version !== undefined && input.version !== row.version) throw new ConflictError('state.stale_task', {}, { status: row.status, version: row.version });
    const policiesExplained = input.policiesExplained === undefined ? row.policies_explained : input.policiesExplained || null;
    await whileEditable(
      ctx,
      row,
      ACTION_LABELS.update,
      async (trx) => {
        const current = (await repoIn(trx).get(ctx.zoneId, row.id)) ?? row;
        if (current.policies_explained === policiesExplained) return;
        await repoIn(trx).updateIf(ctx.zoneId, row.id, TASK_EDITABLE, { policies_explained: policiesExplained }, { bump: true });
        await recordAudit(trx, clock, ctx, { action: 'inspection_task.update', entityType: 'inspection_task', entityId: row.id, before: { policiesExplained: current.policies_explained }, after: { policiesExplained } });
      },
      input.version,
    );
    return get(ctx, row.id);
  }

  /** What a submission lacks: every failed item's disposition, the photos items require, at least one answer. */
  function submissionIssues(row: InspectionTasksTable, items: ChecklistItem[], places: InspectionPlacesTable[], answers: InspectionAnswersTable[]): { issues: FieldIssue[]; failed: FailedAnswer[] } {
    const issues: FieldIssue[] = [];
    const failed: FailedAnswer[] = [];
    if (answers.length === 0) issues.push({ path: 'answers', key: 'v.task_no_answers' });
    const byKey = new Map(items.map((i, n) => [i.key, { item: i, n }]));
    for (const place of places) {
      const mine = answers.filter((a) => a.place_id === place.id).sort((a, b) => (byKey.get(a.item_key)?.n ?? 0) - (byKey.get(b.item_key)?.n ?? 0));
      for (const a of mine) {
        const item = byKey.get(a.item_key)?.item;
        if (!item) continue;
        const path = `answers.${place.id}.${a.item_key}`;
        const photoFileIds = JSON.parse(a.photos_json) as string[];
        if (item.photoRequired && a.result !== 'na' && photoFileIds.length === 0) issues.push({ path: `${path}.photoFileIds`, key: 'v.photo_required' });
        if (a.result !== 'fail') continue;
        const draft = a.finding_json ? (JSON.parse(a.finding_json) as FindingDraft) : null;
        const draftIssues = findingDraftIssues(draft, row.due_date, `${path}.finding`);
        issues.push(...draftIssues);
        if (draft && draftIssues.length === 0) failed.push({ place, item, answer: a, draft, photoFileIds });
      }
    }
    return { issues, failed };
  }

  async function act(ctx: Ctx, taskId: string, action: TaskAction, body: TaskActionBody): Promise<TaskDetail> {
    const row = await workableRow(ctx, taskId);
    if (row.kind !== 'inspection') throw new ConflictError('state.task', { status: labelIn(ctx.lang, FOLLOW_UP_LABEL), action: labelIn(ctx.lang, ACTION_LABELS[action]) }, { status: row.status, kind: row.kind });
    const label = ACTION_LABELS[action];
    const from: readonly string[] = action === 'start' ? ['pending'] : TASK_EDITABLE;
    if (!from.includes(row.status)) throw stateError(ctx, row.status, label);
    if (body.version !== undefined && body.version !== row.version) throw new ConflictError('state.stale_task', {}, { status: row.status, version: row.version });
    // Read before the transaction what never changes: the checklist version.
    const items = (await versionOf(ctx.zoneId, row))?.items ?? [];
    const now = clock.now();
    const set: Partial<InspectionTasksTable> = action === 'start' ? { status: 'in_progress', updated_at: now } : { status: 'submitted', submitted_at: now, updated_at: now };
    const moved = await database.db.transaction().execute(async (trx) => {
      const r = repoIn(trx);
      // Takes the task's row: a parallel submission (or answer) waits, then finds it submitted.
      if ((await r.updateIf(ctx.zoneId, row.id, from, set, { version: body.version, bump: true, startAt: now })) === 0) return false;
      if (action === 'submit') {
        const places = await r.places(ctx.zoneId, row.id);
        const answers = await r.answers(ctx.zoneId, row.id);
        const { issues, failed } = submissionIssues(row, items, places, answers);
        if (issues.length) throw new ValidationError(issues);
        const submitted = (await r.get(ctx.zoneId, row.id))!;
        // The findings are made in this transaction: a submission never exists without them.
        await mod.findings.createFromSubmission(trx, ctx, submitted, failed);
        await recordAudit(trx, clock, ctx, {
          action: 'inspection_task.submit',
          entityType: 'inspection_task',
          entityId: row.id,
          before: { status: row.status },
          after: { status: 'submitted', places: places.length, answered: answers.length, failed: failed.length, findings: failed.map((f) => ({ placeId: f.place.id, itemKey: f.item.key, disposition: f.draft.disposition })) },
        });
      } else {
        await recordAudit(trx, clock, ctx, { action: 'inspection_task.start', entityType: 'inspection_task', entityId: row.id, before: { status: row.status }, after: { status: 'in_progress' } });
      }
      return true;
    });
    if (!moved) {
      const current = await visibleRow(ctx, row.id);
      if (!from.includes(current.status)) throw stateError(ctx, current.status, label);
      throw new ConflictError('state.stale_task', {}, { status: current.status, version: current.version });
    }
    return get(ctx, row.id);
  }

  return { list, get, update, addPlace, uploadPhoto, openPhoto, answer, act, visibleRow, workableRow, taskPhotos };
}
export type TasksService = ReturnType<typeof makeTasksService>;
