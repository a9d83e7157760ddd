// Sign-in, sessions, lockout, throttling, logout and password changes, on a controllable clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeUser, makeZone, PASSWORD, signIn } from '../../test/factories.js';
import { LOCKOUT_MS, LOCKOUT_THRESHOLD, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './auth.service.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and /me tells zone and roles', async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['inspector', 'commissioner']);
    const res = await login(u.username, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ss_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: u.username, zone: { code: zone.code, timeZone: 'Asia/Shanghai' }, roles: ['commissioner', 'inspector'] });
    expect(me.json().permissions).toContain('enterprises.read');
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['leader']);
    const unknown = await login('nobody-' + Date.now(), 'whatever1');
    const wrong = await login(u.username, 'wrong-password-1', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.message).toBe('用户名或密码错误');
  });

  it('stores no session token in clear: the sessions table holds only a hash', async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['leader']);
    const { cookie } = await signIn(t.app, u.username);
    const token = cookie.split('=')[1]!;
    const rows = await t.deps.database.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
  });

  it(`locks the account after ${LOCKOUT_THRESHOLD} failures, also when they arrive in parallel, and unlocks after ${LOCKOUT_MS / 60000} minutes`, async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['leader']);
    const results = await Promise.all(Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) => login(u.username, 'bad-password-' + i, `10.1.0.${i}`)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(LOCKOUT_THRESHOLD).fill(401));
    const locked = await login(u.username, PASSWORD, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.locked');
    expect(locked.headers['retry-after']).toBeDefined();
    const audit = await t.services.audit.list(zone.ctx, { entityId: u.id, action: 'auth.locked', page: 1, pageSize: 10 });
    expect(audit.total).toBe(1);
    clock.advance(LOCKOUT_MS + 1000);
    expect((await login(u.username, PASSWORD, '10.1.1.2')).statusCode).toBe(200);
  });

  it('an admin can lift a lockout', async () => {
    const zone = await makeZone(t.services);
    const admin = await makeUser(t.services, zone, ['zone_admin']);
    const u = await makeUser(t.services, zone, ['leader']);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await login(u.username, 'nope-nope-' + i, '10.2.0.1');
    const { call } = await signIn(t.app, admin.username);
    const listed = await call({ method: 'GET', url: `/api/users/${u.id}` });
    expect(listed.json().locked).toBe(true);
    const unlocked = await call({ method: 'POST', url: `/api/users/${u.id}/actions/unlock` });
    expect(unlocked.json().locked).toBe(false);
    expect((await login(u.username, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('throttles sign-in attempts per address with 429', async () => {
    const ip = '10.9.9.9';
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await login('nobody', 'x', ip)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    const last = await login('nobody', 'x', ip);
    expect(last.json().error.code).toBe('too_many_requests');
    // Another address is not affected.
    expect((await login('nobody', 'x', '10.9.9.10')).statusCode).toBe(401);
  });

  it('a disabled user cannot sign in, and disabling ends existing sessions', async () => {
    const zone = await makeZone(t.services);
    const admin = await makeUser(t.services, zone, ['zone_admin']);
    const u = await makeUser(t.services, zone, ['leader']);
    const userSession = await signIn(t.app, u.username);
    const { call } = await signIn(t.app, admin.username);
    await call({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { status: 'disabled' } });
    expect((await userSession.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const res = await login(u.username, PASSWORD, '10.3.0.1');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.disabled');
  });
});

describe('sessions', () => {
  it(`expire after ${SESSION_IDLE_MS / 3600000} h idle and ${SESSION_ABSOLUTE_MS / 3600000} h in all`, async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['leader']);
    const idle = await signIn(t.app, u.username);
    clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await idle.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    clock.advance(SESSION_IDLE_MS + 1);
    expect((await idle.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    const busy = await signIn(t.app, u.username);
    for (let spent = 0; spent < SESSION_ABSOLUTE_MS - 3_600_000; spent += 3_600_000) {
      clock.advance(3_600_000);
      expect((await busy.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    clock.advance(3_600_000 + 1);
    expect((await busy.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['leader']);
    const s = await signIn(t.app, u.username);
    const out = await s.call({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'ss_session')?.value).toBe('');
    expect((await s.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('needs the current password, checks strength, and signs out other sessions', async () => {
    const zone = await makeZone(t.services);
    const u = await makeUser(t.services, zone, ['leader']);
    const here = await signIn(t.app, u.username);
    const elsewhere = await signIn(t.app, u.username);
    const wrong = await here.call({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'not-it-123', newPassword: 'NewPassw0rd-2020' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const weak = await here.call({ method: 'POST', url: '/api/auth/change-password', headers: { 'accept-language': 'en-US' }, payload: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/newPassword/);
    const ok = await here.call({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: PASSWORD, newPassword: 'NewPassw0rd-2020' } });
    expect(ok.statusCode).toBe(200);
    expect((await here.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await elsewhere.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login(u.username, PASSWORD, '10.4.0.1')).statusCode).toBe(401);
    expect((await login(u.username, 'NewPassw0rd-2020', '10.4.0.1')).statusCode).toBe(200);
    const audit = await t.services.audit.list(zone.ctx, { entityId: u.id, action: 'user.change_password', page: 1, pageSize: 5 });
    expect(audit.total).toBe(1);
    expect(JSON.stringify(audit.items)).not.toContain('NewPassw0rd');
  });
});
