// SQL of movement tracing (活动轨迹): a person's registrations by blind index (or a plate) within
// a time range, and the others registered at a checkpoint within a span of time. Both ride the
// registrations' indexes — (zone_id, id_idx|phone_idx|plate, at) and (zone_id, checkpoint_id, at) —
// so a trace costs the same over five thousand rows as over five million.
import { sql } from 'kysely';
import type { Executor } from '../../platform/context.js';

/** The columns a stop or contact shows (and the identity a contact is told apart by). */
const COLUMNS = [
  'r.id',
  'r.code',
  'r.checkpoint_id',
  'c.name as checkpoint_name',
  'r.at',
  'r.direction',
  'r.name',
  'r.id_enc',
  'r.id_idx',
  'r.phone_enc',
  'r.plate',
  'r.temperature',
  'r.result',
  'r.source',
] as const;

export type TraceRow = {
  id: string;
  code: string;
  checkpoint_id: string;
  checkpoint_name: string;
  at: number;
  direction: string;
  name: string;
  id_enc: string;
  id_idx: string;
  phone_enc: string | null;
  plate: string | null;
  temperature: number | null;
  result: string;
  source: string;
};

export type TraceKeyColumn = 'id_idx' | 'phone_idx' | 'plate';

export function makeTraceRepo(db: Executor) {
  const base = (zoneId: string) =>
    db
      .selectFrom('checkpoint_registrations as r')
      .innerJoin('checkpoints as c', (j) => j.onRef('c.id', '=', 'r.checkpoint_id').on('c.zone_id', '=', zoneId))
      .select([...COLUMNS])
      .where('r.zone_id', '=', zoneId);

  return {
    /** The registrations whose key column equals `value` in [fromMs, toMs), in time order; at most `limit`. */
    // The period is compared as `at + 0`: SQLite, without statistics, would otherwise walk the
    // (zone_id, at) index over the whole period instead of the person's few rows in the key's
    // index (which is in time order already); PostgreSQL plans it the same way either way.
    stops: (zoneId: string, column: TraceKeyColumn, value: string, fromMs: number, toMs: number, limit: number): Promise<TraceRow[]> =>
      base(zoneId)
        .where(`r.${column}`, '=', value)
        .where(sql<number>`r.at + 0`, '>=', fromMs)
        .where(sql<number>`r.at + 0`, '<', toMs)
        .orderBy('r.at')
        .orderBy('r.id')
        .limit(limit)
        .execute(),
    /** Who registered at a checkpoint in [fromMs, toMs] (both ends included), in time order; at most `limit`. */
    near: (zoneId: string, checkpointId: string, fromMs: number, toMs: number, limit: number) =>
      db
        .selectFrom('checkpoint_registrations')
        .select(['id', 'at', 'id_idx'])
        .where('zone_id', '=', zoneId)
        .where('checkpoint_id', '=', checkpointId)
        .where('at', '>=', fromMs)
        .where('at', '<=', toMs)
        .orderBy('at')
        .limit(limit)
        .execute(),
    /** Registrations by id, to show. */
    byIds: async (zoneId: string, ids: string[]): Promise<TraceRow[]> => {
      const out: TraceRow[] = [];
      for (let i = 0; i < ids.length; i += 500) out.push(...(await base(zoneId).where('r.id', 'in', ids.slice(i, i + 500)).execute()));
      return out;
    },
  };
}
