// Excel imports of parks, buildings, grid units, users and assignments: dry run with row errors,
// all or nothing, create/update by natural key, and exports that import again unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import { adminOf, makeEnterprise, makePark, makeUser, signIn, type Caller, type TestZone } from '../../test/factories.js';
import { multipart, xlsxOf, xlsxResponse, type Cell } from '../../test/xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

async function upload(call: Caller['call'], base: string, header: string[], rows: Cell[][], dryRun: boolean, lang = 'zh-CN') {
  const { payload, headers } = multipart(await xlsxOf(header, rows));
  const res = await call({ method: 'POST', url: `${base}/import?dryRun=${dryRun}`, payload, headers: { ...headers, 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { dryRun: boolean; created: number; updated: number; errors: { row: number; column: string; message: string }[]; credentials?: { username: string; password: string }[] };
}

async function roundTrip(call: Caller['call'], base: string) {
  const sheet = await xlsxResponse(await call({ method: 'GET', url: `${base}/export.xlsx` }));
  const res = await upload(call, base, sheet.header, sheet.rows, false);
  return { sheet, res };
}

describe('parks and buildings import', () => {
  let zone: TestZone;
  let call: Caller['call'];
  beforeAll(async () => {
    ({ zone, call } = await adminOf(t.app, t.services));
  });

  it('dry-runs, refuses a bad file whole, then creates and updates by name', async () => {
    await makePark(t.services, zone, '已有园区');
    const header = ['园区名称', '地址', '面积（平方米）', '负责人', '负责人电话'];
    const bad = await upload(call, '/api/parks', header, [['新园区甲', '甲路 1 号', 1000, '甲', '13800000001'], ['新园区乙', '乙路', 'abc', '乙', '1380000'], ['', '', '', '', '']], false);
    expect(bad.errors).toEqual([
      { row: 3, column: '面积（平方米）', message: '应为整数' },
      { row: 3, column: '负责人电话', message: '电话号码格式不正确' },
    ]);
    expect((await call({ method: 'GET', url: '/api/parks?q=新园区' })).json().total).toBe(0);

    const rows = [['新园区甲', '甲路 1 号', 1000, '甲', '13800000001'], ['已有园区', '新地址', 2000, '', '']];
    const dry = await upload(call, '/api/parks', header, rows, true);
    expect(dry).toMatchObject({ dryRun: true, created: 1, updated: 1, errors: [] });
    expect((await call({ method: 'GET', url: '/api/parks?q=新园区' })).json().total).toBe(0);
    const done = await upload(call, '/api/parks', header, rows, false);
    expect(done).toMatchObject({ dryRun: false, created: 1, updated: 1, errors: [] });
    const list = (await call({ method: 'GET', url: '/api/parks?sort=name:asc' })).json().items;
    expect(list.find((p: { name: string }) => p.name === '已有园区')).toMatchObject({ address: '新地址', areaSqm: 2000, managerName: null, managerPhoneMasked: null });
    expect(list.find((p: { name: string }) => p.name === '新园区甲')).toMatchObject({ managerPhoneMasked: '138****0001' });
  });

  it('buildings name their park; an unknown park is a row error', async () => {
    await makePark(t.services, zone, '楼宇园');
    const header = ['所属园区', '楼宇名称', '层数', '面积（平方米）'];
    const bad = await upload(call, '/api/buildings', header, [['楼宇园', 'A 栋', 5, 3000], ['无此园', 'B 栋', 3, 100]], true, 'en-US');
    expect(bad.errors).toEqual([{ row: 3, column: 'Park', message: 'No park named "无此园"' }]);
    const ok = await upload(call, '/api/buildings', header, [['楼宇园', 'A 栋', 5, 3000], ['楼宇园', 'B 栋', 3, 100]], false);
    expect(ok).toMatchObject({ created: 2, updated: 0 });
  });

  it('exports of parks and buildings import again as pure updates', async () => {
    for (const base of ['/api/parks', '/api/buildings']) {
      const { sheet, res } = await roundTrip(call, base);
      expect(sheet.rows.length).toBeGreaterThan(0);
      expect(res).toMatchObject({ created: 0, updated: sheet.rows.length, errors: [] });
    }
  });
});

describe('grid import', () => {
  it('places new units under parents from the zone or further down the file, and keeps four levels', async () => {
    const { zone, call } = await adminOf(t.app, t.services);
    const header = ['网格编码', '名称', '上级网格编码'];
    const rows: Cell[][] = [
      ['S1-C1', '一社区', 'S1'],
      ['S1', '一街道', zone.code],
      ['S1-C1-G1', '一组', 'S1-C1'],
      ['S1-C1-G1-X', '第五级', 'S1-C1-G1'],
      ['S9-C1', '孤儿社区', 'S9'],
    ];
    const bad = await upload(call, '/api/grid-units', header, rows, true);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '上级网格编码'],
      [6, '上级网格编码'],
    ]);
    expect(bad.errors[0]!.message).toContain('四级');
    const ok = await upload(call, '/api/grid-units', header, rows.slice(0, 3), false);
    expect(ok).toMatchObject({ created: 3, updated: 0 });
    const tree = (await call({ method: 'GET', url: '/api/grid-units/tree' })).json();
    const street = tree[0].children.find((c: { code: string }) => c.code === 'S1');
    expect(street.level).toBe('street');
    expect(street.children[0]).toMatchObject({ code: 'S1-C1', level: 'community' });
    expect(street.children[0].children[0]).toMatchObject({ code: 'S1-C1-G1', level: 'group', path: `测试高新区 / 一街道 / 一社区 / 一组` });
    const { res } = await roundTrip(call, '/api/grid-units');
    expect(res).toMatchObject({ created: 0, updated: 4, errors: [] });
  });
});

