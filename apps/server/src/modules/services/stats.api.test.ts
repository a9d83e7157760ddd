// Service statistics (办件统计) against a zone whose figures are known by construction, per the
// definitions in contracts' STATS_DEFINITIONS: 10 applications accepted on Monday 2 March 2020, of
// which 8 online with electronic delivery approved, 1 at the counter approved, 1 still under
// review; corrections asked on 2; one fully-electronic e-signed item with a licence; one approval
// after its due date. Filters narrow the figures; the export holds them; leaders read, enterprises not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceStats } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import {
  applicationAction, makeApplicant, makeApplication, makeApplicationItem, makeEnterprise, newAdmin, signedInUser, signInAs, uploadMaterial, type Caller,
} from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const nineOn = (day: string) => Date.parse(`${day}T09:00:00+08:00`);
const CORRECTION = { corrections: [{ target: 'material', key: 'form', comment: '请重新上传' }] };

/**
 * The zone. Items: E (企业开办, 市场监督管理局, fully electronic, licence, 3 days) and C (变更登记,
 * 税务局, no licence, 5 days). Timeline (working days only; March 2020 has no holidays):
 *   Mon 2   A1 (E, e-signed) and A2–A8, A10 (C, online, electronic) and A9 (C, counter, pick-up) accepted;
 *           one more (C) only submitted, and one draft.      due: E 5 March, C 9 March
 *   Tue 3   A1 approved (1 day); corrections asked on A2 and A10
 *   Wed 4   A2 resubmitted (paused 1: due 10 March)
 *   Thu 5   A2 approved (3 − 1 = 2 days); A4–A8, A9 approved (3 days each);
 *           A10 resubmitted (paused 2: due 11 March) and under review
 *   Tue 10  A3 approved (6 days), after its due date of 9 March
 * Asked on Mon 16 March for 2–13 March: A10 is overdue as of the 13th.
 */
async function zone() {
  clock.set(nineOn('2020-03-02'));
  let admin = await newAdmin(t.app, t.services);
  const z = admin.zone;
  const itemE = await makeApplicationItem(t.services, z, { category: 'enterprise_establishment', department: '市场监督管理局', fullyElectronic: true, licenceName: '营业执照', promisedDays: 3 });
  const itemC = await makeApplicationItem(t.services, z, { category: 'change_registration', department: '税务局', promisedDays: 5 });
  let applicant: Caller & { user: { username: string } } = await makeApplicant(t.app, t.services, z);
  let officer: Caller & { user: { username: string } } = await signedInUser(t.app, t.services, z, ['approval_officer']);
  const day = async (d: string) => {
    clock.set(nineOn(d));
    applicant = { ...applicant, ...(await signInAs(t.app, applicant.user.username)) };
    officer = { ...officer, ...(await signInAs(t.app, officer.user.username)) };
    admin = { ...admin, ...(await signInAs(t.app, admin.admin.username)) };
  };
  const act = async (id: string, action: string, body: Record<string, unknown> = {}) => {
    const res = await applicationAction(action === 'resubmit' ? applicant.call : officer.call, id, action, body);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  };

  const a1 = (await makeApplication(applicant.call, itemE.id, { eSign: true })).id as string;
  const c: string[] = [];
  for (let i = 2; i <= 8; i++) c.push((await makeApplication(applicant.call, itemC.id)).id);
  const [a2, a3, a4, a5, a6, a7, a8] = c as [string, string, string, string, string, string, string];
  const a10 = (await makeApplication(applicant.call, itemC.id)).id as string;
  const enterprise = await makeEnterprise(t.services, z);
  const counter = await officer.call({ method: 'POST', url: '/api/applications', payload: { itemId: itemC.id, enterpriseId: enterprise.id, applicant: { name: '窗口', phone: '13900002222' }, channel: 'counter', delivery: 'pickup', form: { purpose: '窗口' } } });
  const a9 = counter.json().id as string;
  await uploadMaterial(officer.call, a9, 'form');
  await act(a9, 'submit');
  await makeApplication(applicant.call, itemC.id); // submitted, never accepted
  await makeApplication(applicant.call, itemC.id, { submit: false }); // a draft
  for (const id of [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10]) await act(id, 'accept');

  await day('2020-03-03');
  await act(a1, 'approve');
  await act(a2, 'request_correction', CORRECTION);
  await act(a10, 'request_correction', CORRECTION);
  await day('2020-03-04');
  await uploadMaterial(applicant.call, a2, 'form');
  await act(a2, 'resubmit');
  await day('2020-03-05');
  for (const id of [a2, a4, a5, a6, a7, a8, a9]) await act(id, 'approve');
  await uploadMaterial(applicant.call, a10, 'form');
  await act(a10, 'resubmit');
  await act(a10, 'review');
  await day('2020-03-10');
  await act(a3, 'approve');
  await day('2020-03-16');
  const leader = await signedInUser(t.app, t.services, z, ['leader']);
  return { admin, officer, applicant, leader, itemE, itemC, a10 };
}

