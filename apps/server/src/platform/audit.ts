// Every write leaves a record (ARCHITECTURE §5): who, zone, action, entity, before/after, request
// id and IP. Written in the same transaction as the change, so neither exists without the other.
import type { Clock } from './clock.js';
import type { Ctx, Executor } from './context.js';
import { newId } from './ids.js';

export type AuditEntry = {
  action: string; // `<entity>.<verb>`, e.g. park.create, enterprise.reveal_phone
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = /password|_enc$|_idx$|Enc$|Idx$|token/i;

/** Drops secrets and ciphertext from what is recorded. */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!SECRET_KEYS.test(k)) out[k] = scrub(v);
    }
    return out;
  }
  return value;
}

export async function recordAudit(db: Executor, clock: Clock, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await recordAuditMany(db, clock, ctx, [entry]);
}

/** Many records in a few statements, for bulk writes such as imports. */
export async function recordAuditMany(db: Executor, clock: Clock, ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  const at = clock.now();
  const rows = entries.filter((e) => !isNoChange(e)).map((entry) => {
    const before = scrub(entry.before);
    const after = scrub(entry.after);
    return {
      id: newId(),
      zone_id: ctx.zoneId,
      at,
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: before === null ? null : JSON.stringify(before),
      after_json: after === null ? null : JSON.stringify(after),
      request_id: ctx.requestId,
      ip: ctx.ip,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}

const isEmptyObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

/** An update whose diff is empty changed nothing, and leaves no record. */
function isNoChange(e: AuditEntry): boolean {
  return e.action.endsWith('.update') && isEmptyObject(e.before) && isEmptyObject(e.after);
}

/** Only the fields that changed, for compact before/after. */
export function diff<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
