// Backups cover every table: a table added by a migration but forgotten in TABLES_IN_ORDER would
// silently be missing from every backup.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../test/harness.js';
import { KEYS } from './backup.js';
import { TABLES_IN_ORDER } from './migrate.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

it('TABLES_IN_ORDER lists every table the migrations create, and each has backup keys', async () => {
  const tables = (await t.deps.database.db.introspection.getTables())
    .map((x) => x.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
  expect([...TABLES_IN_ORDER].sort()).toEqual(tables);
  expect(Object.keys(KEYS).sort()).toEqual(tables);
});
