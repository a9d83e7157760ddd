// The group-commit writer of registrations: parallel submissions all land (in fewer commits than
// submissions), each settles only after its commit, a failing item fails alone, a repeated
// Idempotency-Key in one batch is held back and refused after the first is in, case numbers are
// consecutive, and the hourly rollups equal a recount of the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeZone, type TestZone } from '../../test/factories.js';
import { makeCheckpoint } from '../../test/checkpoint-factories.js';
import { residentId } from '../../test/checkpoint-factories-2.js';
import { newId } from '../../platform/ids.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { DuplicateSubmission, makeRegistrationWriter, type CaseRow, type RegistrationRow, type WriteItem } from './registrations.writer.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const HOUR = 3_600_000;
const PROVINCES = ['四川省', '重庆市', '云南省', null];

/** A registration group of `people` at `at` (the first counts the vehicle when there is a plate); a case for `sick` people. */
function item(zone: TestZone, checkpointId: string, o: { at?: number; people?: number; plate?: string | null; province?: string | null; key?: string | null; sick?: number } = {}): WriteItem {
  const at = o.at ?? clock.now();
  const { day, hour } = t.services.checkpoints.scope.dayHour(at);
  const groupId = newId();
  const people = o.people ?? 1;
  const rows: RegistrationRow[] = Array.from({ length: people }, (_, i) => {
    const id = t.deps.pii.protect(residentId());
    const sick = i < (o.sick ?? 0);
    return {
      id: newId(), zone_id: zone.id, checkpoint_id: checkpointId, group_id: groupId, code: 'ABCDEF', at, day, hour, source: 'public', direction: 'in',
      name: `人${i}`, id_kind: 'resident_id', id_enc: id.enc!, id_idx: id.idx!, phone_enc: null, phone_idx: null, id_masked: null, phone_masked: null, plate: o.plate ?? null, is_vehicle: i === 0 && o.plate ? 1 : 0,
      origin_province: o.province === undefined ? '四川省' : o.province, origin_city: null, destination: null, reason: null,
      fever: sick ? 1 : 0, cough: 0, contact: 0, high_risk_travel: 0, temperature: null, result: sick ? 'red' : 'green', reasons: sick ? 'fever' : '',
      pass_id: null, created_by: null, idempotency_key: i === 0 ? (o.key ?? null) : null,
    };
  });
  const cases: CaseRow[] = rows.filter((r) => r.result !== 'green').map((r) => ({
    id: newId(), zone_id: zone.id, registration_id: r.id, checkpoint_id: checkpointId, at, name: r.name, id_enc: r.id_enc, id_idx: r.id_idx, phone_enc: null, phone_idx: null,
    plate: r.plate, temperature: null, reasons: r.reasons, result: r.result, status: 'open', clinic: null, outcome: null, note: null, closed_at: null, created_at: at, updated_at: at,
  }));
  return { rows, cases };
}

