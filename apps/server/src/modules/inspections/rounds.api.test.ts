// Park plans and inspection rounds (巡查批次) through the API: one task per park for its
// responsible inspector (parks without one refused, naming them), the inspectors notified,
// coverage of parks, buildings and enterprises computed from submitted tasks only, closing and
// reopening, and who may do what; another zone's parks and rounds are invisible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round, Task } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeBuilding, makeEnterprise, makePark, newAdmin, signedInUser, signInAs, type TestZone } from '../../test/factories.js';
import { completeTask, makeInspector, makeTemplate, startRound, userCtx } from '../../test/inspection-factories.js';

const clock = testClock(Date.UTC(2020, 1, 26, 1, 0, 0)); // 2020-02-26 09:00 in Beijing
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const BASE = '/api/inspections';

/** Parks A (2 buildings, 3 enterprises), B (1 building, 1 enterprise), C (none), D without an inspector; inspector 1 for A and B, 2 for C. */
async function world() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const s = t.services;
  const [a, b, c, d] = [await makePark(s, zone, '甲园区'), await makePark(s, zone, '乙园区'), await makePark(s, zone, '丙园区'), await makePark(s, zone, '丁园区')];
  const [a1, a2, b1] = [await makeBuilding(s, zone, a.id, 'A1 栋'), await makeBuilding(s, zone, a.id, 'A2 栋'), await makeBuilding(s, zone, b.id, 'B1 栋')];
  const ea1 = await makeEnterprise(s, zone, { parkId: a.id, buildingId: a1.id });
  const ea2 = await makeEnterprise(s, zone, { parkId: a.id, buildingId: a2.id });
  await makeEnterprise(s, zone, { parkId: a.id });
  const eb = await makeEnterprise(s, zone, { parkId: b.id, buildingId: b1.id });
  const i1 = await makeInspector(s, zone, a.id);
  await s.org.assignments.create(zone.ctx, { kind: 'park_inspector', userId: i1.id, targetId: b.id, isPrimary: true, note: null });
  const i2 = await makeInspector(s, zone, c.id);
  const tpl = await makeTemplate(s, zone);
  return { admin, zone, parks: { a, b, c, d }, buildings: { a1, a2, b1 }, firms: { ea1, ea2, eb }, i1, i2, tpl };
}

const roundsOf = (zone: TestZone) => t.deps.database.db.selectFrom('inspection_rounds').select('id').where('zone_id', '=', zone.id).execute();

