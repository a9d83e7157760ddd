// The zone's working-day calendar through the API: a year's exceptions and working days, days set
// and cleared by the zone admin (audited), the 2020 national schedule with and without the
// extended Spring Festival, due dates counted over it, zones kept apart, dates checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, CalendarDay } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, newAdmin, signedInUser, zoneSnapshot } from '../../test/factories.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const EN = { 'accept-language': 'en-US' };
const holiday = (date: string, name: string): CalendarDay => ({ date, kind: 'holiday', name });
const workday = (date: string, name: string): CalendarDay => ({ date, kind: 'workday', name });
const range = (from: string, to: string, name: string) => {
  const out: CalendarDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(holiday(d.toISOString().slice(0, 10), name));
  return out;
};

/** The 2020 schedule (国办发明电〔2019〕16号), and with its extension (国办发明电〔2020〕1号). */
const NATIONAL_2020_REST: CalendarDay[] = [
  ...range('2020-04-04', '2020-04-06', '清明节'),
  workday('2020-04-26', '劳动节调休上班'),
  ...range('2020-05-01', '2020-05-05', '劳动节'),
  workday('2020-05-09', '劳动节调休上班'),
  ...range('2020-06-25', '2020-06-27', '端午节'),
  workday('2020-06-28', '端午节调休上班'),
  workday('2020-09-27', '国庆节调休上班'),
  ...range('2020-10-01', '2020-10-08', '国庆节、中秋节'),
  workday('2020-10-10', '国庆节调休上班'),
];
const EXTENDED_2020 = [holiday('2020-01-01', '元旦'), workday('2020-01-19', '春节调休上班'), ...range('2020-01-24', '2020-02-02', '春节（延长假期）'), ...NATIONAL_2020_REST];
const PLAIN_2020 = [holiday('2020-01-01', '元旦'), workday('2020-01-19', '春节调休上班'), ...range('2020-01-24', '2020-01-30', '春节'), workday('2020-02-01', '春节调休上班'), ...NATIONAL_2020_REST];

describe('the year view', () => {
  it('starts with no exceptions: Monday to Friday only', async () => {
    const { call } = await newAdmin(t.app, t.services);
    expect((await call({ method: 'GET', url: '/api/calendar?year=2020' })).json()).toEqual({ year: 2020, days: [], workingDays: 262 });
    expect((await call({ method: 'GET', url: '/api/calendar?year=2021' })).json()).toEqual({ year: 2021, days: [], workingDays: 261 });
  });

  it('lists the year’s holidays and swapped working days in date order, and counts what is left', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    await t.services.calendar.setDay(zone.ctx, '2020-03-21', { kind: 'workday', name: '周六加班' }); // a Saturday
    await t.services.calendar.setDay(zone.ctx, '2020-03-16', { kind: 'holiday', name: '区庆' }); // a Monday
    await t.services.calendar.setDay(zone.ctx, '2020-03-22', { kind: 'holiday', name: '周日' }); // a Sunday: no change
    await t.services.calendar.setDay(zone.ctx, '2019-12-31', { kind: 'holiday', name: '前一年' });
    await t.services.calendar.setDay(zone.ctx, '2021-01-01', { kind: 'holiday', name: '后一年' });
    const res = await call({ method: 'GET', url: '/api/calendar?year=2020' });
    expect(res.json()).toEqual({
      year: 2020,
      days: [holiday('2020-03-16', '区庆'), workday('2020-03-21', '周六加班'), holiday('2020-03-22', '周日')],
      workingDays: 262,
    });
    await t.services.calendar.setDay(zone.ctx, '2020-03-17', { kind: 'holiday', name: '区庆' });
    expect((await call({ method: 'GET', url: '/api/calendar?year=2020' })).json().workingDays).toBe(261);
  });
});

