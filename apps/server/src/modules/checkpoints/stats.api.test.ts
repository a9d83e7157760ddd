// Checkpoint statistics: person-times and vehicles screened from the hourly rollups (equal to a
// recount of the rows), by checkpoint, day, hour, province and risk level, alerts with numerator
// and denominator, cases by status and reason, the checkpoints' states, definitions in the asked
// language, the period's limits, the workbook; who may read them. Zigong's two figures — 80,708
// vehicles and 166,760 person-times over February 2020 — come out of rows registered that month.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointStats } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { newAdmin, signedInUser } from '../../test/factories.js';
import { makeCheckpoint, makeGridUnit, setRisk } from '../../test/checkpoint-factories.js';
import { insertRegistrations, people, registrationRow, rollupLevels, vehicleRows } from '../../test/checkpoint-factories-3.js';
import { newId } from '../../platform/ids.js';
import type { RegistrationRow } from './registrations.writer.js';
import { CHECKPOINT_STATS_DEFINITION_LABELS } from './stats.compute.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const cst = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);

async function sheetsOf(buffer: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return Object.fromEntries(
    wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v === null || v === undefined ? '' : String(v);
      })));
      return [ws.name, rows];
    }),
  );
}

/** A small zone: two checkpoints in grid units of different levels, a closed one, a car, alerts and cases. */
async function world() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const high = await makeGridUnit(t, zone);
  const low = await makeGridUnit(t, zone);
  await setRisk(t, zone, high.id, 'high');
  await setRisk(t, zone, low.id, 'low');
  const east = await makeCheckpoint(t, zone, { name: '自贡东 高速出口', gridUnitId: high.id });
  const gate = await makeCheckpoint(t, zone, { name: '板仓园区 东门', kind: 'park_gate', gridUnitId: low.id });
  const closed = await makeCheckpoint(t, zone, { name: '旧卡口', kind: 'city_road', gridUnitId: null, status: 'closed' });
  const ps = people(t, 8, 5000);
  const rows: RegistrationRow[] = [
    // 2020-02-20: a car of three at 08:xx from Chongqing (one with a fever), a walker at 08:xx.
    ...vehicleRows(t, zone, { checkpointId: east.id, at: cst('2020-02-20', '08:10'), plate: '渝A12345', province: '重庆市', people: [ps[0]!, ps[1]!, ps[2]!] }),
    registrationRow(t, zone, { checkpointId: gate.id, at: cst('2020-02-20', '08:40'), person: ps[3]!, province: '四川省' }),
    // 2020-02-21 23:30 (zone time; UTC the 21st 15:30): a yellow one from Hubei by car.
    registrationRow(t, zone, { checkpointId: east.id, at: cst('2020-02-21', '23:30'), person: ps[4]!, plate: '鄂A00001', province: '湖北省', result: 'yellow', reasons: ['high_risk_travel'] }),
    // 2020-02-22 00:30: the next day in the zone, still the 21st in UTC. A pass scan (no province).
    registrationRow(t, zone, { checkpointId: gate.id, at: cst('2020-02-22', '00:30'), person: ps[5]!, province: null, source: 'pass' }),
    // Outside the period asked below.
    registrationRow(t, zone, { checkpointId: east.id, at: cst('2020-02-19', '23:59'), person: ps[6]! }),
    registrationRow(t, zone, { checkpointId: east.id, at: cst('2020-02-23', '00:00'), person: ps[7]! }),
  ];
  rows[1] = { ...rows[1]!, result: 'red', reasons: 'fever', fever: 1 };
  await insertRegistrations(t, rows);
  // Cases: the fever (open), the Hubei traveller (closed), one outside the period.
  const mk = (r: RegistrationRow, status: string, reasons: string) => ({
    id: newId(), zone_id: zone.id, number: `YC-${newId().slice(-8)}`, registration_id: r.id, checkpoint_id: r.checkpoint_id, at: r.at, name: r.name, id_enc: r.id_enc, id_idx: r.id_idx,
    phone_enc: null, phone_idx: null, plate: r.plate, temperature: null, reasons, result: 'red', status, clinic: null, outcome: null, note: null, closed_at: null, created_at: r.at, updated_at: r.at,
  });
  await t.deps.database.db.insertInto('checkpoint_cases').values([mk(rows[1]!, 'open', 'fever'), mk(rows[4]!, 'closed', 'high_risk_travel'), mk(rows[6]!, 'transferred', 'temperature,cough')]).execute();
  return { ...admin, east, gate, closed, rows };
}

