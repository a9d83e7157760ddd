// Movement tracing (活动轨迹): a person's registrations in time order by ID number, phone or plate
// within the period's days in the zone's time zone; the others registered at the same checkpoint
// within ± N minutes (both ends in), never the person's own rows, never another checkpoint's or
// another zone's; a reason is required; every search is audited with the value masked (the plain
// ID number or phone is nowhere in the log); the export has the same two lists; only `trace` may.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TraceContact, TraceResult, TraceStop } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { newAdmin, signedInUser } from '../../test/factories.js';
import { makeCheckpoint } from '../../test/checkpoint-factories.js';
import { insertRegistrations, people, protectPerson, registrationRow, residentId, vehicleRows } from '../../test/checkpoint-factories-3.js';
import { TRACE_CONTACT_CAP, TRACE_STOP_CAP } from './trace.service.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

/** An instant in China Standard Time. */
const cst = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);

async function world() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const a = await makeCheckpoint(t, zone, { name: '自贡东 高速出口' });
  const b = await makeCheckpoint(t, zone, { name: '自贡北 高速出口' });
  const c = await makeCheckpoint(t, zone, { name: '板仓园区 东门', kind: 'park_gate' });
  const idNumber = residentId(4242);
  const person = protectPerson(t, { name: '王五', idNumber, phone: '13912345678' });
  const [passenger, near, far, edge, elsewhere] = people(t, 5, 9000);
  const row = (checkpointId: string, at: number, who = person, extra = {}) => registrationRow(t, zone, { checkpointId, at, person: who, ...extra });
  const stop1 = row(a.id, cst('2020-02-20', '08:00'));
  const stop2 = row(b.id, cst('2020-02-21', '10:00'));
  const [stop3, inCar] = vehicleRows(t, zone, { checkpointId: a.id, at: cst('2020-02-22', '18:00'), plate: '川C12345', people: [person, passenger!] });
  const rows = [
    stop1, stop2, stop3!, inCar!,
    // Before the period; on its last minute; just after it.
    row(a.id, cst('2020-02-10', '08:00')),
    row(c.id, cst('2020-02-23', '23:59')),
    row(c.id, cst('2020-02-24', '00:00')),
    // Possible contacts: 25 minutes after stop 1 (in), 31 minutes after (out), exactly 30 before stop 2 (in).
    row(a.id, cst('2020-02-20', '08:25'), near),
    row(a.id, cst('2020-02-20', '08:31'), far),
    row(b.id, cst('2020-02-21', '09:30'), edge),
    // The same minute as stop 1 at another checkpoint: no contact.
    row(c.id, cst('2020-02-20', '08:00'), elsewhere),
  ];
  await insertRegistrations(t, rows);
  return { ...admin, a, b, c, idNumber, person, passenger: passenger!, near: near!, edge: edge!, far: far!, elsewhere: elsewhere!, rows, stop1, stop2, stop3: stop3!, inCar: inCar! };
}

const body = (over: Record<string, unknown> = {}) => ({ by: 'idNumber', value: residentId(4242), from: '2020-02-15', to: '2020-02-23', reason: '密接排查：确诊病例流调', ...over });

