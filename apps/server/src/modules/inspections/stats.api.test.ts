// The inspection statistics through the API, with figures: coverage per day and over the period,
// each item's pass rate (1-metre distancing kept in 4 of 5 places = 80%), the items failing most,
// findings fixed on the spot or ledgered, the ledger's open, closed and overdue items and the
// average days to close — numerators and denominators; the period's limits; the workbook; access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionStats } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, signedInUser } from '../../test/factories.js';
import { followUpsOf, inspectionWorld, inspectParks, signInAgain, uploadTaskPhoto, type InspectionWorld } from '../../test/inspection-factories-2.js';
import { readXlsx } from '../../test/xlsx.js';

const clock = testClock();
const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const r = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });

async function closeVia(w: InspectionWorld, parkIndex: number, findingId: string) {
  const p = w.parks[parkIndex]!;
  const followUps = await followUpsOf(t.services, w, findingId);
  const photo = await uploadTaskPhoto(p.inspector, followUps.at(-1)!.id);
  const res = await p.inspector.call({ method: 'POST', url: `/api/inspections/findings/${findingId}/actions/close`, payload: { note: '整改到位', afterPhotoFileIds: [photo] } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('the figures', () => {
  let w: InspectionWorld;
  let day1: InspectionStats;
  let period: InspectionStats;
  beforeAll(async () => {
    clock.set(Date.UTC(2020, 1, 24, 1, 0, 0));
    w = await inspectionWorld(t.app, t.services, 6);
    const [p0, p1, p2, p3, p4] = w.parks;
    // 02-24: a round over the six parks; five inspected. Distancing marks failed in one building of
    // five (fixed on the spot); temperature checks failed at two entrances; office area in one enterprise.
    const { findings } = await inspectParks(t.services, w, {
      inspect: [
        { park: p0!, fail: [{ itemKey: 'entrance_temperature', disposition: 'ledger', deadline: '2020-02-28' }, { itemKey: 'distancing_marks', disposition: 'fixed_on_spot' }] },
        { park: p1!, fail: [{ itemKey: 'entrance_temperature', disposition: 'ledger', deadline: '2020-02-25' }, { itemKey: 'office_area', disposition: 'ledger', deadline: '2020-03-02' }] },
        { park: p2! },
        { park: p3! },
        { park: p4! },
      ],
    });
    const find = (parkId: string, key: string) => findings.find((f) => f.parkId === parkId && f.itemKey === key)!;
    day1 = (await w.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-24' })).json();

    // 02-25: the office area item is closed (1 day).
    clock.advance(DAY);
    await signInAgain(t.app, w);
    await t.services.inspections.followups.run(w.zone.id);
    await closeVia(w, 1, find(p1!.park.id, 'office_area').id);
    // 02-26: park 0's temperature item is closed (2 days); a round over parks 0 and 1, park 0 inspected, all passing.
    clock.advance(DAY);
    await signInAgain(t.app, w);
    await t.services.inspections.followups.run(w.zone.id);
    await closeVia(w, 0, find(p0!.park.id, 'entrance_temperature').id);
    await inspectParks(t.services, w, { parkIds: [p0!.park.id, p1!.park.id], inspect: [{ park: p0! }] });
    period = (await w.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-26' })).json();
  });

  it('coverage: parks of the day’s rounds inspected, per day and over the period', () => {
    expect(day1.daily).toEqual([{ date: '2020-02-24', parks: r(5, 6, 0.8333) }]);
    expect(day1.parks).toEqual(r(5, 6, 0.8333));
    expect(period.daily).toEqual([
      { date: '2020-02-24', parks: r(5, 6, 0.8333) },
      { date: '2020-02-25', parks: r(0, 0, null) },
      { date: '2020-02-26', parks: r(1, 2, 0.5) },
    ]);
    expect(period.parks).toEqual(r(5, 6, 0.8333));
  });

  it('item pass rates: places passed of places answered pass or fail — distancing kept in 4 of 5 places = 80%', () => {
    const rate = (s: InspectionStats, key: string) => s.items.find((i) => i.itemKey === key);
    expect(rate(day1, 'distancing_marks')).toEqual({ itemKey: 'distancing_marks', title: '电梯、大厅设置 1 米线标识', place: 'building', passRate: r(4, 5, 0.8) });
    expect(rate(day1, 'entrance_temperature')!.passRate).toEqual(r(3, 5, 0.6));
    expect(rate(day1, 'office_area')!.passRate).toEqual(r(4, 5, 0.8));
    expect(rate(day1, 'vehicle_registration')!.passRate).toEqual(r(5, 5, 1));
    expect(day1.items.map((i) => i.itemKey)).toEqual(['distancing_marks', 'entrance_temperature', 'office_area', 'publicity', 'vehicle_registration']);
    // Park 0 again on 02-26, all passing: 5 of 6.
    expect(rate(period, 'distancing_marks')!.passRate).toEqual(r(5, 6, 0.8333));
    expect(day1.topFailing).toEqual([
      { itemKey: 'entrance_temperature', title: '入口设置测温点，进入人员全部测温', fails: 2 },
      { itemKey: 'distancing_marks', title: '电梯、大厅设置 1 米线标识', fails: 1 },
      { itemKey: 'office_area', title: '办公区域人均面积不低于 2.5 平方米', fails: 1 },
    ]);
  });

  it('findings, the ledger and the days to close', () => {
    expect(day1.findings).toEqual({ total: 4, fixedOnSpot: r(1, 4, 0.25), ledgered: r(3, 4, 0.75) });
    // Day 1 asked on 02-24: all three open, none overdue yet, none closed.
    expect(day1.ledger).toEqual({ open: 3, closed: 0, overdue: 0 });
    expect(day1.averageDaysToClose).toEqual(r(0, 0, null));
    // By 02-26: two closed (1 and 2 days), park 1's temperature item open past its deadline (02-25).
    expect(period.findings).toEqual({ total: 4, fixedOnSpot: r(1, 4, 0.25), ledgered: r(3, 4, 0.75) });
    expect(period.ledger).toEqual({ open: 1, closed: 2, overdue: 1 });
    expect(period.averageDaysToClose).toEqual(r(3, 2, 1.5));
    expect(Object.keys(period.definitions).sort()).toEqual(['averageDaysToClose', 'daily', 'findings', 'items', 'ledger', 'parks', 'topFailing']);
    expect(period.definitions.items).toMatch(/^检查项合格率/);
  });

  it('the workbook lists each figure with numerator, denominator, rate and definition', async () => {
    const res = await w.call({ method: 'GET', url: '/api/inspections/stats.xlsx?from=2020-02-24&to=2020-02-24' });
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet.header).toEqual(['指标', '分子', '分母', '比率', '口径']);
    expect(sheet.rows.find((row) => row[0] === '检查项合格率 · 电梯、大厅设置 1 米线标识')!.slice(1, 4)).toEqual(['4', '5', '80.0%']);
    expect(sheet.rows.find((row) => row[0] === '期间园区覆盖率')!.slice(1, 4)).toEqual(['5', '6', '83.3%']);
    const en = await w.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-24&lang=en-US' });
    expect(en.json().definitions.averageDaysToClose).toMatch(/^Average days to close/);
  });

  it('another zone sees none of it', async () => {
    const them = await inspectionWorld(t.app, t.services);
    const s = (await them.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-26' })).json();
    expect(s).toMatchObject({ parks: r(0, 0, null), items: [], topFailing: [], findings: { total: 0 }, ledger: { open: 0, closed: 0, overdue: 0 } });
  });
});

describe('the period and access', () => {
  it('from ≤ to and at most 366 days, naming the field; readers with the statistics permission only', async () => {
    const w = await inspectionWorld(t.app, t.services);
    const get = (q: string) => w.call({ method: 'GET', url: `/api/inspections/stats?${q}` });
    const back = await get('from=2020-02-26&to=2020-02-24');
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details[0]).toMatchObject({ path: 'to' });
    const long = await get('from=2020-01-01&to=2021-01-01');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0]).toMatchObject({ path: 'to' });
    expect(long.json().error.details[0].message).toContain('366');
    expect((await get('from=2020-01-01&to=2020-12-31')).json().daily).toHaveLength(366);
    expect((await get('to=2020-02-24')).statusCode).toBe(400);
    expect((await get('from=2020-02-24&to=2020-02-31')).statusCode).toBe(400);
    // Days at the ends of the calendar are counted as days, not 19xx nor past the year 9999.
    const dates = async (q: string) => {
      const res = await get(q);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      return (res.json().daily as { date: string }[]).map((d) => d.date);
    };
    expect(await dates('from=0001-01-01&to=0001-01-03')).toEqual(['0001-01-01', '0001-01-02', '0001-01-03']);
    expect(await dates('from=9999-12-30&to=9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect((await get('from=9999-12-31&to=9999-12-31&lang=en-US')).statusCode).toBe(200);
    expect((await w.call({ method: 'GET', url: '/api/inspections/stats.xlsx?from=9999-12-31&to=9999-12-31' })).statusCode).toBe(200);

    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-24' })).statusCode).toBe(200);
    expect((await w.parks[0]!.inspector.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-24' })).statusCode).toBe(200);
    const e = await makeEnterprise(t.services, w.zone);
    const owner = await signedInUser(t.app, t.services, w.zone, ['enterprise_user'], { enterpriseId: e.id });
    expect((await owner.call({ method: 'GET', url: '/api/inspections/stats?from=2020-02-24&to=2020-02-24' })).statusCode).toBe(403);
    expect((await owner.call({ method: 'GET', url: '/api/inspections/stats.xlsx?from=2020-02-24&to=2020-02-24' })).statusCode).toBe(403);
  });
});
