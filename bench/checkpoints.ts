// Checkpoint registration (issue 6) under load, on the built server (apps/server/dist, PORT=0, a
// temp DATA_DIR, demo off), SQLite by default; the `-pg` variants on PostgreSQL (a database of
// their own, ss_bench_cp, dropped and made again).
//   1. ingest: the public registration POST (validation, encryption, blind indexes, the durable
//      group commit) next to a bare Fastify route taking the same JSON body and answering 201,
//      in the same run: 50 connections, alternated twice; a fresh Idempotency-Key (and client
//      address) per request; the zone's per-checkpoint limit raised through its settings.
//   2. trace: 5,000,000 registrations of 1,000,000 people at 200 checkpoints over 28 days, written
//      through the registration writer's writeRows in big transactions (ciphertexts made once per
//      person), then 220 traces over HTTP, and the statistics of 14 and 28 days (first call and
//      later ones); the query plans of the trace's three queries and of the statistics.
//   4. ceiling: the same load on a framework-free server doing only the work a registration cannot
//      skip (bench/ceiling-server.ts), one part added at a time, with each process's CPU time per
//      request: what this machine can give at most, whatever the app's design.
//   3. loss: 20,000 registrations sent with 50 in flight; the server is SIGKILLed midway and
//      started again; the unanswered ones are sent again with their key (a phone's retry); every
//      registration that got a 2xx must be in the database. Both databases.
// autocannon and the clients run in this process, on the same 2 cores as the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { residentIdCheckChar } from '@shuangsheng/contracts';
import type * as KyselyModule from 'kysely';
import { buildIfStale, SERVER, startServer, type Running } from './common.js';
import type * as PgModule from 'pg';
import type * as ServicesModule from '../apps/server/dist/services.js';
import type * as BootstrapModule from '../apps/server/dist/bootstrap.js';
import type * as ConfigModule from '../apps/server/dist/config.js';
import type * as WriterModule from '../apps/server/dist/modules/checkpoints/registrations.writer.js';
import type * as IdsModule from '../apps/server/dist/platform/ids.js';
import type * as ContextModule from '../apps/server/dist/platform/context.js';
import type * as CalendarModule from '../apps/server/dist/platform/calendar.js';
import type * as PiiModuleTypes from '../apps/server/dist/platform/pii.js';

const requireServer = createRequire(path.join(SERVER, 'package.json'));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const TRACE_ROWS = Number(process.env.BENCH_TRACE_ROWS ?? 5_000_000);
const TRACE_PEOPLE = Number(process.env.BENCH_TRACE_PEOPLE ?? 1_000_000);
const TRACE_CHECKPOINTS = Number(process.env.BENCH_TRACE_CHECKPOINTS ?? 200);
const TRACE_DAYS = 28;
const TRACE_QUERIES = Number(process.env.BENCH_TRACE_QUERIES ?? 220);
const LOSS_TOTAL = Number(process.env.BENCH_LOSS_TOTAL ?? 20_000);
const LOSS_IN_FLIGHT = 50;
const PASSWORD = 'Bench-Passw0rd-2026';
const TZ = 'Asia/Shanghai';

type Server = typeof ServicesModule;
type Bootstrap = typeof BootstrapModule;
type Config = typeof ConfigModule;
type Writer = typeof WriterModule;
type Ids = typeof IdsModule;
type Context = typeof ContextModule;
type Calendar = typeof CalendarModule;
type PiiModule = typeof PiiModuleTypes;
type Deps = Awaited<ReturnType<Bootstrap['openDeps']>>;
type Services = ReturnType<Server['makeServices']>;
type RegistrationRow = WriterModule.RegistrationRow;

/** The built server's modules, imported after the build (a static import would load a stale build). */
async function serverModules() {
  buildIfStale();
  const [services, bootstrap, config, writer, ids, context, calendar, pii] = await Promise.all([
    import('../apps/server/dist/services.js') as Promise<Server>,
    import('../apps/server/dist/bootstrap.js') as Promise<Bootstrap>,
    import('../apps/server/dist/config.js') as Promise<Config>,
    import('../apps/server/dist/modules/checkpoints/registrations.writer.js') as Promise<Writer>,
    import('../apps/server/dist/platform/ids.js') as Promise<Ids>,
    import('../apps/server/dist/platform/context.js') as Promise<Context>,
    import('../apps/server/dist/platform/calendar.js') as Promise<Calendar>,
    import('../apps/server/dist/platform/pii.js') as Promise<PiiModule>,
  ]);
  return { ...services, ...bootstrap, ...config, ...writer, ...ids, ...context, ...calendar, maskIdNumber: pii.maskIdNumber, maskPhone: pii.maskPhone };
}
type Modules = Awaited<ReturnType<typeof serverModules>>;

