// The registration writer in its thread (SQLite): parallel submissions carrying plain ID numbers
// and phones land encrypted with their blind indexes, in fewer commits than submissions, each
// settled only once readable; a repeated Idempotency-Key is refused as the in-process writer
// refuses it; the request thread's own transactions and the thread's commits do not trip over
// each other's locks; close() drains and a later submission starts a new thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, TEST_DIALECT, TEST_SECRET, type TestApp } from '../../test/harness.js';
import { makeZone, type TestZone } from '../../test/factories.js';
import { makeCheckpoint } from '../../test/checkpoint-factories.js';
import { residentId } from '../../test/checkpoint-factories-2.js';
import { newId } from '../../platform/ids.js';
import { isConnectionError, isUniqueViolation } from '../../db/dialect.js';
import { openSqlite } from '../../db/connect.js';
import { DuplicateSubmission, type CaseRow, type RegistrationRow, type WriteItem } from './registrations.writer.js';
import { makeThreadedRegistrationWriter } from './registrations.writer-thread.js';
import { maskIdNumber } from '../../platform/pii.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

/** A group of `people` with plain personal data for the writer to protect; the first is sick when `sick`. */
function item(zone: TestZone, checkpointId: string, o: { people?: number; key?: string; sick?: boolean } = {}): WriteItem & { ids: string[] } {
  const at = clock.now();
  const { day, hour } = t.services.checkpoints.scope.dayHour(at);
  const groupId = newId();
  const ids = Array.from({ length: o.people ?? 1 }, () => residentId());
  const rows: RegistrationRow[] = ids.map((_, i) => ({
    id: newId(), zone_id: zone.id, checkpoint_id: checkpointId, group_id: groupId, code: 'ABCDEF', at, day, hour, source: 'public', direction: 'in',
    name: `人${i}`, id_kind: 'resident_id', id_enc: '', id_idx: '', phone_enc: null, phone_idx: null, id_masked: null, phone_masked: null, plate: null, is_vehicle: 0,
    origin_province: '四川', origin_city: null, destination: null, reason: null,
    fever: o.sick && i === 0 ? 1 : 0, cough: 0, contact: 0, high_risk_travel: 0, temperature: null, result: o.sick && i === 0 ? 'red' : 'green', reasons: o.sick && i === 0 ? 'fever' : '',
    pass_id: null, created_by: null, idempotency_key: i === 0 ? (o.key ?? null) : null,
  }));
  const cases: CaseRow[] = rows.filter((r) => r.result !== 'green').map((r) => ({
    id: newId(), zone_id: zone.id, registration_id: r.id, checkpoint_id: checkpointId, at, name: r.name, id_enc: '', id_idx: '', phone_enc: null, phone_idx: null,
    plate: null, temperature: null, reasons: r.reasons, result: r.result, status: 'open', clinic: null, outcome: null, note: null, closed_at: null, created_at: at, updated_at: at,
  }));
  return { rows, cases, plain: ids.map((id, i) => ({ idNumber: id, phone: i === 0 ? '13812345678' : null })), ids };
}

const sqliteFile = () => {
  const loc = t.deps.database.location;
  if (!('sqliteFile' in loc)) throw new Error('SQLite only');
  return loc.sqliteFile;
};

