// The resumption figures from given records: each ratio's numerator and denominator, Chongqing's
// tier rates, as-of dates, suspended enterprises, the staff and capacity rates, and the trend.
import { describe, expect, it } from 'vitest';
import type { EnterpriseResumptionStatus } from '@shuangsheng/contracts';
import { computeStats, endOfDayIn, ratio, STATS_DEFINITION_LABELS, type StatsEnterprise, type StatsInput } from './stats.compute.js';

let n = 0;
const ent = (o: Partial<StatsEnterprise> = {}): StatsEnterprise => ({
  id: `e${++n}`,
  name: `企业${n}`,
  parkId: null,
  parkName: null,
  tier: 'other',
  aboveScale: false,
  cityMonitored: false,
  leadingEnterpriseId: null,
  employees: null,
  ...o,
});

/** Statuses that hold from a date on: [enterprise, status, from] — the latest start on or before the date wins. */
function timeline(marks: [StatsEnterprise, EnterpriseResumptionStatus, string][]): StatsInput['statusOn'] {
  return (date) => {
    const out = new Map<string, { status: EnterpriseResumptionStatus }>();
    for (const [e, status, from] of [...marks].sort((a, b) => a[2].localeCompare(b[2]))) if (from <= date) out.set(e.id, { status });
    return out;
  };
}

const base = (o: Partial<StatsInput>): StatsInput => ({
  asOf: '2020-02-24',
  enterprises: [],
  statusOn: () => new Map(),
  latestReports: new Map(),
  projects: { restarted: 0, total: 0 },
  openDemands: {},
  lang: 'zh-CN',
  ...o,
});

