// Group commit for registrations (the high-volume path): callers hand over prepared rows and get
// a promise that settles after the transaction holding them has committed. Whatever arrives while
// a commit runs goes into the next one, so under load one commit carries many registrations and
// nothing is acknowledged before it is durable. One commit at a time per process: on SQLite there
// is one connection anyway, on PostgreSQL it keeps the pool free for the reads of the requests.
//
// Failures stay with their item: a second submission with an Idempotency-Key already in the same
// batch is held back and refused after the batch commits (its caller then finds the first one's
// rows); a batch refused by the database for any other constraint is retried item by item, so only
// the faulty item fails; a database that is away fails the whole batch at once (no retries that
// would each wait for a connection timeout).
import { shortProvince } from '@shuangsheng/contracts';
import type { Database } from '../../db/connect.js';
import { isConnectionError } from '../../db/dialect.js';
import type { CheckpointCasesTable, CheckpointRegistrationsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { nextInSeries } from '../../db/counters.js';

export type RegistrationRow = CheckpointRegistrationsTable;
/** A case to open with the registration; its number is drawn inside the commit. */
export type CaseRow = Omit<CheckpointCasesTable, 'number'>;
/** Who opened the cases of an item (the case's first event): the staff user, or none for the public form. */
export type CaseOpener = { id: string | null; name: string };
export type WriteItem = { rows: RegistrationRow[]; cases: CaseRow[]; openedBy?: CaseOpener };
/** What the commit gave each case: its number (YC-YYYYMMDD-NNNN). */
export type Written = { caseNumbers: Map<string, string> };

/** A second submission of an Idempotency-Key while the first is in the same commit. */
export class DuplicateSubmission extends Error {
  constructor(readonly checkpointId: string, readonly key: string) {
    super('duplicate idempotency key in the same commit');
    this.name = 'DuplicateSubmission';
  }
}

type Pending = { item: WriteItem; resolve: (w: Written) => void; reject: (e: unknown) => void };

/** Rows per INSERT statement: 33 columns × 30 stays under SQLite's 999-variable floor of old builds. */
const ROWS_PER_INSERT = 30;
const DEFAULT_OPENER: CaseOpener = { id: null, name: 'system' };

/** The (checkpoint, Idempotency-Key) an item carries on its first row, if any. */
function keyOf(item: WriteItem): string | null {
  const first = item.rows[0];
  return first?.idempotency_key ? `${first.checkpoint_id}\u0000${first.idempotency_key}` : null;
}

export function makeRegistrationWriter(database: Database, opts: { maxBatch?: number } = {}) {
  const maxBatch = opts.maxBatch ?? 500;
  let queue: Pending[] = [];
  let running = false;
  /** Transactions committed and items written, for tests and the benchmarks. */
  const counts = { commits: 0, items: 0 };

  const writeOne = async (item: WriteItem): Promise<Written> => {
    const w = await database.db.transaction().execute(async (trx) => {
      const out = await writeCases(trx, item);
      await writeRows(trx, item.rows);
      return out;
    });
    counts.commits++;
    counts.items++;
    return w;
  };

  async function commit(batch: Pending[]): Promise<void> {
    // A key seen earlier in this batch: that item is held back until the first one is settled.
    const firstOf = new Map<string, Pending>();
    const write: Pending[] = [];
    const held: { p: Pending; first: Pending }[] = [];
    for (const p of batch) {
      const key = keyOf(p.item);
      const first = key ? firstOf.get(key) : undefined;
      if (first) held.push({ p, first });
      else {
        if (key) firstOf.set(key, p);
        write.push(p);
      }
    }
    const written = new Set<Pending>();
    const settle = (p: Pending, w: Written) => {
      written.add(p);
      p.resolve(w);
    };
    const duplicate = (p: Pending) => new DuplicateSubmission(p.item.rows[0]!.checkpoint_id, p.item.rows[0]!.idempotency_key!);
    try {
      const { fresh, results, stored } = await database.db.transaction().execute(async (trx) => {
        // Keys already stored (a retry after an answer that got lost): one statement for the
        // whole batch, on the unique index; those items are refused, the caller replays.
        const taken = await storedKeys(trx, write);
        const isStored = (p: Pending) => taken.has(keyOf(p.item) ?? '');
        const fresh = write.filter((p) => !isStored(p));
        const out: Written[] = [];
        for (const p of fresh) out.push(await writeCases(trx, p.item));
        await writeRows(trx, fresh.flatMap((p) => p.item.rows));
        return { fresh, results: out, stored: write.filter(isStored) };
      });
      counts.commits++;
      counts.items += fresh.length;
      fresh.forEach((p, i) => settle(p, results[i]!));
      for (const p of stored) p.reject(duplicate(p));
    } catch (batchError) {
      if (write.length === 1 || isConnectionError(batchError)) {
        for (const p of write) p.reject(batchError);
      } else {
        // Someone in the batch is at fault: each alone now, so only the faulty one fails.
        for (const p of write) {
          try {
            settle(p, await writeOne(p.item));
          } catch (e) {
            p.reject(e);
          }
        }
      }
    }
    // The held: refused when the first with their key is in (the caller answers with its
    // rows); otherwise they go into the next commit in its place.
    const retry: Pending[] = [];
    for (const { p, first } of held) {
      if (written.has(first)) p.reject(duplicate(p));
      else retry.push(p);
    }
    if (retry.length) queue = [...retry, ...queue];
  }

  async function flush(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        await commit(batch);
      }
    } finally {
      running = false;
    }
  }

  return {
    /** Settles once the rows (and their cases and rollups) are committed. */
    submit(item: WriteItem): Promise<Written> {
      return new Promise<Written>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // The first arrival of a quiet moment starts a commit on the next turn, collecting what
        // else arrived in this one; later arrivals wait for the running commit to finish.
        if (!running && queue.length === 1) setImmediate(() => void flush());
      });
    },
    /** Commits made and items written so far. */
    stats: () => ({ ...counts }),
    /** Waits for everything submitted so far (shutdown, tests). */
    async drain(): Promise<void> {
      while (queue.length || running) {
        await new Promise<void>((r) => setImmediate(r));
        if (!running && queue.length) await flush();
      }
    },
  };
}
export type RegistrationWriter = ReturnType<typeof makeRegistrationWriter>;

