// The demo zone's resumption records, seeded on an empty database as `npm start` does: as of
// 24 Feb 2020 they say what Chongqing reported (4/4, 10/11, 73/102), approvals start on 10 Feb,
// the Bosch-like plan brings back 140 of 200, 11 enterprises' financing needs total 340 million
// yuan, 40 of 46 major projects restarted; and today the commissioner has work on the workbench.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { makeTestApp, TEST_DIALECT, type TestApp } from '../test/harness.js';
import { signInAs, type Caller } from '../test/factories.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
let dataDir: string;
let database: Database;
let dbName: string | null = null;
let seedMs = 0;
const as: Record<string, Caller> = {};

/** An empty database of its own: the demo's zone code is fixed, so it cannot share one. */
async function emptyDatabase(): Promise<Database> {
  if (TEST_DIALECT === 'sqlite') return connect({ dataDir });
  const base = new URL(process.env.TEST_DATABASE_URL!);
  dbName = `ss_demo_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  base.pathname = `/${dbName}`;
  return connect({ dataDir, databaseUrl: base.toString(), poolSize: 5 });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-demo-'));
  database = await emptyDatabase();
  await migrateToLatest(database);
  t = await makeTestApp({ database });
  const started = Date.now();
  await seedDemo(t.deps, t.services, { dataDir });
  seedMs = Date.now() - started;
  const passwords = new Map(
    readFileSync(path.join(dataDir, 'demo-credentials.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/) as [string, string]),
  );
  for (const u of ['leader', 'commissioner', 'approver', 'enterprise']) as[u] = await signInAs(t.app, u, passwords.get(u)!);
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

const get = async (who: string, url: string) => {
  const res = await as[who]!.call({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};
type Ratio = { numerator: number; denominator: number; value: number | null };
const tier = (s: { tiers: { tier: string; ratio: Ratio }[] }, name: string) => s.tiers.find((x) => x.tier === name)!.ratio;

describe('the demo as of 24 Feb 2020', () => {
  it('says 4/4 = 100%, 10/11 = 90.9%, 73/102 = 71.6%, with a share of the small ones, one suspended', async () => {
    console.info(`demo seeded in ${seedMs} ms`);
    const s = await get('leader', '/api/resumption/stats?asOf=2020-02-24');
    expect(tier(s, 'ten_billion')).toEqual({ numerator: 4, denominator: 4, value: 1 });
    expect(tier(s, 'billion')).toEqual({ numerator: 10, denominator: 11, value: 0.9091 });
    expect(tier(s, 'hundred_million')).toEqual({ numerator: 73, denominator: 102, value: 0.7157 });
    expect(tier(s, 'other').denominator).toBe(183);
    expect(tier(s, 'other').value).toBeGreaterThan(0.2);
    expect(tier(s, 'other').value).toBeLessThan(0.5);
    expect(s.enterprises.byStatus.suspended).toBe(1);
    expect(s.enterprises.byStatus.filed).toBeGreaterThanOrEqual(13);
    expect(s.majorProjects).toEqual({ numerator: 40, denominator: 46, value: 0.8696 });
    expect(s.staffReturn.value).toBeGreaterThan(0.3);
    expect(s.staffReturn.value).toBeLessThan(1);
    expect(s.capacity.value).toBeGreaterThanOrEqual(40);
    expect(s.capacity.value).toBeLessThanOrEqual(95);
    const open = s.openDemands.reduce((n: number, d: { open: number }) => n + d.open, 0);
    expect(open).toBeGreaterThanOrEqual(5);
    expect(s.openDemands.some((d: { overdue: number }) => d.overdue > 0)).toBe(true);
    expect(s.supplyChains.length).toBeGreaterThan(0);
    expect(s.parks).toHaveLength(4);
    // The trend climbs from the first approvals.
    expect(s.trend[0].date).toBe('2020-02-11');
    expect(s.trend[0].resumed).toBeLessThan(s.trend.at(-1).resumed / 4);
    expect(s.trend.at(-1).resumed).toBe(s.overall.numerator);
  });

  it('has no approval before 10 Feb (restart was barred before 24:00 on 9 Feb)', async () => {
    expect((await get('leader', '/api/resumption/stats?asOf=2020-02-09')).overall.numerator).toBe(0);
    expect(tier(await get('leader', '/api/resumption/stats?asOf=2020-02-10'), 'ten_billion').numerator).toBeGreaterThan(0);
  });

  it('has the Bosch-like plan drafted with its commissioner: 140 of 200 staff back (70%)', async () => {
    const plans = await get('leader', `/api/resumption/plans?q=${encodeURIComponent('博盛')}`);
    expect(plans.total).toBe(1);
    const plan = plans.items[0];
    expect(plan).toMatchObject({ status: 'approved', approvedOn: '2020-02-13', commissioner: { name: '黄志刚（驻企特派员）' } });
    expect(plan.fields).toMatchObject({ employeesTotal: 200, plannedOnSite: 140 });
    const detail = await get('leader', `/api/resumption/plans/${plan.id}`);
    expect(detail.events.find((e: { action: string }) => e.action === 'create').actorName).toBe('黄志刚（驻企特派员）');
    const reports = await get('leader', `/api/resumption/daily-reports?enterpriseId=${plan.enterpriseId}&to=2020-02-24&sort=reportDate:desc`);
    expect(reports.items[0]).toMatchObject({ reportDate: '2020-02-24', staffOnSite: 140, employees: 200 });
  });

  it('has 11 enterprises’ financing needs totalling 340 million yuan, visits explaining the 14 measures, supplies and escalations', async () => {
    const funding = await get('leader', '/api/resumption/demands?category=funding&pageSize=200');
    expect(new Set(funding.items.map((d: { enterpriseId: string }) => d.enterpriseId)).size).toBe(11);
    const total = funding.items.reduce((n: number, d: { description: string }) => n + Number(/需求 (\d+) 万元/.exec(d.description)![1]), 0);
    expect(total).toBe(34_000);
    const demands = await get('leader', '/api/resumption/demands?pageSize=200');
    expect(demands.total).toBeGreaterThanOrEqual(35);
    expect(demands.total).toBeLessThanOrEqual(45);
    expect(new Set(demands.items.map((d: { category: string }) => d.category)).size).toBe(8);
    expect(demands.items.filter((d: { escalatedAt: number | null }) => d.escalatedAt !== null).length).toBeGreaterThanOrEqual(2);
    const visits = await get('leader', '/api/resumption/visits?pageSize=200');
    expect(visits.total).toBeGreaterThanOrEqual(20);
    expect(visits.items.filter((v: { policiesExplained: string | null }) => v.policiesExplained?.includes('14 条政策措施')).length).toBeGreaterThanOrEqual(10);
    const items = await get('leader', '/api/resumption/supplies/items');
    expect((Array.isArray(items) ? items : items.items).map((i: { name: string }) => i.name).sort()).toEqual(['84 消毒液', '医用口罩', '红外体温计'].sort());
  });
});

describe('the demo today', () => {
  it('gives the commissioner enterprises with work: a plan waiting, reports missing, open demands', async () => {
    const wb = await get('commissioner', '/api/resumption/workbench');
    expect(wb.counts.enterprises).toBe(11);
    expect(wb.counts.plansWaiting).toBeGreaterThanOrEqual(1);
    expect(wb.counts.reportsMissing).toBeGreaterThanOrEqual(1);
    expect(wb.counts.openDemands).toBeGreaterThanOrEqual(2);
    expect(wb.enterprises[0].planStatus).toBe('submitted');
    expect(wb.enterprises[0].hoursLeft).toBeGreaterThan(20);
  });

  it('gives the approval team a review queue, and leaves the demo enterprise user free to file', async () => {
    const queue = await get('approver', '/api/resumption/plans?status=submitted');
    expect(queue.total).toBeGreaterThanOrEqual(2);
    expect((await get('enterprise', '/api/resumption/plans')).total).toBe(0);
  });
});
