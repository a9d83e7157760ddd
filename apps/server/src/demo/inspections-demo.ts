// The demo zone's park inspections (巡查指导), made through the services with a clock moved through
// late February 2020: the standard specification (工作规范) as the checklist, park plans by risk and
// size, the full inspection of 26 February (“2月26日全面巡查”) over every park by its responsible
// inspector — problems fixed on the spot (立行立改) and others put in the ledger (巡查台账) —, the
// daily follow-up visits (每日回访) of the next days closing most items (one enterprise's shortage
// of masks raised as a demand), a weekend's missed visit and a passed deadline escalated, a few
// items still open; a census (园区摸排) per park. Then today: an open round with the inspector's
// pending tasks and today's follow-ups, so the phone page has work.
import sharp from 'sharp';
import { permissionsOf, type ChecklistAnswerInput, type ChecklistItem, type FindingDraft, type Role } from '@shuangsheng/contracts';
import { addDays } from '../platform/calendar.js';
import type { Clock } from '../platform/clock.js';
import type { Actor, Ctx, Deps } from '../platform/context.js';
import { makeServices, type Services } from '../services.js';
import { STANDARD_CHECKLIST, STANDARD_CHECKLIST_NAME, STANDARD_CHECKLIST_NOTE } from './inspection-checklist.js';
import type { DemoPerson } from './resumption-demo.js';

export type DemoPark = { id: string; buildings: string[] };
export type DemoParkEnterprise = { id: string; parkId: string | null; name: string };

/** The day of the full inspection and the round's name. */
export const DEMO_ROUND_DATE = '2020-02-26';
export const DEMO_ROUND_NAME = '2月26日全面巡查';
/** The follow-ups of the history run up to this day. */
const LAST_HISTORY_DAY = '2020-03-04';
/** The day the masks asked for from a finding were delivered (the demand resolved). */
const DEMAND_RESOLVED_ON = '2020-03-02';
/** The weekend's visits were not made (escalated on the Sunday). */
const MISSED_DAYS = new Set(['2020-02-29']);

const at = (day: string, minutes: number) => Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000;

function actorCtx(zoneId: string, p: DemoPerson): Ctx {
  const actor: Actor = { userId: p.id, username: p.username, displayName: p.displayName, homeZoneId: zoneId, roles: [p.role], permissions: permissionsOf([p.role as Role]), enterpriseId: null };
  return { actor, zoneId, requestId: null, ip: null, lang: 'zh-CN' };
}

/** A failed item on the 26th: where, what, and what becomes of it. */
type Problem = {
  park: number;
  /** The place: the park's entrance or inner area, its n-th building or n-th enterprise walked. */
  where: 'entrance' | 'inner' | { building: number } | { enterprise: number };
  itemKey: string;
  value?: number;
  description: string;
} & (
  | { disposition: 'fixed_on_spot' }
  | { disposition: 'ledger'; party: string | 'enterprise'; measure: string; deadline: string; closeOn: string | null; closeNote?: string; visitNote: string; demand?: { category: 'supplies'; title: string; description: string; department: string } }
);

