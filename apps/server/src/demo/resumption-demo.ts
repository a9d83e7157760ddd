// The demo zone's resumption of work (复工复产), made through the services with a clock moved
// through February 2020 so the records say, as of 24 Feb, what Chongqing reported: 4 of 4 百亿级,
// 10 of 11 十亿级 and 73 of 102 亿元以上 enterprises resumed (approvals from 10 Feb: provinces barred
// restart before 24:00 on 9 Feb), a share of the small ones; daily reports of the last days; a
// Bosch-like enterprise whose plan, drafted with its resident officer, brings back 140 of its 200
// staff (70%); visits explaining the 14 policy measures; ~40 demands (11 enterprises' financing
// needs totalling 340 million yuan), a few overdue and escalated; protective supplies; 40 of 46
// major projects restarted (Zigong). Then today's state: plans waiting for review, reports due.
import { permissionsOf, type PlanFields, type Role, type ScaleTier } from '@shuangsheng/contracts';
import { addDays } from '../platform/calendar.js';
import type { Clock } from '../platform/clock.js';
import type { Actor, Ctx, Deps } from '../platform/context.js';
import { makeServices, type Services } from '../services.js';
import { mobile, personName, prng } from './demo-data.js';
import { DEMAND_SCRIPT, FUNDING_NEEDS, POLICY_TALK, PROJECT_NAMES, VISIT_TALKS } from './resumption-demo-data.js';

/** The demo users who act in the resumption history. */
export const RESUMPTION_PEOPLE = ['admin', 'approver', 'commissioner', 'commissioner2', 'policy', 'labour', 'investment', 'leader', 'enterprise'] as const;
export type DemoPerson = { id: string; username: string; displayName: string; role: Role };
export type DemoEnterprise = { id: string; tier: ScaleTier; employees: number | null; parkId: string | null };

type Fate =
  | { kind: 'resumed'; submitOn: string; approveOn: string }
  | { kind: 'suspended'; submitOn: string; approveOn: string; suspendOn: string; resumeOn: string }
  | { kind: 'filed'; submitOn: string; decideOn: string; decision: 'approve' | 'return' }
  | { kind: 'none' };

/** The day the figures are reported for. */
export const DEMO_AS_OF = '2020-02-24';
/** How many enterprises the commissioners watch (seed-demo assigns the first ones, alternately). */
const WATCHED = 22;
/** The Bosch-like enterprise: a 十亿级 one of the first commissioner's. */
const BOSCH = 6;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const at = (day: string, minutes: number) => Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000;
const dayRange = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

function actorCtx(zoneId: string, p: { id: string; username: string; displayName: string; role: Role; enterpriseId?: string | null }): Ctx {
  const actor: Actor = { userId: p.id, username: p.username, displayName: p.displayName, homeZoneId: zoneId, roles: [p.role], permissions: permissionsOf([p.role]), enterpriseId: p.enterpriseId ?? null };
  return { actor, zoneId, requestId: null, ip: null, lang: 'zh-CN' };
}

/**
 * What becomes of each enterprise (by its index in the seed's order: 4 百亿级, 11 十亿级, 102 亿元以上,
 * then the others). `keepFree` is the demo enterprise user's: it files its own plan in the journey.
 */
