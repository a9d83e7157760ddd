// Resumption plans (复工申请, 一企一案): the enterprise's draft with the "five in place" and its
// evidence, submission with a number and an SLA, review by the commissioner and the approval team
// (site checks, approve with or without conditions, return, refuse), every step on a timeline.
import {
  FIVE_IN_PLACE,
  PLAN_ACTION_LABELS,
  PLAN_EDITABLE_STATUSES,
  PLAN_STATUS_LABELS,
  fieldLabel,
  labelIn,
  type FiveInPlaceEntry,
  type FiveInPlaceKey,
  type Plan,
  type PlanAction,
  type PlanActionBody,
  type PlanCreateInput,
  type PlanDetail,
  type PlanFields,
  type PlanListQuery,
  type PlanPatch,
  type PlanStatus,
  type PreventionMeasure,
  type SiteCheck,
  type SiteCheckInput,
} from '@shuangsheng/contracts';
import { nextInSeries } from '../../db/counters.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { ResumptionPlansTable, ResumptionSiteChecksTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { toBool, toFlag } from '../../platform/tx.js';
import type { EnterpriseBrief } from '../enterprises/enterprises.service.js';
import { notify, type Notice } from '../notifications/notifications.service.js';
import type { ResumptionParts, Scope } from './context.js';
import { makePlansRepo, type PlanFilter } from './plans.repo.js';
import { RESUMPTION_MIN_DATE } from './reports.service.js';
import { countIssues, missingForSubmission, planTargetOf, REVIEW_ACTIONS, type PlanValues } from './resumption.policy.js';
import type { ResumptionModule } from './resumption.services.js';

const HOUR = 3_600_000;
export const PLAN_FILE_TYPES = ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] as const;
const IMAGE_TYPES = ['jpeg', 'png'];
const EDIT_LABEL: [string, string] = ['修改', 'edit'];
const SITE_CHECK_LABEL: [string, string] = ['现场核查', 'record a site check'];
const UPLOAD_LABEL: [string, string] = ['上传附件', 'upload attachments'];
const NO_NUMBER: [string, string] = ['未编号', 'no number yet'];

