// Intake (卡口登记): the public page behind a QR code (validation naming fields, idempotent retries,
// sequential and parallel, per-address and per-checkpoint limits, closed and retired QR codes,
// personal data encrypted at rest), staff entry (temperatures, repeat of a vehicle, pass scans)
// and who may reach what.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent, RegistrationReceipt } from '@shuangsheng/contracts';
import { makeTestApp, testClock, TEST_DIALECT, type TestApp } from '../../test/harness.js';
import { makeZone, signedInUser, type TestZone } from '../../test/factories.js';
import { makeBuilding, makeCheckpoint, makePass, signedInCheckpointStaff } from '../../test/checkpoint-factories.js';
import { carForm, clientAddress, HEALTHY, idemKey, mobile, postPublic, publicForm, registerPublic, residentId } from '../../test/checkpoint-factories-2.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { groupRows } from './intake.repo.js';
import { sqlitePlan } from '../../test/sqlite-plan.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const db = () => t.deps.database.db;
const rowsOf = (zoneId: string) => db().selectFrom('checkpoint_registrations').selectAll().where('zone_id', '=', zoneId).orderBy('id').execute();
const casesOf = (zoneId: string) => db().selectFrom('checkpoint_cases').selectAll().where('zone_id', '=', zoneId).orderBy('number').execute();
const rollupsOf = (zoneId: string) => db().selectFrom('checkpoint_rollups').selectAll().where('zone_id', '=', zoneId).execute();

/** A zone with an open highway-exit checkpoint. */
async function setup() {
  const zone = await makeZone(t.services);
  const cp = await makeCheckpoint(t, zone, { name: '自贡东高速出口' });
  return { zone, cp };
}

/** Collects the zone's alerts as the duty consoles get them. */
function alertsOf(zone: TestZone): { alerts: AlertEvent[]; stop: () => void } {
  const alerts: AlertEvent[] = [];
  const stop = t.services.checkpoints.events.subscribe(zone.id, (e) => {
    if (e.type === 'alert') alerts.push(e.data as AlertEvent);
  });
  return { alerts, stop };
}

describe('the public page', () => {
  it('shows the checkpoint, its zone and risk; a closed one says so; unknown 404, retired 410, malformed 400', async () => {
    const { zone, cp } = await setup();
    const res = await t.app.inject({ method: 'GET', url: `/api/public/checkpoints/${cp.token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: '自贡东高速出口', kind: 'highway_exit', zoneName: '测试高新区', status: 'active', open: true, risk: null });

    await t.services.checkpoints.checkpoints.setStatus(zone.ctx, cp.id, { status: 'closed', reason: '疫情缓解，撤除卡口' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/checkpoints/${cp.token}` })).json()).toMatchObject({ status: 'closed', open: false });

    const other = await makeCheckpoint(t, zone);
    await t.services.checkpoints.checkpoints.rotateToken(zone.ctx, other.id);
    const retired = await t.app.inject({ method: 'GET', url: `/api/public/checkpoints/${other.token}`, headers: { 'accept-language': 'en-US' } });
    expect(retired.statusCode).toBe(410);
    expect(retired.json().error).toEqual({ code: 'checkpoint.qr_revoked', message: 'This QR code is no longer in use: scan the current one posted on site' });
    const unknown = await t.app.inject({ method: 'GET', url: `/api/public/checkpoints/${'x'.repeat(32)}` });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/checkpoints/short!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'token', message: '二维码无效' }]);
  });
});