describe('setting and clearing a day', () => {
  it('the zone admin sets, changes and clears a day, each audited with before and after', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const set = await call({ method: 'PUT', url: '/api/calendar/days/2020-03-16', payload: { kind: 'holiday', name: ' 区庆 ' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual(holiday('2020-03-16', '区庆'));
    const changed = await call({ method: 'PUT', url: '/api/calendar/days/2020-03-16', payload: { kind: 'workday', name: '照常上班' } });
    expect(changed.json()).toEqual(workday('2020-03-16', '照常上班'));
    expect((await call({ method: 'GET', url: '/api/calendar?year=2020' })).json().days).toEqual([workday('2020-03-16', '照常上班')]);

    const cleared = await call({ method: 'DELETE', url: '/api/calendar/days/2020-03-16' });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toEqual({ ok: true });
    expect((await call({ method: 'GET', url: '/api/calendar?year=2020' })).json()).toEqual({ year: 2020, days: [], workingDays: 262 });
    // Clearing a day that is already ordinary changes nothing and records nothing.
    const before = await zoneSnapshot(t.deps.database, zone.id);
    expect((await call({ method: 'DELETE', url: '/api/calendar/days/2020-03-16' })).json()).toEqual({ ok: true });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);

    const entries = (await call({ method: 'GET', url: '/api/audit?entityType=calendar_day' })).json().items as AuditEntry[];
    expect(entries.map((e) => [e.action, e.entityId, e.actorId, e.at])).toEqual([
      ['calendar.clear_day', '2020-03-16', admin.id, clock.now()],
      ['calendar.set_day', '2020-03-16', admin.id, clock.now()],
      ['calendar.set_day', '2020-03-16', admin.id, clock.now()],
    ]);
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [workday('2020-03-16', '照常上班'), null],
      [holiday('2020-03-16', '区庆'), workday('2020-03-16', '照常上班')],
      [null, holiday('2020-03-16', '区庆')],
    ]);
  });

  it('is for the zone admin only (calendar.manage); everyone of the zone reads it', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const enterprise = await makeEnterprise(t.services, zone);
    await t.services.calendar.setDay(zone.ctx, '2020-03-16', { kind: 'holiday', name: '区庆' });
    const before = await zoneSnapshot(t.deps.database, zone.id);
    for (const [role, opts] of [['approval_officer', {}], ['leader', {}], ['commissioner', {}], ['enterprise_user', { enterpriseId: enterprise.id }]] as const) {
      const u = await signedInUser(t.app, t.services, zone, [role], opts);
      const mark = await zoneSnapshot(t.deps.database, zone.id);
      expect((await u.call({ method: 'GET', url: '/api/calendar?year=2020' })).json(), role).toEqual({ year: 2020, days: [holiday('2020-03-16', '区庆')], workingDays: 261 });
      expect((await u.call({ method: 'GET', url: '/api/calendar/due?from=2020-03-13&days=1' })).json(), role).toEqual({ from: '2020-03-13', days: 1, due: '2020-03-17' });
      for (const req of [
        { method: 'PUT' as const, url: '/api/calendar/days/2020-03-17', payload: { kind: 'holiday', name: '越权' } },
        { method: 'DELETE' as const, url: '/api/calendar/days/2020-03-16' },
        { method: 'POST' as const, url: '/api/calendar/actions/load-national', payload: { year: '2020' } },
      ]) {
        const res = await u.call(req);
        expect(res.statusCode, `${role} ${req.method} ${req.url}`).toBe(403);
        expect(res.json().error).toEqual({ code: 'forbidden', message: '没有权限执行此操作' });
      }
      // Only the sign-in itself was recorded.
      expect(await zoneSnapshot(t.deps.database, zone.id), role).toEqual(mark);
    }
    expect((await zoneSnapshot(t.deps.database, zone.id)).calendar_days).toBe(before.calendar_days);
  });

  it('checks dates, kinds and names', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const before = await zoneSnapshot(t.deps.database, zone.id);
    for (const date of ['2020-02-30', '2021-02-29', '2020-13-01', '2020-1-5', '20200105', '2020-01-05T00:00']) {
      const res = await call({ method: 'PUT', url: `/api/calendar/days/${date}`, payload: { kind: 'holiday', name: '假' } });
      expect(res.statusCode, date).toBe(400);
      expect(res.json().error, date).toEqual({ code: 'validation', message: '请求参数有误：date: 应为日期，格式 YYYY-MM-DD', details: [{ path: 'date', message: '应为日期，格式 YYYY-MM-DD' }] });
    }
    const en = await call({ method: 'PUT', url: '/api/calendar/days/2020-02-30', headers: EN, payload: { kind: 'holiday', name: '假' } });
    expect(en.json().error.message).toBe('Invalid request: date: must be a date as YYYY-MM-DD');
    const kind = await call({ method: 'PUT', url: '/api/calendar/days/2020-03-16', payload: { kind: 'vacation', name: '假' } });
    expect(kind.json().error.details).toEqual([{ path: 'kind', message: '应为以下之一：holiday, workday' }]);
    const name = await call({ method: 'PUT', url: '/api/calendar/days/2020-03-16', payload: { kind: 'holiday', name: '   ' } });
    expect(name.json().error.details).toEqual([{ path: 'name', message: '必填' }]);
    const due = await call({ method: 'GET', url: '/api/calendar/due?from=2020-02-30&days=3' });
    expect(due.statusCode).toBe(400);
    expect(due.json().error.details).toEqual([{ path: 'from', message: '应为日期，格式 YYYY-MM-DD' }]);
    // The calendar keeps the years 2000 to 2100; a limit counted from the year 9999 was a 500, and
    // one from the year 0 came out in 1900.
    for (const from of ['9999-12-30', '0000-01-01', '1999-12-31', '2101-01-01']) {
      const res = await call({ method: 'GET', url: `/api/calendar/due?from=${from}&days=5` });
      expect(res.statusCode, from).toBe(400);
      expect(res.json().error.details, from).toEqual([{ path: 'from', message: '日期应在 2000-01-01 至 2100-12-31 之间' }]);
      const day = await call({ method: 'PUT', url: `/api/calendar/days/${from}`, payload: { kind: 'holiday', name: '假' } });
      expect(day.json().error.details, from).toEqual([{ path: 'date', message: '日期应在 2000-01-01 至 2100-12-31 之间' }]);
    }
    expect((await call({ method: 'GET', url: '/api/calendar/due?from=2100-12-31&days=1000', headers: EN })).json()).toEqual({ from: '2100-12-31', days: 1000, due: '2104-10-31' });
    const enRange = await call({ method: 'DELETE', url: '/api/calendar/days/1999-01-01', headers: EN });
    expect(enRange.json().error.details).toEqual([{ path: 'date', message: 'must be a date from 2000-01-01 to 2100-12-31' }]);
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
    // 29 February of a leap year is a date.
    expect((await call({ method: 'PUT', url: '/api/calendar/days/2020-02-29', payload: { kind: 'workday', name: '周六加班' } })).statusCode).toBe(200);
  });
});

