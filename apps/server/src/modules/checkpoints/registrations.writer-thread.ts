// The registration writer in a worker thread (SQLite). On SQLite the group commit's statements and
// the personal data's encryption ran on the request thread, which also does all the HTTP work; in
// a thread of their own they use the machine's other core. The promise a caller gets still settles
// only after the commit that holds its rows (decision 26); the thread has its own connection to
// the same database file (transactions begin IMMEDIATE on both, see db/connect.ts).
//
// Messages: to the thread `submit` (items with a sequence number, sent once per turn of the loop)
// and `close`; from it `results` (each sequence number with its case numbers or its error, and
// the writer's counts) and `closed`. The batches travel as JSON text: copying a string costs a
// fraction of the structured clone of hundreds of row objects (a quarter of the request thread's
// time went to postMessage with objects).
import { Worker } from 'node:worker_threads';
import { DuplicateSubmission, type RegistrationWriter, type WriteItem, type Written } from './registrations.writer.js';

type Counts = { commits: number; items: number };
export type WireError = { name: string; message: string; code: string | null; duplicate: { checkpointId: string; key: string } | null };
/** `items` is the JSON of `{ seq, item }[]`. */
export type ToWriterThread = { type: 'submit'; items: string } | { type: 'close' };
/** `results` is the JSON of `WriteResult[]`. */
export type WriteResult = { seq: number; caseNumbers: [string, string][] } | { seq: number; error: WireError };
export type FromWriterThread =
  | { type: 'results'; results: string; stats: Counts }
  | { type: 'closed'; stats: Counts };

type Waiting = { resolve: (w: Written) => void; reject: (e: unknown) => void };

/** The error as the callers know it: a DuplicateSubmission, or an Error with the database's code. */
function errorOf(w: WireError): Error {
  if (w.duplicate) return new DuplicateSubmission(w.duplicate.checkpointId, w.duplicate.key);
  return Object.assign(new Error(w.message), { name: w.name, ...(w.code ? { code: w.code } : {}) });
}

/** The database is away as far as the callers know (isConnectionError: 503, retry). */
const writerGone = (message: string, cause?: unknown) => Object.assign(new Error(message, { cause }), { code: 'SS_WRITER_GONE' });

export function makeThreadedRegistrationWriter(o: { sqliteFile: string; secret: string }): RegistrationWriter {
  let worker: Worker | null = null;
  const waiting = new Map<number, Waiting>();
  let seq = 0;
  let outbox: { seq: number; item: WriteItem }[] = [];
  let scheduled = false;
  let counts: Counts = { commits: 0, items: 0 };
  let idle: (() => void)[] = [];
  let closed: (() => void) | null = null;

  const settledAll = () => {
    if (waiting.size || outbox.length) return;
    // Nothing in flight: the thread must not keep the process alive.
    worker?.unref();
    const wake = idle;
    idle = [];
    for (const w of wake) w();
  };

  function failAll(e: unknown): void {
    const all = [...waiting.values()];
    waiting.clear();
    // Not yet handed over: not written either, as their callers are told.
    outbox = [];
    for (const w of all) w.reject(e);
    settledAll();
  }

  function start(): Worker {
    const data = { workerData: { sqliteFile: o.sqliteFile, secret: o.secret } };
    // Built, the thread runs the .js beside this file. From the sources (the tests) it runs the
    // TypeScript file, through tsx's loader registered in the thread first.
    const w = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(new URL('./registrations.worker.ts', import.meta.url).href)}); })`,
          { ...data, eval: true },
        )
      : new Worker(new URL('./registrations.worker.js', import.meta.url), data);
    w.on('message', (m: FromWriterThread) => {
      counts = m.stats;
      if (m.type === 'closed') {
        closed?.();
        return;
      }
      for (const r of JSON.parse(m.results) as WriteResult[]) {
        const w8 = waiting.get(r.seq);
        if (!w8) continue;
        waiting.delete(r.seq);
        if ('error' in r) w8.reject(errorOf(r.error));
        else w8.resolve({ caseNumbers: new Map(r.caseNumbers) });
      }
      settledAll();
    });
    // A thread that failed or ended takes its waiting callers with it (503: whether their rows
    // were committed is unknown, the page retries with its Idempotency-Key); the next submit
    // starts another thread.
    w.on('error', (e) => {
      if (worker === w) worker = null;
      failAll(writerGone(`the registration writer thread failed: ${e.message}`, e));
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      closed?.();
      failAll(writerGone(`the registration writer thread ended (exit code ${code})`));
    });
    return w;
  }

  function send(): void {
    scheduled = false;
    const items = outbox;
    outbox = [];
    if (!items.length) return;
    worker ??= start();
    worker.ref();
    worker.postMessage({ type: 'submit', items: JSON.stringify(items) } satisfies ToWriterThread);
  }

  const drain = async (): Promise<void> => {
    if (!waiting.size && !outbox.length) return;
    await new Promise<void>((r) => idle.push(r));
  };

  return {
    submit(item: WriteItem): Promise<Written> {
      return new Promise<Written>((resolve, reject) => {
        const n = ++seq;
        waiting.set(n, { resolve, reject });
        outbox.push({ seq: n, item });
        // Everything submitted in this turn of the loop goes over in one message.
        if (!scheduled) {
          scheduled = true;
          setImmediate(send);
        }
      });
    },
    stats: () => ({ ...counts }),
    drain,
    /** Ends the thread at once, as a crash would (tests): the waiting fail with SS_WRITER_GONE. */
    async abort(): Promise<void> {
      await worker?.terminate();
    },
    async close(): Promise<void> {
      await drain();
      const w = worker;
      if (!w) return;
      const done = new Promise<void>((r) => (closed = r));
      w.postMessage({ type: 'close' } satisfies ToWriterThread);
      await done;
      worker = null;
      await w.terminate();
    },
  };
}
