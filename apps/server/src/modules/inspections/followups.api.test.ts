// Daily follow-up visits (每日回访) with a controllable clock: the day after a ledger item is found
// the job gives its park's inspector a follow-up task, once per finding and day however often (or
// however many at once) it runs; a follow-up not made in time and a deadline passed escalate to the
// zone admins once per finding, kind and day; the inspector records the visit and may close the
// item with an after-photo; the admin may run the job now.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeUser, signedInUser, uniq } from '../../test/factories.js';
import { followUpsOf, inspectionWorld, inspectParks, signInAgain, uploadTaskPhoto } from '../../test/inspection-factories-2.js';

const clock = testClock();
const START = clock.now(); // 2020-02-24 09:00 in the zone
const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());
beforeEach(() => clock.set(START));

const run = (zoneId: string) => t.services.inspections.followups.run(zoneId);
async function notices(zoneId: string, kind: string) {
  const rows = await t.deps.database.db.selectFrom('notifications').select(['user_id', 'params_json', 'entity_id']).where('zone_id', '=', zoneId).where('kind', '=', kind).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...(JSON.parse(r.params_json) as { number: string; date: string }), userId: r.user_id, entityId: r.entity_id }));
}
async function escalations(zoneId: string) {
  const rows = await t.deps.database.db.selectFrom('inspection_escalations').select(['finding_id', 'kind', 'day']).where('zone_id', '=', zoneId).orderBy('day').orderBy('kind').orderBy('finding_id').execute();
  return rows.map((r) => `${r.kind} ${r.day} ${r.finding_id}`);
}

/** A park inspected today with two ledger items (deadlines 02-25 and 03-02) and one fixed on the spot. */
async function ledgerWorld() {
  const w = await inspectionWorld(t.app, t.services, 1);
  const p = w.parks[0]!;
  const { findings } = await inspectParks(t.services, w, {
    inspect: [{ park: p, fail: [{ itemKey: 'vehicle_registration', disposition: 'ledger', deadline: '2020-02-25' }, { itemKey: 'distancing_marks', disposition: 'fixed_on_spot' }, { itemKey: 'office_area', disposition: 'ledger', deadline: '2020-03-02' }] }],
  });
  const [vehicles, , area] = findings as [(typeof findings)[0], (typeof findings)[0], (typeof findings)[0]];
  return { w, p, vehicles, area };
}

async function nextDay(w: Awaited<ReturnType<typeof inspectionWorld>>, days = 1) {
  clock.advance(days * DAY);
  await signInAgain(t.app, w);
}

