// The ceiling of the public registration POST on this machine (bench/checkpoints.ts, `checkpoints-
// ceiling`): the work a registration cannot skip, with nothing else — node:http without a framework,
// no hooks, no limits, no second thread, no hand-over. Each step adds one part of that work:
//   http   read the body, answer 201 (what the bare Fastify route does, without Fastify)
//   parse  + JSON.parse and the page's fast validation (ID check digit, plate), the row built
//   seal   + AES-256-GCM of ID number and phone, their HMAC blind indexes, the masked forms
//   full   + the durable group commit: the Idempotency-Key probe, the INSERT (the app's prepared
//            statement, the table's indexes), the rollups (three levels), COMMIT (WAL, synchronous=NORMAL)
//   thread the same work split over two threads: HTTP, parsing and the row here; the sealing and the
//          commit in a worker thread (the rows go over as JSON text once per turn of the loop)
// It writes into the database of a zone the bench made through the services, with the server's own
// modules (built), and prints `ready <url>`. Not part of the product.
import http from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseCanonicalRegistration } from '@shuangsheng/contracts';
import { openSqlite, WAL_CHECKPOINT_PAGES } from '../apps/server/dist/db/connect.js';
import { prepareRegistrationStatements, rollupAdditions, type RegistrationRow } from '../apps/server/dist/modules/checkpoints/registrations.write.repo.js';
import { newId } from '../apps/server/dist/platform/ids.js';
import { createPii, maskIdNumber, maskPhone } from '../apps/server/dist/platform/pii.js';
import { dayHourIn } from '../apps/server/dist/platform/time.js';

const STEPS = ['http', 'parse', 'seal', 'full', 'thread'] as const;
const env = { ...process.env, ...(isMainThread ? {} : (workerData as Record<string, string>)) };
const step = STEPS.indexOf(env.CEILING_STEP as (typeof STEPS)[number]);
if (step < 0) throw new Error(`CEILING_STEP must be one of ${STEPS.join(', ')}`);
const [zoneId, checkpointId, sqliteFile, secret] = [env.CEILING_ZONE!, env.CEILING_CHECKPOINT!, env.CEILING_SQLITE!, env.CEILING_SECRET!];
const THREAD = STEPS.indexOf('thread');

// The writer's part: in this thread, or (step `thread`) in the worker.
const sqlite = isMainThread && step === THREAD ? null : openSqlite(sqliteFile, 30_000, WAL_CHECKPOINT_PAGES.writerThread);
const statements = sqlite && prepareRegistrationStatements(sqlite);
const pii = createPii(secret);
// BEGIN IMMEDIATE, as the app's connections: another process's commit still running (the step
// before's last requests) makes this one wait instead of failing its read-then-write transaction.
const commitRows = sqlite?.transaction((rows: RegistrationRow[]) => {
  const fresh = rows.filter((row) => !statements!.keyStored(row));
  for (const row of fresh) statements!.insertRow(row);
  statements!.addToRollups(rollupAdditions(fresh));
});
type Plain = { idNumber: string; phone: string | null };
function seal(row: RegistrationRow, plain: Plain): void {
  const id = pii.protect(plain.idNumber);
  const phone = pii.protect(plain.phone);
  Object.assign(row, { id_enc: id.enc, id_idx: id.idx, phone_enc: phone.enc, phone_idx: phone.idx, id_masked: maskIdNumber(plain.idNumber), phone_masked: maskPhone(plain.phone) });
}
if (!isMainThread) {
  parentPort!.on('message', (text: string) => {
    const items = JSON.parse(text) as { seq: number; row: RegistrationRow; plain: Plain }[];
    for (const it of items) seal(it.row, it.plain);
    commitRows!.immediate(items.map((it) => it.row));
    parentPort!.postMessage(JSON.stringify(items.map((it) => it.seq)));
  });
}
const worker = isMainThread && step === THREAD ? startWorker() : null;
function startWorker(): Worker {
  const w = new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`, { eval: true, workerData: env });
  w.on('message', (text: string) => {
    for (const seq of JSON.parse(text) as number[]) {
      const p = inThread.get(seq)!;
      inThread.delete(seq);
      answer(p.res, JSON.stringify({ id: p.row.id, code: p.row.code, at: p.row.at, result: p.row.result, replayed: false }));
    }
  });
  return w;
}
const inThread = new Map<number, Pending>();
let seq = 0;
let outbox: { seq: number; row: RegistrationRow; plain: Plain }[] = [];
function handOver(): void {
  const items = outbox;
  outbox = [];
  worker!.postMessage(JSON.stringify(items));
}

type Pending = { row: RegistrationRow; res: http.ServerResponse };
let queue: Pending[] = [];

function answer(res: http.ServerResponse, body: string): void {
  res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** All registrations of a turn of the loop in one commit, answered after it. */
function flush(): void {
  const items = queue;
  queue = [];
  commitRows!.immediate(items.map((it) => it.row));
  for (const { row, res } of items) answer(res, JSON.stringify({ id: row.id, code: row.code, at: row.at, result: row.result, replayed: false }));
}

function register(raw: string, key: string | undefined, res: http.ServerResponse): void {
  const input = parseCanonicalRegistration(JSON.parse(raw));
  if (!input) {
    res.writeHead(400).end();
    return;
  }
  const at = Date.now();
  const { day, hour } = dayHourIn('Asia/Shanghai', at);
  const sealHere = step === 2 || step === 3;
  const id = sealHere ? pii.protect(input.idNumber) : { enc: '', idx: '' };
  const phone = sealHere ? pii.protect(input.phone) : { enc: null, idx: null };
  const row: RegistrationRow = {
    id: newId(), zone_id: zoneId, checkpoint_id: checkpointId, group_id: newId(), code: 'BENCH1', at, day, hour, source: 'public', direction: input.direction,
    name: input.name, id_kind: input.idKind, id_enc: id.enc!, id_idx: id.idx!, phone_enc: phone.enc, phone_idx: phone.idx, plate: input.plate ?? null, is_vehicle: input.plate ? 1 : 0,
    origin_province: input.originProvince, origin_city: input.originCity, destination: input.destination, reason: input.reason,
    fever: 0, cough: 0, contact: 0, high_risk_travel: 0, temperature: null, result: 'green', reasons: '', pass_id: null, created_by: null,
    idempotency_key: key ?? null, id_masked: sealHere ? maskIdNumber(input.idNumber) : null, phone_masked: sealHere ? maskPhone(input.phone) : null,
  };
  if (step < 3) {
    answer(res, JSON.stringify({ id: row.id, code: row.code, at, result: row.result, replayed: false }));
    return;
  }
  if (step === THREAD) {
    inThread.set(++seq, { row, res });
    outbox.push({ seq, row, plain: { idNumber: input.idNumber, phone: input.phone } });
    if (outbox.length === 1) setImmediate(handOver);
    return;
  }
  queue.push({ row, res });
  if (queue.length === 1) setImmediate(flush);
}

const server = isMainThread && http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    if (step === 0) answer(res, JSON.stringify({ ok: true, n: raw.length }));
    else register(raw, req.headers['idempotency-key'] as string | undefined, res);
  });
});
if (server) {
  server.listen(0, '127.0.0.1', () => {
    const a = server.address() as { port: number };
    console.log(`ready http://127.0.0.1:${a.port}`);
  });
  process.on('SIGTERM', () => {
    server.close();
    sqlite?.close();
    process.exit(0);
  });
}
