import type { AuditEntry } from '@shuangsheng/contracts';
import type { AuditLogTable } from '../../db/schema.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { makeAuditRepo, type AuditFilter } from './audit.repo.js';

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function toEntry(r: AuditLogTable): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
    requestId: r.request_id,
    ip: r.ip,
  };
}

export function makeAuditService({ database }: Pick<Deps, 'database'>) {
  const repo = makeAuditRepo(database.db, database.dialect);
  return {
    async list(ctx: Ctx, q: AuditFilter & { page: number; pageSize: number }) {
      const { rows, total } = await repo.list(ctx.zoneId, q);
      return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize };
    },
    async *exportRows(ctx: Ctx, q: AuditFilter): AsyncGenerator<AuditEntry> {
      for await (const r of repo.stream(ctx.zoneId, q)) yield toEntry(r);
    },
    actions: (ctx: Ctx) => repo.actions(ctx.zoneId),
    entityTypes: (ctx: Ctx) => repo.entityTypes(ctx.zoneId),
    /** The history of one record, for a profile's 变更记录 tab. */
    async historyOf(ctx: Ctx, entityType: string, entityId: string, opts: { forEnterpriseUser?: boolean } = {}) {
      const { rows } = await repo.list(ctx.zoneId, { entityType, entityId, page: 1, pageSize: 200 });
      const entries = rows.map(toEntry);
      if (!opts.forEnterpriseUser) return entries;
      // An enterprise sees what changed in its profile and by whom, not the officials' addresses
      // or why an official looked at its contact's phone.
      return entries.filter((e) => !e.action.includes('reveal')).map((e) => ({ ...e, ip: null, requestId: null }));
    },
  };
}
export type AuditService = ReturnType<typeof makeAuditService>;