describe('registering from the QR code', () => {
  it('stores a person and answers 201 with the receipt; no audit row, no session needed', async () => {
    const { zone, cp } = await setup();
    const form = publicForm({ name: '李四' });
    const res = await postPublic(t.app, cp.token, form);
    expect(res.statusCode, res.body).toBe(201);
    // JSON for a script: nosniff, without the page headers.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeUndefined();
    const receipt = res.json() as RegistrationReceipt;
    expect(receipt).toMatchObject({ checkpointName: '自贡东高速出口', direction: 'in', result: 'green', plate: null, replayed: false, at: clock.now() });
    expect(receipt.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(receipt.persons).toEqual([{ id: receipt.id, name: '李四', result: 'green', reasons: [] }]);
    const [row] = await rowsOf(zone.id);
    expect(row).toMatchObject({ id: receipt.id, checkpoint_id: cp.id, code: receipt.code, source: 'public', name: '李四', is_vehicle: 0, day: '2020-02-24', hour: 9, result: 'green', reasons: '', created_by: null, idempotency_key: null });
    expect(t.deps.pii.decrypt(row!.id_enc)).toBe(form.idNumber);
    expect(row!.id_idx).toBe(t.deps.pii.blindIndex(form.idNumber as string));
    expect(t.deps.pii.decrypt(row!.phone_enc!)).toBe(form.phone);
    // The masked forms every screen shows are stored with the row (migration 0009).
    expect(row).toMatchObject({ id_masked: maskIdNumber(form.idNumber as string), phone_masked: maskPhone(form.phone as string) });
    expect(row!.id_masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await db().selectFrom('audit_log').select('id').where('zone_id', '=', zone.id).where('action', 'like', 'checkpoint_registration%').execute()).toEqual([]);
  });

  it('registers a car: the driver counts the vehicle, passengers share the plate (normalized), the rollup adds up', async () => {
    const { zone, cp } = await setup();
    const receipt = await registerPublic(t.app, cp.token, carForm(2, { plate: '川cd 12345' }));
    expect(receipt.plate).toBe('川CD12345');
    expect(receipt.persons.map((p) => p.name)).toEqual(['张三', '乘客1', '乘客2']);
    const rows = await rowsOf(zone.id);
    expect(rows.map((r) => [r.name, r.is_vehicle, r.plate, r.group_id === rows[0]!.group_id, r.code])).toEqual([
      ['张三', 1, '川CD12345', true, receipt.code],
      ['乘客1', 0, '川CD12345', true, receipt.code],
      ['乘客2', 0, '川CD12345', true, receipt.code],
    ]);
    expect(await rollupsOf(zone.id)).toEqual([{ zone_id: zone.id, checkpoint_id: cp.id, day: '2020-02-24', hour: 9, province: '四川', persons: 3, vehicles: 1, alerts: 0 }]);
  });

  it('screens each person: a declared fever is red with a case and an alert, a cough yellow; the receipt shows the worst', async () => {
    const { zone, cp } = await setup();
    const { alerts, stop } = alertsOf(zone);
    try {
      const red = await registerPublic(t.app, cp.token, carForm(1, { name: '王五', health: { ...HEALTHY, fever: true, contact: true } }));
      expect(red.result).toBe('red');
      expect(red.persons.map((p) => [p.name, p.result, p.reasons])).toEqual([
        ['王五', 'red', ['fever', 'contact']],
        ['乘客1', 'green', []],
      ]);
      const yellow = await registerPublic(t.app, cp.token, publicForm({ name: '赵六', health: { ...HEALTHY, cough: true, highRiskTravel: true } }));
      expect(yellow.result).toBe('yellow');
      const cases = await casesOf(zone.id);
      expect(cases.map((c) => [c.number, c.name, c.registration_id, c.status, c.reasons, c.result, c.plate])).toEqual([
        ['YC-20200224-0001', '王五', red.id, 'open', 'fever,contact', 'red', '川C12345'],
        ['YC-20200224-0002', '赵六', yellow.id, 'open', 'cough,high_risk_travel', 'yellow', null],
      ]);
      // Each case keeps its own (encrypted) copy of the person, for after the registration is purged.
      expect(cases[0]!.id_enc).not.toBeNull();
      expect(alerts).toEqual([
        { caseId: cases[0]!.id, number: 'YC-20200224-0001', checkpointId: cp.id, checkpointName: '自贡东高速出口', at: clock.now(), name: '王五', temperature: null, reasons: ['fever', 'contact'], result: 'red' },
        expect.objectContaining({ number: 'YC-20200224-0002', name: '赵六', result: 'yellow' }),
      ]);
      const events = await db().selectFrom('checkpoint_case_events').selectAll().where('case_id', '=', cases[0]!.id).execute();
      expect(events).toMatchObject([{ action: 'open', from_status: null, to_status: 'open', actor_id: null }]);
      expect((await rollupsOf(zone.id)).reduce((n, r) => n + r.alerts, 0)).toBe(2);
    } finally {
      stop();
    }
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { zone, cp } = await setup();
    const form = publicForm();
    // The next character after the right one (the right one may be X: never the same again).
    const CHECKS = '0123456789X';
    const badCheck = (form.idNumber as string).slice(0, 17) + CHECKS[(CHECKS.indexOf((form.idNumber as string)[17]!) + 1) % CHECKS.length];
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...form, idNumber: badCheck }, ['idNumber']],
      [{ ...form, plate: '川C1234' }, ['plate']],
      [{ ...form, plate: 'ABC12345' }, ['plate']],
      [{ ...form, passengers: [{ name: '乘客', idKind: 'resident_id', idNumber: residentId(), phone: mobile() }] }, ['plate']],
      [{ ...form, plate: '川C12345', passengers: [{ name: '乘客', idKind: 'resident_id', idNumber: '123', phone: null }] }, ['passengers.0.idNumber']],
      [{ ...form, idKind: 'passport', idNumber: 'E1' }, ['idNumber']],
      [{ ...form, phone: '12345' }, ['phone']],
      [{ ...form, direction: 'up' }, ['direction']],
      [{ ...form, health: { fever: false } }, ['health.cough', 'health.contact', 'health.highRiskTravel']],
      [(({ name: _n, destination: _d, ...rest }) => rest)(form), ['name', 'destination']],
      [{ ...form, temperature: 36.5 }, ['']],
    ];
    for (const [body, paths] of cases) {
      const res = await postPublic(t.app, cp.token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toEqual(paths);
    }
    const plate = await postPublic(t.app, cp.token, { ...form, passengers: [{ name: '乘客', idKind: 'resident_id', idNumber: residentId(), phone: null }] });
    expect(plate.json().error.details).toEqual([{ path: 'plate', message: '登记同车人员须填写车牌号' }]);
    const digit = await postPublic(t.app, cp.token, { ...form, idNumber: badCheck }, { headers: { 'accept-language': 'en-US' } });
    expect(digit.json().error.message).toMatch(/^Invalid request: idNumber: /);
    // A passport number and a foreign document are fine.
    expect((await postPublic(t.app, cp.token, { ...form, idKind: 'passport', idNumber: 'E12345678' })).statusCode).toBe(201);
    for (const key of ['short', 'has space in it', 'x'.repeat(101), 'bad/chars!!']) {
      const res = await postPublic(t.app, cp.token, publicForm(), { key });
      expect(res.statusCode, key).toBe(400);
      expect(res.json().error.details, key).toEqual([{ path: 'Idempotency-Key', message: 'Idempotency-Key 应为 8–100 位字母、数字、下划线或连字符' }]);
    }
    expect(await rowsOf(zone.id)).toHaveLength(1);
  });

  it('gives a closed checkpoint 409, a retired QR 410 and an unknown one 404, writing nothing', async () => {
    const { zone, cp } = await setup();
    const rotated = await makeCheckpoint(t, zone);
    await t.services.checkpoints.checkpoints.rotateToken(zone.ctx, rotated.id);
    await t.services.checkpoints.checkpoints.setStatus(zone.ctx, cp.id, { status: 'closed', reason: '撤除' });
    const closed = await postPublic(t.app, cp.token, publicForm());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toEqual({ code: 'checkpoint.closed', message: '卡口“自贡东高速出口”已撤除，无需在此登记。如有疑问请联系现场工作人员。' });
    expect((await postPublic(t.app, rotated.token, publicForm())).json().error.code).toBe('checkpoint.qr_revoked');
    expect((await postPublic(t.app, rotated.token, publicForm())).statusCode).toBe(410);
    expect((await postPublic(t.app, 'NoSuchTokenNoSuchToken0123', publicForm())).statusCode).toBe(404);
    expect(await rowsOf(zone.id)).toEqual([]);
    // A service point still registers; reopening works at once (no stale cache in this process).
    await t.services.checkpoints.checkpoints.setStatus(zone.ctx, cp.id, { status: 'service_point', reason: '改为服务点' });
    expect((await postPublic(t.app, cp.token, publicForm())).statusCode).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('a retry answers 200 with the first receipt and stores nothing more; the same key elsewhere is new', async () => {
    const { zone, cp } = await setup();
    const other = await makeCheckpoint(t, zone);
    const key = idemKey();
    const form = carForm(1, { health: { ...HEALTHY, fever: true } });
    const first = await postPublic(t.app, cp.token, form, { key });
    expect(first.statusCode).toBe(201);
    // The retry may differ (a double tap after editing): the first answer stands.
    const again = await postPublic(t.app, cp.token, { ...form, name: '改名' }, { key });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    expect(await rowsOf(zone.id)).toHaveLength(2);
    expect(await casesOf(zone.id)).toHaveLength(1);
    const elsewhere = await postPublic(t.app, other.token, form, { key });
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().id).not.toBe(first.json().id);
    const rows = await rowsOf(zone.id);
    expect(rows.filter((r) => r.idempotency_key === key).map((r) => r.checkpoint_id).sort()).toEqual([cp.id, other.id].sort());
    // Only the group's first row carries the key.
    expect(rows.filter((r) => r.idempotency_key !== null)).toHaveLength(2);
  });

  it('parallel submissions with one key leave one registration, and all answer with its receipt', async () => {
    const { zone, cp } = await setup();
    const key = idemKey();
    const form = carForm(2);
    const ip = clientAddress();
    const answers = await Promise.all(Array.from({ length: 12 }, () => postPublic(t.app, cp.token, form, { key, ip })));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((r) => r.json().replayed)).toHaveLength(11);
    expect(await rowsOf(zone.id)).toHaveLength(3);
    expect((await rollupsOf(zone.id))[0]).toMatchObject({ persons: 3, vehicles: 1 });
    // Meanwhile others' registrations are not held up or lost.
    const mixed = await Promise.all([
      ...Array.from({ length: 6 }, () => postPublic(t.app, cp.token, publicForm(), { key: idemKey() })),
      ...Array.from({ length: 6 }, () => postPublic(t.app, cp.token, publicForm(), { key: 'same-key-for-six' })),
    ]);
    expect(mixed.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201, 201, 201, 201, 201, 201, 201]);
    expect(await rowsOf(zone.id)).toHaveLength(3 + 7);
  });

  it('finds a replay’s group by the group index, never by walking the zone’s rows', async () => {
    const { zone, cp } = await setup();
    const key = idemKey();
    const first = (await postPublic(t.app, cp.token, carForm(2), { key })).json() as RegistrationReceipt;
    const again = await postPublic(t.app, cp.token, carForm(2), { key });
    expect(again.json()).toMatchObject({ id: first.id, replayed: true, persons: first.persons });
    // The zone is still part of the statement: another zone finds nothing.
    expect(await groupRows(db(), zone.id, first.id).execute()).toHaveLength(3);
    expect(await groupRows(db(), (await setup()).zone.id, first.id).execute()).toEqual([]);
    if (TEST_DIALECT === 'sqlite') {
      // SQLite has no statistics here: with `zone_id = ?` it took the (zone_id, pass_id, at) index.
      expect(await sqlitePlan(db(), groupRows(db(), zone.id, first.id).compile())).toMatch(/USING INDEX checkpoint_registrations_group_ix \(group_id=\?\)/);
    }
  });
});

