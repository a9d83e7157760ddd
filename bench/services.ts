// Government services (issue 3) under load, on the built server (apps/server/dist, PORT=0, a temp
// DATA_DIR, demo off), SQLite by default; `services-pg` runs the same on PostgreSQL.
//   1. The public paths a QR code drives: licence verification and the progress lookup, side by
//      side with GET /api/health on the same server (and one run of a bare Fastify hello-world).
//   2. Enterprise users submitting prepared drafts at -c 20 and -c 50, side by side with a
//      one-row authenticated write (POST /api/consultations: one row + its audit row); afterwards
//      the day's numbers are checked to be unique and gap-free.
//   3. Statistics over 14 and 366 days, the open workbench list and the queue counts over a
//      history of 20,000 applications spread over 60 days (inserted straight through Kysely),
//      20 sequential calls each; then, in this process, where the statistics' time goes.
// autocannon runs in this process, on the same 2 cores as the server (as in DEPENDENCIES.md).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { creditCodeCheckChar, orgCodeCheckChar, permissionsOf, ServiceItemInput, type Role } from '@shuangsheng/contracts';
import { openDeps } from '../apps/server/dist/bootstrap.js';
import { loadConfig } from '../apps/server/dist/config.js';
import { makeServices } from '../apps/server/dist/services.js';
import { newId } from '../apps/server/dist/platform/ids.js';
import { addDays, todayIn, workingDaysBetween } from '../apps/server/dist/platform/calendar.js';
import { systemCtx, type Ctx } from '../apps/server/dist/platform/context.js';
import { applicationNumber } from '../apps/server/dist/modules/services/applications.service.js';
import { makeApplicationsRepo } from '../apps/server/dist/modules/services/applications.repo.js';
import type { ApplicationsTable, ApplicationEventsTable, LicencesTable } from '../apps/server/dist/db/schema.js';
import type * as KyselyModule from 'kysely';
import type * as PgModule from 'pg';
import { buildIfStale, SERVER, startServer, type Running } from './common.js';

const requireServer = createRequire(path.join(SERVER, 'package.json'));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 20_000);
const HISTORY_DAYS = 60;
const ENTERPRISE_USERS = 50;
const OFFICERS = 3;
const LATENCY_RUNS = 20;
const PASSWORD = 'Bench-Passw0rd-2026';
const TZ = 'Asia/Shanghai';

// ---- autocannon, typed as far as used here
type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: AcRequest) => AcRequest };
type AcResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
};
type Autocannon = (opts: { url: string; connections: number; duration: number; requests?: AcRequest[]; headers?: Record<string, string> }) => Promise<AcResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type Run = { reqPerSec: number; p50Ms: number; p99Ms: number; total: number; non2xx: number; errors: number; codes: Record<string, number> };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
/** 1-minute load average of the machine (2 cores): other work on it moves every figure. */
const load = () => round1(os.loadavg()[0]!);

async function cannon(url: string, connections: number, request: AcRequest): Promise<Run> {
  const r = await autocannon({ url, connections, duration: SECONDS, requests: [request] });
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return { reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts, codes };
}

/** Median req/s and p99 of several runs, with the runs. */
function summary(runs: Run[]) {
  return { reqPerSec: median(runs.map((r) => r.reqPerSec)), p99Ms: median(runs.map((r) => r.p99Ms)), p50Ms: median(runs.map((r) => r.p50Ms)), runs };
}

