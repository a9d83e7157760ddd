// Daily reports (复工日报) through the API: one per enterprise and day (a second replaces the
// first, audited with both; parallel reports of a day leave one row), counts checked against the
// enterprise's employees, dates in range, only while resumed; who may report; the list, its
// export, the resumed enterprises that have not reported, and the reminder after the cut-off hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyReport, MissingReport } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makePark, newAdmin, signedInUser, type TestZone } from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';
import { makeFiledEnterprise, makeResumedEnterprise } from '../../test/resumption-factories.js';
import type { Role } from '@shuangsheng/contracts';

const HOUR = 3_600_000;
const START = Date.UTC(2020, 1, 24, 1, 0, 0); // 09:00 on 24 February 2020 in Shanghai
const clock = testClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const as = (zone: TestZone, roles: Role[], enterpriseId?: string) => signedInUser(t.app, t.services, zone, roles, enterpriseId ? { enterpriseId } : {});
const report = (over: Record<string, unknown> = {}) => ({ reportDate: '2020-02-24', staffOnSite: 60, capacityPct: 55, suppliesDaysLeft: 6, abnormalTemperature: 0, ...over });

async function rowsOf(enterpriseId: string) {
  return t.deps.database.db.selectFrom('resumption_daily_reports').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('report_date').execute();
}