describe('rate limits', () => {
  it('per client address per minute, from the zone’s settings: 429 with Retry-After, another address goes on', async () => {
    const { zone, cp } = await setup();
    await t.services.checkpoints.settings.update(zone.ctx, { perIpPerMinute: 3 });
    const ip = clientAddress();
    for (let i = 0; i < 3; i++) expect((await postPublic(t.app, cp.token, publicForm(), { ip })).statusCode).toBe(201);
    const limited = await postPublic(t.app, cp.token, publicForm(), { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await postPublic(t.app, cp.token, publicForm(), { ip: clientAddress() })).statusCode).toBe(201);
    expect(await rowsOf(zone.id)).toHaveLength(4);
    // The next minute the address may register again.
    const start = clock.now();
    try {
      clock.advance(retryAfter * 1000);
      expect((await postPublic(t.app, cp.token, publicForm(), { ip })).statusCode).toBe(201);
    } finally {
      clock.set(start);
    }
  });

  it('per checkpoint per minute, whatever the addresses; other checkpoints are not affected', async () => {
    const { zone, cp } = await setup();
    const other = await makeCheckpoint(t, zone);
    await t.services.checkpoints.settings.update(zone.ctx, { perCheckpointPerMinute: 5 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => postPublic(t.app, cp.token, publicForm())));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    for (const r of answers.filter((a) => a.statusCode === 429)) expect(r.headers['retry-after']).toMatch(/^\d+$/);
    expect((await postPublic(t.app, other.token, publicForm())).statusCode).toBe(201);
    expect((await rowsOf(zone.id)).filter((r) => r.checkpoint_id === cp.id)).toHaveLength(5);
  });
});

