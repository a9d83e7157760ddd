// Sign-in, sessions and passwords. Sessions live in the database so any node can serve any request.
import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf, ROLES, type Me, type Role } from '@shuangsheng/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, Ctx, Deps } from '../../platform/context.js';
import { AppError, UnauthenticatedError } from '../../platform/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { makeAuthRepo } from './auth.repo.js';

export const SESSION_COOKIE = 'ss_session';
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Consecutive failures before a lock, and how long it lasts. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type ResolvedSession = { sessionId: string; actor: Actor; zone: { id: string; code: string; name: string } };

function toRoles(raw: string[]): Role[] {
  return raw.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export function makeAuthService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const repo = makeAuthRepo(database.db);

  async function login(input: { username: string; password: string; ip: string | null; userAgent: string | null; requestId: string | null }) {
    const now = clock.now();
    const user = await repo.findUserByUsername(input.username);
    if (!user) {
      await verifyPassword(input.password, await dummyHash());
      throw new UnauthenticatedError('auth.bad_credentials');
    }
    if (user.locked_until && user.locked_until > now) {
      throw new AppError(429, 'auth.locked', { minutes: Math.ceil((user.locked_until - now) / 60000), seconds: Math.ceil((user.locked_until - now) / 1000) });
    }
    const roles = toRoles(await repo.rolesOf(user.id));
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      homeZoneId: user.zone_id,
      roles,
      permissions: permissionsOf(roles),
      enterpriseId: null,
    };
    const ctx: Ctx = { actor, zoneId: user.zone_id, requestId: input.requestId, ip: input.ip, lang: 'zh-CN' };
    if (!(await verifyPassword(input.password, user.password_hash))) {
      await database.db.transaction().execute(async (trx) => {
        const r = makeAuthRepo(trx);
        const failed = await r.addLoginFailure(user.id, now);
        const lockedUntil = failed >= LOCKOUT_THRESHOLD ? now + LOCKOUT_MS : null;
        if (lockedUntil) await r.lock(user.id, lockedUntil);
        await recordAudit(trx, clock, ctx, {
          action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: failed },
        });
      });
      throw new UnauthenticatedError('auth.bad_credentials');
    }
    if (user.status !== 'active') throw new AppError(403, 'auth.disabled');
    const token = randomBytes(32).toString('base64url');
    await database.db.transaction().execute(async (trx) => {
      const r = makeAuthRepo(trx);
      await r.recordLogin(user.id, now);
      await r.insertSession({
        id: hashToken(token),
        user_id: user.id,
        zone_id: user.zone_id,
        created_at: now,
        last_seen_at: now,
        expires_at: now + SESSION_ABSOLUTE_MS,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      });
      await recordAudit(trx, clock, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id });
    });
    return { token, expiresAt: now + SESSION_ABSOLUTE_MS };
  }

  async function resolveSession(token: string): Promise<ResolvedSession | null> {
    const now = clock.now();
    const id = hashToken(token);
    const s = await repo.findSession(id);
    if (!s) return null;
    if (s.expires_at <= now || s.last_seen_at + SESSION_IDLE_MS <= now || s.status !== 'active') {
      await repo.deleteSession(id);
      return null;
    }
    if (now - s.last_seen_at > TOUCH_EVERY_MS) await repo.touchSession(id, now);
    const roles = toRoles(await repo.rolesOf(s.user_id));
    return {
      sessionId: id,
      zone: { id: s.zone_id, code: s.zone_code, name: s.zone_name },
      actor: {
        userId: s.user_id,
        username: s.username,
        displayName: s.display_name,
        homeZoneId: s.zone_id,
        roles,
        permissions: permissionsOf(roles),
        enterpriseId: s.enterprise_id,
      },
    };
  }

  async function logout(ctx: Ctx, sessionId: string): Promise<void> {
    await database.db.transaction().execute(async (trx) => {
      await makeAuthRepo(trx).deleteSession(sessionId);
      await recordAudit(trx, clock, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
    });
  }

  async function changePassword(ctx: Ctx, sessionId: string, current: string, next: string): Promise<void> {
    const userId = ctx.actor.userId!;
    const row = await repo.passwordHashOf(userId);
    if (!row || !(await verifyPassword(current, row.password_hash))) throw new AppError(400, 'auth.wrong_password');
    const hash = await hashPassword(next);
    await database.db.transaction().execute(async (trx) => {
      const r = makeAuthRepo(trx);
      await r.setPassword(userId, hash, clock.now());
      // Other devices signed in with the old password are signed out.
      await r.deleteSessionsOfUser(userId, sessionId);
      await recordAudit(trx, clock, ctx, { action: 'user.change_password', entityType: 'user', entityId: userId });
    });
  }

  async function me(ctx: Ctx): Promise<Me> {
    const zone = await repo.findZone(ctx.zoneId);
    return {
      id: ctx.actor.userId!,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      roles: ctx.actor.roles,
      permissions: [...ctx.actor.permissions],
      enterpriseId: ctx.actor.enterpriseId,
      zone: { id: zone!.id, code: zone!.code, name: zone!.name, timeZone: zone!.time_zone },
    };
  }

  return {
    login,
    resolveSession,
    logout,
    changePassword,
    me,
    findZoneByCode: (code: string) => repo.findZoneByCode(code),
    purgeExpiredSessions: () => repo.deleteExpiredSessions(clock.now(), SESSION_IDLE_MS),
  };
}
export type AuthService = ReturnType<typeof makeAuthService>;