describe('reporting', () => {
  it('one report per enterprise and day: a second replaces the first, audited with before and after', async () => {
    clock.set(START);
    const { zone } = await newAdmin(t.app, t.services);
    const { enterprise } = await makeResumedEnterprise(t.services, zone, { name: '重庆机电集团', employees: 100 });
    const owner = await as(zone, ['enterprise_user'], enterprise.id);
    const first = await owner.call({ method: 'PUT', url: '/api/resumption/daily-reports', payload: report({ note: '上午数据' }) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      id: expect.any(String), enterpriseId: enterprise.id, enterpriseName: '重庆机电集团', parkName: null, reportDate: '2020-02-24', staffOnSite: 60, employees: 100, capacityPct: 55, suppliesDaysLeft: 6,
      abnormalTemperature: 0, note: '上午数据', reportedBy: owner.user.displayName, replaced: false, createdAt: START, updatedAt: START,
    });
    clock.advance(HOUR);
    const second = await owner.call({ method: 'PUT', url: '/api/resumption/daily-reports', payload: report({ staffOnSite: 72, capacityPct: 60, abnormalTemperature: 1 }) });
    expect(second.json()).toMatchObject({ id: first.json().id, staffOnSite: 72, capacityPct: 60, abnormalTemperature: 1, note: null, replaced: true, createdAt: START, updatedAt: START + HOUR });
    const rows = await rowsOf(enterprise.id);
    expect(rows.map((r) => [r.report_date, r.staff_on_site, r.replace_count])).toEqual([['2020-02-24', 72, 1]]);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', first.json().id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.before_json && JSON.parse(a.before_json), JSON.parse(a.after_json!)])).toEqual([
      ['daily_report.create', null, { enterpriseId: enterprise.id, reportDate: '2020-02-24', staffOnSite: 60, capacityPct: 55, suppliesDaysLeft: 6, abnormalTemperature: 0, note: '上午数据' }],
      [
        'daily_report.replace',
        { enterpriseId: enterprise.id, reportDate: '2020-02-24', reportedBy: owner.user.displayName, staffOnSite: 60, capacityPct: 55, suppliesDaysLeft: 6, abnormalTemperature: 0, note: '上午数据' },
        { enterpriseId: enterprise.id, reportDate: '2020-02-24', reportedBy: owner.user.displayName, staffOnSite: 72, capacityPct: 60, suppliesDaysLeft: 6, abnormalTemperature: 1, note: null },
      ],
    ]);
    // A past day of the resumption is its own row.
    clock.advance(24 * HOUR);
    const owner2 = await as(zone, ['enterprise_user'], enterprise.id);
    expect((await owner2.call({ method: 'PUT', url: '/api/resumption/daily-reports', payload: report({ reportDate: '2020-02-25' }) })).statusCode).toBe(200);
    expect((await rowsOf(enterprise.id)).map((r) => r.report_date)).toEqual(['2020-02-24', '2020-02-25']);
    clock.set(START);
  });

  it('parallel reports of one day leave one row, every request answered', async () => {
    clock.set(START);
    const { zone } = await newAdmin(t.app, t.services);
    const { enterprise } = await makeResumedEnterprise(t.services, zone, { employees: 500 });
    const owner = await as(zone, ['enterprise_user'], enterprise.id);
    const officer = await as(zone, ['approval_officer']);
    const calls = [owner, officer, owner, officer, owner].map((c, i) => c.call({ method: 'PUT', url: '/api/resumption/daily-reports', payload: report({ enterpriseId: enterprise.id, staffOnSite: 100 + i }) }));
    const results = await Promise.all(calls);
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const rows = await rowsOf(enterprise.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.replace_count).toBe(4);
    expect(results.map((r) => r.json().staffOnSite)).toContain(rows[0]!.staff_on_site);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', rows[0]!.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['daily_report.create', 'daily_report.replace', 'daily_report.replace', 'daily_report.replace', 'daily_report.replace']);
  });

  it('bad counts and dates are 400s naming the field; a day the enterprise was not resumed is a 422', async () => {
    clock.set(START);
    const { zone } = await newAdmin(t.app, t.services);
    const { enterprise } = await makeResumedEnterprise(t.services, zone, { employees: 100 });
    const owner = await as(zone, ['enterprise_user'], enterprise.id);
    const put = (payload: Record<string, unknown>) => owner.call({ method: 'PUT', url: '/api/resumption/daily-reports', payload });
    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [report({ staffOnSite: 101 }), [{ path: 'staffOnSite', message: '不能大于职工总数（100）' }]],
      [report({ reportDate: '2020-02-25' }), [{ path: 'reportDate', message: '不能晚于今天（2020-02-24）' }]],
      [report({ reportDate: '2019-12-31' }), [{ path: 'reportDate', message: '不能早于 2020-01-01' }]],
      [report({ capacityPct: 101 }), [{ path: 'capacityPct', message: '不能大于 100' }]],
      [report({ staffOnSite: -1, abnormalTemperature: 1.5 }), [{ path: 'staffOnSite', message: '不能小于 0' }, { path: 'abnormalTemperature', message: '类型应为整数' }]],
      [report({ reportDate: '2020-02-30' }), [{ path: 'reportDate', message: '应为日期，格式 YYYY-MM-DD' }]],
    ];
    for (const [payload, details] of cases) {
      const res = await put(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details, JSON.stringify(payload)).toEqual(details);
    }
    // The enterprise filed and resumed today: yesterday it had not even filed.
    const before = await put(report({ reportDate: '2020-02-23' }));
    expect(before.statusCode).toBe(422);
    expect(before.json().error).toEqual({ code: 'rule.not_resumed', message: '企业在 2020-02-23 未处于复工状态，不能填报日报', details: { field: 'reportDate', status: 'not_filed' } });
    // Filed, not approved: no report.
    const filed = await makeFiledEnterprise(t.services, zone);
    const filedOwner = await as(zone, ['enterprise_user'], filed.enterprise.id);
    expect((await filedOwner.call({ method: 'PUT', url: '/api/resumption/daily-reports', payload: report() })).json().error.code).toBe('rule.not_resumed');
    // Suspended: no report for the days of the suspension.
    await t.services.resumption.status.suspend(zone.ctx, enterprise.id, { reason: '停工整改' });
    expect((await put(report())).json().error.details).toEqual({ field: 'reportDate', status: 'suspended' });
    expect(await rowsOf(enterprise.id)).toEqual([]);
  });

  it('enterprise users report for their own; commissioners for assigned enterprises; leaders never; another zone’s enterprise is 422', async () => {
    clock.set(START);
    const { zone } = await newAdmin(t.app, t.services);
    const { enterprise } = await makeResumedEnterprise(t.services, zone);
    const other = await makeResumedEnterprise(t.services, zone);
    const owner = await as(zone, ['enterprise_user'], enterprise.id);
    const commissioner = await as(zone, ['commissioner']);
    const leader = await as(zone, ['leader']);
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: enterprise.id, isPrimary: true });
    const url = '/api/resumption/daily-reports';
    const forOther = await owner.call({ method: 'PUT', url, payload: report({ enterpriseId: other.enterprise.id }) });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('rule.resumption_own_enterprise');
    const notAssigned = await commissioner.call({ method: 'PUT', url, payload: report({ enterpriseId: other.enterprise.id }) });
    expect(notAssigned.json().error.code).toBe('rule.not_commissioner');
    expect((await commissioner.call({ method: 'PUT', url, payload: report() })).json().error.details).toEqual([{ path: 'enterpriseId', message: '请选择企业' }]);
    expect((await commissioner.call({ method: 'PUT', url, payload: report({ enterpriseId: enterprise.id }) })).statusCode).toBe(200);
    expect((await leader.call({ method: 'PUT', url, payload: report({ enterpriseId: enterprise.id }) })).statusCode).toBe(403);
    const foreign = await makeResumedEnterprise(t.services, (await newAdmin(t.app, t.services)).zone);
    const cross = await commissioner.call({ method: 'PUT', url, payload: report({ enterpriseId: foreign.enterprise.id }) });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'enterpriseId' } });
    expect(await rowsOf(other.enterprise.id)).toEqual([]);
    expect(await rowsOf(foreign.enterprise.id)).toEqual([]);
  });
});

