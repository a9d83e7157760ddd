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
import type { Database } from '../../db/connect.js';
import { isConnectionError } from '../../db/dialect.js';
import type { Executor } from '../../platform/context.js';
import { maskIdNumber, maskPhone, type Pii } from '../../platform/pii.js';
import { openCase, storedKeys, writeRows, type CaseOpener, type CaseRow, type RegistrationRow, type RegistrationStatements } from './registrations.write.repo.js';

// The row shapes and the statements live in the repo; callers may keep importing them from here.
export { addToRollup, openCase, writeRows, type CaseOpener, type CaseRow, type RegistrationRow } from './registrations.write.repo.js';
export { dayHourIn } from '../../platform/time.js';

/** A person's ID number and phone in plain text, for the writer to protect (encrypt, blind-index). */
export type PlainPii = { idNumber: string; phone: string | null };
/**
 * Rows to write with their cases. `plain[i]`, when given, holds row i's ID number and phone in plain
 * text: the writer fills the row's (and its cases') ciphertexts and blind indexes before writing, so
 * that the encryption runs where the writer runs (a worker thread on SQLite), not on the request.
 */
export type WriteItem = { rows: RegistrationRow[]; cases: CaseRow[]; openedBy?: CaseOpener; plain?: (PlainPii | null)[] };
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

const DEFAULT_OPENER: CaseOpener = { id: null, name: 'system' };

/** The (checkpoint, Idempotency-Key) an item carries on its first row, if any. */
function keyOf(item: WriteItem): string | null {
  const first = item.rows[0];
  return first?.idempotency_key ? `${first.checkpoint_id}\u0000${first.idempotency_key}` : null;
}

/**
 * A registration's masked ID number and phone: the forms stored with it (migration 0009), or — for a
 * row written before — decrypted and masked (the ciphertexts are then needed; readers that select
 * them only for such rows pass null otherwise).
 */
export function maskedOf(r: { id_masked: string | null; phone_masked: string | null; id_enc: string | null; phone_enc: string | null }, pii: Pii): { id: string | null; phone: string | null } {
  if (r.id_masked !== null) return { id: r.id_masked, phone: r.phone_masked };
  return { id: maskIdNumber(r.id_enc ? pii.decrypt(r.id_enc) : null), phone: maskPhone(r.phone_enc ? pii.decrypt(r.phone_enc) : null) };
}

/** Fills an item's ciphertexts and blind indexes from its plain values, which it then drops. */
export function seal(item: WriteItem, pii: Pii | undefined): void {
  if (!item.plain) return;
  if (!pii) throw new Error('registration with personal data to protect, and no key');
  item.plain.forEach((plain, i) => {
    const row = item.rows[i];
    if (!plain || !row) return;
    const id = pii.protect(plain.idNumber);
    const phone = pii.protect(plain.phone);
    const fields = { id_enc: id.enc!, id_idx: id.idx!, phone_enc: phone.enc, phone_idx: phone.idx };
    Object.assign(row, fields, { id_masked: maskIdNumber(plain.idNumber), phone_masked: maskPhone(plain.phone) });
    for (const c of item.cases) if (c.registration_id === row.id) Object.assign(c, fields);
  });
  delete item.plain;
}

export function makeRegistrationWriter(database: Database, opts: { maxBatch?: number; pii?: Pii; prepared?: RegistrationStatements } = {}) {
  const maxBatch = opts.maxBatch ?? 500;
  let queue: Pending[] = [];
  let running = false;
  /** Transactions committed and items written, for tests and the benchmarks. */
  const counts = { commits: 0, items: 0 };

  const writeOne = async (item: WriteItem): Promise<Written> => {
    const w = await database.db.transaction().execute(async (trx) => {
      const out = await writeCases(trx, item);
      await writeRows(trx, item.rows, opts.prepared);
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
        const taken = await storedKeys(trx, write.map((p) => p.item.rows[0]!), opts.prepared);
        const isStored = (p: Pending) => taken.has(keyOf(p.item) ?? '');
        const fresh = write.filter((p) => !isStored(p));
        const out: Written[] = [];
        for (const p of fresh) out.push(await writeCases(trx, p.item));
        await writeRows(trx, fresh.flatMap((p) => p.item.rows), opts.prepared);
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
      try {
        seal(item, opts.pii);
      } catch (e) {
        return Promise.reject(e);
      }
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
/** The group-commit writer, in this thread (makeRegistrationWriter) or in a worker thread (registrations.writer-thread.ts). */
export type RegistrationWriter = ReturnType<typeof makeRegistrationWriter> & {
  /** Drains, then lets go of what the writer holds (its thread). */
  close?: () => Promise<void>;
  /** Ends the writer's thread at once, as a crash would (tests). */
  abort?: () => Promise<void>;
};

async function writeCases(trx: Executor, item: WriteItem): Promise<Written> {
  const caseNumbers = new Map<string, string>();
  for (const c of item.cases) {
    const day = item.rows.find((r) => r.id === c.registration_id)?.day ?? item.rows[0]?.day ?? '';
    caseNumbers.set(c.id, await openCase(trx, c, day, item.openedBy ?? DEFAULT_OPENER));
  }
  return { caseNumbers };
}
