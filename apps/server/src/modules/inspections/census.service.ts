// The census of parks (园区摸排): per park and date, its enterprises and employees, staff who left
// and came back, enterprises resumed and the difficulties heard — entered by inspectors (per round
// or on their own), prefilled from the registry and the resumption module where they know it.
import type { Census as CensusSchema, CensusInput, CensusListQuery, CensusPatch, CensusPrefill as CensusPrefillSchema } from '@shuangsheng/contracts';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { InspectionCensusTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { ConflictError, crossZoneReference, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { InspectionParts, Scope } from './context.js';
import { makeCensusRepo, type CensusFilter, type CensusRow } from './census.repo.js';
import type { InspectionsModule } from './inspections.services.js';

export type Census = z.infer<typeof CensusSchema>;
type CensusPrefill = z.infer<typeof CensusPrefillSchema>;
type Figures = Pick<CensusInput, 'enterprises' | 'staffLeft' | 'staffReturned' | 'enterprisesResumed'>;

/** Staff returned cannot exceed those who left, nor enterprises resumed the enterprises. */
export function censusIssues(c: Figures): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.staffReturned > c.staffLeft) issues.push({ path: 'staffReturned', key: 'v.staff_returned_over_left' });
  if (c.enterprisesResumed > c.enterprises) issues.push({ path: 'enterprisesResumed', key: 'v.resumed_over_enterprises' });
  return issues;
}

const toCensus = (r: CensusRow): Census => ({
  id: r.id,
  parkId: r.park_id,
  parkName: r.park_name ?? '',
  roundId: r.round_id,
  roundName: r.round_name,
  censusDate: r.census_date,
  enterprises: r.enterprises,
  employees: r.employees,
  staffLeft: r.staff_left,
  staffReturned: r.staff_returned,
  enterprisesResumed: r.enterprises_resumed,
  difficulties: r.difficulties,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const auditable = (r: InspectionCensusTable) => ({
  parkId: r.park_id,
  roundId: r.round_id,
  censusDate: r.census_date,
  enterprises: r.enterprises,
  employees: r.employees,
  staffLeft: r.staff_left,
  staffReturned: r.staff_returned,
  enterprisesResumed: r.enterprises_resumed,
  difficulties: r.difficulties,
});

export function makeCensusService(parts: InspectionParts, scope: Scope, _mod: InspectionsModule) {
  const { deps, enterprises } = parts;
  const { database, clock } = deps;
  const repo = makeCensusRepo(database.db, database.dialect);

  async function list(ctx: Ctx, q: z.infer<typeof CensusListQuery>): Promise<{ items: Census[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    return { items: rows.map(toCensus), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: CensusFilter): AsyncGenerator<Census> {
    for await (const rows of repo.stream(ctx.zoneId, q)) yield* rows.map(toCensus);
  }

  async function rowOf(ctx: Ctx, id: string): Promise<CensusRow> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('inspection_census', id);
    return row;
  }
  const get = async (ctx: Ctx, id: string) => toCensus(await rowOf(ctx, id));

  /** Inspectors enter and correct the census of the parks they are assigned to (park_inspector); the zone admin any park's. */
  async function assertMayWrite(ctx: Ctx, parkId: string) {
    const { actor } = ctx;
    if (actor.userId === null || actor.permissions.has('inspections.manage')) return;
    const holders = (await scope.inspectorsOf(ctx.zoneId, [parkId])).get(parkId) ?? [];
    if (!holders.some((h) => h.userId === actor.userId)) throw new ForbiddenError('rule.not_park_inspector');
  }

  async function assertRefs(ctx: Ctx, parkId: string | undefined, roundId: string | null | undefined) {
    if (parkId !== undefined && !(await repo.parkExists(ctx.zoneId, parkId))) throw crossZoneReference('parkId');
    if (roundId && !(await repo.roundExists(ctx.zoneId, roundId))) throw crossZoneReference('roundId');
  }

  /** Writes and audits; a second entry for the park and date (also a parallel one) is 409. */
  async function write(ctx: Ctx, row: InspectionCensusTable, before: InspectionCensusTable | null) {
    try {
      await database.db.transaction().execute(async (trx) => {
        const r = makeCensusRepo(trx, database.dialect);
        if (before) await r.update(ctx.zoneId, row.id, row);
        else await r.insert(row);
        const changes = before ? diff(auditable(before), auditable(row)) : { after: auditable(row) };
        await recordAudit(trx, clock, ctx, { action: before ? 'inspection_census.update' : 'inspection_census.create', entityType: 'inspection_census', entityId: row.id, ...changes });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError('conflict.census_exists', { date: row.census_date }, { field: 'censusDate' });
      throw err;
    }
  }

  async function create(ctx: Ctx, input: CensusInput): Promise<Census> {
    const issues = censusIssues(input);
    if (issues.length) throw new ValidationError(issues);
    await assertRefs(ctx, input.parkId, input.roundId);
    await assertMayWrite(ctx, input.parkId);
    const now = clock.now();
    const row: InspectionCensusTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      park_id: input.parkId,
      round_id: input.roundId ?? null,
      census_date: input.censusDate,
      enterprises: input.enterprises,
      employees: input.employees,
      staff_left: input.staffLeft,
      staff_returned: input.staffReturned,
      enterprises_resumed: input.enterprisesResumed,
      difficulties: input.difficulties ?? null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await write(ctx, row, null);
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: CensusPatch): Promise<Census> {
    const { park_name: _p, round_name: _r, ...before } = await rowOf(ctx, id);
    await assertMayWrite(ctx, before.park_id);
    const row: InspectionCensusTable = {
      ...before,
      round_id: patch.roundId === undefined ? before.round_id : patch.roundId,
      census_date: patch.censusDate ?? before.census_date,
      enterprises: patch.enterprises ?? before.enterprises,
      employees: patch.employees ?? before.employees,
      staff_left: patch.staffLeft ?? before.staff_left,
      staff_returned: patch.staffReturned ?? before.staff_returned,
      enterprises_resumed: patch.enterprisesResumed ?? before.enterprises_resumed,
      difficulties: patch.difficulties === undefined ? before.difficulties : patch.difficulties,
    };
    const issues = censusIssues({ enterprises: row.enterprises, staffLeft: row.staff_left, staffReturned: row.staff_returned, enterprisesResumed: row.enterprises_resumed });
    if (issues.length) throw new ValidationError(issues);
    await assertRefs(ctx, undefined, row.round_id);
    if (JSON.stringify(auditable(row)) === JSON.stringify(auditable(before))) return get(ctx, id);
    await write(ctx, { ...row, updated_at: clock.now() }, before);
    return get(ctx, id);
  }

  /** What the registry (enterprises and their employees) and the resumption status (resumed on the date) say of a park. */
  async function prefill(ctx: Ctx, parkId: string, date?: string): Promise<CensusPrefill> {
    await assertRefs(ctx, parkId, undefined);
    const censusDate = date ?? scope.today();
    const inPark = (await enterprises.briefs(ctx.zoneId)).filter((b) => b.parkId === parkId);
    const statuses = inPark.length ? await parts.resumption.status.statusesOn(ctx.zoneId, censusDate, inPark.map((b) => b.id)) : new Map();
    return {
      parkId,
      censusDate,
      enterprises: inPark.length,
      employees: inPark.reduce((sum, b) => sum + (b.employees ?? 0), 0),
      enterprisesResumed: inPark.filter((b) => statuses.get(b.id)?.status === 'resumed').length,
    };
  }

  return { list, exportRows, get, create, update, prefill };
}
export type CensusService = ReturnType<typeof makeCensusService>;