const PROBLEMS: Problem[] = [
  // 板仓工业园
  { park: 0, where: 'entrance', itemKey: 'vehicle_registration', description: '南门只登记外来车辆，园区企业车辆未登记', disposition: 'ledger', party: '板仓物业公司', measure: '南门增设车辆登记岗，所有进出车辆逐一登记车牌、驾乘人员和事由', deadline: '2020-02-28', closeOn: '2020-02-28', visitNote: '已增设登记岗，正在补齐登记表格', closeNote: '南门登记岗已设立，抽查当日登记记录完整' },
  { park: 0, where: { building: 1 }, itemKey: 'distancing_marks', description: '电梯厅 1 米线地贴脱落，排队间距不足', disposition: 'fixed_on_spot' },
  { park: 0, where: { enterprise: 0 }, itemKey: 'office_area', value: 2.1, description: '研发部在岗 48 人，办公面积 100 平方米，人均 2.1 平方米', disposition: 'ledger', party: 'enterprise', measure: '安排轮岗和居家办公，在岗人数降至 40 人以下，人均面积不低于 2.5 平方米', deadline: '2020-03-03', closeOn: '2020-03-02', visitNote: '已制定轮岗表，在岗人数降至 44 人', closeNote: '实行两班轮岗，在岗 38 人，人均 2.6 平方米，验收合格' },
  // 高新科技孵化园
  { park: 1, where: 'inner', itemKey: 'publicity', description: '宣传栏仍为 1 月旧版防疫材料', disposition: 'fixed_on_spot' },
  { park: 1, where: 'entrance', itemKey: 'entrance_temperature', description: '测温点无测温登记记录，体温异常处置流程未张贴', disposition: 'ledger', party: '孵化园运营公司', measure: '测温点建立测温登记本，张贴体温异常处置流程', deadline: '2020-02-27', closeOn: '2020-02-27', visitNote: '', closeNote: '测温登记本已建立，处置流程已张贴' },
  { park: 1, where: { enterprise: 1 }, itemKey: 'canteen_staggered', description: '食堂未错峰就餐，12 点就餐高峰人员密集', disposition: 'ledger', party: 'enterprise', measure: '分三个时段错峰就餐，餐桌加装隔板，同向就座', deadline: '2020-03-06', closeOn: null, visitNote: '隔板已采购，错峰方案待员工大会通过' },
  // 航空航天产业园
  { park: 2, where: { building: 0 }, itemKey: 'building_disinfection', description: '总装厂房公共区域消毒记录缺 2 月 24—25 日', disposition: 'ledger', party: '园区物业', measure: '补齐消毒记录，每日两次消毒并由专人签字', deadline: '2020-02-28', closeOn: '2020-02-28', visitNote: '消毒已恢复，记录表已更换为双签字版本', closeNote: '连续两日消毒记录完整，验收合格' },
  { park: 2, where: { building: 1 }, itemKey: 'elevator_load', value: 6, description: '电梯内未张贴站位提示，高峰时段乘梯 6 人', disposition: 'fixed_on_spot' },
  // 生物医药产业园
  { park: 3, where: { enterprise: 0 }, itemKey: 'isolation_room', description: '未设置临时隔离观察室，发热人员处置流程不清', disposition: 'ledger', party: 'enterprise', measure: '在一楼设置临时隔离观察室，明确发热人员处置流程和责任人', deadline: '2020-02-29', closeOn: null, visitNote: '已选定一楼库房改建，正在采购物资' },
  {
    park: 3, where: { enterprise: 1 }, itemKey: 'supplies_days', value: 3, description: '口罩储备仅够 3 天，消毒液不足', disposition: 'ledger', party: 'enterprise', measure: '联系物资保障组调配口罩，储备达到 7 天以上', deadline: '2020-03-03', closeOn: '2020-03-03', visitNote: '已申请调配口罩 2000 只，待配送', closeNote: '调配口罩到位，储备可用 10 天',
    demand: { category: 'supplies', title: '口罩储备不足，申请调配', description: '企业在岗 120 人，口罩储备仅够 3 天，申请调配医用口罩 2000 只、消毒液 50 升', department: '后勤保障组' },
  },
  { park: 3, where: { building: 0 }, itemKey: 'distancing_marks', description: 'GMP 车间 1 入口未设 1 米线', disposition: 'fixed_on_spot' },
];

/** Values that meet each number item's standard, varied a little by park. */
const PASSING: Record<string, (i: number) => number> = {
  entrance_spacing: (i) => 1.2 + (i % 3) * 0.3,
  elevator_load: (i) => 3 + (i % 2),
  office_area: (i) => 3.4 + (i % 4) * 0.6,
  desk_distance: (i) => 1.2 + (i % 3) * 0.2,
  supplies_days: (i) => 9 + (i % 5) * 2,
};

const CENSUS_DIFFICULTIES = [
  '外地员工约三成未返岗，部分需隔离 14 天；口罩日耗约 3000 只',
  '初创企业流动资金紧张，希望房租减免政策尽快落地',
  '上游配套企业复工慢，部件供应缺口约 20%',
  '原料药运输受阻，需开具通行证明',
];

