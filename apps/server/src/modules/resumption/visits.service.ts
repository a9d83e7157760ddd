// The commissioners' visits (走访记录): date, content, policies explained, and the problems found,
// each of which becomes a demand of the enterprise in the visit's own transaction.
import type { Visit, VisitInput, VisitListQuery } from '@shuangsheng/contracts';
import type { ResumptionVisitsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { RuleError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ResumptionParts, Scope } from './context.js';
import type { DemandPrep } from './demands.service.js';
import { RESUMPTION_MIN_DATE } from './reports.service.js';
import type { ResumptionModule } from './resumption.services.js';
import { makeVisitsRepo, type VisitFilter } from './visits.repo.js';

type Filters = Omit<VisitListQuery, 'page' | 'pageSize'>;

export function makeVisitsService(parts: ResumptionParts, scope: Scope, mod: ResumptionModule) {
  const { deps, enterprises, org } = parts;
  const { database, clock } = deps;
  const repo = makeVisitsRepo(database.db, database.dialect);

  async function hydrate(zoneId: string, rows: ResumptionVisitsTable[]): Promise<Visit[]> {
    if (rows.length === 0) return [];
    const [briefs, names, demands] = await Promise.all([
      enterprises.briefs(zoneId, [...new Set(rows.map((r) => r.enterprise_id))]),
      org.users.namesOf(zoneId, [...new Set(rows.map((r) => r.commissioner_id))]),
      mod.demands.idsByVisit(zoneId, rows.map((r) => r.id)),
    ]);
    const enterpriseNames = new Map(briefs.map((b) => [b.id, b.name]));
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: enterpriseNames.get(r.enterprise_id) ?? '',
      visitDate: r.visit_date,
      commissioner: { id: r.commissioner_id, name: names.get(r.commissioner_id) ?? '' },
      content: r.content,
      policiesExplained: r.policies_explained,
      demandIds: demands.get(r.id) ?? [],
      createdAt: r.created_at,
    }));
  }

  async function filterOf(ctx: Ctx, q: Filters): Promise<VisitFilter> {
    return { ...q, onlyEnterprises: await scope.visibleIds(ctx, false), enterpriseMatches: q.q ? await enterprises.lookup.search(ctx.zoneId, q.q) : undefined };
  }

  async function list(ctx: Ctx, q: VisitListQuery): Promise<{ items: Visit[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<Visit> {
    for await (const rows of repo.stream(ctx.zoneId, await filterOf(ctx, q))) yield* await hydrate(ctx.zoneId, rows);
  }

  /** Records a visit to an enterprise assigned to the commissioner (the zone admin: any), with its problems as demands. */
  async function create(ctx: Ctx, input: VisitInput): Promise<Visit> {
    const brief = await scope.enterpriseFor(ctx, input.enterpriseId);
    await scope.assertMayAct(ctx, brief.id, ['zone_admin']);
    const today = scope.today();
    const now = clock.now();
    const issues: FieldIssue[] = [];
    if (input.visitDate > today) issues.push({ path: 'visitDate', key: 'v.date_future', params: { today } });
    if (input.visitDate < RESUMPTION_MIN_DATE) issues.push({ path: 'visitDate', key: 'v.date_too_early', params: { min: RESUMPTION_MIN_DATE } });
    input.problems.forEach((p, i) => issues.push(...mod.demands.dueIssue(p.dueAt, now, `problems.${i}.dueAt`)));
    if (issues.length) throw new ValidationError(issues);
    // The visitor is the signed-in officer; a job or the CLI records it for the primary commissioner.
    const commissionerId = ctx.actor.userId ?? (await scope.commissionersOf(ctx.zoneId, [brief.id])).get(brief.id)?.[0]?.userId;
    if (!commissionerId) throw new RuleError('rule.not_commissioner', {}, { field: 'enterpriseId' });
    const prep: DemandPrep | null = input.problems.length ? await mod.demands.prepare(ctx.zoneId, brief) : null;

    const row: ResumptionVisitsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      enterprise_id: brief.id,
      visit_date: input.visitDate,
      commissioner_id: commissionerId,
      content: input.content,
      policies_explained: input.policiesExplained ?? null,
      created_at: now,
    };
    await database.db.transaction().execute(async (trx) => {
      await makeVisitsRepo(trx, database.dialect).insert(row);
      const numbers: string[] = [];
      for (const p of input.problems) numbers.push((await mod.demands.insertIn(trx, ctx, prep!, p, 'visit', row.id)).number);
      await recordAudit(trx, clock, ctx, {
        action: 'visit.create',
        entityType: 'visit',
        entityId: row.id,
        after: { enterpriseId: brief.id, visitDate: row.visit_date, commissionerId, content: row.content, policiesExplained: row.policies_explained, demands: numbers },
      });
    });
    return (await hydrate(ctx.zoneId, [row]))[0]!;
  }

  /** Each enterprise's latest visit date (all of the zone's, or those given); never visited: absent. */
  async function lastVisitOn(zoneId: string, enterpriseIds?: string[]): Promise<Map<string, string>> {
    return new Map((await repo.lastVisits(zoneId, enterpriseIds)).map((r) => [r.enterpriseId, r.last]));
  }

  return { list, exportRows, create, lastVisitOn };
}