describe('users import', () => {
  it('creates users with generated passwords shown once, updates roles by username, and keeps an admin', async () => {
    const { zone, call, admin } = await adminOf(t.app, t.services);
    const ent = await makeEnterprise(t.services, zone);
    const header = ['用户名', '姓名', '角色', '所属企业信用代码', '状态'];
    const bad = await upload(call, '/api/users', header, [
      ['zhang.wei', '张伟', '驻企特派员、巡查人员', '', '启用'],
      ['boss', '老板', '平台管理员', '', ''],
      ['ent.li', '李企业', '企业用户', '', ''],
      ['x', '短名', '领导', '', ''],
      [admin.username, '管理员', '领导', '', ''],
    ], true);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '角色'],
      [4, '所属企业信用代码'],
      [5, '用户名'],
      [6, '角色'],
    ]);
    expect(bad.errors[3]!.message).toBe('不能停用或降级本区最后一位管理员');

    const ok = await upload(call, '/api/users', header, [
      ['zhang.wei', '张伟', 'commissioner, inspector', '', '启用'],
      ['ent.li', '李企业', '企业用户', ent.creditCode, ''],
    ], false);
    expect(ok).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(ok.credentials!.map((c) => c.username).sort()).toEqual(['ent.li', 'zhang.wei']);
    const li = await signIn(t.app, 'ent.li', ok.credentials!.find((c) => c.username === 'ent.li')!.password);
    expect((await li.call({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ roles: ['enterprise_user'], enterpriseId: ent.id });

    const again = await upload(call, '/api/users', header, [['zhang.wei', '张伟（组长）', '巡查人员', '', '停用']], false);
    expect(again).toMatchObject({ created: 0, updated: 1 });
    expect(again.credentials).toEqual([]);
    const zw = (await call({ method: 'GET', url: '/api/users?q=zhang.wei' })).json().items[0];
    expect(zw).toMatchObject({ displayName: '张伟（组长）', roles: ['inspector'], status: 'disabled' });
    const { sheet, res } = await roundTrip(call, '/api/users');
    expect(res).toMatchObject({ created: 0, updated: sheet.rows.length, errors: [] });
  });
});

describe('assignments import', () => {
  it('names targets by credit code, park name or grid code, and keeps one primary per target', async () => {
    const { zone, call } = await adminOf(t.app, t.services);
    const c1 = await makeUser(t.services, zone, ['commissioner']);
    const c2 = await makeUser(t.services, zone, ['commissioner']);
    const insp = await makeUser(t.services, zone, ['inspector']);
    const ent = await makeEnterprise(t.services, zone);
    const park = await makePark(t.services, zone, '责任园');
    await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: c1.id, targetId: ent.id, isPrimary: true });
    const header = ['责任类型', '责任对象', '责任人用户名', '主责', '备注'];
    const bad = await upload(call, '/api/assignments', header, [
      ['驻企特派员', ent.creditCode, c2.username, '是', ''],
      ['驻企特派员', ent.creditCode, c1.username, '是', ''],
      ['园区巡查员', '无此园', insp.username, '是', ''],
      ['园区巡查员', '责任园', c2.username, '是', ''],
      ['市长', '责任园', insp.username, '是', ''],
    ], true);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '主责'],
      [4, '责任对象'],
      [6, '责任类型'],
    ]);
    const ok = await upload(call, '/api/assignments', header, [
      ['驻企特派员', ent.creditCode, c2.username, '是', '新任'],
      ['园区巡查员', '责任园', insp.username, '', ''],
    ], false);
    expect(ok).toMatchObject({ created: 2, updated: 0, errors: [] });
    const forEnt = (await call({ method: 'GET', url: `/api/assignments?targetId=${ent.id}` })).json().items;
    expect(forEnt.filter((a: { isPrimary: boolean }) => a.isPrimary).map((a: { userId: string }) => a.userId)).toEqual([c2.id]);
    expect(forEnt).toHaveLength(2);
    const forPark = (await call({ method: 'GET', url: `/api/assignments?targetId=${park.id}` })).json().items;
    expect(forPark).toMatchObject([{ userId: insp.id, isPrimary: true, targetCode: '责任园' }]);
    const { sheet, res } = await roundTrip(call, '/api/assignments');
    expect(sheet.rows.length).toBe(3);
    expect(res).toMatchObject({ created: 0, updated: 3, errors: [] });
  });
});

describe('templates', () => {
  it('every import has a template whose headers it accepts', async () => {
    const { call } = await adminOf(t.app, t.services);
    for (const base of ['/api/parks', '/api/buildings', '/api/grid-units', '/api/users', '/api/assignments', '/api/enterprises']) {
      const res = await call({ method: 'GET', url: `${base}/import-template.xlsx` });
      expect(res.statusCode, base).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
      const sheet = await xlsxResponse(res);
      expect(sheet.rows).toEqual([]);
      expect(sheet.header.some((h) => h.startsWith('*'))).toBe(true);
      expect(sheet.sheetNames[1]).toBe('填写说明');
      // The template's own headers (required ones starred) are recognised: an empty sheet says so.
      const empty = await upload(call, base, sheet.header, [], true);
      expect(empty.errors[0]!.message).toBe('表格中没有数据行');
    }
  });
});