/** `FG-20200224-0001`: the day of first submission and its sequence in the zone. */
export const planNumber = (day: string, seq: number) => `FG-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;

type FiveInPlace = Partial<Record<FiveInPlaceKey, FiveInPlaceEntry | null>>;
type PlanFileRow = { plan_id: string; id: string; name: string; type: string; size: number; created_at: number };

export function makePlansService(parts: ResumptionParts, scope: Scope, _mod: ResumptionModule) {
  const { deps, enterprises, files, org } = parts;
  const { database, clock, pii } = deps;
  const repo = makePlansRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makePlansRepo(trx, database.dialect);

  // ---- shapes
  const fiveOf = (row: ResumptionPlansTable) => JSON.parse(row.five_in_place_json) as FiveInPlace;

  function valuesOf(row: ResumptionPlansTable): PlanValues {
    return {
      plannedStartDate: row.planned_start_date,
      employeesTotal: row.employees_total,
      plannedOnSite: row.planned_on_site,
      returnedToCity: row.returned_to_city,
      stillOutside: row.still_outside,
      fromHighRisk: row.from_high_risk,
      highRiskQuarantined: row.high_risk_quarantined,
      masks: row.masks,
      thermometers: row.thermometers,
      disinfectantLitres: row.disinfectant_litres,
      suppliesDays: row.supplies_days,
      measures: JSON.parse(row.measures_json) as string[],
      fiveInPlace: fiveOf(row),
      contactName: row.contact_name,
      hasContactPhone: row.contact_phone_enc !== null,
    };
  }

  const hoursLeft = (row: ResumptionPlansTable) => (row.status === 'submitted' && row.sla_due_at !== null ? Math.round(((row.sla_due_at - clock.now()) / HOUR) * 10) / 10 : null);

  async function toPlans(zoneId: string, rows: ResumptionPlansTable[]): Promise<Plan[]> {
    if (rows.length === 0) return [];
    const enterpriseIds = [...new Set(rows.map((r) => r.enterprise_id))];
    const briefs = new Map((await enterprises.briefs(zoneId, enterpriseIds)).map((b) => [b.id, b]));
    const commissioners = await scope.commissionersOf(zoneId, enterpriseIds);
    const deciders = await org.users.namesOf(zoneId, [...new Set(rows.flatMap((r) => (r.decided_by ? [r.decided_by] : [])))]);
    return rows.map((r) => {
      const b = briefs.get(r.enterprise_id);
      const five = fiveOf(r);
      const primary = commissioners.get(r.enterprise_id)?.[0];
      return {
        id: r.id,
        number: r.number,
        enterpriseId: r.enterprise_id,
        enterpriseName: b?.name ?? '',
        creditCode: b?.creditCode ?? '',
        parkName: b?.parkName ?? null,
        tier: b?.tier ?? 'other',
        status: r.status as PlanStatus,
        version: r.version,
        fields: {
          plannedStartDate: r.planned_start_date,
          employeesTotal: r.employees_total,
          plannedOnSite: r.planned_on_site,
          returnedToCity: r.returned_to_city,
          stillOutside: r.still_outside,
          fromHighRisk: r.from_high_risk,
          highRiskQuarantined: r.high_risk_quarantined,
          quarantineNote: r.quarantine_note,
          masks: r.masks,
          thermometers: r.thermometers,
          disinfectantLitres: r.disinfectant_litres,
          suppliesDays: r.supplies_days,
          measures: JSON.parse(r.measures_json) as PreventionMeasure[],
          measuresNote: r.measures_note,
          measureFileIds: JSON.parse(r.measure_files_json) as string[],
          fiveInPlace: Object.fromEntries(FIVE_IN_PLACE.map((k) => [k, five[k] ?? null])) as Record<FiveInPlaceKey, FiveInPlaceEntry | null>,
          contactName: r.contact_name,
          contactPhoneMasked: r.contact_phone_enc ? maskPhone(pii.decrypt(r.contact_phone_enc)) : null,
        },
        missing: missingForSubmission(valuesOf(r)),
        conditions: JSON.parse(r.conditions_json) as string[],
        decisionReason: r.decision_reason,
        submittedAt: r.submitted_at,
        slaDueAt: r.sla_due_at,
        hoursLeft: hoursLeft(r),
        decidedAt: r.decided_at,
        decidedBy: r.decided_by ? { id: r.decided_by, name: deciders.get(r.decided_by) ?? '' } : null,
        approvedOn: r.approved_on,
        commissioner: primary ? { id: primary.userId, name: primary.name } : null,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  const toFile = (f: PlanFileRow) => ({ id: f.id, name: f.name, type: f.type, size: Number(f.size), createdAt: f.created_at });

  async function detail(ctx: Ctx, row: ResumptionPlansTable): Promise<PlanDetail> {
    const [plan] = await toPlans(ctx.zoneId, [row]);
    const planFiles = await repo.files(ctx.zoneId, [row.id]);
    const byId = new Map(planFiles.map((f) => [f.id, f]));
    const events = await repo.events(ctx.zoneId, row.id);
    const checks = await repo.siteChecks(ctx.zoneId, row.id);
    return {
      ...plan!,
      events: events.map((e) => ({ id: e.id, action: e.action, fromStatus: e.from_status as PlanStatus | null, toStatus: e.to_status as PlanStatus, actorName: e.actor_name, comment: e.comment, at: e.at })),
      siteChecks: checks.map((c) => toSiteCheck(c, byId)),
      files: planFiles.map(toFile),
    };
  }

  function toSiteCheck(c: ResumptionSiteChecksTable, byId: Map<string, PlanFileRow>): SiteCheck {
    const photos = (JSON.parse(c.photos_json) as string[]).flatMap((id) => {
      const f = byId.get(id);
      return f ? [toFile(f)] : [];
    });
    return {
      id: c.id,
      checkDate: c.check_date,
      inspectorUserId: c.inspector_user_id,
      inspectorName: c.inspector_name,
      findings: c.findings,
      passed: toBool(Number(c.passed)),
      photos,
      createdAt: c.created_at,
    };
  }

  // ---- reading
  /** The plan if it is in the zone and the reader may see it (another enterprise's: 404). */
  async function visibleRow(ctx: Ctx, id: string): Promise<ResumptionPlansTable> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('resumption_plan', id);
    scope.assertVisible(ctx, row.enterprise_id, 'resumption_plan', id);
    return row;
  }

  async function filterOf(ctx: Ctx, q: Omit<PlanListQuery, 'page' | 'pageSize'>): Promise<PlanFilter> {
    return {
      q: q.q,
      status: q.status,
      parkId: q.parkId,
      enterpriseId: q.enterpriseId,
      enterpriseIds: await scope.visibleIds(ctx, q.mine),
      overdueAt: q.overdue ? clock.now() : undefined,
      sort: q.sort,
    };
  }

  async function list(ctx: Ctx, q: PlanListQuery): Promise<{ items: Plan[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await toPlans(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Omit<PlanListQuery, 'page' | 'pageSize'>): AsyncGenerator<Plan> {
    const batch: ResumptionPlansTable[] = [];
    for await (const row of repo.stream(ctx.zoneId, await filterOf(ctx, q))) {
      batch.push(row);
      if (batch.length === 200) yield* await toPlans(ctx.zoneId, batch.splice(0));
    }
    yield* await toPlans(ctx.zoneId, batch);
  }

  async function get(ctx: Ctx, id: string): Promise<PlanDetail> {
    return detail(ctx, await visibleRow(ctx, id));
  }

  /** Every plan of an enterprise, newest first (the profile tab). */
  async function forEnterprise(ctx: Ctx, enterpriseId: string): Promise<Plan[]> {
    scope.assertVisible(ctx, enterpriseId, 'enterprise', enterpriseId);
    return toPlans(ctx.zoneId, await repo.ofEnterprise(ctx.zoneId, enterpriseId));
  }

  // ---- checks of the content
  /** Count issues with the other field's name in the reader's language. */
  function localized(ctx: Ctx, issues: FieldIssue[]): FieldIssue[] {
    return issues.map((i) => (i.params && typeof i.params.other === 'string' ? { ...i, params: { ...i.params, other: fieldLabel(ctx.lang, i.params.other) } } : i));
  }

  /** Every file id the content names must have been uploaded to this plan. */
  function fileIssues(row: ResumptionPlansTable, planFileIds: Set<string>): FieldIssue[] {
    const issues: FieldIssue[] = [];
    const measureFiles = JSON.parse(row.measure_files_json) as string[];
    measureFiles.forEach((id, i) => {
      if (!planFileIds.has(id)) issues.push({ path: `measureFileIds.${i}`, key: 'v.not_plan_file' });
    });
    const five = fiveOf(row);
    for (const k of FIVE_IN_PLACE) {
      (five[k]?.evidenceFileIds ?? []).forEach((id, i) => {
        if (!planFileIds.has(id)) issues.push({ path: `fiveInPlace.${k}.evidenceFileIds.${i}`, key: 'v.not_plan_file' });
      });
    }
    return issues;
  }

  /** The row's columns changed by the given fields (absent fields stay as they are). */
  function applyFields(row: ResumptionPlansTable, f: PlanFields): Partial<ResumptionPlansTable> {
    const set: Partial<ResumptionPlansTable> = {};
    const scalar = <K extends keyof ResumptionPlansTable>(col: K, v: ResumptionPlansTable[K] | undefined) => {
      if (v !== undefined) set[col] = v;
    };
    scalar('planned_start_date', f.plannedStartDate);
    scalar('employees_total', f.employeesTotal);
    scalar('planned_on_site', f.plannedOnSite);
    scalar('returned_to_city', f.returnedToCity);
    scalar('still_outside', f.stillOutside);
    scalar('from_high_risk', f.fromHighRisk);
    scalar('high_risk_quarantined', f.highRiskQuarantined);
    scalar('quarantine_note', f.quarantineNote);
    scalar('masks', f.masks);
    scalar('thermometers', f.thermometers);
    scalar('disinfectant_litres', f.disinfectantLitres);
    scalar('supplies_days', f.suppliesDays);
    scalar('measures_note', f.measuresNote);
    scalar('contact_name', f.contactName);
    if (f.measures !== undefined) set.measures_json = JSON.stringify([...new Set(f.measures)]);
    if (f.measureFileIds !== undefined) set.measure_files_json = JSON.stringify([...new Set(f.measureFileIds)]);
    if (f.fiveInPlace !== undefined) {
      const five = { ...fiveOf(row) };
      for (const k of FIVE_IN_PLACE) {
        const e = f.fiveInPlace[k];
        if (e === undefined) continue;
        five[k] = e === null ? null : { date: e.date, note: e.note ?? null, evidenceFileIds: [...new Set(e.evidenceFileIds)] };
      }
      set.five_in_place_json = JSON.stringify(five);
    }
    if (f.contactPhone !== undefined) set.contact_phone_enc = pii.protect(f.contactPhone).enc;
    return set;
  }

  /** What the audit log keeps of the content: the phone only masked. */
  function auditShape(row: ResumptionPlansTable): Record<string, unknown> {
    const p = valuesOf(row);
    return {
      plannedStartDate: p.plannedStartDate,
      employeesTotal: p.employeesTotal,
      plannedOnSite: p.plannedOnSite,
      returnedToCity: p.returnedToCity,
      stillOutside: p.stillOutside,
      fromHighRisk: p.fromHighRisk,
      highRiskQuarantined: p.highRiskQuarantined,
      quarantineNote: row.quarantine_note,
      masks: p.masks,
      thermometers: p.thermometers,
      disinfectantLitres: p.disinfectantLitres,
      suppliesDays: p.suppliesDays,
      measures: p.measures,
      measuresNote: row.measures_note,
      measureFileIds: JSON.parse(row.measure_files_json) as string[],
      fiveInPlace: p.fiveInPlace,
      contactName: p.contactName,
      contactPhone: row.contact_phone_enc ? maskPhone(pii.decrypt(row.contact_phone_enc)) : null,
    };
  }

  function assertContent(ctx: Ctx, row: ResumptionPlansTable, planFileIds: Set<string>) {
    const issues = [...localized(ctx, countIssues(valuesOf(row))), ...fileIssues(row, planFileIds)];
    if (issues.length) throw new ValidationError(issues);
  }

  const stateError = (ctx: Ctx, status: string, action: [string, string]) =>
    new ConflictError('state.plan', { status: labelIn(ctx.lang, PLAN_STATUS_LABELS[status as PlanStatus]), action: labelIn(ctx.lang, action) }, { status });

  async function event(trx: Executor, ctx: Ctx, planId: string, e: { action: string; from: string | null; to: string; comment?: string | null }) {
    await repoIn(trx).insertEvent({ id: newId(), zone_id: ctx.zoneId, plan_id: planId, action: e.action, from_status: e.from, to_status: e.to, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, comment: e.comment ?? null, at: clock.now() });
  }

  async function write(trx: Executor, row: ResumptionPlansTable, set: Partial<ResumptionPlansTable>) {
    if (!(await repoIn(trx).updateIfVersion(row.zone_id, row.id, row.version, { ...set, updated_at: clock.now() }))) throw new ConflictError('state.stale_plan', {}, { status: row.status });
  }

  async function openConflict(ctx: Ctx, enterpriseId: string): Promise<ConflictError | null> {
    const open = await repo.openOf(ctx.zoneId, enterpriseId);
    if (!open) return null;
    return new ConflictError(
      'conflict.plan_open',
      { number: open.number ?? labelIn(ctx.lang, NO_NUMBER), status: labelIn(ctx.lang, PLAN_STATUS_LABELS[open.status as PlanStatus]) },
      { planId: open.id, number: open.number, status: open.status },
    );
  }

  // ---- drafts
  async function create(ctx: Ctx, input: PlanCreateInput): Promise<PlanDetail> {
    const { enterpriseId: given, ...fields } = input;
    const enterprise: EnterpriseBrief = await scope.enterpriseFor(ctx, given);
    await scope.assertMayAct(ctx, enterprise.id);
    const now = clock.now();
    const empty: ResumptionPlansTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      enterprise_id: enterprise.id,
      open_enterprise_id: enterprise.id,
      number: null,
      status: 'draft',
      version: 1,
      planned_start_date: null,
      employees_total: null,
      planned_on_site: null,
      returned_to_city: null,
      still_outside: null,
      from_high_risk: null,
      high_risk_quarantined: null,
      quarantine_note: null,
      masks: null,
      thermometers: null,
      disinfectant_litres: null,
      supplies_days: null,
      measures_json: '[]',
      measures_note: null,
      measure_files_json: '[]',
      five_in_place_json: '{}',
      contact_name: null,
      contact_phone_enc: null,
      conditions_json: '[]',
      decision_reason: null,
      submitted_at: null,
      sla_due_at: null,
      decided_at: null,
      decided_by: null,
      approved_on: null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    const row = { ...empty, ...applyFields(empty, fields) };
    // No file is uploaded to a plan that does not exist yet: any file id named here is foreign.
    assertContent(ctx, row, new Set());
    const existing = await openConflict(ctx, enterprise.id);
    if (existing) throw existing;
    try {
      await database.db.transaction().execute(async (trx) => {
        await repoIn(trx).insert(row);
        await event(trx, ctx, row.id, { action: 'create', from: null, to: 'draft' });
        await recordAudit(trx, clock, ctx, { action: 'resumption_plan.create', entityType: 'resumption_plan', entityId: row.id, after: { enterpriseId: enterprise.id, ...auditShape(row) } });
      });
    } catch (err) {
      // A parallel request opened the enterprise's plan first.
      if (isUniqueViolation(err)) throw (await openConflict(ctx, enterprise.id)) ?? err;
      throw err;
    }
    return get(ctx, row.id);
  }

  /** A plan the actor may change: visible, theirs to act on (own or assigned). */
  async function actionableRow(ctx: Ctx, id: string): Promise<ResumptionPlansTable> {
    const row = await visibleRow(ctx, id);
    await scope.assertMayAct(ctx, row.enterprise_id);
    return row;
  }

  async function update(ctx: Ctx, id: string, patch: PlanPatch): Promise<PlanDetail> {
    const { version, ...fields } = patch;
    const row = await actionableRow(ctx, id);
    if (!PLAN_EDITABLE_STATUSES.includes(row.status as PlanStatus)) throw stateError(ctx, row.status, EDIT_LABEL);
    if (version !== undefined && version !== row.version) throw new ConflictError('state.stale_plan', {}, { status: row.status });
    const set = applyFields(row, fields);
    const after = { ...row, ...set };
    const planFileIds = new Set((await repo.files(ctx.zoneId, [row.id])).map((f) => f.id));
    assertContent(ctx, after, planFileIds);
    const changes = diff(auditShape(row), auditShape(after));
    // Two phones may mask alike: a new number is a change all the same.
    const oldPhone = row.contact_phone_enc ? pii.decrypt(row.contact_phone_enc) : null;
    if (fields.contactPhone !== undefined && fields.contactPhone !== oldPhone) {
      changes.before.contactPhone = maskPhone(oldPhone);
      changes.after.contactPhone = maskPhone(fields.contactPhone);
    }
    // Nothing changed: no new version, no event, no record.
    if (Object.keys(changes.after).length === 0) return get(ctx, id);
    await database.db.transaction().execute(async (trx) => {
      await write(trx, row, set);
      await event(trx, ctx, row.id, { action: 'update', from: row.status, to: row.status });
      await recordAudit(trx, clock, ctx, { action: 'resumption_plan.update', entityType: 'resumption_plan', entityId: id, ...changes });
    });
    return get(ctx, id);
  }

  async function uploadFile(ctx: Ctx, id: string, bytes: Buffer, filename: string | undefined) {
    const row = await visibleRow(ctx, id);
    // Reviewers upload site photos to plans they may review; the enterprise its evidence.
    await scope.assertMayAct(ctx, row.enterprise_id);
    if (row.status === 'refused') throw stateError(ctx, row.status, UPLOAD_LABEL);
    return database.db.transaction().execute(async (trx) => {
      const stored = await files.storeIn(trx, ctx, 'resumption_evidence', bytes, filename, PLAN_FILE_TYPES);
      const at = clock.now();
      await repoIn(trx).insertFile({ zone_id: ctx.zoneId, plan_id: id, file_id: stored.id, created_at: at });
      await recordAudit(trx, clock, ctx, { action: 'resumption_plan.upload_file', entityType: 'resumption_plan', entityId: id, after: { fileId: stored.id, name: stored.name, type: stored.type, size: stored.size, sha256: stored.sha256 } });
      return { id: stored.id, name: stored.name, type: stored.type, size: stored.size, createdAt: at };
    });
  }

  async function openFile(ctx: Ctx, id: string, fileId: string) {
    const row = await visibleRow(ctx, id);
    if (!(await repo.files(ctx.zoneId, [row.id])).some((f) => f.id === fileId)) throw new NotFoundError('file', fileId);
    return files.openAuthorized(ctx.zoneId, fileId);
  }

  // ---- the state machine
  async function act(ctx: Ctx, id: string, action: PlanAction, body: PlanActionBody): Promise<PlanDetail> {
    const row = await visibleRow(ctx, id);
    const review = REVIEW_ACTIONS.includes(action);
    // Decisions are the reviewers': never the enterprise's, never a reader's.
    if (review && (ctx.actor.enterpriseId !== null || (ctx.actor.userId !== null && !ctx.actor.permissions.has('resumption.review')))) throw new ForbiddenError();
    await scope.assertMayAct(ctx, row.enterprise_id);
    const from = row.status as PlanStatus;
    const to = planTargetOf(action, from);
    if (!to) throw stateError(ctx, from, PLAN_ACTION_LABELS[action]);
    if (body.version !== undefined && body.version !== row.version) throw new ConflictError('state.stale_plan', {}, { status: row.status });

    const now = clock.now();
    const day = scope.today();
    const set: Partial<ResumptionPlansTable> = { status: to };
    let notice: { kind: Notice['kind']; to: 'reviewers' | 'enterprise' };
    switch (action) {
      case 'submit': {
        const missing = missingForSubmission(valuesOf(row));
        if (missing.length) throw new ValidationError(missing.map((path) => ({ path, key: 'v.required' })));
        assertContent(ctx, row, new Set((await repo.files(ctx.zoneId, [row.id])).map((f) => f.id)));
        const { slaHours } = await scope.settings(ctx.zoneId);
        set.submitted_at = now;
        set.sla_due_at = now + slaHours * HOUR;
        notice = { kind: 'resumption.submitted', to: 'reviewers' };
        break;
      }
      case 'approve':
        set.conditions_json = JSON.stringify(body.conditions ?? []);
        set.decision_reason = body.comment ?? null;
        set.decided_at = now;
        set.decided_by = ctx.actor.userId;
        set.approved_on = day;
        notice = { kind: 'resumption.approved', to: 'enterprise' };
        break;
      case 'return':
      case 'refuse':
        if (!body.reason) throw new ValidationError([{ path: 'reason', key: 'v.required' }]);
        set.decision_reason = body.reason;
        set.decided_at = now;
        set.decided_by = ctx.actor.userId;
        if (action === 'refuse') set.open_enterprise_id = null;
        notice = { kind: action === 'return' ? 'resumption.returned' : 'resumption.refused', to: 'enterprise' };
        break;
    }

    // Read everything the transaction needs first: on SQLite it holds the only connection.
    const recipients = (await recipientsOf(ctx.zoneId, row.enterprise_id, notice.to)).filter((u) => u !== ctx.actor.userId);
    const [brief] = await enterprises.briefs(ctx.zoneId, [row.enterprise_id]);
    await database.db.transaction().execute(async (trx) => {
      await write(trx, row, set);
      if (action === 'submit' && !row.number) {
        set.number = planNumber(day, await nextInSeries(trx, ctx.zoneId, 'FG', day));
        await repoIn(trx).setNumber(ctx.zoneId, row.id, set.number);
      }
      const comment = body.reason ?? body.comment ?? (body.conditions?.length ? body.conditions.join('；') : null);
      await event(trx, ctx, row.id, { action, from, to, comment });
      await recordAudit(trx, clock, ctx, {
        action: `resumption_plan.${action}`,
        entityType: 'resumption_plan',
        entityId: row.id,
        before: { status: from },
        after: {
          status: to,
          ...(set.number ? { number: set.number } : {}),
          ...(set.sla_due_at ? { slaDueAt: set.sla_due_at } : {}),
          ...(set.approved_on ? { approvedOn: set.approved_on } : {}),
          ...(body.conditions?.length ? { conditions: body.conditions } : {}),
          ...(comment ? { comment } : {}),
        },
      });
      await notify(trx, clock, ctx.zoneId, recipients, { kind: notice.kind, params: { number: set.number ?? row.number ?? '', enterpriseName: brief?.name ?? '' }, entityType: 'resumption_plan', entityId: row.id });
    });
    return get(ctx, id);
  }

  /** Reviewers: the enterprise's commissioners and the zone's approval team; else the enterprise's users. */
  async function recipientsOf(zoneId: string, enterpriseId: string, to: 'reviewers' | 'enterprise'): Promise<string[]> {
    if (to === 'enterprise') return scope.usersWithRole(zoneId, 'enterprise_user', enterpriseId);
    const commissioners = (await scope.commissionersOf(zoneId, [enterpriseId])).get(enterpriseId) ?? [];
    return [...commissioners.map((c) => c.userId), ...(await scope.usersWithRole(zoneId, 'approval_officer'))];
  }

  async function siteCheck(ctx: Ctx, id: string, input: SiteCheckInput): Promise<SiteCheck> {
    const row = await visibleRow(ctx, id);
    if (ctx.actor.enterpriseId !== null) throw new ForbiddenError();
    await scope.assertMayAct(ctx, row.enterprise_id);
    if (row.status !== 'submitted' && row.status !== 'approved') throw stateError(ctx, row.status, SITE_CHECK_LABEL);
    const today = scope.today();
    const issues: FieldIssue[] = [];
    if (input.checkDate > today) issues.push({ path: 'checkDate', key: 'v.date_future', params: { today } });
    if (input.checkDate < RESUMPTION_MIN_DATE) issues.push({ path: 'checkDate', key: 'v.date_too_early', params: { min: RESUMPTION_MIN_DATE } });
    const planFiles = await repo.files(ctx.zoneId, [row.id]);
    const byId = new Map(planFiles.map((f) => [f.id, f]));
    const photos = [...new Set(input.photoFileIds)];
    photos.forEach((fileId, i) => {
      const f = byId.get(fileId);
      if (!f) issues.push({ path: `photoFileIds.${i}`, key: 'v.not_plan_file' });
      else if (!IMAGE_TYPES.includes(f.type)) issues.push({ path: `photoFileIds.${i}`, key: 'v.not_image' });
    });
    if (issues.length) throw new ValidationError(issues);
    const check: ResumptionSiteChecksTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      plan_id: row.id,
      check_date: input.checkDate,
      inspector_user_id: ctx.actor.userId,
      inspector_name: input.inspectorName ?? ctx.actor.displayName,
      findings: input.findings,
      passed: toFlag(input.passed),
      photos_json: JSON.stringify(photos),
      created_at: clock.now(),
    };
    await database.db.transaction().execute(async (trx) => {
      await repoIn(trx).insertSiteCheck(check);
      await write(trx, row, {});
      await event(trx, ctx, row.id, { action: 'site_check', from: row.status, to: row.status, comment: input.findings });
      await recordAudit(trx, clock, ctx, {
        action: 'resumption_plan.site_check',
        entityType: 'resumption_plan',
        entityId: row.id,
        after: { siteCheckId: check.id, checkDate: check.check_date, inspectorName: check.inspector_name, passed: input.passed, findings: input.findings, photoFileIds: photos },
      });
    });
    return toSiteCheck(check, byId);
  }

  return { list, exportRows, get, forEnterprise, create, update, uploadFile, openFile, act, siteCheck, visibleRow };
}
export type PlansService = ReturnType<typeof makePlansService>;