describe('personal data at rest', () => {
  it('neither the ID number nor the phone is stored in plain text (registrations and cases)', async () => {
    const { zone, cp } = await setup();
    const idNumber = residentId();
    const phone = mobile();
    const passengerId = residentId();
    const name = `明文检查${Date.now().toString(36)}`;
    await registerPublic(t.app, cp.token, carForm(0, { name, idNumber, phone, health: { ...HEALTHY, fever: true }, passengers: [{ name: '乘客', idKind: 'resident_id', idNumber: passengerId, phone: null }] }));
    if (TEST_DIALECT === 'sqlite') {
      const file = path.join(t.dataDir, 'shuangsheng.db');
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
      // The name is stored plain: the bytes read are the right ones.
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
      for (const secret of [idNumber, phone, passengerId]) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    } else {
      const text = async (table: 'checkpoint_registrations' | 'checkpoint_cases') =>
        (await sql<{ t: string }>`select t::text as t from ${sql.table(table)} t where zone_id = ${zone.id}`.execute(db())).rows.map((r) => r.t).join('\n');
      const stored = (await text('checkpoint_registrations')) + (await text('checkpoint_cases'));
      expect(stored).toContain(name);
      for (const secret of [idNumber, phone, passengerId]) expect(stored.includes(secret), secret).toBe(false);
    }
    expect(await casesOf(zone.id)).toHaveLength(1);
  });
});

