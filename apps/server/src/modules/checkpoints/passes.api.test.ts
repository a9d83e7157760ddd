// Passes (出入证) through the API: issuing (colour by floor, the building's choice or the default;
// CR-YYYYMMDD-NNNN numbers), the checks on building, floor, enterprise, document and date,
// encryption at rest and masking everywhere, the audited reveal, revocation (409 when done), the
// public page (masked name), the gate's lookup (forScan), the QR code and card, floor colours, and
// who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pass } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makePark, makeZone, newAdmin, signedInUser, validResidentId } from '../../test/factories.js';
import { makeBuilding, makeCheckpoint, makePass, writeRegistrations } from '../../test/checkpoint-factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';
import type { AppError } from '../../platform/errors.js';
import { maskName, passTokenOf } from './passes.service.js';

const clock = testClock(Date.UTC(2020, 1, 24, 1, 0, 0)); // 2020-02-24 09:00 in Shanghai
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const BASE = '/api/checkpoints/passes';

async function scanError(zoneId: string, code: string): Promise<{ statusCode: number; code: string }> {
  try {
    await t.services.checkpoints.passes.forScan(zoneId, code);
  } catch (e) {
    return { statusCode: (e as AppError).statusCode, code: (e as AppError).code };
  }
  throw new Error('forScan answered');
}

