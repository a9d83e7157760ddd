// Migration 0010 fills the day and hour rollups from the hourly rollups already stored: a database
// with registrations from before it answers the same statistics after it. On a SQLite file of its
// own (the migration is taken down and up again there); PostgreSQL runs the same statements on its
// empty tables in the suite's setup.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp, openTestDatabase, testClock, TEST_DIALECT, type TestApp } from '../test/harness.js';
import { makeZone } from '../test/factories.js';
import { makeCheckpoint } from '../test/checkpoint-factories.js';
import { carForm, publicForm, registerPublic } from '../test/checkpoint-factories-2.js';
import { rollupLevels } from '../test/checkpoint-factories-3.js';
import * as m0010 from './migrations/0010_rollup_levels.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ss-0010-'));
const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  if (TEST_DIALECT === 'sqlite') t = await makeTestApp({ clock, database: await openTestDatabase(dir) });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

it.skipIf(TEST_DIALECT !== 'sqlite')('fills the day and hour rollups from the hourly ones (SQLite only: it drops and makes tables, on a file of its own)', async () => {
  const zone = await makeZone(t.services);
  const east = await makeCheckpoint(t, zone, { name: '东卡口' });
  const west = await makeCheckpoint(t, zone, { name: '西卡口' });
  await registerPublic(t.app, east.token, publicForm({ name: '甲' }));
  await registerPublic(t.app, west.token, carForm(2, { plate: '川C10001' }));
  clock.advance(3 * 3_600_000);
  await registerPublic(t.app, east.token, publicForm({ name: '乙', originProvince: '重庆市', health: { fever: true, cough: false, contact: false, highRiskTravel: false } }));
  clock.advance(24 * 3_600_000);
  await registerPublic(t.app, west.token, publicForm({ name: '丙' }));
  const before = await rollupLevels(t, zone.id);
  expect(before.stored).toEqual(before.expected);

  const db = t.deps.database.db;
  await m0010.down(db);
  await m0010.up(db);
  const after = await rollupLevels(t, zone.id);
  expect(after.stored).toEqual(before.stored);
  expect(after.stored.hours).toHaveLength(3);
  expect(after.stored.days).toHaveLength(4);
});
