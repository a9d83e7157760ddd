// The console's bell: short notices to users about the things they wait for (an application
// accepted, a correction asked, a resubmission, a limit about to fall due). Written in the
// transaction of the change they announce; the text is made by the console from kind + params.
import type { Notification } from '@shuangsheng/contracts';
import type { NotificationsTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import type { Ctx, Deps, Executor } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { makeNotificationsRepo } from './notifications.repo.js';

export type Notice = { kind: Notification['kind']; params: Record<string, string>; entityType: string; entityId: string };

const toNotification = (r: NotificationsTable): Notification => ({
  id: r.id,
  kind: r.kind as Notification['kind'],
  params: JSON.parse(r.params_json) as Record<string, string>,
  entityType: r.entity_type,
  entityId: r.entity_id,
  readAt: r.read_at,
  createdAt: r.created_at,
});

/** Adds one notice for each user (duplicates and nulls dropped) inside the caller's transaction. */
export async function notify(trx: Executor, clock: Clock, zoneId: string, userIds: (string | null | undefined)[], notice: Notice): Promise<void> {
  const to = [...new Set(userIds.filter((u): u is string => !!u))];
  const now = clock.now();
  await makeNotificationsRepo(trx).insert(
    to.map((userId) => ({ id: newId(), zone_id: zoneId, user_id: userId, kind: notice.kind, params_json: JSON.stringify(notice.params), entity_type: notice.entityType, entity_id: notice.entityId, read_at: null, created_at: now })),
  );
}

export function makeNotificationsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const repo = makeNotificationsRepo(database.db);
  const me = (ctx: Ctx) => ctx.actor.userId ?? '';
  return {
    async list(ctx: Ctx, q: { unread?: boolean | undefined; page: number; pageSize: number }) {
      const { rows, total } = await repo.list(ctx.zoneId, me(ctx), q);
      return { items: rows.map(toNotification), total, page: q.page, pageSize: q.pageSize };
    },
    unread: async (ctx: Ctx) => ({ unread: await repo.unread(ctx.zoneId, me(ctx)) }),
    /** Reading one's own notices is not audited: it changes nothing but the bell. */
    async markRead(ctx: Ctx, id: string) {
      const row = await repo.get(ctx.zoneId, me(ctx), id);
      if (!row) throw new NotFoundError('notification', id);
      await repo.markRead(ctx.zoneId, me(ctx), [id], clock.now());
    },
    markAllRead: async (ctx: Ctx) => {
      await repo.markRead(ctx.zoneId, me(ctx), 'all', clock.now());
    },
  };
}
export type NotificationsService = ReturnType<typeof makeNotificationsService>;
