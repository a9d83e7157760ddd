// Abnormal cases (异常情况台账): the ledger masked with its filters and export, one case with its
// timeline, the follow-up (transfer → result → close; open → close with an outcome), 409 for other
// moves and for the losers of parallel moves, reveal with a reason, and the live alerts of the
// duty console over server-sent events on a listening server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbnormalCase, AlertEvent } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeZone, signedInUser } from '../../test/factories.js';
import { makeCheckpoint, signedInCheckpointStaff } from '../../test/checkpoint-factories.js';
import { carForm, HEALTHY, publicForm, registerPublic } from '../../test/checkpoint-factories-2.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const DAY = 24 * 3_600_000;

async function setup() {
  const zone = await makeZone(t.services);
  const east = await makeCheckpoint(t, zone, { name: '东站卡口' });
  const west = await makeCheckpoint(t, zone, { name: '西站卡口' });
  const duty = await signedInCheckpointStaff(t.app, t.services, zone);
  const admin = await signedInUser(t.app, t.services, zone, ['zone_admin']);
  const fever = publicForm({ name: '发热甲', health: { ...HEALTHY, fever: true } });
  const cough = carForm(0, { name: '咳嗽乙', plate: '川C66666', health: { ...HEALTHY, cough: true } });
  await registerPublic(t.app, east.token, fever);
  await registerPublic(t.app, west.token, cough);
  const start = clock.now();
  clock.advance(DAY);
  await registerPublic(t.app, east.token, publicForm({ name: '接触丙', health: { ...HEALTHY, contact: true } }));
  clock.set(start);
  const list = (await duty.call({ method: 'GET', url: '/api/checkpoints/cases?sort=at:asc' })).json().items as AbnormalCase[];
  const byName = Object.fromEntries(list.map((c) => [c.name, c])) as Record<string, AbnormalCase>;
  return { zone, east, west, duty, admin, forms: { fever, cough }, cases: byName };
}

describe('the ledger', () => {
  it('lists the cases masked, filters them and exports them', async () => {
    const s = await setup();
    const res = await s.duty.call({ method: 'GET', url: '/api/checkpoints/cases' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(3);
    const id = s.forms.fever.idNumber as string;
    expect(s.cases['发热甲']).toMatchObject({
      number: 'YC-20200224-0001',
      checkpointName: '东站卡口',
      idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phoneMasked: `${(s.forms.fever.phone as string).slice(0, 3)}****${(s.forms.fever.phone as string).slice(-4)}`,
      reasons: ['fever'],
      result: 'red',
      status: 'open',
      clinic: null,
      outcome: null,
      closedAt: null,
    });
    expect(s.cases['接触丙']!.number).toBe('YC-20200225-0001');
    for (const f of Object.values(s.forms)) expect(res.body.includes(f.idNumber as string) || res.body.includes(f.phone as string)).toBe(false);

    const names = async (q: string) => ((await s.duty.call({ method: 'GET', url: `/api/checkpoints/cases?${q}` })).json().items as AbnormalCase[]).map((c) => c.name).sort();
    expect(await names(`checkpointId=${s.west.id}`)).toEqual(['咳嗽乙']);
    expect(await names('reason=contact')).toEqual(['接触丙']);
    expect(await names('reason=temperature')).toEqual([]);
    expect(await names('from=2020-02-25')).toEqual(['接触丙']);
    expect(await names('to=2020-02-24')).toEqual(['发热甲', '咳嗽乙']);
    expect(await names('q=6666')).toEqual(['咳嗽乙']);
    expect(await names(`q=${encodeURIComponent('发热')}`)).toEqual(['发热甲']);
    expect(await names('q=yc-20200225')).toEqual(['接触丙']);
    expect(await names('status=closed')).toEqual([]);

    const sheet = await xlsxResponse(await s.duty.call({ method: 'GET', url: '/api/checkpoints/cases/export.xlsx?to=2020-02-24' }));
    expect(column(sheet, '编号')).toEqual(['YC-20200224-0001', 'YC-20200224-0002']);
    expect(column(sheet, '异常原因')).toEqual(['自述发热', '咳嗽等症状']);
    expect(column(sheet, '状态')).toEqual(['待处置', '待处置']);
    expect(column(sheet, '证件号码')[0]).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(JSON.stringify(sheet).includes(id)).toBe(false);
  });

  it('is the duty console’s: leaders cannot see it; another zone’s case is 404', async () => {
    const s = await setup();
    const leader = await signedInUser(t.app, t.services, s.zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: '/api/checkpoints/cases' })).statusCode).toBe(403);
    expect((await leader.call({ method: 'GET', url: `/api/checkpoints/cases/${s.cases['发热甲']!.id}` })).statusCode).toBe(403);
    const other = await setup();
    const foreign = await s.duty.call({ method: 'GET', url: `/api/checkpoints/cases/${other.cases['发热甲']!.id}` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details).toEqual({ entity: 'checkpoint_case', id: other.cases['发热甲']!.id });
    const act = await s.duty.call({ method: 'POST', url: `/api/checkpoints/cases/${other.cases['发热甲']!.id}/actions/transfer`, payload: { clinic: '越区诊所' } });
    expect(act.statusCode).toBe(404);
    expect((await other.duty.call({ method: 'GET', url: `/api/checkpoints/cases/${other.cases['发热甲']!.id}` })).json().status).toBe('open');
  });
});