describe('rounds', () => {
  it('a round makes one task per park for its inspector, notifies them, and refuses parks without one, twice, or of another zone', async () => {
    const w = await world();
    const { admin, parks } = w;
    const created = await admin.call({ method: 'POST', url: `${BASE}/rounds`, payload: { name: '2月26日全面巡查', roundDate: '2020-02-26', templateId: w.tpl.id, parkIds: [parks.a.id, parks.b.id, parks.c.id] } });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json() as Round;
    expect(round).toMatchObject({
      name: '2月26日全面巡查',
      roundDate: '2020-02-26',
      templateId: w.tpl.id,
      templateName: w.tpl.name,
      templateVersion: 1,
      status: 'open',
      tasks: { total: 3, submitted: 0 },
      coverage: { parks: { numerator: 0, denominator: 3, value: 0 }, buildings: { numerator: 0, denominator: 3, value: 0 }, enterprises: { numerator: 0, denominator: 4, value: 0 } },
    });
    const tasks = (await admin.call({ method: 'GET', url: `${BASE}/rounds/${round.id}/tasks` })).json().items as Task[];
    expect(tasks.map((x) => [x.parkName, x.inspector?.id, x.kind, x.status, x.dueDate, x.roundName, x.missed])).toEqual([
      ['丙园区', w.i2.id, 'inspection', 'pending', '2020-02-26', '2月26日全面巡查', false],
      ['乙园区', w.i1.id, 'inspection', 'pending', '2020-02-26', '2月26日全面巡查', false],
      ['甲园区', w.i1.id, 'inspection', 'pending', '2020-02-26', '2月26日全面巡查', false],
    ]);
    // Each inspector is told of each of their tasks.
    const inspector1 = await signInAs(t.app, w.i1.username);
    const notices = (await inspector1.call({ method: 'GET', url: '/api/notifications' })).json().items as { kind: string; entityId: string; params: Record<string, string> }[];
    expect(notices.map((n) => n.kind)).toEqual(['inspection.task_assigned', 'inspection.task_assigned']);
    expect(notices.map((n) => n.params.parkName).sort()).toEqual(['乙园区', '甲园区']);
    expect(notices[0]!.params).toMatchObject({ roundName: '2月26日全面巡查', dueDate: '2020-02-26' });
    const mine = (await inspector1.call({ method: 'GET', url: `${BASE}/tasks?mine=true` })).json();
    expect(mine.total).toBe(2);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('zone_id', '=', w.zone.id).where('entity_id', '=', round.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection_round.create']);
    expect(JSON.parse(audit[0]!.after_json!).tasks).toHaveLength(3);

    const before = (await roundsOf(w.zone)).length;
    const without = await admin.call({ method: 'POST', url: `${BASE}/rounds`, payload: { name: '含无人园区', roundDate: '2020-02-27', templateId: w.tpl.id, parkIds: [parks.a.id, parks.d.id] } });
    expect(without.statusCode).toBe(422);
    expect(without.json().error).toMatchObject({ code: 'rule.park_without_inspector', details: { field: 'parkIds.1' }, message: '园区“丁园区”还没有责任巡查员，请先在责任分工中指定' });
    const twice = await admin.call({ method: 'POST', url: `${BASE}/rounds`, payload: { name: '重复', roundDate: '2020-02-27', templateId: w.tpl.id, parkIds: [parks.a.id, parks.b.id, parks.a.id] } });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toEqual([{ path: 'parkIds.2', message: '同一批次中园区不能重复' }]);
    const foreignPark = await makePark(t.services, (await newAdmin(t.app, t.services)).zone);
    const cross = await admin.call({ method: 'POST', url: `${BASE}/rounds`, payload: { name: '跨区', roundDate: '2020-02-27', templateId: w.tpl.id, parkIds: [parks.a.id, foreignPark.id] } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'parkIds.1' } });
    expect((await roundsOf(w.zone)).length).toBe(before);
    expect((await t.deps.database.db.selectFrom('inspection_tasks').select('id').where('zone_id', '=', w.zone.id).execute()).length).toBe(3);
  });

  it('coverage counts parks, buildings and enterprises of submitted tasks only, of those in the round’s parks', async () => {
    const w = await world();
    const round = await startRound(t.services, w.zone, { parkIds: [w.parks.a.id, w.parks.b.id, w.parks.c.id], templateId: w.tpl.id, roundDate: '2020-02-26' });
    const tasks = (await t.services.inspections.tasks.list(w.zone.ctx, { roundId: round.id, page: 1, pageSize: 10 })).items;
    const taskOf = (parkId: string) => tasks.find((x) => x.parkId === parkId)!.id;
    const ctx1 = userCtx(w.zone, { ...w.i1, roles: ['inspector'] });
    // Park A walked: building A1 and the enterprise in A2 (its building counts too).
    await completeTask(t.services, ctx1, taskOf(w.parks.a.id), { buildingId: w.buildings.a1.id, enterpriseId: w.firms.ea2.id });
    // Park B walked but not submitted: counts for nothing yet.
    await completeTask(t.services, ctx1, taskOf(w.parks.b.id), { submit: false });
    const admin = w.admin;
    let r = (await admin.call({ method: 'GET', url: `${BASE}/rounds/${round.id}` })).json() as Round;
    expect(r.coverage).toEqual({
      parks: { numerator: 1, denominator: 3, value: 0.3333 },
      buildings: { numerator: 2, denominator: 3, value: 0.6667 },
      enterprises: { numerator: 1, denominator: 4, value: 0.25 },
    });
    expect(r.tasks).toEqual({ total: 3, submitted: 1 });
    await t.services.inspections.tasks.act(ctx1, taskOf(w.parks.b.id), 'submit', {});
    r = (await admin.call({ method: 'GET', url: `${BASE}/rounds/${round.id}` })).json() as Round;
    expect(r.coverage).toEqual({
      parks: { numerator: 2, denominator: 3, value: 0.6667 },
      buildings: { numerator: 3, denominator: 3, value: 1 },
      enterprises: { numerator: 2, denominator: 4, value: 0.5 },
    });
    // The list shows the same figures; the other round of the day is not mixed in.
    const other = await startRound(t.services, w.zone, { parkIds: [w.parks.a.id], templateId: w.tpl.id, roundDate: '2020-02-27' });
    const listed = (await admin.call({ method: 'GET', url: `${BASE}/rounds` })).json().items as Round[];
    expect(listed.map((x) => [x.id, x.coverage.parks.numerator, x.coverage.parks.denominator])).toEqual([
      [other.id, 0, 1],
      [round.id, 2, 3],
    ]);
    expect((await admin.call({ method: 'GET', url: `${BASE}/rounds?from=2020-02-27` })).json().items.map((x: Round) => x.id)).toEqual([other.id]);
    expect((await admin.call({ method: 'GET', url: `${BASE}/rounds?to=2020-02-26&q=${encodeURIComponent(round.name)}` })).json().total).toBe(1);
  });

  it('rounds close and reopen (409 otherwise); only the admin starts and closes them; leaders and inspectors read', async () => {
    const w = await world();
    const round = await startRound(t.services, w.zone, { parkIds: [w.parks.a.id], templateId: w.tpl.id, roundDate: '2020-02-26' });
    const url = `${BASE}/rounds/${round.id}/actions`;
    const inspector = await signInAs(t.app, w.i1.username);
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    for (const who of [inspector, leader]) {
      expect((await who.call({ method: 'POST', url: `${url}/close` })).statusCode).toBe(403);
      expect((await who.call({ method: 'POST', url: `${BASE}/rounds`, payload: { name: 'x', roundDate: '2020-02-26', templateId: w.tpl.id, parkIds: [w.parks.a.id] } })).statusCode).toBe(403);
      expect((await who.call({ method: 'GET', url: `${BASE}/rounds/${round.id}` })).statusCode).toBe(200);
    }
    expect((await w.admin.call({ method: 'POST', url: `${url}/reopen` })).statusCode).toBe(409);
    const closed = await w.admin.call({ method: 'POST', url: `${url}/close` });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const again = await w.admin.call({ method: 'POST', url: `${url}/close` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'state.round', message: '巡查批次当前为“已结束”，不能结束' });
    expect((await w.admin.call({ method: 'GET', url: `${BASE}/rounds?status=closed` })).json().items.map((x: Round) => x.id)).toEqual([round.id]);
    expect((await w.admin.call({ method: 'POST', url: `${url}/reopen` })).json()).toMatchObject({ status: 'open' });
    const actions = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', round.id).orderBy('at').orderBy('id').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['inspection_round.close', 'inspection_round.create', 'inspection_round.reopen']);

    const stranger = await newAdmin(t.app, t.services);
    expect((await stranger.call({ method: 'GET', url: `${BASE}/rounds/${round.id}` })).statusCode).toBe(404);
    expect((await stranger.call({ method: 'GET', url: `${BASE}/rounds/${round.id}/tasks` })).statusCode).toBe(404);
    expect((await stranger.call({ method: 'POST', url: `${url}/close` })).statusCode).toBe(404);
    expect((await stranger.call({ method: 'GET', url: `${BASE}/rounds` })).json().total).toBe(0);
  });
});

