import type { Executor } from '../../platform/context.js';
import type { NotificationsTable } from '../../db/schema.js';
import { offsetOf } from '../../db/paging.js';

export function makeNotificationsRepo(db: Executor) {
  const mine = (zoneId: string, userId: string) => db.selectFrom('notifications').where('zone_id', '=', zoneId).where('user_id', '=', userId);
  return {
    async insert(rows: NotificationsTable[]) {
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('notifications').values(rows.slice(i, i + 100)).execute();
    },
    async list(zoneId: string, userId: string, f: { unread?: boolean | undefined; page: number; pageSize: number }) {
      let q = mine(zoneId, userId);
      if (f.unread === true) q = q.where('read_at', 'is', null);
      if (f.unread === false) q = q.where('read_at', 'is not', null);
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async unread(zoneId: string, userId: string): Promise<number> {
      const row = await mine(zoneId, userId).where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    get: (zoneId: string, userId: string, id: string) => mine(zoneId, userId).selectAll().where('id', '=', id).executeTakeFirst(),
    async markRead(zoneId: string, userId: string, ids: string[] | 'all', at: number): Promise<number> {
      let q = db.updateTable('notifications').set({ read_at: at }).where('zone_id', '=', zoneId).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },
  };
}