describe('the 2020 national schedule', () => {
  it('loads with the extended Spring Festival (249 working days) or without it (251), and a reload undoes the other', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const extended = await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020' } });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toEqual({ year: 2020, days: EXTENDED_2020, workingDays: 249 });
    expect(EXTENDED_2020).toHaveLength(36);

    const plain = await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020', extendedSpringFestival: false } });
    expect(plain.json()).toEqual({ year: 2020, days: PLAIN_2020, workingDays: 251 });
    // The 1 February swap is back; 31 January to 2 February are ordinary days again.
    const days = plain.json().days as CalendarDay[];
    expect(days.find((d) => d.date === '2020-02-01')).toEqual(workday('2020-02-01', '春节调休上班'));
    expect(days.filter((d) => d.date >= '2020-01-31' && d.date <= '2020-02-02' && d.kind === 'holiday')).toEqual([]);
    expect((await call({ method: 'GET', url: '/api/calendar?year=2020' })).json()).toEqual(plain.json());

    const again = await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020', extendedSpringFestival: true } });
    expect(again.json()).toEqual({ year: 2020, days: EXTENDED_2020, workingDays: 249 });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toMatchObject({ calendar_days: 36 });

    const entries = (await call({ method: 'GET', url: '/api/audit?action=calendar.load_national' })).json().items as AuditEntry[];
    expect(entries.map((e) => [e.actorId, e.entityType, e.entityId, e.after])).toEqual([
      [admin.id, 'calendar_day', '2020', { year: '2020', extendedSpringFestival: true, days: 36 }],
      [admin.id, 'calendar_day', '2020', { year: '2020', extendedSpringFestival: false, days: 34 }],
      [admin.id, 'calendar_day', '2020', { year: '2020', extendedSpringFestival: true, days: 36 }],
    ]);
  });

  it('overwrites the zone’s own entries for the national days and keeps its other days', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    await t.services.calendar.setDay(zone.ctx, '2020-10-10', { kind: 'holiday', name: '不调休' }); // a national swap
    await t.services.calendar.setDay(zone.ctx, '2020-03-16', { kind: 'holiday', name: '区庆' }); // the zone's own
    await t.services.calendar.setDay(zone.ctx, '2020-12-26', { kind: 'workday', name: '年终加班' }); // a Saturday
    await t.services.calendar.setDay(zone.ctx, '2021-01-01', { kind: 'holiday', name: '元旦' }); // another year
    const res = await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020' } });
    expect(res.json()).toEqual({
      year: 2020,
      days: [...EXTENDED_2020, holiday('2020-03-16', '区庆'), workday('2020-12-26', '年终加班')].sort((a, b) => a.date.localeCompare(b.date)),
      workingDays: 249,
    });
    expect((await call({ method: 'GET', url: '/api/calendar?year=2021' })).json()).toEqual({ year: 2021, days: [holiday('2021-01-01', '元旦')], workingDays: 260 });
    // Without the extension the zone's own days stay as well.
    const plain = await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020', extendedSpringFestival: false } });
    expect(plain.json().workingDays).toBe(251);
    expect((plain.json().days as CalendarDay[]).filter((d) => ['2020-03-16', '2020-12-26'].includes(d.date))).toEqual([holiday('2020-03-16', '区庆'), workday('2020-12-26', '年终加班')]);
    // A day off the zone gives itself on 31 January is its own, not the lapsed national one.
    await call({ method: 'PUT', url: '/api/calendar/days/2020-01-31', payload: { kind: 'holiday', name: '区内放假' } });
    const reloaded = await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020', extendedSpringFestival: false } });
    expect((reloaded.json().days as CalendarDay[]).filter((d) => d.date === '2020-01-31')).toEqual([holiday('2020-01-31', '区内放假')]);
    expect(reloaded.json().workingDays).toBe(250);
  });
});

