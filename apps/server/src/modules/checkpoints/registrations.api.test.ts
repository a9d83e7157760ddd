// Registrations as staff see them: masked in the list and the export, filtered by checkpoint, day,
// direction, result, source and q (code, name fragment, plate); revealing a value needs pii.reveal
// and a reason and is audited; a temperature entered later changes the result, the rollup and
// opens (or updates) a case with an alert, audited without personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent, Registration } from '@shuangsheng/contracts';
import { makeTestApp, testClock, TEST_DIALECT, type TestApp } from '../../test/harness.js';
import { sqlitePlan } from '../../test/sqlite-plan.js';
import { makeRegistrationsRepo } from './registrations.repo.js';
import { makeZone, signedInUser } from '../../test/factories.js';
import { makeCheckpoint, signedInCheckpointStaff } from '../../test/checkpoint-factories.js';
import { carForm, HEALTHY, postPublic, publicForm, registerPublic } from '../../test/checkpoint-factories-2.js';
import { rollupLevels } from '../../test/checkpoint-factories-3.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const DAY = 24 * 3_600_000;
const db = () => t.deps.database.db;

async function setup() {
  const zone = await makeZone(t.services);
  const east = await makeCheckpoint(t, zone, { name: '东站卡口' });
  const west = await makeCheckpoint(t, zone, { name: '西站卡口' });
  const staff = await signedInCheckpointStaff(t.app, t.services, zone);
  const admin = await signedInUser(t.app, t.services, zone, ['zone_admin']);
  const walker = publicForm({ name: '步行者甲' });
  const car = carForm(1, { name: '司机乙', plate: '川C55555', direction: 'out' });
  const sick = publicForm({ name: '发热者丙', health: { ...HEALTHY, fever: true } });
  const r = {
    walker: await registerPublic(t.app, east.token, walker),
    car: await registerPublic(t.app, west.token, car),
    sick: await registerPublic(t.app, east.token, sick),
  };
  const start = clock.now();
  clock.advance(DAY);
  const tomorrow = await registerPublic(t.app, east.token, publicForm({ name: '次日丁' }));
  clock.set(start);
  return { zone, east, west, staff, admin, forms: { walker, car, sick }, r: { ...r, tomorrow } };
}

