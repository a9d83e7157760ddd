// The command line against a real database: zone and user creation, import, and a backup that
// restores into an empty database with identical row counts (SQLite and PostgreSQL).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './db/connect.js';
import { countRows } from './db/backup.js';
import { makeTestApp, TEST_DIALECT, type TestApp } from './test/harness.js';
import { signIn, validCreditCode } from './test/factories.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/shuangsheng.js');
const dirs: string[] = [];
const databases: string[] = [];

/** A fresh, empty database for one CLI run: a DATA_DIR for SQLite, a new database on PostgreSQL. */
async function freshTarget(): Promise<{ env: NodeJS.ProcessEnv; open: () => Database }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-cli-'));
  dirs.push(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SHUANGSHENG_SECRET: 'cli-test-secret-cli-test-secret-0123456', LANG: 'en_US.UTF-8' };
  delete env.DATABASE_URL;
  if (TEST_DIALECT === 'postgres') {
    const base = new URL(process.env.TEST_DATABASE_URL!);
    const name = `ss_cli_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    databases.push(name);
    base.pathname = `/${name}`;
    env.DATABASE_URL = base.toString();
  }
  return { env, open: () => connect({ dataDir, databaseUrl: env.DATABASE_URL }) };
}

function cli(env: NodeJS.ProcessEnv, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(stdin ?? '');
  });
}

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['统一社会信用代码', '企业名称', '上年产值（万元）', '规上企业']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dirs[0] ?? os.tmpdir(), `import-${Date.now()}.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (TEST_DIALECT === 'postgres' && databases.length) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

describe('shuangsheng CLI', () => {
  it('creates a zone and a user whose password comes on stdin, then imports enterprises all or nothing', async () => {
    const target = await freshTarget();
    expect((await cli(target.env, ['migrate'])).stdout).toMatch(/applied: 0001_foundation/);
    const zone = await cli(target.env, ['zone', 'create', '--code', 'CLI1', '--name', '命令行高新区']);
    expect(zone.code, zone.stderr).toBe(0);
    const weak = await cli(target.env, ['user', 'create', '--zone', 'CLI1', '--username', 'ops', '--role', 'zone_admin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password: must be at least 10 characters/);
    const user = await cli(target.env, ['user', 'create', '--zone', 'CLI1', '--username', 'ops', '--role', 'zone_admin', '--display-name', '值班员'], 'Very-secret-2020\n');
    expect(user.code, user.stderr).toBe(0);
    const badRole = await cli(target.env, ['user', 'create', '--zone', 'CLI1', '--username', 'x1x', '--role', 'mayor'], 'Very-secret-2020\n');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/roles\.0/);

    const good = validCreditCode();
    const file = await xlsx([[good, '命令行导入企业', 12000, '是'], ['91510300MA0000000X', '坏代码企业', 1, '否']]);
    const refused = await cli(target.env, ['import', 'enterprises', file, '--zone', 'CLI1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/row 3, Unified social credit code|row 3, 统一社会信用代码/);
    const db = target.open();
    try {
      expect((await countRows(db)).enterprises).toBe(0);
      const fixed = await xlsx([[good, '命令行导入企业', 12000, '是']]);
      const ok = await cli(target.env, ['import', 'enterprises', fixed, '--zone', 'CLI1']);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/created 1, updated 0/);
      const row = await db.db.selectFrom('enterprises').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ credit_code: good, output_last_year_fen: 12000 * 1_000_000, above_scale: 1 });
    } finally {
      await db.close();
    }
  });

  it('a user created by the CLI can sign in to the API on that database', async () => {
    // Same database as the app under test: the CLI writes, the API reads.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dataDir, SHUANGSHENG_SECRET: 'test-secret-test-secret-test-secret-0123', LANG: 'en_US.UTF-8' };
    if (TEST_DIALECT === 'postgres') env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    const code = `C${Date.now().toString(36).toUpperCase()}`;
    expect((await cli(env, ['zone', 'create', '--code', code, '--name', '接口测试区'])).code).toBe(0);
    const username = `cli${Date.now().toString(36)}`;
    expect((await cli(env, ['user', 'create', '--zone', code, '--username', username, '--role', 'leader'], 'Another-secret-1\n')).code).toBe(0);
    const { call } = await signIn(t.app, username, 'Another-secret-1');
    const me = await call({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({ username, roles: ['leader'], zone: { code } });
  });

  it('backs up the demo and restores it into an empty database with identical row counts', async () => {
    const source = await freshTarget();
    const seeded = await cli(source.env, ['seed-demo']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const file = path.join(dirs.at(-1)!, 'demo.backup.gz');
    const b = await cli(source.env, ['backup', file]);
    expect(b.code, b.stderr).toBe(0);

    const target = await freshTarget();
    const r = await cli(target.env, ['restore', file]);
    expect(r.code, r.stderr).toBe(0);
    const [a, c] = [source.open(), target.open()];
    try {
      const before = await countRows(a);
      const after = await countRows(c);
      expect(after).toEqual(before);
      expect(before.enterprises).toBe(300);
      expect(before.grid_units).toBeGreaterThan(20);
      // Self-references survive: supply chains and the grid tree point at restored rows.
      const chained = await c.db.selectFrom('enterprises').select('id').where('leading_enterprise_id', 'is not', null).execute();
      expect(chained.length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await c.close();
    }
    const again = await cli(target.env, ['restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/restore needs an empty database/);
  }, 120_000); // seeds the whole demo over the CLI, then backs it up and restores it

  it('explains its usage', async () => {
    const target = await freshTarget();
    const res = await cli(target.env, ['frobnicate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown command: frobnicate/);
    expect(res.stderr).toMatch(/shuangsheng backup FILE/);
  });
});
