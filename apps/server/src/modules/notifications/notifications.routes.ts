import type { FastifyInstance } from 'fastify';
import { IdParams, listOf, Notification, NotificationListQuery, Ok, UnreadCount } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

export async function notificationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const n = services.notifications;
  api.get('/api/notifications', {
    config: { permission: 'auth.self' },
    schema: { tags: ['notifications'], summary: 'My notifications, newest first', querystring: NotificationListQuery, response: { 200: listOf(Notification), ...errors } },
    handler: (req) => n.list(requireCtx(req), req.query),
  });
  api.get('/api/notifications/unread-count', {
    config: { permission: 'auth.self' },
    schema: { tags: ['notifications'], summary: 'How many of my notifications are unread (the bell)', response: { 200: UnreadCount, ...errors } },
    handler: (req) => n.unread(requireCtx(req)),
  });
  api.post('/api/notifications/:id/actions/read', {
    config: { permission: 'auth.self' },
    schema: { tags: ['notifications'], params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await n.markRead(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });
  api.post('/api/notifications/actions/read-all', {
    config: { permission: 'auth.self' },
    schema: { tags: ['notifications'], response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await n.markAllRead(requireCtx(req));
      return { ok: true as const };
    },
  });
}