describe('ratio', () => {
  it('rounds to 4 decimals and is null over nothing', () => {
    expect(ratio(10, 11)).toEqual({ numerator: 10, denominator: 11, value: 0.9091 });
    expect(ratio(73, 102)).toEqual({ numerator: 73, denominator: 102, value: 0.7157 });
    expect(ratio(4, 4).value).toBe(1);
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe('Chongqing’s three classes', () => {
  const tenBn = Array.from({ length: 4 }, () => ent({ tier: 'ten_billion', cityMonitored: true, aboveScale: true }));
  const bn = Array.from({ length: 11 }, () => ent({ tier: 'billion', cityMonitored: true, aboveScale: true }));
  const hm = Array.from({ length: 102 }, () => ent({ tier: 'hundred_million', aboveScale: true }));
  const marks: [StatsEnterprise, EnterpriseResumptionStatus, string][] = [
    ...tenBn.map((e, i) => [e, 'resumed', `2020-02-1${i}`] as [StatsEnterprise, EnterpriseResumptionStatus, string]),
    ...bn.slice(0, 10).map((e) => [e, 'resumed', '2020-02-20'] as [StatsEnterprise, EnterpriseResumptionStatus, string]),
    [bn[10]!, 'filed', '2020-02-18'],
    ...hm.slice(0, 73).map((e) => [e, 'resumed', '2020-02-21'] as [StatsEnterprise, EnterpriseResumptionStatus, string]),
    ...hm.slice(73, 85).map((e) => [e, 'filed', '2020-02-19'] as [StatsEnterprise, EnterpriseResumptionStatus, string]),
    // Resumed and then suspended: not resumed.
    [hm[85]!, 'resumed', '2020-02-12'],
    [hm[85]!, 'suspended', '2020-02-22'],
  ];
  const stats = computeStats(base({ enterprises: [...tenBn, ...bn, ...hm], statusOn: timeline(marks) }));

  it('come out as 4/4 = 100%, 10/11 = 90.9%, 73/102 = 71.6%', () => {
    const tier = (t: string) => stats.tiers.find((x) => x.tier === t)!.ratio;
    expect(tier('ten_billion')).toEqual({ numerator: 4, denominator: 4, value: 1 });
    expect(tier('billion')).toEqual({ numerator: 10, denominator: 11, value: 0.9091 });
    expect(tier('hundred_million')).toEqual({ numerator: 73, denominator: 102, value: 0.7157 });
    expect((tier('billion').value! * 100).toFixed(1)).toBe('90.9');
    expect((tier('hundred_million').value! * 100).toFixed(1)).toBe('71.6');
    expect(tier('other')).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(stats.tiers.map((t) => t.tier)).toEqual(['ten_billion', 'billion', 'hundred_million', 'other']);
  });

  it('with the overall, above-scale and city-monitored rates and the counts by status', () => {
    expect(stats.overall).toEqual(ratio(87, 117));
    expect(stats.aboveScale).toEqual(ratio(87, 117));
    expect(stats.cityMonitored).toEqual({ numerator: 14, denominator: 15, value: 0.9333 });
    expect(stats.enterprises).toEqual({ total: 117, byStatus: { not_filed: 16, filed: 13, resumed: 87, suspended: 1 } });
  });

  it('the day before the approvals nobody counts as resumed', () => {
    const before = computeStats(base({ asOf: '2020-02-09', enterprises: [...tenBn, ...bn, ...hm], statusOn: timeline(marks) }));
    expect(before.overall).toEqual({ numerator: 0, denominator: 117, value: 0 });
    expect(before.enterprises.byStatus).toEqual({ not_filed: 117, filed: 0, resumed: 0, suspended: 0 });
  });

  it('the trend gives the 14 days up to the date', () => {
    expect(stats.trend).toHaveLength(14);
    expect(stats.trend[0]).toEqual({ date: '2020-02-11', resumed: 2, total: 117 });
    expect(stats.trend.find((d) => d.date === '2020-02-20')).toEqual({ date: '2020-02-20', resumed: 15, total: 117 });
    expect(stats.trend.find((d) => d.date === '2020-02-21')!.resumed).toBe(88);
    // The suspension on the 22nd takes one away.
    expect(stats.trend.at(-1)).toEqual({ date: '2020-02-24', resumed: 87, total: 117 });
  });
});

describe('supply chains and parks', () => {
  it('count each leading enterprise’s suppliers and each park’s enterprises, those in no park last', () => {
    const lead = ent({ name: '龙头', tier: 'ten_billion', parkId: 'p1', parkName: '乙园' });
    const s1 = ent({ leadingEnterpriseId: lead.id, parkId: 'p1', parkName: '乙园' });
    const s2 = ent({ leadingEnterpriseId: lead.id, parkId: 'p2', parkName: '甲园' });
    const s3 = ent({ leadingEnterpriseId: lead.id });
    const loose = ent();
    const stats = computeStats(base({ enterprises: [lead, s1, s2, s3, loose], statusOn: timeline([[lead, 'resumed', '2020-02-10'], [s1, 'resumed', '2020-02-11'], [s3, 'resumed', '2020-02-11'], [loose, 'filed', '2020-02-11']]) }));
    expect(stats.supplyChains).toEqual([{ leadingEnterpriseId: lead.id, leadingEnterpriseName: '龙头', ratio: { numerator: 2, denominator: 3, value: 0.6667 } }]);
    expect(stats.parks).toEqual([
      { parkId: 'p2', parkName: '甲园', ratio: ratio(0, 1) },
      { parkId: 'p1', parkName: '乙园', ratio: ratio(2, 2) },
      { parkId: null, parkName: null, ratio: ratio(1, 2) },
    ]);
  });
});

describe('staff return and capacity', () => {
  it('come from the latest report of each resumed enterprise, over the registered headcount of all', () => {
    const a = ent({ employees: 200 });
    const b = ent({ employees: 100 });
    const suspended = ent({ employees: 50 });
    const notFiled = ent({ employees: 150 });
    const unknownHeadcount = ent({ employees: null });
    const stats = computeStats(base({
      enterprises: [a, b, suspended, notFiled, unknownHeadcount],
      statusOn: timeline([[a, 'resumed', '2020-02-10'], [b, 'resumed', '2020-02-10'], [suspended, 'resumed', '2020-02-10'], [suspended, 'suspended', '2020-02-20'], [unknownHeadcount, 'resumed', '2020-02-12']]),
      latestReports: new Map([
        [a.id, { staffOnSite: 140, capacityPct: 70 }],
        [b.id, { staffOnSite: 45, capacityPct: 55 }],
        [suspended.id, { staffOnSite: 40, capacityPct: 90 }],
        [unknownHeadcount.id, { staffOnSite: 30, capacityPct: 40 }],
      ]),
    }));
    // 140 + 45 of 200 + 100 + 50 + 150; the suspended one's report counts for neither rate.
    expect(stats.staffReturn).toEqual({ numerator: 185, denominator: 500, value: 0.37 });
    // (70 + 55 + 40) / 3 = 55 %
    expect(stats.capacity).toEqual({ numerator: 165, denominator: 3, value: 55 });
  });

  it('are null with no resumed enterprise or no headcount', () => {
    const stats = computeStats(base({ enterprises: [ent()] }));
    expect(stats.staffReturn).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(stats.capacity).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(stats.overall).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe('projects, demands, definitions', () => {
  it('pass the counts through, every demand category listed', () => {
    const stats = computeStats(base({ projects: { restarted: 40, total: 46 }, openDemands: { labour: { open: 3, overdue: 1 }, funding: { open: 11, overdue: 0 } } }));
    expect(stats.majorProjects).toEqual({ numerator: 40, denominator: 46, value: 0.8696 });
    expect(stats.openDemands).toHaveLength(8);
    expect(stats.openDemands[0]).toEqual({ category: 'labour', open: 3, overdue: 1 });
    expect(stats.openDemands.find((d) => d.category === 'funding')).toEqual({ category: 'funding', open: 11, overdue: 0 });
    expect(stats.openDemands.find((d) => d.category === 'other')).toEqual({ category: 'other', open: 0, overdue: 0 });
  });

  it('define every figure in the language asked', () => {
    const zh = computeStats(base({})).definitions;
    const en = computeStats(base({ lang: 'en-US' })).definitions;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(STATS_DEFINITION_LABELS).sort());
    for (const k of ['overall', 'tiers', 'aboveScale', 'cityMonitored', 'supplyChains', 'parks', 'staffReturn', 'capacity', 'majorProjects', 'openDemands', 'trend']) expect(zh[k], k).toMatch(/[\u4e00-\u9fff]/);
    expect(en.overall).toBe('Overall rate = enterprises resumed on the date / all enterprises of the zone.');
  });
});

describe('the end of a day in the zone', () => {
  it('is the next midnight there', () => {
    expect(endOfDayIn('2020-02-24', 'Asia/Shanghai')).toBe(Date.parse('2020-02-24T16:00:00Z'));
    expect(endOfDayIn('2020-02-29', 'Asia/Shanghai')).toBe(Date.parse('2020-02-29T16:00:00Z'));
    expect(endOfDayIn('2020-03-08', 'America/New_York')).toBe(Date.parse('2020-03-09T04:00:00Z'));
    expect(endOfDayIn('2020-03-07', 'America/New_York')).toBe(Date.parse('2020-03-08T05:00:00Z'));
  });
});
