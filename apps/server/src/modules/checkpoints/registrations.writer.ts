// Group commit for registrations (the high-volume path): callers hand over prepared rows and get
// a promise that settles after the transaction holding them has committed. Whatever arrives while
// a commit runs goes into the next one, so under load one commit carries many registrations and
// nothing is acknowledged before it is durable. A batch that fails is retried item by item, so
// one bad item (a duplicate Idempotency-Key racing another) fails alone.
import type { Database } from '../../db/connect.js';
import type { CheckpointCasesTable, CheckpointRegistrationsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';
import { nextInSeries } from '../../db/counters.js';

export type RegistrationRow = CheckpointRegistrationsTable;
/** A case to open with the registration; its number is drawn inside the commit. */
export type CaseRow = Omit<CheckpointCasesTable, 'number'>;
export type WriteItem = { rows: RegistrationRow[]; cases: CaseRow[] };
/** What the commit gave each case: its number (YC-YYYYMMDD-NNNN). */
export type Written = { caseNumbers: Map<string, string> };

type Pending = { item: WriteItem; resolve: (w: Written) => void; reject: (e: unknown) => void };

/** Rows per INSERT statement: 33 columns × 30 stays under SQLite's 999-variable floor of old builds. */
const ROWS_PER_INSERT = 30;

export function makeRegistrationWriter(database: Database, opts: { maxBatch?: number } = {}) {
  const maxBatch = opts.maxBatch ?? 500;
  let queue: Pending[] = [];
  let running = false;

  async function flush(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        try {
          const results = await database.db.transaction().execute(async (trx) => {
            const out: Written[] = [];
            for (const p of batch) out.push(await writeCases(trx, p.item));
            await writeRows(trx, batch.flatMap((p) => p.item.rows));
            return out;
          });
          batch.forEach((p, i) => p.resolve(results[i]!));
        } catch (batchError) {
          if (batch.length === 1) {
            batch[0]!.reject(batchError);
            continue;
          }
          // Someone in the batch is at fault: each alone now, so only the faulty one fails.
          for (const p of batch) {
            try {
              p.resolve(await database.db.transaction().execute(async (trx) => {
                const w = await writeCases(trx, p.item);
                await writeRows(trx, p.item.rows);
                return w;
              }));
            } catch (e) {
              p.reject(e);
            }
          }
        }
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

async function writeCases(trx: Executor, item: WriteItem): Promise<Written> {
  const caseNumbers = new Map<string, string>();
  for (const c of item.cases) {
    const day = item.rows.find((r) => r.id === c.registration_id)?.day ?? '';
    const n = await nextInSeries(trx, c.zone_id, 'checkpoint_case', day);
    const number = `YC-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
    await trx.insertInto('checkpoint_cases').values({ ...c, number }).execute();
    caseNumbers.set(c.id, number);
  }
  return { caseNumbers };
}

/** Inserts the rows and adds them to the hourly rollups, in the caller's transaction. */
export async function writeRows(trx: Executor, rows: RegistrationRow[]): Promise<void> {
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
  for (const s of sums.values()) {
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