describe('due dates', () => {
  it('count working days from the day after the start, over weekends, holidays and swapped days', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const due = async (from: string, days: number) => {
      const res = await call({ method: 'GET', url: `/api/calendar/due?from=${from}&days=${days}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ from, days });
      return res.json().due as string;
    };
    // No calendar yet: Monday to Friday.
    expect(await due('2020-01-23', 3)).toBe('2020-01-28');
    expect(await due('2020-02-21', 1)).toBe('2020-02-24'); // Friday → Monday
    expect(await due('2020-02-24', 0)).toBe('2020-02-24');

    await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020', extendedSpringFestival: false } });
    expect(await due('2020-01-23', 3)).toBe('2020-02-03'); // 31 January and the 1 February swap count

    await call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020' } });
    // Accepted on Thursday 23 January with 3 working days: the extended break stops the clock.
    expect(await due('2020-01-23', 3)).toBe('2020-02-05');
    expect(await due('2020-01-25', 1)).toBe('2020-02-03'); // accepted during the break
    expect(await due('2020-01-17', 1)).toBe('2020-01-19'); // Sunday 19 January is a working day
    expect(await due('2020-09-25', 1)).toBe('2020-09-27');
    expect(await due('2020-09-30', 1)).toBe('2020-10-09');
    expect(await due('2020-09-30', 2)).toBe('2020-10-10'); // Saturday, swapped
    expect(await due('2020-01-02', 248)).toBe('2020-12-31'); // the rest of 2020's 249 working days
    expect(await due('2020-01-02', 249)).toBe('2021-01-01');
    expect(await due('2020-01-01', 1000)).toBe('2023-11-17'); // 249 in 2020, 261 in 2021, 260 in 2022, 230 in 2023
  });

  it('hold over a closure of many weeks', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    // Closed from 24 January to 8 April 2020, as a city under lockdown was.
    for (let d = new Date('2020-01-24T00:00:00Z'); d <= new Date('2020-04-08T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      await t.services.calendar.setDay(zone.ctx, d.toISOString().slice(0, 10), { kind: 'holiday', name: '封闭' });
    }
    expect((await call({ method: 'GET', url: '/api/calendar/due?from=2020-01-23&days=3' })).json().due).toBe('2020-04-13');
    expect((await call({ method: 'GET', url: '/api/calendar/due?from=2020-01-23&days=0' })).json().due).toBe('2020-01-23');
    expect((await call({ method: 'GET', url: '/api/calendar/due?from=2020-01-22&days=1' })).json().due).toBe('2020-01-23');
    expect((await call({ method: 'GET', url: '/api/calendar?year=2020' })).json().workingDays).toBe(262 - 54);
  });

  it('of one zone are not moved by another zone’s holidays', async () => {
    const mine = await newAdmin(t.app, t.services);
    const theirs = await newAdmin(t.app, t.services);
    await theirs.call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020' } });
    await theirs.call({ method: 'PUT', url: '/api/calendar/days/2020-03-16', payload: { kind: 'holiday', name: '外区假日' } });
    expect((await theirs.call({ method: 'GET', url: '/api/calendar/due?from=2020-01-23&days=3' })).json().due).toBe('2020-02-05');
    expect((await theirs.call({ method: 'GET', url: '/api/calendar/due?from=2020-03-13&days=1' })).json().due).toBe('2020-03-17');
    expect((await mine.call({ method: 'GET', url: '/api/calendar/due?from=2020-01-23&days=3' })).json().due).toBe('2020-01-28');
    expect((await mine.call({ method: 'GET', url: '/api/calendar/due?from=2020-03-13&days=1' })).json().due).toBe('2020-03-16');
    expect((await mine.call({ method: 'GET', url: '/api/calendar?year=2020' })).json()).toEqual({ year: 2020, days: [], workingDays: 262 });
    // Nor do they clear each other's days.
    expect((await mine.call({ method: 'DELETE', url: '/api/calendar/days/2020-03-16' })).statusCode).toBe(200);
    expect((await theirs.call({ method: 'GET', url: '/api/calendar?year=2020' })).json().workingDays).toBe(248);
  });
});

describe('parameters left out', () => {
  it('are called required, not a wrong type', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const year = await call({ method: 'GET', url: '/api/calendar' });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.details).toEqual([{ path: 'year', message: '必填' }]);
    const due = await call({ method: 'GET', url: '/api/calendar/due?from=2020-02-03', headers: EN });
    expect(due.json().error.details).toEqual([{ path: 'days', message: 'is required' }]);
    const typo = await call({ method: 'GET', url: '/api/calendar?year=abc' });
    expect(typo.json().error.details).toEqual([{ path: 'year', message: '类型应为数字' }]);
  });
});
