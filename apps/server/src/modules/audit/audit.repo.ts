import type { Executor } from '../../platform/context.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf } from '../../db/paging.js';

export type AuditFilter = {
  q?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  sort?: string | undefined;
};

export function makeAuditRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: AuditFilter) => {
    let q = db.selectFrom('audit_log').where('zone_id', '=', zoneId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.from !== undefined) q = q.where('at', '>=', f.from);
    if (f.to !== undefined) q = q.where('at', '<', f.to);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('actor_name'), needle), containsText(dialect, eb.ref('action'), needle), containsText(dialect, eb.ref('after_json'), needle), containsText(dialect, eb.ref('before_json'), needle)]));
    }
    return q;
  };
  return {
    async list(zoneId: string, f: AuditFilter & { page: number; pageSize: number }) {
      const base = filtered(zoneId, f);
      const dir = f.sort === 'at:asc' ? 'asc' : 'desc';
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('at', dir).orderBy('id', dir).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: AuditFilter) {
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(1000).offset((page - 1) * 1000).execute();
        yield* rows;
        if (rows.length < 1000) return;
      }
    },
    async entityTypes(zoneId: string): Promise<string[]> {
      const rows = await db.selectFrom('audit_log').select('entity_type').distinct().where('zone_id', '=', zoneId).orderBy('entity_type').execute();
      return rows.map((r) => r.entity_type);
    },
    async actions(zoneId: string): Promise<string[]> {
      const rows = await db.selectFrom('audit_log').select('action').distinct().where('zone_id', '=', zoneId).orderBy('action').execute();
      return rows.map((r) => r.action);
    },
  };
}
