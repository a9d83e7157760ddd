// Checkpoints (卡口) through the API: creation and its checks, status changes with history and
// their 409s, token rotation (the old QR code answers 410 at once, the new one works), the QR PNG
// and the A4 poster, the list with risk levels inherited from grid units above, today's counts and
// open cases, the Excel export, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, CheckpointDetail } from '@shuangsheng/contracts';
import type { z } from 'zod';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makePark, makeZone, newAdmin, signedInUser, uniq } from '../../test/factories.js';
import { makeBuilding, makeCheckpoint, makeGridUnit, setRisk, tokenOf, writeRegistrations } from '../../test/checkpoint-factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';
import type { AppError } from '../../platform/errors.js';

type Detail = z.infer<typeof CheckpointDetail>;
type Item = z.infer<typeof Checkpoint>;

const clock = testClock(Date.UTC(2020, 1, 24, 1, 0, 0)); // 2020-02-24 09:00 in Shanghai
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const BASE = '/api/checkpoints';

async function auditOf(entityId: string) {
  return t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', entityId).orderBy('at').orderBy('id').execute();
}

async function byTokenError(token: string): Promise<{ statusCode: number; code: string }> {
  try {
    await t.services.checkpoints.checkpoints.byToken(token);
  } catch (e) {
    return { statusCode: (e as AppError).statusCode, code: (e as AppError).code };
  }
  throw new Error('byToken answered');
}