describe('following a case up', () => {
  it('transfer (clinic) → result (outcome) → close, each with an event and an audit record; other moves 409', async () => {
    const s = await setup();
    const c = s.cases['发热甲']!;
    const act = (action: string, payload: Record<string, unknown> = {}) => s.duty.call({ method: 'POST', url: `/api/checkpoints/cases/${c.id}/actions/${action}`, payload });

    const noClinic = await act('transfer', { clinic: '  ' });
    expect(noClinic.statusCode).toBe(400);
    expect(noClinic.json().error.details).toEqual([{ path: 'clinic', message: '请填写转诊机构' }]);
    expect((await act('result', { outcome: 'cleared' })).statusCode).toBe(409);

    const transferred = await act('transfer', { clinic: '自贡市第一人民医院发热门诊', note: '120 转运' });
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect(transferred.json()).toMatchObject({ status: 'transferred', clinic: '自贡市第一人民医院发热门诊', note: '120 转运' });
    const noOutcome = await act('result', {});
    expect(noOutcome.json().error.details).toEqual([{ path: 'outcome', message: '请选择处置结果' }]);
    const closeEarly = await act('close', { outcome: 'cleared' });
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json().error).toEqual({ code: 'state.case', message: '异常情况当前为“已转诊”，不能结案', details: { status: 'transferred' } });

    expect((await act('result', { outcome: 'home_observation' })).json()).toMatchObject({ status: 'resulted', outcome: 'home_observation' });
    const closed = await act('close', { note: '观察期满' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'home_observation', closedAt: clock.now(), note: '观察期满' });
    expect(closed.json().events.map((e: { action: string; fromStatus: string | null; toStatus: string; actorName: string }) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['open', null, 'open'],
      ['transfer', 'open', 'transferred'],
      ['result', 'transferred', 'resulted'],
      ['close', 'resulted', 'closed'],
    ]);
    for (const action of ['transfer', 'result', 'close']) {
      const res = await act(action, { clinic: '诊所', outcome: 'other' });
      expect(res.statusCode, action).toBe(409);
      expect(res.json().error.details).toEqual({ status: 'closed' });
    }
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id', 'after_json']).where('zone_id', '=', s.zone.id).where('entity_type', '=', 'checkpoint_case').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_id, a.entity_id])).toEqual([
      ['checkpoint_case.transfer', s.duty.user.id, c.id],
      ['checkpoint_case.result', s.duty.user.id, c.id],
      ['checkpoint_case.close', s.duty.user.id, c.id],
    ]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ status: 'transferred', clinic: '自贡市第一人民医院发热门诊' });
  });

  it('closes an open case directly with an outcome (required)', async () => {
    const s = await setup();
    const url = `/api/checkpoints/cases/${s.cases['咳嗽乙']!.id}/actions/close`;
    const without = await s.duty.call({ method: 'POST', url, payload: {} });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.details).toEqual([{ path: 'outcome', message: '请选择处置结果' }]);
    const res = await s.duty.call({ method: 'POST', url, payload: { outcome: 'cleared', note: '复测正常' } });
    expect(res.json()).toMatchObject({ status: 'closed', outcome: 'cleared' });
    expect((await s.duty.call({ method: 'GET', url: '/api/checkpoints/cases?status=closed' })).json().items.map((c: AbnormalCase) => c.name)).toEqual(['咳嗽乙']);
    const bad = await s.duty.call({ method: 'POST', url: `/api/checkpoints/cases/${s.cases['咳嗽乙']!.id}/actions/reopen`, payload: {} });
    expect(bad.statusCode).toBe(400);
  });

  it('parallel moves of one case leave exactly one', async () => {
    const s = await setup();
    const c = s.cases['接触丙']!;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.duty.call({ method: 'POST', url: `/api/checkpoints/cases/${c.id}/actions/${i % 2 ? 'transfer' : 'close'}`, payload: { clinic: `诊所${i}`, outcome: 'cleared' } })),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const detail = (await s.duty.call({ method: 'GET', url: `/api/checkpoints/cases/${c.id}` })).json();
    expect(detail.events).toHaveLength(2);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('zone_id', '=', s.zone.id).where('entity_id', '=', c.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('reveals the person’s ID number or phone for pii.reveal holders with a reason, audited', async () => {
    const s = await setup();
    const url = `/api/checkpoints/cases/${s.cases['发热甲']!.id}/actions/reveal`;
    expect((await s.duty.call({ method: 'POST', url, payload: { field: 'phone', reason: '电话回访核实' } })).statusCode).toBe(403);
    const res = await s.admin.call({ method: 'POST', url, payload: { field: 'phone', reason: '电话回访核实' } });
    expect(res.json()).toEqual({ value: s.forms.fever.phone });
    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', s.zone.id).where('action', '=', 'checkpoint_case.reveal').execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.after_json!)])).toEqual([[s.admin.user.id, { field: 'phone', reason: '电话回访核实' }]]);
    expect(JSON.stringify(audit).includes(s.forms.fever.phone as string)).toBe(false);
  });
});

