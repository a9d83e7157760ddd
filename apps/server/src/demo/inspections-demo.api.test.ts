// The demo zone's park inspections, seeded on an empty database as `npm start` does: the standard
// specification, the full inspection of 26 Feb 2020 over every park with findings fixed on the spot
// and in the ledger, the follow-ups of the next days (most items closed, a few open, one escalated),
// a demand raised from a finding, a census per park; and today an open round whose tasks wait in
// the demo inspector's list, with today's follow-ups.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Round, Task } from '@shuangsheng/contracts';
import { connect, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { makeTestApp, TEST_DIALECT, type TestApp } from '../test/harness.js';
import { signInAs, type Caller } from '../test/factories.js';
import { seedDemo } from './seed-demo.js';
import { DEMO_ROUND_NAME } from './inspections-demo.js';

let t: TestApp;
let dataDir: string;
let database: Database;
let dbName: string | null = null;
const as: Record<string, Caller> = {};

async function emptyDatabase(): Promise<Database> {
  if (TEST_DIALECT === 'sqlite') return connect({ dataDir });
  const base = new URL(process.env.TEST_DATABASE_URL!);
  dbName = `ss_idemo_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  base.pathname = `/${dbName}`;
  return connect({ dataDir, databaseUrl: base.toString(), poolSize: 5 });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-idemo-'));
  database = await emptyDatabase();
  await migrateToLatest(database);
  t = await makeTestApp({ database });
  await seedDemo(t.deps, t.services, { dataDir });
  const passwords = new Map(
    readFileSync(path.join(dataDir, 'demo-credentials.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/) as [string, string]),
  );
  for (const u of ['admin', 'inspector', 'leader']) as[u] = await signInAs(t.app, u, passwords.get(u)!);
}, 300_000);

afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

const get = async <T>(who: string, url: string): Promise<T> => {
  const res = await as[who]!.call({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
};

describe('the demo’s inspections', () => {
  it('the 26 Feb full inspection covered every park with the standard specification', async () => {
    const rounds = await get<{ items: Round[] }>('admin', '/api/inspections/rounds?pageSize=50');
    const round = rounds.items.find((r) => r.name === DEMO_ROUND_NAME)!;
    expect(round).toMatchObject({ roundDate: '2020-02-26', templateName: '园区疫情防控巡查指导工作规范', templateVersion: 1, tasks: { total: 4, submitted: 4 }, coverage: { parks: { numerator: 4, denominator: 4 } } });
    expect(round.coverage.buildings.numerator).toBeGreaterThan(0);
    expect(round.coverage.enterprises.numerator).toBeGreaterThan(0);
  });

  it('findings fixed on the spot and in the ledger, most closed after daily follow-ups, a few open, one with a demand', async () => {
    const all = await get<{ items: Finding[]; total: number }>('leader', '/api/inspections/findings?pageSize=100&sort=number:asc');
    expect(all.total).toBe(11);
    expect(all.items.filter((f) => f.status === 'fixed_on_spot')).toHaveLength(4);
    expect(all.items.filter((f) => f.status === 'closed')).toHaveLength(5);
    const open = all.items.filter((f) => f.status === 'open');
    expect(open.map((f) => f.itemKey).sort()).toEqual(['canteen_staggered', 'isolation_room']);
    expect(all.items[0]!.number).toBe('XC-20200226-0001');
    const withDemand = all.items.filter((f) => f.demandId);
    expect(withDemand.map((f) => f.itemKey)).toEqual(['supplies_days']);
    expect(await get('leader', `/api/resumption/demands/${withDemand[0]!.demandId}`)).toMatchObject({ category: 'supplies', source: 'visit', status: 'resolved' });
    expect(all.items.filter((f) => f.status === 'closed').every((f) => f.followUps >= 1 && f.closedOn! > f.foundOn)).toBe(true);
    // The weekend's visits were missed: escalated; the passed deadline too.
    const isolation = open.find((f) => f.itemKey === 'isolation_room')!;
    const detail = await get<{ events: { action: string }[] }>('admin', `/api/inspections/findings/${isolation.id}`);
    expect(detail.events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'follow_up', 'follow_up_missed', 'deadline_passed']));
    const stats = await get<{ findings: { total: number }; ledger: { open: number; closed: number }; averageDaysToClose: { denominator: number } }>('leader', '/api/inspections/stats?from=2020-02-26&to=2020-03-04');
    expect(stats).toMatchObject({ findings: { total: 11 }, ledger: { open: 2, closed: 5 }, averageDaysToClose: { denominator: 5 } });
  });

  it('a census per park', async () => {
    const census = await get<{ total: number; items: { censusDate: string; enterprises: number; staffReturned: number; staffLeft: number }[] }>('admin', '/api/inspections/census');
    expect(census.total).toBe(4);
    expect(census.items.every((c) => c.censusDate === '2020-02-26' && c.enterprises > 0 && c.staffReturned <= c.staffLeft)).toBe(true);
  });

  it('today the inspector has an open round’s tasks and today’s follow-ups', async () => {
    const today = t.services.inspections.scope.today();
    const mine = await get<{ items: Task[] }>('inspector', `/api/inspections/tasks?mine=true&dueDate=${today}&pageSize=50`);
    expect(mine.items.filter((x) => x.kind === 'inspection' && x.status === 'pending')).toHaveLength(2);
    expect(mine.items.filter((x) => x.kind === 'follow_up' && x.status === 'pending')).toHaveLength(2);
  });
});
