// Factories of the resumption module (复工复产), through the services (no HTTP): plans filled in
// with the five in place and their evidence, filed, approved. The approval date is the zone's
// today by the app's clock: a test that needs another date makes its app with testClock() and sets it.
import { FIVE_IN_PLACE, type EnterpriseInput, type PlanDetail, type PlanFields, type ScaleTier } from '@shuangsheng/contracts';
import type { Ctx } from '../platform/context.js';
import type { Services } from '../services.js';
import { makeEnterprise, type TestZone } from './factories.js';
import { pdfBytes } from './files.js';

type EnterpriseOpts = Partial<EnterpriseInput> & { tier?: ScaleTier };
type PlanOpts = {
  /** Who files and submits (an enterprise user's or a commissioner's ctx); the zone's system ctx by default. */
  filer?: Ctx;
  /** Who approves; the zone's system ctx by default. */
  reviewer?: Ctx;
  /** Overrides of the complete fields (employeesTotal, plannedOnSite …). */
  fields?: Partial<PlanFields>;
  /** Approve with these conditions. */
  conditions?: string[];
};

/** The enterprise's open plan, or a new draft. */
async function openPlanOf(services: Services, ctx: Ctx, enterpriseId: string): Promise<PlanDetail> {
  const plans = services.resumption.plans;
  const open = (await plans.forEnterprise(ctx, enterpriseId)).find((p) => p.status !== 'refused');
  return open ? plans.get(ctx, open.id) : plans.create(ctx, { enterpriseId });
}

/**
 * Fields complete enough to submit, for the enterprise's open plan (a draft is made when it has
 * none): one small PDF of evidence is uploaded to the plan for each of the five in place.
 */
export async function completePlanFields(services: Services, zone: TestZone, enterpriseId: string, opts: { ctx?: Ctx; employeesTotal?: number } = {}): Promise<PlanFields & { planId: string }> {
  const ctx = opts.ctx ?? zone.ctx;
  const plan = await openPlanOf(services, ctx, enterpriseId);
  const fiveInPlace: NonNullable<PlanFields['fiveInPlace']> = {};
  for (const key of FIVE_IN_PLACE) {
    const file = await services.resumption.plans.uploadFile(ctx, plan.id, pdfBytes(`evidence ${key}`), `${key}.pdf`);
    fiveInPlace[key] = { date: '2020-02-20', note: null, evidenceFileIds: [file.id] };
  }
  const total = opts.employeesTotal ?? 100;
  return {
    planId: plan.id,
    plannedStartDate: '2020-02-25',
    employeesTotal: total,
    plannedOnSite: Math.floor(total * 0.8),
    returnedToCity: Math.floor(total * 0.9),
    stillOutside: total - Math.floor(total * 0.9),
    fromHighRisk: 0,
    highRiskQuarantined: 0,
    masks: 2000,
    thermometers: 10,
    disinfectantLitres: 50,
    suppliesDays: 7,
    measures: ['temperatureChecks', 'staggeredCanteen', 'isolationRoom'],
    measuresNote: '每日两次测温，食堂分时段就餐',
    contactName: '王主任',
    contactPhone: '13812345678',
    fiveInPlace,
  };
}

/** A plan filled in completely and submitted (not decided). */
async function filePlan(services: Services, zone: TestZone, enterpriseId: string, opts: PlanOpts): Promise<PlanDetail> {
  const ctx = opts.filer ?? zone.ctx;
  const { planId, ...fields } = await completePlanFields(services, zone, enterpriseId, { ctx, ...(opts.fields?.employeesTotal ? { employeesTotal: opts.fields.employeesTotal } : {}) });
  await services.resumption.plans.update(ctx, planId, { ...fields, ...opts.fields });
  return services.resumption.plans.act(ctx, planId, 'submit', {});
}

/** A new enterprise whose plan is submitted and waits for review. */
export async function makeFiledEnterprise(services: Services, zone: TestZone, opts: EnterpriseOpts & PlanOpts = {}) {
  const { filer, reviewer: _r, fields, conditions: _c, ...enterpriseOpts } = opts;
  const enterprise = await makeEnterprise(services, zone, enterpriseOpts);
  const plan = await filePlan(services, zone, enterprise.id, { ...(filer ? { filer } : {}), ...(fields ? { fields } : {}) });
  return { enterprise, plan };
}

/** A new enterprise whose plan is filed and approved today (resumed from today). */
export async function makeResumedEnterprise(services: Services, zone: TestZone, opts: EnterpriseOpts & PlanOpts = {}) {
  const { enterprise, plan: filed } = await makeFiledEnterprise(services, zone, opts);
  const plan = await services.resumption.plans.act(opts.reviewer ?? zone.ctx, filed.id, 'approve', opts.conditions ? { conditions: opts.conditions } : {});
  return { enterprise, plan };
}

/** Files and approves the plan of an existing enterprise (resumed from the app's today). */
export async function resumeEnterprise(services: Services, zone: TestZone, enterpriseId: string, opts: PlanOpts = {}): Promise<PlanDetail> {
  const filed = await filePlan(services, zone, enterpriseId, opts);
  return services.resumption.plans.act(opts.reviewer ?? zone.ctx, filed.id, 'approve', opts.conditions ? { conditions: opts.conditions } : {});
}
