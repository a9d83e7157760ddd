// Findings and the rectification ledger (巡查台账) through the API: the submission of an inspection
// makes one finding per failed item (XC-YYYYMMDD-NNNN; fixed on the spot final, the others open in
// the ledger); the ledger's filters and its Excel export with the standard columns; closing a
// ledger item (who, when, which after-photos); raising an enterprise demand; photos; access.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, signedInUser } from '../../test/factories.js';
import { followUpsOf, inspectionWorld, inspectParks, signInAgain, uploadTaskPhoto } from '../../test/inspection-factories-2.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const START = clock.now(); // 2020-02-24 09:00 in the zone
const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());
beforeEach(() => clock.set(START));

const URL = '/api/inspections/findings';

async function notices(zoneId: string, kind: string) {
  return t.deps.database.db.selectFrom('notifications').select(['user_id', 'params_json', 'entity_id']).where('zone_id', '=', zoneId).where('kind', '=', kind).orderBy('created_at').execute();
}
async function audits(entityId: string) {
  return t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'after_json']).where('entity_id', '=', entityId).orderBy('at').orderBy('id').execute();
}

/** One park inspected today: distancing marks fixed on the spot, office area and vehicle registration into the ledger. */
async function inspectedWorld(parks = 1) {
  const w = await inspectionWorld(t.app, t.services, parks);
  const p = w.parks[0]!;
  const done = await inspectParks(t.services, w, {
    inspect: [{ park: p, fail: [{ itemKey: 'distancing_marks', disposition: 'fixed_on_spot' }, { itemKey: 'office_area', disposition: 'ledger', value: 1.5, deadline: '2020-02-27' }, { itemKey: 'vehicle_registration', disposition: 'ledger', deadline: '2020-03-02' }] }],
  });
  const byKey = (key: string) => done.findings.find((f) => f.itemKey === key)!;
  return { w, p, ...done, fixed: byKey('distancing_marks'), area: byKey('office_area'), vehicles: byKey('vehicle_registration') };
}