/** Which of the items' (checkpoint, key) pairs are stored already, as keyOf gives them. */
async function storedKeys(trx: Executor, items: Pending[]): Promise<Set<string>> {
  const firsts = items.map((p) => p.item.rows[0]!).filter((r) => r.idempotency_key);
  if (!firsts.length) return new Set();
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

async function writeCases(trx: Executor, item: WriteItem): Promise<Written> {
  const caseNumbers = new Map<string, string>();
  for (const c of item.cases) {
    const day = item.rows.find((r) => r.id === c.registration_id)?.day ?? item.rows[0]?.day ?? '';
    caseNumbers.set(c.id, await openCase(trx, c, day, item.openedBy ?? DEFAULT_OPENER));
  }
  return { caseNumbers };
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

/** Inserts the rows and adds them to the hourly rollups, in the caller's transaction. */
export async function writeRows(trx: Executor, given: RegistrationRow[]): Promise<void> {
  // One name per province (四川省 and 四川 are one row of the statistics, whoever typed them).
  const rows = given.map((r) => (r.origin_province ? { ...r, origin_province: shortProvince(r.origin_province) } : r));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('checkpoint_registrations').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  }
  const sums = new Map<string, { zone_id: string; checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number }>();
  for (const r of rows) {
    const province = r.origin_province ?? '';
    const key = `${r.zone_id}\u0000${r.checkpoint_id}\u0000${r.day}\u0000${r.hour}\u0000${province}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { zone_id: r.zone_id, checkpoint_id: r.checkpoint_id, day: r.day, hour: r.hour, province, persons: 0, vehicles: 0, alerts: 0 }));
    s.persons += 1;
    s.vehicles += r.is_vehicle;
    s.alerts += r.result === 'green' ? 0 : 1;
  }
  for (const s of sums.values()) await addToRollup(trx, s);
}

/**
 * Adds to one hourly rollup (creating it). Negative figures take back (a registration whose
 * result a later temperature changed).
 */
export async function addToRollup(
  trx: Executor,
  s: { zone_id: string; checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number },
): Promise<void> {
  await trx
    .insertInto('checkpoint_rollups')
    .values(s)
    .onConflict((oc) =>
      oc.columns(['zone_id', 'checkpoint_id', 'day', 'hour', 'province']).doUpdateSet((eb) => ({
        persons: eb('checkpoint_rollups.persons', '+', eb.ref('excluded.persons')),
        vehicles: eb('checkpoint_rollups.vehicles', '+', eb.ref('excluded.vehicles')),
        alerts: eb('checkpoint_rollups.alerts', '+', eb.ref('excluded.alerts')),
      })),
    )
    .execute();
}

const hourCache = new Map<string, { day: string; hour: number }>();
/** The calendar day and hour (0–23) of an instant in a time zone; cached per quarter hour. */
export function dayHourIn(timeZone: string, ms: number): { day: string; hour: number } {
  // Quarter hours: every time zone offset in use is a multiple of 15 minutes.
  const hourStart = ms - (ms % 900_000);
  const key = `${timeZone}|${hourStart}`;
  let v = hourCache.get(key);
  if (!v) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(hourStart);
    const get = (t: string) => parts.find((p) => p.type === t)!.value;
    v = { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
    if (hourCache.size > 10_000) hourCache.clear();
    hourCache.set(key, v);
  }
  return v;
}
