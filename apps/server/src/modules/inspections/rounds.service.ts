// Inspection rounds (巡查批次): a round over chosen parks on a day, on the template's current
// version, makes one task per park for its responsible inspector; coverage (parks, buildings and
// enterprises inspected of those in scope) is computed live from the submitted tasks.
import {
  labelIn,
  ROUND_STATUS_LABELS,
  type Round,
  type RoundInput as RoundInputSchema,
  type RoundListQuery as RoundListQuerySchema,
  type RoundStatus,
  type Task,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { InspectionRoundsTable, InspectionTasksTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { ConflictError, crossZoneReference, NotFoundError, RuleError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../notifications/notifications.service.js';
import type { InspectionParts, Scope } from './context.js';
import type { InspectionsModule } from './inspections.services.js';
import { makeRoundsRepo } from './rounds.repo.js';
import { makeTasksRepo } from './tasks.repo.js';

type RoundInput = z.infer<typeof RoundInputSchema>;
type RoundListQuery = z.infer<typeof RoundListQuerySchema>;
type RoundAction = 'close' | 'reopen';

const ACTIONS: Record<RoundAction, { from: RoundStatus; to: RoundStatus; label: [string, string] }> = {
  close: { from: 'open', to: 'closed', label: ['结束', 'close'] },
  reopen: { from: 'closed', to: 'open', label: ['重新开启', 'reopen'] },
};

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 });

export function makeRoundsService(parts: InspectionParts, scope: Scope, mod: InspectionsModule) {
  const { deps, org, enterprises } = parts;
  const { database, clock } = deps;
  const repo = makeRoundsRepo(database.db, database.dialect);
  const tasksRepo = makeTasksRepo(database.db, database.dialect);

  /** Rounds with their template version and live coverage. */
  async function toRounds(zoneId: string, rows: InspectionRoundsTable[]): Promise<Round[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const versions = await mod.templates.versionsByIds(zoneId, rows.map((r) => r.template_version_id));
    const templateNames = await mod.templates.namesOf(zoneId, [...versions.values()].map((v) => v.templateId));
    const tasks = await tasksRepo.ofRounds(zoneId, ids);
    const covered = await tasksRepo.coveredPlaces(zoneId, ids);
    // What is in scope: the buildings and enterprises of the rounds' parks, as the registry has them now.
    const parkIds = new Set(tasks.map((t) => t.park_id));
    const buildingPark = new Map((await org.buildings.allInZone(zoneId)).filter((b) => parkIds.has(b.park_id)).map((b) => [b.id, b.park_id]));
    const enterprisePark = new Map((await enterprises.briefs(zoneId)).flatMap((e) => (e.parkId && parkIds.has(e.parkId) ? [[e.id, e.parkId] as [string, string]] : [])));
    return rows.map((r) => {
      const mine = tasks.filter((t) => t.round_id === r.id);
      const parks = new Set(mine.map((t) => t.park_id));
      const submittedParks = new Set(mine.filter((t) => t.status === 'submitted').map((t) => t.park_id));
      const places = covered.filter((c) => c.round_id === r.id);
      const buildings = new Set(places.flatMap((p) => (p.building_id && parks.has(buildingPark.get(p.building_id) ?? '') ? [p.building_id] : [])));
      const firms = new Set(places.flatMap((p) => (p.enterprise_id && parks.has(enterprisePark.get(p.enterprise_id) ?? '') ? [p.enterprise_id] : [])));
      const v = versions.get(r.template_version_id);
      return {
        id: r.id,
        name: r.name,
        roundDate: r.round_date,
        templateId: v?.templateId ?? '',
        templateName: v ? (templateNames.get(v.templateId) ?? '') : '',
        templateVersion: v?.version ?? 0,
        templateVersionId: r.template_version_id,
        status: r.status as RoundStatus,
        coverage: {
          parks: ratio(submittedParks.size, parks.size),
          buildings: ratio(buildings.size, [...buildingPark.values()].filter((p) => parks.has(p)).length),
          enterprises: ratio(firms.size, [...enterprisePark.values()].filter((p) => parks.has(p)).length),
        },
        tasks: { total: mine.length, submitted: mine.filter((t) => t.status === 'submitted').length },
        createdAt: r.created_at,
      };
    });
  }

  async function row(ctx: Ctx, id: string): Promise<InspectionRoundsTable> {
    const r = await repo.get(ctx.zoneId, id);
    if (!r) throw new NotFoundError('inspection_round', id);
    return r;
  }

  async function list(ctx: Ctx, q: RoundListQuery): Promise<{ items: Round[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    return { items: await toRounds(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(ctx: Ctx, id: string): Promise<Round> {
    const [round] = await toRounds(ctx.zoneId, [await row(ctx, id)]);
    return round!;
  }

  async function tasks(ctx: Ctx, id: string, q: { page: number; pageSize: number }): Promise<{ items: Task[]; total: number; page: number; pageSize: number }> {
    await row(ctx, id);
    return mod.tasks.list(ctx, { roundId: id, page: q.page, pageSize: q.pageSize, sort: 'parkName:asc' });
  }

  async function create(ctx: Ctx, input: RoundInput): Promise<Round> {
    const issues: FieldIssue[] = [];
    const first = new Map<string, number>();
    input.parkIds.forEach((id, i) => {
      if (first.has(id)) issues.push({ path: `parkIds.${i}`, key: 'conflict.round_park_twice' });
      else first.set(id, i);
    });
    if (issues.length) throw new ValidationError(issues);
    const template = await mod.templates.current(ctx.zoneId, input.templateId);
    if (!template) throw crossZoneReference('templateId');
    const parkNames = new Map((await org.parks.byName(ctx.zoneId)).map((p) => [p.id, p.name]));
    const unknown = input.parkIds.findIndex((id) => !parkNames.has(id));
    if (unknown >= 0) throw crossZoneReference(`parkIds.${unknown}`);
    const holders = await scope.inspectorsOf(ctx.zoneId, input.parkIds);
    const inspectorOf = new Map<string, string>();
    for (const [i, parkId] of input.parkIds.entries()) {
      const primary = (holders.get(parkId) ?? []).find((h) => h.isPrimary);
      if (!primary) throw new RuleError('rule.park_without_inspector', { park: parkNames.get(parkId) ?? '' }, { field: `parkIds.${i}` });
      inspectorOf.set(parkId, primary.userId);
    }

    const now = clock.now();
    const round: InspectionRoundsTable = { id: newId(), zone_id: ctx.zoneId, name: input.name, round_date: input.roundDate, template_version_id: template.version.id, status: 'open', created_by: ctx.actor.userId, created_at: now, updated_at: now };
    const taskRows: InspectionTasksTable[] = input.parkIds.map((parkId) => ({
      id: newId(),
      zone_id: ctx.zoneId,
      kind: 'inspection',
      round_id: round.id,
      park_id: parkId,
      inspector_id: inspectorOf.get(parkId)!,
      template_version_id: template.version.id,
      finding_id: null,
      due_date: input.roundDate,
      status: 'pending',
      note: null,
      photos_json: '[]',
      policies_explained: null,
      started_at: null,
      submitted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    await database.db.transaction().execute(async (trx) => {
      await makeRoundsRepo(trx, database.dialect).insert(round);
      await makeTasksRepo(trx, database.dialect).insertTasks(taskRows);
      await recordAudit(trx, clock, ctx, {
        action: 'inspection_round.create',
        entityType: 'inspection_round',
        entityId: round.id,
        after: { name: round.name, roundDate: round.round_date, templateId: input.templateId, templateVersion: template.version.version, tasks: taskRows.map((t) => ({ taskId: t.id, parkId: t.park_id, inspectorId: t.inspector_id })) },
      });
      for (const t of taskRows) {
        await notify(trx, clock, ctx.zoneId, [t.inspector_id], { kind: 'inspection.task_assigned', params: { roundName: round.name, parkName: parkNames.get(t.park_id) ?? '', dueDate: round.round_date }, entityType: 'inspection_task', entityId: t.id });
      }
    });
    return get(ctx, round.id);
  }

  async function act(ctx: Ctx, id: string, action: RoundAction): Promise<Round> {
    const r = await row(ctx, id);
    const { from, to, label } = ACTIONS[action];
    const refuse = (status: string) => new ConflictError('state.round', { status: labelIn(ctx.lang, ROUND_STATUS_LABELS[status as RoundStatus]), action: labelIn(ctx.lang, label) }, { status });
    if (r.status !== from) throw refuse(r.status);
    const moved = await database.db.transaction().execute(async (trx) => {
      if (!(await makeRoundsRepo(trx, database.dialect).setStatus(ctx.zoneId, id, from, to, clock.now()))) return false;
      await recordAudit(trx, clock, ctx, { action: `inspection_round.${action}`, entityType: 'inspection_round', entityId: id, before: { status: from }, after: { status: to } });
      return true;
    });
    if (!moved) throw refuse((await row(ctx, id)).status);
    return get(ctx, id);
  }

  return { list, get, tasks, create, act };
}