function fates(list: DemoEnterprise[], keepFree: number, rand: () => number): Fate[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const resumed = (from: string, to: string): Fate => {
    const approveOn = pick(dayRange(from, to));
    return { kind: 'resumed', approveOn, submitOn: addDays(approveOn, -Math.floor(rand() * 3)) };
  };
  let hm = 0;
  let other = 0;
  return list.map((e, i): Fate => {
    if (e.tier === 'ten_billion') return resumed('2020-02-10', '2020-02-11');
    if (e.tier === 'billion') return i === 13 ? { kind: 'filed', submitOn: '2020-02-23', decideOn: '2020-02-25', decision: 'approve' } : i === BOSCH ? { kind: 'resumed', submitOn: '2020-02-12', approveOn: '2020-02-13' } : resumed('2020-02-10', '2020-02-18');
    if (e.tier === 'hundred_million') {
      const n = hm++;
      // 16 not filed (two of each commissioner's, the enterprise user's, and twelve more), 12 filed and
      // waiting on the 24th, one suspended on the 21st (resumed on the 26th), 73 resumed.
      if (i === keepFree || [16, 18, 21].includes(i) || n >= 90) return { kind: 'none' };
      if (i === 22) return { kind: 'suspended', submitOn: '2020-02-11', approveOn: '2020-02-12', suspendOn: '2020-02-21', resumeOn: '2020-02-26' };
      if (i >= 23 && i < 35) return { kind: 'filed', submitOn: pick(dayRange('2020-02-20', '2020-02-24')), decideOn: pick(['2020-02-25', '2020-02-26']), decision: i % 6 === 0 ? 'return' : 'approve' };
      return resumed('2020-02-11', '2020-02-24');
    }
    const n = other++;
    if (n % 3 === 0) return resumed('2020-02-13', '2020-02-24');
    if (n % 20 === 1) return { kind: 'filed', submitOn: pick(dayRange('2020-02-21', '2020-02-24')), decideOn: '2020-02-26', decision: 'approve' };
    return { kind: 'none' };
  });
}

/** A plan's content for an enterprise of `employees`, complete but for the five in place. */
function planFields(rand: () => number, employees: number, startDate: string, onSiteShare?: number): PlanFields {
  const total = Math.max(employees, 8);
  const onSite = Math.round(total * (onSiteShare ?? 0.55 + rand() * 0.3));
  const returned = Math.min(total, onSite + Math.round((total - onSite) * rand() * 0.6));
  const fromHighRisk = rand() < 0.3 ? Math.min(returned, 1 + Math.floor(rand() * 4)) : 0;
  const days = 7 + Math.floor(rand() * 9);
  return {
    plannedStartDate: startDate,
    employeesTotal: total,
    plannedOnSite: onSite,
    returnedToCity: returned,
    stillOutside: total - returned,
    fromHighRisk,
    highRiskQuarantined: fromHighRisk,
    quarantineNote: fromHighRisk ? '来自重点地区人员已在集中观察点隔离 14 天' : null,
    masks: Math.min(1_000_000, onSite * 2 * days),
    thermometers: Math.max(2, Math.ceil(onSite / 50)),
    disinfectantLitres: Math.max(10, Math.ceil(onSite / 10)),
    suppliesDays: days,
    measures: rand() < 0.5 ? ['temperatureChecks', 'staggeredCanteen', 'shuttleBuses', 'isolationRoom', 'cleaningSchedule', 'emergencyPlan'] : ['temperatureChecks', 'staggeredCanteen', 'isolationRoom', 'cleaningSchedule', 'emergencyPlan'],
    measuresNote: '厂区入口测温登记，食堂分时段错峰就餐，车间每日消毒两次',
    contactName: personName(rand),
    contactPhone: mobile(rand),
  };
}

const FIVE_NOTES = {
  specialMeeting: '召开复工复产专题会议，部署防控与生产安排',
  resumptionPlan: '制定复工方案和疫情防控应急预案',
  fullInspection: '对厂房、设备、消防设施全面检查',
  safetyEducation: '全员安全教育和防疫知识培训',
  preShiftMeeting: '各班组召开班前会，明确岗位防护要求',
} as const;