describe('passes', () => {
  it('issues passes coloured by floor (default order, or the building’s choice), numbered per day; ID and phone encrypted at rest and masked', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const park = await makePark(t.services, zone);
    const building = await makeBuilding(t, zone, { parkId: park.id, name: '创新大厦' });
    const firm = await makeEnterprise(t.services, zone);
    const idNumber = validResidentId(7);
    const res = await admin.call({ method: 'POST', url: BASE, payload: { buildingId: building.id, floor: 3, enterpriseId: firm.id, holderName: '王小明', idKind: 'resident_id', idNumber, phone: '13812345678', validUntil: '2020-03-31' } });
    expect(res.statusCode, res.body).toBe(201);
    const pass = res.json() as Pass;
    expect(pass).toMatchObject({
      number: 'CR-20200224-0001',
      buildingId: building.id,
      buildingName: '创新大厦',
      floor: 3,
      colour: 'yellow',
      enterpriseId: firm.id,
      enterpriseName: firm.name,
      holderName: '王小明',
      idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      phoneMasked: '138****5678',
      status: 'active',
      validUntil: '2020-03-31',
      revokedReason: null,
      lastScanAt: null,
    });
    expect(pass.qrUrl).toMatch(/\/h5\/p\/[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(pass)).not.toContain(idNumber);
    expect(JSON.stringify(pass)).not.toContain('13812345678');

    // At rest: ciphertext and a blind index, never the plain values; the audit holds neither.
    const row = await t.deps.database.db.selectFrom('checkpoint_passes').selectAll().where('id', '=', pass.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(t.deps.pii.decrypt(row.id_enc)).toBe(idNumber);
    expect(row.id_idx).toBe(t.deps.pii.blindIndex(idNumber));
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', pass.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['checkpoint_pass.issue']);
    expect(audit[0]!.after_json).not.toContain(idNumber);
    expect(audit[0]!.after_json).not.toContain('13812345678');

    // Floor 1 red (default); floor 5 blue once the building chose blue; the numbers go on.
    const first = await makePass(t, zone, { buildingId: building.id, floor: 1 });
    expect(first).toMatchObject({ colour: 'red', number: 'CR-20200224-0002' });
    const setColour = await admin.call({ method: 'PUT', url: '/api/checkpoints/floor-colours', payload: { buildingId: building.id, floor: 5, colour: 'blue' } });
    expect(setColour.statusCode, setColour.body).toBe(200);
    expect(setColour.json()).toEqual({ buildingId: building.id, floor: 5, colour: 'blue' });
    expect((await makePass(t, zone, { buildingId: building.id, floor: 5 })).colour).toBe('blue');
    expect((await makePass(t, zone, { buildingId: building.id, floor: -1 })).colour).toBe('purple');
    const colours = (await admin.call({ method: 'GET', url: `/api/checkpoints/floor-colours?buildingId=${building.id}` })).json();
    expect(colours.items).toHaveLength(12);
    expect(colours.items.slice(0, 5).map((c: { colour: string }) => c.colour)).toEqual(['red', 'orange', 'yellow', 'green', 'blue']);
    expect(colours.items[8]).toEqual({ buildingId: building.id, floor: 9, colour: 'red' });
    // A parallel issue of many passes numbers each once.
    const many = await Promise.all([1, 2, 3, 4].map(() => makePass(t, zone, { buildingId: building.id })));
    expect(new Set(many.map((p) => p.number)).size).toBe(4);
    expect(many.map((p) => p.number).sort()).toEqual(['CR-20200224-0005', 'CR-20200224-0006', 'CR-20200224-0007', 'CR-20200224-0008']);
  });

  it('refuses bad input naming the field, another zone’s building or enterprise with 422, floors the building does not have', async () => {
    const admin = await newAdmin(t.app, t.services);
    const building = await makeBuilding(t, admin.zone);
    const ok = { buildingId: building.id, floor: 2, holderName: '赵六', idKind: 'resident_id', idNumber: validResidentId(), phone: '13900001111' };
    const post = (payload: object) => admin.call({ method: 'POST', url: BASE, payload });
    const paths = async (payload: object) => {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.map((d: { path: string }) => d.path);
    };
    // The GB 11643 check digit wrong by one.
    const badCheck = ok.idNumber.slice(0, 17) + (ok.idNumber[17] === '0' ? '1' : '0');
    expect(await paths({ ...ok, idNumber: badCheck })).toEqual(['idNumber']);
    expect(await paths({ ...ok, idKind: 'passport', idNumber: '护照123' })).toEqual(['idNumber']);
    expect(await paths({ ...ok, phone: '12345' })).toEqual(['phone']);
    expect(await paths({ ...ok, holderName: '' })).toEqual(['holderName']);
    expect(await paths({ ...ok, floor: 0 })).toEqual(['floor']);
    const above = await post({ ...ok, floor: 13 });
    expect(above.json().error).toMatchObject({ code: 'validation', details: [{ path: 'floor' }] });
    expect(above.json().error.details[0].message).toContain('12');
    expect(await paths({ ...ok, validUntil: '2020-02-23' })).toEqual(['validUntil']);
    expect(await paths({ ...ok, extra: 1 })).toEqual(['']);
    // A passport is fine.
    expect((await post({ ...ok, idKind: 'passport', idNumber: 'E12345678' })).statusCode).toBe(201);

    const other = await makeZone(t.services);
    const foreign = await post({ ...ok, buildingId: (await makeBuilding(t, other)).id });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'buildingId' } });
    const foreignFirm = await post({ ...ok, enterpriseId: (await makeEnterprise(t.services, other)).id });
    expect(foreignFirm.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'enterpriseId' } });
    const colourForeign = await admin.call({ method: 'PUT', url: '/api/checkpoints/floor-colours', payload: { buildingId: (await makeBuilding(t, other)).id, floor: 1, colour: 'red' } });
    expect(colourForeign.json().error.details).toEqual({ field: 'buildingId' });
    const colourBad = await admin.call({ method: 'PUT', url: '/api/checkpoints/floor-colours', payload: { buildingId: building.id, floor: 1, colour: 'pink' } });
    expect(colourBad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['colour']);
    expect((await admin.call({ method: 'GET', url: BASE })).json().total).toBe(1);
  });

  it('revokes once (again is 409 state.pass); reveals with pii.reveal and a reason, audited; masked in list, detail and export; found by number, name or whole ID number', async () => {
    const admin = await newAdmin(t.app, t.services);
    const idNumber = validResidentId(11);
    const pass = await makePass(t, admin.zone, { holderName: '孙七', idNumber, phone: '13711112222' });
    await makePass(t, admin.zone, { holderName: '周八' });

    const staff = await signedInUser(t.app, t.services, admin.zone, ['checkpoint_staff']);
    expect((await staff.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/reveal`, payload: { field: 'idNumber', reason: '核实持证人身份' } })).statusCode).toBe(403);
    const short = await admin.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/reveal`, payload: { field: 'idNumber', reason: '看' } });
    expect(short.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    const shown = await admin.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/reveal`, payload: { field: 'idNumber', reason: '核实持证人身份' } });
    expect(shown.json()).toEqual({ value: idNumber });
    expect((await admin.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/reveal`, payload: { field: 'phone', reason: '联系持证人' } })).json()).toEqual({ value: '13711112222' });
    const reveals = await t.deps.database.db.selectFrom('audit_log').select(['after_json', 'actor_id']).where('entity_id', '=', pass.id).where('action', '=', 'checkpoint_pass.reveal').orderBy('at').orderBy('id').execute();
    expect(reveals.map((r) => JSON.parse(r.after_json!))).toEqual([{ field: 'idNumber', reason: '核实持证人身份' }, { field: 'phone', reason: '联系持证人' }]);
    expect(reveals[0]!.actor_id).toBe(admin.admin.id);

    const list = async (q: string) => (await admin.call({ method: 'GET', url: `${BASE}?${q}` })).json() as { items: Pass[]; total: number };
    expect((await list(`q=${encodeURIComponent(idNumber)}`)).items.map((p) => p.id)).toEqual([pass.id]);
    expect((await list('q=13711112222')).items.map((p) => p.id)).toEqual([pass.id]);
    expect((await list(`q=${pass.number}`)).items.map((p) => p.id)).toEqual([pass.id]);
    expect((await list(`q=${encodeURIComponent('孙')}`)).items.map((p) => p.id)).toEqual([pass.id]);
    expect((await list('q=50%25')).total).toBe(0);
    const all = await list('');
    expect(all.total).toBe(2);
    expect(JSON.stringify(all)).not.toContain(idNumber);

    const revoke = await staff.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/revoke`, payload: { reason: '员工离职' } });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json()).toMatchObject({ status: 'revoked', revokedReason: '员工离职' });
    const again = await admin.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/revoke`, payload: { reason: '员工离职' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'state.pass', details: { status: 'revoked' } });
    expect((await admin.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/revoke`, payload: {} })).statusCode).toBe(400);
    expect((await list('status=revoked')).items.map((p) => p.id)).toEqual([pass.id]);
    expect((await list('status=active')).total).toBe(1);
    expect((await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', pass.id).where('action', '=', 'checkpoint_pass.revoke').execute())).toHaveLength(1);

    const sheet = await xlsxResponse(await admin.call({ method: 'GET', url: `${BASE}/export.xlsx?status=revoked` }));
    expect(column(sheet, '持证人')).toEqual(['孙七']);
    expect(column(sheet, '证件号码')).toEqual([`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`]);
    expect(column(sheet, '手机号码')).toEqual(['137****2222']);
    expect(column(sheet, '注销原因')).toEqual(['员工离职']);
  });

  it('the public page shows only the masked name, building, floor, colour and validity; unknown is 404', async () => {
    const admin = await newAdmin(t.app, t.services);
    const building = await makeBuilding(t, admin.zone, { name: '科创中心' });
    const pass = await makePass(t, admin.zone, { buildingId: building.id, floor: 4, holderName: '张三丰', validUntil: '2020-02-25' });
    const view = await t.app.inject({ method: 'GET', url: `/api/public/passes/${pass.token}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toEqual({ holderName: '张*', buildingName: '科创中心', floor: 4, colour: 'green', status: 'active', validUntil: '2020-02-25', valid: true });
    expect(view.body).not.toContain('三丰');
    expect(maskName('Zhang San')).toBe('Z*');
    expect(maskName('李')).toBe('李*');

    expect((await t.app.inject({ method: 'GET', url: '/api/public/passes/NoSuchTokenNoSuchTokenNoSuchTok' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/passes/short' })).statusCode).toBe(400);

    clock.advance(2 * 86_400_000);
    try {
      expect((await t.app.inject({ method: 'GET', url: `/api/public/passes/${pass.token}` })).json()).toMatchObject({ valid: false, status: 'active' });
    } finally {
      clock.advance(-2 * 86_400_000);
    }
    await admin.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/revoke`, payload: { reason: '遗失' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/passes/${pass.token}` })).json()).toMatchObject({ valid: false, status: 'revoked' });
  });

  it('forScan finds a pass by its address or bare token in its own zone, with the holder’s document; revoked and expired are 422; last scans show in the list', async () => {
    const admin = await newAdmin(t.app, t.services);
    const idNumber = validResidentId(21);
    const pass = await makePass(t, admin.zone, { idNumber, phone: '13655556666', validUntil: '2020-02-26' });
    const scanned = await t.services.checkpoints.passes.forScan(admin.zone.id, pass.qrUrl);
    expect(scanned).toMatchObject({ buildingId: pass.buildingId, idNumber, phone: '13655556666', pass: { id: pass.id, holder_name: '张三', id_kind: 'resident_id' } });
    expect((await t.services.checkpoints.passes.forScan(admin.zone.id, `  ${pass.token} `)).pass.id).toBe(pass.id);
    expect((await t.services.checkpoints.passes.forScan(admin.zone.id, `${pass.qrUrl}?from=wechat`)).pass.id).toBe(pass.id);
    expect(passTokenOf('https://x.example/h5/p/abc/')).toBe('abc');
    const other = await makeZone(t.services);
    expect(await scanError(other.id, pass.qrUrl)).toEqual({ statusCode: 404, code: 'not_found' });
    expect(await scanError(admin.zone.id, 'https://x.example/h5/p/NoSuchTokenNoSuchToken')).toEqual({ statusCode: 404, code: 'not_found' });

    clock.advance(3 * 86_400_000);
    try {
      expect(await scanError(admin.zone.id, pass.token)).toEqual({ statusCode: 422, code: 'checkpoint.pass_expired' });
    } finally {
      clock.advance(-3 * 86_400_000);
    }
    await t.services.checkpoints.passes.revoke(admin.zone.ctx, pass.id, '遗失补办');
    expect(await scanError(admin.zone.id, pass.token)).toEqual({ statusCode: 422, code: 'checkpoint.pass_revoked' });

    // A gate's registrations by pass make its last scan.
    const live = await makePass(t, admin.zone);
    const gate = await makeCheckpoint(t, admin.zone, { kind: 'building_gate', buildingId: live.buildingId });
    await writeRegistrations(t, admin.zone, { checkpointId: gate.id, source: 'pass', passId: live.id, at: clock.now() - 60_000 });
    await writeRegistrations(t, admin.zone, { checkpointId: gate.id, source: 'pass', passId: live.id, at: clock.now() - 120_000 });
    expect((await admin.call({ method: 'GET', url: `${BASE}/${live.id}` })).json().lastScanAt).toBe(clock.now() - 60_000);
  });

  it('answers the pass QR code as a PNG and the card as a PDF', async () => {
    const admin = await newAdmin(t.app, t.services);
    const pass = await makePass(t, admin.zone);
    const png = await admin.call({ method: 'GET', url: `${BASE}/${pass.id}/qr.png` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await admin.call({ method: 'GET', url: `${BASE}/${pass.id}/card.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5_000);
    expect(String(pdf.headers['content-disposition'])).toContain(pass.number);
  });

  it('leaders read but neither issue nor revoke; staff issue without reveal; another zone’s passes are 404', async () => {
    const admin = await newAdmin(t.app, t.services);
    const building = await makeBuilding(t, admin.zone);
    const pass = await makePass(t, admin.zone, { buildingId: building.id });
    const body = { buildingId: building.id, floor: 2, holderName: '钱九', idKind: 'resident_id', idNumber: validResidentId(), phone: '13900002222' };
    const leader = await signedInUser(t.app, t.services, admin.zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: BASE })).json().total).toBe(1);
    expect((await leader.call({ method: 'GET', url: `/api/checkpoints/floor-colours?buildingId=${building.id}` })).statusCode).toBe(200);
    expect((await leader.call({ method: 'POST', url: BASE, payload: body })).statusCode).toBe(403);
    expect((await leader.call({ method: 'POST', url: `${BASE}/${pass.id}/actions/revoke`, payload: { reason: '离职' } })).statusCode).toBe(403);
    expect((await leader.call({ method: 'PUT', url: '/api/checkpoints/floor-colours', payload: { buildingId: building.id, floor: 1, colour: 'red' } })).statusCode).toBe(403);
    const staff = await signedInUser(t.app, t.services, admin.zone, ['checkpoint_staff']);
    expect((await staff.call({ method: 'POST', url: BASE, payload: body })).statusCode).toBe(201);
    expect((await staff.call({ method: 'PUT', url: '/api/checkpoints/floor-colours', payload: { buildingId: building.id, floor: 1, colour: 'purple' } })).statusCode).toBe(200);

    const neighbour = await newAdmin(t.app, t.services);
    for (const [method, url, payload] of [
      ['GET', `${BASE}/${pass.id}`, undefined],
      ['POST', `${BASE}/${pass.id}/actions/revoke`, { reason: '偷偷注销' }],
      ['POST', `${BASE}/${pass.id}/actions/reveal`, { field: 'idNumber', reason: '看看别人的' }],
      ['GET', `${BASE}/${pass.id}/qr.png`, undefined],
      ['GET', `${BASE}/${pass.id}/card.pdf`, undefined],
    ] as const) {
      expect((await neighbour.call({ method, url, ...(payload ? { payload } : {}) })).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await neighbour.call({ method: 'GET', url: `/api/checkpoints/floor-colours?buildingId=${building.id}` })).statusCode).toBe(422);
    expect((await neighbour.call({ method: 'GET', url: BASE })).json().total).toBe(0);
    expect((await t.services.checkpoints.passes.get(admin.zone.ctx, pass.id)).status).toBe('active');
  });
});
