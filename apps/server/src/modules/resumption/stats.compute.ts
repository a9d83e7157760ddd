// The resumption figures (复工率 and the rest), pure: from the registry's briefs, each enterprise's
// derived status on a date, its latest daily report, and the project and demand counts. Every
// figure is a ratio with its numerator and denominator, as the zone reports them upward (Chongqing:
// 4/4 百亿级, 10/11 十亿级, 73/102 亿元以上).
import {
  DEMAND_CATEGORIES,
  ENTERPRISE_RESUMPTION_STATUSES,
  SCALE_TIERS,
  labelIn,
  type DemandCategory,
  type EnterpriseResumptionStatus,
  type Lang,
  type Ratio,
  type ResumptionStats,
} from '@shuangsheng/contracts';
import { addDays } from '../../platform/calendar.js';
import { dayStartIn } from '../../platform/time.js';

/** What the figures need of an enterprise (a subset of enterprises.briefs). */
export type StatsEnterprise = {
  id: string;
  name: string;
  parkId: string | null;
  parkName: string | null;
  tier: (typeof SCALE_TIERS)[number];
  aboveScale: boolean;
  cityMonitored: boolean;
  leadingEnterpriseId: string | null;
  employees: number | null;
};
export type LatestReport = { staffOnSite: number; capacityPct: number };
export type StatusOn = (date: string) => Map<string, { status: EnterpriseResumptionStatus }>;
export type DemandCounts = Partial<Record<DemandCategory, { open: number; overdue: number }>>;

export type StatsInput = {
  asOf: string;
  enterprises: readonly StatsEnterprise[];
  /** Each enterprise's derived status on any date (enterprises missing from the map are not filed). */
  statusOn: StatusOn;
  /** The latest daily report on or before asOf, by enterprise. */
  latestReports: ReadonlyMap<string, LatestReport>;
  projects: { restarted: number; total: number };
  openDemands: DemandCounts;
  lang: Lang;
};

/** Days of the trend, asOf included. */
export const TREND_DAYS = 14;

/** numerator / denominator rounded to 4 decimals; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

/** The definitions of the figures, as the API, the export and the OpenAPI description give them. */
export const STATS_DEFINITION_LABELS: Record<string, [zh: string, en: string]> = {
  resumed: ['“已复工”：截至统计日，企业的复工申请已批准（自批准日起）且未处于停工期间；由记录推算，不人工填写。', '"Resumed": on the date, the enterprise\'s plan is approved (from its approval date) and it is not suspended; derived from the records, never typed.'],
  overall: ['总体复工率 = 统计日已复工企业数 / 本区全部企业数。', 'Overall rate = enterprises resumed on the date / all enterprises of the zone.'],
  tiers: ['分级复工率：按上年产值分为百亿级（≥100 亿元）、十亿级（≥10 亿元）、亿元以上（≥1 亿元）、其他，各级已复工企业数 / 该级企业数。', 'By tier: by last year\'s output — ≥10 bn yuan, ≥1 bn, ≥100 m, other — enterprises resumed in the tier / enterprises in the tier.'],
  aboveScale: ['规上企业复工率 = 已复工的规模以上企业数 / 规模以上企业数。', 'Above-scale = above-scale enterprises resumed / above-scale enterprises.'],
  cityMonitored: ['市级监测企业复工率 = 已复工的市级部门监测企业数 / 市级部门监测企业数。', 'City-monitored = enterprises monitored by city departments that resumed / those enterprises.'],
  supplyChains: ['产业链配套复工率：每家龙头企业，其配套企业（登记的所属龙头企业为它）中已复工数 / 配套企业数。', 'Supply chains: for each leading enterprise, its suppliers (registered with it as their leading enterprise) resumed / its suppliers.'],
  parks: ['园区复工率：每个园区（及未入园企业）已复工企业数 / 企业数。', 'Parks: for each park (and enterprises in no park), enterprises resumed / enterprises.'],
  staffReturn: ['员工返岗率 = 已复工且登记了职工人数的企业，截至统计日最近一份日报的在岗人数之和 / 本区登记了职工人数的全部企业职工人数之和（以企业登记数为准）。', 'Staff return = Σ staff on site in the latest daily report up to the date of each resumed enterprise with a registered headcount / Σ registered employees of all the zone\'s enterprises with a headcount.'],
  capacity: ['平均产能利用率 = 已复工企业截至统计日最近一份日报的产能利用率（%）之和 / 有日报的已复工企业数；数值为百分数。', 'Average capacity = Σ capacity utilisation (%) in the latest daily report up to the date of each resumed enterprise / the number of such enterprises with a report; the value is a percentage.'],
  majorProjects: ['重大项目复工率 = 统计日及以前已复工的重大项目数 / 重大项目总数。', 'Major projects = major projects restarted on or before the date / all major projects.'],
  openDemands: ['未办结诉求：统计日 24 时（本区时间）仍为待办理或办理中的诉求，按类别计；超期 = 其中已过办理时限的。', 'Open demands: demands still open or in progress at the end of the date (the zone\'s time), by category; overdue = those past their due time.'],
  trend: ['复工趋势：截至统计日的 14 天，每天的已复工企业数与企业总数。', 'Trend: on each of the 14 days up to the date, enterprises resumed and all enterprises.'],
};