// ---- autocannon, typed as far as used here
type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: AcRequest) => AcRequest };
type AcResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Autocannon = (opts: { url: string; connections: number; duration: number; requests?: AcRequest[] }) => Promise<AcResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type Run = { reqPerSec: number; p50Ms: number; p99Ms: number; maxMs: number; total: number; non2xx: number; errors: number; codes: Record<string, number> };
const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
/** 1-minute load average of the machine (2 cores): other work on it moves every figure. */
const load = () => round1(os.loadavg()[0]!);
const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

async function cannon(url: string, request: AcRequest): Promise<Run> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [request] });
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return { reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts, codes };
}

/** A bare Fastify process with one route taking the same JSON body and answering 201. */
async function startBareFastify(): Promise<{ url: string; pid: number; stop: () => void }> {
  const code = `import Fastify from 'fastify'; const app = Fastify(); app.post('/r', async (req, reply) => reply.code(201).send({ ok: true, n: Object.keys(req.body).length })); const a = await app.listen({ port: 0, host: '127.0.0.1' }); console.log('ready ' + a);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: SERVER, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((r) => child.stdout!.on('data', (d: Buffer) => /ready (\S+)/.test(d.toString()) && r(/ready (\S+)/.exec(d.toString())![1]!)));
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** The environment of a server on `dataDir` (and PostgreSQL when a URL is given). */
function serverEnv(dataDir: string, databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SHUANGSHENG_DEMO: 'off', LOG_LEVEL: 'warn', TZ_ZONE: TZ };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  return env;
}

/** A PostgreSQL database of our own for `run` (dropped before and after, unless kept to be used again; the trace keeps its own, ss_bench_cp_trace, which the other runs' drops leave alone). */
async function withPgDatabase<T>(run: (url: string) => Promise<T>, keep = false, name = 'ss_bench_cp'): Promise<T> {
  const admin = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://shuangsheng:shuangsheng@127.0.0.1:5432/postgres';
  const pg = requireServer('pg') as typeof PgModule;
  // The client is ended when the statement fails too (a kept database's `create` does): an open
  // one would keep the process from exiting.
  const sqlOn = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  if (!keep) await sqlOn(`drop database if exists ${name} with (force)`);
  await sqlOn(`create database ${name}`).catch((e: unknown) => {
    if (!keep) throw e;
  });
  const u = new URL(admin);
  u.pathname = `/${name}`;
  try {
    return await run(u.toString());
  } finally {
    if (!keep) await sqlOn(`drop database if exists ${name} with (force)`);
  }
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ss_session='))!;
  return cookie.split(';')[0]!;
}

/** A zone with a checkpoint whose per-checkpoint limit is raised (the per-address one is met by giving each request its own address). */
async function ingestZone(m: Modules, services: Services, code: string, checkpoints = 1) {
  const zone = await services.org.zones.create({ code, name: '基准卡口高新区' });
  const ctx = m.systemCtx(zone.id, 'bench');
  await services.checkpoints.settings.update(ctx, { perCheckpointPerMinute: 1_000_000, perIpPerMinute: 100_000, retentionDays: 60 });
  const list = [];
  for (let i = 0; i < checkpoints; i++) list.push(await services.checkpoints.checkpoints.create(ctx, { name: `基准卡口${String(i).padStart(3, '0')} ${isExit(i) ? '高速出口' : '门岗'}`, kind: isExit(i) ? 'highway_exit' : 'park_gate', location: '基准' }));
  const admin = await services.org.users.create(ctx, { username: `cpadmin${code.toLowerCase()}`, displayName: '基准管理员', roles: ['zone_admin'], enterpriseId: null, password: PASSWORD });
  return { zone, ctx, checkpoints: list, admin, tokenOf: (qrUrl: string) => qrUrl.slice(qrUrl.lastIndexOf('/') + 1) };
}

/** One checkpoint in ten is a highway exit (three times a gate's traffic, from every province); the others are gates (locals). */
const isExit = (i: number) => i % 10 === 0;

function residentId(n: number, area = '510302'): string {
  const first17 = `${area}19${String(60 + (n % 40))}${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 480) % 28)).padStart(2, '0')}${String(Math.floor(n / 13_440) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
/** Person n's ID number and phone (so any person's plain values can be made again to search for). */
const idOf = (n: number) => residentId(n % 13_440_000);
const phoneOf = (n: number) => `13${String(n).padStart(9, '0')}`;
const plateOf = (n: number) => `川C${String(n % 100_000).padStart(5, '0')}`;

const INGEST_BODY = JSON.stringify({
  name: '王建国',
  idKind: 'resident_id',
  idNumber: residentId(4242),
  phone: '13812345678',
  plate: '川C12345',
  passengers: [],
  originProvince: '四川省',
  originCity: '成都市',
  destination: '示范高新区板仓工业园',
  reason: '返岗复工',
  direction: 'in',
  health: { fever: false, cough: false, contact: false, highRiskTravel: false },
});

/**
 * The page's POST as autocannon sends it: the same body, a fresh Idempotency-Key (`prefix`) and a
 * client address of its own each time (so neither the key nor the per-address limit repeats).
 */
function registrationPosts(prefix: string): (path: string) => AcRequest {
  let seq = 0;
  return (p) => ({
    method: 'POST',
    path: p,
    setupRequest: (req) => {
      seq++;
      return { ...req, headers: { 'content-type': 'application/json', 'idempotency-key': `${prefix}-${seq.toString(36)}-${Math.random().toString(36).slice(2, 10)}`, 'x-forwarded-for': `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}` }, body: INGEST_BODY };
    },
  });
}

/** The built server's modules, its configuration on `dataDir` and its services, opened in this process. */
async function openBenchServices(dataDir: string, databaseUrl: string | undefined) {
  const m = await serverModules();
  const env = serverEnv(dataDir, databaseUrl);
  const config = m.loadConfig(env);
  const deps = await m.openDeps(config);
  return { m, env, config, deps, services: m.makeServices(deps, config) };
}

// ---- 1. ingest
async function ingestOn(databaseUrl: string | undefined): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-bench-cp-'));
  const { m, env, deps, services } = await openBenchServices(dataDir, databaseUrl);
  let server: Running | null = null;
  const bare = await startBareFastify();
  try {
    const z = await ingestZone(m, services, 'BENCHCPI');
    const token = z.tokenOf(z.checkpoints[0]!.qrUrl);
    server = await startServer(env);
    const request = registrationPosts('bench');
    // Warm both (JIT, connections, caches), then bare / ours twice.
    await autocannon({ url: bare.url, connections: 10, duration: 2, requests: [request('/r')] });
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: [request(`/api/public/checkpoints/${token}/registrations`)] });
    const bareRuns: Run[] = [];
    const ourRuns: Run[] = [];
    const loads: number[] = [];
    for (let round = 0; round < 2; round++) {
      bareRuns.push(await cannon(bare.url, request('/r')));
      ourRuns.push(await cannon(server.url, request(`/api/public/checkpoints/${token}/registrations`)));
      loads.push(load());
    }
    // For reference: the cheapest route of the same server (GET /api/health, one ping of the database).
    const health = await cannon(server.url, { method: 'GET', path: '/api/health' });
    await server.stop();
    server = null;
    const stored = Number((await deps.database.db.selectFrom('checkpoint_registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('zone_id', '=', z.zone.id).executeTakeFirstOrThrow()).n);
    const answered201 = ourRuns.reduce((n, r) => n + (r.codes['201'] ?? 0), 0);
    const bareRps = mean(bareRuns.map((r) => r.reqPerSec));
    const ourRps = mean(ourRuns.map((r) => r.reqPerSec));
    return {
      machine: machine(),
      database: deps.database.dialect,
      seconds: SECONDS,
      connections: CONNECTIONS,
      loadAtStart: loads[0],
      loads,
      bareFastify: { reqPerSec: Math.round(bareRps), runs: bareRuns },
      publicRegistration: { reqPerSec: Math.round(ourRps), p99Ms: Math.max(...ourRuns.map((r) => r.p99Ms)), errors: ourRuns.reduce((n, r) => n + r.errors, 0), non2xx: ourRuns.reduce((n, r) => n + r.non2xx, 0), runs: ourRuns },
      ratio: +(ourRps / bareRps).toFixed(2),
      serverHealthGet: { ...health, ratioToBare: +(health.reqPerSec / bareRps).toFixed(2) },
      ratioPerRound: ourRuns.map((r, i) => +(r.reqPerSec / bareRuns[i]!.reqPerSec).toFixed(2)),
      // Every 201 is a durable row (rows include the warm-up's).
      rowsStored: stored,
      answered201,
    };
  } finally {
    bare.stop();
    await server?.stop();
    await deps.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- 2. trace over 5 million registrations
const PROVINCES = [
  { province: '四川省', city: '自贡市', w: 55 },
  { province: '四川省', city: '成都市', w: 12 },
  { province: '四川省', city: '宜宾市', w: 6 },
  { province: '四川省', city: '内江市', w: 6 },
  { province: '重庆市', city: '重庆市', w: 10 },
  { province: '云南省', city: '昆明市', w: 4 },
  { province: '贵州省', city: '贵阳市', w: 4 },
  { province: '广东省', city: '深圳市', w: 3 },
];
/** Who comes through a gate: locals, and some from the neighbouring province. */
const LOCALS = [
  { province: '四川省', city: '自贡市', w: 90 },
  { province: '四川省', city: '成都市', w: 5 },
  { province: '重庆市', city: '重庆市', w: 5 },
];
const HOUR_W = [1, 0.5, 0.3, 0.3, 0.5, 1, 3, 8, 12, 9, 6, 5, 5, 5, 5, 6, 8, 11, 10, 6, 4, 3, 2, 1.5];

/** Deterministic pseudo-random numbers, so two runs build the same history. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function cumulative(ws: number[]): (r: number) => number {
  const total = ws.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of ws) cum.push((acc += w / total));
  return (r) => {
    let i = 0;
    while (i < cum.length - 1 && r >= cum[i]!) i++;
    return i;
  };
}

/** TRACE_ROWS registrations over the TRACE_DAYS up to now, hour by hour, through writeRows. */
async function insertHistory(m: Modules, deps: Deps, services: Services, zoneId: string, checkpointIds: string[]) {
  const t0 = performance.now();
  const rand = rng(2020);
  // Everybody's ciphertexts and blind indexes, made once (as the intake would make them per registration).
  const idEnc: string[] = [];
  const idIdx: string[] = [];
  const phEnc: string[] = [];
  const phIdx: string[] = [];
  const idMasked: string[] = [];
  const phMasked: string[] = [];
  for (let n = 0; n < TRACE_PEOPLE; n++) {
    idMasked.push(m.maskIdNumber(idOf(n))!);
    phMasked.push(m.maskPhone(phoneOf(n))!);
    const id = deps.pii.protect(idOf(n));
    const ph = deps.pii.protect(phoneOf(n));
    idEnc.push(id.enc!);
    idIdx.push(id.idx!);
    phEnc.push(ph.enc!);
    phIdx.push(ph.idx!);
  }
  const protectMs = performance.now() - t0;
  const cpWeights = checkpointIds.map((_, i) => (isExit(i) ? 3 : 1));
  const pickCp = cumulative(cpWeights);
  const pickHour = cumulative(HOUR_W);
  const pickProvince = cumulative(PROVINCES.map((p) => p.w));
  const pickLocal = cumulative(LOCALS.map((p) => p.w));
  const now = Date.now();
  const today = m.todayIn(TZ, now);
  const first = m.addDays(today, -(TRACE_DAYS - 1));
  const dayStart = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
  let written = 0;
  let transactions = 0;
  let rows: RegistrationRow[] = [];
  const flush = async () => {
    if (!rows.length) return;
    const batch = rows;
    rows = [];
    await deps.database.db.transaction().execute((trx) => m.writeRows(trx, batch));
    written += batch.length;
    transactions++;
    if (transactions % 25 === 0) console.log(`  ${written.toLocaleString('en')} rows, ${Math.round((performance.now() - t0) / 1000)} s`);
  };
  const perDay = TRACE_ROWS / TRACE_DAYS;
  for (let d = 0; d < TRACE_DAYS; d++) {
    const day = m.addDays(first, d);
    const start = dayStart(day);
    // This day's instants in time order (hour weights), capped at now.
    const count = d === TRACE_DAYS - 1 ? TRACE_ROWS - Math.round(perDay * d) : Math.round(perDay * (d + 1)) - Math.round(perDay * d);
    const instants: number[] = [];
    for (let i = 0; i < count; i++) instants.push(start + pickHour(rand()) * 3_600_000 + Math.floor(rand() * 3_600_000));
    instants.sort((a, b) => a - b);
    for (let i = 0; i < instants.length; ) {
      const at = Math.min(instants[i]!, now - 1000);
      const cpIndex = pickCp(rand());
      const cp = checkpointIds[cpIndex]!;
      const origin = isExit(cpIndex) ? PROVINCES[pickProvince(rand())]! : LOCALS[pickLocal(rand())]!;
      // Half come by car with 0–2 passengers (a group shares checkpoint, instant, code and plate).
      const driver = Math.floor(rand() * TRACE_PEOPLE);
      const car = rand() < 0.5;
      const size = car ? 1 + Math.floor(rand() * rand() * 3) : 1;
      const group = m.newId();
      const code = Math.floor(rand() * 2 ** 30).toString(32).toUpperCase().padStart(6, 'A').slice(-6);
      const { day: rowDay, hour } = m.dayHourIn(TZ, at);
      for (let k = 0; k < size && i < instants.length; k++, i++) {
        const p = k === 0 ? driver : Math.floor(rand() * TRACE_PEOPLE);
        const alert = rand() < 0.004;
        rows.push({
          id: m.newId(),
          zone_id: zoneId,
          checkpoint_id: cp,
          group_id: group,
          code,
          at,
          day: rowDay,
          hour,
          source: rand() < 0.85 ? 'public' : 'staff',
          direction: rand() < 0.55 ? 'in' : 'out',
          name: `人员${p}`,
          id_kind: 'resident_id',
          id_enc: idEnc[p]!,
          id_idx: idIdx[p]!,
          phone_enc: phEnc[p]!,
          phone_idx: phIdx[p]!,
          id_masked: idMasked[p]!,
          phone_masked: phMasked[p]!,
          plate: car ? plateOf(driver) : null,
          is_vehicle: car && k === 0 ? 1 : 0,
          origin_province: origin.province,
          origin_city: origin.city,
          destination: '示范高新区',
          reason: '返岗复工',
          fever: 0,
          cough: alert ? 1 : 0,
          contact: 0,
          high_risk_travel: 0,
          temperature: null,
          result: alert ? 'yellow' : 'green',
          reasons: alert ? 'cough' : '',
          pass_id: null,
          created_by: null,
          idempotency_key: null,
        });
      }
      if (rows.length >= 20_000) await flush();
    }
    await flush();
  }
  void services;
  return { rows: written, people: TRACE_PEOPLE, checkpoints: checkpointIds.length, days: TRACE_DAYS, transactions, protectMs: Math.round(protectMs), totalMs: Math.round(performance.now() - t0), from: first, to: today };
}

async function timedCalls(n: number, call: (i: number) => Promise<Record<string, unknown>>) {
  const ms: number[] = [];
  const answers: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    answers.push(await call(i));
    ms.push(performance.now() - t0);
  }
  return { calls: n, p50Ms: round1(pct(ms, 50)), p95Ms: round1(pct(ms, 95)), p99Ms: round1(pct(ms, 99)), maxMs: round1(Math.max(...ms)), meanMs: round1(mean(ms)), answers };
}

async function queryPlans(m: Modules, deps: Deps, zoneId: string, checkpointId: string) {
  const { sql } = requireServer('kysely') as typeof KyselyModule;
  const idx = deps.pii.blindIndex(idOf(1));
  const now = Date.now();
  const stops = `select id, at from checkpoint_registrations where zone_id = '${zoneId}' and id_idx = '${idx}' and at + 0 >= 0 and at + 0 < ${now} order by at, id limit 501`;
  const instants = `select at from checkpoint_registrations where zone_id = '${zoneId}' and checkpoint_id = '${checkpointId}' and at >= ${now - 3_600_000} and at <= ${now} order by at limit 5001`;
  const near = `select id, code, checkpoint_id, at, direction, name, id_enc, id_idx, phone_enc, plate, temperature, result, source from checkpoint_registrations where zone_id = '${zoneId}' and checkpoint_id = '${checkpointId}' and at >= ${now - 600_000} and at <= ${now} order by at limit 5001`;
  const rollups = `select day, checkpoint_id, sum(persons) from checkpoint_rollups where zone_id = '${zoneId}' and day >= '${m.addDays(m.todayIn(TZ, now), -13)}' and day <= '${m.todayIn(TZ, now)}' group by day, checkpoint_id`;
  const plan = async (q: string) => {
    if (deps.database.dialect === 'sqlite') return (await sql.raw<{ detail: string }>(`explain query plan ${q}`).execute(deps.database.db)).rows.map((r) => r.detail);
    return (await sql.raw<{ 'QUERY PLAN': string }>(`explain ${q}`).execute(deps.database.db)).rows.map((r) => r['QUERY PLAN']);
  };
  return { traceStops: await plan(stops), traceInstants: await plan(instants), traceNear: await plan(near), statsByDayCheckpoint: await plan(rollups) };
}

/** BENCH_TRACE_DIR keeps the data directory (and the PostgreSQL database) to run the queries again without writing the rows again. */
const TRACE_DIR = process.env.BENCH_TRACE_DIR;

async function traceOn(databaseUrl: string | undefined): Promise<Record<string, unknown>> {
  const dataDir = TRACE_DIR ? path.resolve(TRACE_DIR) : mkdtempSync(path.join(os.tmpdir(), 'ss-bench-cpt-'));
  const { m, env, deps, services } = await openBenchServices(dataDir, databaseUrl);
  let server: Running | null = null;
  const out: Record<string, unknown> = { machine: machine(), database: deps.database.dialect, loadAtStart: load() };
  try {
    const existing = (await services.org.zones.list()).find((zone) => zone.code === 'BENCHCPT');
    let z: { zone: { id: string }; checkpoints: { id: string }[]; admin: { username: string } };
    if (existing) {
      const rows = await deps.database.db.selectFrom('checkpoints').select('id').where('zone_id', '=', existing.id).orderBy('name').execute();
      z = { zone: existing, checkpoints: rows, admin: { username: 'cpadminbenchcpt' } };
      out.history = { reused: dataDir };
    } else {
      z = await ingestZone(m, services, 'BENCHCPT', TRACE_CHECKPOINTS);
      console.log(`writing ${TRACE_ROWS.toLocaleString('en')} registrations (${TRACE_PEOPLE.toLocaleString('en')} people, ${TRACE_CHECKPOINTS} checkpoints, ${TRACE_DAYS} days)`);
      out.history = { ...(await insertHistory(m, deps, services, z.zone.id, z.checkpoints.map((c) => c.id))), load: load() };
      if (deps.database.dialect === 'postgres') await (requireServer('kysely') as typeof KyselyModule).sql`analyze`.execute(deps.database.db);
    }
    out.plans = await queryPlans(m, deps, z.zone.id, z.checkpoints[0]!.id);
    const sizes = await deps.database.db.selectFrom('checkpoint_rollups').select((eb) => eb.fn.countAll<number>().as('n')).where('zone_id', '=', z.zone.id).executeTakeFirstOrThrow();
    out.rollupRows = Number(sizes.n);

    server = await startServer(env);
    const cookie = await login(server.url, z.admin.username);
    const today = m.todayIn(TZ, Date.now());
    const rand = rng(77);
    const body = (i: number) => {
      const n = Math.floor(rand() * TRACE_PEOPLE);
      const by = i % 5 === 4 ? 'plate' : i % 5 === 3 ? 'phone' : 'idNumber';
      return { by, value: by === 'plate' ? plateOf(n) : by === 'phone' ? phoneOf(n) : idOf(n), from: m.addDays(today, -(TRACE_DAYS - 1)), to: today, windowMinutes: 30, reason: '基准测试：密接排查' };
    };
    const trace = (i: number) =>
      fetch(`${server!.url}/api/checkpoints/trace`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body(i)) }).then(async (r) => {
        if (r.status !== 200) throw new Error(`trace ${r.status} ${await r.text()}`);
        const j = (await r.json()) as { stops: unknown[]; contacts: unknown[]; truncated: boolean };
        return { stops: j.stops.length, contacts: j.contacts.length, truncated: j.truncated };
      });
    await timedCalls(10, trace);
    const traces = await timedCalls(TRACE_QUERIES, trace);
    const a = traces.answers as { stops: number; contacts: number; truncated: boolean }[];
    const stats = (days: number) => (i: number) =>
      fetch(`${server!.url}/api/checkpoints/stats?from=${m.addDays(today, -(days - 1))}&to=${today}`, { headers: { cookie } }).then(async (r) => {
        if (r.status !== 200) throw new Error(`stats ${r.status} ${await r.text()}`);
        const j = (await r.json()) as { persons: number; vehicles: number };
        void i;
        return { persons: j.persons, vehicles: j.vehicles };
      });
    // The first call reads every day's rollups; later ones keep the settled days (all but today and yesterday).
    const cold14 = await timedCalls(1, stats(14));
    const s14 = await timedCalls(20, stats(14));
    const cold28 = await timedCalls(1, stats(28));
    const s28 = await timedCalls(10, stats(28));
    const { answers: _a, ...traceFigures } = traces;
    out.trace = {
      ...traceFigures,
      load: load(),
      meanStops: round1(mean(a.map((x) => x.stops))),
      meanContacts: round1(mean(a.map((x) => x.contacts))),
      maxContacts: Math.max(...a.map((x) => x.contacts)),
      truncated: a.filter((x) => x.truncated).length,
      searches: 'idNumber 3/5, phone 1/5, plate 1/5 of random people; 28 days, ±30 min; each audited',
    };
    const strip = (x: Awaited<ReturnType<typeof timedCalls>>) => {
      const { answers, ...rest } = x;
      return { ...rest, answer: answers[0] };
    };
    out.stats14d = { firstCallMs: cold14.maxMs, ...strip(s14), load: load() };
    out.stats28d = { firstCallMs: cold28.maxMs, ...strip(s28) };
    return out;
  } finally {
    await server?.stop();
    await deps.database.close();
    if (!TRACE_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- 3. loss: SIGKILL midway
async function lossOn(databaseUrl: string | undefined): Promise<Record<string, unknown>> {
  const m = await serverModules();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-bench-cpl-'));
  const env = serverEnv(dataDir, databaseUrl);
  const config = m.loadConfig(env);
  let deps = await m.openDeps(config);
  const services = m.makeServices(deps, config);
  const z = await ingestZone(m, services, 'BENCHCPL');
  const token = z.tokenOf(z.checkpoints[0]!.qrUrl);
  await deps.database.close();
  let server: Running | null = await startServer(env);
  const acked = new Map<string, string[]>(); // key → the registration ids of its receipt
  const failed = new Set<number>();
  const statuses: Record<string, number> = {};
  let killedAt = -1;
  let sentBeforeKill = 0;
  let next = 0;
  const keyOf = (i: number) => `loss-${i}-${i.toString(36)}`;
  const send = async (url: string, i: number): Promise<boolean> => {
    try {
      const r = await fetch(`${url}/api/public/checkpoints/${token}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': keyOf(i), 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: INGEST_BODY,
      });
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 200 || r.status === 201) {
        const j = (await r.json()) as { id: string; persons: { id: string }[] };
        acked.set(keyOf(i), [j.id, ...j.persons.map((p) => p.id)]);
        return true;
      }
      await r.arrayBuffer();
      return false;
    } catch {
      return false;
    }
  };
  const t0 = performance.now();
  try {
    // Phase 1: send with 50 in flight; at the half, SIGKILL (the requests in flight die with it).
    const half = Math.floor(LOSS_TOTAL / 2);
    await new Promise<void>((resolve) => {
      let inFlight = 0;
      let done = false;
      const pump = () => {
        while (!done && inFlight < LOSS_IN_FLIGHT && next < LOSS_TOTAL) {
          const i = next++;
          inFlight++;
          void send(server!.url, i).then((ok) => {
            if (!ok) failed.add(i);
            inFlight--;
            if (!done && next >= half && killedAt < 0) {
              killedAt = next;
              sentBeforeKill = next;
              done = true;
              void server!.kill().then(() => {
                // Let the in-flight ones fail.
                const wait = () => (inFlight > 0 ? setTimeout(wait, 20) : resolve());
                wait();
              });
              return;
            }
            pump();
          });
        }
      };
      pump();
    });
    const ackedBeforeKill = acked.size;
    const failedAtKill = failed.size;
    // Phase 2: the server again on the same data; the failed ones again with their keys (a retry), then the rest.
    server = await startServer(env);
    const retry = [...failed];
    failed.clear();
    const rest = Array.from({ length: LOSS_TOTAL - sentBeforeKill }, (_, k) => sentBeforeKill + k);
    const queue = [...retry, ...rest];
    let q = 0;
    await Promise.all(
      Array.from({ length: LOSS_IN_FLIGHT }, async () => {
        while (q < queue.length) {
          const i = queue[q++]!;
          if (!(await send(server!.url, i))) failed.add(i);
        }
      }),
    );
    await server.stop();
    server = null;
    // Every acknowledged registration is in the database, once.
    deps = await m.openDeps(config, { migrate: false });
    // The receipt's id is its first person's: each id once.
    const ids = [...new Set([...acked.values()].flat())];
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await deps.database.db.selectFrom('checkpoint_registrations').select('id').where('zone_id', '=', z.zone.id).where('id', 'in', ids.slice(i, i + 500)).execute()) found.add(r.id);
    }
    const keys = await deps.database.db
      .selectFrom('checkpoint_registrations')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.count<number>('idempotency_key').distinct().as('keys')])
      .where('zone_id', '=', z.zone.id)
      .executeTakeFirstOrThrow();
    return {
      machine: machine(),
      database: deps.database.dialect,
      total: LOSS_TOTAL,
      inFlight: LOSS_IN_FLIGHT,
      killedAfterSending: killedAt,
      ackedBeforeKill,
      failedAtKill,
      retriedWithSameKey: retry.length,
      acknowledged: acked.size,
      stillFailed: failed.size,
      statuses,
      registrationIdsAcknowledged: ids.length,
      lost: ids.length - found.size,
      rowsInDatabase: Number(keys.rows),
      distinctKeysInDatabase: Number(keys.keys),
      seconds: round1((performance.now() - t0) / 1000),
      load: load(),
    };
  } finally {
    await server?.stop();
    await deps.database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- 4. the ceiling: the work no design can skip, and the CPU it takes on these 2 cores
const CLOCK_TICKS_PER_SECOND = 100; // Linux's USER_HZ (getconf CLK_TCK)

/** A process's CPU time so far (all its threads), in µs, from /proc (Linux). */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command's name.
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}

type Measured = Run & { serverMicrosPerRequest: number; serverCores: number; loadGeneratorMicrosPerRequest: number };

/** One load run with the server's and the load generator's (this process's) CPU time per request. */
async function measured(url: string, pid: number, request: AcRequest): Promise<Measured> {
  const server0 = cpuMicros(pid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await cannon(url, request);
  const seconds = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(own0);
  const served = Math.max(1, run.total);
  return {
    ...run,
    serverMicrosPerRequest: Math.round((cpuMicros(pid) - server0) / served),
    serverCores: +((cpuMicros(pid) - server0) / 1e6 / seconds).toFixed(2),
    loadGeneratorMicrosPerRequest: Math.round((own.user + own.system) / served),
  };
}

const CEILING_STEPS = ['http', 'parse', 'seal', 'full', 'thread'] as const;

function startCeilingServer(env: NodeJS.ProcessEnv): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ceiling-server.ts')], { cwd: import.meta.dirname, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ceiling server ${env.CEILING_STEP} exited ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      const m = /ready (\S+)/.exec(d.toString());
      if (m) resolve({ url: m[1]!, pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
  });
}

export async function benchCheckpointsCeiling(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-bench-ceiling-'));
  const { m, env, deps, services } = await openBenchServices(dataDir, undefined);
  const stops: (() => unknown)[] = [];
  try {
    const z = await ingestZone(m, services, 'BENCHCEIL');
    const token = z.tokenOf(z.checkpoints[0]!.qrUrl);
    const bare = await startBareFastify();
    stops.push(bare.stop);
    const app = await startServer(env);
    stops.push(app.stop);
    const loc = deps.database.location;
    if (!('sqliteFile' in loc)) throw new Error('the ceiling runs on SQLite');
    const ceiling: Record<string, { url: string; pid: number }> = {};
    for (const step of CEILING_STEPS) {
      const c = await startCeilingServer({ ...process.env, CEILING_STEP: step, CEILING_ZONE: z.zone.id, CEILING_CHECKPOINT: z.checkpoints[0]!.id, CEILING_SQLITE: loc.sqliteFile, CEILING_SECRET: deps.pii.secretForWorkerThread() });
      stops.push(c.stop);
      ceiling[step] = c;
    }
    const request = registrationPosts('ceil');
    const targets = [
      { name: 'bareFastify', url: bare.url, pid: bare.pid, path: '/r' },
      { name: 'app', url: app.url, pid: app.child.pid!, path: `/api/public/checkpoints/${token}/registrations` },
      ...CEILING_STEPS.map((step) => ({ name: `ceiling.${step}`, url: ceiling[step]!.url, pid: ceiling[step]!.pid, path: '/api/public/registrations' })),
    ];
    for (const t of targets) await autocannon({ url: t.url, connections: 10, duration: 2, requests: [request(t.path)] });
    const runs = new Map<string, Measured[]>(targets.map((t) => [t.name, []]));
    const loads: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const t of targets) runs.get(t.name)!.push(await measured(t.url, t.pid, request(t.path)));
      loads.push(load());
    }
    const bareRps = mean(runs.get('bareFastify')!.map((r) => r.reqPerSec));
    const cores = os.cpus().length;
    const summary = Object.fromEntries(
      [...runs].map(([name, rs]) => {
        const rps = mean(rs.map((r) => r.reqPerSec));
        const server = mean(rs.map((r) => r.serverMicrosPerRequest));
        const generator = mean(rs.map((r) => r.loadGeneratorMicrosPerRequest));
        // With every core busy on this work and the load generator's, no more fits in a second.
        const atFullUse = (cores * 1e6) / (server + generator);
        return [name, { reqPerSec: Math.round(rps), ratioToBare: +(rps / bareRps).toFixed(2), errors: rs.reduce((n, r) => n + r.errors + r.non2xx, 0), p99Ms: Math.max(...rs.map((r) => r.p99Ms)), serverMicrosPerRequest: Math.round(server), serverCores: +mean(rs.map((r) => r.serverCores)).toFixed(2), loadGeneratorMicrosPerRequest: Math.round(generator), reqPerSecWithAllCoresBusy: Math.round(atFullUse), ratioWithAllCoresBusy: +(atFullUse / bareRps).toFixed(2) }];
      }),
    );
    return { machine: machine(), database: 'sqlite', seconds: SECONDS, connections: CONNECTIONS, loads, summary, runs: Object.fromEntries(runs) };
  } finally {
    for (const stop of stops.reverse()) stop();
    await deps.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const benchCheckpointsIngest = () => ingestOn(undefined);
export const benchCheckpointsIngestPg = () => withPgDatabase((url) => ingestOn(url));
export const benchCheckpointsTrace = () => traceOn(undefined);
export const benchCheckpointsTracePg = () => withPgDatabase((url) => traceOn(url), Boolean(TRACE_DIR), 'ss_bench_cp_trace');
export async function benchCheckpointsLoss(): Promise<Record<string, unknown>> {
  return { sqlite: await lossOn(undefined), postgres: await withPgDatabase((url) => lossOn(url)) };
}
