// Major projects (重大项目) through the API: the registry (owner enterprise and park of the zone,
// unique names), changes, restart on a date not in the future and its undoing with 409 on any
// other move, the count restarted as of a date, the list's filters and export; leaders only read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makePark, newAdmin, signedInUser } from '../../test/factories.js';
import { makeProject } from '../../test/demand-factories.js';
import { xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const START = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const URL = '/api/resumption/projects';

async function world() {
  const admin = await newAdmin(t.app, t.services);
  const park = await makePark(t.services, admin.zone, '两江新区');
  const owner = await makeEnterprise(t.services, admin.zone, { name: '重庆京东方光电科技有限公司' });
  const investment = await signedInUser(t.app, t.services, admin.zone, ['investment_officer']);
  const leader = await signedInUser(t.app, t.services, admin.zone, ['leader']);
  return { ...admin, park, owner, investment, leader };
}

describe('the registry', () => {
  it('registers a project of the zone, not restarted; names are unique; references must be of the zone', async () => {
    const w = await world();
    const payload = { name: '京东方第6代柔性AMOLED生产线', ownerEnterpriseId: w.owner.id, investmentFen: 465_000_000_000_00, parkId: w.park.id, note: '市级重点' };
    const res = await w.investment.call({ method: 'POST', url: URL, payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String), name: payload.name, ownerEnterpriseId: w.owner.id, ownerEnterpriseName: w.owner.name, investmentFen: 465_000_000_000_00, parkId: w.park.id, parkName: '两江新区',
      status: 'not_restarted', restartDate: null, note: '市级重点', createdAt: START, updatedAt: START,
    });
    const dup = await w.call({ method: 'POST', url: URL, payload: { name: payload.name, investmentFen: 1 } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict.duplicate', details: { field: 'name' } });
    const other = await newAdmin(t.app, t.services);
    const foreignPark = await makePark(t.services, other.zone);
    const foreignOwner = await makeEnterprise(t.services, other.zone);
    for (const [field, patch] of [['ownerEnterpriseId', { ownerEnterpriseId: foreignOwner.id }], ['parkId', { parkId: foreignPark.id }]] as const) {
      const cross = await w.call({ method: 'POST', url: URL, payload: { name: `跨区${field}`, investmentFen: 1, ...patch } });
      expect(cross.statusCode, field).toBe(422);
      expect(cross.json().error, field).toMatchObject({ code: 'rule.cross_zone_reference', details: { field } });
    }
    const negative = await w.call({ method: 'POST', url: URL, payload: { name: '负投资', investmentFen: -5 } });
    expect(negative.json().error.details).toEqual([{ path: 'investmentFen', message: '不能小于 0' }]);
    expect((await w.leader.call({ method: 'POST', url: URL, payload: { name: '领导项目', investmentFen: 1 } })).statusCode).toBe(403);
    expect((await w.leader.call({ method: 'GET', url: URL })).json().total).toBe(1);
  });

  it('changes a project, keeping before and after; a clash of names is a 409', async () => {
    const w = await world();
    const p = await makeProject(t.services, w.zone, { name: '原名项目' });
    await makeProject(t.services, w.zone, { name: '已占用' });
    const changed = await w.investment.call({ method: 'PATCH', url: `${URL}/${p.id}`, payload: { name: '新名项目', parkId: null, investmentFen: 100 } });
    expect(changed.json()).toMatchObject({ name: '新名项目', parkId: null, parkName: null, investmentFen: 100, ownerEnterpriseId: p.ownerEnterpriseId });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', p.id).where('action', '=', 'major_project.update').execute();
    expect(audit.map((a) => JSON.parse(a.after_json!))).toEqual([{ name: '新名项目', parkId: null, investmentFen: 100 }]);
    expect((await w.call({ method: 'PATCH', url: `${URL}/${p.id}`, payload: { name: '已占用' } })).statusCode).toBe(409);
    expect((await w.leader.call({ method: 'PATCH', url: `${URL}/${p.id}`, payload: { note: '领导批示' } })).statusCode).toBe(403);
  });
});

describe('restarting', () => {
  it('restart on a date not after today (default today), undo, and 409 on any other move; the count as of a date follows', async () => {
    const w = await world();
    const a = await makeProject(t.services, w.zone, { name: '甲项目' });
    const b = await makeProject(t.services, w.zone, { name: '乙项目' });
    await makeProject(t.services, w.zone, { name: '丙项目' });
    const act = (id: string, action: string, payload: Record<string, unknown> = {}) => w.investment.call({ method: 'POST', url: `${URL}/${id}/actions/${action}`, payload });
    const future = await act(a.id, 'restart', { date: '2020-02-25' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'date', message: '不能晚于今天（2020-02-24）' }]);
    expect((await act(a.id, 'restart', { date: '1999-12-31' })).json().error.details).toEqual([{ path: 'date', message: '不能早于 2020-01-01' }]);
    expect((await act(a.id, 'restart', { date: '2020-02-10', comment: '首批复工' })).json()).toMatchObject({ status: 'restarted', restartDate: '2020-02-10' });
    expect((await act(b.id, 'restart')).json()).toMatchObject({ status: 'restarted', restartDate: '2020-02-24' });
    const twice = await act(a.id, 'restart');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toEqual({ code: 'state.project', message: '项目当前为“已复工”，不能复工', details: { status: 'restarted' } });
    const p = t.services.resumption.projects;
    expect(await p.restartedBy(w.zone.id, '2020-02-09')).toEqual({ restarted: 0, total: 3 });
    expect(await p.restartedBy(w.zone.id, '2020-02-10')).toEqual({ restarted: 1, total: 3 });
    expect(await p.restartedBy(w.zone.id, '2020-02-24')).toEqual({ restarted: 2, total: 3 });
    expect((await act(b.id, 'undo_restart')).json()).toMatchObject({ status: 'not_restarted', restartDate: null });
    expect((await act(b.id, 'undo_restart')).json().error).toMatchObject({ code: 'state.project', details: { status: 'not_restarted' } });
    expect(await p.restartedBy(w.zone.id, '2020-02-24')).toEqual({ restarted: 1, total: 3 });
    // Two restarts at once: one wins.
    const both = await Promise.all([act(b.id, 'restart'), act(b.id, 'restart')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await w.leader.call({ method: 'POST', url: `${URL}/${a.id}/actions/undo_restart`, payload: {} })).statusCode).toBe(403);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', a.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((r) => [r.action, JSON.parse(r.after_json!)])).toEqual([
      ['major_project.create', expect.any(Object)],
      ['major_project.restart', { status: 'restarted', restartDate: '2020-02-10', comment: '首批复工' }],
    ]);
    expect(await p.restartedBy((await newAdmin(t.app, t.services)).zone.id, '2020-02-24')).toEqual({ restarted: 0, total: 0 });
  });
});