// The thread is the SQLite writer; on PostgreSQL the writer runs in process (registrations.writer.api.test.ts).
describe.skipIf(TEST_DIALECT !== 'sqlite')('the registration writer in its thread', () => {
  it('lands parallel submissions encrypted, each readable when settled, in fewer commits; cases get numbers', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeThreadedRegistrationWriter({ sqliteFile: sqliteFile(), secret: TEST_SECRET });
    const items = Array.from({ length: 200 }, (_, i) => item(zone, cp.id, { people: 1 + (i % 2), sick: i % 50 === 0 }));
    const readable: boolean[] = [];
    const numbers: string[] = [];
    await Promise.all(
      items.map(async (it) => {
        const w = await writer.submit(it);
        numbers.push(...w.caseNumbers.values());
        const found = await t.deps.database.db.selectFrom('checkpoint_registrations').select('id').where('id', '=', it.rows[0]!.id).executeTakeFirst();
        readable.push(Boolean(found));
      }),
    );
    expect(readable.every(Boolean)).toBe(true);
    const { commits, items: written } = writer.stats();
    expect(written).toBe(200);
    expect(commits).toBeLessThan(200);
    expect(numbers.sort()).toEqual(['0001', '0002', '0003', '0004'].map((n) => `YC-20200224-${n}`));

    const stored = await t.deps.database.db.selectFrom('checkpoint_registrations').select(['id', 'id_enc', 'id_idx', 'phone_enc', 'phone_idx', 'id_masked', 'phone_masked']).where('zone_id', '=', zone.id).execute();
    expect(stored).toHaveLength(300);
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const it of items) {
      it.rows.forEach((row, i) => {
        const r = byId.get(row.id)!;
        expect(r.id_enc).not.toContain(it.ids[i]);
        expect(t.deps.pii.decrypt(r.id_enc)).toBe(it.ids[i]);
        expect(r.id_idx).toBe(t.deps.pii.blindIndex(it.ids[i]!));
        expect(r.id_masked).toBe(maskIdNumber(it.ids[i]!));
        expect(r.phone_masked).toBe(i === 0 ? '138****5678' : null);
        if (i === 0) expect(t.deps.pii.decrypt(r.phone_enc!)).toBe('13812345678');
        else expect(r.phone_enc).toBeNull();
      });
    }
    const cases = await t.deps.database.db.selectFrom('checkpoint_cases').select(['id_enc', 'id_idx', 'registration_id']).where('zone_id', '=', zone.id).execute();
    expect(cases).toHaveLength(4);
    for (const c of cases) expect(c.id_idx).toBe(byId.get(c.registration_id!)!.id_idx);
    await writer.close!();
  });

  it('refuses a second submission of a key as the in-process writer does', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeThreadedRegistrationWriter({ sqliteFile: sqliteFile(), secret: TEST_SECRET });
    const settled = await Promise.allSettled([writer.submit(item(zone, cp.id, { key: 'twice-0001' })), writer.submit(item(zone, cp.id, { key: 'twice-0001' }))]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason instanceof DuplicateSubmission || isUniqueViolation(refused.reason)).toBe(true);
    // A retry after the first is in: the unique index's refusal keeps its code across the thread.
    await expect(writer.submit(item(zone, cp.id, { key: 'twice-0001' }))).rejects.toSatisfy((e) => e instanceof DuplicateSubmission || isUniqueViolation(e));
    await writer.close!();
  });

  it('commits beside the request thread’s own transactions without a lock error', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeThreadedRegistrationWriter({ sqliteFile: sqliteFile(), secret: TEST_SECRET });
    // Checkpoint creation reads (a name in use?) then writes, with its audit row, in one transaction.
    const results = await Promise.allSettled([
      ...Array.from({ length: 150 }, () => writer.submit(item(zone, cp.id))),
      ...Array.from({ length: 15 }, (_, i) => makeCheckpoint(t, zone, { name: `并行卡口${i}` })),
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    await writer.close!();
  });

  it('a request-thread transaction that reads, then writes, is not failed by the other connection committing between', async () => {
    const zone = await makeZone(t.services);
    // A second connection to the file as the thread has one, that does not wait for locks.
    const other = openSqlite(sqliteFile(), 0);
    let otherOutcome = '';
    try {
      await t.deps.database.db.transaction().execute(async (trx) => {
        await trx.selectFrom('zones').select('name').where('id', '=', zone.id).execute();
        try {
          other.prepare("update zones set name = name || '!' where id = ?").run(zone.id);
          otherOutcome = 'committed';
        } catch (e) {
          otherOutcome = String((e as { code?: string }).code);
        }
        // A deferred transaction would fail here (SQLITE_BUSY_SNAPSHOT) had the other committed.
        await trx.updateTable('zones').set({ name: '并行测试区' }).where('id', '=', zone.id).execute();
      });
    } finally {
      other.close();
    }
    // The other writer waited its turn (the thread waits with a long busy timeout).
    expect(otherOutcome).toBe('SQLITE_BUSY');
    const row = await t.deps.database.db.selectFrom('zones').select('name').where('id', '=', zone.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('并行测试区');
  });

  it('drains on close; a later submission starts a new thread', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeThreadedRegistrationWriter({ sqliteFile: sqliteFile(), secret: TEST_SECRET });
    const first = writer.submit(item(zone, cp.id));
    await writer.close!();
    await expect(first).resolves.toBeDefined();
    await writer.submit(item(zone, cp.id));
    await writer.close!();
    const n = await t.deps.database.db.selectFrom('checkpoint_registrations').select('id').where('checkpoint_id', '=', cp.id).execute();
    expect(n).toHaveLength(2);
  });

  it('a thread that dies fails its waiting with “database unavailable” (503, retry), and the next submission starts a new thread', async () => {
    const zone = await makeZone(t.services);
    const cp = await makeCheckpoint(t, zone);
    const writer = makeThreadedRegistrationWriter({ sqliteFile: sqliteFile(), secret: TEST_SECRET });
    await writer.submit(item(zone, cp.id));
    const waiting = writer.submit(item(zone, cp.id));
    await writer.abort!();
    const failure = await waiting.then(() => null, (e: unknown) => e);
    expect(failure).toMatchObject({ code: 'SS_WRITER_GONE' });
    expect(isConnectionError(failure)).toBe(true);
    await expect(writer.submit(item(zone, cp.id))).resolves.toBeDefined();
    await writer.close!();
  });
});
