// The enterprise's resumption status, derived from its records on any date and never typed:
// not filed → filed (first submission) → resumed from the approval date → suspended by an officer
// (from a date, with the reason) → resumed again; its periods; the list of the zone's enterprises
// on a date with filters, figures from the latest daily report, and the Excel export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseResumption, EnterpriseResumptionHistory } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makePark, newAdmin, signedInUser, signInAs, type TestZone } from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';
import { makeFiledEnterprise, makeResumedEnterprise } from '../../test/resumption-factories.js';
import type { Role } from '@shuangsheng/contracts';

const DAY = 86_400_000;
/** 09:00 in Shanghai on the given day of February 2020. */
const feb = (d: number) => Date.UTC(2020, 1, d, 1, 0, 0);
const clock = testClock(feb(10));
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

/** Someone of the zone signed in now (sessions end after two idle hours, and the tests move days). */
const as = (zone: TestZone, roles: Role[], enterpriseId?: string) => signedInUser(t.app, t.services, zone, roles, enterpriseId ? { enterpriseId } : {});

async function notices(userId: string, kind: string) {
  return (await t.deps.database.db.selectFrom('notifications').select('params_json').where('user_id', '=', userId).where('kind', '=', kind).orderBy('created_at').orderBy('id').execute()).map((n) => JSON.parse(n.params_json));
}

