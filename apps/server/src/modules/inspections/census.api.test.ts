// The census of parks (园区摸排) through the API: an entry per park and date (409 for a second,
// also at once), the cross-field rules naming their field, another zone's park or round refused,
// corrections, the list with its filters and Excel export, and the prefill from the registry
// (enterprises, employees) and the resumption status (enterprises resumed on the date).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makePark, signedInUser, uniq } from '../../test/factories.js';
import { resumeEnterprise } from '../../test/resumption-factories.js';
import { inspectionWorld, inspectParks } from '../../test/inspection-factories-2.js';
import type { Census } from './census.service.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const URL = '/api/inspections/census';
const entry = (parkId: string, over: Record<string, unknown> = {}) => ({ parkId, censusDate: '2020-02-24', enterprises: 12, employees: 860, staffLeft: 300, staffReturned: 210, enterprisesResumed: 9, difficulties: '口罩缺口约 2000 只；外地员工返岗需隔离', ...over });

describe('entering the census', () => {
  it('an inspector enters a park’s census; a second one for the park and date is 409, also at once', async () => {
    const w = await inspectionWorld(t.app, t.services, 2);
    const [a, b] = w.parks as [(typeof w.parks)[0], (typeof w.parks)[0]];
    const { round } = await inspectParks(t.services, w, { inspect: [] });
    const requestId = `census-${uniq()}`;
    const res = await a.inspector.call({ method: 'POST', url: URL, payload: entry(a.park.id, { roundId: round.id }), headers: { 'x-request-id': requestId } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), parkName: a.park.name, roundName: round.name, createdAt: clock.now(), updatedAt: clock.now(), ...entry(a.park.id, { roundId: round.id }) });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'actor_id']).where('request_id', '=', requestId).execute();
    expect(audit).toEqual([{ action: 'inspection_census.create', entity_id: res.json().id, actor_id: a.inspector.user.id }]);

    const dup = await w.call({ method: 'POST', url: URL, payload: entry(a.park.id) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict.census_exists');
    expect(dup.json().error.message).toContain('2020-02-24');
    const both = await Promise.all([w.call({ method: 'POST', url: URL, payload: entry(b.park.id) }), b.inspector.call({ method: 'POST', url: URL, payload: entry(b.park.id) })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Another day is another entry.
    expect((await w.call({ method: 'POST', url: URL, payload: entry(b.park.id, { censusDate: '2020-02-25' }) })).statusCode).toBe(201);
  });

  it('refuses returns above departures and resumed above enterprises, naming the field; another zone’s park or round; bad shapes', async () => {
    const w = await inspectionWorld(t.app, t.services);
    const p = w.parks[0]!;
    const bad = await w.call({ method: 'POST', url: URL, payload: entry(p.park.id, { staffReturned: 301, enterprisesResumed: 13 }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['staffReturned', 'enterprisesResumed']);
    const them = await inspectionWorld(t.app, t.services);
    const { round: theirRound } = await inspectParks(t.services, them, { inspect: [] });
    const foreignPark = await w.call({ method: 'POST', url: URL, payload: entry(them.parks[0]!.park.id) });
    expect(foreignPark.statusCode).toBe(422);
    expect(foreignPark.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'parkId' } });
    const foreignRound = await w.call({ method: 'POST', url: URL, payload: entry(p.park.id, { roundId: theirRound.id }) });
    expect(foreignRound.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'roundId' } });
    for (const payload of [entry(p.park.id, { employees: -1 }), entry(p.park.id, { censusDate: '2020-02-30' }), entry(p.park.id, { extra: 1 }), { parkId: p.park.id }]) {
      expect((await w.call({ method: 'POST', url: URL, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    // Readers do not enter.
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await leader.call({ method: 'POST', url: URL, payload: entry(p.park.id) })).statusCode).toBe(403);
  });

  it('inspectors enter and correct only the census of the parks they are assigned to; the zone admin any', async () => {
    const w = await inspectionWorld(t.app, t.services, 2);
    const [a, b] = w.parks as [(typeof w.parks)[0], (typeof w.parks)[0]];
    const foreign = await a.inspector.call({ method: 'POST', url: URL, payload: entry(b.park.id) });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toMatchObject({ code: 'rule.not_park_inspector', message: '只能填写自己负责园区的摸排情况' });
    const stranger = await signedInUser(t.app, t.services, w.zone, ['inspector']);
    expect((await stranger.call({ method: 'POST', url: URL, payload: entry(a.park.id) })).statusCode).toBe(403);
    const theirs = (await b.inspector.call({ method: 'POST', url: URL, payload: entry(b.park.id) })).json() as Census;
    const fix = await a.inspector.call({ method: 'PATCH', url: `${URL}/${theirs.id}`, payload: { staffReturned: 1 } });
    expect(fix.statusCode).toBe(403);
    const listed = (await w.call({ method: 'GET', url: `${URL}?parkId=${b.park.id}` })).json().items as Census[];
    expect(listed.map((c) => c.staffReturned)).toEqual([210]);
    expect((await w.call({ method: 'PATCH', url: `${URL}/${theirs.id}`, payload: { staffReturned: 1 } })).json()).toMatchObject({ staffReturned: 1 });
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', theirs.id).execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['inspection_census.create', 'inspection_census.update']);
  });

  it('corrects an entry with the same rules; the date of another entry is 409; recorded with what changed', async () => {
    const w = await inspectionWorld(t.app, t.services);
    const p = w.parks[0]!;
    const first = (await w.call({ method: 'POST', url: URL, payload: entry(p.park.id) })).json() as Census;
    await w.call({ method: 'POST', url: URL, payload: entry(p.park.id, { censusDate: '2020-02-25' }) });
    const res = await p.inspector.call({ method: 'PATCH', url: `${URL}/${first.id}`, payload: { staffReturned: 250, difficulties: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ staffReturned: 250, difficulties: null, staffLeft: 300, parkId: p.park.id });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', first.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection_census.create', 'inspection_census.update']);
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({ staffReturned: 250, difficulties: null });
    expect((await w.call({ method: 'PATCH', url: `${URL}/${first.id}`, payload: { staffLeft: 100 } })).json().error.details[0].path).toBe('staffReturned');
    expect((await w.call({ method: 'PATCH', url: `${URL}/${first.id}`, payload: { censusDate: '2020-02-25' } })).statusCode).toBe(409);
    expect((await w.call({ method: 'PATCH', url: `${URL}/${first.id}`, payload: { parkId: p.park.id } })).statusCode).toBe(400);
    const them = await inspectionWorld(t.app, t.services);
    expect((await them.call({ method: 'PATCH', url: `${URL}/${first.id}`, payload: { staffReturned: 1 } })).statusCode).toBe(404);
  });
});

describe('reading the census', () => {
  it('lists newest first with filters, and exports them', async () => {
    const w = await inspectionWorld(t.app, t.services, 2);
    const [a, b] = w.parks as [(typeof w.parks)[0], (typeof w.parks)[0]];
    const { round } = await inspectParks(t.services, w, { inspect: [] });
    await w.call({ method: 'POST', url: URL, payload: entry(a.park.id, { roundId: round.id }) });
    await w.call({ method: 'POST', url: URL, payload: entry(b.park.id, { censusDate: '2020-02-20', difficulties: '物流不畅' }) });
    await w.call({ method: 'POST', url: URL, payload: entry(a.park.id, { censusDate: '2020-02-21', difficulties: null }) });
    const list = async (q: string) => ((await w.call({ method: 'GET', url: `${URL}?${q}` })).json().items as Census[]).map((c) => `${c.parkName} ${c.censusDate}`);
    expect(await list('')).toEqual([`${a.park.name} 2020-02-24`, `${a.park.name} 2020-02-21`, `${b.park.name} 2020-02-20`]);
    expect(await list(`parkId=${a.park.id}`)).toEqual([`${a.park.name} 2020-02-24`, `${a.park.name} 2020-02-21`]);
    expect(await list(`roundId=${round.id}`)).toEqual([`${a.park.name} 2020-02-24`]);
    expect(await list('from=2020-02-21&to=2020-02-23')).toEqual([`${a.park.name} 2020-02-21`]);
    expect(await list(`q=${encodeURIComponent('物流')}`)).toEqual([`${b.park.name} 2020-02-20`]);
    expect((await w.call({ method: 'GET', url: `${URL}?pageSize=2&page=2` })).json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });

    const sheet = await xlsxResponse(await w.call({ method: 'GET', url: `${URL}/export.xlsx?parkId=${a.park.id}` }));
    expect(sheet.header).toEqual(['摸排日期', '园区', '巡查批次', '企业数', '已复工企业', '员工数', '离岗人数', '返岗人数', '困难和问题']);
    expect(column(sheet, '摸排日期')).toEqual(['2020-02-24', '2020-02-21']);
    expect(column(sheet, '巡查批次')).toEqual([round.name, '']);
    expect(column(sheet, '返岗人数')).toEqual(['210', '210']);

    const them = await inspectionWorld(t.app, t.services);
    expect((await them.call({ method: 'GET', url: URL })).json().total).toBe(0);
  });

  it('prefills a park from the registry and the resumption status on the date', async () => {
    const w = await inspectionWorld(t.app, t.services);
    const p = w.parks[0]!; // its enterprise has 40 employees
    const e2 = await makeEnterprise(t.services, w.zone, { parkId: p.park.id, employees: 25 });
    await makeEnterprise(t.services, w.zone, { parkId: p.park.id });
    await makeEnterprise(t.services, w.zone, { parkId: (await makePark(t.services, w.zone)).id, employees: 999 });
    await resumeEnterprise(t.services, w.zone, e2.id); // resumed from today (02-24)
    const prefill = async (q: string) => (await p.inspector.call({ method: 'GET', url: `${URL}/prefill?${q}` })).json();
    expect(await prefill(`parkId=${p.park.id}`)).toEqual({ parkId: p.park.id, censusDate: '2020-02-24', enterprises: 3, employees: 65, enterprisesResumed: 1 });
    expect(await prefill(`parkId=${p.park.id}&date=2020-02-23`)).toMatchObject({ censusDate: '2020-02-23', enterprisesResumed: 0 });
    const them = await inspectionWorld(t.app, t.services);
    const foreign = await them.call({ method: 'GET', url: `${URL}/prefill?parkId=${p.park.id}` });
    expect(foreign.statusCode).toBe(422);
    expect((await p.inspector.call({ method: 'GET', url: `${URL}/prefill` })).statusCode).toBe(400);
  });
});