export async function seedResumptionDemo(
  deps: Deps,
  services: Services,
  zone: { id: string; ctx: Ctx },
  people: Record<(typeof RESUMPTION_PEOPLE)[number], DemoPerson>,
  list: DemoEnterprise[],
  enterpriseOfUser: string,
): Promise<void> {
  const rand = prng(20200210);
  let now = at('2020-02-07', 9 * 60);
  const clock: Clock = { now: () => now };
  const past = makeServices({ ...deps, clock }, { timeZone: services.timeZone, drawLicencesNow: false });
  const r = past.resumption;
  const ctxOf = (p: DemoPerson) => actorCtx(zone.id, p);
  const admin = ctxOf(people.admin);
  const approver = ctxOf(people.approver);
  const commissioners = [ctxOf(people.commissioner), ctxOf(people.commissioner2)];
  // Enterprise users of the applications demo (ent001…) file for their enterprises; the others file online as the system.
  const entUsers = (await services.org.users.list(zone.ctx, { page: 1, pageSize: 200, role: 'enterprise_user' })).items.filter((u) => u.enterpriseId && u.username !== people.enterprise.username);
  const enterpriseCtx = new Map(entUsers.map((u) => [u.enterpriseId!, actorCtx(zone.id, { id: u.id, username: u.username, displayName: u.displayName, role: 'enterprise_user', enterpriseId: u.enterpriseId })]));
  const online: Ctx = { ...zone.ctx, actor: { ...zone.ctx.actor, displayName: '企业网上报备' } };
  const keepFree = list.findIndex((e) => e.id === enterpriseOfUser);
  const commissionerOf = (i: number) => (i < WATCHED ? commissioners[i % 2]! : null);
  const filerOf = (i: number) => commissionerOf(i) ?? enterpriseCtx.get(list[i]!.id) ?? online;
  const reviewerOf = (i: number) => commissionerOf(i) ?? approver;

  // The Bosch-like enterprise: ~200 staff in the registry.
  const bosch = list[BOSCH]!;
  await past.enterprises.update(admin, bosch.id, { name: '自贡博盛汽车部件股份有限公司', employees: 200 });
  bosch.employees = 200;

  // ---- the history, as timed steps run in order with the clock set to each
  type Step = { at: number; run: () => Promise<unknown> };
  const steps: Step[] = [];
  const planOf = new Map<string, string>();
  const fate = fates(list, keepFree, rand);

  async function file(i: number, day: string) {
    const e = list[i]!;
    const ctx = filerOf(i);
    const fields = planFields(rand, e.employees ?? 20, addDays(day, 1), i === BOSCH ? 0.7 : undefined);
    const plan = await r.plans.create(ctx, { enterpriseId: e.id, ...fields });
    const evidence = await r.plans.uploadFile(ctx, plan.id, PDF, '五个到位佐证材料.pdf');
    const fiveInPlace = Object.fromEntries(Object.entries(FIVE_NOTES).map(([k, note], n) => [k, { date: addDays(day, -Math.min(n, 2)), note, evidenceFileIds: [evidence.id] }]));
    await r.plans.update(ctx, plan.id, { fiveInPlace });
    await r.plans.act(ctx, plan.id, 'submit', {});
    planOf.set(e.id, plan.id);
  }
  const decide = (i: number, action: 'approve' | 'return') => {
    const planId = planOf.get(list[i]!.id)!;
    if (action === 'return') return r.plans.act(reviewerOf(i), planId, 'return', { reason: '防疫物资储备不足 3 天，请补充口罩和消毒液后重新提交' });
    const conditions = i % 7 === 3 ? ['员工宿舍每间不超过 4 人', '复工首周每日报送员工健康情况'] : undefined;
    return r.plans.act(reviewerOf(i), planId, 'approve', { comment: '五个到位已落实，同意复工', ...(conditions ? { conditions } : {}) });
  };

  fate.forEach((f, i) => {
    if (f.kind === 'none') return;
    const submitMin = 9 * 60 + (i % 120);
    steps.push({ at: at(f.submitOn, submitMin), run: () => file(i, f.submitOn) });
    const decideOn = f.kind === 'filed' ? f.decideOn : f.approveOn;
    if (commissionerOf(i)) {
      steps.push({ at: at(decideOn, 10 * 60 + i), run: () => r.plans.siteCheck(commissionerOf(i)!, planOf.get(list[i]!.id)!, { checkDate: decideOn, findings: '现场核查：测温点、隔离观察室、消毒记录齐全，员工返岗台账清楚', photoFileIds: [], passed: true }) });
    }
    steps.push({ at: at(decideOn, 14 * 60 + (i % 200)), run: () => decide(i, f.kind === 'filed' ? f.decision : 'approve') });
    if (f.kind === 'suspended') {
      steps.push({ at: at(f.suspendOn, 11 * 60), run: () => r.status.suspend(approver, list[i]!.id, { reason: '一名员工体温异常，停工排查消杀', date: f.suspendOn }) });
      steps.push({ at: at(f.resumeOn, 11 * 60), run: () => r.status.resume(approver, list[i]!.id, { comment: '排查无异常，消杀完成，恢复复工', date: f.resumeOn }) });
    }
  });

  // Daily reports of the last two days up to the 24th, by every enterprise resumed that day.
  const resumedOn = (f: Fate, day: string) => (f.kind === 'resumed' && f.approveOn <= day) || (f.kind === 'suspended' && f.approveOn <= day && (day < f.suspendOn || day >= f.resumeOn));
  for (const day of ['2020-02-23', '2020-02-24']) {
    const progress = day === '2020-02-23' ? 0 : 0.05;
    fate.forEach((f, i) => {
      if (!resumedOn(f, day)) return;
      const e = list[i]!;
      const employees = e.employees ?? 20;
      const share = i === BOSCH ? 0.7 : Math.min(1, 0.45 + ((i * 37) % 40) / 100 + progress);
      const ctx = enterpriseCtx.get(e.id) ?? commissionerOf(i) ?? online;
      steps.push({
        at: at(day, 18 * 60 + (i % 240)),
        run: () => r.reports.put(ctx, { enterpriseId: e.id, reportDate: day, staffOnSite: Math.round(employees * share), capacityPct: Math.min(95, 40 + ((i * 13) % 45) + Math.round(progress * 50)), suppliesDaysLeft: 3 + (i % 10), abnormalTemperature: i % 53 === 0 ? 1 : 0, note: null }),
      });
    });
  }

  // Protective supplies: the zone's stock, requests, allocations.
  const items: Record<string, string> = {};
  steps.push({
    at: at('2020-02-08', 10 * 60),
    run: async () => {
      for (const [name, unit, quantity, source] of [['医用口罩', '只', 200_000, '省应急物资储备调拨'], ['红外体温计', '支', 1_500, '市工信局协调采购'], ['84 消毒液', '升', 6_000, '本地企业捐赠']] as const) {
        const item = await r.supplies.createItem(admin, { name, unit, note: null });
        await r.supplies.stockIn(admin, item.id, { quantity, source, note: null });
        items[name] = item.id;
      }
    },
  });
  const requests: { i: number; item: string; quantity: number; allocate: number | null; day: string }[] = [
    { i: 1, item: '医用口罩', quantity: 20_000, allocate: 20_000, day: '2020-02-10' },
    { i: 3, item: '医用口罩', quantity: 15_000, allocate: 10_000, day: '2020-02-10' },
    { i: 5, item: '红外体温计', quantity: 40, allocate: 40, day: '2020-02-11' },
    { i: BOSCH, item: '医用口罩', quantity: 3_000, allocate: 3_000, day: '2020-02-12' },
    { i: BOSCH, item: '84 消毒液', quantity: 200, allocate: 200, day: '2020-02-12' },
    { i: 9, item: '84 消毒液', quantity: 500, allocate: 300, day: '2020-02-14' },
    { i: 11, item: '红外体温计', quantity: 60, allocate: 60, day: '2020-02-15' },
    { i: 12, item: '医用口罩', quantity: 8_000, allocate: 8_000, day: '2020-02-17' },
    { i: 15, item: '医用口罩', quantity: 5_000, allocate: null, day: '2020-02-19' },
    { i: 17, item: '84 消毒液', quantity: 150, allocate: 150, day: '2020-02-20' },
  ];
  for (const q of requests) {
    steps.push({
      at: at(q.day, 9 * 60 + 30 + q.i),
      run: async () => {
        const e = list[q.i]!;
        const req = await r.supplies.createRequest(enterpriseCtx.get(e.id) ?? admin, { enterpriseId: e.id, itemId: items[q.item]!, quantity: q.quantity, reason: '复工后员工返岗，防护物资储备不足 3 天' });
        now += 2 * 3_600_000;
        if (q.allocate) await r.supplies.actOnRequest(admin, req.id, 'allocate', { quantity: q.allocate });
        else await r.supplies.actOnRequest(admin, req.id, 'refuse', { reason: '该企业尚未复工，暂缓分配' });
      },
    });
  }

  // Major projects (Zigong: 40 restarted first), 46 in the registry; the restarts spread over 10–24 Feb.
  const investment = ctxOf(people.investment);
  const projectIds: string[] = [];
  steps.push({
    at: at('2020-02-07', 15 * 60),
    run: async () => {
      for (const [n, name] of PROJECT_NAMES.entries()) {
        const owner = list[n % 15]!;
        const p = await r.projects.create(investment, { name, ownerEnterpriseId: owner.id, investmentFen: (3 + ((n * 7) % 48)) * 100_000_000 * 100, parkId: owner.parkId, note: null });
        projectIds.push(p.id);
      }
    },
  });
  const restartDays = dayRange('2020-02-10', DEMO_AS_OF);
  for (let n = 0; n < 40; n++) {
    const day = restartDays[Math.min(restartDays.length - 1, Math.floor((n * n) / 110))]!;
    steps.push({ at: at(day, 16 * 60 + n), run: () => r.projects.act(investment, projectIds[n]!, 'restart', { date: day, comment: '施工人员返岗、防控措施落实，项目复工' }) });
  }

  // Visits by the commissioners (the 14 policy measures explained), problems found becoming demands.
  const visitDays = dayRange('2020-02-11', DEMO_AS_OF);
  for (let n = 0; n < 25; n++) {
    const i = (n * 5) % WATCHED;
    if (i === keepFree) continue;
    const talk = VISIT_TALKS[n % VISIT_TALKS.length]!;
    const day = visitDays[Math.floor((n * visitDays.length) / 25)]!;
    steps.push({
      at: at(day, 10 * 60 + 30 + n),
      run: () => r.visits.create(commissionerOf(i)!, { enterpriseId: list[i]!.id, visitDate: day, content: talk.content, policiesExplained: n % 3 === 2 ? null : POLICY_TALK, problems: n < 16 ? talk.problems.map((p) => ({ ...p })) : [] }),
    });
  }
  // Financing needs of 11 watched enterprises (340 million yuan in all), logged by their commissioners.
  FUNDING_NEEDS.forEach((amount, n) => {
    const i = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11][n]!;
    steps.push({
      at: at(addDays('2020-02-12', n % 6), 11 * 60 + n),
      run: () =>
        r.demands.create(commissionerOf(i)!, { enterpriseId: list[i]!.id, category: 'funding', title: `申报融资需求 ${amount} 万元`, description: `企业申报流动资金贷款需求 ${amount} 万元，用于原材料采购和工资发放，请协调银行授信`, department: '经济发展局（金融办）' }),
    });
  });
  // Other demands raised by enterprises or logged by the zone.
  for (const [n, d] of DEMAND_SCRIPT.entries()) {
    const i = d.index;
    const ctx = enterpriseCtx.get(list[i]!.id) ?? admin;
    steps.push({
      at: at(d.day, 9 * 60 + 45 + n),
      run: () => r.demands.create(ctx, { enterpriseId: list[i]!.id, category: d.category, title: d.title, description: d.description, ...(d.dueHours ? { dueAt: at(d.day, 9 * 60 + 45 + n) + d.dueHours * 3_600_000 } : {}) }),
    });
  }

  // Handling: most demands resolved within days; a few in progress; the overdue escalated on the 24th.
  steps.push({ at: at(DEMO_AS_OF, 18 * 60), run: () => r.demands.escalateOverdue(zone.id) });
  const handlers = { funding: ctxOf(people.policy), policy: ctxOf(people.policy), labour: ctxOf(people.labour), approval: approver } as Record<string, Ctx>;
  steps.push({
    at: at('2020-02-20', 17 * 60),
    run: async () => {
      const open = await r.demands.list(admin, { page: 1, pageSize: 200, status: 'open', sort: 'createdAt:asc' } as Parameters<typeof r.demands.list>[1]);
      for (const [n, d] of open.items.entries()) {
        if (n % 6 === 5) continue;
        const handler = handlers[d.category] ?? admin;
        if (n % 5 === 4) await r.demands.act(handler, d.id, 'start', { comment: '已转相关部门办理' });
        else await r.demands.act(handler, d.id, 'resolve', { resolution: d.category === 'funding' ? '已对接合作银行，完成授信审批' : '已协调解决，企业反馈满意' });
      }
    },
  });
  steps.push({
    at: at('2020-02-27', 17 * 60),
    run: async () => {
      const open = await r.demands.list(admin, { page: 1, pageSize: 200, status: 'open', sort: 'createdAt:asc' } as Parameters<typeof r.demands.list>[1]);
      // Leave the escalated ones and the newest few open.
      for (const d of open.items.filter((x) => !x.escalatedAt).slice(0, -3)) await r.demands.act(handlers[d.category] ?? admin, d.id, 'resolve', { resolution: '已协调解决' });
    },
  });

  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    now = step.at;
    await step.run();
  }

  // The history's notices were read long ago.
  for (const p of Object.values(people)) if (p.role !== 'enterprise_user') await past.notifications.markAllRead(ctxOf(p));
  for (const ctx of enterpriseCtx.values()) await past.notifications.markAllRead(ctx);

  // ---- today: plans waiting for review in both commissioners' hands, a draft, today's reports and demands.
  const live = services.resumption;
  const today = live.scope.today();
  const fileToday = async (i: number, ctx: Ctx, submit: boolean) => {
    const e = list[i]!;
    const plan = await live.plans.create(ctx, { enterpriseId: e.id, ...planFields(rand, e.employees ?? 20, addDays(today, 2)) });
    if (!submit) return;
    const evidence = await live.plans.uploadFile(ctx, plan.id, PDF, '五个到位佐证材料.pdf');
    await live.plans.update(ctx, plan.id, { fiveInPlace: Object.fromEntries(Object.entries(FIVE_NOTES).map(([k, note]) => [k, { date: today, note, evidenceFileIds: [evidence.id] }])) });
    await live.plans.act(ctx, plan.id, 'submit', {});
  };
  await fileToday(16, commissioners[0]!, true);
  await fileToday(18, enterpriseCtx.get(list[18]!.id) ?? commissioners[0]!, false);
  await fileToday(21, enterpriseCtx.get(list[21]!.id) ?? commissioners[1]!, true);
  for (const i of [0, 4, 8, 12, 1, 5]) {
    const e = list[i]!;
    await live.reports.put(enterpriseCtx.get(e.id) ?? commissionerOf(i)!, { enterpriseId: e.id, reportDate: today, staffOnSite: Math.round((e.employees ?? 20) * 0.92), capacityPct: 90, suppliesDaysLeft: 12, abnormalTemperature: 0, note: null });
  }
  await live.demands.create(commissioners[0]!, { enterpriseId: list[2]!.id, category: 'labour', title: '订单增加，急需招聘操作工 50 名', description: '企业新接出口订单，需招聘数控操作工 50 名，请人社局协助组织专场招聘' });
  await live.demands.create(commissioners[0]!, { enterpriseId: list[BOSCH]!.id, category: 'materials', title: '进口芯片供应紧张', description: '车载控制器所需进口芯片到货周期延长至 12 周，请协调供应链企业调剂' });
}