describe('the list, the export and the missing reports', () => {
  it('filters by enterprise, park, dates, abnormal temperatures and text; enterprise users see their own; the export has the same rows', async () => {
    clock.set(Date.UTC(2020, 1, 20, 1));
    const { zone } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '九龙工业园');
    const a = await makeResumedEnterprise(t.services, zone, { name: '宗申动力', parkId: park.id, employees: 100 });
    const b = await makeResumedEnterprise(t.services, zone, { name: '力帆汽车', employees: 200 });
    clock.set(START);
    const put = (enterpriseId: string, reportDate: string, staffOnSite: number, abnormalTemperature = 0) => t.services.resumption.reports.put(zone.ctx, { enterpriseId, reportDate, staffOnSite, capacityPct: 50, suppliesDaysLeft: 5, abnormalTemperature });
    await put(a.enterprise.id, '2020-02-20', 30);
    await put(a.enterprise.id, '2020-02-21', 40, 2);
    await put(b.enterprise.id, '2020-02-21', 80);
    await put(b.enterprise.id, '2020-02-22', 90);
    const officer = await as(zone, ['approval_officer']);
    const list = async (q = '') => (await officer.call({ method: 'GET', url: `/api/resumption/daily-reports${q}` })).json() as { items: DailyReport[]; total: number };
    const pairs = async (q = '') => (await list(q)).items.map((r) => [r.enterpriseName, r.reportDate]);
    expect(await pairs()).toEqual([['力帆汽车', '2020-02-22'], ['宗申动力', '2020-02-21'], ['力帆汽车', '2020-02-21'], ['宗申动力', '2020-02-20']].sort((x, y) => y[1]!.localeCompare(x[1]!) || x[0]!.localeCompare(y[0]!)));
    expect(await pairs(`?enterpriseId=${a.enterprise.id}&sort=reportDate:asc`)).toEqual([['宗申动力', '2020-02-20'], ['宗申动力', '2020-02-21']]);
    expect(await pairs(`?parkId=${park.id}&from=2020-02-21`)).toEqual([['宗申动力', '2020-02-21']]);
    expect(await pairs('?abnormal=true')).toEqual([['宗申动力', '2020-02-21']]);
    expect(await pairs('?q=力帆&to=2020-02-21')).toEqual([['力帆汽车', '2020-02-21']]);
    expect((await list('?sort=staffOnSite:desc&pageSize=1')).items.map((r) => r.staffOnSite)).toEqual([90]);
    expect((await list('?pageSize=1')).total).toBe(4);
    expect((await officer.call({ method: 'GET', url: '/api/resumption/daily-reports?sort=note:asc' })).statusCode).toBe(400);
    // The enterprise's own reports only, whatever it asks for.
    const owner = await as(zone, ['enterprise_user'], b.enterprise.id);
    expect((await owner.call({ method: 'GET', url: '/api/resumption/daily-reports' })).json().items.map((r: DailyReport) => r.enterpriseName)).toEqual(['力帆汽车', '力帆汽车']);
    expect((await owner.call({ method: 'GET', url: `/api/resumption/daily-reports?enterpriseId=${a.enterprise.id}` })).json().total).toBe(0);

    const sheet = await xlsxResponse(await officer.call({ method: 'GET', url: `/api/resumption/daily-reports/export.xlsx?enterpriseId=${a.enterprise.id}&sort=reportDate:asc` }));
    expect(column(sheet, '日报日期')).toEqual(['2020-02-20', '2020-02-21']);
    expect(column(sheet, '在岗人数')).toEqual(['30', '40']);
    expect(column(sheet, '体温异常人数')).toEqual(['0', '2']);
  });

  it('lists the resumed enterprises without a report for a date, with their commissioner and last report; mine=true narrows to one’s own', async () => {
    clock.set(Date.UTC(2020, 1, 22, 1));
    const { zone } = await newAdmin(t.app, t.services);
    const a = await makeResumedEnterprise(t.services, zone, { name: '甲·长安' });
    const b = await makeResumedEnterprise(t.services, zone, { name: '乙·嘉陵' });
    const c = await makeResumedEnterprise(t.services, zone, { name: '丙·建设' });
    await makeFiledEnterprise(t.services, zone, { name: '丁·未批' });
    await makeEnterprise(t.services, zone, { name: '戊·未报备' });
    clock.set(START);
    await t.services.resumption.reports.put(zone.ctx, { enterpriseId: a.enterprise.id, reportDate: '2020-02-24', staffOnSite: 1, capacityPct: 10, suppliesDaysLeft: 3, abnormalTemperature: 0 });
    await t.services.resumption.reports.put(zone.ctx, { enterpriseId: b.enterprise.id, reportDate: '2020-02-23', staffOnSite: 1, capacityPct: 10, suppliesDaysLeft: 3, abnormalTemperature: 0 });
    await t.services.resumption.status.suspend(zone.ctx, c.enterprise.id, { reason: '停工' });
    const commissioner = await as(zone, ['commissioner']);
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: b.enterprise.id, isPrimary: true });
    const missing = async (q = '') => (await commissioner.call({ method: 'GET', url: `/api/resumption/daily-reports/missing${q}` })).json() as MissingReport[];
    expect(await missing()).toEqual([{ enterpriseId: b.enterprise.id, enterpriseName: '乙·嘉陵', parkName: null, commissioner: { id: commissioner.user.id, name: commissioner.user.displayName }, lastReportDate: '2020-02-23' }]);
    expect((await missing('?date=2020-02-23')).map((m) => m.enterpriseName).sort()).toEqual(['甲·长安', '丙·建设'].sort());
    expect((await missing('?date=2020-02-21')).map((m) => m.enterpriseName)).toEqual([]);
    expect((await missing('?date=2020-02-23&mine=true')).map((m) => m.enterpriseName)).toEqual([]);
    expect((await missing('?mine=true')).map((m) => m.enterpriseName)).toEqual(['乙·嘉陵']);
    const future = await commissioner.call({ method: 'GET', url: '/api/resumption/daily-reports/missing?date=2020-02-25' });
    expect(future.json().error.details).toEqual([{ path: 'date', message: '不能晚于今天（2020-02-24）' }]);
    const owner = await as(zone, ['enterprise_user'], a.enterprise.id);
    expect((await owner.call({ method: 'GET', url: '/api/resumption/daily-reports/missing' })).statusCode).toBe(403);
  });
});