describe('staff entry', () => {
  async function staffSetup() {
    const s = await setup();
    const staff = await signedInCheckpointStaff(t.app, t.services, s.zone);
    return { ...s, staff };
  }

  it('registers on behalf with measured temperatures (°C → tenths): a fever is red, opens a case and alerts', async () => {
    const { zone, cp, staff } = await staffSetup();
    const { alerts, stop } = alertsOf(zone);
    try {
      const body = carForm(1, { temperature: 38.1 });
      (body as unknown as { passengers: Record<string, unknown>[] }).passengers[0]!.temperature = 36.6;
      const res = await staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/registrations`, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().persons.map((p: { result: string; reasons: string[] }) => [p.result, p.reasons])).toEqual([
        ['red', ['temperature']],
        ['green', []],
      ]);
      const rows = await rowsOf(zone.id);
      expect(rows.map((r) => [r.source, r.temperature, r.created_by])).toEqual([
        ['staff', 381, staff.user.id],
        ['staff', 366, staff.user.id],
      ]);
      const [c] = await casesOf(zone.id);
      expect(c).toMatchObject({ temperature: 381, reasons: 'temperature', result: 'red', status: 'open' });
      expect(alerts).toEqual([expect.objectContaining({ caseId: c!.id, temperature: 38.1, reasons: ['temperature'], result: 'red' })]);
      const events = await db().selectFrom('checkpoint_case_events').selectAll().where('case_id', '=', c!.id).execute();
      expect(events).toMatchObject([{ action: 'open', actor_id: staff.user.id, actor_name: staff.user.displayName }]);
      // Bad input names its field, in either form (full, or a repeat).
      const post = (payload: Record<string, unknown>) => staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/registrations`, payload });
      const { name: _name, ...nameless } = publicForm();
      const refused: [Record<string, unknown>, { path: string; message: string }[]][] = [
        [publicForm({ temperature: 45 }), [{ path: 'temperature', message: '体温应在 34.0 至 43.0 ℃ 之间' }]],
        [nameless, [{ path: 'name', message: '必填' }]],
        [publicForm({ idNumber: '510302199001010010' }), [{ path: 'idNumber', message: '居民身份证号码无效（18 位，校验位按 GB 11643 计算）' }]],
        [{ repeatOf: cp.id, direction: 'in' }, [{ path: 'health', message: '必填' }]],
        [{ repeatOf: 'abc', direction: 'in', health: HEALTHY }, [{ path: 'repeatOf', message: '应为有效的编号（UUID）' }]],
        [{ repeatOf: cp.id, direction: 'in', health: HEALTHY, plate: '川C12345' }, [{ path: '', message: '不认识的字段：plate' }]],
      ];
      for (const [payload, details] of refused) {
        const res = await post(payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.details, JSON.stringify(payload)).toEqual(details);
      }
      expect(await rowsOf(zone.id)).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('repeats a vehicle registered here with new passengers: the driver copied, only here', async () => {
    const { zone, cp, staff } = await staffSetup();
    const first = await registerPublic(t.app, cp.token, carForm(2, { name: '司机甲', plate: '川C88888' }));
    const recent = await staff.call({ method: 'GET', url: `/api/checkpoints/${cp.id}/vehicles/recent?plate=${encodeURIComponent('川c 88888')}` });
    expect(recent.statusCode, recent.body).toBe(200);
    expect(recent.json().items.map((r: { id: string; name: string; isVehicle: boolean }) => [r.id, r.name, r.isVehicle])).toEqual([[first.id, '司机甲', true]]);
    expect(recent.json().items[0].idNumberMasked).toMatch(/^5103\*{10}[0-9X]{4}$/);

    const passenger = { name: '新乘客', idKind: 'resident_id', idNumber: residentId(), phone: null, temperature: 36.4 };
    const res = await staff.call({
      method: 'POST',
      url: `/api/checkpoints/${cp.id}/registrations`,
      payload: { repeatOf: first.persons[1]!.id, direction: 'out', temperature: 36.8, health: HEALTHY, passengers: [passenger] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ direction: 'out', plate: '川C88888', result: 'green', persons: [{ name: '司机甲' }, { name: '新乘客' }] });
    const rows = await rowsOf(zone.id);
    const driverRows = rows.filter((r) => r.name === '司机甲');
    expect(driverRows).toHaveLength(2);
    expect(driverRows[1]).toMatchObject({ id_idx: driverRows[0]!.id_idx, phone_idx: driverRows[0]!.phone_idx, plate: '川C88888', is_vehicle: 1, direction: 'out', temperature: 368, source: 'staff', origin_province: '四川', created_by: staff.user.id });
    expect(t.deps.pii.decrypt(driverRows[1]!.id_enc)).toBe(t.deps.pii.decrypt(driverRows[0]!.id_enc));
    expect(driverRows[1]).toMatchObject({ id_masked: driverRows[0]!.id_masked, phone_masked: driverRows[0]!.phone_masked });
    expect(driverRows[1]!.id_masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

    const elsewhere = await makeCheckpoint(t, zone);
    const refused = await staff.call({ method: 'POST', url: `/api/checkpoints/${elsewhere.id}/registrations`, payload: { repeatOf: first.id, direction: 'in', health: HEALTHY } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('checkpoint.repeat_elsewhere');
    const foreign = await setup();
    const theirs = await registerPublic(t.app, foreign.cp.token, carForm(0));
    const cross = await staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/registrations`, payload: { repeatOf: theirs.id, direction: 'in', health: HEALTHY } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'repeatOf' } });
    // A person on foot has no vehicle to put passengers in.
    const walker = await registerPublic(t.app, cp.token, publicForm());
    const noCar = await staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/registrations`, payload: { repeatOf: walker.id, direction: 'in', health: HEALTHY, passengers: [passenger] } });
    expect(noCar.statusCode).toBe(400);
    expect(noCar.json().error.details).toEqual([{ path: 'passengers', message: '登记同车人员须填写车牌号' }]);
    expect(await rowsOf(zone.id)).toHaveLength(3 + 2 + 1);
  });

  it('scans a pass at its building’s gate: the holder from the pass; other buildings, kinds, revoked and unknown passes refused', async () => {
    const { zone, staff } = await staffSetup();
    const building = await makeBuilding(t, zone, { name: '创新大厦' });
    const gate = await makeCheckpoint(t, zone, { kind: 'building_gate', buildingId: building.id, name: '创新大厦门岗' });
    const highway = await makeCheckpoint(t, zone);
    const idNumber = residentId();
    const pass = await makePass(t, zone, { buildingId: building.id, holderName: '孙七', idNumber });
    const otherPass = await makePass(t, zone, { holderName: '周八' });
    const scan = (cpId: string, code: string, extra: Record<string, unknown> = {}) => staff.call({ method: 'POST', url: `/api/checkpoints/${cpId}/actions/scan`, payload: { code, direction: 'in', ...extra } });

    const res = await scan(gate.id, pass.qrUrl, { temperature: 36.5 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ checkpointName: '创新大厦门岗', result: 'green', persons: [{ name: '孙七' }], plate: null });
    const [row] = await rowsOf(zone.id);
    expect(row).toMatchObject({ source: 'pass', pass_id: pass.id, name: '孙七', temperature: 365, created_by: staff.user.id, origin_province: null });
    expect(t.deps.pii.decrypt(row!.id_enc)).toBe(idNumber);
    expect(row!.id_masked).toBe(maskIdNumber(idNumber));
    // The bare token works as well; a fever at the gate opens a case.
    expect((await scan(gate.id, pass.token, { temperature: 37.5 })).json().result).toBe('red');
    expect(await casesOf(zone.id)).toHaveLength(1);

    const other = await scan(gate.id, otherPass.token);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('checkpoint.pass_other_building');
    expect((await scan(highway.id, pass.token)).json().error.code).toBe('checkpoint.not_building_gate');
    await t.services.checkpoints.passes.revoke(zone.ctx, pass.id, '离职');
    const revoked = await scan(gate.id, pass.token);
    expect(revoked.statusCode).toBe(422);
    expect(revoked.json().error.code).toBe('checkpoint.pass_revoked');
    expect((await scan(gate.id, 'NoSuchPassTokenNoSuchPass')).statusCode).toBe(404);
    expect(await rowsOf(zone.id)).toHaveLength(2);
  });

  it('takes an Idempotency-Key as the public form does; refuses a closed checkpoint', async () => {
    const { zone, cp, staff } = await staffSetup();
    const key = idemKey();
    const body = publicForm({ temperature: 36.6 });
    const [a, b] = await Promise.all([0, 1].map(() => staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/registrations`, payload: body, headers: { 'idempotency-key': key } })));
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 201]);
    expect(a!.json().id).toBe(b!.json().id);
    await t.services.checkpoints.checkpoints.setStatus(zone.ctx, cp.id, { status: 'closed', reason: '撤除' });
    const closed = await staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/registrations`, payload: publicForm() });
    expect(closed.statusCode).toBe(409);
    expect((await staff.call({ method: 'POST', url: `/api/checkpoints/${cp.id}/actions/scan`, payload: { code: 'x'.repeat(20), direction: 'in' } })).statusCode).toBe(409);
    expect(await rowsOf(zone.id)).toHaveLength(1);
  });
});

describe('access', () => {
  it('the public reaches no staff route; leaders cannot register; another zone’s checkpoint is 404', async () => {
    const { zone, cp } = await setup();
    const staffRoutes = [
      { method: 'POST' as const, url: `/api/checkpoints/${cp.id}/registrations`, payload: publicForm() },
      { method: 'POST' as const, url: `/api/checkpoints/${cp.id}/actions/scan`, payload: { code: 'x'.repeat(20), direction: 'in' } },
      { method: 'GET' as const, url: `/api/checkpoints/${cp.id}/vehicles/recent` },
      { method: 'GET' as const, url: '/api/checkpoints/registrations' },
      { method: 'GET' as const, url: '/api/checkpoints/cases' },
      { method: 'GET' as const, url: '/api/checkpoints/alerts/stream' },
    ];
    for (const r of staffRoutes) expect((await t.app.inject(r)).statusCode, r.url).toBe(401);
    const leader = await signedInUser(t.app, t.services, zone, ['leader']);
    for (const r of staffRoutes.slice(0, 3)) expect((await leader.call(r)).statusCode, r.url).toBe(403);

    const foreign = await setup();
    const staff = await signedInCheckpointStaff(t.app, t.services, zone);
    for (const r of [
      { method: 'POST' as const, url: `/api/checkpoints/${foreign.cp.id}/registrations`, payload: publicForm() },
      { method: 'POST' as const, url: `/api/checkpoints/${foreign.cp.id}/actions/scan`, payload: { code: 'x'.repeat(20), direction: 'in' } },
      { method: 'GET' as const, url: `/api/checkpoints/${foreign.cp.id}/vehicles/recent` },
    ]) {
      const res = await staff.call(r);
      expect(res.statusCode, r.url).toBe(404);
      expect(res.json().error.details).toEqual({ entity: 'checkpoint', id: foreign.cp.id });
    }
    expect(await rowsOf(foreign.zone.id)).toEqual([]);
  });
});