describe('the registration list', () => {
  it('shows every registration masked, newest first, with names, and no plain ID number or phone', async () => {
    const s = await setup();
    const res = await s.staff.call({ method: 'GET', url: '/api/checkpoints/registrations' });
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { items: Registration[]; total: number };
    expect(total).toBe(5);
    expect(items.map((i) => i.name)).toEqual(['次日丁', '发热者丙', '乘客1', '司机乙', '步行者甲']);
    const walker = items.find((i) => i.name === '步行者甲')!;
    const id = s.forms.walker.idNumber as string;
    const phone = s.forms.walker.phone as string;
    expect(walker).toMatchObject({
      id: s.r.walker.id,
      code: s.r.walker.code,
      checkpointName: '东站卡口',
      source: 'public',
      direction: 'in',
      idKind: 'resident_id',
      idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      plate: null,
      isVehicle: false,
      originProvince: '四川', // stored short, as the statistics count it
      health: HEALTHY,
      temperature: null,
      result: 'green',
      reasons: [],
      createdByName: null,
    });
    expect(items.find((i) => i.name === '发热者丙')).toMatchObject({ result: 'red', reasons: ['fever'] });
    expect(items.find((i) => i.name === '司机乙')).toMatchObject({ isVehicle: true, plate: '川C55555', direction: 'out' });
    for (const form of Object.values(s.forms)) {
      expect(res.body.includes(form.idNumber as string)).toBe(false);
      expect(res.body.includes(form.phone as string)).toBe(false);
    }
  });

  it('filters by checkpoint, days, direction, result, source and q (code, name fragment, plate)', async () => {
    const s = await setup();
    const names = async (query: string) => ((await s.staff.call({ method: 'GET', url: `/api/checkpoints/registrations?${query}` })).json().items as Registration[]).map((i) => i.name).sort();
    expect(await names(`checkpointId=${s.west.id}`)).toEqual(['乘客1', '司机乙']);
    expect(await names('from=2020-02-25')).toEqual(['次日丁']);
    expect(await names('to=2020-02-24&direction=in')).toEqual(['发热者丙', '步行者甲']);
    expect(await names('result=red')).toEqual(['发热者丙']);
    expect(await names('source=staff')).toEqual([]);
    expect(await names(`q=${s.r.car.code.toLowerCase()}`)).toEqual(['乘客1', '司机乙']);
    expect(await names(`q=${encodeURIComponent('发热')}`)).toEqual(['发热者丙']);
    expect(await names(`q=${encodeURIComponent('c 555')}`)).toEqual(['乘客1', '司机乙']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
    // A whole ID number finds nothing here: searching people by document is tracing (reason, audit).
    expect(await names(`q=${s.forms.walker.idNumber as string}`)).toEqual([]);
    const page = (await s.staff.call({ method: 'GET', url: '/api/checkpoints/registrations?page=2&pageSize=2&sort=at:asc' })).json();
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const bad = await s.staff.call({ method: 'GET', url: '/api/checkpoints/registrations?result=blue' });
    expect(bad.statusCode).toBe(400);
  });

  it('counts a day from the zone’s midnight to the next (Asia/Shanghai), and finds the window by the time index', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone, { name: '午夜卡口' });
    const staff = await signedInCheckpointStaff(t.app, t.services, zone);
    const start = clock.now();
    // 2020-02-24 23:59:59.999 and 2020-02-25 00:00 in Shanghai (UTC+8).
    clock.set(Date.UTC(2020, 1, 24, 15, 59, 59, 999));
    await registerPublic(t.app, cp.token, publicForm({ name: '午夜前' }));
    clock.set(Date.UTC(2020, 1, 24, 16, 0, 0));
    await registerPublic(t.app, cp.token, publicForm({ name: '午夜后' }));
    clock.set(start);
    const list = async (query: string) => (await s(query)).json() as { items: Registration[]; total: number };
    const s = (query: string) => staff.call({ method: 'GET', url: `/api/checkpoints/registrations?${query}` });
    expect(await list('to=2020-02-24')).toMatchObject({ total: 1, items: [{ name: '午夜前' }] });
    expect(await list('from=2020-02-25&to=2020-02-25')).toMatchObject({ total: 1, items: [{ name: '午夜后' }] });
    expect(await list(`from=2020-02-24&to=2020-02-25&checkpointId=${cp.id}`)).toMatchObject({ total: 2 });
    expect((await list('from=2020-02-26')).total).toBe(0);
    if (TEST_DIALECT === 'sqlite') {
      // The days were a filter on `day`, which no index holds: the zone's every row was read.
      const repo = makeRegistrationsRepo(db(), 'sqlite');
      const window = { fromMs: Date.UTC(2020, 1, 23, 16), toMs: Date.UTC(2020, 1, 24, 16) };
      expect(await sqlitePlan(db(), repo.countQuery(zone.id, window).compile())).toMatch(/USING (COVERING )?INDEX checkpoint_registrations_at_ix \(zone_id=\? AND at>\? AND at<\?\)/);
      expect(await sqlitePlan(db(), repo.pageQuery(zone.id, { ...window, page: 1, pageSize: 20 }).compile())).toMatch(/INDEX checkpoint_registrations_at_ix \(zone_id=\? AND at>\? AND at<\?\)/);
      expect(await sqlitePlan(db(), repo.countQuery(zone.id, { ...window, checkpointId: cp.id }).compile())).toMatch(/INDEX checkpoint_registrations_cp_ix \(zone_id=\? AND checkpoint_id=\? AND at>\? AND at<\?\)/);
    }
  });

  it('exports the filtered registrations masked, in time order', async () => {
    const s = await setup();
    const res = await s.staff.call({ method: 'GET', url: '/api/checkpoints/registrations/export.xlsx?to=2020-02-24' });
    expect(res.statusCode).toBe(200);
    const sheet = await xlsxResponse(res);
    expect(column(sheet, '姓名')).toEqual(['步行者甲', '司机乙', '乘客1', '发热者丙']);
    expect(column(sheet, '卡口')).toEqual(['东站卡口', '西站卡口', '西站卡口', '东站卡口']);
    expect(column(sheet, '登记时间')[0]).toBe('2020-02-24 09:00:00');
    expect(column(sheet, '结果')).toEqual(['通过', '通过', '通过', '异常，请配合处置']);
    expect(column(sheet, '驾乘')).toEqual(['', '驾驶人', '同车人员', '']);
    const id = s.forms.walker.idNumber as string;
    expect(column(sheet, '证件号码')[0]).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    const text = JSON.stringify(sheet);
    for (const form of Object.values(s.forms)) {
      expect(text.includes(form.idNumber as string)).toBe(false);
      expect(text.includes(form.phone as string)).toBe(false);
    }
    const en = await xlsxResponse(await s.staff.call({ method: 'GET', url: '/api/checkpoints/registrations/export.xlsx?lang=en-US&result=red' }));
    expect(column(en, 'Name')).toEqual(['发热者丙']);
    expect(column(en, 'Alert reasons')).toEqual(['Declared fever']);
  });
});

