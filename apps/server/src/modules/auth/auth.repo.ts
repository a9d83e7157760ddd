import type { Executor } from '../../platform/context.js';
import type { SessionsTable } from '../../db/schema.js';

export function makeAuthRepo(db: Executor) {
  return {
    findUserByUsername(username: string) {
      return db
        .selectFrom('users')
        .innerJoin('zones', 'zones.id', 'users.zone_id')
        .select([
          'users.id',
          'users.zone_id',
          'users.username',
          'users.display_name',
          'users.password_hash',
          'users.status',
          'users.failed_logins',
          'users.locked_until',
        ])
        .where('users.username', '=', username)
        .executeTakeFirst();
    },

    async rolesOf(userId: string): Promise<string[]> {
      const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
      return rows.map((r) => r.role);
    },

    /** Counts one more failure atomically (a lapsed lock starts the count again); returns the count. */
    async addLoginFailure(userId: string, now: number): Promise<number> {
      await db
        .updateTable('users')
        .set((eb) => ({
          failed_logins: eb.case().when('locked_until', '<=', now).then(1).else(eb('failed_logins', '+', 1)).end(),
          locked_until: eb.case().when('locked_until', '<=', now).then(null).else(eb.ref('locked_until')).end(),
        }))
        .where('id', '=', userId)
        .execute();
      const row = await db.selectFrom('users').select('failed_logins').where('id', '=', userId).executeTakeFirstOrThrow();
      return row.failed_logins;
    },

    async lock(userId: string, until: number): Promise<void> {
      await db.updateTable('users').set({ locked_until: until }).where('id', '=', userId).execute();
    },

    async recordLogin(userId: string, now: number): Promise<void> {
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', userId).execute();
    },

    async insertSession(row: SessionsTable): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },

    findSession(id: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .innerJoin('zones', 'zones.id', 'users.zone_id')
        .select([
          'sessions.id',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'users.id as user_id',
          'users.username',
          'users.display_name',
          'users.status',
          'users.enterprise_id',
          'users.zone_id',
          'zones.code as zone_code',
          'zones.name as zone_name',
        ])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
    },

    async touchSession(id: string, now: number): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    },

    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async deleteSessionsOfUser(userId: string, exceptId?: string): Promise<void> {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    },

    async deleteExpiredSessions(now: number, idleMs: number): Promise<number> {
      const r = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', now - idleMs)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async setPassword(userId: string, hash: string, now: number): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: now, updated_at: now, failed_logins: 0, locked_until: null })
        .where('id', '=', userId)
        .execute();
    },

    findZone(zoneId: string) {
      return db.selectFrom('zones').select(['id', 'code', 'name', 'time_zone']).where('id', '=', zoneId).executeTakeFirst();
    },

    findZoneByCode(code: string) {
      return db.selectFrom('zones').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
    },

    passwordHashOf(userId: string) {
      return db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    },
  };
}