const count = async (zoneId: string) =>
  Number((await t.deps.database.db.selectFrom('checkpoint_registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('zone_id', '=', zoneId).executeTakeFirstOrThrow()).n);

describe('the registration writer', () => {
  it('lands every parallel submission, in fewer commits than submissions, each answered after its commit', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeRegistrationWriter(t.deps.database, { maxBatch: 50 });
    const items = Array.from({ length: 300 }, (_, i) => item(zone, cp.id, { people: 1 + (i % 3), plate: i % 3 ? '川C12345' : null }));
    const seenAtSettle: number[] = [];
    await Promise.all(
      items.map(async (it) => {
        await writer.submit(it);
        // Settled means committed: the row is readable by anyone now.
        const found = await t.deps.database.db.selectFrom('checkpoint_registrations').select('id').where('id', '=', it.rows[0]!.id).executeTakeFirst();
        seenAtSettle.push(found ? 1 : 0);
      }),
    );
    expect(seenAtSettle).toEqual(items.map(() => 1));
    expect(await count(zone.id)).toBe(items.reduce((n, it) => n + it.rows.length, 0));
    const { commits, items: written } = writer.stats();
    expect(written).toBe(300);
    expect(commits).toBeGreaterThanOrEqual(6); // at most 50 a commit
    expect(commits).toBeLessThan(300);
  });

  it('fails a faulty item alone: the rest of its batch lands', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeRegistrationWriter(t.deps.database);
    const stored = item(zone, cp.id, { key: 'already-stored-key' });
    await writer.submit(stored);
    const good = Array.from({ length: 10 }, () => item(zone, cp.id, { people: 2, plate: '川C00001', sick: 1 }));
    // One names a checkpoint that does not exist, one repeats a key already stored.
    const orphan = item(zone, newId());
    const repeat = item(zone, cp.id, { key: 'already-stored-key' });
    const results = await Promise.allSettled([...good.slice(0, 5), orphan, ...good.slice(5), repeat].map((it) => writer.submit(it)));
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected', ...Array(5).fill('fulfilled'), 'rejected']);
    expect(isUniqueViolation((results[11] as PromiseRejectedResult).reason)).toBe(true);
    expect(await count(zone.id)).toBe(1 + 20);
    // The cases of the good items are numbered without gaps (the failed attempt gave its numbers back).
    const numbers = (await t.deps.database.db.selectFrom('checkpoint_cases').select('number').where('zone_id', '=', zone.id).orderBy('number').execute()).map((c) => c.number);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `YC-20200224-${String(i + 1).padStart(4, '0')}`));
    const fulfilled = results.filter((r) => r.status === 'fulfilled').map((r) => [...(r as PromiseFulfilledResult<{ caseNumbers: Map<string, string> }>).value.caseNumbers.values()]).flat();
    expect(fulfilled.sort()).toEqual(numbers);
  });

  it('holds back a second submission of a key in the same batch and refuses it after the first is in', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeRegistrationWriter(t.deps.database);
    const first = item(zone, cp.id, { key: 'twin-key-0001', people: 3, plate: '川C22222' });
    const twin = item(zone, cp.id, { key: 'twin-key-0001', people: 3, plate: '川C22222' });
    const other = item(zone, cp.id, { key: 'other-key-0001' });
    const results = await Promise.allSettled([writer.submit(first), writer.submit(twin), writer.submit(other)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateSubmission);
    const rows = await t.deps.database.db.selectFrom('checkpoint_registrations').select(['id', 'group_id']).where('zone_id', '=', zone.id).execute();
    expect(new Set(rows.map((r) => r.group_id))).toEqual(new Set([first.rows[0]!.group_id, other.rows[0]!.group_id]));
    expect(writer.stats().commits).toBe(1);
    // A retry of a stored key later is found by the batch's one look-up: refused alone, the rest lands in the same commit.
    const retry = item(zone, cp.id, { key: 'twin-key-0001' });
    const fresh = item(zone, cp.id, { key: 'fresh-key-0001', people: 2, plate: '川C33333' });
    const later = await Promise.allSettled([writer.submit(retry), writer.submit(fresh)]);
    expect(later.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((later[0] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateSubmission);
    expect(writer.stats()).toEqual({ commits: 2, items: 3 });
    expect(await count(zone.id)).toBe(3 + 1 + 2);
  });

  it('keeps hourly rollups that equal a recount of the rows (persons, vehicles, alerts by checkpoint, hour, province)', async () => {
    const zone = await makeZone(t.services);
    const a = await makeCheckpoint(t, zone);
    const b = await makeCheckpoint(t, zone);
    const writer = makeRegistrationWriter(t.deps.database, { maxBatch: 7 });
    const start = clock.now();
    const items = Array.from({ length: 120 }, (_, i) =>
      item(zone, i % 2 ? a.id : b.id, { at: start + (i % 5) * HOUR + i * 1000, people: 1 + (i % 4), plate: i % 4 ? `川C${String(10000 + i)}` : null, province: PROVINCES[i % 4], sick: i % 7 === 0 ? 1 : 0 }),
    );
    await Promise.all(items.map((it) => writer.submit(it)));
    const db = t.deps.database.db;
    const rollups = await db.selectFrom('checkpoint_rollups').select(['checkpoint_id', 'day', 'hour', 'province', 'persons', 'vehicles', 'alerts']).where('zone_id', '=', zone.id).execute();
    const recount = await db
      .selectFrom('checkpoint_registrations')
      .select((eb) => [
        'checkpoint_id', 'day', 'hour', eb.fn.coalesce('origin_province', eb.val('')).as('province'),
        eb.fn.countAll<number>().as('persons'), eb.fn.sum<number>('is_vehicle').as('vehicles'),
        eb.fn.sum<number>(eb.case().when('result', '<>', 'green').then(1).else(0).end()).as('alerts'),
      ])
      .where('zone_id', '=', zone.id)
      .groupBy(['checkpoint_id', 'day', 'hour', 'origin_province'])
      .execute();
    const key = (r: { checkpoint_id: string; day: string; hour: number; province: string }) => `${r.checkpoint_id}|${r.day}|${r.hour}|${r.province}`;
    const norm = (list: { checkpoint_id: string; day: string; hour: number; province: string | null; persons: unknown; vehicles: unknown; alerts: unknown }[]) =>
      list.map((r) => ({ k: key({ ...r, province: r.province ?? '' }), persons: Number(r.persons), vehicles: Number(r.vehicles), alerts: Number(r.alerts) })).sort((x, y) => x.k.localeCompare(y.k));
    expect(norm(rollups)).toEqual(norm(recount));
    expect(rollups.length).toBe(20); // i mod 20 settles checkpoint (i mod 2), hour (i mod 5) and province (i mod 4)
    const total = rollups.reduce((s, r) => ({ p: s.p + r.persons, v: s.v + r.vehicles, a: s.a + r.alerts }), { p: 0, v: 0, a: 0 });
    expect(total).toEqual({ p: items.reduce((n, it) => n + it.rows.length, 0), v: items.filter((it) => it.rows[0]!.plate).length, a: items.filter((it) => it.cases.length).length });
  });

  it('drain waits for everything submitted', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeRegistrationWriter(t.deps.database);
    const pending = Array.from({ length: 20 }, () => writer.submit(item(zone, cp.id)));
    await writer.drain();
    expect(await count(zone.id)).toBe(20);
    await Promise.all(pending);
  });
});
