// The commissioner's workbench (their enterprises with status, the plan waiting and its hours
// left, last visit, open and overdue demands, today's missing report; who may open whose) and the
// enterprise's resumption profile (history, plans, the latest 60 reports, demands, visits; enterprise
// users only their own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makeUser, newAdmin, signedInUser, signInAs, type Caller, type TestZone } from '../../test/factories.js';
import { makeFiledEnterprise, makeResumedEnterprise } from '../../test/resumption-factories.js';
import { addDays } from '../../platform/calendar.js';

const at = (day: string, time = '10:00') => Date.parse(`${day}T${time}:00+08:00`);
const clock = testClock(at('2020-02-20'));
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

type Row = { enterpriseId: string; enterpriseName: string; isPrimary: boolean; status: string; planStatus: string | null; hoursLeft: number | null; lastVisitOn: string | null; openDemands: number; overdueDemands: number; reportMissingToday: boolean };

describe('the commissioner’s workbench', () => {
  let zone: TestZone;
  let admin: Caller;
  let mine: Caller & { user: { id: string; username: string } };
  let other: { id: string };
  const e: Record<'reported' | 'missing' | 'waiting' | 'demands' | 'others', string> = { reported: '', missing: '', waiting: '', demands: '', others: '' };

  beforeAll(async () => {
    clock.set(at('2020-02-20'));
    const created = await newAdmin(t.app, t.services);
    zone = created.zone;
    const s = t.services;
    const me = await makeUser(s, zone, ['commissioner']);
    other = await makeUser(s, zone, ['commissioner']);
    e.reported = (await makeResumedEnterprise(s, zone, { name: '己方报送企业', employees: 80 })).enterprise.id;
    e.missing = (await makeResumedEnterprise(s, zone, { name: '己方漏报企业' })).enterprise.id;
    e.demands = (await makeEnterprise(s, zone, { name: '己方诉求企业' })).id;
    e.others = (await makeResumedEnterprise(s, zone, { name: '他人企业' })).enterprise.id;
    // Demands of one enterprise: one overdue by the 24th, one resolved; one more raised on the 24th.
    await s.resumption.demands.create(zone.ctx, { enterpriseId: e.demands, category: 'labour', title: '缺工', description: '缺少 20 名操作工', dueAt: at('2020-02-21') });
    const done = await s.resumption.demands.create(zone.ctx, { enterpriseId: e.demands, category: 'logistics', title: '物流不畅', description: '原料运输受阻' });
    clock.set(at('2020-02-21'));
    await s.resumption.demands.act(zone.ctx, done.id, 'resolve', { resolution: '已办理通行证' });
    clock.set(at('2020-02-24', '09:00'));
    e.waiting = (await makeFiledEnterprise(s, zone, { name: '己方待审企业' })).enterprise.id;
    for (const [id, isPrimary] of [[e.reported, true], [e.missing, true], [e.demands, true], [e.waiting, false]] as const) {
      await s.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: me.id, targetId: id, isPrimary });
    }
    await s.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: other.id, targetId: e.waiting, isPrimary: true });
    await s.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: other.id, targetId: e.others, isPrimary: true });
    await s.resumption.reports.put(zone.ctx, { enterpriseId: e.reported, reportDate: '2020-02-24', staffOnSite: 60, capacityPct: 75, suppliesDaysLeft: 6, abnormalTemperature: 0 });
    await s.resumption.demands.create(zone.ctx, { enterpriseId: e.demands, category: 'funding', title: '流动资金紧张', description: '需贷款 500 万元' });
    // Visits on the 22nd and the 23rd (recorded for the primary commissioner).
    await s.resumption.visits.create(zone.ctx, { enterpriseId: e.demands, visitDate: '2020-02-22', content: '了解复工困难', problems: [] });
    await s.resumption.visits.create(zone.ctx, { enterpriseId: e.demands, visitDate: '2020-02-23', content: '宣讲支持政策', policiesExplained: '14 条政策措施', problems: [] });
    clock.set(at('2020-02-24'));
    admin = await signInAs(t.app, created.admin.username);
    mine = { user: me, ...(await signInAs(t.app, me.username)) };
  });

  it('lists the signed-in commissioner’s enterprises, the waiting plan first, with what needs doing', async () => {
    const res = await mine.call({ method: 'GET', url: '/api/resumption/workbench' });
    expect(res.statusCode, res.body).toBe(200);
    const wb = res.json();
    expect(wb.today).toBe('2020-02-24');
    expect(wb.commissioner.id).toBe(mine.user.id);
    const rows: Row[] = wb.enterprises;
    expect(rows.map((r) => r.enterpriseId).sort()).toEqual([e.reported, e.missing, e.demands, e.waiting].sort());
    expect(rows[0]!.enterpriseId).toBe(e.waiting);
    expect(rows.at(-1)!.enterpriseId).toBe(e.reported);
    const by = (id: string) => rows.find((r) => r.enterpriseId === id)!;
    expect(by(e.waiting)).toMatchObject({ status: 'filed', planStatus: 'submitted', hoursLeft: 23, isPrimary: false, reportMissingToday: false, openDemands: 0 });
    expect(by(e.missing)).toMatchObject({ status: 'resumed', planStatus: 'approved', hoursLeft: null, isPrimary: true, reportMissingToday: true });
    expect(by(e.reported)).toMatchObject({ status: 'resumed', reportMissingToday: false, lastVisitOn: null });
    expect(by(e.demands)).toMatchObject({ status: 'not_filed', planId: null, planStatus: null, openDemands: 2, overdueDemands: 1, lastVisitOn: '2020-02-23', reportMissingToday: false });
    expect(wb.counts).toEqual({ enterprises: 4, plansWaiting: 1, reportsMissing: 1, openDemands: 2, overdueDemands: 1 });
  });

  it('shows the hours left going down with the clock, and negative once late', async () => {
    clock.set(at('2020-02-25', '11:30'));
    try {
      const late = await signInAs(t.app, mine.user.username);
      const rows: Row[] = (await late.call({ method: 'GET', url: '/api/resumption/workbench' })).json().enterprises;
      expect(rows.find((r) => r.enterpriseId === e.waiting)!.hoursLeft).toBe(-2.5);
      // A new day: yesterday's report no longer counts for today.
      expect(rows.find((r) => r.enterpriseId === e.reported)!.reportMissingToday).toBe(true);
    } finally {
      clock.set(at('2020-02-24'));
    }
  });

  it('lets the zone admin and leaders open a named commissioner’s, but not a commissioner another’s', async () => {
    const theirs = await admin.call({ method: 'GET', url: `/api/resumption/workbench?commissionerId=${other.id}` });
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.json().enterprises.map((r: Row) => r.enterpriseId).sort()).toEqual([e.waiting, e.others].sort());
    expect(theirs.json().enterprises.find((r: Row) => r.enterpriseId === e.waiting).isPrimary).toBe(true);
    const leader = await signedInUser(t.app, t.services, zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: `/api/resumption/workbench?commissionerId=${mine.user.id}` })).json().counts.enterprises).toBe(4);

    const refused = await mine.call({ method: 'GET', url: `/api/resumption/workbench?commissionerId=${other.id}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({ code: 'rule.own_workbench_only', message: '只能查看本人的特派员工作台' });
    expect((await mine.call({ method: 'GET', url: `/api/resumption/workbench?commissionerId=${mine.user.id}` })).statusCode).toBe(200);

    // The admin's own workbench is empty; so is an inspector's.
    expect((await admin.call({ method: 'GET', url: '/api/resumption/workbench' })).json()).toMatchObject({ enterprises: [], counts: { enterprises: 0, plansWaiting: 0, reportsMissing: 0, openDemands: 0, overdueDemands: 0 } });
    const inspector = await signedInUser(t.app, t.services, zone, ['inspector']);
    expect((await inspector.call({ method: 'GET', url: '/api/resumption/workbench' })).json().enterprises).toEqual([]);
    // Enterprise users have no workbench.
    const ent = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: e.reported });
    expect((await ent.call({ method: 'GET', url: '/api/resumption/workbench' })).statusCode).toBe(403);
  });

  it('refuses a commissioner of another zone naming the field, and a malformed id', async () => {
    const foreign = await newAdmin(t.app, t.services);
    const stranger = await makeUser(t.services, foreign.zone, ['commissioner']);
    const res = await admin.call({ method: 'GET', url: `/api/resumption/workbench?commissionerId=${stranger.id}` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'commissionerId' } });
    const bad = await admin.call({ method: 'GET', url: '/api/resumption/workbench?commissionerId=nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('commissionerId');
  });

});

describe('the enterprise’s resumption profile', () => {
  let zone: TestZone;
  let admin: Caller;
  let id: string;
  let neighbour: string;

  beforeAll(async () => {
    // Resumed on 31 Dec 2019, reports for the 62 days up to 2 March, suspended 3–5 March.
    clock.set(at('2019-12-31'));
    const created = await newAdmin(t.app, t.services);
    zone = created.zone;
    const s = t.services;
    const c = await makeUser(s, zone, ['commissioner']);
    const made = await makeResumedEnterprise(s, zone, { name: '档案企业', employees: 120 });
    id = made.enterprise.id;
    neighbour = (await makeResumedEnterprise(s, zone, { name: '邻居企业' })).enterprise.id;
    await s.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: c.id, targetId: id, isPrimary: true });
    clock.set(at('2020-03-03'));
    for (let d = '2020-01-01'; d <= '2020-03-02'; d = addDays(d, 1)) await s.resumption.reports.put(zone.ctx, { enterpriseId: id, reportDate: d, staffOnSite: 100, capacityPct: 80, suppliesDaysLeft: 5, abnormalTemperature: 0 });
    await s.resumption.reports.put(zone.ctx, { enterpriseId: neighbour, reportDate: '2020-03-02', staffOnSite: 10, capacityPct: 50, suppliesDaysLeft: 5, abnormalTemperature: 0 });
    await s.resumption.status.suspend(zone.ctx, id, { reason: '出现发热员工，停工排查', date: '2020-03-03' });
    await s.resumption.visits.create(zone.ctx, { enterpriseId: id, visitDate: '2020-03-03', content: '指导停工排查', problems: [{ category: 'supplies', title: '消毒液不足', description: '需消毒液 200 升' }] });
    await s.resumption.demands.create(zone.ctx, { enterpriseId: neighbour, category: 'labour', title: '邻居的诉求', description: '不应出现在档案里' });
    clock.set(at('2020-03-05'));
    await s.resumption.status.resume(zone.ctx, id, { date: '2020-03-05', comment: '排查无异常' });
    clock.set(at('2020-03-06'));
    admin = await signInAs(t.app, created.admin.username);
  });

  it('gives the current status, the history, plans, the latest 60 reports, demands and visits', async () => {
    const res = await admin.call({ method: 'GET', url: `/api/resumption/enterprises/${id}/profile` });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.current).toMatchObject({ enterpriseId: id, enterpriseName: '档案企业', status: 'resumed', since: '2020-03-05', latestReportDate: '2020-03-02' });
    expect(p.history).toEqual([
      { status: 'resumed', from: '2019-12-31', to: '2020-03-03', reason: null },
      { status: 'suspended', from: '2020-03-03', to: '2020-03-05', reason: '出现发热员工，停工排查' },
      { status: 'resumed', from: '2020-03-05', to: null, reason: null },
    ]);
    expect(p.plans).toHaveLength(1);
    expect(p.plans[0]).toMatchObject({ enterpriseId: id, status: 'approved', approvedOn: '2019-12-31' });
    expect(p.reports).toHaveLength(60);
    expect(p.reports[0].reportDate).toBe('2020-03-02');
    expect(p.reports[59].reportDate).toBe('2020-01-03');
    expect(p.reports.every((r: { enterpriseId: string }) => r.enterpriseId === id)).toBe(true);
    expect(p.demands).toHaveLength(1);
    expect(p.demands[0]).toMatchObject({ enterpriseId: id, category: 'supplies', title: '消毒液不足', source: 'visit' });
    expect(p.visits).toHaveLength(1);
    expect(p.visits[0]).toMatchObject({ enterpriseId: id, visitDate: '2020-03-03', demandIds: [p.demands[0].id] });
  });

  it('shows an enterprise user their own, and no other enterprise’s', async () => {
    const own = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: id });
    expect((await own.call({ method: 'GET', url: `/api/resumption/enterprises/${id}/profile` })).json().current.enterpriseId).toBe(id);
    const res = await own.call({ method: 'GET', url: `/api/resumption/enterprises/${neighbour}/profile` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', details: { entity: 'enterprise', id: neighbour } });
    const leader = await signedInUser(t.app, t.services, zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: `/api/resumption/enterprises/${neighbour}/profile` })).statusCode).toBe(200);
  });

  it('is not found for another zone’s enterprise or none at all', async () => {
    const foreign = await newAdmin(t.app, t.services);
    for (const other of [id, '00000000-0000-7000-8000-000000000000']) {
      const res = await foreign.call({ method: 'GET', url: `/api/resumption/enterprises/${other}/profile` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', details: { entity: 'enterprise', id: other } });
    }
  });
});