describe('the daily job', () => {
  it('the day after, one follow-up per open ledger item for the park’s inspector; the same day and reruns make nothing more', async () => {
    const { w, p, vehicles, area } = await ledgerWorld();
    // Found today: the first follow-up is tomorrow's.
    expect(await run(w.zone.id)).toEqual({ created: 0, escalated: 0 });

    await nextDay(w);
    expect(await run(w.zone.id)).toEqual({ created: 2, escalated: 0 });
    expect(await run(w.zone.id)).toEqual({ created: 0, escalated: 0 });
    const mine = (await p.inspector.call({ method: 'GET', url: '/api/inspections/tasks?mine=true&kind=follow_up' })).json();
    expect(mine.items.map((x: { findingNumber: string; dueDate: string; status: string; parkId: string; inspector: { id: string } }) => [x.findingNumber, x.dueDate, x.status, x.parkId, x.inspector.id]).sort()).toEqual([
      [vehicles.number, '2020-02-25', 'pending', p.park.id, p.inspector.user.id],
      [area.number, '2020-02-25', 'pending', p.park.id, p.inspector.user.id],
    ]);
    expect((await notices(w.zone.id, 'inspection.follow_up_due')).map((n) => [n.userId, n.number, n.date]).sort()).toEqual([
      [p.inspector.user.id, vehicles.number, '2020-02-25'],
      [p.inspector.user.id, area.number, '2020-02-25'],
    ]);
    // The task detail names the ledger item it visits.
    const detail = (await p.inspector.call({ method: 'GET', url: `/api/inspections/tasks/${mine.items[0].id}` })).json();
    expect(detail).toMatchObject({ kind: 'follow_up', finding: { id: mine.items[0].findingId, status: 'open' } });
  });

  it('runs at once create each follow-up once', async () => {
    const { w } = await ledgerWorld();
    await nextDay(w);
    const results = await Promise.all([run(w.zone.id), run(w.zone.id), run(w.zone.id), run(w.zone.id)]);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(2);
    const rows = await t.deps.database.db.selectFrom('inspection_tasks').select('id').where('zone_id', '=', w.zone.id).where('kind', '=', 'follow_up').execute();
    expect(rows).toHaveLength(2);
    expect(await notices(w.zone.id, 'inspection.follow_up_due')).toHaveLength(2);
  });

  it('missed follow-ups and passed deadlines escalate to the zone admins once per finding, kind and day', async () => {
    const { w, p, vehicles, area } = await ledgerWorld();
    const admin2 = await makeUser(t.services, w.zone, ['zone_admin']);
    await nextDay(w); // 02-25: follow-ups made; deadline of the vehicles item is today, not passed
    expect(await run(w.zone.id)).toEqual({ created: 2, escalated: 0 });

    await nextDay(w); // 02-26: yesterday's two follow-ups were not made; the vehicles deadline passed
    expect(await run(w.zone.id)).toEqual({ created: 2, escalated: 3 });
    expect(await run(w.zone.id)).toEqual({ created: 0, escalated: 0 });
    expect(await escalations(w.zone.id)).toEqual(
      [`deadline_passed 2020-02-25 ${vehicles.id}`, `follow_up_missed 2020-02-25 ${vehicles.id}`, `follow_up_missed 2020-02-25 ${area.id}`].sort((a, b) => a.localeCompare(b)),
    );
    const missed = await notices(w.zone.id, 'inspection.follow_up_missed');
    expect(missed.map((n) => [n.userId, n.number, n.date]).sort()).toEqual(
      [[w.admin.id, vehicles.number, '2020-02-25'], [admin2.id, vehicles.number, '2020-02-25'], [w.admin.id, area.number, '2020-02-25'], [admin2.id, area.number, '2020-02-25']].sort(),
    );
    expect((await notices(w.zone.id, 'inspection.deadline_passed')).map((n) => [n.userId, n.number])).toEqual(expect.arrayContaining([[w.admin.id, vehicles.number], [admin2.id, vehicles.number]]));
    expect(await notices(w.zone.id, 'inspection.deadline_passed')).toHaveLength(2);
    const history = (await w.call({ method: 'GET', url: `/api/inspections/findings/${vehicles.id}` })).json();
    expect(history.events.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'deadline_passed', 'follow_up_missed']);
    expect(history.overdue).toBe(true);
    // Missed follow-ups show as missed in the inspector's list.
    expect((await p.inspector.call({ method: 'GET', url: '/api/inspections/tasks?mine=true&missed=true' })).json().total).toBe(2);

    // 02-27: the inspector visits the area item today; yesterday's (02-26) were missed again.
    await nextDay(w);
    const r = await run(w.zone.id);
    expect(r).toEqual({ created: 2, escalated: 2 });
    expect(await escalations(w.zone.id)).toHaveLength(5);
    // The job's runs that did something are recorded, by the system.
    const runs = await t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'after_json']).where('zone_id', '=', w.zone.id).where('action', '=', 'inspection.follow_ups_run').orderBy('at').orderBy('id').execute();
    expect(runs.map((a) => [a.actor_id, JSON.parse(a.after_json!)])).toEqual([
      [null, { day: '2020-02-25', created: 2, escalated: 0 }],
      [null, { day: '2020-02-26', created: 2, escalated: 3 }],
      [null, { day: '2020-02-27', created: 2, escalated: 2 }],
    ]);
  });

  it('the admin runs it now (recorded once); others may not', async () => {
    const { w, p } = await ledgerWorld();
    await nextDay(w);
    const [first, second] = [`run-now-${uniq()}`, `run-now-${uniq()}`];
    const res = await w.call({ method: 'POST', url: '/api/inspections/jobs/follow-ups/run', headers: { 'x-request-id': first } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, escalated: 0 });
    const again = await w.call({ method: 'POST', url: '/api/inspections/jobs/follow-ups/run', headers: { 'x-request-id': second } });
    expect(again.json()).toEqual({ created: 0, escalated: 0 });
    for (const [id, after] of [[first, { created: 2, escalated: 0 }], [second, { created: 0, escalated: 0 }]] as const) {
      const rows = await t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id', 'after_json']).where('request_id', '=', id).execute();
      expect(rows.map((a) => [a.action, a.actor_id, a.entity_id, JSON.parse(a.after_json!)])).toEqual([['inspection.follow_ups_run', w.admin.id, w.zone.id, { day: '2020-02-25', ...after }]]);
    }
    expect((await p.inspector.call({ method: 'POST', url: '/api/inspections/jobs/follow-ups/run' })).statusCode).toBe(403);
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await leader.call({ method: 'POST', url: '/api/inspections/jobs/follow-ups/run' })).statusCode).toBe(403);
  });
});

