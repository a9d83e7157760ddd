// 帮办代办 Agency service for key construction projects: a case per project with its owner
// enterprise, investment and agent, always free of charge, and the six-stage plan from project
// approval to production, each stage with its status, dates, note and linked applications.
import {
  AGENCY_STAGES, type AgencyCase, type AgencyCaseInput, type AgencyCasePatch, type AgencyListQuery, type AgencyStage, type AgencyStagePatch, type StageStatus,
} from '@shuangsheng/contracts';
import type { AgencyCasesTable, AgencyStagesTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import { todayIn } from '../../platform/calendar.js';
import type { Ctx, Deps, Executor } from '../../platform/context.js';
import { crossZoneReference, ForbiddenError, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canBeAgent, canWriteCases, currentStage, visibleCaseEnterprises } from './agency.policy.js';
import { makeAgencyRepo, type AgencyFilter } from './agency.repo.js';

export type AgencyPorts = {
  timeZoneOf(zoneId: string): Promise<string>;
  enterpriseNames(zoneId: string, ids: string[]): Promise<Map<string, string>>;
  /** Enterprise ids whose name or credit code contains the text (for the keyword search). */
  searchEnterprises(zoneId: string, q: string): Promise<string[]>;
  parkNames(zoneId: string): Promise<Map<string, string>>;
  userNames(zoneId: string, ids: string[]): Promise<Map<string, string>>;
  /** A user of the zone with status and roles, or undefined. */
  user(zoneId: string, id: string): Promise<{ status: string; roles: string[] } | undefined>;
};


export function makeAgencyService(deps: Deps, ports: AgencyPorts) {
  const { database, clock } = deps;
  const repo = makeAgencyRepo(database.db, database.dialect);

  async function hydrate(zoneId: string, rows: AgencyCasesTable[], db: Executor = database.db): Promise<AgencyCase[]> {
    const r = makeAgencyRepo(db, database.dialect);
    const stages = await r.stagesOf(zoneId, rows.map((c) => c.id));
    const appIds = [...new Set(stages.flatMap((s) => JSON.parse(s.application_ids) as string[]))];
    const [enterprises, parks, agents, apps] = await Promise.all([
      ports.enterpriseNames(zoneId, [...new Set(rows.map((c) => c.enterprise_id))]),
      ports.parkNames(zoneId),
      ports.userNames(zoneId, [...new Set(rows.map((c) => c.agent_id))]),
      r.applications(zoneId, appIds),
    ]);
    const appById = new Map(apps.map((a) => [a.id, { id: a.id, number: a.number, itemName: a.item_name, status: a.status }]));
    return rows.map((c) => ({
      id: c.id,
      projectName: c.project_name,
      enterpriseId: c.enterprise_id,
      enterpriseName: enterprises.get(c.enterprise_id) ?? null,
      investmentFen: c.investment_fen,
      parkId: c.park_id,
      parkName: c.park_id ? (parks.get(c.park_id) ?? null) : null,
      agentId: c.agent_id,
      agentName: agents.get(c.agent_id) ?? null,
      free: true as const,
      note: c.note,
      currentStage: currentStage(stages.filter((s) => s.case_id === c.id).map((s) => ({ stage: s.stage as AgencyStage, status: s.status as StageStatus }))),
      stages: stages
        .filter((s) => s.case_id === c.id)
        .map((s) => ({
          stage: s.stage as AgencyStage,
          status: s.status as StageStatus,
          plannedOn: s.planned_on,
          actualOn: s.actual_on,
          note: s.note,
          applications: (JSON.parse(s.application_ids) as string[]).flatMap((id) => (appById.has(id) ? [appById.get(id)!] : [])),
        })),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    }));
  }

  async function filterFor(ctx: Ctx, q: Omit<AgencyListQuery, 'page' | 'pageSize'>): Promise<AgencyFilter> {
    const only = visibleCaseEnterprises(ctx.actor);
    return { ...q, onlyEnterprises: only ?? undefined, enterpriseMatches: q.q ? await ports.searchEnterprises(ctx.zoneId, q.q) : undefined };
  }

  async function list(ctx: Ctx, q: AgencyListQuery) {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterFor(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }
  async function* exportRows(ctx: Ctx, q: Omit<AgencyListQuery, 'page' | 'pageSize'>): AsyncGenerator<AgencyCase> {
    let batch: AgencyCasesTable[] = [];
    for await (const row of repo.stream(ctx.zoneId, await filterFor(ctx, q))) {
      batch.push(row);
      if (batch.length === 200) {
        yield* await hydrate(ctx.zoneId, batch);
        batch = [];
      }
    }
    yield* await hydrate(ctx.zoneId, batch);
  }

  async function getRow(ctx: Ctx, id: string): Promise<AgencyCasesTable> {
    const row = await repo.get(ctx.zoneId, id);
    const only = visibleCaseEnterprises(ctx.actor);
    if (!row || (only && !only.includes(row.enterprise_id))) throw new NotFoundError('agency_case', id);
    return row;
  }
  const get = async (ctx: Ctx, id: string) => (await hydrate(ctx.zoneId, [await getRow(ctx, id)]))[0]!;

  function assertWriter(ctx: Ctx) {
    if (!canWriteCases(ctx.actor)) throw new ForbiddenError();
  }

  async function checkRefs(ctx: Ctx, input: Partial<AgencyCaseInput>) {
    if (input.enterpriseId && !(await ports.enterpriseNames(ctx.zoneId, [input.enterpriseId])).has(input.enterpriseId)) throw crossZoneReference('enterpriseId');
    if (input.parkId && !(await ports.parkNames(ctx.zoneId)).has(input.parkId)) throw crossZoneReference('parkId');
    if (input.agentId) {
      const user = await ports.user(ctx.zoneId, input.agentId);
      if (!user) throw crossZoneReference('agentId');
      if (!canBeAgent(user)) throw new RuleError('rule.agency_agent', {}, { field: 'agentId' });
    }
  }

  /** The case row and its six pending stages; stage states may be given (the demo's history). */
  function toRows(zoneId: string, input: AgencyCaseInput, now: number, plan: Partial<Record<AgencyStage, Partial<AgencyStagesTable>>> = {}) {
    const id = newId();
    const stages: AgencyStagesTable[] = AGENCY_STAGES.map((stage, seq) => ({
      id: newId(),
      zone_id: zoneId,
      case_id: id,
      stage,
      seq,
      status: 'pending',
      planned_on: null,
      actual_on: null,
      note: null,
      application_ids: '[]',
      updated_at: now,
      ...plan[stage],
    }));
    const row: AgencyCasesTable = {
      id,
      zone_id: zoneId,
      project_name: input.projectName,
      enterprise_id: input.enterpriseId,
      investment_fen: input.investmentFen,
      park_id: input.parkId ?? null,
      agent_id: input.agentId,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    };
    return { row, stages };
  }

  async function create(ctx: Ctx, input: AgencyCaseInput, plan?: Parameters<typeof toRows>[3]): Promise<AgencyCase> {
    assertWriter(ctx);
    await checkRefs(ctx, input);
    const { row, stages } = toRows(ctx.zoneId, input, clock.now(), plan);
    await database.db.transaction().execute(async (trx) => {
      await makeAgencyRepo(trx, database.dialect).insert(row, stages);
      await recordAudit(trx, clock, ctx, { action: 'agency_case.create', entityType: 'agency_case', entityId: row.id, after: input });
    });
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: AgencyCasePatch): Promise<AgencyCase> {
    assertWriter(ctx);
    const current = await getRow(ctx, id);
    await checkRefs(ctx, patch);
    const set: Partial<AgencyCasesTable> = { updated_at: clock.now() };
    if (patch.projectName !== undefined) set.project_name = patch.projectName;
    if (patch.enterpriseId !== undefined) set.enterprise_id = patch.enterpriseId;
    if (patch.investmentFen !== undefined) set.investment_fen = patch.investmentFen;
    if (patch.parkId !== undefined) set.park_id = patch.parkId ?? null;
    if (patch.agentId !== undefined) set.agent_id = patch.agentId;
    if (patch.note !== undefined) set.note = patch.note ?? null;
    const shape = (c: AgencyCasesTable) => ({ projectName: c.project_name, enterpriseId: c.enterprise_id, investmentFen: c.investment_fen, parkId: c.park_id, agentId: c.agent_id, note: c.note });
    await database.db.transaction().execute(async (trx) => {
      await makeAgencyRepo(trx, database.dialect).update(ctx.zoneId, id, set);
      await recordAudit(trx, clock, ctx, { action: 'agency_case.update', entityType: 'agency_case', entityId: id, ...diff(shape(current), shape({ ...current, ...set })) });
    });
    return get(ctx, id);
  }

  /** One stage of the plan: status, dates, note, linked applications (this zone's only). */
  async function updateStage(ctx: Ctx, id: string, patch: AgencyStagePatch): Promise<AgencyCase> {
    assertWriter(ctx);
    await getRow(ctx, id);
    if (patch.applicationIds?.length) {
      const ids = [...new Set(patch.applicationIds)];
      if ((await repo.applications(ctx.zoneId, ids)).length !== ids.length) throw crossZoneReference('applicationIds');
    }
    const now = clock.now();
    const today = todayIn(await ports.timeZoneOf(ctx.zoneId), now);
    await database.db.transaction().execute(async (trx) => {
      const r = makeAgencyRepo(trx, database.dialect);
      // Touching the case first takes its row lock: stage writes of one case run one at a time.
      await r.update(ctx.zoneId, id, { updated_at: now });
      const before = (await r.stagesOf(ctx.zoneId, [id])).find((s) => s.stage === patch.stage)!;
      const set: Partial<AgencyStagesTable> = { updated_at: now };
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.plannedOn !== undefined) set.planned_on = patch.plannedOn;
      if (patch.actualOn !== undefined) set.actual_on = patch.actualOn;
      if (patch.note !== undefined) set.note = patch.note ?? null;
      if (patch.applicationIds !== undefined) set.application_ids = JSON.stringify([...new Set(patch.applicationIds)]);
      // A stage marked done without a date was done today.
      if (patch.status === 'done' && patch.actualOn === undefined && !before.actual_on) set.actual_on = today;
      await r.updateStage(ctx.zoneId, id, patch.stage, set);
      const shape = (s: AgencyStagesTable) => ({ status: s.status, plannedOn: s.planned_on, actualOn: s.actual_on, note: s.note, applicationIds: JSON.parse(s.application_ids) as string[] });
      const d = diff(shape(before), shape({ ...before, ...set }));
      await recordAudit(trx, clock, ctx, { action: 'agency_case.update_stage', entityType: 'agency_case', entityId: id, before: { stage: patch.stage, ...d.before }, after: { stage: patch.stage, ...d.after } });
    });
    return get(ctx, id);
  }

  return { list, exportRows, get, create, update, updateStage, repo };
}
export type AgencyService = ReturnType<typeof makeAgencyService>;
