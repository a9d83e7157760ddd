import type { Executor } from '../../platform/context.js';
import type { UsersTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = { username: 'username', displayName: 'display_name', createdAt: 'created_at', lastLoginAt: 'last_login_at' } as const;
const PUBLIC_COLUMNS = ['id', 'zone_id', 'username', 'display_name', 'enterprise_id', 'status', 'locked_until', 'last_login_at', 'created_at', 'updated_at'] as const;

export function makeUsersRepo(db: Executor, dialect: DialectName) {
  return {
    async list(zoneId: string, q: { q?: string | undefined; role?: string | undefined; status?: string | undefined; page: number; pageSize: number; sort?: string | undefined }) {
      let base = db.selectFrom('users').where('zone_id', '=', zoneId);
      if (q.status) base = base.where('status', '=', q.status as UsersTable['status']);
      if (q.role) base = base.where('id', 'in', db.selectFrom('user_roles').select('user_id').where('zone_id', '=', zoneId).where('role', '=', q.role));
      if (q.q) base = base.where((eb) => eb.or([containsText(dialect, eb.ref('username'), q.q!), containsText(dialect, eb.ref('display_name'), q.q!)]));
      const [column, dir] = parseSort(q.sort, SORT, ['username', 'asc']);
      const [rows, count] = await Promise.all([
        base.select(PUBLIC_COLUMNS).orderBy(column, (ob) => ob[dir]().nullsLast()).orderBy('id').limit(q.pageSize).offset(offsetOf(q.page, q.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => db.selectFrom('users').select(PUBLIC_COLUMNS).where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async rolesOf(ids: string[]): Promise<Map<string, string[]>> {
      const map = new Map<string, string[]>();
      if (ids.length === 0) return map;
      const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).orderBy('role').execute();
      for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role]);
      return map;
    },
    /** Active users of the zone holding a role, optionally of one enterprise. */
    async activeWithRole(zoneId: string, role: string, enterpriseId?: string): Promise<string[]> {
      let q = db
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('users.id')
        .where('users.zone_id', '=', zoneId)
        .where('user_roles.role', '=', role)
        .where('users.status', '=', 'active');
      if (enterpriseId) q = q.where('users.enterprise_id', '=', enterpriseId);
      return (await q.execute()).map((r) => r.id);
    },
    async activeAdminIds(zoneId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('users.id')
        .where('users.zone_id', '=', zoneId)
        .where('users.status', '=', 'active')
        .where('user_roles.role', '=', 'zone_admin')
        .execute();
      return rows.map((r) => r.id);
    },
    async insert(row: UsersTable, roles: string[]) {
      await db.insertInto('users').values(row).execute();
      await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: row.id, zone_id: row.zone_id, role }))).execute();
    },
    async update(zoneId: string, id: string, patch: Partial<UsersTable>) {
      await db.updateTable('users').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async setRoles(zoneId: string, id: string, roles: string[]) {
      await db.deleteFrom('user_roles').where('user_id', '=', id).execute();
      await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: id, zone_id: zoneId, role }))).execute();
    },
    async deleteSessions(userId: string) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    /** id → display name, for lists that show people. */
    async namesOf(zoneId: string, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('users').select(['id', 'display_name']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },
  };
}