describe('the list', () => {
  it('filters by status, park and text, sorts, and exports', async () => {
    const w = await world();
    const big = await makeProject(t.services, w.zone, { name: '长安汽车新能源基地', ownerEnterpriseId: w.owner.id, parkId: w.park.id, investmentFen: 2_000_000_000_00 });
    const small = await makeProject(t.services, w.zone, { name: '物流园二期', ownerEnterpriseId: null, parkId: null, investmentFen: 30_000_000_00 });
    await t.services.resumption.projects.act(w.zone.ctx, big.id, 'restart', { date: '2020-02-18' });
    const names = async (q = '') => (await w.leader.call({ method: 'GET', url: `${URL}${q}` })).json().items.map((p: Project) => p.name);
    expect(await names('?sort=investmentFen:desc')).toEqual(['长安汽车新能源基地', '物流园二期']);
    expect(await names('?sort=investmentFen:asc')).toEqual(['物流园二期', '长安汽车新能源基地']);
    expect(await names('?status=restarted')).toEqual(['长安汽车新能源基地']);
    expect(await names('?status=not_restarted')).toEqual(['物流园二期']);
    expect(await names(`?parkId=${w.park.id}`)).toEqual(['长安汽车新能源基地']);
    expect(await names(`?q=${encodeURIComponent('物流')}`)).toEqual(['物流园二期']);
    expect(await names(`?q=${encodeURIComponent('京东方')}`)).toEqual(['长安汽车新能源基地']);
    const sheet = await xlsxResponse(await w.leader.call({ method: 'GET', url: `${URL}/export.xlsx?sort=investmentFen:desc` }));
    expect(sheet.header).toEqual(['项目名称', '业主企业', '总投资（万元）', '所在园区', '复工状态', '复工日期', '备注']);
    expect(sheet.rows).toEqual([
      ['长安汽车新能源基地', w.owner.name, '200000', '两江新区', '已复工', '2020-02-18', ''],
      ['物流园二期', '', '3000', '', '未复工', '', ''],
    ]);
    expect(small.status).toBe('not_restarted');
  });
});
