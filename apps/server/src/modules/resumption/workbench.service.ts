// The commissioner's workbench (驻企特派员工作台): their enterprises with status, the plan waiting
// and its hours left, the last visit, open and overdue demands, today's missing daily report; and
// an enterprise's resumption profile (the tab on the registry's profile page).
import type { z } from 'zod';
import type { CommissionerWorkbench, Demand, DemandListQuery, EnterpriseResumptionProfile, Plan, PlanListQuery, Role, Visit, VisitListQuery } from '@shuangsheng/contracts';
import type { Ctx } from '../../platform/context.js';
import { crossZoneReference, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { allPages } from '../../platform/routes.js';
import type { ResumptionParts, Scope } from './context.js';
import type { ResumptionModule } from './resumption.services.js';

type Workbench = z.infer<typeof CommissionerWorkbench>;
type Profile = z.infer<typeof EnterpriseResumptionProfile>;

/** Roles that may open another commissioner's workbench (the zone admin and the leaders who oversee them). */
export const WORKBENCH_OVERSEERS: readonly Role[] = ['zone_admin', 'leader'];
/** Daily reports the profile shows. */
export const PROFILE_REPORTS = 60;
const PAGE = 200;

export function makeWorkbenchService(parts: ResumptionParts, scope: Scope, mod: ResumptionModule) {
  const { enterprises, org } = parts;

  /** The signed-in user's workbench, or for an overseer the commissioner named. */
  async function workbench(ctx: Ctx, q: { commissionerId?: string | undefined }): Promise<Workbench> {
    const userId = q.commissionerId ?? ctx.actor.userId;
    if (!userId) throw new ValidationError([{ path: 'commissionerId', key: 'v.required' }]);
    if (userId !== ctx.actor.userId && ctx.actor.userId !== null && !ctx.actor.roles.some((r) => WORKBENCH_OVERSEERS.includes(r))) throw new ForbiddenError('rule.own_workbench_only');
    const name = (await org.users.namesOf(ctx.zoneId, [userId])).get(userId);
    if (name === undefined) throw crossZoneReference('commissionerId');

    const today = scope.today();
    const ids = await org.assignments.targetsOf(ctx.zoneId, 'enterprise_commissioner', userId);
    if (ids.length === 0) return { today, commissioner: { id: userId, name }, enterprises: [], counts: { enterprises: 0, plansWaiting: 0, reportsMissing: 0, openDemands: 0, overdueDemands: 0 } };
    const briefs = await enterprises.briefs(ctx.zoneId, ids);
    const holders = await scope.commissionersOf(ctx.zoneId, ids);
    const statuses = await mod.status.statusesOn(ctx.zoneId, today, ids);
    const reported = await mod.reports.reportedOn(ctx.zoneId, today);
    const lastVisits = await mod.visits.lastVisitOn(ctx.zoneId, ids);
    const demands = await mod.demands.countsByEnterprise(ctx.zoneId, ids);
    const waiting = new Set(ids.filter((id) => statuses.get(id)?.planStatus === 'submitted'));
    const hoursLeft = new Map<string, number | null>();
    if (waiting.size > 0) {
      const query = { page: 1, pageSize: PAGE, status: 'submitted' } as PlanListQuery;
      for await (const p of allPages((page): Promise<{ items: Plan[]; total: number }> => mod.plans.list(ctx, { ...query, page }), PAGE)) {
        if (waiting.has(p.enterpriseId)) hoursLeft.set(p.enterpriseId, p.hoursLeft);
      }
    }

    const rows = briefs.map((b) => {
      const s = statuses.get(b.id);
      const status = s?.status ?? 'not_filed';
      const d = demands.get(b.id) ?? { open: 0, overdue: 0 };
      return {
        enterpriseId: b.id,
        enterpriseName: b.name,
        parkName: b.parkName,
        isPrimary: (holders.get(b.id) ?? []).some((h) => h.userId === userId && h.isPrimary),
        status,
        planId: s?.planId ?? null,
        planStatus: s?.planStatus ?? null,
        hoursLeft: hoursLeft.get(b.id) ?? null,
        lastVisitOn: lastVisits.get(b.id) ?? null,
        openDemands: d.open,
        overdueDemands: d.overdue,
        reportMissingToday: status === 'resumed' && !reported.has(b.id),
      };
    });
    // What needs doing first: plans waiting (fewest hours left first), then missing reports and overdue demands.
    const urgency = (r: (typeof rows)[number]) => (r.planStatus === 'submitted' ? 0 : r.reportMissingToday || r.overdueDemands > 0 ? 1 : 2);
    rows.sort((a, b) => urgency(a) - urgency(b) || (a.hoursLeft ?? Infinity) - (b.hoursLeft ?? Infinity) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
    return {
      today,
      commissioner: { id: userId, name },
      enterprises: rows,
      counts: {
        enterprises: rows.length,
        plansWaiting: rows.filter((r) => r.planStatus === 'submitted').length,
        reportsMissing: rows.filter((r) => r.reportMissingToday).length,
        openDemands: rows.reduce((n, r) => n + r.openDemands, 0),
        overdueDemands: rows.reduce((n, r) => n + r.overdueDemands, 0),
      },
    };
  }

  /** The enterprise's resumption history, plans, latest reports, demands and visits; another enterprise's is not found for enterprise users. */
  async function profile(ctx: Ctx, enterpriseId: string): Promise<Profile> {
    // The history answers 404 for an enterprise the reader may not see, before anything else is read.
    const { current, history } = await mod.status.history(ctx, enterpriseId);
    const plans: Plan[] = await mod.plans.forEnterprise(ctx, enterpriseId);
    const reports = (await mod.reports.list(ctx, { page: 1, pageSize: PROFILE_REPORTS, enterpriseId, sort: 'reportDate:desc' })).items;
    const demands: Demand[] = [];
    for await (const d of allPages((page) => mod.demands.list(ctx, { page, pageSize: PAGE, enterpriseId, sort: 'createdAt:desc' } as DemandListQuery), PAGE)) demands.push(d);
    const visits: Visit[] = [];
    for await (const v of allPages((page) => mod.visits.list(ctx, { page, pageSize: PAGE, enterpriseId } as VisitListQuery), PAGE)) visits.push(v);
    return { current, history, plans, reports, demands, visits };
  }

  return { workbench, profile };
}
