// Retention: registrations before the start of (today − retention days) in the zone's time zone are
// purged by the daily job (or an admin's "run now"); cases lose their link to them and the closed
// ones lose the ID number and phone; one report per zone and day — a second run removes nothing
// more and answers the first report; the hourly rollups stay, so the statistics of purged days
// still answer; other zones are untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointStats } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { countRows, newAdmin, signedInUser, type TestZone } from '../../test/factories.js';
import { makeCheckpoint } from '../../test/checkpoint-factories.js';
import { insertRegistrations, people, registrationRow, type ProtectedPerson } from '../../test/checkpoint-factories-3.js';
import { newId } from '../../platform/ids.js';
import type { CaseRow, RegistrationRow } from './registrations.writer.js';

// 2020-02-24 09:00 in Zigong: with 28 days kept, the cutoff is 2020-01-27 00:00 there.
const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const cst = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);
const CUTOFF = cst('2020-01-27', '00:00');

function caseOf(zone: TestZone, r: RegistrationRow, status: 'open' | 'closed'): CaseRow {
  return {
    id: newId(),
    zone_id: zone.id,
    registration_id: r.id,
    checkpoint_id: r.checkpoint_id,
    at: r.at,
    name: r.name,
    id_enc: r.id_enc,
    id_idx: r.id_idx,
    phone_enc: r.phone_enc,
    phone_idx: r.phone_idx,
    plate: r.plate,
    temperature: 381,
    reasons: 'temperature',
    result: 'red',
    status,
    clinic: null,
    outcome: status === 'closed' ? 'cleared' : null,
    note: null,
    closed_at: status === 'closed' ? r.at + 3_600_000 : null,
    created_at: r.at,
    updated_at: r.at,
  };
}

async function world() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const a = await makeCheckpoint(t, zone, { name: '自贡东 高速出口' });
  const b = await makeCheckpoint(t, zone, { name: '自贡西 高速出口' });
  const ps = people(t, 6, 3000);
  const row = (checkpointId: string, at: number, person: ProtectedPerson, result: 'green' | 'red' = 'green') => registrationRow(t, zone, { checkpointId, at, person, result, ...(result === 'red' ? { temperature: 38.1, reasons: ['temperature'] } : {}) });
  const old = [
    row(a.id, cst('2020-01-20', '10:00'), ps[0]!),
    row(a.id, cst('2020-01-26', '23:59'), ps[1]!, 'red'),
    row(b.id, cst('2020-01-25', '07:00'), ps[2]!, 'red'),
  ];
  const kept = [row(a.id, CUTOFF, ps[3]!), row(b.id, cst('2020-02-20', '12:00'), ps[4]!, 'red')];
  await insertRegistrations(t, [...old, ...kept]);
  // Cases: open on a purged registration, closed on a purged one, closed on a kept one.
  const openOld = caseOf(zone, old[1]!, 'open');
  const closedOld = caseOf(zone, old[2]!, 'closed');
  const closedKept = caseOf(zone, kept[1]!, 'closed');
  await t.deps.database.db.transaction().execute(async (trx) => {
    for (const [i, c] of [openOld, closedOld, closedKept].entries()) await trx.insertInto('checkpoint_cases').values({ ...c, number: `YC-TEST-${i}` }).execute();
  });
  return { ...admin, a, b, old, kept, openOld, closedOld, closedKept };
}

const statsOf = async (call: Awaited<ReturnType<typeof newAdmin>>['call'], from: string, to: string) => (await call({ method: 'GET', url: `/api/checkpoints/stats?from=${from}&to=${to}` })).json() as CheckpointStats;

