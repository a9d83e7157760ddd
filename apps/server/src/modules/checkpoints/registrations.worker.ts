// The registration writer's thread (SQLite): its own connection to the database file, the group
// commit of registrations.writer.ts, and the encryption of the personal data it is handed. The
// request thread keeps the HTTP work; this one the SQLite and AES work, on the machine's other core.
// Messages: see registrations.writer-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, sqliteDatabase, WAL_CHECKPOINT_PAGES } from '../../db/connect.js';
import { createPii } from '../../platform/pii.js';
import { DuplicateSubmission, makeRegistrationWriter, type WriteItem } from './registrations.writer.js';
import { prepareRegistrationStatements } from './registrations.write.repo.js';
import type { FromWriterThread, ToWriterThread, WireError, WriteResult } from './registrations.writer-thread.js';

const { sqliteFile, secret } = workerData as { sqliteFile: string; secret: string };
// Waiting here for a main-thread transaction's lock blocks no request: wait long rather than fail.
const sqlite = openSqlite(sqliteFile, 30_000, WAL_CHECKPOINT_PAGES.writerThread);
const database = sqliteDatabase(sqlite, sqliteFile);
const writer = makeRegistrationWriter(database, { pii: createPii(secret), prepared: prepareRegistrationStatements(sqlite) });
const port = parentPort!;

/** What the other side needs to tell errors apart (duplicates, unique violations, a vanished database). */
function wire(e: unknown): WireError {
  const err = e as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof err?.name === 'string' ? err.name : 'Error',
    message: typeof err?.message === 'string' ? err.message : String(e),
    code: typeof err?.code === 'string' ? err.code : null,
    duplicate: e instanceof DuplicateSubmission ? { checkpointId: e.checkpointId, key: e.key } : null,
  };
}

// Answers leave in batches, one message per turn of the loop (a commit settles many at once).
let outbox: WriteResult[] = [];
let scheduled = false;
function answer(result: WriteResult): void {
  outbox.push(result);
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    const results = outbox;
    outbox = [];
    port.postMessage({ type: 'results', results: JSON.stringify(results), stats: writer.stats() } satisfies FromWriterThread);
  });
}

port.on('message', (msg: ToWriterThread) => {
  if (msg.type === 'submit') {
    for (const { seq, item } of JSON.parse(msg.items) as { seq: number; item: WriteItem }[]) {
      writer.submit(item as WriteItem).then(
        (w) => answer({ seq, caseNumbers: [...w.caseNumbers] }),
        (e: unknown) => answer({ seq, error: wire(e) }),
      );
    }
  } else if (msg.type === 'close') {
    void writer
      .drain()
      .then(() => database.close())
      .finally(() => port.postMessage({ type: 'closed', stats: writer.stats() } satisfies FromWriterThread));
  }
});
