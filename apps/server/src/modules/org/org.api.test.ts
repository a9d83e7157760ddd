// Parks, buildings and the four-level grid through the API, with their Excel exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridUnit, Park } from '@shuangsheng/contracts';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import {
  countRows, makeBuilding, makeEnterprise, makeGridUnit, makePark, makeUser, newAdmin, rootGridUnit, signedInUser, zoneSnapshot,
} from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

describe('parks', () => {
  it('creates a park with its manager phone encrypted and shown masked', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const res = await call({
      method: 'POST',
      url: '/api/parks',
      payload: { name: '板仓工业园', address: '自贡市沿滩区板仓路', areaSqm: 3_200_000, managerName: '陈园长', managerPhone: '13912345678' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      name: '板仓工业园',
      address: '自贡市沿滩区板仓路',
      areaSqm: 3_200_000,
      managerName: '陈园长',
      managerPhoneMasked: '139****5678',
      buildingCount: 0,
      enterpriseCount: 0,
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    const row = await t.deps.database.db.selectFrom('parks').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('13912345678');
    expect(t.deps.pii.decrypt(row.manager_phone_enc!)).toBe('13912345678');
    expect(row.manager_phone_idx).toBe(t.deps.pii.blindIndex('13912345678'));
  });

  it('changes and clears the manager phone', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone);
    const changed = await call({ method: 'PATCH', url: `/api/parks/${park.id}`, payload: { managerPhone: '0813-5201234', areaSqm: null } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ managerPhoneMasked: '0813-***1234', areaSqm: null, name: park.name, managerName: '张三' });
    const cleared = await call({ method: 'PATCH', url: `/api/parks/${park.id}`, payload: { managerPhone: null } });
    expect(cleared.json().managerPhoneMasked).toBeNull();
    const row = await t.deps.database.db.selectFrom('parks').selectAll().where('id', '=', park.id).executeTakeFirstOrThrow();
    expect([row.manager_phone_enc, row.manager_phone_idx]).toEqual([null, null]);
  });

  it('refuses a second park of the same name in the zone (409 naming name)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    await makePark(t.services, zone, '高新软件园');
    const res = await call({ method: 'POST', url: '/api/parks', payload: { name: '高新软件园' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'conflict.duplicate', message: '名称“高新软件园”已存在', details: { field: 'name' } });
    const other = await makePark(t.services, zone, '另一个园');
    const rename = await call({ method: 'PATCH', url: `/api/parks/${other.id}`, payload: { name: '高新软件园' } });
    expect(rename.statusCode).toBe(409);
    expect((await call({ method: 'GET', url: `/api/parks/${other.id}` })).json().name).toBe('另一个园');
  });

  it('counts buildings and enterprises, searches, sorts with unknown areas last, and pages', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const a = await makePark(t.services, zone, '甲园');
    const b = (await call({ method: 'POST', url: '/api/parks', payload: { name: '乙园', address: '东湖路', areaSqm: 50 } })).json() as Park;
    const c = (await call({ method: 'POST', url: '/api/parks', payload: { name: '丙园' } })).json() as Park;
    await makeBuilding(t.services, zone, a.id);
    await makeBuilding(t.services, zone, a.id);
    await makeEnterprise(t.services, zone, { parkId: a.id });
    const got = (await call({ method: 'GET', url: `/api/parks/${a.id}` })).json();
    expect([got.buildingCount, got.enterpriseCount]).toEqual([2, 1]);

    const byAddress = await call({ method: 'GET', url: `/api/parks?q=${encodeURIComponent('东湖')}` });
    expect(byAddress.json().items.map((p: Park) => p.id)).toEqual([b.id]);
    const desc = await call({ method: 'GET', url: '/api/parks?sort=areaSqm:desc' });
    expect(desc.json().items.map((p: Park) => p.id)).toEqual([a.id, b.id, c.id]);
    const asc = await call({ method: 'GET', url: '/api/parks?sort=areaSqm:asc' });
    expect(asc.json().items.map((p: Park) => p.id)).toEqual([b.id, a.id, c.id]);
    const page = await call({ method: 'GET', url: '/api/parks?sort=areaSqm:desc&page=2&pageSize=2' });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: c.id }] });
  });

  it('deletes an empty park, and refuses one still holding buildings or enterprises (409)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const withBuilding = await makePark(t.services, zone);
    await makeBuilding(t.services, zone, withBuilding.id);
    const withEnterprise = await makePark(t.services, zone);
    await makeEnterprise(t.services, zone, { parkId: withEnterprise.id });
    const empty = await makePark(t.services, zone);
    const inspector = await makeUser(t.services, zone, ['inspector']);
    await t.services.org.assignments.create(zone.ctx, { kind: 'park_inspector', userId: inspector.id, targetId: empty.id, isPrimary: true });

    const r1 = await call({ method: 'DELETE', url: `/api/parks/${withBuilding.id}` });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error).toEqual({ code: 'conflict.in_use', message: '园区仍被引用（楼宇），不能删除' });
    const r2 = await call({ method: 'DELETE', url: `/api/parks/${withEnterprise.id}`, headers: { 'accept-language': 'en-US' } });
    expect(r2.statusCode).toBe(409);
    expect(r2.json().error.message).toBe('Park is still referenced (Enterprise) and cannot be deleted');
    expect(await countRows(t.deps.database, 'parks', zone.id)).toBe(3);

    const ok = await call({ method: 'DELETE', url: `/api/parks/${empty.id}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true });
    expect((await call({ method: 'GET', url: `/api/parks/${empty.id}` })).statusCode).toBe(404);
    // Its inspector assignment went with it.
    expect(await countRows(t.deps.database, 'assignments', zone.id)).toBe(0);
  });

  it("reveals the manager's phone with a reason, audited; not to a leader", async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone);
    const res = await call({ method: 'POST', url: `/api/parks/${park.id}/actions/reveal-phone`, payload: { reason: '联系园区防疫' } });
    expect(res.json()).toEqual({ phone: '13800138000' });
    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).where('action', '=', 'park.reveal_phone').execute();
    expect(audit.map((a) => [a.actor_id, a.entity_id, a.after_json])).toEqual([[admin.id, park.id, JSON.stringify({ reason: '联系园区防疫' })]]);
    const leader = await signedInUser(t.app, t.services, zone, ['leader']);
    expect((await leader.call({ method: 'POST', url: `/api/parks/${park.id}/actions/reveal-phone`, payload: { reason: '联系园区防疫' } })).statusCode).toBe(403);
  });
});

describe('buildings', () => {
  it('creates a building in a park, unique by name within the park', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const p1 = await makePark(t.services, zone, '一园');
    const p2 = await makePark(t.services, zone, '二园');
    const res = await call({ method: 'POST', url: '/api/buildings', payload: { parkId: p1.id, name: 'A1 栋', floors: 18, areaSqm: 24000 } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String), parkId: p1.id, parkName: '一园', name: 'A1 栋', floors: 18, areaSqm: 24000, enterpriseCount: 0, createdAt: expect.any(Number), updatedAt: expect.any(Number),
    });
    const dup = await call({ method: 'POST', url: '/api/buildings', payload: { parkId: p1.id, name: 'A1 栋' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual({ field: 'name' });
    const elsewhere = await call({ method: 'POST', url: '/api/buildings', payload: { parkId: p2.id, name: 'A1 栋' } });
    expect(elsewhere.statusCode).toBe(201);
    const floors = await call({ method: 'POST', url: '/api/buildings', payload: { parkId: p1.id, name: '地下室', floors: 0 } });
    expect(floors.statusCode).toBe(400);
    expect(floors.json().error.details).toEqual([{ path: 'floors', message: '不能小于 1' }]);
  });

  it('lists by park and by text, moves to another park, and deletes only when no enterprise is inside', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const p1 = await makePark(t.services, zone, '北园');
    const p2 = await makePark(t.services, zone, '南园');
    const b1 = await makeBuilding(t.services, zone, p1.id, '孵化楼');
    const b2 = await makeBuilding(t.services, zone, p2.id, '研发楼');
    await makeEnterprise(t.services, zone, { buildingId: b2.id });
    const names = async (q: string) => (await call({ method: 'GET', url: `/api/buildings?${q}` })).json().items.map((b: { name: string }) => b.name);
    expect(await names(`parkId=${p1.id}`)).toEqual(['孵化楼']);
    expect(await names(`q=${encodeURIComponent('南园')}`)).toEqual(['研发楼']);
    expect((await call({ method: 'GET', url: `/api/buildings/${b2.id}` })).json().enterpriseCount).toBe(1);

    const moved = await call({ method: 'PATCH', url: `/api/buildings/${b1.id}`, payload: { parkId: p2.id } });
    expect(moved.json()).toMatchObject({ parkId: p2.id, parkName: '南园', name: '孵化楼' });

    const busy = await call({ method: 'DELETE', url: `/api/buildings/${b2.id}` });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toBe('楼宇仍被引用（企业），不能删除');
    expect((await call({ method: 'DELETE', url: `/api/buildings/${b1.id}` })).statusCode).toBe(200);
    expect(await countRows(t.deps.database, 'buildings', zone.id)).toBe(1);
  });
});

describe('buildings and the enterprises inside', () => {
  it('a building with enterprises cannot move to another park (they would stay in the old one)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const p1 = await makePark(t.services, zone);
    const p2 = await makePark(t.services, zone);
    const b = await makeBuilding(t.services, zone, p1.id);
    const e = await makeEnterprise(t.services, zone, { buildingId: b.id });
    const res = await call({ method: 'PATCH', url: `/api/buildings/${b.id}`, payload: { parkId: p2.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({ code: 'rule.building_has_enterprises', message: '楼宇内还有企业，不能移到其他园区', details: { field: 'parkId' } });
    expect((await call({ method: 'GET', url: `/api/buildings/${b.id}` })).json().parkId).toBe(p1.id);
    expect((await call({ method: 'GET', url: `/api/enterprises/${e.id}` })).json()).toMatchObject({ parkId: p1.id, buildingId: b.id });
    // Renaming it, or naming its own park again, is fine.
    expect((await call({ method: 'PATCH', url: `/api/buildings/${b.id}`, payload: { parkId: p1.id, name: '新楼名' } })).statusCode).toBe(200);
  });
});

describe('grid units: zone > street > community > group', () => {
  it('the zone-level unit cannot be deleted, even without children', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const root = await rootGridUnit(t.services, zone);
    const res = await call({ method: 'DELETE', url: `/api/grid-units/${root.id}` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({ code: 'rule.grid_root_fixed', message: '高新区这一级网格随高新区建立，不能删除', details: { field: 'id' } });
    expect(await countRows(t.deps.database, 'grid_units', zone.id)).toBe(1);
  });

  it('has the zone-level root from the start, and only one', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const list = await call({ method: 'GET', url: '/api/grid-units' });
    expect(list.json()).toMatchObject({ total: 1, items: [{ parentId: null, level: 'zone', code: zone.code, name: '测试高新区', path: '测试高新区', childCount: 0 }] });
    const before = await zoneSnapshot(t.deps.database, zone.id);
    const second = await call({ method: 'POST', url: '/api/grid-units', payload: { parentId: null, code: 'ROOT2', name: '第二个根' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toEqual({ code: 'rule.grid_root_exists', message: '本高新区已有根网格' });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
  });

  it('takes each level from its parent and refuses a child of a group', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const root = await rootGridUnit(t.services, zone);
    const make = async (parentId: string, code: string, name: string) => call({ method: 'POST', url: '/api/grid-units', payload: { parentId, code, name } });
    const street = (await make(root.id, 'BC', '板仓街道')).json() as GridUnit;
    const community = (await make(street.id, 'BC-01', '东街社区')).json() as GridUnit;
    const group = (await make(community.id, 'BC-01-01', '一组')).json() as GridUnit;
    expect([street.level, community.level, group.level]).toEqual(['street', 'community', 'group']);
    expect(group).toMatchObject({ parentId: community.id, path: '测试高新区 / 板仓街道 / 东街社区 / 一组', childCount: 0 });

    const fifth = await make(group.id, 'BC-01-01-01', '五级');
    expect(fifth.statusCode).toBe(422);
    expect(fifth.json().error).toEqual({ code: 'rule.grid_depth', message: '网格最多四级（高新区 > 街道 > 社区/村 > 组/小区）', details: { field: 'parentId' } });
    expect(await countRows(t.deps.database, 'grid_units', zone.id)).toBe(4);

    const tree = (await call({ method: 'GET', url: '/api/grid-units/tree' })).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].children[0].children[0].children[0]).toMatchObject({ id: group.id, children: [] });
    expect((await call({ method: 'GET', url: `/api/grid-units/${community.id}` })).json().childCount).toBe(1);
  });

  it('lists by level, parent and text; renames with the path following; codes are unique', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const root = await rootGridUnit(t.services, zone);
    const s1 = await makeGridUnit(t.services, zone, root.id, '东街道');
    const s2 = await makeGridUnit(t.services, zone, root.id, '西街道');
    const c1 = await makeGridUnit(t.services, zone, s1.id, '桥头社区');
    const ids = async (q: string) => (await call({ method: 'GET', url: `/api/grid-units?${q}` })).json().items.map((g: GridUnit) => g.id).sort();
    expect(await ids('level=street')).toEqual([s1.id, s2.id].sort());
    expect(await ids(`parentId=${s1.id}`)).toEqual([c1.id]);
    expect(await ids(`q=${encodeURIComponent('桥头')}`)).toEqual([c1.id]);
    expect(await ids(`q=${c1.code.toLowerCase()}`)).toEqual([c1.id]);

    const renamed = await call({ method: 'PATCH', url: `/api/grid-units/${s1.id}`, payload: { name: '东城街道' } });
    expect(renamed.json().path).toBe('测试高新区 / 东城街道');
    expect((await call({ method: 'GET', url: `/api/grid-units/${c1.id}` })).json().path).toBe('测试高新区 / 东城街道 / 桥头社区');

    const dup = await call({ method: 'POST', url: '/api/grid-units', payload: { parentId: root.id, code: s2.code, name: '重码' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual({ field: 'code' });
    const badCode = await call({ method: 'POST', url: '/api/grid-units', payload: { parentId: root.id, code: '东 01', name: '坏码' } });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details).toEqual([{ path: 'code', message: '网格编码只能包含字母、数字、下划线和短横线' }]);
  });

  it('deletes a leaf, not a unit with children or enterprises', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const root = await rootGridUnit(t.services, zone);
    const street = await makeGridUnit(t.services, zone, root.id);
    const community = await makeGridUnit(t.services, zone, street.id);
    const withEnterprise = await makeGridUnit(t.services, zone, street.id);
    await makeEnterprise(t.services, zone, { gridUnitId: withEnterprise.id });
    const parent = await call({ method: 'DELETE', url: `/api/grid-units/${street.id}` });
    expect(parent.statusCode).toBe(409);
    expect(parent.json().error.message).toBe('网格仍被引用（网格），不能删除');
    const used = await call({ method: 'DELETE', url: `/api/grid-units/${withEnterprise.id}` });
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toBe('网格仍被引用（企业），不能删除');
    expect((await call({ method: 'DELETE', url: `/api/grid-units/${community.id}` })).statusCode).toBe(200);
    expect(await countRows(t.deps.database, 'grid_units', zone.id)).toBe(3);
  });
});

describe('exports', () => {
  it('parks, buildings and grid units export exactly the filtered rows', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const p1 = await makePark(t.services, zone, '软件园');
    const p2 = await makePark(t.services, zone, '化工园');
    await makeBuilding(t.services, zone, p1.id, '一号楼');
    await makeBuilding(t.services, zone, p1.id, '二号楼');
    await makeBuilding(t.services, zone, p2.id, '三号楼');
    const root = await rootGridUnit(t.services, zone);
    const street = await makeGridUnit(t.services, zone, root.id, '东街道');
    await makeGridUnit(t.services, zone, street.id, '桥头社区');
    await makeGridUnit(t.services, zone, street.id, '河边社区');

    const parks = await xlsxResponse(await call({ method: 'GET', url: `/api/parks/export.xlsx?q=${encodeURIComponent('软件')}` }));
    expect(parks.rows).toHaveLength(1);
    const cell = (title: string) => column(parks, title)[0];
    expect([cell('园区名称'), cell('地址'), cell('面积（平方米）'), cell('负责人'), cell('负责人电话'), cell('楼宇数'), cell('企业数')]).toEqual(['软件园', '测试路 1 号', '10000', '张三', '138****8000', '2', '0']);

    const buildings = await xlsxResponse(await call({ method: 'GET', url: `/api/buildings/export.xlsx?parkId=${p1.id}&sort=name:asc` }));
    expect(column(buildings, '楼宇名称').sort()).toEqual(['一号楼', '二号楼'].sort());
    expect(column(buildings, '所属园区')).toEqual(['软件园', '软件园']);

    const grid = await xlsxResponse(await call({ method: 'GET', url: '/api/grid-units/export.xlsx?level=community&lang=en-US' }));
    expect(column(grid, 'Name').sort()).toEqual(['桥头社区', '河边社区'].sort());
    expect(column(grid, 'Level')).toEqual(['Community', 'Community']);
    expect(column(grid, 'Path').sort()).toEqual(['测试高新区 / 东街道 / 桥头社区', '测试高新区 / 东街道 / 河边社区'].sort());
    const all = await xlsxResponse(await call({ method: 'GET', url: '/api/grid-units/export.xlsx' }));
    expect(all.rows).toHaveLength(4);
  });
});