describe('the statistics of a period', () => {
  it('count person-times, vehicles and alerts by checkpoint, day, hour, province and level, by the zone’s days', async () => {
    const w = await world();
    const res = await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-20&to=2020-02-22' });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as CheckpointStats;
    expect(s).toMatchObject({ from: '2020-02-20', to: '2020-02-22', persons: 6, vehicles: 2, alerts: 2, alertRate: { numerator: 2, denominator: 6, value: 0.3333 } });
    expect(s.byCheckpoint).toEqual([
      { checkpointId: w.east.id, name: '自贡东 高速出口', kind: 'highway_exit', status: 'active', persons: 4, vehicles: 2, alerts: 2 },
      { checkpointId: w.gate.id, name: '板仓园区 东门', kind: 'park_gate', status: 'active', persons: 2, vehicles: 0, alerts: 0 },
      { checkpointId: w.closed.id, name: '旧卡口', kind: 'city_road', status: 'closed', persons: 0, vehicles: 0, alerts: 0 },
    ]);
    expect(s.byDay).toEqual([
      { day: '2020-02-20', persons: 4, vehicles: 1, alerts: 1 },
      { day: '2020-02-21', persons: 1, vehicles: 1, alerts: 1 },
      { day: '2020-02-22', persons: 1, vehicles: 0, alerts: 0 },
    ]);
    expect(s.byHour).toHaveLength(24);
    expect(s.byHour.filter((h) => h.persons > 0)).toEqual([
      { hour: 0, persons: 1, vehicles: 0, alerts: 0 },
      { hour: 8, persons: 4, vehicles: 1, alerts: 1 },
      { hour: 23, persons: 1, vehicles: 1, alerts: 1 },
    ]);
    // Provinces as the writer keeps them (重庆市 and 重庆 are one).
    expect(s.byProvince).toEqual([
      { province: '重庆', persons: 3, vehicles: 1 },
      { province: '', persons: 1, vehicles: 0 },
      { province: '湖北', persons: 1, vehicles: 1 },
      { province: '四川', persons: 1, vehicles: 0 },
    ]);
    expect(s.byRisk).toEqual([
      { level: 'high', checkpoints: 1, persons: 4 },
      { level: 'low', checkpoints: 1, persons: 2 },
      { level: null, checkpoints: 1, persons: 0 },
    ]);
    expect(s.cases).toEqual({ total: 2, open: 1, transferred: 0, resulted: 0, closed: 1, byReason: [{ reason: 'fever', count: 1 }, { reason: 'high_risk_travel', count: 1 }] });
    expect(s.checkpoints).toEqual({ active: 2, servicePoint: 0, closed: 1 });

    // One checkpoint.
    const one = (await w.call({ method: 'GET', url: `/api/checkpoints/stats?from=2020-02-19&to=2020-02-23&checkpointId=${w.east.id}` })).json() as CheckpointStats;
    expect(one).toMatchObject({ persons: 6, vehicles: 2, alerts: 2, checkpoints: { active: 1, servicePoint: 0, closed: 0 } });
    expect(one.byCheckpoint.map((c) => c.checkpointId)).toEqual([w.east.id]);
    expect(one.cases).toMatchObject({ total: 3, transferred: 1, byReason: [{ reason: 'temperature', count: 1 }, { reason: 'fever', count: 1 }, { reason: 'cough', count: 1 }, { reason: 'high_risk_travel', count: 1 }] });
  });

  it('define every figure, in the language asked; refuse a period out of order or over 366 days', async () => {
    const w = await world();
    const zh = (await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-20&to=2020-02-22' })).json() as CheckpointStats;
    expect(Object.keys(zh.definitions).sort()).toEqual(Object.keys(CHECKPOINT_STATS_DEFINITION_LABELS).sort());
    expect(zh.definitions.persons).toContain('人次');
    const en = (await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-20&to=2020-02-22&lang=en-US' })).json() as CheckpointStats;
    expect(en.definitions.alertRate).toBe('Alert rate = alerts / person-times screened.');
    const reversed = await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-22&to=2020-02-20' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details).toEqual([expect.objectContaining({ path: 'to' })]);
    const long = await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2019-01-01&to=2020-02-20' });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toEqual([expect.objectContaining({ path: 'to', message: '统计期间最长 366 天' })]);
    expect((await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-20' })).statusCode).toBe(400);
    expect((await w.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-30&to=2020-03-01' })).statusCode).toBe(400);
  });

  it('export the figures with their definitions, and the tables by checkpoint, day, hour and province', async () => {
    const w = await world();
    const res = await w.call({ method: 'GET', url: '/api/checkpoints/stats.xlsx?from=2020-02-20&to=2020-02-22' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await sheetsOf(res.rawPayload);
    expect(Object.keys(sheets)).toEqual(['指标', '按卡口', '按日', '按小时', '按来源省份']);
    expect(sheets['指标']![0]).toEqual(['指标', '数值/分子', '分母', '比率', '口径']);
    expect(sheets['指标']![1]!.slice(0, 2)).toEqual(['筛查人次', '6']);
    expect(sheets['指标']![4]!.slice(0, 4)).toEqual(['预警率', '2', '6', '33.33%']);
    expect(sheets['按卡口']!.slice(1).map((r) => r.slice(0, 4))).toEqual([['自贡东 高速出口', '高速出入口', '运行中', '4'], ['板仓园区 东门', '园区门岗', '运行中', '2'], ['旧卡口', '城市道路', '已撤除', '0']]);
    expect(sheets['按日']!.slice(1).map((r) => r[1])).toEqual(['4', '1', '1']);
    expect(sheets['按小时']![9]).toEqual(['08:00–09:00', '4', '1', '1']);
    expect(sheets['按来源省份']!.slice(1).map((r) => r[0])).toEqual(['重庆', '未申报', '湖北', '四川']);
    const en = await sheetsOf((await w.call({ method: 'GET', url: '/api/checkpoints/stats.xlsx?from=2020-02-20&to=2020-02-22&lang=en-US' })).rawPayload);
    expect(Object.keys(en)).toEqual(['Figures', 'By checkpoint', 'By day', 'By hour', 'By origin province']);
  });

  it('keep settled days once read; today is read afresh; invalidate forgets a day', async () => {
    const w = await world();
    // Through the service: the clock moves past the session's idle limit below.
    const byDay = async () => Object.fromEntries((await t.services.checkpoints.stats.stats(w.zone.ctx, { from: '2020-02-20', to: '2020-02-24' })).byDay.map((d) => [d.day, d.persons]));
    expect(await byDay()).toEqual({ '2020-02-20': 4, '2020-02-21': 1, '2020-02-22': 1, '2020-02-23': 1, '2020-02-24': 0 });
    // Late rows (the test writes them straight; the intake only writes at the time they happen).
    const [p] = people(t, 1, 5100);
    await insertRegistrations(t, ['2020-02-20', '2020-02-23', '2020-02-24'].map((d) => registrationRow(t, w.zone, { checkpointId: w.gate.id, at: cst(d, '08:30'), person: p! })));
    expect(await byDay()).toEqual({ '2020-02-20': 4, '2020-02-21': 1, '2020-02-22': 1, '2020-02-23': 1, '2020-02-24': 1 });
    t.services.checkpoints.stats.invalidate(w.zone.id, '2020-02-20');
    expect(await byDay()).toEqual({ '2020-02-20': 5, '2020-02-21': 1, '2020-02-22': 1, '2020-02-23': 1, '2020-02-24': 1 });
    t.services.checkpoints.stats.invalidate(w.zone.id);
    expect(await byDay()).toEqual({ '2020-02-20': 5, '2020-02-21': 1, '2020-02-22': 1, '2020-02-23': 2, '2020-02-24': 1 });
    // Just after midnight yesterday is not settled yet: read afresh.
    const start = clock.now();
    try {
      clock.set(cst('2020-02-25', '00:03'));
      await insertRegistrations(t, [registrationRow(t, w.zone, { checkpointId: w.gate.id, at: cst('2020-02-24', '23:59'), person: p! })]);
      expect((await byDay())['2020-02-24']).toBe(2);
    } finally {
      clock.set(start);
    }
  });

  it('a temperature entered later for a settled day counts in its alerts at once', async () => {
    const w = await world();
    const alerts = async () => (await t.services.checkpoints.stats.stats(w.zone.ctx, { from: '2020-02-20', to: '2020-02-20' })).byDay[0]!.alerts;
    expect(await alerts()).toBe(1);
    // The walker at the park gate on the 20th (green), measured at 38.1 ℃ afterwards.
    await t.services.checkpoints.registrations.setTemperature(w.zone.ctx, w.rows[3]!.id, 38.1);
    expect(await alerts()).toBe(2);
  });

  it('are read with checkpoints.stats: staff, leaders, admins; not by others', async () => {
    const w = await world();
    for (const role of ['checkpoint_staff', 'leader', 'platform_admin'] as const) {
      const u = await signedInUser(t.app, t.services, w.zone, [role]);
      const res = await u.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-20&to=2020-02-22' });
      expect(res.statusCode, role).toBe(200);
      expect(res.json().persons, role).toBe(6);
    }
    const other = await signedInUser(t.app, t.services, w.zone, ['inspector']);
    for (const url of ['/api/checkpoints/stats?from=2020-02-20&to=2020-02-22', '/api/checkpoints/stats.xlsx?from=2020-02-20&to=2020-02-22']) expect((await other.call({ method: 'GET', url })).statusCode).toBe(403);
  });
});

// Zigong's month at a tenth by default (8,071 vehicles, 16,676 person-times: a few seconds);
// CHECKPOINT_ZIGONG_FULL=1 writes the whole month (about a minute on a busy 2-core machine).
const ZIGONG_SCALE = process.env.CHECKPOINT_ZIGONG_FULL ? 1 : 10;

describe('Zigong’s figures at scale', () => {
  it(`${ZIGONG_SCALE === 1 ? '80,708 vehicles and 166,760 person-times' : 'a tenth of Zigong’s 80,708 vehicles and 166,760 person-times'} registered over February 2020 come out as exactly those figures, and the rollups equal a recount of the rows`, async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const exits = [
      await makeCheckpoint(t, zone, { name: '自贡东 高速出口' }),
      await makeCheckpoint(t, zone, { name: '自贡西 高速出口' }),
      await makeCheckpoint(t, zone, { name: '富顺 高速出口' }),
    ];
    // 300 people (encrypted once) drive and ride; every vehicle carries one passenger, some a second (5,344 of the whole month's).
    const crowd = people(t, 300, 20_000);
    const VEHICLES = Math.round(80_708 / ZIGONG_SCALE);
    const PERSONS = Math.round(166_760 / ZIGONG_SCALE);
    const extra = PERSONS - 2 * VEHICLES;
    const provinces = ['四川省', '四川省', '四川省', '四川省', '四川省', '四川省', '重庆市', '重庆市', '云南省', '湖北省'];
    const rows: RegistrationRow[] = [];
    // In order of day, exit and hour (06:00–21:59), as they arrive: each insert touches few rollups.
    const perCell = VEHICLES / (29 * exits.length * 16);
    let v = 0;
    for (let d = 1; d <= 29 && v < VEHICLES; d++) {
      const day = `2020-02-${String(d).padStart(2, '0')}`;
      for (const [e, exit] of exits.entries()) {
        for (let h = 6; h < 22; h++) {
          const cell = (d - 1) * exits.length * 16 + e * 16 + (h - 6);
          const until = d === 29 && e === exits.length - 1 && h === 21 ? VEHICLES : Math.round((cell + 1) * perCell);
          for (; v < until; v++) {
            const at = cst(day, `${String(h).padStart(2, '0')}:00`) + (v % 3600) * 1000;
            const n = v < extra ? 3 : 2;
            const who = Array.from({ length: n }, (_, i) => crowd[(v * 3 + i) % crowd.length]!);
            const group = vehicleRows(t, zone, { checkpointId: exit.id, at, plate: `川C${String(v % 100000).padStart(5, '0')}`, province: provinces[v % provinces.length]!, people: who });
            if (v % 250 === 0) group[0] = { ...group[0]!, result: 'yellow', reasons: 'cough', cough: 1 };
            rows.push(...group);
          }
        }
      }
    }
    expect(rows).toHaveLength(PERSONS);
    await insertRegistrations(t, rows, 20_000);

    const s = (await admin.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-02-01&to=2020-02-29' })).json() as CheckpointStats;
    expect(s.vehicles).toBe(VEHICLES);
    expect(s.persons).toBe(PERSONS);
    if (ZIGONG_SCALE === 1) expect([s.vehicles, s.persons]).toEqual([80_708, 166_760]);
    expect(s.alerts).toBe(Math.ceil(VEHICLES / 250));
    expect(s.byDay).toHaveLength(29);
    expect(s.byDay.reduce((n, d) => n + d.persons, 0)).toBe(PERSONS);
    expect(s.byCheckpoint.reduce((n, c) => n + c.vehicles, 0)).toBe(VEHICLES);
    expect(s.byHour.reduce((n, h) => n + h.persons, 0)).toBe(PERSONS);
    expect(s.byProvince.reduce((n, p) => n + p.persons, 0)).toBe(PERSONS);
    expect(s.byProvince[0]).toMatchObject({ province: '四川' });

    // The rollups, cell by cell, are what a count of the rows gives.
    const db = t.deps.database.db;
    const recount = await db
      .selectFrom('checkpoint_registrations')
      .select((eb) => [
        'checkpoint_id',
        'day',
        'hour',
        sql<string>`coalesce(origin_province, '')`.as('province'),
        eb.fn.countAll<number>().as('persons'),
        eb.fn.sum<number>('is_vehicle').as('vehicles'),
        sql<number>`sum(case when result = 'green' then 0 else 1 end)`.as('alerts'),
      ])
      .where('zone_id', '=', zone.id)
      .groupBy(['checkpoint_id', 'day', 'hour', sql`coalesce(origin_province, '')`])
      .execute();
    const rollups = await db.selectFrom('checkpoint_rollups').select(['checkpoint_id', 'day', 'hour', 'province', 'persons', 'vehicles', 'alerts']).where('zone_id', '=', zone.id).execute();
    const norm = (xs: { checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number }[]) =>
      xs.map((x) => `${x.checkpoint_id} ${x.day} ${Number(x.hour)} ${x.province} ${Number(x.persons)} ${Number(x.vehicles)} ${Number(x.alerts)}`).sort();
    expect(rollups.length).toBeGreaterThan(1000 / ZIGONG_SCALE);
    expect(norm(rollups)).toEqual(norm(recount));
    // And the day and hour levels the window reads are their sums.
    const levels = await rollupLevels(t, zone.id);
    expect(levels.stored).toEqual(levels.expected);
    expect(levels.stored.hours.length).toBeGreaterThan(24);
  }, 120_000);
});
