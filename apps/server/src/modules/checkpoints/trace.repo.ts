// SQL of movement tracing (活动轨迹): a person's registrations by blind index (or a plate) within
// a time range, when (and then who) others registered at a checkpoint within a span of time, and
// the checkpoints' names. Each rides one index — (zone_id, id_idx|phone_idx|plate, at) and
// (zone_id, checkpoint_id, at) — so a trace costs the same over five thousand rows as over five
// million. No joins: SQLite, without statistics, would start from the checkpoints and
// walk each one's registrations instead (seconds at five million rows).
import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/connect.js';
import type { Executor } from '../../platform/context.js';

/**
 * The columns a stop or contact shows (and the identity a contact is told apart by). The
 * ciphertexts only where the masked form was not stored (rows from before migration 0009): a
 * JS string each for 400 values costs, and they are decrypted only to be masked.
 */
const PLAIN_COLUMNS = ['id', 'code', 'checkpoint_id', 'at', 'direction', 'name', 'id_idx', 'id_masked', 'phone_masked', 'plate', 'temperature', 'result', 'source'] as const;
const CIPHERTEXTS = [sql<string | null>`case when id_masked is null then id_enc end`.as('id_enc'), sql<string | null>`case when id_masked is null then phone_enc end`.as('phone_enc')] as const;
const COLUMNS = [...PLAIN_COLUMNS, ...CIPHERTEXTS] as const;
/** The same columns as SQL, for the PostgreSQL statement written by hand (`inRanges`). */
const COLUMNS_SQL = sql.join([...PLAIN_COLUMNS.map((c) => sql.ref(c)), ...CIPHERTEXTS]);

export type TraceRow = {
  id: string;
  code: string;
  checkpoint_id: string;
  at: number;
  direction: string;
  name: string;
  /** Only when `id_masked` is null. */
  id_enc: string | null;
  id_idx: string;
  /** Only when `id_masked` is null. */
  phone_enc: string | null;
  id_masked: string | null;
  phone_masked: string | null;
  plate: string | null;
  temperature: number | null;
  result: string;
  source: string;
};

export type TraceKeyColumn = 'id_idx' | 'phone_idx' | 'plate';

/** A stretch of time at a checkpoint, both ends included. */
export type TraceRange = { checkpointId: string; from: number; to: number };

/**
 * Rows of `ranges` in one statement on PostgreSQL: a LATERAL subquery per range over the
 * (zone_id, checkpoint_id, at) index, each the earliest `limit`, grouped back per range in time
 * order. PostgreSQL parses and plans every statement (≈ 0.5–1 ms each here): one statement instead
 * of one per range took a search by plate (25–50 ranges) from dozens of plans to two.
 */
async function inRanges<T extends { at: number }>(db: Executor, zoneId: string, ranges: TraceRange[], limit: number, columns: RawBuilder<unknown>): Promise<T[][]> {
  const out: T[][] = ranges.map(() => []);
  if (!ranges.length) return out;
  const values = sql.join(ranges.map((r, i) => sql`(${i}::int, ${r.checkpointId}::text, ${r.from}::bigint, ${r.to}::bigint)`));
  const { rows } = await sql<T & { range_index: number }>`
    select r.range_index, t.* from (values ${values}) as r(range_index, checkpoint_id, from_at, to_at)
    cross join lateral (
      select ${columns} from checkpoint_registrations c
      where c.zone_id = ${zoneId} and c.checkpoint_id = r.checkpoint_id and c.at >= r.from_at and c.at <= r.to_at
      order by c.at limit ${limit}
    ) t`.execute(db);
  for (const { range_index, ...row } of rows) out[range_index]!.push(row as unknown as T);
  for (const list of out) list.sort((a, b) => a.at - b.at);
  return out;
}

export function makeTraceRepo(db: Executor, dialect: DialectName = 'sqlite') {
  // One range's registrations, the earliest `limit` (the (zone_id, checkpoint_id, at) index). On
  // SQLite one statement per range (kept prepared, no planning to save); PostgreSQL takes all the
  // ranges in one statement (inRanges).
  const inRange = (zoneId: string, r: TraceRange, limit: number) =>
    db
      .selectFrom('checkpoint_registrations')
      .where('zone_id', '=', zoneId)
      .where('checkpoint_id', '=', r.checkpointId)
      .where('at', '>=', r.from)
      .where('at', '<=', r.to)
      .orderBy('at')
      .limit(limit);
  return {
    // The period is compared as `at + 0`: SQLite would otherwise walk the (zone_id, at) index over
    // the whole period instead of the person's few rows in the key's index (which is in time order
    // already); PostgreSQL plans it the same way either way.
    /** The registrations whose key column equals `value` in [fromMs, toMs), in time order; at most `limit`. */
    stops: (zoneId: string, column: TraceKeyColumn, value: string, fromMs: number, toMs: number, limit: number): Promise<TraceRow[]> =>
      db
        .selectFrom('checkpoint_registrations')
        .select([...COLUMNS])
        .where('zone_id', '=', zoneId)
        .where(column, '=', value)
        .where(sql<number>`at + 0`, '>=', fromMs)
        .where(sql<number>`at + 0`, '<', toMs)
        .orderBy('at')
        .orderBy('id')
        .limit(limit)
        .execute(),
    /**
     * For each range, the instants of the registrations at its checkpoint within it, in time order;
     * at most `limit` per range, the earliest. The (zone_id, checkpoint_id, at) index alone answers
     * it (an index-only scan), so learning who is how near costs little even where thousands passed.
     */
    instants: async (zoneId: string, ranges: TraceRange[], limit: number): Promise<number[][]> =>
      dialect === 'postgres'
        ? (await inRanges<{ at: number }>(db, zoneId, ranges, limit, sql.raw('at'))).map((list) => list.map((row) => row.at))
        : Promise.all(ranges.map(async (r) => (await inRange(zoneId, r, limit).select('at').execute()).map((row) => row.at))),
    /** For each range, who registered at its checkpoint within it, whole rows in time order; at most `limit` per range, the earliest. */
    near: (zoneId: string, ranges: TraceRange[], limit: number): Promise<TraceRow[][]> =>
      dialect === 'postgres' ? inRanges<TraceRow>(db, zoneId, ranges, limit, COLUMNS_SQL) : Promise.all(ranges.map((r) => inRange(zoneId, r, limit).select([...COLUMNS]).execute())),
  };
}