let z: Awaited<ReturnType<typeof zone>>;
beforeAll(async () => {
  z = await zone();
});

const PERIOD = 'from=2020-03-02&to=2020-03-13';
const stats = async (c: Caller, q = '') => {
  const res = await c.call({ method: 'GET', url: `/api/services/stats?${PERIOD}${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ServiceStats;
};
const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });

describe('service statistics', () => {
  it('give the figures of the period by their definitions', async () => {
    const s = await stats(z.officer);
    expect(s).toMatchObject({
      from: '2020-03-02',
      to: '2020-03-13',
      received: 10,
      completed: 9,
      completedOnline: 8,
      noContactRate: ratio(8, 10),
      fullyElectronicRate: ratio(1, 9),
      fullyElectronicByCategory: [
        { category: 'enterprise_establishment', rate: ratio(1, 1) },
        { category: 'change_registration', rate: ratio(0, 8) },
      ],
      avgWorkingDays: { totalDays: 27, count: 9, value: 3 },
      overdueOpen: 1,
      completedLate: 1,
      correctionRate: ratio(2, 10),
      appointments: 0,
      consultations: 0,
      employmentRegistrations: 0,
      byDepartment: [
        { department: '市场监督管理局', received: 1, completed: 1, completedOnline: 1 },
        { department: '税务局', received: 9, completed: 8, completedOnline: 7 },
      ],
      byChannel: [
        { channel: 'online', received: 9 },
        { channel: 'counter', received: 1 },
        { channel: 'mail', received: 0 },
      ],
    });
    expect(s.byDay).toHaveLength(12);
    expect(s.byDay.filter((d) => d.received || d.completed)).toEqual([
      { date: '2020-03-02', received: 10, completed: 0 },
      { date: '2020-03-03', received: 0, completed: 1 },
      { date: '2020-03-05', received: 0, completed: 7 },
      { date: '2020-03-10', received: 0, completed: 1 },
    ]);
    // A10 is due on 11 March after its 2 paused days; on 10 March it was not overdue yet.
    const a10 = (await z.officer.call({ method: 'GET', url: `/api/applications/${z.a10}` })).json();
    expect(a10).toMatchObject({ status: 'under_review', pausedDays: 2, dueDate: '2020-03-11', dueState: 'overdue' });
  });

  it('narrow by department, item and channel', async () => {
    const dept = await stats(z.officer, `&department=${encodeURIComponent('市场监督管理局')}`);
    expect(dept).toMatchObject({ received: 1, completed: 1, completedOnline: 1, noContactRate: ratio(1, 1), fullyElectronicRate: ratio(1, 1), overdueOpen: 0, completedLate: 0, correctionRate: ratio(0, 1), avgWorkingDays: { totalDays: 1, count: 1 } });
    expect(dept.byDepartment.map((d) => d.department)).toEqual(['市场监督管理局']);
    const item = await stats(z.officer, `&itemId=${z.itemC.id}`);
    expect(item).toMatchObject({ received: 9, completed: 8, completedOnline: 7, overdueOpen: 1, completedLate: 1, correctionRate: ratio(2, 9), avgWorkingDays: { totalDays: 26, count: 8 }, fullyElectronicByCategory: [{ category: 'change_registration', rate: ratio(0, 8) }] });
    const counter = await stats(z.officer, '&channel=counter');
    expect(counter).toMatchObject({ received: 1, completed: 1, completedOnline: 0, noContactRate: ratio(0, 1), overdueOpen: 0, byChannel: [{ channel: 'online', received: 0 }, { channel: 'counter', received: 1 }, { channel: 'mail', received: 0 }] });
    // A period that ends before the completions: received, but nothing completed or overdue yet.
    const early = await z.officer.call({ method: 'GET', url: '/api/services/stats?from=2020-03-02&to=2020-03-02' });
    expect(early.json()).toMatchObject({ received: 10, completed: 0, completedOnline: 0, overdueOpen: 0, noContactRate: ratio(0, 10), avgWorkingDays: { totalDays: 0, count: 0, value: null } });
  });

  it('refuse a period that ends before it starts', async () => {
    const res = await z.officer.call({ method: 'GET', url: '/api/services/stats?from=2020-03-13&to=2020-03-02' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'to', message: '结束日期不能早于开始日期' }]);
    const xlsx = await z.officer.call({ method: 'GET', url: '/api/services/stats/export.xlsx?from=2020-03-13&to=2020-03-02' });
    expect(xlsx.statusCode).toBe(400);
  });

  it('refuse a period longer than two years, naming the field', async () => {
    const res = await z.officer.call({ method: 'GET', url: '/api/services/stats?from=2018-01-01&to=2020-03-02' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'to', message: '统计期间最长 731 天' }]);
  });

  it('export the figures with their numerators and denominators', async () => {
    const sheet = await xlsxResponse(await z.officer.call({ method: 'GET', url: `/api/services/stats/export.xlsx?${PERIOD}` }));
    expect(sheet.header).toEqual(['指标', '数值', '分子/分母或口径']);
    const names = column(sheet, '指标');
    const value = (name: string) => column(sheet, '数值')[names.indexOf(name)];
    const detail = (name: string) => column(sheet, '分子/分母或口径')[names.indexOf(name)];
    expect(value('受理量')).toBe('10');
    expect(value('办结量')).toBe('9');
    expect(value('网上办结（不见面）')).toBe('8');
    expect([value('不见面办理率'), detail('不见面办理率')]).toEqual(['80.0%', '8 / 10']);
    expect([value('全程电子化率'), detail('全程电子化率')]).toEqual(['11.1%', '1 / 9']);
    expect([value('全程电子化率 · 企业开办'), detail('全程电子化率 · 企业开办')]).toEqual(['100.0%', '1 / 1']);
    expect([value('平均办理工作日'), detail('平均办理工作日')]).toEqual(['3.0', '27 / 9']);
    expect(value('超期未办结')).toBe('1');
    expect(value('超期办结')).toBe('1');
    expect([value('补正率'), detail('补正率')]).toEqual(['20.0%', '2 / 10']);
    expect(value('2020-03-05')).toBe('0');
    expect(detail('2020-03-05')).toBe('受理 0 · 办结 7');
  });

  it('are read by leaders and officers, not by enterprises, and only for the own zone', async () => {
    expect((await stats(z.leader)).received).toBe(10);
    expect((await z.applicant.call({ method: 'GET', url: `/api/services/stats?${PERIOD}` })).statusCode).toBe(403);
    expect((await z.applicant.call({ method: 'GET', url: `/api/services/stats/export.xlsx?${PERIOD}` })).statusCode).toBe(403);
    const other = await newAdmin(t.app, t.services);
    expect(await stats(other)).toMatchObject({ received: 0, completed: 0, noContactRate: ratio(0, 0), overdueOpen: 0 });
    expect((await stats(other, `&itemId=${z.itemC.id}`)).received).toBe(0);
  });
});