describe('the reminder job', () => {
  it('after the cut-off hour reminds each resumed enterprise without today’s report (its users and commissioners) once a day, whatever the reruns', async () => {
    clock.set(Date.UTC(2020, 1, 23, 1));
    const { zone } = await newAdmin(t.app, t.services);
    const a = await makeResumedEnterprise(t.services, zone, { name: '甲·重庆啤酒' });
    const b = await makeResumedEnterprise(t.services, zone, { name: '乙·太极集团' });
    await makeFiledEnterprise(t.services, zone, { name: '丙·未批准' });
    const userA = await as(zone, ['enterprise_user'], a.enterprise.id);
    const userB = await as(zone, ['enterprise_user'], b.enterprise.id);
    const commissioner = await as(zone, ['commissioner']);
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: b.enterprise.id, isPrimary: true });
    const noticesOf = async (userId: string) => (await t.deps.database.db.selectFrom('notifications').select(['params_json', 'entity_id']).where('user_id', '=', userId).where('kind', '=', 'resumption.report_missing').orderBy('created_at').execute()).map((n) => [n.entity_id, JSON.parse(n.params_json)]);
    const jobs = t.services.resumption.reports;

    // 24 February, 11:59 in Shanghai: before the cut-off (12), nobody is reminded.
    clock.set(Date.UTC(2020, 1, 24, 3, 59));
    await jobs.put(zone.ctx, { enterpriseId: a.enterprise.id, reportDate: '2020-02-24', staffOnSite: 10, capacityPct: 20, suppliesDaysLeft: 4, abnormalTemperature: 0 });
    expect(await jobs.remindMissing(zone.id)).toEqual({ reminded: 0 });
    // 12:00: the one without a report is reminded, its user and its commissioner.
    clock.set(Date.UTC(2020, 1, 24, 4, 0));
    expect(await jobs.remindMissing(zone.id)).toEqual({ reminded: 1 });
    expect(await noticesOf(userB.user.id)).toEqual([[b.enterprise.id, { enterpriseName: '乙·太极集团', date: '2020-02-24' }]]);
    expect(await noticesOf(commissioner.user.id)).toHaveLength(1);
    expect(await noticesOf(userA.user.id)).toEqual([]);
    // Run again (hourly, or in parallel): nothing more.
    expect(await jobs.remindMissing(zone.id)).toEqual({ reminded: 0 });
    const parallel = await Promise.all([jobs.remindMissing(zone.id), jobs.remindMissing(zone.id)]);
    expect(parallel).toEqual([{ reminded: 0 }, { reminded: 0 }]);
    expect(await noticesOf(userB.user.id)).toHaveLength(1);
    const reminders = await t.deps.database.db.selectFrom('resumption_reminders').selectAll().where('zone_id', '=', zone.id).execute();
    expect(reminders.map((r) => [r.kind, r.target_id, r.day])).toEqual([['report_missing', b.enterprise.id, '2020-02-24']]);

    // The next day both are reminded anew; with a cut-off of 9 already at 09:00.
    clock.set(Date.UTC(2020, 1, 25, 1, 0));
    expect(await jobs.remindMissing(zone.id)).toEqual({ reminded: 0 });
    await t.services.resumption.settings.update(zone.ctx, { reportCutoffHour: 9 });
    const both = await Promise.all([jobs.remindMissing(zone.id), jobs.remindMissing(zone.id)]);
    expect(both[0]!.reminded + both[1]!.reminded).toBe(2);
    expect(await noticesOf(userA.user.id)).toEqual([[a.enterprise.id, { enterpriseName: '甲·重庆啤酒', date: '2020-02-25' }]]);
    expect(await noticesOf(userB.user.id)).toHaveLength(2);
    clock.set(START);
  });
});