export function statsDefinitions(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(STATS_DEFINITION_LABELS).map(([k, v]) => [k, labelIn(lang, v)]));
}

export function computeStats(input: StatsInput): ResumptionStats {
  const { asOf, enterprises } = input;
  const onDay = input.statusOn(asOf);
  const statusOf = (id: string): EnterpriseResumptionStatus => onDay.get(id)?.status ?? 'not_filed';
  const resumed = (e: StatsEnterprise) => statusOf(e.id) === 'resumed';
  const rateOf = (list: readonly StatsEnterprise[]) => ratio(list.filter(resumed).length, list.length);

  const byStatus = Object.fromEntries(ENTERPRISE_RESUMPTION_STATUSES.map((s) => [s, 0])) as Record<EnterpriseResumptionStatus, number>;
  for (const e of enterprises) byStatus[statusOf(e.id)]++;

  const names = new Map(enterprises.map((e) => [e.id, e.name]));
  const suppliersOf = groupBy(enterprises.filter((e) => e.leadingEnterpriseId !== null), (e) => e.leadingEnterpriseId!);
  const supplyChains = [...suppliersOf.entries()]
    .map(([leadingEnterpriseId, list]) => ({ leadingEnterpriseId, leadingEnterpriseName: names.get(leadingEnterpriseId) ?? '', ratio: rateOf(list) }))
    .sort((a, b) => b.ratio.denominator - a.ratio.denominator || a.leadingEnterpriseName.localeCompare(b.leadingEnterpriseName, 'zh-CN'));

  const inPark = groupBy(enterprises, (e) => e.parkId ?? '');
  const parks = [...inPark.entries()]
    .map(([parkId, list]) => ({ parkId: parkId || null, parkName: parkId ? (list[0]!.parkName ?? null) : null, ratio: rateOf(list) }))
    // Parks by name, enterprises in no park last.
    .sort((a, b) => (a.parkId === null ? 1 : b.parkId === null ? -1 : (a.parkName ?? '').localeCompare(b.parkName ?? '', 'zh-CN')));

  // Staff and capacity from the latest report of each resumed enterprise; the staff rate keeps to
  // enterprises with a registered headcount on both sides, so it never compares unlike groups.
  let staffOnSite = 0;
  let capacitySum = 0;
  let reporting = 0;
  for (const e of enterprises) {
    if (!resumed(e)) continue;
    const r = input.latestReports.get(e.id);
    if (!r) continue;
    if (e.employees !== null) staffOnSite += r.staffOnSite;
    capacitySum += r.capacityPct;
    reporting++;
  }
  const employees = enterprises.reduce((sum, e) => sum + (e.employees ?? 0), 0);
  const capacity: Ratio = { numerator: capacitySum, denominator: reporting, value: reporting === 0 ? null : Math.round((capacitySum / reporting) * 10_000) / 10_000 };

  const trend: ResumptionStats['trend'] = [];
  for (let i = TREND_DAYS - 1; i >= 0; i--) {
    const date = addDays(asOf, -i);
    const statuses = date === asOf ? onDay : input.statusOn(date);
    let n = 0;
    for (const e of enterprises) if (statuses.get(e.id)?.status === 'resumed') n++;
    trend.push({ date, resumed: n, total: enterprises.length });
  }

  return {
    asOf,
    enterprises: { total: enterprises.length, byStatus },
    overall: rateOf(enterprises),
    tiers: SCALE_TIERS.map((tier) => ({ tier, ratio: rateOf(enterprises.filter((e) => e.tier === tier)) })),
    aboveScale: rateOf(enterprises.filter((e) => e.aboveScale)),
    cityMonitored: rateOf(enterprises.filter((e) => e.cityMonitored)),
    supplyChains,
    parks,
    staffReturn: ratio(staffOnSite, employees),
    capacity,
    majorProjects: ratio(input.projects.restarted, input.projects.total),
    openDemands: DEMAND_CATEGORIES.map((category) => ({ category, open: input.openDemands[category]?.open ?? 0, overdue: input.openDemands[category]?.overdue ?? 0 })),
    trend,
    definitions: statsDefinitions(input.lang),
  };
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The instant a calendar date ends in a time zone (the next day's midnight there), in epoch ms. */
export function endOfDayIn(date: string, timeZone: string): number {
  return dayStartIn(addDays(date, 1), timeZone);
}
