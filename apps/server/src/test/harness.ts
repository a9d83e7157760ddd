// Test apps on a real database: SQLite in a temporary directory, or the PostgreSQL named by
// TEST_DATABASE_URL. Each test makes its own zone (factories.ts), so files run in parallel.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { connect, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Clock } from '../platform/clock.js';
import type { Deps } from '../platform/context.js';
import { createPii } from '../platform/pii.js';
import { diskFileStore } from '../platform/files.js';
import type { Services } from '../services.js';

export const TEST_DIALECT: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

/** A clock the test moves by hand. */
export function testClock(start = Date.UTC(2020, 1, 24, 1, 0, 0)): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms), set: (ms) => (now = ms) };
}

export type TestApp = {
  app: FastifyInstance & { services: Services };
  deps: Deps;
  services: Services;
  dataDir: string;
  close(): Promise<void>;
};

export async function openTestDatabase(dataDir: string, databaseUrl = process.env.TEST_DATABASE_URL): Promise<Database> {
  if (TEST_DIALECT === 'postgres') return connect({ dataDir, databaseUrl, poolSize: 5 });
  const database = connect({ dataDir });
  await migrateToLatest(database);
  return database;
}

export async function makeTestApp(opts: { clock?: Clock; database?: Database } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ss-test-'));
  const database = opts.database ?? (await openTestDatabase(dataDir));
  const deps: Deps = { database, clock: opts.clock ?? { now: () => Date.now() }, pii: createPii(TEST_SECRET), files: diskFileStore(path.join(dataDir, 'files')) };
  const app = await buildApp({
    deps,
    config: { version: 'test', publicUrl: undefined, logLevel: 'silent', timeZone: 'Asia/Shanghai' },
    staticRoots: {},
    logger: false,
  });
  await app.ready();
  return {
    app,
    deps,
    services: app.services,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