async function startBareFastify(): Promise<{ url: string; stop: () => void }> {
  const code = `import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ hello: 'world' })); const a = await app.listen({ port: 0, host: '127.0.0.1' }); console.log('ready ' + a);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: SERVER, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((r) => child.stdout!.on('data', (d: Buffer) => /ready (\S+)/.test(d.toString()) && r(/ready (\S+)/.exec(d.toString())![1]!)));
  return { url, stop: () => child.kill('SIGTERM') };
}

// ---- data
function validCreditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = 'MA' + Array.from(randomBytes(6), (b) => chars[b % chars.length]).join('');
  const first17 = `91510300${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function actorCtx(zoneId: string, user: { id: string; username: string; displayName: string }, roles: Role[], enterpriseId: string | null): Ctx {
  return { actor: { userId: user.id, username: user.username, displayName: user.displayName, homeZoneId: zoneId, roles, permissions: permissionsOf(roles), enterpriseId }, zoneId, requestId: null, ip: null, lang: 'zh-CN' };
}

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

type Deps = Awaited<ReturnType<typeof openDeps>>;
type Services = ReturnType<typeof makeServices>;
type Setup = Awaited<ReturnType<typeof setUp>>;

async function setUp(deps: Deps, services: Services) {
  const zone = await services.org.zones.create({ code: 'BENCH', name: '基准高新区' });
  const sys = systemCtx(zone.id, 'bench');
  const mkUser = (username: string, roles: Role[], enterpriseId: string | null = null) => services.org.users.create(sys, { username, displayName: username, roles, enterpriseId, password: PASSWORD });
  const officers = [];
  for (let i = 0; i < OFFICERS; i++) officers.push(await mkUser(`officer${i}`, ['approval_officer']));
  const applicants: { id: string; username: string; displayName: string; enterpriseId: string }[] = [];
  for (let i = 0; i < ENTERPRISE_USERS; i++) {
    const e = await services.enterprises.create(sys, { creditCode: validCreditCode(), name: `基准企业${i}`, aboveScale: false, cityMonitored: false });
    const u = await mkUser(`ent${String(i).padStart(2, '0')}`, ['enterprise_user'], e.id);
    applicants.push({ id: u.id, username: u.username, displayName: u.displayName, enterpriseId: e.id });
  }
  const item = (code: string, name: string, department: string, category: string, licenceName: string | null, fullyElectronic: boolean) =>
    services.catalogue.create(
      sys,
      ServiceItemInput.parse({
        code,
        name,
        department,
        category,
        applicantTypes: ['enterprise'],
        legalDays: 20,
        promisedDays: 5,
        materials: [{ key: 'form', name: '申请表', required: true, fileTypes: ['pdf'] }],
        fields: [{ key: 'purpose', label: '申请事由', type: 'text', required: true }],
        fullyElectronic,
        licenceName,
      }),
    );
  const items = [
    await item('SI-BENCH-1', '食品经营许可', '市场监督管理局', 'enterprise_establishment', '食品经营许可证', true),
    await item('SI-BENCH-2', '营业执照变更', '市场监督管理局', 'change_registration', '营业执照', true),
    await item('SI-BENCH-3', '就业登记', '人力资源和社会保障局', 'employment_registration', null, false),
    await item('SI-BENCH-4', '施工许可', '住房和城乡建设局', 'construction_permit', '建筑工程施工许可证', false),
  ];
  // One real draft per item through the service, with its material: the rows everything else is cloned from.
  const templates: { row: ApplicationsTable; fileId: string }[] = [];
  for (const it of items) {
    const a = applicants[0]!;
    const ctx = actorCtx(zone.id, a, ['enterprise_user'], a.enterpriseId);
    const draft = await services.applications.create(ctx, { itemId: it.id, applicantType: 'enterprise', applicant: { name: '王经办', phone: '13812345678' }, channel: 'online', delivery: 'electronic', form: { purpose: '复工复产' } });
    const withForm = await services.applications.uploadMaterial(ctx, draft.id, 'form', MINIMAL_PDF, 'form.pdf');
    const row = (await deps.database.db.selectFrom('applications').selectAll().where('id', '=', draft.id).executeTakeFirstOrThrow()) as ApplicationsTable;
    templates.push({ row, fileId: withForm.materials[0]!.fileId });
  }
  return { zone, officers, applicants, items, templates };
}

async function insertChunked<T>(deps: Deps, table: 'applications' | 'application_events' | 'application_materials' | 'licences' | 'number_counters', rows: T[], per = 400) {
  await deps.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += per) await trx.insertInto(table).values(rows.slice(i, i + per) as never).execute();
  });
}

