// The enterprise's resumption status (复工状态), derived on any date from its plans and
// suspensions, never typed: not filed → filed → resumed from the approval date → suspended by an
// officer → resumed again. The rates come from its latest daily report on or before the date.
import {
  ENTERPRISE_RESUMPTION_STATUS_LABELS,
  labelIn,
  type EnterpriseResumption,
  type EnterpriseResumptionHistory,
  type EnterpriseResumptionStatus,
  type PlanStatus,
  type ResumeInput,
  type ScaleTier,
  type StatusPeriod,
  type SuspendInput,
} from '@shuangsheng/contracts';
import { isUniqueViolation } from '../../db/dialect.js';
import type { ResumptionSuspensionsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { todayIn } from '../../platform/calendar.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { EnterpriseBrief } from '../enterprises/enterprises.service.js';
import { notify } from '../notifications/notifications.service.js';
import type { ResumptionParts, Scope } from './context.js';
import { makePlansRepo } from './plans.repo.js';
import { statusHistory, type PlanFact, type SuspensionFact } from './resumption.policy.js';
import type { ResumptionModule } from './resumption.services.js';
import { makeStatusRepo } from './status.repo.js';

export type StatusOnDate = { status: EnterpriseResumptionStatus; since: string | null; planId: string | null; planStatus: PlanStatus | null };
export type StatusFilters = {
  q?: string | undefined;
  status?: EnterpriseResumptionStatus | undefined;
  parkId?: string | undefined;
  tier?: ScaleTier | undefined;
  mine?: boolean | undefined;
};

const SUSPEND_LABEL: [string, string] = ['停工', 'suspend'];
const RESUME_LABEL: [string, string] = ['恢复复工', 'resume'];
/** Above this many ids a reader loads the zone and picks in memory (keeps IN lists short). */
const MAX_IN = 500;

type PlanBrief = { id: string; status: PlanStatus; open: boolean; createdOn: string; employeesTotal: number | null };
type Record_ = { history: StatusPeriod[]; plans: PlanBrief[]; approvedEmployees: number | null };

export function makeStatusService(parts: ResumptionParts, scope: Scope, mod: ResumptionModule) {
  const { deps, enterprises, timeZone } = parts;
  const { database, clock } = deps;
  const plansRepo = makePlansRepo(database.db, database.dialect);
  const repo = makeStatusRepo(database.db);
  const repoIn = (trx: Executor) => makeStatusRepo(trx);
  const collator = new Intl.Collator('zh-CN');

  /** Each enterprise's periods of status and plans, read once. */
  async function load(zoneId: string, enterpriseIds?: string[]): Promise<Map<string, Record_>> {
    const narrow = enterpriseIds && enterpriseIds.length <= MAX_IN ? enterpriseIds : undefined;
    const wanted = enterpriseIds ? new Set(enterpriseIds) : null;
    const plans = (await plansRepo.facts(zoneId, narrow)).filter((p) => !wanted || wanted.has(p.enterprise_id));
    const firsts = await plansRepo.firstSubmissions(zoneId, narrow ? plans.map((p) => p.id) : undefined);
    const suspensions = (await repo.suspensions(zoneId, narrow)).filter((s) => !wanted || wanted.has(s.enterprise_id));
    const planFacts = new Map<string, PlanFact[]>();
    const planBriefs = new Map<string, PlanBrief[]>();
    const approvedEmployees = new Map<string, number | null>();
    for (const p of plans) {
      const first = firsts.get(p.id);
      (planFacts.get(p.enterprise_id) ?? planFacts.set(p.enterprise_id, []).get(p.enterprise_id)!).push({ status: p.status as PlanStatus, submittedOn: first !== undefined ? todayIn(timeZone, first) : null, approvedOn: p.approved_on });
      (planBriefs.get(p.enterprise_id) ?? planBriefs.set(p.enterprise_id, []).get(p.enterprise_id)!).push({
        id: p.id,
        status: p.status as PlanStatus,
        open: p.open_enterprise_id !== null,
        createdOn: todayIn(timeZone, Number(p.created_at)),
        employeesTotal: p.employees_total,
      });
      if (p.status === 'approved') approvedEmployees.set(p.enterprise_id, p.employees_total);
    }
    const suspensionFacts = new Map<string, SuspensionFact[]>();
    for (const s of suspensions) {
      (suspensionFacts.get(s.enterprise_id) ?? suspensionFacts.set(s.enterprise_id, []).get(s.enterprise_id)!).push({ suspendedOn: s.suspended_on, resumedOn: s.resumed_on, reason: s.reason });
    }
    const out = new Map<string, Record_>();
    for (const id of new Set([...planFacts.keys(), ...suspensionFacts.keys()])) {
      out.set(id, { history: statusHistory(planFacts.get(id) ?? [], suspensionFacts.get(id) ?? []), plans: planBriefs.get(id) ?? [], approvedEmployees: approvedEmployees.get(id) ?? null });
    }
    return out;
  }

  function on(record: Record_ | undefined, asOf: string): StatusOnDate {
    if (!record) return { status: 'not_filed', since: null, planId: null, planStatus: null };
    let current: StatusPeriod | null = null;
    for (const p of record.history) if (p.from <= asOf) current = p;
    // The plan of the date: the open one made by then, else the latest made by then.
    const made = record.plans.filter((p) => p.createdOn <= asOf);
    const plan = made.find((p) => p.open) ?? made.at(-1) ?? null;
    return { status: current?.status ?? 'not_filed', since: current?.from ?? null, planId: plan?.id ?? null, planStatus: plan?.status ?? null };
  }

  /**
   * Reads the plans and suspensions of every enterprise of the zone (or of the ids) once; the
   * answer gives the status on any date, for every enterprise asked about, not filed ones included.
   */
  async function statusReader(zoneId: string, enterpriseIds?: string[]): Promise<(asOf: string) => Map<string, StatusOnDate>> {
    const ids = (await enterprises.briefs(zoneId, enterpriseIds)).map((b) => b.id);
    const records = await load(zoneId, enterpriseIds);
    return (asOf: string) => new Map(ids.map((id) => [id, on(records.get(id), asOf)]));
  }

  async function statusesOn(zoneId: string, asOf: string, enterpriseIds?: string[]): Promise<Map<string, StatusOnDate>> {
    return (await statusReader(zoneId, enterpriseIds))(asOf);
  }

  /** The enterprises' rows on a date with the filters (unpaged), by name. */
  async function rows(ctx: Ctx, asOf: string, filters: StatusFilters): Promise<EnterpriseResumption[]> {
    let ids = await scope.visibleIds(ctx, filters.mine);
    if (filters.q) {
      const found = await enterprises.lookup.search(ctx.zoneId, filters.q);
      ids = ids ? ids.filter((id) => found.includes(id)) : found;
    }
    if (ids && ids.length === 0) return [];
    let briefs = await enterprises.briefs(ctx.zoneId, ids ?? undefined);
    if (filters.parkId) briefs = briefs.filter((b) => b.parkId === filters.parkId);
    if (filters.tier) briefs = briefs.filter((b) => b.tier === filters.tier);
    if (briefs.length === 0) return [];
    const narrowed = ids || filters.parkId || filters.tier ? briefs.map((b) => b.id) : undefined;
    return build(ctx.zoneId, asOf, briefs, narrowed, filters.status);
  }

  async function build(zoneId: string, asOf: string, briefs: EnterpriseBrief[], narrowed: string[] | undefined, status?: EnterpriseResumptionStatus): Promise<EnterpriseResumption[]> {
    const records = await load(zoneId, narrowed);
    const reports: Awaited<ReturnType<ResumptionModule['reports']['latestOnOrBefore']>> = await mod.reports.latestOnOrBefore(zoneId, asOf, narrowed);
    const commissioners = await scope.commissionersOf(zoneId, narrowed);
    const out: EnterpriseResumption[] = [];
    for (const b of briefs) {
      const record = records.get(b.id);
      const s = on(record, asOf);
      if (status && s.status !== status) continue;
      const employees = b.employees ?? record?.approvedEmployees ?? null;
      const report = reports.get(b.id);
      const resumed = s.status === 'resumed' && report !== undefined;
      const primary = commissioners.get(b.id)?.[0];
      out.push({
        enterpriseId: b.id,
        enterpriseName: b.name,
        creditCode: b.creditCode,
        parkId: b.parkId,
        parkName: b.parkName,
        tier: b.tier,
        aboveScale: b.aboveScale,
        cityMonitored: b.cityMonitored,
        employees,
        status: s.status,
        since: s.since,
        planId: s.planId,
        planStatus: s.planStatus,
        latestReportDate: report?.reportDate ?? null,
        staffOnSite: resumed ? report.staffOnSite : null,
        capacityPct: resumed ? report.capacityPct : null,
        staffReturnRate: resumed && employees ? Math.round((report.staffOnSite / employees) * 10000) / 10000 : null,
        commissioner: primary ? { id: primary.userId, name: primary.name } : null,
      });
    }
    return out.sort((a, b) => collator.compare(a.enterpriseName, b.enterpriseName) || a.enterpriseId.localeCompare(b.enterpriseId));
  }

  async function list(ctx: Ctx, q: StatusFilters & { asOf?: string | undefined; page: number; pageSize: number }) {
    const all = await rows(ctx, asOfOf(q.asOf), q);
    return { items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  }

  /** A date asked about: today by default, never in the future. */
  function asOfOf(asOf: string | undefined, path = 'asOf'): string {
    const today = scope.today();
    if (asOf && asOf > today) throw new ValidationError([{ path, key: 'v.date_future', params: { today } }]);
    return asOf ?? today;
  }

  /** The enterprise in the zone, as the reader may see it (another enterprise's: 404). */
  async function briefOf(ctx: Ctx, enterpriseId: string): Promise<EnterpriseBrief> {
    scope.assertVisible(ctx, enterpriseId, 'enterprise', enterpriseId);
    const [brief] = await enterprises.briefs(ctx.zoneId, [enterpriseId]);
    if (!brief) throw new NotFoundError('enterprise', enterpriseId);
    return brief;
  }

  async function history(ctx: Ctx, enterpriseId: string): Promise<EnterpriseResumptionHistory> {
    const brief = await briefOf(ctx, enterpriseId);
    const [current] = await build(ctx.zoneId, scope.today(), [brief], [brief.id]);
    const records = await load(ctx.zoneId, [brief.id]);
    return { current: current!, history: records.get(brief.id)?.history ?? [] };
  }

  const stateError = (ctx: Ctx, status: EnterpriseResumptionStatus, action: [string, string]) =>
    new ConflictError('state.enterprise_resumption', { status: labelIn(ctx.lang, ENTERPRISE_RESUMPTION_STATUS_LABELS[status]), action: labelIn(ctx.lang, action) }, { status });

  /** Who hears of a suspension: the enterprise's users and its commissioners, not the officer acting. */
  async function recipients(ctx: Ctx, enterpriseId: string): Promise<string[]> {
    const users = await scope.usersWithRole(ctx.zoneId, 'enterprise_user', enterpriseId);
    const commissioners = ((await scope.commissionersOf(ctx.zoneId, [enterpriseId])).get(enterpriseId) ?? []).map((c) => c.userId);
    return [...users, ...commissioners].filter((u) => u !== ctx.actor.userId);
  }

  /** Suspends a resumed enterprise from a date (today by default), with the reason. */
  async function suspend(ctx: Ctx, enterpriseId: string, input: SuspendInput): Promise<EnterpriseResumptionHistory> {
    const brief = await briefOf(ctx, enterpriseId);
    await scope.assertMayAct(ctx, enterpriseId);
    const date = asOfOf(input.date, 'date');
    const record = (await load(ctx.zoneId, [enterpriseId])).get(enterpriseId);
    const onDate = on(record, date);
    const open = await repo.openOf(ctx.zoneId, enterpriseId);
    if (onDate.status !== 'resumed' || open) throw stateError(ctx, open ? 'suspended' : onDate.status, SUSPEND_LABEL);
    // Never inside or before an earlier suspension: the periods follow each other.
    const past = await repo.suspensions(ctx.zoneId, [enterpriseId]);
    const min = past.reduce((m, s) => (s.resumed_on && s.resumed_on > m ? s.resumed_on : m), '');
    if (min && date < min) throw new ValidationError([{ path: 'date', key: 'v.date_too_early', params: { min } }]);
    const row: ResumptionSuspensionsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      enterprise_id: enterpriseId,
      open_enterprise_id: enterpriseId,
      suspended_on: date,
      reason: input.reason,
      suspended_by: ctx.actor.userId,
      suspended_at: clock.now(),
      resumed_on: null,
      resume_comment: null,
      resumed_by: null,
      resumed_at: null,
    };
    const to = await recipients(ctx, enterpriseId);
    try {
      await database.db.transaction().execute(async (trx) => {
        await repoIn(trx).insert(row);
        await recordAudit(trx, clock, ctx, { action: 'enterprise_resumption.suspend', entityType: 'enterprise', entityId: enterpriseId, before: { status: 'resumed' }, after: { status: 'suspended', date, reason: input.reason } });
        await notify(trx, clock, ctx.zoneId, to, { kind: 'resumption.suspended', params: { enterpriseName: brief.name, date, reason: input.reason }, entityType: 'enterprise', entityId: enterpriseId });
      });
    } catch (err) {
      // Suspended by a parallel request.
      if (isUniqueViolation(err)) throw stateError(ctx, 'suspended', SUSPEND_LABEL);
      throw err;
    }
    return history(ctx, enterpriseId);
  }

  /** Ends the open suspension from a date (today by default), not before it began. */
  async function resume(ctx: Ctx, enterpriseId: string, input: ResumeInput): Promise<EnterpriseResumptionHistory> {
    const brief = await briefOf(ctx, enterpriseId);
    await scope.assertMayAct(ctx, enterpriseId);
    const date = asOfOf(input.date, 'date');
    const open = await repo.openOf(ctx.zoneId, enterpriseId);
    if (!open) throw stateError(ctx, on((await load(ctx.zoneId, [enterpriseId])).get(enterpriseId), scope.today()).status, RESUME_LABEL);
    if (date < open.suspended_on) throw new ValidationError([{ path: 'date', key: 'v.date_too_early', params: { min: open.suspended_on } }]);
    const to = await recipients(ctx, enterpriseId);
    await database.db.transaction().execute(async (trx) => {
      if (!(await repoIn(trx).resume(ctx.zoneId, open.id, { resumed_on: date, resume_comment: input.comment ?? null, resumed_by: ctx.actor.userId, resumed_at: clock.now() }))) {
        throw stateError(ctx, 'resumed', RESUME_LABEL);
      }
      await recordAudit(trx, clock, ctx, { action: 'enterprise_resumption.resume', entityType: 'enterprise', entityId: enterpriseId, before: { status: 'suspended', since: open.suspended_on }, after: { status: 'resumed', date, ...(input.comment ? { comment: input.comment } : {}) } });
      await notify(trx, clock, ctx.zoneId, to, { kind: 'resumption.resumed', params: { enterpriseName: brief.name, date }, entityType: 'enterprise', entityId: enterpriseId });
    });
    return history(ctx, enterpriseId);
  }

  return { statusReader, statusesOn, rows, list, history, suspend, resume, asOfOf };
}
export type StatusService = ReturnType<typeof makeStatusService>;