describe('park plans', () => {
  it('each park shows its plan, inspector, size of registry, last inspection and next due date; plans are the admin’s and audited', async () => {
    const w = await world();
    const { admin, parks } = w;
    const list = async (q = '') => (await admin.call({ method: 'GET', url: `${BASE}/parks${q}` })).json();
    const first = await list();
    expect(first.total).toBe(4);
    expect(first.items.map((p: { parkName: string }) => p.parkName)).toEqual(['丙园区', '丁园区', '甲园区', '乙园区'].sort((x, y) => x.localeCompare(y, 'zh-CN')));
    const a0 = first.items.find((p: { parkId: string }) => p.parkId === parks.a.id);
    expect(a0).toEqual({ parkId: parks.a.id, parkName: '甲园区', risk: null, size: null, frequencyDays: null, inspector: { id: w.i1.id, name: w.i1.displayName }, buildings: 2, enterprises: 3, lastInspectedOn: null, nextDueOn: null, openFindings: 0 });
    expect(first.items.find((p: { parkId: string }) => p.parkId === parks.d.id).inspector).toBeNull();

    const set = await admin.call({ method: 'PUT', url: `${BASE}/parks/${parks.a.id}/plan`, payload: { risk: 'high', size: 'large', frequencyDays: 3 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ risk: 'high', size: 'large', frequencyDays: 3, nextDueOn: '2020-02-26' });
    await admin.call({ method: 'PUT', url: `${BASE}/parks/${parks.b.id}/plan`, payload: { risk: 'low', size: 'small', frequencyDays: 7 } });
    expect((await list('?risk=high')).items.map((p: { parkId: string }) => p.parkId)).toEqual([parks.a.id]);
    expect((await list('?due=true')).items.map((p: { parkId: string }) => p.parkId).sort()).toEqual([parks.a.id, parks.b.id].sort());

    // Inspected on the 26th: next due three days later, no longer due today.
    const round = await startRound(t.services, w.zone, { parkIds: [parks.a.id], templateId: w.tpl.id, roundDate: '2020-02-26' });
    const [task] = (await t.services.inspections.tasks.list(w.zone.ctx, { roundId: round.id, page: 1, pageSize: 1 })).items;
    await completeTask(t.services, userCtx(w.zone, { ...w.i1, roles: ['inspector'] }), task!.id);
    const a1 = (await list(`?q=${encodeURIComponent('甲')}`)).items;
    expect(a1).toEqual([expect.objectContaining({ parkId: parks.a.id, lastInspectedOn: '2020-02-26', nextDueOn: '2020-02-29' })]); // 2020 is a leap year
    expect((await list('?due=true')).items.map((p: { parkId: string }) => p.parkId)).toEqual([parks.b.id]);
    expect((await list('?due=false')).items.map((p: { parkId: string }) => p.parkId).sort()).toEqual([parks.a.id, parks.c.id, parks.d.id].sort());

    const changed = await admin.call({ method: 'PUT', url: `${BASE}/parks/${parks.a.id}/plan`, payload: { risk: 'medium', size: 'large', frequencyDays: 5 } });
    expect(changed.json()).toMatchObject({ risk: 'medium', nextDueOn: '2020-03-02' });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', parks.a.id).where('action', '=', 'inspection_park.plan').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toContainEqual([{ risk: 'high', frequencyDays: 3 }, { risk: 'medium', frequencyDays: 5 }]);

    const bad = await admin.call({ method: 'PUT', url: `${BASE}/parks/${parks.a.id}/plan`, payload: { risk: 'extreme', size: 'large', frequencyDays: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['frequencyDays', 'risk']);
    const inspector = await signInAs(t.app, w.i1.username);
    expect((await inspector.call({ method: 'PUT', url: `${BASE}/parks/${parks.a.id}/plan`, payload: { risk: 'low', size: 'small', frequencyDays: 7 } })).statusCode).toBe(403);
    expect((await inspector.call({ method: 'GET', url: `${BASE}/parks` })).json().total).toBe(4);
    const stranger = await newAdmin(t.app, t.services);
    expect((await stranger.call({ method: 'PUT', url: `${BASE}/parks/${parks.a.id}/plan`, payload: { risk: 'low', size: 'small', frequencyDays: 7 } })).statusCode).toBe(404);
    expect((await stranger.call({ method: 'GET', url: `${BASE}/parks` })).json().total).toBe(0);
  });
});
