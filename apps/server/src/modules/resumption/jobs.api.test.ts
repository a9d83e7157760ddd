// The module's hourly work as main.ts runs it: daily-report reminders only after the zone's
// cut-off hour, escalation of overdue demands to the leaders, both once however often it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { assignCommissioner, makeDemand } from '../../test/demand-factories.js';
import { makeUser, newAdmin, type TestZone } from '../../test/factories.js';
import { makeResumedEnterprise } from '../../test/resumption-factories.js';
import type { Ctx } from '../../platform/context.js';

const HOUR = 3600_000;
// 09:00 on 24 Feb 2020 in Shanghai: before the default cut-off (12:00).
const clock = testClock(Date.UTC(2020, 1, 24, 1, 0, 0));
let t: TestApp;
let zone: TestZone;
const as = (userId: string): Ctx => ({ ...zone.ctx, actor: { ...zone.ctx.actor, userId } });
const kinds = async (userId: string) => (await t.services.notifications.list(as(userId), { page: 1, pageSize: 100 })).items.map((n) => n.kind).sort();

let owner: string, commissioner: string, leader: string, demandId: string;
beforeAll(async () => {
  t = await makeTestApp({ clock });
  ({ zone } = await newAdmin(t.app, t.services));
  const { enterprise } = await makeResumedEnterprise(t.services, zone);
  owner = (await makeUser(t.services, zone, ['enterprise_user'], { enterpriseId: enterprise.id })).id;
  commissioner = (await makeUser(t.services, zone, ['commissioner'])).id;
  await assignCommissioner(t.services, zone, commissioner, enterprise.id);
  leader = (await makeUser(t.services, zone, ['leader'])).id;
  demandId = (await makeDemand(t.services, zone, enterprise.id, { category: 'labour', dueAt: clock.now() + 2 * HOUR })).id;
});
afterAll(async () => t.close());

describe('hourly resumption jobs', () => {
  it('does nothing before the cut-off hour and before a demand falls due', async () => {
    expect(await t.services.resumption.jobs.hourly([zone.id])).toEqual([]);
    expect(await kinds(owner)).not.toContain('resumption.report_missing');
    expect(await kinds(leader)).toEqual([]);
  });

  it('after the cut-off reminds the enterprise and its commissioner once, and escalates the overdue demand to the leader once', async () => {
    clock.advance(4 * HOUR); // 13:00 local: past the cut-off and past the demand's due time
    expect(await t.services.resumption.jobs.hourly([zone.id])).toEqual([]);
    expect(await t.services.resumption.jobs.hourly([zone.id])).toEqual([]);
    expect((await kinds(owner)).filter((k) => k === 'resumption.report_missing')).toHaveLength(1);
    expect((await kinds(commissioner)).filter((k) => k === 'resumption.report_missing')).toHaveLength(1);
    expect(await kinds(leader)).toEqual(['demand.escalated']);
    const demand = await t.services.resumption.demands.get(zone.ctx, demandId);
    expect(demand.escalatedAt).toBe(clock.now());
    expect(demand.overdue).toBe(true);
  });
});