/** HISTORY applications submitted over the HISTORY_DAYS before today, with events, licences and counters. */
async function insertHistory(deps: Deps, s: Setup, today: string) {
  const rand = rng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const apps: ApplicationsTable[] = [];
  const events: ApplicationEventsTable[] = [];
  const licences: LicencesTable[] = [];
  const perDay = new Map<string, number>();
  const lcPerYear = new Map<string, number>();
  const first = addDays(today, -HISTORY_DAYS);
  const dayStart = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
  const ev = (a: ApplicationsTable, at: number, action: string, from: string | null, to: string): ApplicationEventsTable => ({ id: newId(), zone_id: a.zone_id, application_id: a.id, at, actor_id: null, actor_name: 'bench', action, from_status: from, to_status: to, comment: null, corrections_json: null });
  for (let i = 0; i < HISTORY; i++) {
    const t = pick(s.templates);
    const submittedOn = addDays(first, Math.floor(rand() * HISTORY_DAYS)); // first … today-1
    const age = HISTORY_DAYS - Math.round((dayStart(submittedOn) - dayStart(first)) / 86_400_000);
    const seq = (perDay.get(submittedOn) ?? 0) + 1;
    perDay.set(submittedOn, seq);
    const u = pick(s.applicants);
    const officer = pick(s.officers);
    const channel = rand() < 0.7 ? 'online' : rand() < 0.85 ? 'counter' : 'mail';
    const delivery = rand() < 0.6 ? 'electronic' : rand() < 0.75 ? 'pickup' : 'mail';
    const submittedAt = dayStart(submittedOn) + 9 * 3_600_000 + Math.floor(rand() * 8 * 3_600_000);
    // Recent ones are still open more often; older ones are mostly decided.
    const r = rand();
    const open = age <= 10 ? r < 0.5 : r < 0.04;
    let status: string;
    if (open) status = pick(['submitted', 'accepted', 'accepted', 'under_review', 'under_review', 'correction', 'resubmitted']);
    else status = r < 0.985 ? (rand() < 0.86 ? 'approved' : pick(['denied', 'refused', 'withdrawn'])) : 'approved';
    const accepted = status !== 'submitted' && status !== 'refused' && !(status === 'withdrawn' && rand() < 0.5);
    const acceptedOn = accepted ? addDays(submittedOn, rand() < 0.7 ? 0 : 1) : null;
    const dueDate = acceptedOn ? addDays(acceptedOn, 7) : null;
    const final = ['approved', 'denied', 'refused', 'withdrawn'].includes(status);
    let completedOn: string | null = null;
    if (final) {
      completedOn = addDays(acceptedOn ?? submittedOn, Math.floor(rand() * 9));
      if (completedOn >= today) completedOn = addDays(today, -1);
    }
    const corrections = status === 'correction' || status === 'resubmitted' || (acceptedOn !== null && rand() < 0.08) ? 1 : 0;
    const a = {
      ...t.row,
      id: newId(),
      number: applicationNumber(submittedOn, seq),
      status,
      enterprise_id: u.enterpriseId,
      created_by: u.id,
      applicant_name: `经办人${i}`,
      channel,
      delivery,
      mail_address: delivery === 'mail' ? '高新区科创路 1 号' : null,
      e_signed: channel === 'online' && rand() < 0.8 ? 1 : 0,
      assignee_id: status === 'submitted' ? null : officer.id,
      // Older schemas kept a count of corrections on the row; newer ones count the events.
      ...('correction_count' in t.row ? { correction_count: corrections } : {}),
      paused_since: status === 'correction' ? addDays(submittedOn, 2) : null,
      paused_days: corrections && status !== 'correction' ? 2 : 0,
      refuse_reason: status === 'refused' ? '材料不全' : null,
      decision_reason: status === 'denied' ? '不符合条件' : null,
      submitted_at: submittedAt,
      submitted_on: submittedOn,
      accepted_on: acceptedOn,
      due_date: dueDate,
      completed_on: completedOn,
      version: 3,
      created_at: submittedAt - 600_000,
      updated_at: submittedAt + 3_600_000,
    } as ApplicationsTable;
    apps.push(a);
    events.push(ev(a, submittedAt, 'submit', 'draft', 'submitted'));
    if (acceptedOn) events.push(ev(a, submittedAt + 3_600_000, 'accept', 'submitted', 'accepted'));
    if (corrections) events.push(ev(a, submittedAt + 2 * 86_400_000, 'request_correction', 'accepted', 'correction'));
    if (corrections && status !== 'correction') events.push(ev(a, submittedAt + 4 * 86_400_000, 'resubmit', 'correction', 'resubmitted'));
    if (completedOn) events.push(ev(a, dayStart(completedOn) + 15 * 3_600_000, status === 'approved' ? 'approve' : status === 'refused' ? 'refuse' : status === 'denied' ? 'deny' : 'withdraw', acceptedOn ? 'accepted' : 'submitted', status));
    const licenceName = (JSON.parse(t.row.item_json) as { licenceName: string | null }).licenceName;
    if (status === 'approved' && licenceName) {
      const year = completedOn!.slice(0, 4);
      const n = (lcPerYear.get(year) ?? 0) + 1;
      lcPerYear.set(year, n);
      licences.push({ id: newId(), zone_id: a.zone_id, application_id: a.id, number: `BENCH-${year}-${String(n).padStart(6, '0')}`, code: randomBytes(24).toString('base64url'), licence_name: licenceName, holder_name: `基准企业`, item_name: a.item_name, issued_on: completedOn!, file_id: null, status: rand() < 0.02 ? 'revoked' : 'valid', revoked_at: null, revoked_by: null, revoke_reason: null, created_at: dayStart(completedOn!) + 15 * 3_600_000 });
    }
  }
  const counters = [
    ...[...perDay].map(([day, last]) => ({ zone_id: s.zone.id, series: 'SV', day, last })),
    ...[...lcPerYear].map(([year, last]) => ({ zone_id: s.zone.id, series: 'LC', day: year, last })),
  ];
  const t0 = performance.now();
  await insertChunked(deps, 'applications', apps, 300);
  await insertChunked(deps, 'application_events', events);
  await insertChunked(deps, 'licences', licences);
  await insertChunked(deps, 'number_counters', counters);
  return { ms: Math.round(performance.now() - t0), applications: apps.length, events: events.length, licences, numbers: apps.map((a) => a.number!) };
}