describe('the follow-up visit', () => {
  it('records the visit and submits the task; once only; the own task only; then closes the item with an after-photo', async () => {
    const { w, p, vehicles, area } = await ledgerWorld();
    await nextDay(w);
    await run(w.zone.id);
    const [fu] = await followUpsOf(t.services, w, area.id);
    const photo = await uploadTaskPhoto(p.inspector, fu!.id, 'visit.jpg');
    const url = `/api/inspections/tasks/${fu!.id}/follow-up`;

    // Somebody else's task, another task's photo, closing without an after-photo.
    const stranger = await signedInUser(t.app, t.services, w.zone, ['inspector']);
    const theirs = await stranger.call({ method: 'POST', url, payload: { note: '回访' } });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error.code).toBe('rule.not_own_task');
    const [vfu] = await followUpsOf(t.services, w, vehicles.id);
    const otherPhoto = await uploadTaskPhoto(p.inspector, vfu!.id);
    const wrong = await p.inspector.call({ method: 'POST', url, payload: { note: '回访', photoFileIds: [otherPhoto] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([expect.objectContaining({ path: 'photoFileIds.0' })]);
    const noAfter = await p.inspector.call({ method: 'POST', url, payload: { note: '已整改', close: true } });
    expect(noAfter.statusCode).toBe(400);
    expect(noAfter.json().error.details).toEqual([expect.objectContaining({ path: 'afterPhotoFileIds' })]);

    // The visit: the task submitted, an event on the finding; a second one is refused.
    const ok = await p.inspector.call({ method: 'POST', url, payload: { note: '企业正在调整工位，明日复查', photoFileIds: [photo] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: fu!.id, kind: 'follow_up', status: 'submitted', note: '企业正在调整工位，明日复查', finding: { id: area.id, status: 'open', followUps: 1, lastFollowUpOn: '2020-02-25' } });
    const twice = await p.inspector.call({ method: 'POST', url, payload: { note: '再次回访' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('state.task');
    const finding = (await w.call({ method: 'GET', url: `/api/inspections/findings/${area.id}` })).json();
    expect(finding.events.at(-1)).toMatchObject({ action: 'follow_up', fromStatus: 'open', toStatus: 'open', actorName: p.inspector.user.displayName, comment: '企业正在调整工位，明日复查', photoFileIds: [photo] });
    // An inspection task is not a follow-up.
    const inspection = (await w.call({ method: 'GET', url: `/api/inspections/findings/${area.id}` })).json().taskId as string;
    expect((await p.inspector.call({ method: 'POST', url: `/api/inspections/tasks/${inspection}/follow-up`, payload: { note: '回访' } })).statusCode).toBe(409);

    // Next day: the visit verifies it closed, with the photo after the fix.
    await nextDay(w);
    expect(await run(w.zone.id)).toMatchObject({ created: 2 });
    const [, today] = await followUpsOf(t.services, w, area.id);
    const after = await uploadTaskPhoto(p.inspector, today!.id, 'after.jpg');
    const close = await p.inspector.call({ method: 'POST', url: `/api/inspections/tasks/${today!.id}/follow-up`, payload: { note: '人均面积已达 3 平方米，验收合格', close: true, afterPhotoFileIds: [after] } });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json().finding).toMatchObject({ status: 'closed', closedOn: '2020-02-26', daysToClose: 2, afterPhotoFileIds: [after], followUps: 2 });
    const closed = (await w.call({ method: 'GET', url: `/api/inspections/findings/${area.id}` })).json();
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(['create', 'follow_up', 'follow_up', 'close']);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('zone_id', '=', w.zone.id).where('actor_id', '=', p.inspector.user.id).orderBy('at').orderBy('id').execute();
    expect(audit.filter((a) => !['auth.login', 'inspection_task.upload_photo'].includes(a.action)).map((a) => a.action)).toEqual(['inspection_task.follow_up', 'inspection_task.follow_up', 'inspection_finding.close']);
    expect((await notices(w.zone.id, 'inspection.finding_closed')).map((n) => [n.userId, n.number])).toEqual([[w.admin.id, area.number]]);

    // Closed: no more follow-ups for it from the next day on.
    await nextDay(w);
    expect(await run(w.zone.id)).toMatchObject({ created: 1 });
    expect((await followUpsOf(t.services, w, area.id)).map((x) => x.dueDate)).toEqual(['2020-02-25', '2020-02-26']);
  });

  it('two submissions at once: one 200, one 409', async () => {
    const { w, p, area } = await ledgerWorld();
    await nextDay(w);
    await run(w.zone.id);
    const [fu] = await followUpsOf(t.services, w, area.id);
    const send = () => p.inspector.call({ method: 'POST', url: `/api/inspections/tasks/${fu!.id}/follow-up`, payload: { note: '回访记录' } });
    const res = await Promise.all([send(), send()]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = (await w.call({ method: 'GET', url: `/api/inspections/findings/${area.id}` })).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'follow_up')).toHaveLength(1);
  });
});
