// The statements of the registration path: rows with their rollups, cases with their first
// event and number, and the Idempotency-Keys already stored. Always in the caller's transaction
// (the group-commit writer's, or a service's).
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { shortProvince } from '@shuangsheng/contracts';
import { nextInSeries } from '../../db/counters.js';
import type { CheckpointCasesTable, CheckpointRegistrationsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';

export type RegistrationRow = CheckpointRegistrationsTable;
/** A case to open with the registration; its number is drawn inside the commit. */
export type CaseRow = Omit<CheckpointCasesTable, 'number'>;
/** Who opened the cases of an item (the case's first event): the staff user, or none for the public form. */
export type CaseOpener = { id: string | null; name: string };

/** Rows per INSERT statement: 33 columns × 30 stays under SQLite's 999-variable floor of old builds. */
const ROWS_PER_INSERT = 30;

/** Which of the (checkpoint, Idempotency-Key) pairs of these first rows are stored already, as `checkpoint\0key` (through `prepared` statements when given). */
export async function storedKeys(trx: Executor, groupFirsts: RegistrationRow[], prepared?: RegistrationStatements): Promise<Set<string>> {
  const firsts = groupFirsts.filter((r) => r.idempotency_key);
  if (!firsts.length) return new Set();
  if (prepared) return new Set(firsts.filter((r) => prepared.keyStored(r)).map((r) => `${r.checkpoint_id}\u0000${r.idempotency_key}`));
  // The zones are compared here, not in SQL: with `zone_id in (…)` added, SQLite's planner takes
  // the (zone, checkpoint, at) index and walks every row of the checkpoint instead of the unique one.
  const zones = new Set(firsts.map((r) => r.zone_id));
  const rows = await trx
    .selectFrom('checkpoint_registrations')
    .select(['zone_id', 'checkpoint_id', 'idempotency_key'])
    .where('checkpoint_id', 'in', [...new Set(firsts.map((r) => r.checkpoint_id))])
    .where('idempotency_key', 'in', firsts.map((r) => r.idempotency_key!))
    .execute();
  return new Set(rows.filter((r) => zones.has(r.zone_id)).map((r) => `${r.checkpoint_id}\u0000${r.idempotency_key}`));
}

/**
 * Opens a case in the caller's transaction: its number YC-YYYYMMDD-NNNN of `day` (the zone's
 * daily series) and its first event. Returns the number.
 */
export async function openCase(trx: Executor, c: CaseRow, day: string, by: CaseOpener): Promise<string> {
  const n = await nextInSeries(trx, c.zone_id, 'checkpoint_case', day);
  const number = `YC-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
  await trx.insertInto('checkpoint_cases').values({ ...c, number }).execute();
  await trx
    .insertInto('checkpoint_case_events')
    .values({ id: newId(), zone_id: c.zone_id, case_id: c.id, action: 'open', from_status: null, to_status: c.status, note: null, actor_id: by.id, actor_name: by.name, at: c.created_at })
    .execute();
  return number;
}

/** Every column of a registration row, in table order (the prepared INSERT names them). */
const REGISTRATION_COLUMNS = [
  'id', 'zone_id', 'checkpoint_id', 'group_id', 'code', 'at', 'day', 'hour', 'source', 'direction', 'name', 'id_kind', 'id_enc', 'id_idx', 'phone_enc', 'phone_idx', 'plate',
  'is_vehicle', 'origin_province', 'origin_city', 'destination', 'reason', 'fever', 'cough', 'contact', 'high_risk_travel', 'temperature', 'result', 'reasons', 'pass_id',
  'created_by', 'idempotency_key', 'id_masked', 'phone_masked',
] as const satisfies readonly (keyof RegistrationRow)[];
// Every key of the row type is listed (a compile error here names the one missing).
const ALL_COLUMNS: Exclude<keyof RegistrationRow, (typeof REGISTRATION_COLUMNS)[number]> extends never ? true : never = true;
void ALL_COLUMNS;

/**
 * The row INSERT and the rollup upsert prepared once on a SQLite connection (the writer thread's):
 * Kysely compiles and SQLite prepares a multi-row INSERT anew for every batch size, a fifth of the
 * writer's time. They run in whatever transaction the connection has open.
 */
export function prepareRegistrationStatements(sqlite: SQLite.Database) {
  const insert = sqlite.prepare(`insert into checkpoint_registrations (${REGISTRATION_COLUMNS.join(', ')}) values (${REGISTRATION_COLUMNS.map(() => '?').join(', ')})`);
  const upserts = new Map(
    ROLLUP_LEVELS.map((level) => {
      const columns = [...level.keys, ...ROLLUP_SUMS];
      const upsert = sqlite.prepare(
        `insert into ${level.table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')}) ` +
          `on conflict (${level.keys.join(', ')}) do update set ${ROLLUP_SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
      );
      return [level, (s: RollupAddition) => upsert.run(Object.fromEntries(columns.map((c) => [c, s[c]])))] as const;
    }),
  );
  // One probe of the unique (checkpoint_id, idempotency_key) index a key; the zone compared as in storedKeys.
  const stored = sqlite.prepare('select zone_id from checkpoint_registrations where checkpoint_id = ? and idempotency_key = ?').pluck();
  return {
    keyStored: (r: RegistrationRow) => stored.get(r.checkpoint_id, r.idempotency_key) === r.zone_id,
    // A field left out (JSON drops undefined) is NULL, as Kysely would write it.
    insertRow: (r: RegistrationRow) => insert.run(REGISTRATION_COLUMNS.map((c) => r[c] ?? null)),
    /** Adds to the three levels, in the one order of locks (byLevel). */
    addToRollups: (additions: Iterable<RollupAddition>) => {
      for (const [level, sums] of byLevel(additions)) for (const s of sums) upserts.get(level)!(s);
    },
  };
}
export type RegistrationStatements = ReturnType<typeof prepareRegistrationStatements>;

type RollupAddition = { zone_id: string; checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number };

/**
 * The levels a registration is counted at, each keyed by its columns: the hourly rollups (per
 * checkpoint and origin province; the source the others are sums of), and their sums by day and by
 * the zone's hour, which a window's statistics read (migration 0010).
 */
const ROLLUP_LEVELS = [
  { table: 'checkpoint_rollups', keys: ['zone_id', 'checkpoint_id', 'day', 'hour', 'province'] },
  { table: 'checkpoint_day_rollups', keys: ['zone_id', 'day', 'checkpoint_id', 'province'] },
  { table: 'checkpoint_hour_rollups', keys: ['zone_id', 'day', 'hour'] },
] as const;
const ROLLUP_SUMS = ['persons', 'vehicles', 'alerts'] as const;
type RollupLevel = (typeof ROLLUP_LEVELS)[number];

/**
 * The additions summed per key of each level, in the order every transaction takes the rollups'
 * rows: level by level, keys sorted. Two transactions that add to the same rows (a commit of
 * registrations, a temperature entered later) then lock them in the same order and cannot
 * deadlock on PostgreSQL.
 */
function byLevel(additions: Iterable<RollupAddition>): [RollupLevel, RollupAddition[]][] {
  const all = [...additions];
  return ROLLUP_LEVELS.map((level) => {
    const sums = new Map<string, RollupAddition>();
    for (const a of all) {
      const key = level.keys.map((c) => a[c]).join('\u0000');
      const s = sums.get(key);
      if (s) for (const c of ROLLUP_SUMS) s[c] += a[c];
      else sums.set(key, { ...a });
    }
    return [level, [...sums.keys()].sort().map((k) => sums.get(k)!)];
  });
}

async function upsertLevel(trx: Executor, level: RollupLevel, s: RollupAddition): Promise<void> {
  const columns = [...level.keys, ...ROLLUP_SUMS];
  await sql`insert into ${sql.table(level.table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values (${sql.join(columns.map((c) => s[c]))})
    on conflict (${sql.join(level.keys.map((c) => sql.ref(c)))}) do update set ${sql.join(ROLLUP_SUMS.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${level.table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`))}`.execute(trx);
}

/** Inserts the rows and adds them to the rollups, in the caller's transaction (through `prepared` statements when given). */
export async function writeRows(trx: Executor, given: RegistrationRow[], prepared?: RegistrationStatements): Promise<void> {
  // One name per province (四川省 and 四川 are one row of the statistics, whoever typed them).
  const rows = given.map((r) => (r.origin_province ? { ...r, origin_province: shortProvince(r.origin_province) } : r));
  if (prepared) for (const r of rows) prepared.insertRow(r);
  else {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('checkpoint_registrations').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
    }
  }
  if (prepared) prepared.addToRollups(rollupAdditions(rows));
  else for (const [level, sums] of byLevel(rollupAdditions(rows))) for (const s of sums) await upsertLevel(trx, level, s);
}

/** What rows add to their hourly rollups (province as stored: short). */
export function rollupAdditions(rows: RegistrationRow[]): RollupAddition[] {
  return rows.map((r) => ({
    zone_id: r.zone_id,
    checkpoint_id: r.checkpoint_id,
    day: r.day,
    hour: r.hour,
    province: r.origin_province ?? '',
    persons: 1,
    vehicles: r.is_vehicle,
    alerts: r.result === 'green' ? 0 : 1,
  }));
}

/**
 * Adds to one hourly rollup and to its day's and its hour's (creating them). Negative figures take
 * back (a registration whose result a later temperature changed).
 */
export async function addToRollup(trx: Executor, s: RollupAddition): Promise<void> {
  for (const [level, [one]] of byLevel([s])) await upsertLevel(trx, level, one!);
}