/** n drafts of the licence-issuing, fully-electronic item, round robin over the applicants, each with its form uploaded. */
async function insertDrafts(deps: Deps, s: Setup, n: number): Promise<{ id: string; userIndex: number }[]> {
  const t = s.templates[0]!;
  const now = Date.now();
  const drafts: ApplicationsTable[] = [];
  const materials = [];
  const out: { id: string; userIndex: number }[] = [];
  for (let i = 0; i < n; i++) {
    const userIndex = i % s.applicants.length;
    const u = s.applicants[userIndex]!;
    const id = newId();
    drafts.push({ ...t.row, id, enterprise_id: u.enterpriseId, created_by: u.id, created_at: now, updated_at: now });
    materials.push({ id: newId(), zone_id: s.zone.id, application_id: id, material_key: 'form', file_id: t.fileId, uploaded_by: u.id, uploaded_at: now, replaced_at: null });
    out.push({ id, userIndex });
  }
  await insertChunked(deps, 'applications', drafts, 300);
  await insertChunked(deps, 'application_materials', materials);
  return out;
}

// ---- HTTP helpers
async function login(url: string, username: string, ip: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const m = /ss_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  return `ss_session=${m![1]}`;
}

/** LATENCY_RUNS sequential GETs after 2 warm-ups: median and p99 (of 20 runs: the slowest but one) in ms. */
async function latency(url: string, cookie: string, pathAndQuery: string) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < LATENCY_RUNS + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url + pathAndQuery, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${body.slice(0, 300)}`);
    if (i >= 2) ms.push(performance.now() - t0);
    bytes = body.length;
  }
  return { medianMs: round1(median(ms)), p99Ms: round1(pct(ms, 99)), maxMs: round1(Math.max(...ms)), minMs: round1(Math.min(...ms)), bodyBytes: bytes };
}

async function timeIt<T>(f: () => Promise<T>, n = 5): Promise<{ ms: number; value: T }> {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = await f();
    ms.push(performance.now() - t0);
  }
  return { ms: round1(median(ms)), value };
}

/** Where a statistics call spends its time: the same queries the service makes, and its per-day JS filtering. */
async function statsBreakdown(deps: Deps, services: Services, s: Setup, from: string, to: string) {
  const ctx = systemCtx(s.zone.id, 'bench');
  const repo = makeApplicationsRepo(deps.database.db, deps.database.dialect);
  const total = await timeIt(() => services.stats.stats(ctx, { from, to }));
  const rows = await timeIt(() => repo.statsRows(s.zone.id, { from, to }));
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= to;
  const received = rows.value.filter((r) => inPeriod(r.accepted_on));
  const completed = rows.value.filter((r) => r.status === 'approved' && inPeriod(r.completed_on));
  const licenced = await timeIt(() => repo.licencedIds(s.zone.id, completed.map((r) => r.id)));
  const overdue = await timeIt(() => repo.overdueOpen(s.zone.id, to, {}));
  // By day as the service now counts (one pass into maps), and as it did before (a filter of all rows per day).
  const byDay = await timeIt(async () => {
    const count = (rows: typeof received, key: (r: (typeof received)[number]) => string) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return m;
    };
    const rec = count(received, (r) => r.accepted_on!);
    const com = count(completed, (r) => r.completed_on!);
    const out = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, received: rec.get(d) ?? 0, completed: com.get(d) ?? 0 });
    return out;
  });
  const byDayFilterPerDay = await timeIt(async () => {
    const out = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, received: received.filter((r) => r.accepted_on === d).length, completed: completed.filter((r) => r.completed_on === d).length });
    return out;
  }, 3);
  const itemJson = await timeIt(async () => completed.filter((r) => (JSON.parse(r.item_json) as { licenceName: string | null }).licenceName !== null).length);
  const workingDays = await timeIt(async () => {
    const earliest = completed.reduce((m, r) => (r.accepted_on && r.accepted_on < m ? r.accepted_on : m), from);
    const exceptions = await services.calendar.exceptions(s.zone.id, earliest, to);
    return completed.reduce((sum, r) => sum + Math.max(0, workingDaysBetween(r.accepted_on ?? r.completed_on!, r.completed_on!, exceptions) - r.paused_days), 0);
  });
  // The row query as the repository writes it, without the per-row EXISTS over the events, and
  // without the item snapshot too: what each part of the SELECT costs.
  const base = () =>
    deps.database.db
      .selectFrom('applications')
      .where('zone_id', '=', s.zone.id)
      .where((eb) => eb.or([eb.and([eb('accepted_on', '>=', from), eb('accepted_on', '<=', to)]), eb.and([eb('completed_on', '>=', from), eb('completed_on', '<=', to)])]));
  const cols = ['id', 'status', 'department', 'category', 'channel', 'delivery', 'e_signed', 'accepted_on', 'completed_on', 'due_date', 'paused_days'] as const;
  const noExists = await timeIt(() => base().select([...cols, 'item_json']).execute());
  const noItemJson = await timeIt(() => base().select([...cols]).execute());
  return {
    period: `${from}..${to}`,
    statsRowsWithoutExistsMs: noExists.ms,
    statsRowsWithoutExistsAndItemJsonMs: noItemJson.ms,
    rows: rows.value.length,
    received: received.length,
    completed: completed.length,
    totalMs: total.ms,
    statsRowsQueryMs: rows.ms,
    licencedIdsMs: licenced.ms,
    licencedIdsQueries: Math.ceil(completed.length / 500),
    overdueOpenMs: overdue.ms,
    byDayMapsMs: byDay.ms,
    byDayFilterPerDayMs: byDayFilterPerDay.ms,
    itemJsonParseMs: itemJson.ms,
    workingDaysMs: workingDays.ms,
    restMs: round1(total.ms - rows.ms - licenced.ms - overdue.ms - byDay.ms - itemJson.ms - workingDays.ms),
  };
}

/** The public lookup's query by number alone (as the repository has it), and the same with the zone the link carries. */
async function lookupBreakdown(deps: Deps, services: Services, s: Setup, numbers: string[]) {
  const repo = makeApplicationsRepo(deps.database.db, deps.database.dialect);
  let i = 0;
  const n = () => numbers[(i++ * 7919) % numbers.length]!;
  const service = await timeIt(() => services.applications.lookup(n(), '5678', 'BENCH'), 20);
  const byNumber = await timeIt(() => repo.byNumber(n()), 20);
  const withZone = await timeIt(() => deps.database.db.selectFrom('applications').selectAll().where('zone_id', '=', s.zone.id).where('number', '=', n()).execute(), 20);
  return { serviceMs: service.ms, byNumberQueryMs: byNumber.ms, byZoneAndNumberQueryMs: withZone.ms };
}

async function sqlitePlans(deps: Deps, zoneId: string) {
  const { sql } = requireServer('kysely') as typeof KyselyModule;
  const plan = async (q: string, params: unknown[]) => {
    const rows = await sql.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.replace(/\?/g, () => `'${String(params.shift())}'`)}`).execute(deps.database.db);
    return rows.rows.map((r) => r.detail);
  };
  return {
    lookupByNumber: await plan('select * from applications where number = ?', ['SV-20260101-000001']),
    licenceByCode: await plan('select * from licences where code = ?', ['x']),
    statsRows: await plan('select id from applications where zone_id = ? and ((accepted_on >= ? and accepted_on <= ?) or (completed_on >= ? and completed_on <= ?))', [zoneId, '2026-01-01', '2026-12-31', '2026-01-01', '2026-12-31']),
    openListByDue: await plan(`select * from applications where zone_id = ? and status in ('submitted','accepted','under_review','correction','resubmitted') order by due_date asc, id desc limit 20`, [zoneId]),
  };
}