describe('live alerts (server-sent events)', () => {
  it('reach the zone’s open duty consoles without a reload, and only theirs; closing the stream unsubscribes', async () => {
    const live = await makeTestApp({ clock });
    try {
      await live.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = live.app.server.address() as AddressInfo;
      const zone = await makeZone(live.services);
      const other = await makeZone(live.services);
      const cp = await makeCheckpoint(live, zone, { name: '直播卡口' });
      const theirs = await makeCheckpoint(live, other);
      const duty = await signedInCheckpointStaff(live.app, live.services, zone);
      const staff = await signedInCheckpointStaff(live.app, live.services, zone);

      const req = http.get({ host: '127.0.0.1', port, path: '/api/checkpoints/alerts/stream', headers: { cookie: duty.cookie } });
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => req.once('response', resolve).once('error', reject));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['x-accel-buffering']).toBe('no');
      res.setEncoding('utf8');
      let text = '';
      const waiting = new Set<() => void>();
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const check of [...waiting]) check();
      });
      /** Resolves once what arrived so far satisfies `done` (waits on the stream's data, no timers). */
      const waitUntil = (done: (received: string) => boolean, what: string) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (!done(text)) return;
            waiting.delete(check);
            resolve();
          };
          waiting.add(check);
          res.once('end', () => reject(new Error(`stream ended before ${what}: ${text}`)));
          check();
        });
      const waitFor = (needle: string) => waitUntil((s) => s.includes(needle), needle);
      /** The data of the first complete `alert` message. */
      const firstAlert = async (): Promise<AlertEvent> => {
        const complete = (s: string) => s.includes('event: alert') && s.slice(s.indexOf('event: alert')).includes('\n\n');
        await waitUntil(complete, 'an alert');
        const message = text.slice(text.indexOf('event: alert')).split('\n\n')[0]!;
        return JSON.parse(message.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as AlertEvent;
      };
      await waitFor('retry: 3000');
      expect(live.services.checkpoints.events.listeners(zone.id)).toBe(1);

      // Another zone's fever is not this console's; a staff member's 38.1 °C here is.
      await registerPublic(live.app, theirs.token, publicForm({ name: '外区发热', health: { ...HEALTHY, fever: true } }));
      const walker = await registerPublic(live.app, cp.token, publicForm({ name: '测温者' }));
      const entered = await staff.call({ method: 'POST', url: `/api/checkpoints/registrations/${walker.id}/actions/temperature`, payload: { temperature: 38.1 } });
      expect(entered.statusCode).toBe(200);
      const alert = await firstAlert();
      expect(alert).toMatchObject({ name: '测温者', checkpointId: cp.id, checkpointName: '直播卡口', temperature: 38.1, reasons: ['temperature'], result: 'red' });
      expect(alert.number).toMatch(/^YC-20200224-\d{4}$/);
      expect(text).not.toContain('外区发热');

      // A public registration with a declared fever reaches it too.
      await registerPublic(live.app, cp.token, publicForm({ name: '自述发热', health: { ...HEALTHY, fever: true } }));
      await waitFor('自述发热');

      const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
      req.destroy();
      await closed;
      for (let i = 0; i < 1000 && live.services.checkpoints.events.listeners(zone.id) > 0; i++) await new Promise<void>((r) => setImmediate(r));
      expect(live.services.checkpoints.events.listeners(zone.id)).toBe(0);
    } finally {
      await live.close();
    }
  });

  it('a stream opened before a sign-out ends at the next alert without showing it', async () => {
    const live = await makeTestApp({ clock });
    try {
      await live.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = live.app.server.address() as AddressInfo;
      const zone = await makeZone(live.services);
      const cp = await makeCheckpoint(live, zone);
      const duty = await signedInCheckpointStaff(live.app, live.services, zone);
      const req = http.get({ host: '127.0.0.1', port, path: '/api/checkpoints/alerts/stream', headers: { cookie: duty.cookie } });
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => req.once('response', resolve).once('error', reject));
      expect(res.statusCode).toBe(200);
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (chunk: string) => (text += chunk));
      const ended = new Promise<void>((resolve) => res.once('end', () => resolve()));
      /** Resolves once `needle` has arrived (on the stream's data, no timers). */
      const arrived = (needle: string) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (!text.includes(needle)) return;
            res.off('data', check);
            resolve();
          };
          res.on('data', check);
          res.once('end', () => reject(new Error(`stream ended before ${needle}: ${text}`)));
          check();
        });

      // Still signed in: the first alert arrives.
      await registerPublic(live.app, cp.token, publicForm({ name: '登出前发热', health: { ...HEALTHY, fever: true } }));
      await arrived('登出前发热');

      expect((await duty.call({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
      await registerPublic(live.app, cp.token, publicForm({ name: '登出后发热', health: { ...HEALTHY, fever: true } }));
      await ended;
      expect(text).not.toContain('登出后发热');
      for (let i = 0; i < 1000 && live.services.checkpoints.events.listeners(zone.id) > 0; i++) await new Promise<void>((r) => setImmediate(r));
      expect(live.services.checkpoints.events.listeners(zone.id)).toBe(0);
    } finally {
      await live.close();
    }
  });

  it('a stream still open when the server closes is ended, not left hanging', async () => {
    const live = await makeTestApp({ clock });
    await live.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = live.app.server.address() as AddressInfo;
    const zone = await makeZone(live.services);
    const duty = await signedInCheckpointStaff(live.app, live.services, zone);
    const req = http.get({ host: '127.0.0.1', port, path: '/api/checkpoints/alerts/stream', headers: { cookie: duty.cookie } });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.once('response', resolve));
    const ended = new Promise<void>((resolve) => res.once('end', () => resolve()).once('close', () => resolve()));
    res.resume();
    await live.close();
    await ended;
    expect(live.services.checkpoints.events.listeners(zone.id)).toBe(0);
  });
});
