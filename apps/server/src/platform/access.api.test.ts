// Every route declares its access; unauthenticated and unprivileged callers are refused;
// cross-origin writes are refused; platform admins read other zones but never write them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@shuangsheng/contracts';
import { makeTestApp, type TestApp } from '../test/harness.js';
import { adminOf, makePark, makeUser, makeZone, signIn } from '../test/factories.js';
import { makeCheckpoint } from '../test/checkpoint-factories.js';
import { postPublic, publicForm } from '../test/checkpoint-factories-2.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const sample = (url: string) => url.replace(/:id\b/g, '00000000-0000-7000-8000-000000000000').replace(/:jobId\b/g, '00000000-0000-7000-8000-000000000000');

describe('route access declarations', () => {
  it('every route declares a permission or public: true', () => {
    const bare = t.app.registeredRoutes.filter((r) => !r.config?.permission && !r.config?.public);
    expect(bare.map((r) => `${String(r.method)} ${r.url}`)).toEqual([]);
    expect(t.app.registeredRoutes.length).toBeGreaterThan(40);
  });

  it('a route without a declaration stops the app from starting', async () => {
    const { buildApp } = await import('../app.js');
    const fresh = await buildApp({ deps: t.deps, config: { version: 't', publicUrl: undefined, logLevel: 'silent', timeZone: 'Asia/Shanghai' }, staticRoots: {}, logger: false });
    fresh.get('/api/forgotten', async () => ({}));
    await expect(fresh.ready()).rejects.toThrow(/without a permission or public.*\/api\/forgotten/);
    await fresh.close().catch(() => undefined);
  });

  it('every non-public API route answers 401 without a session', async () => {
    const guarded = t.app.registeredRoutes.filter((r) => r.config?.permission && r.url.startsWith('/api/'));
    for (const r of guarded) {
      for (const method of [r.method].flat()) {
        if (method === 'HEAD') continue;
        const res = await t.app.inject({ method: method as 'GET', url: sample(r.url), payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
        expect(res.statusCode, `${method} ${r.url}`).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
    }
  });

  it("refuses what a role's permissions do not include (403) — leader reads, cannot write", async () => {
    const zone = await makeZone(t.services);
    const leader = await makeUser(t.services, zone, ['leader']);
    const { call } = await signIn(t.app, leader.username);
    expect((await call({ method: 'GET', url: '/api/parks' })).statusCode).toBe(200);
    const res = await call({ method: 'POST', url: '/api/parks', payload: { name: '不该建的园区' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await call({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect(ROLE_PERMISSIONS.leader).not.toContain('org.write');
  });

  it('refuses state-changing requests from another origin, accepts same-origin and non-browser ones', async () => {
    const { call } = await adminOf(t.app, t.services);
    const cross = await call({ method: 'POST', url: '/api/parks', headers: { origin: 'https://evil.example' }, payload: { name: '跨站园区' } });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('cross_origin');
    const site = await call({ method: 'POST', url: '/api/parks', headers: { 'sec-fetch-site': 'cross-site' }, payload: { name: '跨站园区2' } });
    expect(site.statusCode).toBe(403);
    const same = await call({ method: 'POST', url: '/api/parks', headers: { origin: 'http://localhost:80', host: 'localhost:80' }, payload: { name: '同源园区' } });
    expect(same.statusCode).toBe(201);
    const cli = await call({ method: 'POST', url: '/api/parks', payload: { name: '脚本园区' } });
    expect(cli.statusCode).toBe(201);
  });

  it('the public registration POST, in its own context, keeps its checks: origin, language, nosniff, request id; no console headers', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const cross = await postPublic(t.app, cp.token, publicForm(), { headers: { origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('cross_origin');
    const bad = await postPublic(t.app, cp.token, publicForm({ idNumber: '510302196001010014' }), { headers: { 'accept-language': 'en-US' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Invalid request: idNumber/);
    const ok = await postPublic(t.app, cp.token, publicForm(), { headers: { 'x-request-id': 'qr-1' } });
    expect(ok.statusCode).toBe(201);
    for (const res of [cross, bad, ok]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-request-id']).toBeTruthy();
      // The console's page headers and cookies belong to the other context.
      expect(res.headers['content-security-policy']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(ok.headers['x-request-id']).toBe('qr-1');
    // The console's routes keep theirs.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('login itself is protected from cross-origin posts', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { username: 'x', password: 'y' } });
    expect(res.statusCode).toBe(403);
  });

  it('a platform admin reads another zone with X-Zone but cannot write there', async () => {
    const home = await makeZone(t.services);
    const other = await makeZone(t.services);
    const park = await makePark(t.services, other, '别区园区');
    const pa = await makeUser(t.services, home, ['platform_admin']);
    const { call } = await signIn(t.app, pa.username);
    const zones = await call({ method: 'GET', url: '/api/zones' });
    expect(zones.json().map((z: { code: string }) => z.code)).toEqual(expect.arrayContaining([home.code, other.code]));
    const list = await call({ method: 'GET', url: '/api/parks', headers: { 'x-zone': other.code } });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([park.id]);
    const write = await call({ method: 'PATCH', url: `/api/parks/${park.id}`, headers: { 'x-zone': other.code }, payload: { name: '改名' } });
    expect(write.statusCode).toBe(403);
  });

  it('X-Zone is ignored for users who may not read other zones', async () => {
    const { call, zone } = await adminOf(t.app, t.services);
    const other = await makeZone(t.services);
    await makePark(t.services, other, '他区园区');
    const mine = await makePark(t.services, zone, '本区园区');
    const list = await call({ method: 'GET', url: '/api/parks', headers: { 'x-zone': other.code } });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
  });

  it('answers unknown API paths with a JSON 404 and every response carries a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'abc-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('answers a URL that cannot be decoded with a 400 in the usual error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/parks/%E4%ZZ', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(res.json().error.message).toMatch(/^Bad request/);
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/enterprises', '/api/enterprises/import', '/api/parks/{id}', '/api/auth/login']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('health names the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: t.deps.database.dialect, version: 'test' });
  });
});