describe('the retention purge', () => {
  it('removes the registrations before the cutoff, reports them per checkpoint, and leaves the rollups', async () => {
    const w = await world();
    const before = await statsOf(w.call, '2020-01-01', '2020-02-29');
    expect(before).toMatchObject({ persons: 5, alerts: 3 });

    const res = await w.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      day: '2020-02-24',
      cutoff: CUTOFF,
      removed: 3,
      casesAnonymised: 1,
      byCheckpoint: [
        { checkpointId: w.a.id, name: '自贡东 高速出口', removed: 2 },
        { checkpointId: w.b.id, name: '自贡西 高速出口', removed: 1 },
      ],
    });
    const left = await t.deps.database.db.selectFrom('checkpoint_registrations').select('id').where('zone_id', '=', w.zone.id).execute();
    expect(left.map((r) => r.id).sort()).toEqual(w.kept.map((r) => r.id).sort());

    // The statistics of the purged days answer as before: they come from the rollups (read
    // again, not from what the statistics keep of settled days).
    t.services.checkpoints.stats.invalidate(w.zone.id);
    expect(await statsOf(w.call, '2020-01-01', '2020-02-29')).toEqual(before);
    expect(await statsOf(w.call, '2020-01-20', '2020-01-26')).toMatchObject({ persons: 3, alerts: 2, byDay: expect.arrayContaining([{ day: '2020-01-26', persons: 1, vehicles: 0, alerts: 1 }]) });
  });

  it('cuts the cases’ links to purged registrations and makes the closed ones anonymous; open ones and newer ones keep the person', async () => {
    const w = await world();
    await w.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' });
    const cases = new Map((await t.deps.database.db.selectFrom('checkpoint_cases').selectAll().where('zone_id', '=', w.zone.id).execute()).map((c) => [c.id, c]));
    expect(cases.get(w.openOld.id)).toMatchObject({ registration_id: null, id_enc: w.openOld.id_enc, id_idx: w.openOld.id_idx, phone_enc: w.openOld.phone_enc, status: 'open', name: w.openOld.name });
    expect(cases.get(w.closedOld.id)).toMatchObject({ registration_id: null, id_enc: null, id_idx: null, phone_enc: null, phone_idx: null, status: 'closed', outcome: 'cleared' });
    expect(cases.get(w.closedKept.id)).toMatchObject({ registration_id: w.kept[1]!.id, id_enc: w.closedKept.id_enc, phone_idx: w.closedKept.phone_idx });
  });

  it('runs once a day: a second run (or two at once) removes nothing more and answers the first report; the next day runs again', async () => {
    const w = await world();
    const [first, parallel] = await Promise.all([
      w.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' }),
      w.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' }),
    ]);
    expect(parallel.json()).toEqual(first.json());
    // A registration that is already old arrives late (e.g. replayed): today's run is done.
    await insertRegistrations(t, [registrationRow(t, w.zone, { checkpointId: w.a.id, at: cst('2020-01-10', '09:00'), person: people(t, 1, 3100)[0]! })]);
    const again = await w.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' });
    expect(again.json()).toEqual(first.json());
    expect(await countRows(t.deps.database, 'checkpoint_registrations', w.zone.id)).toBe(3);
    expect(await countRows(t.deps.database, 'checkpoint_purges', w.zone.id)).toBe(1);
    const audits = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', w.zone.id).where('action', '=', 'checkpoint.purge').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: w.admin.id, entity_type: 'zone', entity_id: w.zone.id });
    expect(JSON.parse(audits[0]!.after_json!)).toEqual({ day: '2020-02-24', cutoff: CUTOFF, retentionDays: 28, removed: 3, casesAnonymised: 1 });

    // The next day, by the daily job (the system): the late one and 2020-01-27's go.
    const start = clock.now();
    try {
      clock.advance(24 * 3_600_000);
      expect(await t.services.checkpoints.retention.jobs.daily([w.zone.id])).toEqual([]);
      expect(await t.services.checkpoints.retention.jobs.daily([w.zone.id])).toEqual([]);
      // (A day later the admin's session has lapsed: the service answers what the route would.)
      const list = await t.services.checkpoints.retention.purges(w.zone.ctx);
      expect(list.items.map((p) => [p.day, p.removed])).toEqual([
        ['2020-02-25', 2],
        ['2020-02-24', 3],
      ]);
      const jobAudit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', w.zone.id).where('action', '=', 'checkpoint.purge').where('actor_id', 'is', null).execute();
      expect(jobAudit).toHaveLength(1);
      expect(jobAudit[0]).toMatchObject({ actor_name: 'checkpoints.retention' });
      expect(await countRows(t.deps.database, 'checkpoint_registrations', w.zone.id)).toBe(1);
    } finally {
      clock.set(start);
    }
  });

  it('follows the zone’s retention period, and touches no other zone', async () => {
    const w = await world();
    const other = await world();
    const patched = await w.call({ method: 'PATCH', url: '/api/checkpoints/settings', payload: { retentionDays: 7 } });
    expect(patched.statusCode, patched.body).toBe(200);
    const report = (await w.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' })).json();
    // 7 days: the cutoff is 2020-02-17 00:00; only the registration of 2020-02-20 stays.
    expect(report).toMatchObject({ cutoff: cst('2020-02-17', '00:00'), removed: 4, casesAnonymised: 1 });
    expect(await countRows(t.deps.database, 'checkpoint_registrations', w.zone.id)).toBe(1);
    expect(await countRows(t.deps.database, 'checkpoint_registrations', other.zone.id)).toBe(5);
    expect(await countRows(t.deps.database, 'checkpoint_purges', other.zone.id)).toBe(0);
  });

  it('is run by zone admins (checkpoints.manage); the reports are read with checkpoints.read', async () => {
    const w = await world();
    const staff = await signedInUser(t.app, t.services, w.zone, ['checkpoint_staff']);
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    for (const u of [staff, leader]) {
      expect((await u.call({ method: 'POST', url: '/api/checkpoints/retention/actions/purge' })).statusCode).toBe(403);
      expect((await u.call({ method: 'GET', url: '/api/checkpoints/retention/purges' })).statusCode).toBe(200);
    }
    const inspector = await signedInUser(t.app, t.services, w.zone, ['inspector']);
    expect((await inspector.call({ method: 'GET', url: '/api/checkpoints/retention/purges' })).statusCode).toBe(403);
    expect(await countRows(t.deps.database, 'checkpoint_purges', w.zone.id)).toBe(0);
  });
});