describe('findings made by a submission', () => {
  it('one per failed item, numbered by the day found; fixed on the spot is final, ledger items open with party, measure and deadline', async () => {
    const { w, p, tasks, findings, fixed, area, vehicles } = await inspectedWorld();
    expect(findings.map((f) => f.number)).toEqual(['XC-20200224-0001', 'XC-20200224-0002', 'XC-20200224-0003']);
    expect(fixed).toMatchObject({
      taskId: tasks[0]!.id, parkId: p.park.id, parkName: p.park.name, place: 'building', placeLabel: p.building.name, buildingId: p.building.id, enterpriseId: null,
      itemTitle: '电梯、大厅设置 1 米线标识', severity: 'low', disposition: 'fixed_on_spot', status: 'fixed_on_spot', responsibleParty: null, deadline: null,
      overdue: false, foundOn: '2020-02-24', closedOn: '2020-02-24', daysToClose: 0, inspector: { id: p.inspector.user.id, name: p.inspector.user.displayName }, followUps: 0, demandId: null,
    });
    expect(fixed.photoFileIds).toHaveLength(1);
    expect(fixed.afterPhotoFileIds).toHaveLength(1);
    expect(area).toMatchObject({ place: 'enterprise', enterpriseId: p.enterprise.id, enterpriseName: p.enterprise.name, value: 1.5, disposition: 'ledger', status: 'open', responsibleParty: '园区物业', measure: '限期整改并复查', deadline: '2020-02-27', closedOn: null, daysToClose: null, afterPhotoFileIds: [] });
    expect(vehicles).toMatchObject({ place: 'entrance', buildingId: null, enterpriseId: null, status: 'open' });

    // The detail carries its history; the task detail lists what it made.
    const detail = (await w.call({ method: 'GET', url: `${URL}/${area.id}` })).json();
    expect(detail.events).toEqual([{ id: expect.any(String), action: 'create', fromStatus: null, toStatus: 'open', actorName: 'test', comment: area.description, photoFileIds: area.photoFileIds, at: START }]);
    const task = (await p.inspector.call({ method: 'GET', url: `/api/inspections/tasks/${tasks[0]!.id}` })).json();
    expect(task.findings.map((f: Finding) => f.number)).toEqual(findings.map((f) => f.number));
    // Park plans count the open ledger items.
    const parks = (await w.call({ method: 'GET', url: '/api/inspections/parks' })).json();
    expect(parks.items.find((x: { parkId: string }) => x.parkId === p.park.id).openFindings).toBe(2);
  });

  it('the photos of a finding are served from its task; others are not', async () => {
    const { w, p, fixed, area } = await inspectedWorld();
    const res = await p.inspector.call({ method: 'GET', url: `${URL}/${fixed.id}/photos/${fixed.afterPhotoFileIds[0]}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline/);
    // A photo of the same task that belongs to another finding, and an unknown id.
    expect((await w.call({ method: 'GET', url: `${URL}/${area.id}/photos/${fixed.afterPhotoFileIds[0]}` })).statusCode).toBe(404);
    expect((await w.call({ method: 'GET', url: `${URL}/${area.id}/photos/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
  });
});

describe('the ledger', () => {
  it('filters by ledger, status, park, severity, item, round, overdue and text; sorts and pages', async () => {
    const w = await inspectionWorld(t.app, t.services, 2);
    const [a, b] = w.parks as [(typeof w.parks)[0], (typeof w.parks)[0]];
    const { round, findings } = await inspectParks(t.services, w, {
      inspect: [
        { park: a, fail: [{ itemKey: 'entrance_temperature', disposition: 'ledger', deadline: '2020-02-25' }, { itemKey: 'publicity', disposition: 'fixed_on_spot' }] },
        { park: b, fail: [{ itemKey: 'entrance_temperature', disposition: 'ledger', deadline: '2020-03-10' }, { itemKey: 'office_area', disposition: 'ledger', description: '员工工位过密，人均不足 2 平方米' }] },
      ],
    });
    const numbers = async (query: string) => {
      const res = await w.call({ method: 'GET', url: `${URL}?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((f: Finding) => f.number);
    };
    const n = findings.map((f) => f.number); // a: temperature, publicity; b: temperature, office area
    expect(await numbers('')).toEqual([...n].reverse());
    expect(await numbers('sort=number:asc')).toEqual(n);
    expect(await numbers('ledger=true&sort=number:asc')).toEqual([n[0], n[2], n[3]]);
    expect(await numbers('status=fixed_on_spot')).toEqual([n[1]]);
    expect(await numbers(`parkId=${b.park.id}&sort=number:asc`)).toEqual([n[2], n[3]]);
    expect(await numbers('severity=high&sort=number:asc')).toEqual([n[0], n[2]]);
    expect(await numbers('itemKey=office_area')).toEqual([n[3]]);
    expect(await numbers(`roundId=${round.id}&disposition=fixed_on_spot`)).toEqual([n[1]]);
    expect(await numbers(`q=${encodeURIComponent('人均不足')}`)).toEqual([n[3]]);
    expect(await numbers(`q=${encodeURIComponent(b.enterprise.name)}`)).toEqual([n[3]]);
    expect(await numbers(`q=${n[2]!.toLowerCase()}`)).toEqual([n[2]]);
    // Deadlines: a 02-25, b's office area 03-02 (a week after), b's temperature 03-10.
    expect(await numbers('sort=deadline:asc&ledger=true')).toEqual([n[0], n[3], n[2]]);
    expect(await numbers('overdue=true')).toEqual([]);
    const page = (await w.call({ method: 'GET', url: `${URL}?sort=number:asc&page=2&pageSize=3` })).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((f: Finding) => f.number)).toEqual([n[3]]);

    // Two days later the first deadline has passed.
    clock.advance(2 * DAY);
    await signInAgain(t.app, w);
    expect(await numbers('overdue=true')).toEqual([n[0]]);
    expect(await numbers('overdue=false&sort=number:asc')).toEqual([n[1], n[2], n[3]]);
    expect((await w.call({ method: 'GET', url: `${URL}/${findings[0]!.id}` })).json().overdue).toBe(true);
  });

  it('exports the filtered ledger to Excel with the standard columns of a rectification ledger', async () => {
    const { w, p, area, vehicles } = await inspectedWorld();
    const sheet = await xlsxResponse(await w.call({ method: 'GET', url: `${URL}/export.xlsx?ledger=true&sort=number:asc` }));
    expect(sheet.header).toEqual(['序号', '编号', '园区', '部位', '楼宇/企业', '检查项', '问题描述', '严重程度', '发现日期', '处置方式', '责任方', '整改措施', '整改期限', '状态', '回访次数', '最近回访', '销号日期', '整改天数', '巡查员']);
    expect(column(sheet, '序号')).toEqual(['1', '2']);
    // Places are walked entrance first: the vehicle registration's finding has the first number.
    expect(column(sheet, '编号')).toEqual([vehicles.number, area.number]);
    expect(column(sheet, '园区')).toEqual([p.park.name, p.park.name]);
    expect(column(sheet, '部位')).toEqual(['园区入口', '企业']);
    expect(column(sheet, '楼宇/企业')).toEqual(['', p.enterprise.name]);
    expect(column(sheet, '检查项')).toEqual(['进出车辆逐一登记', '办公区域人均面积不低于 2.5 平方米']);
    expect(column(sheet, '问题描述')[1]).toBe(`${area.description}（1.5）`);
    expect(column(sheet, '严重程度')).toEqual(['较重', '较重']);
    expect(column(sheet, '发现日期')).toEqual(['2020-02-24', '2020-02-24']);
    expect(column(sheet, '处置方式')).toEqual(['列入台账', '列入台账']);
    expect(column(sheet, '责任方')).toEqual(['园区物业', '园区物业']);
    expect(column(sheet, '整改期限')).toEqual(['2020-03-02', '2020-02-27']);
    expect(column(sheet, '回访次数')).toEqual(['0', '0']);
    expect(column(sheet, '状态')).toEqual(['整改中', '整改中']);
    expect(column(sheet, '巡查员')).toEqual([p.inspector.user.displayName, p.inspector.user.displayName]);
    const all = await xlsxResponse(await w.call({ method: 'GET', url: `${URL}/export.xlsx?sort=number:asc&lang=en-US`, headers: { 'accept-language': 'en-US' } }));
    expect(all.header.slice(0, 3)).toEqual(['No.', 'Number', 'Park']);
    expect(column(all, 'Status')).toEqual(['Open', 'Fixed on the spot', 'Open']);
    expect(column(all, 'Days to close')).toEqual(['', '0', '']);
  });
});

describe('closing a ledger item (验收销号)', () => {
  it('the park’s inspector closes it with a photo taken on a follow-up: closed today, history, audit, the admin told', async () => {
    const { w, p, area } = await inspectedWorld();
    clock.advance(DAY);
    await signInAgain(t.app, w);
    expect(await t.services.inspections.followups.run(w.zone.id)).toMatchObject({ created: 2 });
    const [followUp] = await followUpsOf(t.services, w, area.id);
    const photo = await uploadTaskPhoto(p.inspector, followUp!.id);
    clock.advance(DAY);
    await signInAgain(t.app, w);
    const res = await p.inspector.call({ method: 'POST', url: `${URL}/${area.id}/actions/close`, payload: { note: '已调整工位，人均 3 平方米', afterPhotoFileIds: [photo] } });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ status: 'closed', closedOn: '2020-02-26', closeNote: '已调整工位，人均 3 平方米', daysToClose: 2, afterPhotoFileIds: [photo], overdue: false, followUps: 1, lastFollowUpOn: '2020-02-25' });
    expect(f.events.map((e: { action: string }) => e.action)).toEqual(['create', 'close']);
    expect(f.events[1]).toMatchObject({ fromStatus: 'open', toStatus: 'closed', actorName: p.inspector.user.displayName, comment: '已调整工位，人均 3 平方米', photoFileIds: [photo] });
    expect((await audits(area.id)).map((a) => [a.action, a.actor_id])).toEqual([['inspection_finding.close', p.inspector.user.id]]);
    expect((await notices(w.zone.id, 'inspection.finding_closed')).map((n) => [n.user_id, JSON.parse(n.params_json).number, n.entity_id])).toEqual([[w.admin.id, area.number, area.id]]);
    // The follow-up the photo was taken on counts as made; the photo is served from the finding.
    expect((await followUpsOf(t.services, w, area.id)).map((x) => x.status)).toEqual(['submitted']);
    expect((await w.call({ method: 'GET', url: `${URL}/${area.id}/photos/${photo}` })).statusCode).toBe(200);
    // Closed is final; fixed on the spot never was open.
    const again = await w.call({ method: 'POST', url: `${URL}/${area.id}/actions/close`, payload: { note: '再次销号', afterPhotoFileIds: [photo] } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'state.finding', details: { status: 'closed' } });
  });

  it('needs after-photos of its own tasks, the park’s inspector or the admin, and an open item', async () => {
    const { w, p, fixed, area, vehicles } = await inspectedWorld(2);
    const other = w.parks[1]!;
    clock.advance(DAY);
    await signInAgain(t.app, w);
    await t.services.inspections.followups.run(w.zone.id);
    const [followUp] = await followUpsOf(t.services, w, area.id);
    const [vehicleFollowUp] = await followUpsOf(t.services, w, vehicles.id);
    const photo = await uploadTaskPhoto(p.inspector, followUp!.id);
    const elsewhere = await uploadTaskPhoto(p.inspector, vehicleFollowUp!.id);
    const close = (caller: typeof w, id: string, afterPhotoFileIds: string[]) => caller.call({ method: 'POST', url: `${URL}/${id}/actions/close`, payload: { note: '整改完成', afterPhotoFileIds } });

    const none = await close(w, area.id, []);
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json())).toContain('afterPhotoFileIds');
    const foreign = await close(w, area.id, [photo, elsewhere]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([expect.objectContaining({ path: 'afterPhotoFileIds.1' })]);
    expect((await close(w, fixed.id, [fixed.afterPhotoFileIds[0]!])).json().error.code).toBe('state.finding');

    // Another park's inspector, a leader, an enterprise user: refused.
    const otherRes = await close(other.inspector as unknown as typeof w, area.id, [photo]);
    expect(otherRes.statusCode).toBe(403);
    expect(otherRes.json().error.code).toBe('rule.not_finding_inspector');
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await close(leader as unknown as typeof w, area.id, [photo])).statusCode).toBe(403);

    // The admin may; two at once: one closes, the other finds it closed.
    const both = await Promise.all([close(w, area.id, [photo]), close(p.inspector as unknown as typeof w, area.id, [photo])]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await audits(area.id)).filter((a) => a.action === 'inspection_finding.close')).toHaveLength(1);
  });
});

describe('raising an enterprise demand (诉求)', () => {
  it('from a finding about an enterprise: a demand in the resumption ledger, linked once', async () => {
    const { w, p, area, vehicles } = await inspectedWorld();
    const payload = { category: 'materials', title: '办公场地不足', description: '企业需扩租办公场地以满足人均面积要求', department: '园区管理处' };
    const res = await p.inspector.call({ method: 'POST', url: `${URL}/${area.id}/actions/raise-demand`, payload });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.demandId).toEqual(expect.any(String));
    expect(f.events.map((e: { action: string }) => e.action)).toEqual(['create', 'raise_demand']);
    const demand = (await w.call({ method: 'GET', url: `/api/resumption/demands/${f.demandId}` })).json();
    expect(demand).toMatchObject({ enterpriseId: p.enterprise.id, category: 'materials', title: '办公场地不足', department: '园区管理处', source: 'visit', status: 'open', raisedBy: p.inspector.user.displayName });
    expect(f.events[1].comment).toBe(`${demand.number} 办公场地不足`);
    expect((await audits(area.id)).map((a) => a.action)).toEqual(['inspection_finding.raise_demand']);
    expect((await audits(f.demandId)).map((a) => a.action)).toEqual(['demand.create']);

    const twice = await p.inspector.call({ method: 'POST', url: `${URL}/${area.id}/actions/raise-demand`, payload });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('conflict.finding_demand_exists');
    const noEnterprise = await w.call({ method: 'POST', url: `${URL}/${vehicles.id}/actions/raise-demand`, payload });
    expect(noEnterprise.statusCode).toBe(422);
    expect(noEnterprise.json().error.code).toBe('rule.finding_no_enterprise');
    const bad = await w.call({ method: 'POST', url: `${URL}/${area.id}/actions/raise-demand`, payload: { ...payload, category: 'nothing' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('access', () => {
  it('readers of the zone read; enterprise users do not; another zone’s findings are not found', async () => {
    const { w, area } = await inspectedWorld();
    const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: `${URL}?ledger=true` })).json().total).toBe(2);
    expect((await leader.call({ method: 'POST', url: `${URL}/${area.id}/actions/raise-demand`, payload: { category: 'materials', title: '测试', description: '测试诉求' } })).statusCode).toBe(403);
    const e = await makeEnterprise(t.services, w.zone);
    const owner = await signedInUser(t.app, t.services, w.zone, ['enterprise_user'], { enterpriseId: e.id });
    expect((await owner.call({ method: 'GET', url: URL })).statusCode).toBe(403);
    expect((await owner.call({ method: 'GET', url: `${URL}/export.xlsx` })).statusCode).toBe(403);

    const them = await inspectionWorld(t.app, t.services);
    expect((await them.call({ method: 'GET', url: URL })).json().total).toBe(0);
    for (const url of [`${URL}/${area.id}`, `${URL}/${area.id}/photos/${area.photoFileIds[0]}`]) expect((await them.call({ method: 'GET', url })).statusCode, url).toBe(404);
    expect((await them.call({ method: 'POST', url: `${URL}/${area.id}/actions/close`, payload: { note: '越权销号', afterPhotoFileIds: area.photoFileIds } })).statusCode).toBe(404);
    expect((await them.call({ method: 'POST', url: `${URL}/${area.id}/actions/raise-demand`, payload: { category: 'materials', title: '越权', description: '越权诉求' } })).statusCode).toBe(404);
  });
});