describe('revealing', () => {
  it('needs pii.reveal and a reason, shows the value and is audited without it', async () => {
    const s = await setup();
    const url = `/api/checkpoints/registrations/${s.r.walker.id}/actions/reveal`;
    expect((await s.staff.call({ method: 'POST', url, payload: { field: 'idNumber', reason: '核实身份信息' } })).statusCode).toBe(403);
    const short = await s.admin.call({ method: 'POST', url, payload: { field: 'idNumber', reason: '查' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('reason');
    const id = await s.admin.call({ method: 'POST', url, payload: { field: 'idNumber', reason: '核实身份信息' }, headers: { 'x-request-id': 'reveal-id-1' } });
    expect(id.json()).toEqual({ value: s.forms.walker.idNumber });
    const phone = await s.admin.call({ method: 'POST', url, payload: { field: 'phone', reason: '联系本人复核' } });
    expect(phone.json()).toEqual({ value: s.forms.walker.phone });
    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', s.zone.id).where('action', '=', 'checkpoint_registration.reveal').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [a.entity_type, a.entity_id, a.actor_id, JSON.parse(a.after_json!)])).toEqual([
      ['checkpoint_registration', s.r.walker.id, s.admin.user.id, { field: 'idNumber', reason: '核实身份信息' }],
      ['checkpoint_registration', s.r.walker.id, s.admin.user.id, { field: 'phone', reason: '联系本人复核' }],
    ]);
    expect(audit[0]!.request_id).toBe('reveal-id-1');
    expect(JSON.stringify(audit)).not.toContain(s.forms.walker.idNumber as string);
    // Another zone's registration is not found.
    const other = await setup();
    const foreign = await s.admin.call({ method: 'POST', url: `/api/checkpoints/registrations/${other.r.walker.id}/actions/reveal`, payload: { field: 'phone', reason: '越区查看' } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('a temperature entered later', () => {
  it('while fevers are registered in the same hour: every request succeeds and the three rollup levels agree', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone, { name: '并发卡口' });
    const staff = await signedInCheckpointStaff(t.app, t.services, zone);
    const earlier = await Promise.all(Array.from({ length: 12 }, () => registerPublic(t.app, cp.token, publicForm())));
    const fever = { fever: true, cough: false, contact: false, highRiskTravel: false };
    // Staff temperatures (each opens a case, then adds to the rollups) beside public registrations
    // with a declared fever (each commit opens cases, then adds to the same rollups).
    const answers = await Promise.all([
      ...earlier.map((r) => staff.call({ method: 'POST', url: `/api/checkpoints/registrations/${r.id}/actions/temperature`, payload: { temperature: 38.4 } })),
      ...Array.from({ length: 12 }, () => postPublic(t.app, cp.token, publicForm({ health: fever }))),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(12).fill(200), ...Array(12).fill(201)]);
    const levels = await rollupLevels(t, zone.id);
    expect(levels.stored).toEqual(levels.expected);
    expect(levels.stored.hours).toEqual(['2020-02-24 9 24 0 24']);
    const cases = await t.deps.database.db.selectFrom('checkpoint_cases').select('number').where('zone_id', '=', zone.id).execute();
    expect(new Set(cases.map((c) => c.number)).size).toBe(24);
  });

  it('a fever turns the registration red, adds the alert to its hour, opens a case and alerts; a normal one takes it back', async () => {
    const s = await setup();
    const alerts: AlertEvent[] = [];
    const stop = t.services.checkpoints.events.subscribe(s.zone.id, (e) => alerts.push(e.data as AlertEvent));
    try {
      const url = `/api/checkpoints/registrations/${s.r.walker.id}/actions/temperature`;
      const alertsOfHour = async () => (await t.deps.database.db.selectFrom('checkpoint_rollups').select('alerts').where('zone_id', '=', s.zone.id).where('checkpoint_id', '=', s.east.id).where('day', '=', '2020-02-24').executeTakeFirstOrThrow()).alerts;
      expect(await alertsOfHour()).toBe(1);
      const hot = await s.staff.call({ method: 'POST', url, payload: { temperature: 38.1 } });
      expect(hot.statusCode, hot.body).toBe(200);
      expect(hot.json()).toMatchObject({ id: s.r.walker.id, temperature: 38.1, result: 'red', reasons: ['temperature'] });
      expect(await alertsOfHour()).toBe(2);
      const cases = await t.deps.database.db.selectFrom('checkpoint_cases').selectAll().where('registration_id', '=', s.r.walker.id).execute();
      expect(cases).toMatchObject([{ status: 'open', temperature: 381, reasons: 'temperature', result: 'red', name: '步行者甲' }]);
      expect(alerts).toEqual([expect.objectContaining({ caseId: cases[0]!.id, number: cases[0]!.number, temperature: 38.1, result: 'red', checkpointName: '东站卡口' })]);

      const normal = await s.staff.call({ method: 'POST', url, payload: { temperature: 36.6 } });
      expect(normal.json()).toMatchObject({ temperature: 36.6, result: 'green', reasons: [] });
      expect(await alertsOfHour()).toBe(1);
      // The day's and the zone's hour took the same changes.
      const levels = await rollupLevels(t, s.zone.id);
      expect(levels.stored).toEqual(levels.expected);
      expect(levels.stored.hours).toEqual(['2020-02-24 9 4 1 1', '2020-02-25 9 1 0 0']);
      // The case being followed up takes the new measurement; no second case, no alert.
      const after = await t.deps.database.db.selectFrom('checkpoint_cases').selectAll().where('registration_id', '=', s.r.walker.id).execute();
      expect(after).toMatchObject([{ id: cases[0]!.id, status: 'open', temperature: 366 }]);
      expect(alerts).toHaveLength(1);

      const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', s.zone.id).where('action', '=', 'checkpoint_registration.temperature').orderBy('at').orderBy('id').execute();
      expect(audit.map((a) => [a.actor_id, JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
        [s.staff.user.id, { temperature: null, result: 'green', reasons: [] }, { temperature: 38.1, result: 'red', reasons: ['temperature'], caseNumber: cases[0]!.number }],
        [s.staff.user.id, { temperature: 38.1, result: 'red', reasons: ['temperature'] }, { temperature: 36.6, result: 'green', reasons: [] }],
      ]);
      const stored = JSON.stringify(audit);
      expect(stored.includes(s.forms.walker.idNumber as string) || stored.includes(s.forms.walker.phone as string)).toBe(false);
      const events = (await s.staff.call({ method: 'GET', url: `/api/checkpoints/cases/${cases[0]!.id}` })).json().events;
      expect(events.map((e: { action: string; note: string | null }) => [e.action, e.note])).toEqual([
        ['open', null],
        ['temperature', '36.6 ℃'],
      ]);
    } finally {
      stop();
    }
  });

  it('a fever on a declared symptom turns its case red and alerts; a fever on a red one only updates it', async () => {
    const s = await setup();
    const cough = await registerPublic(t.app, s.east.token, publicForm({ name: '咳嗽者戊', health: { ...HEALTHY, cough: true } }));
    const alerts: AlertEvent[] = [];
    const stop = t.services.checkpoints.events.subscribe(s.zone.id, (e) => alerts.push(e.data as AlertEvent));
    try {
      const res = await s.staff.call({ method: 'POST', url: `/api/checkpoints/registrations/${cough.id}/actions/temperature`, payload: { temperature: 37.3 } });
      expect(res.json()).toMatchObject({ result: 'red', reasons: ['temperature', 'cough'] });
      expect(alerts).toEqual([expect.objectContaining({ name: '咳嗽者戊', result: 'red', reasons: ['temperature', 'cough'], temperature: 37.3 })]);
      await s.staff.call({ method: 'POST', url: `/api/checkpoints/registrations/${s.r.sick.id}/actions/temperature`, payload: { temperature: 39 } });
      expect(alerts).toHaveLength(1);
      const cases = await t.deps.database.db.selectFrom('checkpoint_cases').select(['name', 'temperature', 'reasons', 'result']).where('zone_id', '=', s.zone.id).orderBy('number').execute();
      expect(cases).toEqual([
        { name: '发热者丙', temperature: 390, reasons: 'temperature,fever', result: 'red' },
        { name: '咳嗽者戊', temperature: 373, reasons: 'temperature,cough', result: 'red' },
      ]);
    } finally {
      stop();
    }
  });

  it('after a case is closed, a new fever opens a new case', async () => {
    const s = await setup();
    const url = `/api/checkpoints/registrations/${s.r.walker.id}/actions/temperature`;
    await s.staff.call({ method: 'POST', url, payload: { temperature: 37.8 } });
    const [first] = await t.deps.database.db.selectFrom('checkpoint_cases').select('id').where('registration_id', '=', s.r.walker.id).execute();
    await t.services.checkpoints.cases.act(s.zone.ctx, first!.id, 'close', { outcome: 'cleared' });
    // Back to normal and hot again: the closed case stays closed, a new one opens.
    await s.staff.call({ method: 'POST', url, payload: { temperature: 36.5 } });
    await s.staff.call({ method: 'POST', url, payload: { temperature: 38.4 } });
    const cases = await t.deps.database.db.selectFrom('checkpoint_cases').select(['status', 'temperature']).where('registration_id', '=', s.r.walker.id).orderBy('number').execute();
    expect(cases).toEqual([
      { status: 'closed', temperature: 378 },
      { status: 'open', temperature: 384 },
    ]);
  });

  it('a fever entered while its case is being closed is never lost: the closed case stays as closed, or a new case opens', async () => {
    const s = await setup();
    for (let i = 0; i < 10; i++) {
      const r = await registerPublic(t.app, s.east.token, publicForm({ name: `并行${i}` }));
      const url = `/api/checkpoints/registrations/${r.id}/actions/temperature`;
      await s.staff.call({ method: 'POST', url, payload: { temperature: 37.8 } });
      const first = await t.services.checkpoints.cases.repo.byRegistration(s.zone.id, r.id);
      const [hot, close] = await Promise.all([
        s.staff.call({ method: 'POST', url, payload: { temperature: 38.9 } }),
        s.admin.call({ method: 'POST', url: `/api/checkpoints/cases/${first!.id}/actions/close`, payload: { outcome: 'cleared' } }),
      ]);
      expect([hot.statusCode, close.statusCode]).toEqual([200, 200]);
      // Nothing happens to a case after its close; the 38.9 °C is on a case followed up before the
      // close, or on a new open one.
      const events = await t.deps.database.db.selectFrom('checkpoint_case_events').select('action').where('case_id', '=', first!.id).orderBy('id').execute();
      expect(events.at(-1)!.action).toBe('close');
      const cases = await t.deps.database.db.selectFrom('checkpoint_cases').select(['id', 'status', 'temperature']).where('registration_id', '=', r.id).orderBy('number').execute();
      const measured = events.some((e) => e.action === 'temperature');
      expect(cases).toEqual(measured ? [{ id: first!.id, status: 'closed', temperature: 389 }] : [{ id: first!.id, status: 'closed', temperature: 378 }, { id: expect.any(String), status: 'open', temperature: 389 }]);
    }
  });

  it('is for checkpoint staff and admins (leaders 403), with a temperature in range; another zone’s registration 404', async () => {
    const s = await setup();
    const leader = await signedInUser(t.app, t.services, s.zone, ['leader']);
    const url = `/api/checkpoints/registrations/${s.r.walker.id}/actions/temperature`;
    expect((await leader.call({ method: 'POST', url, payload: { temperature: 36.5 } })).statusCode).toBe(403);
    expect((await leader.call({ method: 'GET', url: '/api/checkpoints/registrations' })).statusCode).toBe(200);
    const cold = await s.staff.call({ method: 'POST', url, payload: { temperature: 30 } });
    expect(cold.statusCode).toBe(400);
    expect(cold.json().error.details).toEqual([{ path: 'temperature', message: '体温应在 34.0 至 43.0 ℃ 之间' }]);
    const other = await setup();
    const foreign = await s.staff.call({ method: 'POST', url: `/api/checkpoints/registrations/${other.r.walker.id}/actions/temperature`, payload: { temperature: 38 } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details).toEqual({ entity: 'checkpoint_registration', id: other.r.walker.id });
    const theirs = await t.deps.database.db.selectFrom('checkpoint_registrations').select('temperature').where('id', '=', other.r.walker.id).executeTakeFirstOrThrow();
    expect(theirs.temperature).toBeNull();
  });
});
