// The resumption figures through the API: Chongqing's three classes (4/4 = 100%, 10/11 = 90.9%,
// 73/102 = 71.6%) from the records, as of any date (none resumed before the approvals; suspended
// enterprises not resumed), staff return and capacity from the latest reports, supply chains,
// parks, major projects and open demands as of a date, the workbook, bad dates and who may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makePark, newAdmin, signedInUser, signInAs, type Caller, type TestZone } from '../../test/factories.js';
import { makeFiledEnterprise, makeResumedEnterprise } from '../../test/resumption-factories.js';

const at = (day: string, time = '10:00') => Date.parse(`${day}T${time}:00+08:00`);
const clock = testClock(at('2020-02-20'));
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

type Ratio = { numerator: number; denominator: number; value: number | null };
const pct = (r: Ratio) => (r.value === null ? null : (r.value * 100).toFixed(1));
const tierOf = (stats: { tiers: { tier: string; ratio: Ratio }[] }, tier: string) => stats.tiers.find((x) => x.tier === tier)!.ratio;

describe('Chongqing’s three classes', () => {
  let admin: Caller & { zone: TestZone };
  const staffed: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const suspended: string[] = [];
  const get = async (query = '', caller: Caller = admin) => {
    const res = await caller.call({ method: 'GET', url: `/api/resumption/stats${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const created = await newAdmin(t.app, t.services);
    admin = created;
    const s = t.services;
    const z = admin.zone;
    const watched = { aboveScale: true, cityMonitored: true };
    // Filed and approved on 20 Feb.
    clock.set(at('2020-02-20'));
    for (let i = 0; i < 4; i++) {
      const { enterprise } = await makeResumedEnterprise(s, z, { tier: 'ten_billion', ...watched, ...(i === 0 ? { employees: 200 } : {}) });
      if (i === 0) staffed.a = enterprise.id;
    }
    for (let i = 0; i < 10; i++) {
      const { enterprise } = await makeResumedEnterprise(s, z, { tier: 'billion', ...watched, ...(i === 0 ? { employees: 100 } : {}) });
      if (i === 0) staffed.b = enterprise.id;
    }
    await makeFiledEnterprise(s, z, { tier: 'billion', ...watched });
    for (let i = 0; i < 75; i++) {
      const { enterprise } = await makeResumedEnterprise(s, z, { tier: 'hundred_million', aboveScale: true, ...(i === 73 ? { employees: 50 } : {}) });
      if (i >= 73) suspended.push(enterprise.id);
    }
    staffed.c = suspended[0]!;
    for (let i = 0; i < 12; i++) await makeFiledEnterprise(s, z, { tier: 'hundred_million', aboveScale: true });
    for (let i = 0; i < 15; i++) {
      const e = await makeEnterprise(s, z, { tier: 'hundred_million', aboveScale: true, ...(i === 0 ? { employees: 150 } : {}) });
      if (i === 0) staffed.d = e.id;
    }
    // Three small ones outside the classes, one resumed.
    await makeResumedEnterprise(s, z, { tier: 'other' });
    await makeEnterprise(s, z, { tier: 'other' });
    await makeEnterprise(s, z, { tier: 'other' });

    const report = (enterpriseId: string, reportDate: string, staffOnSite: number, capacityPct: number) =>
      s.resumption.reports.put(z.ctx, { enterpriseId, reportDate, staffOnSite, capacityPct, suppliesDaysLeft: 5, abnormalTemperature: 0 });
    clock.set(at('2020-02-21'));
    await report(staffed.a, '2020-02-21', 100, 50);
    await report(staffed.b, '2020-02-21', 60, 60);
    await report(staffed.c, '2020-02-21', 40, 90);
    // Two of the 亿元以上 class are suspended on the 22nd.
    clock.set(at('2020-02-22'));
    for (const id of suspended) await s.resumption.status.suspend(z.ctx, id, { reason: '发现疑似病例，停工消杀', date: '2020-02-22' });
    clock.set(at('2020-02-23'));
    await report(staffed.a, '2020-02-23', 140, 70);
    clock.set(at('2020-02-24'));
    // Signed in again: the session of the 20th has expired.
    admin = { ...admin, ...(await signInAs(t.app, created.admin.username)) };
  }, 240_000);

  it('come out as 4/4 = 100%, 10/11 = 90.9%, 73/102 = 71.6% on 24 Feb (the zone’s today by default)', async () => {
    const stats = await get();
    expect(stats.asOf).toBe('2020-02-24');
    expect(tierOf(stats, 'ten_billion')).toEqual({ numerator: 4, denominator: 4, value: 1 });
    expect(tierOf(stats, 'billion')).toEqual({ numerator: 10, denominator: 11, value: 0.9091 });
    expect(tierOf(stats, 'hundred_million')).toEqual({ numerator: 73, denominator: 102, value: 0.7157 });
    expect([pct(tierOf(stats, 'ten_billion')), pct(tierOf(stats, 'billion')), pct(tierOf(stats, 'hundred_million'))]).toEqual(['100.0', '90.9', '71.6']);
    expect(tierOf(stats, 'other')).toEqual({ numerator: 1, denominator: 3, value: 0.3333 });
    expect(stats.overall).toEqual({ numerator: 88, denominator: 120, value: 0.7333 });
    expect(stats.aboveScale).toEqual({ numerator: 87, denominator: 117, value: 0.7436 });
    expect(stats.cityMonitored).toEqual({ numerator: 14, denominator: 15, value: 0.9333 });
    expect(stats.enterprises).toEqual({ total: 120, byStatus: { not_filed: 17, filed: 13, resumed: 88, suspended: 2 } });
    expect(Object.keys(stats.definitions)).toEqual(expect.arrayContaining(['overall', 'tiers', 'staffReturn', 'capacity', 'majorProjects', 'openDemands', 'trend']));
    expect(stats.definitions.overall).toMatch(/^总体复工率/);
  });

  it('count nobody as resumed the day before the approvals, and the suspended as resumed before their suspension', async () => {
    const before = await get('?asOf=2020-02-19');
    expect(before.overall).toEqual({ numerator: 0, denominator: 120, value: 0 });
    expect(before.tiers.map((x: { ratio: Ratio }) => x.ratio.numerator)).toEqual([0, 0, 0, 0]);
    expect(before.enterprises.byStatus).toEqual({ not_filed: 120, filed: 0, resumed: 0, suspended: 0 });

    const onThe21st = await get('?asOf=2020-02-21');
    expect(tierOf(onThe21st, 'hundred_million')).toEqual({ numerator: 75, denominator: 102, value: 0.7353 });
    expect(onThe21st.enterprises.byStatus).toEqual({ not_filed: 17, filed: 13, resumed: 90, suspended: 0 });
    expect(tierOf(await get('?asOf=2020-02-22'), 'hundred_million').numerator).toBe(73);
  });

  it('take staff on site and capacity from each resumed enterprise’s latest report up to the date', async () => {
    // 24th: a's report of the 23rd (140, 70%), b's of the 21st (60, 60%); c is suspended.
    const s24 = await get('?asOf=2020-02-24');
    expect(s24.staffReturn).toEqual({ numerator: 200, denominator: 500, value: 0.4 });
    expect(s24.capacity).toEqual({ numerator: 130, denominator: 2, value: 65 });
    // 22nd: a's report of the 21st; c suspended that day.
    const s22 = await get('?asOf=2020-02-22');
    expect(s22.staffReturn).toEqual({ numerator: 160, denominator: 500, value: 0.32 });
    expect(s22.capacity).toEqual({ numerator: 110, denominator: 2, value: 55 });
    // 21st: all three reports; before them, none.
    const s21 = await get('?asOf=2020-02-21');
    expect(s21.staffReturn).toEqual({ numerator: 200, denominator: 500, value: 0.4 });
    expect(s21.capacity).toEqual({ numerator: 200, denominator: 3, value: 66.6667 });
    const s20 = await get('?asOf=2020-02-20');
    expect(s20.staffReturn).toEqual({ numerator: 0, denominator: 500, value: 0 });
    expect(s20.capacity).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('give the trend over the 14 days up to the date', async () => {
    const { trend } = await get();
    expect(trend).toHaveLength(14);
    expect(trend[0]).toEqual({ date: '2020-02-11', resumed: 0, total: 120 });
    expect(trend.slice(-5)).toEqual([
      { date: '2020-02-20', resumed: 90, total: 120 },
      { date: '2020-02-21', resumed: 90, total: 120 },
      { date: '2020-02-22', resumed: 88, total: 120 },
      { date: '2020-02-23', resumed: 88, total: 120 },
      { date: '2020-02-24', resumed: 88, total: 120 },
    ]);
  });

  it('export the figures and the enterprises as of the date to Excel', async () => {
    const res = await admin.call({ method: 'GET', url: '/api/resumption/stats.xlsx?asOf=2020-02-24' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('2020-02-24.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '企业']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const figures = rows('指标');
    expect(figures[0]).toEqual(['指标', '分子', '分母', '比率', '口径']);
    const find = (label: string) => figures.find((r) => r[0] === label)!;
    expect(find('分级复工率 · 百亿级').slice(1, 4)).toEqual([4, 4, '100.0%']);
    expect(find('分级复工率 · 十亿级').slice(1, 4)).toEqual([10, 11, '90.9%']);
    expect(find('分级复工率 · 亿元以上').slice(1, 4)).toEqual([73, 102, '71.6%']);
    expect(find('员工返岗率').slice(1, 4)).toEqual([200, 500, '40.0%']);
    expect(find('平均产能利用率').slice(1, 4)).toEqual([130, 2, '65.0%']);
    expect(String(find('总体复工率')[4])).toMatch(/^总体复工率 = /);
    const enterprises = rows('企业');
    expect(enterprises).toHaveLength(121);
    expect(enterprises.filter((r) => r[6] === '已复工')).toHaveLength(88);
    expect(enterprises.filter((r) => r[6] === '已停工')).toHaveLength(2);

    const en = await admin.call({ method: 'GET', url: '/api/resumption/stats.xlsx?asOf=2020-02-19&lang=en-US' });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual(['Figures', 'Enterprises']);
    expect((wbEn.getWorksheet('Figures')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['Overall rate', 0, 120, '0.0%']);
  });

  it('answer in English with English definitions', async () => {
    const res = await admin.call({ method: 'GET', url: '/api/resumption/stats?asOf=2020-02-24', headers: { 'accept-language': 'en-US' } });
    expect(res.json().definitions.overall).toBe('Overall rate = enterprises resumed on the date / all enterprises of the zone.');
  });
});

describe('supply chains, parks, major projects and open demands', () => {
  it('count each leading enterprise’s suppliers, each park, projects restarted and demands open at the end of the date', async () => {
    clock.set(at('2020-02-20'));
    const { zone } = await newAdmin(t.app, t.services);
    const s = t.services;
    const park = await makePark(s, zone, '板仓工业园');
    const lead = await makeResumedEnterprise(s, zone, { tier: 'ten_billion', name: '龙头汽车', parkId: park.id });
    const supplier = await makeResumedEnterprise(s, zone, { leadingEnterpriseId: lead.enterprise.id, parkId: park.id });
    await makeFiledEnterprise(s, zone, { leadingEnterpriseId: lead.enterprise.id });
    await makeEnterprise(s, zone, { leadingEnterpriseId: lead.enterprise.id, parkId: park.id });
    expect(supplier.plan.approvedOn).toBe('2020-02-20');

    const projects = await Promise.all(['一号项目', '二号项目', '三号项目'].map((name) => s.resumption.projects.create(zone.ctx, { name, investmentFen: 100_000_000_00, parkId: park.id })));
    await s.resumption.projects.act(zone.ctx, projects[0]!.id, 'restart', { date: '2020-02-20' });

    clock.set(at('2020-02-21'));
    const labour = await s.resumption.demands.create(zone.ctx, { enterpriseId: supplier.enterprise.id, category: 'labour', title: '缺少操作工', description: '需招用 30 名操作工' });
    await s.resumption.demands.create(zone.ctx, { enterpriseId: supplier.enterprise.id, category: 'supplies', title: '口罩不足', description: '口罩仅够两天', dueAt: at('2020-02-22', '12:00') });
    clock.set(at('2020-02-23'));
    await s.resumption.demands.act(zone.ctx, labour.id, 'resolve', { resolution: '人社局组织专场招聘，已到岗 30 人' });
    await s.resumption.projects.act(zone.ctx, projects[1]!.id, 'restart', { date: '2020-02-23' });
    clock.set(at('2020-02-24'));

    const caller = await signedInUser(t.app, s, zone, ['leader']);
    const get = async (asOf: string) => (await caller.call({ method: 'GET', url: `/api/resumption/stats?asOf=${asOf}` })).json();
    const s24 = await get('2020-02-24');
    expect(s24.supplyChains).toEqual([{ leadingEnterpriseId: lead.enterprise.id, leadingEnterpriseName: '龙头汽车', ratio: { numerator: 1, denominator: 3, value: 0.3333 } }]);
    expect(s24.parks).toEqual([
      { parkId: park.id, parkName: '板仓工业园', ratio: { numerator: 2, denominator: 3, value: 0.6667 } },
      { parkId: null, parkName: null, ratio: { numerator: 0, denominator: 1, value: 0 } },
    ]);
    expect(s24.majorProjects).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
    const demand = (stats: { openDemands: { category: string; open: number; overdue: number }[] }, category: string) => stats.openDemands.find((d) => d.category === category);
    expect(demand(s24, 'labour')).toEqual({ category: 'labour', open: 0, overdue: 0 });
    expect(demand(s24, 'supplies')).toEqual({ category: 'supplies', open: 1, overdue: 1 });
    expect(s24.openDemands).toHaveLength(8);

    const s21 = await get('2020-02-21');
    expect(s21.majorProjects).toEqual({ numerator: 1, denominator: 3, value: 0.3333 });
    expect(demand(s21, 'labour')).toEqual({ category: 'labour', open: 1, overdue: 0 });
    expect(demand(s21, 'supplies')).toEqual({ category: 'supplies', open: 1, overdue: 0 });
    // Due at noon on the 22nd: overdue at the end of that day.
    expect(demand(await get('2020-02-22'), 'supplies')).toEqual({ category: 'supplies', open: 1, overdue: 1 });
    const s20 = await get('2020-02-20');
    expect(demand(s20, 'labour')!.open).toBe(0);
    expect(s20.majorProjects.numerator).toBe(1);
  });
});

describe('bad dates and who may read', () => {
  let admin: Caller & { zone: TestZone };
  beforeAll(async () => {
    clock.set(at('2020-02-24'));
    admin = await newAdmin(t.app, t.services);
  });

  it('refuse a date after today or before 2000, naming asOf', async () => {
    for (const url of ['/api/resumption/stats', '/api/resumption/stats.xlsx']) {
      const future = await admin.call({ method: 'GET', url: `${url}?asOf=2020-02-25` });
      expect(future.statusCode, url).toBe(400);
      expect(future.json().error.details, url).toEqual([{ path: 'asOf', message: '不能晚于今天（2020-02-24）' }]);
      const early = await admin.call({ method: 'GET', url: `${url}?asOf=1999-12-31`, headers: { 'accept-language': 'en-US' } });
      expect(early.statusCode, url).toBe(400);
      expect(early.json().error.details, url).toEqual([{ path: 'asOf', message: 'cannot be before 2000-01-01' }]);
      const bad = await admin.call({ method: 'GET', url: `${url}?asOf=2020-02-30` });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().error.details[0].path, url).toBe('asOf');
    }
  });

  it('an empty zone has figures of nothing', async () => {
    const stats = (await admin.call({ method: 'GET', url: '/api/resumption/stats' })).json();
    expect(stats.overall).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(stats.majorProjects).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(stats.supplyChains).toEqual([]);
    expect(stats.parks).toEqual([]);
  });

  it('leaders and commissioners read the figures; enterprise users and inspectors do not', async () => {
    const enterprise = await makeEnterprise(t.services, admin.zone);
    for (const roles of [['leader'], ['commissioner'], ['approval_officer']] as const) {
      const u = await signedInUser(t.app, t.services, admin.zone, [...roles]);
      expect((await u.call({ method: 'GET', url: '/api/resumption/stats' })).statusCode, roles[0]).toBe(200);
    }
    const ent = await signedInUser(t.app, t.services, admin.zone, ['enterprise_user'], { enterpriseId: enterprise.id });
    const inspector = await signedInUser(t.app, t.services, admin.zone, ['inspector']);
    for (const u of [ent, inspector]) {
      for (const url of ['/api/resumption/stats', '/api/resumption/stats.xlsx']) expect((await u.call({ method: 'GET', url })).statusCode, url).toBe(403);
    }
  });
});