describe('status on any date', () => {
  it('not filed → filed → resumed from the approval date → suspended → resumed again, with its periods', async () => {
    clock.set(feb(10));
    const { zone } = await newAdmin(t.app, t.services);
    const { enterprise, plan } = await makeFiledEnterprise(t.services, zone, { name: '重庆钢铁股份有限公司', employees: 200 });
    const owner = await as(zone, ['enterprise_user'], enterprise.id);
    const commissioner = await as(zone, ['commissioner']);
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: enterprise.id, isPrimary: true });
    const on = async (asOf: string) => (await t.services.resumption.status.statusesOn(zone.id, asOf, [enterprise.id])).get(enterprise.id);
    expect(await on('2020-02-09')).toEqual({ status: 'not_filed', since: null, planId: null, planStatus: null });
    expect(await on('2020-02-10')).toEqual({ status: 'filed', since: '2020-02-10', planId: plan.id, planStatus: 'submitted' });

    clock.set(feb(12));
    await t.services.resumption.plans.act(zone.ctx, plan.id, 'approve', {});
    const reader = await t.services.resumption.status.statusReader(zone.id);
    expect(reader('2020-02-11').get(enterprise.id)).toMatchObject({ status: 'filed', since: '2020-02-10' });
    expect(reader('2020-02-12').get(enterprise.id)).toEqual({ status: 'resumed', since: '2020-02-12', planId: plan.id, planStatus: 'approved' });

    // An officer suspends it from a past day, with the reason.
    clock.set(feb(20));
    const officer = await as(zone, ['approval_officer']);
    const url = `/api/resumption/enterprises/${enterprise.id}/actions`;
    const suspended = await officer.call({ method: 'POST', url: `${url}/suspend`, payload: { reason: '发现发热员工，停工消杀', date: '2020-02-18' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect((suspended.json() as EnterpriseResumptionHistory).current).toMatchObject({ status: 'suspended', since: '2020-02-18' });
    expect(await on('2020-02-17')).toMatchObject({ status: 'resumed', since: '2020-02-12' });
    expect(await on('2020-02-18')).toMatchObject({ status: 'suspended', since: '2020-02-18' });
    expect(await notices(owner.user.id, 'resumption.suspended')).toEqual([{ enterpriseName: '重庆钢铁股份有限公司', date: '2020-02-18', reason: '发现发热员工，停工消杀' }]);
    expect(await notices(commissioner.user.id, 'resumption.suspended')).toHaveLength(1);

    const again = await officer.call({ method: 'POST', url: `${url}/suspend`, payload: { reason: '再次停工' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'state.enterprise_resumption', message: '企业当前为“已停工”，不能停工', details: { status: 'suspended' } });
    const future = await officer.call({ method: 'POST', url: `${url}/resume`, payload: { date: '2020-02-21' } });
    expect(future.json().error.details).toEqual([{ path: 'date', message: '不能晚于今天（2020-02-20）' }]);
    const early = await officer.call({ method: 'POST', url: `${url}/resume`, payload: { date: '2020-02-17' } });
    expect(early.json().error.details).toEqual([{ path: 'date', message: '不能早于 2020-02-18' }]);
    const resumed = await officer.call({ method: 'POST', url: `${url}/resume`, payload: { comment: '消杀完成，复查合格' } });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toEqual({
      current: expect.objectContaining({ enterpriseId: enterprise.id, status: 'resumed', since: '2020-02-20', employees: 200, planStatus: 'approved', commissioner: { id: commissioner.user.id, name: commissioner.user.displayName } }),
      history: [
        { status: 'filed', from: '2020-02-10', to: '2020-02-12', reason: null },
        { status: 'resumed', from: '2020-02-12', to: '2020-02-18', reason: null },
        { status: 'suspended', from: '2020-02-18', to: '2020-02-20', reason: '发现发热员工，停工消杀' },
        { status: 'resumed', from: '2020-02-20', to: null, reason: null },
      ],
    });
    expect(await notices(owner.user.id, 'resumption.resumed')).toEqual([{ enterpriseName: '重庆钢铁股份有限公司', date: '2020-02-20' }]);
    const twice = await officer.call({ method: 'POST', url: `${url}/resume`, payload: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toEqual({ status: 'resumed' });

    // Not inside an earlier suspension, nor before the approval.
    for (const date of ['2020-02-19', '2020-02-11']) {
      const res = await officer.call({ method: 'POST', url: `${url}/suspend`, payload: { reason: '补记停工', date } });
      expect(res.statusCode, date).toBe(409);
    }
    // The same reader answers every date from one read.
    const history = await t.services.resumption.status.statusReader(zone.id, [enterprise.id]);
    expect(['2020-02-09', '2020-02-10', '2020-02-12', '2020-02-18', '2020-02-19', '2020-02-20', '2020-03-01'].map((d) => history(d).get(enterprise.id)!.status)).toEqual([
      'not_filed', 'filed', 'resumed', 'suspended', 'suspended', 'resumed', 'resumed',
    ]);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', enterprise.id).where('action', 'like', 'enterprise_resumption.%').execute();
    // Both were written at the same instant of the test clock: order by what they say, not by time.
    audit.sort((a, b) => JSON.parse(a.after_json!).date.localeCompare(JSON.parse(b.after_json!).date));
    expect(audit.map((a) => [a.action, JSON.parse(a.after_json!)])).toEqual([
      ['enterprise_resumption.suspend', { status: 'suspended', date: '2020-02-18', reason: '发现发热员工，停工消杀' }],
      ['enterprise_resumption.resume', { status: 'resumed', date: '2020-02-20', comment: '消杀完成，复查合格' }],
    ]);
    // The enterprise reads its own history; another enterprise's user does not find it.
    const ownerNow = await signInAs(t.app, owner.user.username);
    expect((await ownerNow.call({ method: 'GET', url: `/api/resumption/enterprises/${enterprise.id}/history` })).json().history).toHaveLength(4);
    const other = await makeEnterprise(t.services, zone);
    const stranger = await as(zone, ['enterprise_user'], other.id);
    expect((await stranger.call({ method: 'GET', url: `/api/resumption/enterprises/${enterprise.id}/history` })).statusCode).toBe(404);
  });

  it('a suspension lifted the day it began leaves no suspended day; a refused plan still counts as filed; suspend and resume only by assigned reviewers', async () => {
    clock.set(feb(12));
    const { zone } = await newAdmin(t.app, t.services);
    const { enterprise } = await makeResumedEnterprise(t.services, zone);
    await t.services.resumption.status.suspend(zone.ctx, enterprise.id, { reason: '误操作' });
    await t.services.resumption.status.resume(zone.ctx, enterprise.id, {});
    const h = await t.services.resumption.status.history(zone.ctx, enterprise.id);
    expect(h.history.map((p) => [p.status, p.from, p.to])).toEqual([['resumed', '2020-02-12', null]]);

    const refused = await makeFiledEnterprise(t.services, zone);
    await t.services.resumption.plans.act(zone.ctx, refused.plan.id, 'refuse', { reason: '不符合条件' });
    expect((await t.services.resumption.status.statusesOn(zone.id, '2020-02-12', [refused.enterprise.id])).get(refused.enterprise.id)).toEqual({ status: 'filed', since: '2020-02-12', planId: refused.plan.id, planStatus: 'refused' });

    const commissioner = await as(zone, ['commissioner']);
    const leader = await as(zone, ['leader']);
    const owner = await as(zone, ['enterprise_user'], enterprise.id);
    const url = `/api/resumption/enterprises/${enterprise.id}/actions/suspend`;
    const notAssigned = await commissioner.call({ method: 'POST', url, payload: { reason: '越权停工' } });
    expect(notAssigned.statusCode).toBe(403);
    expect(notAssigned.json().error.code).toBe('rule.not_commissioner');
    for (const caller of [leader, owner]) expect((await caller.call({ method: 'POST', url, payload: { reason: '越权停工' } })).statusCode).toBe(403);
    const noReason = await commissioner.call({ method: 'POST', url, payload: { date: '2020-02-12' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: '必填' }]);
    // The body is parsed by action, yet control characters are refused as on every route (PostgreSQL cannot store NUL).
    const nul = await as(zone, ['approval_officer']);
    for (const [action, payload, path] of [['suspend', { reason: '停工\u0000整改' }, 'reason'], ['resume', { comment: '复工\u0000' }, 'comment']] as const) {
      const res = await nul.call({ method: 'POST', url: `/api/resumption/enterprises/${enterprise.id}/actions/${action}`, payload });
      expect(res.statusCode, action).toBe(400);
      expect(res.json().error.details, action).toEqual([{ path, message: '不能包含控制字符（如空字符）' }]);
    }
    expect(await t.deps.database.db.selectFrom('resumption_suspensions').select('id').where('enterprise_id', '=', enterprise.id).where('resumed_on', 'is', null).execute()).toEqual([]);
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: enterprise.id, isPrimary: true });
    // Two officers at once: one suspension.
    const officer = await as(zone, ['approval_officer']);
    const both = await Promise.all([commissioner.call({ method: 'POST', url, payload: { reason: '停工甲' } }), officer.call({ method: 'POST', url, payload: { reason: '停工乙' } })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await t.deps.database.db.selectFrom('resumption_suspensions').select('reason').where('enterprise_id', '=', enterprise.id).where('resumed_on', 'is', null).execute();
    expect(rows).toHaveLength(1);
    // Another zone's enterprise is not found.
    const foreign = await makeResumedEnterprise(t.services, (await newAdmin(t.app, t.services)).zone);
    const res = await officer.call({ method: 'POST', url: `/api/resumption/enterprises/${foreign.enterprise.id}/actions/suspend`, payload: { reason: '越区停工' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual({ entity: 'enterprise', id: foreign.enterprise.id });
  });
});

describe('the zone’s enterprises on a date', () => {
  it('lists every enterprise with its status, the latest report’s figures and its commissioner; filters; exports', async () => {
    clock.set(feb(10));
    const { zone } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '西永微电园');
    const a = await makeResumedEnterprise(t.services, zone, { name: '甲·惠普重庆', parkId: park.id, employees: 400, tier: 'ten_billion', aboveScale: true });
    const b = await makeResumedEnterprise(t.services, zone, { name: '乙·富士康', tier: 'billion', fields: { employeesTotal: 50, plannedOnSite: 40, returnedToCity: 45, stillOutside: 5 } });
    clock.set(feb(11));
    const c = await makeFiledEnterprise(t.services, zone, { name: '丙·广达', parkId: park.id });
    const d = await makeEnterprise(t.services, zone, { name: '丁·英业达' });
    const commissioner = await as(zone, ['commissioner']);
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: a.enterprise.id, isPrimary: true });
    await t.services.resumption.reports.put(zone.ctx, { enterpriseId: a.enterprise.id, reportDate: '2020-02-10', staffOnSite: 100, capacityPct: 30, suppliesDaysLeft: 7, abnormalTemperature: 0 });
    await t.services.resumption.reports.put(zone.ctx, { enterpriseId: a.enterprise.id, reportDate: '2020-02-11', staffOnSite: 300, capacityPct: 60, suppliesDaysLeft: 6, abnormalTemperature: 0 });
    await t.services.resumption.reports.put(zone.ctx, { enterpriseId: b.enterprise.id, reportDate: '2020-02-11', staffOnSite: 20, capacityPct: 45, suppliesDaysLeft: 5, abnormalTemperature: 1 });

    const reader = await as(zone, ['leader']);
    const list = async (q: string) => (await reader.call({ method: 'GET', url: `/api/resumption/enterprises${q}` })).json() as { items: EnterpriseResumption[]; total: number };
    const today = await list('');
    expect(today.total).toBe(4);
    expect(today.items.map((r) => [r.enterpriseName, r.status, r.since])).toEqual([
      ['丁·英业达', 'not_filed', null],
      ['丙·广达', 'filed', '2020-02-11'],
      ['乙·富士康', 'resumed', '2020-02-10'],
      ['甲·惠普重庆', 'resumed', '2020-02-10'],
    ].sort((x, y) => new Intl.Collator('zh-CN').compare(x[0]!, y[0]!)));
    const rowA = today.items.find((r) => r.enterpriseId === a.enterprise.id)!;
    expect(rowA).toEqual({
      enterpriseId: a.enterprise.id, enterpriseName: '甲·惠普重庆', creditCode: a.enterprise.creditCode, parkId: park.id, parkName: '西永微电园', tier: 'ten_billion', aboveScale: true, cityMonitored: false,
      employees: 400, status: 'resumed', since: '2020-02-10', planId: a.plan.id, planStatus: 'approved', latestReportDate: '2020-02-11', staffOnSite: 300, capacityPct: 60, staffReturnRate: 0.75,
      commissioner: { id: commissioner.user.id, name: commissioner.user.displayName },
    });
    // Without a registry headcount, the approved plan's counts.
    expect(today.items.find((r) => r.enterpriseId === b.enterprise.id)).toMatchObject({ employees: 50, staffOnSite: 20, staffReturnRate: 0.4, commissioner: null });
    expect(today.items.find((r) => r.enterpriseId === d.id)).toMatchObject({ planId: null, planStatus: null, latestReportDate: null, staffOnSite: null });

    // As of an earlier date: the report of that date, the plan not yet filed.
    const before = await list('?asOf=2020-02-10');
    expect(before.items.map((r) => [r.enterpriseName, r.status, r.latestReportDate, r.staffOnSite])).toEqual(
      [
        ['丁·英业达', 'not_filed', null, null],
        ['丙·广达', 'not_filed', null, null],
        ['乙·富士康', 'resumed', null, null],
        ['甲·惠普重庆', 'resumed', '2020-02-10', 100],
      ].sort((x, y) => new Intl.Collator('zh-CN').compare(x[0] as string, y[0] as string)),
    );
    expect((await list('?asOf=2020-02-09')).items.every((r) => r.status === 'not_filed')).toBe(true);

    const names = async (q: string) => (await list(q)).items.map((r) => r.enterpriseName);
    expect(await names('?status=resumed&tier=ten_billion')).toEqual(['甲·惠普重庆']);
    expect(await names(`?parkId=${park.id}&status=filed`)).toEqual(['丙·广达']);
    expect(await names('?q=富士康')).toEqual(['乙·富士康']);
    expect((await commissioner.call({ method: 'GET', url: '/api/resumption/enterprises?mine=true' })).json().items.map((r: EnterpriseResumption) => r.enterpriseName)).toEqual(['甲·惠普重庆']);
    const paged = await list('?page=2&pageSize=3');
    expect([paged.total, paged.items.length]).toEqual([4, 1]);
    expect(c.plan.status).toBe('submitted');

    const future = await reader.call({ method: 'GET', url: '/api/resumption/enterprises?asOf=2020-02-12' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'asOf', message: '不能晚于今天（2020-02-11）' }]);
    expect((await reader.call({ method: 'GET', url: '/api/resumption/enterprises?status=open' })).statusCode).toBe(400);

    const sheet = await xlsxResponse(await reader.call({ method: 'GET', url: '/api/resumption/enterprises/export.xlsx?asOf=2020-02-11&status=resumed' }));
    expect(column(sheet, '企业名称').sort()).toEqual(['乙·富士康', '甲·惠普重庆'].sort());
    expect(column(sheet, '状态（2020-02-11）')).toEqual(['已复工', '已复工']);
    expect(column(sheet, '返岗率').sort()).toEqual(['40.0%', '75.0%']);

    // Enterprise users do not read the zone's list.
    const owner = await as(zone, ['enterprise_user'], a.enterprise.id);
    expect((await owner.call({ method: 'GET', url: '/api/resumption/enterprises' })).statusCode).toBe(403);
    expect((await owner.call({ method: 'GET', url: `/api/resumption/enterprises/${a.enterprise.id}/history` })).json().current).toMatchObject({ status: 'resumed', staffOnSite: 300 });
    // A suspended enterprise shows no current figures.
    await t.services.resumption.status.suspend(zone.ctx, a.enterprise.id, { reason: '停工整改' });
    expect((await list('?status=suspended')).items.map((r) => [r.enterpriseName, r.latestReportDate, r.staffOnSite, r.staffReturnRate])).toEqual([['甲·惠普重庆', '2020-02-11', null, null]]);
    clock.advance(DAY);
  });
});
