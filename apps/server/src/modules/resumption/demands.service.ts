// Demands (诉求): difficulties an enterprise raises or its commissioner logs (also from a visit),
// handled by the departments through open → in progress → resolved → confirmed (or reopened by
// the enterprise), with a due time; overdue ones escalate to the zone's leaders once. The ledger
// (台账) lists and exports them; other parts read open and overdue counts, also as of past instants.
import {
  DEMAND_ACTION_LABELS,
  DEMAND_CATEGORIES,
  DEMAND_STATUS_LABELS,
  labelIn,
  type Demand,
  type DemandAction,
  type DemandActionBody,
  type DemandCategory,
  type DemandDetail,
  type DemandInput,
  type DemandListQuery,
  type DemandPatch,
  type DemandStatus,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { ResumptionDemandsTable } from '../../db/schema.js';
import { nextInSeries } from '../../db/counters.js';
import { diff, recordAudit } from '../../platform/audit.js';
import { systemCtx, type Ctx, type Executor } from '../../platform/context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { zonedTime } from '../../platform/time.js';
import type { EnterpriseBrief } from '../enterprises/enterprises.service.js';
import { notify } from '../notifications/notifications.service.js';
import type { ResumptionParts, Scope } from './context.js';
import { makeDemandsRepo, type DemandFilter } from './demands.repo.js';
import { DEMAND_ZONE_WIDE_ROLES, demandTargetOf, ENTERPRISE_DEMAND_ACTIONS, OPEN_DEMAND_STATUSES } from './resumption.policy.js';
import type { ResumptionModule } from './resumption.services.js';

const HOUR = 3_600_000;
/** The latest due time a demand may be given, in hours from now (the upper bound of the zone's demand hours). */
const MAX_DUE_HOURS = 8760;
type Patch = z.infer<typeof DemandPatch>;
type ActionBody = z.infer<typeof DemandActionBody>;
type Filters = Omit<DemandListQuery, 'page' | 'pageSize'>;
export type DemandSource = 'enterprise' | 'commissioner' | 'visit';
/** What a new demand needs that is read before its transaction (SQLite: no reads through the pool inside one). */
export type DemandPrep = { brief: EnterpriseBrief; demandHours: number; commissionerIds: string[] };

/** `SQ-20200224-0001`: the day it was raised and its sequence in the zone. */
export const demandNumber = (day: string, seq: number) => `SQ-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;

export function makeDemandsService(parts: ResumptionParts, scope: Scope, _mod: ResumptionModule) {
  const { deps, enterprises, timeZone } = parts;
  const { database, clock } = deps;
  const repo = makeDemandsRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeDemandsRepo(trx, database.dialect);

  // ---- reading
  function toDemand(r: ResumptionDemandsTable, brief: EnterpriseBrief | undefined, now: number): Demand {
    const status = r.status as DemandStatus;
    return {
      id: r.id,
      number: r.number,
      enterpriseId: r.enterprise_id,
      enterpriseName: brief?.name ?? '',
      parkName: brief?.parkName ?? null,
      category: r.category as DemandCategory,
      title: r.title,
      description: r.description,
      department: r.department,
      status,
      source: r.source as DemandSource,
      visitId: r.visit_id,
      raisedBy: r.raised_by_name,
      dueAt: r.due_at,
      overdue: OPEN_DEMAND_STATUSES.includes(status) && r.due_at < now,
      escalatedAt: r.escalated_at,
      resolution: r.resolution,
      resolvedAt: r.resolved_at,
      reopenCount: r.reopen_count,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async function hydrate(zoneId: string, rows: ResumptionDemandsTable[]): Promise<Demand[]> {
    const briefs = new Map((await enterprises.briefs(zoneId, [...new Set(rows.map((r) => r.enterprise_id))])).map((b) => [b.id, b]));
    const now = clock.now();
    return rows.map((r) => toDemand(r, briefs.get(r.enterprise_id), now));
  }

  async function filterOf(ctx: Ctx, q: Filters): Promise<DemandFilter> {
    let only = await scope.visibleIds(ctx, q.mine);
    if (q.parkId) {
      const inPark = (await enterprises.briefs(ctx.zoneId)).filter((b) => b.parkId === q.parkId).map((b) => b.id);
      only = only ? only.filter((id) => inPark.includes(id)) : inPark;
    }
    const { mine: _m, parkId: _p, ...rest } = q;
    return { ...rest, now: clock.now(), onlyEnterprises: only, enterpriseMatches: q.q ? await enterprises.lookup.search(ctx.zoneId, q.q) : undefined };
  }

  async function list(ctx: Ctx, q: DemandListQuery): Promise<{ items: Demand[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<Demand> {
    for await (const rows of repo.stream(ctx.zoneId, await filterOf(ctx, q))) yield* await hydrate(ctx.zoneId, rows);
  }

  /** The demand if it is of the zone and the reader may see it (another enterprise's: 404). */
  async function visibleRow(ctx: Ctx, id: string): Promise<ResumptionDemandsTable> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('demand', id);
    scope.assertVisible(ctx, row.enterprise_id, 'demand', id);
    return row;
  }

  async function detail(ctx: Ctx, row: ResumptionDemandsTable): Promise<z.infer<typeof DemandDetail>> {
    const [demand] = await hydrate(ctx.zoneId, [row]);
    const events = await repo.events(ctx.zoneId, row.id);
    return {
      ...demand!,
      events: events.map((e) => ({ id: e.id, action: e.action, fromStatus: e.from_status as DemandStatus | null, toStatus: e.to_status as DemandStatus, actorName: e.actor_name, comment: e.comment, at: e.at })),
    };
  }

  const get = async (ctx: Ctx, id: string) => detail(ctx, await visibleRow(ctx, id));

  // ---- raising
  /** A due time given must lie between now and a year ahead (the longest the zone's demand hours may be). */
  function dueIssue(dueAt: number | undefined, now: number, path: string): FieldIssue[] {
    if (dueAt === undefined) return [];
    if (dueAt < now) return [{ path, key: 'v.due_past' }];
    if (dueAt > now + MAX_DUE_HOURS * HOUR) return [{ path, key: 'v.due_too_far', params: { max: zonedTime(now + MAX_DUE_HOURS * HOUR, timeZone) } }];
    return [];
  }

  /** Reads what raising demands for an enterprise needs, before the transaction. */
  async function prepare(zoneId: string, brief: EnterpriseBrief): Promise<DemandPrep> {
    const [settings, holders] = await Promise.all([scope.settings(zoneId), scope.commissionersOf(zoneId, [brief.id])]);
    return { brief, demandHours: settings.demandHours, commissionerIds: (holders.get(brief.id) ?? []).map((h) => h.userId) };
  }

  /**
   * Writes one demand with its first event, audit record and the notice to the enterprise's
   * commissioners, inside the caller's transaction (a visit writes its problems this way).
   */
  async function insertIn(trx: Executor, ctx: Ctx, prep: DemandPrep, input: Omit<DemandInput, 'enterpriseId'>, source: DemandSource, visitId: string | null = null): Promise<ResumptionDemandsTable> {
    const now = clock.now();
    const day = scope.today();
    const number = demandNumber(day, await nextInSeries(trx, ctx.zoneId, 'SQ', day));
    const row: ResumptionDemandsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      number,
      enterprise_id: prep.brief.id,
      category: input.category,
      title: input.title,
      description: input.description,
      department: input.department ?? null,
      status: 'open',
      source,
      visit_id: visitId,
      raised_by: ctx.actor.userId,
      raised_by_name: ctx.actor.displayName,
      due_at: input.dueAt ?? now + prep.demandHours * HOUR,
      escalated_at: null,
      resolution: null,
      resolved_at: null,
      resolved_by: null,
      confirmed_at: null,
      reopen_count: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const r = repoIn(trx);
    await r.insert(row);
    await r.insertEvent({ id: newId(), zone_id: ctx.zoneId, demand_id: row.id, action: 'create', from_status: null, to_status: 'open', actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, comment: null, at: now });
    await recordAudit(trx, clock, ctx, {
      action: 'demand.create',
      entityType: 'demand',
      entityId: row.id,
      after: { number, enterpriseId: row.enterprise_id, category: row.category, title: row.title, department: row.department, source, visitId, dueAt: row.due_at },
    });
    const to = prep.commissionerIds.filter((u) => u !== ctx.actor.userId);
    await notify(trx, clock, ctx.zoneId, to, { kind: 'demand.raised', params: { number, title: row.title, enterpriseName: prep.brief.name }, entityType: 'demand', entityId: row.id });
    return row;
  }

  async function create(ctx: Ctx, input: DemandInput): Promise<z.infer<typeof DemandDetail>> {
    const brief = await scope.enterpriseFor(ctx, input.enterpriseId);
    // Enterprise users raise their own; staff log for the enterprises assigned to them (the zone admin any).
    const source: DemandSource = ctx.actor.enterpriseId !== null ? 'enterprise' : 'commissioner';
    if (source === 'commissioner') await scope.assertMayAct(ctx, brief.id, ['zone_admin']);
    const issues = dueIssue(input.dueAt, clock.now(), 'dueAt');
    if (issues.length) throw new ValidationError(issues);
    const prep = await prepare(ctx.zoneId, brief);
    const row = await database.db.transaction().execute((trx) => insertIn(trx, ctx, prep, input, source));
    return detail(ctx, row);
  }

  // ---- handling
  /** A write guarded by the version read: a parallel change answers 409 instead of being lost. */
  async function writeVersioned(trx: Executor, row: ResumptionDemandsTable, set: Partial<ResumptionDemandsTable>) {
    if (!(await repoIn(trx).updateIfVersion(row.zone_id, row.id, row.version, { ...set, updated_at: clock.now() }))) throw new ConflictError('state.stale_demand', {}, { version: row.version });
  }

  function assertVersion(row: ResumptionDemandsTable, version: number | undefined) {
    if (version !== undefined && version !== row.version) throw new ConflictError('state.stale_demand', {}, { version: row.version });
  }

  async function assertHandler(ctx: Ctx, row: ResumptionDemandsTable) {
    if (ctx.actor.enterpriseId !== null) throw new ForbiddenError('rule.demand_handlers_only');
    if (ctx.actor.userId !== null && !ctx.actor.permissions.has('resumption.demands.handle')) throw new ForbiddenError();
    await scope.assertMayAct(ctx, row.enterprise_id, DEMAND_ZONE_WIDE_ROLES);
  }

  async function update(ctx: Ctx, id: string, patch: Patch): Promise<z.infer<typeof DemandDetail>> {
    const row = await visibleRow(ctx, id);
    await assertHandler(ctx, row);
    assertVersion(row, patch.version);
    const issues = dueIssue(patch.dueAt, clock.now(), 'dueAt');
    if (issues.length) throw new ValidationError(issues);
    const before = { category: row.category, department: row.department, dueAt: row.due_at };
    const after = { category: patch.category ?? row.category, department: patch.department === undefined ? row.department : patch.department, dueAt: patch.dueAt ?? row.due_at };
    const changes = diff(before, after);
    if (Object.keys(changes.after).length === 0) return detail(ctx, row);
    await database.db.transaction().execute(async (trx) => {
      await writeVersioned(trx, row, { category: after.category, department: after.department, due_at: after.dueAt });
      await repoIn(trx).insertEvent({ id: newId(), zone_id: ctx.zoneId, demand_id: row.id, action: 'update', from_status: row.status, to_status: row.status, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, comment: null, at: clock.now() });
      await recordAudit(trx, clock, ctx, { action: 'demand.update', entityType: 'demand', entityId: row.id, ...changes });
    });
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: string, action: DemandAction, body: ActionBody): Promise<z.infer<typeof DemandDetail>> {
    const row = await visibleRow(ctx, id);
    const byEnterprise = ENTERPRISE_DEMAND_ACTIONS.includes(action);
    if (byEnterprise) {
      // Confirming and reopening are the enterprise's word on its own demand (jobs and the CLI may too).
      if (ctx.actor.userId !== null && ctx.actor.enterpriseId === null) throw new ForbiddenError('rule.demand_enterprise_only');
    } else await assertHandler(ctx, row);
    const from = row.status as DemandStatus;
    const to = demandTargetOf(action, from);
    if (!to) throw new ConflictError('state.demand', { status: labelIn(ctx.lang, DEMAND_STATUS_LABELS[from]), action: labelIn(ctx.lang, DEMAND_ACTION_LABELS[action]) }, { status: from });
    assertVersion(row, body.version);
    if (action === 'resolve' && !body.resolution) throw new ValidationError([{ path: 'resolution', key: 'rule.resolution_required' }]);
    if (action === 'reopen' && !body.reason) throw new ValidationError([{ path: 'reason', key: 'rule.reason_required' }]);

    const now = clock.now();
    const set: Partial<ResumptionDemandsTable> = { status: to };
    let noticeTo: string[] = [];
    let kind: 'demand.resolved' | 'demand.reopened' | 'demand.confirmed' | null = null;
    switch (action) {
      case 'start':
        break;
      case 'resolve':
        Object.assign(set, { resolution: body.resolution, resolved_at: now, resolved_by: ctx.actor.userId });
        kind = 'demand.resolved';
        noticeTo = await scope.usersWithRole(ctx.zoneId, 'enterprise_user', row.enterprise_id);
        break;
      case 'confirm':
        set.confirmed_at = now;
        kind = 'demand.confirmed';
        break;
      case 'reopen': {
        // Back to the handlers with a fresh due time; escalation may happen again if it runs late.
        const { demandHours } = await scope.settings(ctx.zoneId);
        Object.assign(set, { due_at: now + demandHours * HOUR, reopen_count: row.reopen_count + 1, resolution: null, resolved_at: null, resolved_by: null, escalated_at: null });
        kind = 'demand.reopened';
        break;
      }
    }
    if (kind === 'demand.confirmed' || kind === 'demand.reopened') noticeTo = ((await scope.commissionersOf(ctx.zoneId, [row.enterprise_id])).get(row.enterprise_id) ?? []).map((h) => h.userId);
    const enterpriseName = (await enterprises.briefs(ctx.zoneId, [row.enterprise_id]))[0]?.name ?? '';
    const comment = body.resolution ?? body.reason ?? body.comment ?? null;

    await database.db.transaction().execute(async (trx) => {
      await writeVersioned(trx, row, set);
      await repoIn(trx).insertEvent({ id: newId(), zone_id: ctx.zoneId, demand_id: row.id, action, from_status: from, to_status: to, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, comment, at: now });
      await recordAudit(trx, clock, ctx, {
        action: `demand.${action}`,
        entityType: 'demand',
        entityId: row.id,
        before: { status: from },
        after: { status: to, ...(comment ? { comment } : {}), ...(set.due_at ? { dueAt: set.due_at } : {}) },
      });
      if (kind) {
        await notify(trx, clock, ctx.zoneId, noticeTo.filter((u) => u !== ctx.actor.userId), { kind, params: { number: row.number, title: row.title, enterpriseName }, entityType: 'demand', entityId: row.id });
      }
    });
    return get(ctx, id);
  }

  /** The demands each visit found, by visit id. */
  async function idsByVisit(zoneId: string, visitIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const r of await repo.byVisits(zoneId, visitIds)) if (r.visit_id) out.set(r.visit_id, [...(out.get(r.visit_id) ?? []), r.id]);
    return out;
  }

  // ---- the escalation job
  /**
   * Demands still open past their due time, not yet escalated, are escalated to the zone's
   * leaders: marked once (a second run, or a parallel one, finds nothing), with an event, an
   * audit record by the system and a notice to every active leader.
   */
  async function escalateOverdue(zoneId: string): Promise<{ escalated: number }> {
    const now = clock.now();
    const rows = await repo.overdueUnescalated(zoneId, now);
    if (rows.length === 0) return { escalated: 0 };
    const leaders = await scope.usersWithRole(zoneId, 'leader');
    const names = new Map((await enterprises.briefs(zoneId, [...new Set(rows.map((r) => r.enterprise_id))])).map((b) => [b.id, b.name]));
    const ctx = systemCtx(zoneId, 'resumption.escalation');
    let escalated = 0;
    for (const row of rows) {
      await database.db.transaction().execute(async (trx) => {
        if (!(await repoIn(trx).markEscalated(zoneId, row.id, now))) return;
        await repoIn(trx).insertEvent({ id: newId(), zone_id: zoneId, demand_id: row.id, action: 'escalate', from_status: row.status, to_status: row.status, actor_id: null, actor_name: ctx.actor.displayName, comment: null, at: now });
        await recordAudit(trx, clock, ctx, { action: 'demand.escalate', entityType: 'demand', entityId: row.id, before: { escalatedAt: null }, after: { escalatedAt: now, dueAt: row.due_at } });
        await notify(trx, clock, zoneId, leaders, { kind: 'demand.escalated', params: { number: row.number, title: row.title, enterpriseName: names.get(row.enterprise_id) ?? '' }, entityType: 'demand', entityId: row.id });
        escalated++;
      });
    }
    return { escalated };
  }

  // ---- figures for the workbench and the statistics
  /** Open (open or in progress) and overdue demands of each enterprise now; enterprises without any are absent. */
  async function countsByEnterprise(zoneId: string, enterpriseIds?: string[]): Promise<Map<string, { open: number; overdue: number }>> {
    const rows = await repo.openCounts(zoneId, clock.now(), enterpriseIds);
    return new Map(rows.map((r) => [r.enterpriseId, { open: r.open, overdue: r.overdue }]));
  }

  /**
   * Demands open at an instant, by category (every category, zeros included): raised at or before
   * it, and open or in progress by their last event at or before it; overdue when also due before
   * it (by the due time they have now: a reopened demand's earlier due time is not kept).
   */
  async function openByCategoryAt(zoneId: string, atMs: number): Promise<{ category: DemandCategory; open: number; overdue: number }[]> {
    const [demands, events] = await Promise.all([repo.createdBy(zoneId, atMs), repo.eventsUpTo(zoneId, atMs)]);
    const statusThen = new Map<string, string>();
    for (const e of events) statusThen.set(e.demand_id, e.to_status);
    const out = new Map(DEMAND_CATEGORIES.map((c) => [c, { category: c, open: 0, overdue: 0 }]));
    for (const d of demands) {
      const status = statusThen.get(d.id) as DemandStatus | undefined;
      if (!status || !OPEN_DEMAND_STATUSES.includes(status)) continue;
      const slot = out.get(d.category as DemandCategory);
      if (!slot) continue;
      slot.open++;
      if (d.due_at < atMs) slot.overdue++;
    }
    return [...out.values()];
  }

  return {
    list,
    exportRows,
    get,
    create,
    update,
    act,
    prepare,
    insertIn,
    dueIssue,
    idsByVisit,
    escalateOverdue,
    countsByEnterprise,
    openByCategoryAt,
  };
}