export async function seedInspectionsDemo(
  deps: Deps,
  services: Services,
  zone: { id: string; ctx: Ctx },
  people: { admin: DemoPerson; inspector: DemoPerson },
  parks: DemoPark[],
  enterprises: DemoParkEnterprise[],
): Promise<void> {
  let now = at('2020-02-25', 15 * 60);
  const clock: Clock = { now: () => now };
  const past = makeServices({ ...deps, clock }, { timeZone: services.timeZone, drawLicencesNow: false });
  const ins = past.inspections;
  const admin = actorCtx(zone.id, people.admin);
  const inspector = actorCtx(zone.id, people.inspector);
  const photos = await Promise.all([[160, 120, 130], [90, 150, 200], [200, 160, 80], [120, 190, 140]].map(([r, g, b]) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: r!, g: g!, b: b! } } }).jpeg().toBuffer()));
  let photoN = 0;
  const upload = async (taskId: string, name: string) => (await ins.tasks.uploadPhoto(inspector, taskId, photos[photoN++ % photos.length]!, name)).id;

  // ---- 25 Feb: the specification and the park plans
  const template = await ins.templates.create(admin, { name: STANDARD_CHECKLIST_NAME, items: STANDARD_CHECKLIST, note: STANDARD_CHECKLIST_NOTE });
  const plans = [
    { risk: 'high', size: 'large', frequencyDays: 3 },
    { risk: 'medium', size: 'medium', frequencyDays: 5 },
    { risk: 'medium', size: 'large', frequencyDays: 5 },
    { risk: 'high', size: 'medium', frequencyDays: 3 },
  ] as const;
  for (const [i, p] of parks.entries()) await ins.parks.setPlan(admin, p.id, plans[i % plans.length]!);

  // ---- 26 Feb: the full inspection, park by park
  now = at(DEMO_ROUND_DATE, 8 * 60);
  const round = await ins.rounds.create(admin, { name: DEMO_ROUND_NAME, roundDate: DEMO_ROUND_DATE, templateId: template.id, parkIds: parks.map((p) => p.id) });
  const tasks = (await ins.tasks.list(admin, { roundId: round.id, page: 1, pageSize: 100 })).items;
  const items: ChecklistItem[] = STANDARD_CHECKLIST;
  const findingOf = new Map<string, Problem>(); // finding id → its problem
  for (const [pi, park] of parks.entries()) {
    const task = tasks.find((x) => x.parkId === park.id)!;
    now = at(DEMO_ROUND_DATE, 9 * 60 + pi * 100);
    const inPark = enterprises.filter((e) => e.parkId === park.id).slice(0, 2);
    const walk: { where: Problem['where']; input: { place: 'entrance' | 'inner' | 'building' | 'enterprise'; buildingId?: string; enterpriseId?: string } }[] = [
      { where: 'entrance', input: { place: 'entrance' } },
      ...park.buildings.slice(0, 2).map((id, n) => ({ where: { building: n }, input: { place: 'building' as const, buildingId: id } })),
      ...inPark.map((e, n) => ({ where: { enterprise: n }, input: { place: 'enterprise' as const, enterpriseId: e.id } })),
      { where: 'inner', input: { place: 'inner' } },
    ];
    const sameWhere = (a: Problem['where'], b: Problem['where']) => JSON.stringify(a) === JSON.stringify(b);
    for (const [wi, w] of walk.entries()) {
      const { place } = await ins.tasks.addPlace(inspector, task.id, w.input);
      for (const item of items.filter((it) => it.place === w.input.place)) {
        now += 60_000;
        const problem = PROBLEMS.find((p) => p.park === pi && sameWhere(p.where, w.where) && p.itemKey === item.key);
        const photoFileIds = item.photoRequired || problem ? [await upload(task.id, `${item.key}.jpg`)] : [];
        let finding: FindingDraft | null = null;
        if (problem?.disposition === 'fixed_on_spot') {
          finding = { disposition: 'fixed_on_spot', description: problem.description, afterPhotoFileIds: [await upload(task.id, `${item.key}-整改后.jpg`)] };
        } else if (problem) {
          const party = problem.party === 'enterprise' ? (inPark[(problem.where as { enterprise: number }).enterprise]?.name ?? '企业') : problem.party;
          finding = { disposition: 'ledger', description: problem.description, afterPhotoFileIds: [], responsibleParty: party.slice(0, 100), measure: problem.measure, deadline: problem.deadline };
        }
        // Enterprises without a canteen answer “not applicable”.
        const na = item.key === 'canteen_staggered' && !problem && (pi + wi) % 2 === 0;
        const input: ChecklistAnswerInput =
          item.kind === 'number'
            ? { placeId: place.id, itemKey: item.key, value: problem?.value ?? PASSING[item.key]?.(pi + wi) ?? item.threshold ?? 0, photoFileIds, finding }
            : { placeId: place.id, itemKey: item.key, result: problem ? 'fail' : na ? 'na' : 'pass', photoFileIds, finding };
        await ins.tasks.answer(inspector, task.id, input);
      }
    }
    now += 5 * 60_000;
    const done = await ins.tasks.act(inspector, task.id, 'submit', {});
    for (const f of done.findings) {
      const problem = PROBLEMS.find((p) => p.park === pi && p.itemKey === f.itemKey);
      if (problem) findingOf.set(f.id, problem);
    }
  }

  // A finding that needs the zone's help becomes a demand; the census of each park.
  now = at(DEMO_ROUND_DATE, 16 * 60 + 30);
  const demands: string[] = [];
  for (const [id, p] of findingOf) if (p.disposition === 'ledger' && p.demand) demands.push((await ins.findings.raiseDemand(inspector, id, p.demand)).demandId!);
  now = at(DEMO_ROUND_DATE, 17 * 60);
  for (const [pi, park] of parks.entries()) {
    const known = await ins.census.prefill(inspector, park.id, DEMO_ROUND_DATE);
    const staffLeft = Math.round(known.employees * (0.28 + (pi % 3) * 0.04));
    await ins.census.create(inspector, {
      parkId: park.id,
      roundId: round.id,
      censusDate: DEMO_ROUND_DATE,
      enterprises: known.enterprises,
      employees: known.employees,
      staffLeft,
      staffReturned: Math.round(staffLeft * (0.55 + (pi % 4) * 0.08)),
      enterprisesResumed: known.enterprisesResumed,
      difficulties: CENSUS_DIFFICULTIES[pi % CENSUS_DIFFICULTIES.length]!,
    });
  }

  // ---- the days after: the morning job, the inspector's visits, closings
  for (let day = addDays(DEMO_ROUND_DATE, 1); day <= LAST_HISTORY_DAY; day = addDays(day, 1)) {
    now = at(day, 8 * 60);
    await ins.followups.run(zone.id);
    // The logistics group delivers the masks asked for.
    if (day === DEMAND_RESOLVED_ON) {
      now = at(day, 9 * 60);
      for (const id of demands) await past.resumption.demands.act(admin, id, 'resolve', { resolution: '物资保障组已调配医用口罩 2000 只、消毒液 50 升，企业已签收' });
    }
    if (MISSED_DAYS.has(day)) continue;
    const due = (await ins.tasks.list(inspector, { mine: true, kind: 'follow_up', dueDate: day, status: 'pending', page: 1, pageSize: 100 })).items;
    for (const [n, task] of due.entries()) {
      now = at(day, 10 * 60 + n * 25);
      const problem = findingOf.get(task.findingId ?? '');
      if (!problem || problem.disposition !== 'ledger') continue;
      if (problem.closeOn === day) {
        const after = await upload(task.id, '整改后.jpg');
        await ins.followups.submit(inspector, task.id, { note: problem.closeNote ?? '整改到位，验收合格', photoFileIds: [], close: true, afterPhotoFileIds: [after] });
      } else {
        await ins.followups.submit(inspector, task.id, { note: problem.visitNote || '整改进行中，明日继续回访', photoFileIds: [], close: false, afterPhotoFileIds: [] });
      }
    }
  }

  // The history's notices were read long ago.
  await past.notifications.markAllRead(admin);
  await past.notifications.markAllRead(inspector);

  // ---- today: an open round over two parks for the inspector, and today's follow-ups.
  const live = services.inspections;
  const today = live.scope.today();
  if (today > LAST_HISTORY_DAY) {
    const [, m, d] = today.split('-').map(Number);
    await live.rounds.create(admin, { name: `${m}月${d}日日常巡查`, roundDate: today, templateId: template.id, parkIds: parks.slice(0, 2).map((p) => p.id) });
    await live.followups.run(zone.id);
  }
}