// ---- the bench
async function benchOn(databaseUrl: string | undefined): Promise<Record<string, unknown>> {
  const built = buildIfStale();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-bench-services-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SHUANGSHENG_DEMO: 'off', LOG_LEVEL: 'warn', TZ_ZONE: TZ };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  const config = loadConfig(env);
  const deps = await openDeps(config);
  const services = makeServices(deps, config);
  let server: Running | null = null;
  const out: Record<string, unknown> = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: deps.database.dialect,
    seconds: SECONDS,
    rounds: ROUNDS,
    rebuilt: built,
    loadAtStart: load(),
  };
  try {
    const t0 = performance.now();
    const s = await setUp(deps, services);
    const today = todayIn(TZ, Date.now());
    const history = await insertHistory(deps, s, today);
    out.setup = { ms: Math.round(performance.now() - t0), historyInsertMs: history.ms, applications: history.applications, events: history.events, licences: history.licences.length, enterpriseUsers: ENTERPRISE_USERS, officers: OFFICERS };
    if (deps.database.dialect === 'sqlite') out.sqlitePlans = await sqlitePlans(deps, s.zone.id);
    else await (requireServer('kysely') as typeof KyselyModule).sql`analyze`.execute(deps.database.db);

    server = await startServer(env);
    const url = server.url;
    let ipSeq = 0;
    const nextIp = () => {
      ipSeq++;
      return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
    };
    const officerCookie = await login(url, 'officer0', nextIp());
    const cookies: string[] = [];
    for (const a of s.applicants) cookies.push(await login(url, a.username, nextIp()));

    // 1. public paths, rounds interleaved with the health baseline
    const codes = history.licences.map((l) => l.code);
    const numbers = history.numbers;
    const health: Run[] = [];
    const verify: Run[] = [];
    const lookup: Run[] = [];
    const rand = rng(7);
    for (let r = 0; r < ROUNDS; r++) {
      health.push(await cannon(url, 50, { method: 'GET', path: '/api/health' }));
      verify.push(await cannon(url, 50, { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/public/licences/${codes[Math.floor(rand() * codes.length)]}` }) }));
      lookup.push(
        await cannon(url, 50, {
          method: 'POST',
          path: '/api/public/applications/lookup',
          setupRequest: (req) => ({
            ...req,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
            body: JSON.stringify({ zone: 'BENCH', number: numbers[Math.floor(rand() * numbers.length)], phoneLast4: '5678' }),
          }),
        }),
      );
    }
    // The limit itself: one address, 1 s — everything past the 10th request is a 429.
    const oneAddress = await autocannon({ url, connections: 10, duration: 1, requests: [{ method: 'POST', path: '/api/public/applications/lookup', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' }, body: JSON.stringify({ zone: 'BENCH', number: numbers[0], phoneLast4: '5678' }) }] });
    const bare = await startBareFastify();
    const hello = await cannon(bare.url, 50, { method: 'GET', path: '/' });
    bare.stop();
    const h = summary(health);
    const v = summary(verify);
    const l = summary(lookup);
    out.public = {
      load: load(),
      health: h,
      licenceVerify: { ...v, ratioToHealth: +(v.reqPerSec / h.reqPerSec).toFixed(2) },
      progressLookup: { ...l, ratioToHealth: +(l.reqPerSec / h.reqPerSec).toFixed(2), note: 'a fresh x-forwarded-for per request (the server trusts 127.0.0.1 as its proxy); the 10/min limit per address is untouched' },
      lookupOneAddress: { total: oneAddress.requests.total, codes: Object.fromEntries(Object.entries(oneAddress.statusCodeStats ?? {}).map(([k, x]) => [k, x.count])) },
      bareFastifyHello: { ...hello, healthRatioToHello: +(h.reqPerSec / hello.reqPerSec).toFixed(2) },
    };

    // 3. reading at volume (before the submissions add more open applications)
    const last14 = { from: addDays(today, -13), to: today };
    const last366 = { from: addDays(today, -365), to: today };
    out.reads = {
      loadBefore: load(),
      stats14d: await latency(url, officerCookie, `/api/services/stats?from=${last14.from}&to=${last14.to}`),
      stats366d: await latency(url, officerCookie, `/api/services/stats?from=${last366.from}&to=${last366.to}`),
      workbenchOpenByDue: await latency(url, officerCookie, '/api/applications?open=true&sort=dueDate:asc'),
      queues: await latency(url, officerCookie, '/api/applications/queues'),
      health: await latency(url, officerCookie, '/api/health'),
    };
    out.lookupBreakdown = await lookupBreakdown(deps, services, s, numbers);
    out.statsBreakdown = [await statsBreakdown(deps, services, s, last14.from, last14.to), await statsBreakdown(deps, services, s, last366.from, last366.to)];
    // On SQLite a query and the JS after it hold the one event loop: what a long statistics call
    // does to everybody else. Health at -c 10, alone and while an officer asks for 366 days in a loop.
    const alone = await cannon(url, 10, { method: 'GET', path: '/api/health' });
    let statsCalls = 0;
    let loop = true;
    const statsLoop = (async () => {
      while (loop) {
        await (await fetch(`${url}/api/services/stats?from=${last366.from}&to=${last366.to}`, { headers: { cookie: officerCookie } })).arrayBuffer();
        statsCalls++;
      }
    })();
    const duringStats = await cannon(url, 10, { method: 'GET', path: '/api/health' });
    loop = false;
    await statsLoop;
    out.healthWhileStats366d = { alone, duringStats, statsCalls, load: load() };

    // 2. submissions vs a one-row authenticated write, at -c 20 and -c 50
    const writes: Record<'c20' | 'c50', { consultations: Run[]; submit: Run[] }> = { c20: { consultations: [], submit: [] }, c50: { consultations: [], submit: [] } };
    let handedOut = 0;
    let pool: { id: string; userIndex: number }[] = [];
    let ranOut = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of [20, 50] as const) {
        const key = `c${c}` as const;
        let k = 0;
        writes[key].consultations.push(
          await cannon(url, c, {
            method: 'POST',
            path: '/api/consultations',
            setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', cookie: cookies[k++ % cookies.length]! }, body: JSON.stringify({ title: '复工政策咨询', question: `请问复工备案需要哪些材料？(${k})` }) }),
          }),
        );
        // Enough drafts for this run (submitting is no faster than the one-row write), inserted while the server is idle.
        const lastSubmit = writes[key].submit.at(-1)?.reqPerSec ?? 0;
        pool = await insertDrafts(deps, s, Math.ceil(Math.max(writes[key].consultations.at(-1)!.reqPerSec, lastSubmit) * SECONDS * 1.5) + 500);
        let next = 0;
        const run = await cannon(url, c, {
          method: 'POST',
          setupRequest: (req) => {
            const d = pool[next++ % pool.length]!;
            return { ...req, path: `/api/applications/${d.id}/actions/submit`, headers: { 'content-type': 'application/json', cookie: cookies[d.userIndex]! }, body: '{"eSign":true}' };
          },
        });
        // Past the pool, drafts would be submitted twice (409s): counted, and the run says so.
        if (next > pool.length) ranOut += next - pool.length;
        handedOut += Math.min(next, pool.length);
        writes[key].submit.push(run);
      }
    }
    // Let the last requests finish, then check the numbers of every submission.
    await new Promise((r) => setTimeout(r, 1000));
    const submitted = await deps.database.db.selectFrom('applications').select(['number', 'submitted_on']).where('zone_id', '=', s.zone.id).where('submitted_on', '>=', today).where('number', 'is not', null).execute();
    const byDay = new Map<string, number[]>();
    for (const a of submitted) {
      const m = /^SV-(\d{8})-(\d{6})$/.exec(a.number!)!;
      byDay.set(m[1]!, [...(byDay.get(m[1]!) ?? []), Number(m[2])]);
    }
    const check = [...byDay].map(([day, seqs]) => {
      const unique = new Set(seqs).size;
      const max = Math.max(...seqs);
      return { day, submitted: seqs.length, unique, max, uniqueAndGapFree: unique === seqs.length && max === seqs.length && Math.min(...seqs) === 1 };
    });
    const ok2xx = Object.values(writes).flatMap((w) => w.submit).reduce((n, r) => n + (r.codes['200'] ?? 0), 0);
    const w = (key: 'c20' | 'c50') => {
      const cons = summary(writes[key].consultations);
      const sub = summary(writes[key].submit);
      return { consultationsBaseline: cons, submit: { ...sub, ratioToBaseline: +(sub.reqPerSec / cons.reqPerSec).toFixed(2) } };
    };
    out.submissions = { c20: w('c20'), c50: w('c50'), draftsHandedOut: handedOut, answered200: ok2xx, requestsPastThePool: ranOut, numbers: check, load: load() };
    return out;
  } finally {
    await server?.stop();
    await deps.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const benchServices = () => benchOn(undefined);

/**
 * The same on PostgreSQL: a database of its own (ss_bench, dropped and created again) on the
 * server BENCH_PG_ADMIN_URL names (default: the local cluster scripts/ensure-postgres.sh sets up,
 * which is not run here because it recreates the test database).
 */
export async function benchServicesPg(): Promise<Record<string, unknown>> {
  const admin = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://shuangsheng:shuangsheng@127.0.0.1:5432/postgres';
  const pg = requireServer('pg') as typeof PgModule;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query('drop database if exists ss_bench with (force)');
  await client.query('create database ss_bench');
  await client.end();
  const u = new URL(admin);
  u.pathname = '/ss_bench';
  try {
    return await benchOn(u.toString());
  } finally {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query('drop database if exists ss_bench with (force)');
    await c.end();
  }
}
