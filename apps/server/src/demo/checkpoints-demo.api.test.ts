// The demo zone's checkpoints, seeded into a test zone with the demo's shape: seven checkpoints of
// several kinds and states, risk levels, passes per floor (one revoked), a few thousand
// registrations over the last 7 days up to the clock, and the ledger's three open cases, one
// transferred and one closed; the live pages (statistics, cases, trace) answer from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointStats, TraceResult } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../test/harness.js';
import { makeEnterprise, newAdmin, signedInUser } from '../test/factories.js';
import { makeBuilding, makeGridUnit } from '../test/checkpoint-factories.js';
import { addDays } from '../platform/calendar.js';
import { seedCheckpointsDemo, DEMO_CHECKPOINTS } from './checkpoints-demo.js';

// Monday 24 February 2020, 09:00 in Zigong: the morning rush is under way.
const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

describe('the checkpoints demo', () => {
  it('makes checkpoints, passes, a week of registrations up to now and the case ledger, quickly', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const staff = await signedInUser(t.app, t.services, zone, ['checkpoint_staff']);
    const building = await makeBuilding(t, zone, { name: 'A2 栋' });
    const enterprise = await makeEnterprise(t.services, zone, { buildingId: building.id });
    const grid = async (name: string) => (await makeGridUnit(t, zone, undefined, name)).id;
    const places = {
      highRisk: await grid('龙湖苑'),
      mediumRisk: await grid('锦湖小区'),
      parkGrid: await grid('园区一网格'),
      incubatorGrid: await grid('孵化园网格'),
      village: await grid('双河村一组'),
      building: { id: building.id, name: building.name, floors: building.floors ?? 12 },
      buildingEnterprises: [enterprise.id],
    };
    const started = performance.now();
    const made = await seedCheckpointsDemo(t.deps, t.services, zone, {
      admin: { id: admin.admin.id, username: admin.admin.username, displayName: admin.admin.displayName, role: 'zone_admin' },
      staff: { id: staff.user.id, username: staff.user.username, displayName: staff.user.displayName, role: 'checkpoint_staff' },
    }, places);
    const ms = performance.now() - started;
    console.log(`demo seed ${Math.round(ms)} ms`);
    // Under 3 s on a quiet machine; the bound here leaves room for a busy one.
    expect(ms).toBeLessThan(20_000);

    const list = (await admin.call({ method: 'GET', url: '/api/checkpoints?pageSize=50' })).json();
    expect(list.total).toBe(7);
    const byName = new Map<string, { kind: string; status: string; risk: { level: string } | null }>(list.items.map((c: { name: string }) => [c.name, c]));
    expect(byName.get(DEMO_CHECKPOINTS.east)).toMatchObject({ kind: 'highway_exit', status: 'active', risk: { level: 'medium' } });
    expect(byName.get(DEMO_CHECKPOINTS.mobile)).toMatchObject({ kind: 'mobile_team', risk: { level: 'high' } });
    expect(byName.get(DEMO_CHECKPOINTS.compound)).toMatchObject({ kind: 'community_gate', status: 'service_point' });
    expect(byName.get(DEMO_CHECKPOINTS.closed)).toMatchObject({ status: 'closed' });
    expect(byName.get('A2 栋 门岗')).toMatchObject({ kind: 'building_gate' });

    // A week of registrations, none after now; the figures count them all.
    const rows = await t.deps.database.db.selectFrom('checkpoint_registrations').select(['at', 'source', 'pass_id']).where('zone_id', '=', zone.id).execute();
    expect(rows.length).toBe(made.registrations);
    expect(rows.length).toBeGreaterThan(1500);
    expect(Math.max(...rows.map((r) => r.at))).toBeLessThanOrEqual(clock.now());
    expect(rows.filter((r) => r.source === 'pass' && r.pass_id).length).toBeGreaterThan(50);
    const today = t.services.checkpoints.scope.today();
    const s = (await admin.call({ method: 'GET', url: `/api/checkpoints/stats?from=${addDays(today, -6)}&to=${today}` })).json() as CheckpointStats;
    expect(s.persons).toBe(rows.length);
    expect(s.vehicles).toBeGreaterThan(300);
    expect(s.alerts).toBe(5);
    expect(s.byProvince[0]).toMatchObject({ province: '四川' });
    expect(s.byDay.find((d) => d.day === today)!.persons).toBeGreaterThan(0);
    expect(s.byRisk.map((r) => r.level)).toEqual(['high', 'medium', 'low', null]);
    expect(s.cases).toMatchObject({ total: 5, open: 3, transferred: 1, closed: 1 });

    // Passes: two per floor up to the 6th, the last revoked; the 6th floor in the building's own colour.
    const passes = (await admin.call({ method: 'GET', url: `/api/checkpoints/passes?buildingId=${building.id}&pageSize=50` })).json();
    expect(passes.total).toBe(12);
    expect(passes.items.filter((p: { status: string }) => p.status === 'revoked')).toHaveLength(1);
    expect(passes.items.filter((p: { floor: number }) => p.floor === 6).map((p: { colour: string }) => p.colour)).toEqual(['purple', 'purple']);

    // The duty console's ledger, and a trace from one of the open cases' people.
    const cases = (await staff.call({ method: 'GET', url: '/api/checkpoints/cases?status=open' })).json();
    expect(cases.total).toBe(3);
    const reg = await t.deps.database.db.selectFrom('checkpoint_cases').select(['id_idx', 'at']).where('zone_id', '=', zone.id).where('status', '=', 'open').orderBy('at', 'desc').executeTakeFirstOrThrow();
    const person = await t.deps.database.db.selectFrom('checkpoint_registrations').select(['id_enc']).where('zone_id', '=', zone.id).where('id_idx', '=', reg.id_idx!).executeTakeFirstOrThrow();
    const trace = (await admin.call({ method: 'POST', url: '/api/checkpoints/trace', payload: { by: 'idNumber', value: t.deps.pii.decrypt(person.id_enc), from: addDays(today, -6), to: today, reason: '演示：发热人员轨迹' } })).json() as TraceResult;
    expect(trace.stops.length).toBeGreaterThanOrEqual(1);
    expect(trace.stops.at(-1)!.at).toBe(reg.at);
  }, 120_000);
});