describe('checkpoints', () => {
  it('the admin creates a checkpoint: active, one history row, an unguessable token in its QR address; bad input is 400 naming the field, another zone’s grid unit 422, a name in use 409', async () => {
    const admin = await newAdmin(t.app, t.services);
    const unit = await makeGridUnit(t, admin.zone);
    const park = await makePark(t.services, admin.zone);
    const building = await makeBuilding(t, admin.zone, { parkId: park.id });
    const res = await admin.call({ method: 'POST', url: BASE, payload: { name: '自贡东高速出口', kind: 'highway_exit', gridUnitId: unit.id, buildingId: building.id, location: 'G85 自贡东收费站' } });
    expect(res.statusCode, res.body).toBe(201);
    const cp = res.json() as Detail;
    expect(cp).toMatchObject({
      name: '自贡东高速出口',
      kind: 'highway_exit',
      gridUnitId: unit.id,
      gridUnitName: unit.name,
      buildingId: building.id,
      buildingName: building.name,
      location: 'G85 自贡东收费站',
      status: 'active',
      risk: null,
      today: { persons: 0, vehicles: 0, openCases: 0 },
      history: [{ fromStatus: null, toStatus: 'active', reason: null, actorName: admin.admin.displayName }],
    });
    const token = tokenOf(cp.qrUrl);
    expect(cp.qrUrl).toBe(`${t.services.checkpoints.scope.registrationUrl(token)}`);
    expect(cp.qrUrl).toMatch(/\/h5\/c\/[A-Za-z0-9_-]{32}$/);
    expect(await auditOf(cp.id)).toMatchObject([{ action: 'checkpoint.create' }]);
    // The token is in no audit record.
    expect(JSON.stringify(await auditOf(cp.id))).not.toContain(token);

    const missing = await admin.call({ method: 'POST', url: BASE, payload: { kind: 'highway_exit' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual(['name']);
    const badKind = await admin.call({ method: 'POST', url: BASE, payload: { name: '某卡口', kind: 'airport' } });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details.map((d: { path: string }) => d.path)).toEqual(['kind']);

    const other = await makeZone(t.services, '另一个区');
    const foreignUnit = await makeGridUnit(t, other);
    const foreign = await admin.call({ method: 'POST', url: BASE, payload: { name: '某卡口', kind: 'city_road', gridUnitId: foreignUnit.id } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'gridUnitId' } });
    const foreignBuilding = await makeBuilding(t, other);
    const fb = await admin.call({ method: 'POST', url: BASE, payload: { name: '某卡口', kind: 'building_gate', buildingId: foreignBuilding.id } });
    expect(fb.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'buildingId' } });

    const dup = await admin.call({ method: 'POST', url: BASE, payload: { name: '自贡东高速出口', kind: 'city_road' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict.duplicate');
    // A name is unique in its zone only.
    expect((await makeCheckpoint(t, other, { name: '自贡东高速出口', gridUnitId: null })).name).toBe('自贡东高速出口');
    expect((await admin.call({ method: 'GET', url: BASE })).json().total).toBe(1);
  });

  it('edits are audited with what changed; a cleared location is null; a foreign building 422', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone, { name: '富顺城区卡口', kind: 'city_road' });
    const unit = await makeGridUnit(t, admin.zone);
    const res = await admin.call({ method: 'PATCH', url: `${BASE}/${cp.id}`, payload: { name: '富顺城区北卡口', gridUnitId: unit.id, location: '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '富顺城区北卡口', gridUnitId: unit.id, gridUnitName: unit.name, location: null, kind: 'city_road', status: 'active' });
    const update = (await auditOf(cp.id)).find((a) => a.action === 'checkpoint.update')!;
    expect(JSON.parse(update.after_json!)).toEqual({ name: '富顺城区北卡口', gridUnitId: unit.id, location: null });
    expect(JSON.parse(update.before_json!)).toMatchObject({ name: cp.name, location: '测试高速出口' });
    const other = await makeZone(t.services);
    const fb = await admin.call({ method: 'PATCH', url: `${BASE}/${cp.id}`, payload: { buildingId: (await makeBuilding(t, other)).id } });
    expect(fb.statusCode).toBe(422);
    expect(fb.json().error.details).toEqual({ field: 'buildingId' });
    const bad = await admin.call({ method: 'PATCH', url: `${BASE}/${cp.id}`, payload: { kind: 'airport' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('kind');
  });

  it('status changes keep history (newest first); the same status is 409 state.checkpoint; a reason is required', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone);
    const move = (status: string, reason = '疫情形势变化') => admin.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/status`, payload: { status, reason } });
    expect((await move('service_point')).json().status).toBe('service_point');
    clock.advance(60_000);
    expect((await move('closed', '撤除卡口')).json().status).toBe('closed');
    clock.advance(60_000);
    const reopened = (await move('active', '重新启用')).json() as Detail;
    expect(reopened.status).toBe('active');
    expect(reopened.history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      ['closed', 'active', '重新启用'],
      ['service_point', 'closed', '撤除卡口'],
      ['active', 'service_point', '疫情形势变化'],
      [null, 'active', null],
    ]);
    const same = await move('active');
    expect(same.statusCode).toBe(409);
    expect(same.json().error).toMatchObject({ code: 'state.checkpoint', details: { status: 'active' } });
    expect(same.json().error.message).toContain('运行中');
    const noReason = await admin.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/status`, payload: { status: 'closed' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    expect((await auditOf(cp.id)).map((a) => a.action)).toEqual(['checkpoint.create', 'checkpoint.status', 'checkpoint.status', 'checkpoint.status']);

    // Two parallel changes to the same status: one wins, the other is 409; one history row.
    const both = await Promise.all([move('service_point'), move('service_point')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await t.services.checkpoints.checkpoints.get(admin.zone.ctx, cp.id)).history).toHaveLength(5);
  });

  it('rotating the token retires the old QR code at once (410 checkpoint.qr_revoked), the new one works; unknown tokens are 404; closed is not an error', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone);
    const mod = t.services.checkpoints.checkpoints;
    const found = await mod.byToken(cp.token);
    expect(found).toMatchObject({ checkpoint: { id: cp.id, zone_id: admin.zone.id, status: 'active' }, zoneName: '测试高新区', risk: null });
    // Cached now: rotation must still retire it at once.
    const res = await admin.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/rotate-token` });
    expect(res.statusCode, res.body).toBe(200);
    const rotated = res.json() as Detail;
    const fresh = tokenOf(rotated.qrUrl);
    expect(fresh).not.toBe(cp.token);
    expect(await byTokenError(cp.token)).toEqual({ statusCode: 410, code: 'checkpoint.qr_revoked' });
    expect((await mod.byToken(fresh)).checkpoint.id).toBe(cp.id);
    expect(await byTokenError('NoSuchTokenNoSuchTokenNoSuchToken')).toEqual({ statusCode: 404, code: 'not_found' });
    expect(await t.deps.database.db.selectFrom('checkpoint_revoked_tokens').select(['checkpoint_id', 'zone_id']).where('token', '=', cp.token).execute()).toEqual([{ checkpoint_id: cp.id, zone_id: admin.zone.id }]);
    expect((await auditOf(cp.id)).map((a) => a.action)).toEqual(['checkpoint.create', 'checkpoint.rotate_token']);

    // Closing is seen at once by the public path, which decides what to show.
    await admin.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/status`, payload: { status: 'closed', reason: '撤除' } });
    expect((await mod.byToken(fresh)).checkpoint.status).toBe('closed');

    // Two rotations at once: both answer, the checkpoint ends with one new token, each retired token is recorded once.
    const both = await Promise.all([1, 2].map(() => admin.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/rotate-token` })));
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const current = tokenOf((await admin.call({ method: 'GET', url: `${BASE}/${cp.id}` })).json().qrUrl);
    const retired = await t.deps.database.db.selectFrom('checkpoint_revoked_tokens').select('token').where('checkpoint_id', '=', cp.id).execute();
    expect(retired.map((r) => r.token)).not.toContain(current);
    expect(new Set(retired.map((r) => r.token)).size).toBe(retired.length);
    expect(retired.map((r) => r.token)).toContain(fresh);
    expect((await mod.byToken(current)).checkpoint.id).toBe(cp.id);
    expect(await byTokenError(fresh)).toEqual({ statusCode: 410, code: 'checkpoint.qr_revoked' });
  });

  it('answers the QR code as a PNG and the poster as an A4 PDF', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone, { name: '荣县高速出口' });
    const png = await admin.call({ method: 'GET', url: `${BASE}/${cp.id}/qr.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: a square of a few hundred pixels.
    const width = png.rawPayload.readUInt32BE(16);
    expect(png.rawPayload.readUInt32BE(20)).toBe(width);
    expect(width).toBeGreaterThan(200);

    const pdf = await admin.call({ method: 'GET', url: `${BASE}/${cp.id}/poster.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(encodeURIComponent('荣县高速出口'));
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(String((await admin.call({ method: 'GET', url: `${BASE}/${cp.id}/poster.pdf?inline=true` })).headers['content-disposition'])).toMatch(/^inline; /);
  });

  it('the list shows the risk of each checkpoint’s unit or the nearest unit above, today’s person-times and vehicles and open cases; filters by kind, status, unit, risk', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const street = await makeGridUnit(t, zone);
    const community = await makeGridUnit(t, zone, street.id);
    const a = await makeCheckpoint(t, zone, { name: '甲卡口', gridUnitId: community.id, kind: 'community_gate' });
    clock.advance(1000);
    const b = await makeCheckpoint(t, zone, { name: '乙卡口', gridUnitId: street.id, kind: 'city_road' });
    clock.advance(1000);
    const c = await makeCheckpoint(t, zone, { name: '丙卡口', gridUnitId: null, kind: 'mobile_team', status: 'service_point' });
    const list = async (query = '') => (await admin.call({ method: 'GET', url: `${BASE}${query}` })).json() as { items: Item[]; total: number };

    expect((await list()).items.map((i) => i.risk)).toEqual([null, null, null]);
    await setRisk(t, zone, street.id, 'high');
    let items = new Map((await list()).items.map((i) => [i.id, i]));
    expect(items.get(a.id)!.risk).toMatchObject({ gridUnitId: street.id, gridUnitName: street.name, level: 'high', controlClass: 'strict', since: '2020-02-24' });
    expect(items.get(b.id)!.risk).toMatchObject({ gridUnitId: street.id, level: 'high' });
    expect(items.get(c.id)!.risk).toBeNull();
    // The community's own level wins over the street's.
    await setRisk(t, zone, community.id, 'low');
    items = new Map((await list()).items.map((i) => [i.id, i]));
    expect(items.get(a.id)!.risk).toMatchObject({ gridUnitId: community.id, level: 'low', controlClass: 'normal' });
    expect(items.get(b.id)!.risk!.level).toBe('high');
    expect((await list('?risk=high')).items.map((i) => i.id)).toEqual([b.id]);
    expect((await list('?risk=low')).items.map((i) => i.id)).toEqual([a.id]);
    expect((await list('?status=service_point')).items.map((i) => i.id)).toEqual([c.id]);
    expect((await list('?kind=city_road')).items.map((i) => i.id)).toEqual([b.id]);
    expect((await list(`?gridUnitId=${community.id}`)).items.map((i) => i.id)).toEqual([a.id]);
    expect((await list('?q=乙')).items.map((i) => i.id)).toEqual([b.id]);
    expect((await list('?pageSize=2&sort=createdAt:asc')).items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect((await list('?pageSize=2&page=2&sort=createdAt:asc'))).toMatchObject({ total: 3, items: [{ id: c.id }] });
    expect((await admin.call({ method: 'GET', url: `${BASE}?risk=extreme` })).json().error.details[0].path).toBe('risk');

    // Today: a car with three people (one with a fever: a case), a walker; yesterday's do not count.
    await writeRegistrations(t, zone, { checkpointId: a.id, persons: 3, plate: '川C12345', fever: true });
    await writeRegistrations(t, zone, { checkpointId: a.id });
    await writeRegistrations(t, zone, { checkpointId: b.id, at: clock.now() - 86_400_000, persons: 2, plate: '川C54321' });
    items = new Map((await list()).items.map((i) => [i.id, i]));
    expect(items.get(a.id)!.today).toEqual({ persons: 4, vehicles: 1, openCases: 1 });
    expect(items.get(b.id)!.today).toEqual({ persons: 0, vehicles: 0, openCases: 0 });
    expect((await admin.call({ method: 'GET', url: `${BASE}/${a.id}` })).json().today).toEqual({ persons: 4, vehicles: 1, openCases: 1 });
  });

  it('exports the filtered list to Excel', async () => {
    const admin = await newAdmin(t.app, t.services);
    await makeCheckpoint(t, admin.zone, { name: '导出甲', kind: 'park_gate' });
    await makeCheckpoint(t, admin.zone, { name: '导出乙', kind: 'highway_exit' });
    const sheet = await xlsxResponse(await admin.call({ method: 'GET', url: `${BASE}/export.xlsx?kind=park_gate` }));
    expect(column(sheet, '卡口名称')).toEqual(['导出甲']);
    expect(column(sheet, '类型')).toEqual(['园区门岗']);
    expect(column(sheet, '状态')).toEqual(['运行中']);
    const en = await xlsxResponse(await admin.call({ method: 'GET', url: `${BASE}/export.xlsx?lang=en-US&sort=name:desc` }));
    expect(column(en, 'Checkpoint')).toHaveLength(2);
    expect(column(en, 'Kind').sort()).toEqual(['Highway exit', 'Park gate']);
  });

  it('checkpoint staff and leaders read but do not manage; another zone’s checkpoints are 404', async () => {
    const admin = await newAdmin(t.app, t.services);
    const cp = await makeCheckpoint(t, admin.zone);
    for (const role of ['checkpoint_staff', 'leader'] as const) {
      const user = await signedInUser(t.app, t.services, admin.zone, [role]);
      expect((await user.call({ method: 'GET', url: BASE })).json().total).toBe(1);
      expect((await user.call({ method: 'GET', url: `${BASE}/${cp.id}` })).statusCode).toBe(200);
      expect((await user.call({ method: 'GET', url: `${BASE}/${cp.id}/qr.png` })).statusCode).toBe(200);
      expect((await user.call({ method: 'POST', url: BASE, payload: { name: uniq('卡口'), kind: 'city_road' } })).statusCode).toBe(403);
      expect((await user.call({ method: 'PATCH', url: `${BASE}/${cp.id}`, payload: { name: '改名' } })).statusCode).toBe(403);
      expect((await user.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/status`, payload: { status: 'closed', reason: '撤除' } })).statusCode).toBe(403);
      expect((await user.call({ method: 'POST', url: `${BASE}/${cp.id}/actions/rotate-token` })).statusCode).toBe(403);
    }
    const neighbour = await newAdmin(t.app, t.services);
    for (const [method, url, payload] of [
      ['GET', `${BASE}/${cp.id}`, undefined],
      ['PATCH', `${BASE}/${cp.id}`, { name: '偷改' }],
      ['POST', `${BASE}/${cp.id}/actions/status`, { status: 'closed', reason: '撤除' }],
      ['POST', `${BASE}/${cp.id}/actions/rotate-token`, undefined],
      ['GET', `${BASE}/${cp.id}/qr.png`, undefined],
      ['GET', `${BASE}/${cp.id}/poster.pdf`, undefined],
    ] as const) {
      const res = await neighbour.call({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await neighbour.call({ method: 'GET', url: BASE })).json().total).toBe(0);
    expect((await t.services.checkpoints.checkpoints.get(admin.zone.ctx, cp.id)).status).toBe('active');
  });
});
