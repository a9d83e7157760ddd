// Major projects (重大项目): the registry of key construction projects with their owner enterprise,
// investment and park, and their own restart status and date, so "N major projects restarted" is
// a figure read from the records as of any date.
import { PROJECT_ACTION_LABELS, PROJECT_STATUS_LABELS, labelIn, type Project, type ProjectStatus } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { ProjectActionBody, ProjectInput, ProjectListQuery, ProjectPatch } from '@shuangsheng/contracts';
import type { MajorProjectsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { ConflictError, crossZoneReference, NotFoundError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowUnique } from '../../platform/tx.js';
import type { ResumptionParts, Scope } from './context.js';
import { makeProjectsRepo, type ProjectFilter } from './projects.repo.js';
import { RESUMPTION_MIN_DATE } from './reports.service.js';
import type { ResumptionModule } from './resumption.services.js';

type Input = z.infer<typeof ProjectInput>;
type Patch = z.infer<typeof ProjectPatch>;
type Filters = Omit<z.infer<typeof ProjectListQuery>, 'page' | 'pageSize'>;
type Action = 'restart' | 'undo_restart';

export function makeProjectsService(parts: ResumptionParts, scope: Scope, _mod: ResumptionModule) {
  const { deps, enterprises, org } = parts;
  const { database, clock } = deps;
  const repo = makeProjectsRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeProjectsRepo(trx, database.dialect);

  async function hydrate(zoneId: string, rows: MajorProjectsTable[]): Promise<Project[]> {
    if (rows.length === 0) return [];
    const owners = [...new Set(rows.flatMap((r) => (r.owner_enterprise_id ? [r.owner_enterprise_id] : [])))];
    const [names, parks] = await Promise.all([owners.length ? enterprises.lookup.names(zoneId, owners) : new Map<string, string>(), org.parks.byName(zoneId)]);
    const parkNames = new Map(parks.map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerEnterpriseId: r.owner_enterprise_id,
      ownerEnterpriseName: r.owner_enterprise_id ? (names.get(r.owner_enterprise_id) ?? null) : null,
      investmentFen: Number(r.investment_fen),
      parkId: r.park_id,
      parkName: r.park_id ? (parkNames.get(r.park_id) ?? null) : null,
      status: r.status as ProjectStatus,
      restartDate: r.restart_date,
      note: r.note,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function filterOf(ctx: Ctx, q: Filters): Promise<ProjectFilter> {
    return { ...q, enterpriseMatches: q.q ? await enterprises.lookup.search(ctx.zoneId, q.q) : undefined };
  }

  async function list(ctx: Ctx, q: z.infer<typeof ProjectListQuery>): Promise<{ items: Project[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function row(ctx: Ctx, id: string): Promise<MajorProjectsTable> {
    const found = await repo.get(ctx.zoneId, id);
    if (!found) throw new NotFoundError('major_project', id);
    return found;
  }
  const get = async (ctx: Ctx, id: string) => (await hydrate(ctx.zoneId, [await row(ctx, id)]))[0]!;

  /** The owner enterprise and the park must be of this zone (422 naming the field). */
  async function checkRefs(ctx: Ctx, input: Patch) {
    if (input.ownerEnterpriseId && !(await enterprises.lookup.names(ctx.zoneId, [input.ownerEnterpriseId])).has(input.ownerEnterpriseId)) throw crossZoneReference('ownerEnterpriseId');
    if (input.parkId && !(await org.parks.exists(ctx.zoneId, input.parkId))) throw crossZoneReference('parkId');
  }

  async function create(ctx: Ctx, input: Input): Promise<Project> {
    await checkRefs(ctx, input);
    const now = clock.now();
    const r: MajorProjectsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      name: input.name,
      owner_enterprise_id: input.ownerEnterpriseId ?? null,
      investment_fen: input.investmentFen,
      park_id: input.parkId ?? null,
      status: 'not_restarted',
      restart_date: null,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await repoIn(trx).insert(r);
        await recordAudit(trx, clock, ctx, { action: 'major_project.create', entityType: 'major_project', entityId: r.id, after: { name: r.name, ownerEnterpriseId: r.owner_enterprise_id, investmentFen: r.investment_fen, parkId: r.park_id, note: r.note } });
      })
      .catch((e: unknown) => rethrowUnique(e, 'name', input.name));
    return get(ctx, r.id);
  }

  async function update(ctx: Ctx, id: string, patch: Patch): Promise<Project> {
    const current = await row(ctx, id);
    await checkRefs(ctx, patch);
    const pick = <K extends keyof Patch>(k: K, fallback: unknown) => (patch[k] === undefined ? fallback : patch[k]);
    const before = { name: current.name, ownerEnterpriseId: current.owner_enterprise_id, investmentFen: Number(current.investment_fen), parkId: current.park_id, note: current.note };
    const after = {
      name: pick('name', current.name) as string,
      ownerEnterpriseId: pick('ownerEnterpriseId', current.owner_enterprise_id) as string | null,
      investmentFen: pick('investmentFen', before.investmentFen) as number,
      parkId: pick('parkId', current.park_id) as string | null,
      note: pick('note', current.note) as string | null,
    };
    const changes = diff(before, after);
    if (Object.keys(changes.after).length > 0) {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await repoIn(trx).update(ctx.zoneId, id, { name: after.name, owner_enterprise_id: after.ownerEnterpriseId, investment_fen: after.investmentFen, park_id: after.parkId, note: after.note, updated_at: clock.now() });
          await recordAudit(trx, clock, ctx, { action: 'major_project.update', entityType: 'major_project', entityId: id, ...changes });
        })
        .catch((e: unknown) => rethrowUnique(e, 'name', after.name));
    }
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: string, action: Action, body: z.infer<typeof ProjectActionBody>): Promise<Project> {
    const current = await row(ctx, id);
    const from = current.status as ProjectStatus;
    const expected: ProjectStatus = action === 'restart' ? 'not_restarted' : 'restarted';
    const stateError = (status: ProjectStatus) =>
      new ConflictError('state.project', { status: labelIn(ctx.lang, PROJECT_STATUS_LABELS[status]), action: labelIn(ctx.lang, PROJECT_ACTION_LABELS[action]) }, { status });
    if (from !== expected) throw stateError(from);
    const today = scope.today();
    const date = action === 'restart' ? (body.date ?? today) : null;
    if (date && date > today) throw new ValidationError([{ path: 'date', key: 'v.date_future', params: { today } }]);
    if (date && date < RESUMPTION_MIN_DATE) throw new ValidationError([{ path: 'date', key: 'v.date_too_early', params: { min: RESUMPTION_MIN_DATE } }]);
    const to: ProjectStatus = action === 'restart' ? 'restarted' : 'not_restarted';
    await database.db.transaction().execute(async (trx) => {
      if (!(await repoIn(trx).updateIfStatus(ctx.zoneId, id, from, { status: to, restart_date: date, updated_at: clock.now() }))) throw stateError(to);
      await recordAudit(trx, clock, ctx, {
        action: `major_project.${action}`,
        entityType: 'major_project',
        entityId: id,
        before: { status: from, restartDate: current.restart_date },
        after: { status: to, restartDate: date, ...(body.comment ? { comment: body.comment } : {}) },
      });
    });
    return get(ctx, id);
  }

  /** Major projects restarted on or before `asOf`, out of all of the zone's. */
  const restartedBy = (zoneId: string, asOf: string): Promise<{ restarted: number; total: number }> => repo.counts(zoneId, asOf);

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<Project> {
    for (let page = 1; ; page++) {
      const { items } = await list(ctx, { ...q, page, pageSize: 200 });
      yield* items;
      if (items.length < 200) return;
    }
  }

  return { list, exportRows, get, create, update, act, restartedBy };
}