describe('tracing a person', () => {
  it('lists the stops in time order within the period’s days, and the contacts within ± N minutes of a stop at the same checkpoint', async () => {
    const w = await world();
    const res = await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body() });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as TraceResult;
    const lastMinute = w.rows[5]!;
    expect(r.stops.map((s) => s.id)).toEqual([w.stop1.id, w.stop2.id, w.stop3.id, lastMinute.id]);
    expect(r.stops.map((s) => s.checkpointName)).toEqual(['自贡东 高速出口', '自贡北 高速出口', '自贡东 高速出口', '板仓园区 东门']);
    expect(r.stops[0]).toMatchObject({ name: '王五', idNumberMasked: '5103**********' + w.idNumber.slice(-4), phoneMasked: '139****5678', plate: null, result: 'green', direction: 'in', source: 'public', code: w.stop1.code });
    expect(r.stops[2]).toMatchObject({ plate: '川C12345' });
    expect(r.truncated).toBe(false);
    // Contacts: the passenger in the car (0 min), the one 25 min after stop 1, the one exactly 30 min before stop 2.
    expect(r.contacts.map((c) => [c.name, c.nearRegistrationId, c.minutesApart])).toEqual([
      [w.near.name, w.stop1.id, 25],
      [w.edge.name, w.stop2.id, 30],
      [w.passenger.name, w.stop3.id, 0],
    ]);
    expect(r.contacts[0]).toMatchObject({ checkpointId: w.a.id, idNumberMasked: expect.stringMatching(/^5103\*{10}\w{4}$/), phoneMasked: expect.stringMatching(/^139\*{4}\d{4}$/) });

    // A narrower window: only the passenger (0) and the 25-minute one fit in ± 25.
    const narrow = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ windowMinutes: 25 }) })).json() as TraceResult;
    expect(narrow.contacts.map((c) => c.name)).toEqual([w.near.name, w.passenger.name]);
    // A wider one reaches the 31-minute one.
    const wide = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ windowMinutes: 31 }) })).json() as TraceResult;
    expect(wide.contacts.map((c) => c.name)).toEqual([w.near.name, w.far.name, w.edge.name, w.passenger.name]);
  });

  it('finds the same by phone (spaces and dashes as people type them), and by plate the people of the car', async () => {
    const w = await world();
    const byPhone = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ by: 'phone', value: '139-1234 5678' }) })).json() as TraceResult;
    expect(byPhone.stops.map((s) => s.id)).toEqual([w.stop1.id, w.stop2.id, w.stop3.id, w.rows[5]!.id]);
    const byPlate = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ by: 'plate', value: '川c 12345' }) })).json() as TraceResult;
    expect(byPlate.stops.map((s) => s.id).sort()).toEqual([w.stop3.id, w.inCar.id].sort());
    // The car's people are the traced ones, not contacts of themselves.
    expect(byPlate.contacts).toEqual([]);
    const lower = await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ by: 'plate', value: 'ABC' }) });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.details).toEqual([expect.objectContaining({ path: 'value' })]);
  });

  it('sees nothing of another zone: neither the person’s registrations there nor people there', async () => {
    const w = await world();
    const other = await newAdmin(t.app, t.services);
    const theirs = await makeCheckpoint(t, other.zone, { name: '外区卡口LEAK' });
    const stranger = people(t, 1, 9500)[0]!;
    await insertRegistrations(t, [
      registrationRow(t, other.zone, { checkpointId: theirs.id, at: cst('2020-02-20', '08:00'), person: w.person }),
      registrationRow(t, other.zone, { checkpointId: theirs.id, at: cst('2020-02-20', '08:05'), person: stranger }),
    ]);
    const mine = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body() })).json() as TraceResult;
    expect(mine.stops).toHaveLength(4);
    expect(JSON.stringify(mine)).not.toContain('LEAK');
    expect(mine.contacts.map((c) => c.name)).not.toContain(stranger.name);
    // And the other zone's tracer sees only its own.
    const theirsTrace = (await other.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body() })).json() as TraceResult;
    expect(theirsTrace.stops.map((s) => s.checkpointName)).toEqual(['外区卡口LEAK']);
    expect(theirsTrace.contacts.map((c) => c.name)).toEqual([stranger.name]);
  });

  it('keeps the 200 contacts nearest in time when there are more, and says it was truncated', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone);
    const person = protectPerson(t, { name: '被追踪者', idNumber: residentId(778), phone: null });
    const stop = cst('2020-02-20', '12:00');
    const crowd = people(t, TRACE_CONTACT_CAP + 10, 7000);
    await insertRegistrations(t, [
      registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop, person }),
      // 205 after the stop, 5 s apart (the last ones 17 minutes after); 5 twenty minutes before.
      ...crowd.slice(0, TRACE_CONTACT_CAP + 5).map((p, k) => registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop + (k + 1) * 5_000, person: p })),
      ...crowd.slice(TRACE_CONTACT_CAP + 5).map((p) => registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop - 20 * 60_000, person: p })),
    ]);
    const r = (await admin.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ value: residentId(778), from: '2020-02-20', to: '2020-02-20' }) })).json() as TraceResult;
    expect(r.truncated).toBe(true);
    expect(r.contacts).toHaveLength(TRACE_CONTACT_CAP);
    expect(r.contacts.map((c) => c.name)).toEqual(crowd.slice(0, TRACE_CONTACT_CAP).map((p) => p.name));
    expect(Math.max(...r.contacts.map((c) => c.minutesApart))).toBe(17);
  });

  it('keeps the nearest across the stops: the near ones at one checkpoint and the nearer part of those a few minutes from another', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp1 = await makeCheckpoint(t, admin.zone, { name: '一号卡口' });
    const cp2 = await makeCheckpoint(t, admin.zone, { name: '二号卡口' });
    const person = protectPerson(t, { name: '被追踪者乙', idNumber: residentId(779), phone: null });
    const stopA = cst('2020-02-20', '10:00');
    const stopB = cst('2020-02-20', '15:00');
    const crowd = people(t, 230, 7300);
    const close = crowd.slice(0, 150);
    const middle = crowd.slice(150, 210);
    const far = crowd.slice(210);
    await insertRegistrations(t, [
      registrationRow(t, admin.zone, { checkpointId: cp1.id, at: stopA, person }),
      registrationRow(t, admin.zone, { checkpointId: cp2.id, at: stopB, person }),
      // 150 within ± 2 minutes of stop A (half before, half after).
      ...close.map((p, k) => registrationRow(t, admin.zone, { checkpointId: cp1.id, at: stopA + (k % 2 ? 1 : -1) * (k + 1) * 600, person: p })),
      // 60 from 4 to 9 minutes after stop B, 5 s apart; 20 at 25 minutes before it.
      ...middle.map((p, k) => registrationRow(t, admin.zone, { checkpointId: cp2.id, at: stopB + 4 * 60_000 + k * 5_000, person: p })),
      ...far.map((p) => registrationRow(t, admin.zone, { checkpointId: cp2.id, at: stopB - 25 * 60_000, person: p })),
    ]);
    const r = (await admin.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ value: residentId(779), from: '2020-02-20', to: '2020-02-20' }) })).json() as TraceResult;
    expect(r.stops.map((s) => s.checkpointName)).toEqual(['一号卡口', '二号卡口']);
    expect(r.truncated).toBe(true);
    expect(r.contacts).toHaveLength(TRACE_CONTACT_CAP);
    // All 150 near stop A, and the first 50 after stop B; none of the 25-minute ones.
    expect(new Set(r.contacts.map((c) => c.name))).toEqual(new Set([...close, ...middle.slice(0, 50)].map((p) => p.name)));
    expect(r.contacts.filter((c) => c.nearRegistrationId === r.stops[1]!.id).map((c) => c.minutesApart)).toEqual(middle.slice(0, 50).map((_, k) => Math.round((4 * 60_000 + k * 5_000) / 60_000)));
    // In time order.
    const ats = r.contacts.map((c) => c.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    // The export lists them all (its cap is far higher), truncated no more.
    const x = await admin.call({ method: 'POST', url: '/api/checkpoints/trace/export.xlsx', payload: body({ value: residentId(779), from: '2020-02-20', to: '2020-02-20' }) });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('密接')!.rowCount).toBe(1 + 230);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('zone_id', '=', admin.zone.id).where('action', 'like', 'checkpoint.trace%').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.after_json!).contacts, JSON.parse(a.after_json!).truncated])).toEqual([
      ['checkpoint.trace', TRACE_CONTACT_CAP, true],
      ['checkpoint.trace_export', 230, false],
    ]);
  });

  it('still counts every contact when the traced person’s own registration outside the period is among the nearest', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone);
    const person = protectPerson(t, { name: '被追踪者丙', idNumber: residentId(780), phone: null });
    const stop = cst('2020-02-20', '00:05');
    const crowd = people(t, TRACE_CONTACT_CAP + 6, 7600);
    await insertRegistrations(t, [
      registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop, person }),
      // The person 5 min 10 s before, on the day before the period: not a stop, not a contact.
      registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop - 310_000, person }),
      // 201 others 5 s apart after the stop, 5 more 20 minutes after it.
      ...crowd.slice(0, TRACE_CONTACT_CAP + 1).map((p, k) => registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop + (k + 1) * 5_000, person: p })),
      ...crowd.slice(TRACE_CONTACT_CAP + 1).map((p) => registrationRow(t, admin.zone, { checkpointId: cp.id, at: stop + 20 * 60_000, person: p })),
    ]);
    const r = (await admin.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ value: residentId(780), from: '2020-02-20', to: '2020-02-20' }) })).json() as TraceResult;
    expect(r.stops).toHaveLength(1);
    expect(r.truncated).toBe(true);
    expect(r.contacts.map((c) => c.name)).toEqual(crowd.slice(0, TRACE_CONTACT_CAP).map((p) => p.name));
  });

  it('answers exactly the contract’s fields (the answer is sent without a second check): no ciphertext or blind index', async () => {
    const w = await world();
    const res = await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body() });
    const r = res.json() as TraceResult;
    expect(Object.keys(r).sort()).toEqual(Object.keys(TraceResult.shape).sort());
    for (const s of r.stops) expect(Object.keys(s).sort()).toEqual(Object.keys(TraceStop.shape).sort());
    for (const c of r.contacts) expect(Object.keys(c).sort()).toEqual(Object.keys(TraceContact.shape).sort());
    expect(TraceResult.parse(r)).toEqual(r);
    expect(res.body).not.toMatch(/v1:|_enc|_idx/);
  });

  it('masks rows written before the masked forms were stored (migration 0009) by decrypting them, the same as the stored ones', async () => {
    const w = await world();
    const stored = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body() })).json() as TraceResult;
    // Every row of the world as an old one: no masked forms, only the ciphertexts.
    await t.deps.database.db.updateTable('checkpoint_registrations').set({ id_masked: null, phone_masked: null }).where('zone_id', '=', w.zone.id).execute();
    const decrypted = (await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body() })).json() as TraceResult;
    expect(decrypted).toEqual(stored);
    expect(decrypted.stops[0]).toMatchObject({ idNumberMasked: '5103**********' + w.idNumber.slice(-4), phoneMasked: '139****5678' });
    // A passenger without a phone stays without one either way.
    expect(decrypted.contacts.find((c) => c.name === w.passenger.name)?.phoneMasked).toBe(stored.contacts.find((c) => c.name === w.passenger.name)?.phoneMasked);
  });

  it('stops at 500 stops and says it was truncated', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone);
    const person = protectPerson(t, { name: '常客', idNumber: residentId(777), phone: null });
    const start = cst('2020-02-01', '00:00');
    await insertRegistrations(t, Array.from({ length: TRACE_STOP_CAP + 1 }, (_, i) => registrationRow(t, admin.zone, { checkpointId: cp.id, at: start + i * 60_000 * 61, person })));
    const r = (await admin.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ value: residentId(777), from: '2020-02-01', to: '2020-02-29' }) })).json() as TraceResult;
    expect(r.stops).toHaveLength(TRACE_STOP_CAP);
    expect(r.truncated).toBe(true);
    expect(r.stops[0]!.at).toBe(start);
  });
});

describe('the reason, the audit, the export and who may', () => {
  it('needs a reason (400 naming it) and a period in order', async () => {
    const w = await world();
    const { reason: _drop, ...noReason } = body();
    const cases: [Record<string, unknown>, string][] = [
      [noReason, 'reason'],
      [body({ reason: '查' }), 'reason'],
      [body({ to: '2020-02-01' }), 'to'],
      [body({ windowMinutes: 0 }), 'windowMinutes'],
      [body({ by: 'name' }), 'by'],
      [body({ from: '2019-01-01', to: '2020-02-23' }), 'to'],
    ];
    for (const [payload, field] of cases) {
      const res = await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(field);
    }
    // Nothing was searched, so nothing was recorded.
    const audits = await t.deps.database.db.selectFrom('audit_log').select('action').where('zone_id', '=', w.zone.id).where('action', 'like', 'checkpoint.trace%').execute();
    expect(audits).toEqual([]);
  });

  it('records every search — by whom, the masked value, the window, the reason and the counts — and never the plain value', async () => {
    const w = await world();
    await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body(), headers: { 'x-request-id': 'trace-1' } });
    await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ by: 'phone', value: '13912345678' }) });
    await w.call({ method: 'POST', url: '/api/checkpoints/trace', payload: body({ by: 'plate', value: '川C12345' }) });
    const rows = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', w.zone.id).where('action', '=', 'checkpoint.trace').orderBy('id').execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ actor_id: w.admin.id, entity_type: 'checkpoint_trace', request_id: 'trace-1', at: clock.now() });
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({
      by: 'idNumber',
      value: '5103**********' + w.idNumber.slice(-4),
      from: '2020-02-15',
      to: '2020-02-23',
      windowMinutes: 30,
      reason: '密接排查：确诊病例流调',
      stops: 4,
      contacts: 3,
      truncated: false,
    });
    expect(JSON.parse(rows[1]!.after_json!)).toMatchObject({ by: 'phone', value: '139****5678' });
    expect(JSON.parse(rows[2]!.after_json!)).toMatchObject({ by: 'plate', value: '川C***45', stops: 2 });
    const everything = JSON.stringify(await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', w.zone.id).execute());
    expect(everything).not.toContain(w.idNumber);
    expect(everything).not.toContain('13912345678');
    expect(everything).not.toContain('川C12345');
    // The search shows in the audit log the zone admin reads.
    const log = (await w.call({ method: 'GET', url: '/api/audit?action=checkpoint.trace' })).json();
    expect(log.total).toBe(3);
  });

  it('exports the stops and contacts to Excel, audited as an export', async () => {
    const w = await world();
    const res = await w.call({ method: 'POST', url: '/api/checkpoints/trace/export.xlsx', payload: body() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['轨迹', '密接']);
    const values = (name: string) => {
      const out: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      return out;
    };
    const stops = values('轨迹');
    expect(stops[0]!.slice(0, 5)).toEqual(['登记时间', '卡口', '方向', '姓名', '证件号码']);
    expect(stops.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['2020-02-20 08:00', '自贡东 高速出口'],
      ['2020-02-21 10:00', '自贡北 高速出口'],
      ['2020-02-22 18:00', '自贡东 高速出口'],
      ['2020-02-23 23:59', '板仓园区 东门'],
    ]);
    const contacts = values('密接');
    expect(contacts.slice(1).map((r) => [r[3], r.at(-2), r.at(-1)])).toEqual([
      [w.near.name, w.stop1.code, '25'],
      [w.edge.name, w.stop2.code, '30'],
      [w.passenger.name, w.stop3.code, '0'],
    ]);
    expect(JSON.stringify(stops)).not.toContain(w.idNumber);
    const en = await w.call({ method: 'POST', url: '/api/checkpoints/trace/export.xlsx', payload: body({ lang: 'en-US' }) });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((s) => s.name)).toEqual(['Stops', 'Contacts']);
    const audits = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('zone_id', '=', w.zone.id).where('action', '=', 'checkpoint.trace_export').execute();
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ stops: 4, contacts: 3, reason: '密接排查：确诊病例流调' });
  });

  it('is only for users with the trace permission (the zone admin); checkpoint staff and leaders get 403', async () => {
    const w = await world();
    for (const role of ['checkpoint_staff', 'leader', 'commissioner'] as const) {
      const u = await signedInUser(t.app, t.services, w.zone, [role]);
      for (const url of ['/api/checkpoints/trace', '/api/checkpoints/trace/export.xlsx']) {
        const res = await u.call({ method: 'POST', url, payload: body() });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/checkpoints/trace', payload: body() })).statusCode).toBe(401);
  });
});
