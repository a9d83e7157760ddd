// The commissioners' visit log (走访记录) through the API: a visit to an assigned enterprise with
// the policies explained and the problems found, each of which becomes a demand in the same
// transaction; the date not in the future; who may record; the log, its filters and export; the
// last visit of each enterprise for the workbench.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Demand, Visit } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, newAdmin, signedInUser } from '../../test/factories.js';
import { assignCommissioner, makeVisit, opsWorld } from '../../test/demand-factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const START = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const URL = '/api/resumption/visits';
const visit = (enterpriseId: string, extra: Record<string, unknown> = {}) => ({ enterpriseId, visitDate: '2020-02-23', content: '现场查看防疫措施和复工准备', policiesExplained: '援企稳岗返还、社保减免', ...extra });
const countOf = async (table: 'resumption_visits' | 'resumption_demands', zoneId: string) => (await t.deps.database.db.selectFrom(table).select('id').where('zone_id', '=', zoneId).execute()).length;

describe('recording a visit', () => {
  it('the assigned commissioner records it; each problem found becomes a demand of the enterprise, from the visit', async () => {
    const w = await opsWorld(t.app, t.services);
    const problems = [
      { category: 'materials', title: '芯片断供', description: '上游供应商未复工', department: '区经信局' },
      { category: 'logistics', title: '物流不畅', description: '货车通行证办理慢', dueAt: START + 24 * 3_600_000 },
    ];
    const res = await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { problems }) });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as Visit;
    expect(v).toEqual({
      id: expect.any(String), enterpriseId: w.enterprise.id, enterpriseName: w.enterprise.name, visitDate: '2020-02-23', commissioner: { id: w.commissioner.user.id, name: w.commissioner.user.displayName },
      content: '现场查看防疫措施和复工准备', policiesExplained: '援企稳岗返还、社保减免', demandIds: [expect.any(String), expect.any(String)], createdAt: START,
    });
    const demands = (await w.owner.call({ method: 'GET', url: '/api/resumption/demands?sort=number:asc' })).json().items as Demand[];
    expect(demands.map((d) => [d.id, d.number, d.source, d.visitId, d.category, d.department, d.raisedBy])).toEqual([
      [v.demandIds[0], 'SQ-20200224-0001', 'visit', v.id, 'materials', '区经信局', w.commissioner.user.displayName],
      [v.demandIds[1], 'SQ-20200224-0002', 'visit', v.id, 'logistics', null, w.commissioner.user.displayName],
    ]);
    expect(demands[1]!.dueAt).toBe(START + 24 * 3_600_000);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('zone_id', '=', w.zone.id).where('action', 'in', ['visit.create', 'demand.create']).orderBy('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['demand.create', 'demand.create', 'visit.create']);
    // Nobody else is assigned, so nobody is told of the commissioner's own demands.
    expect(await t.deps.database.db.selectFrom('notifications').select('id').where('zone_id', '=', w.zone.id).execute()).toEqual([]);
    expect(await t.services.resumption.visits.lastVisitOn(w.zone.id)).toEqual(new Map([[w.enterprise.id, '2020-02-23']]));
  });

  it('is refused for an enterprise not assigned, to leaders and enterprise users, for a day after today, and writes nothing', async () => {
    const w = await opsWorld(t.app, t.services);
    const unassigned = await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.other.id) });
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().error.code).toBe('rule.not_commissioner');
    for (const who of [w.leader, w.owner, w.labour]) expect((await who.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id) })).statusCode).toBe(403);
    const future = await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { visitDate: '2020-02-25' }) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'visitDate', message: '不能晚于今天（2020-02-24）' }]);
    const ancient = await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { visitDate: '0001-01-01' }) });
    expect(ancient.json().error.details).toEqual([{ path: 'visitDate', message: '不能早于 2020-01-01' }]);
    // One bad problem keeps the whole visit out.
    const problems = [{ category: 'labour', title: '缺工', description: '缺 30 人' }, { category: 'labour', title: '缺工', description: '缺 30 人', dueAt: START - 1 }];
    const badProblem = await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { problems }) });
    expect(badProblem.statusCode).toBe(400);
    expect(badProblem.json().error.details).toEqual([{ path: 'problems.1.dueAt', message: '办理时限不能早于现在' }]);
    const noContent = await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { content: ' ' }) });
    expect(noContent.json().error.details.map((d: { path: string }) => d.path)).toEqual(['content']);
    const foreign = await makeEnterprise(t.services, (await newAdmin(t.app, t.services)).zone);
    const cross = await w.admin.call({ method: 'POST', url: URL, payload: visit(foreign.id) });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'enterpriseId' } });
    expect(await countOf('resumption_visits', w.zone.id)).toBe(0);
    expect(await countOf('resumption_demands', w.zone.id)).toBe(0);
    // The zone admin records for any enterprise; today is allowed.
    expect((await w.admin.call({ method: 'POST', url: URL, payload: visit(w.other.id, { visitDate: '2020-02-24' }) })).json().commissioner.id).toBe(w.admin.admin.id);
  });
});

describe('the log', () => {
  it('filters by enterprise, commissioner, dates and text, and exports', async () => {
    const w = await opsWorld(t.app, t.services);
    const second = await signedInUser(t.app, t.services, w.zone, ['commissioner']);
    await assignCommissioner(t.services, w.zone, second.user.id, w.other.id);
    const a = (await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { visitDate: '2020-02-10', content: '春节后首次走访' }) })).json() as Visit;
    const b = (await w.commissioner.call({ method: 'POST', url: URL, payload: visit(w.enterprise.id, { visitDate: '2020-02-20', problems: [{ category: 'policy', title: '政策咨询', description: '社保减免怎么申请' }] }) })).json() as Visit;
    const c = (await second.call({ method: 'POST', url: URL, payload: visit(w.other.id, { visitDate: '2020-02-15', policiesExplained: null }) })).json() as Visit;
    const ids = async (q = '') => (await w.leader.call({ method: 'GET', url: `${URL}${q}` })).json().items.map((v: Visit) => v.id);
    expect(await ids()).toEqual([b.id, c.id, a.id]);
    expect(await ids(`?enterpriseId=${w.other.id}`)).toEqual([c.id]);
    expect(await ids(`?commissionerId=${w.commissioner.user.id}`)).toEqual([b.id, a.id]);
    expect(await ids('?from=2020-02-11&to=2020-02-20')).toEqual([b.id, c.id]);
    expect(await ids(`?q=${encodeURIComponent('春节')}`)).toEqual([a.id]);
    expect(await ids(`?q=${encodeURIComponent(w.other.name)}`)).toEqual([c.id]);
    const page = (await w.leader.call({ method: 'GET', url: `${URL}?page=2&pageSize=2` })).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(await t.services.resumption.visits.lastVisitOn(w.zone.id, [w.enterprise.id, w.other.id])).toEqual(new Map([[w.enterprise.id, '2020-02-20'], [w.other.id, '2020-02-15']]));
    expect(await t.services.resumption.visits.lastVisitOn(w.zone.id, [])).toEqual(new Map());

    const sheet = await xlsxResponse(await w.leader.call({ method: 'GET', url: `${URL}/export.xlsx?enterpriseId=${w.enterprise.id}` }));
    expect(sheet.header).toEqual(['走访日期', '企业', '驻企特派员', '走访内容', '政策宣贯', '发现问题（诉求）数', '记录时间']);
    expect(sheet.rows).toEqual([
      ['2020-02-20', w.enterprise.name, w.commissioner.user.displayName, '现场查看防疫措施和复工准备', '援企稳岗返还、社保减免', '1', '2020-02-24 09:00'],
      ['2020-02-10', w.enterprise.name, w.commissioner.user.displayName, '春节后首次走访', '援企稳岗返还、社保减免', '0', '2020-02-24 09:00'],
    ]);
    expect(column(await xlsxResponse(await w.leader.call({ method: 'GET', url: `${URL}/export.xlsx?lang=en-US&commissionerId=${second.user.id}` })), 'Enterprise')).toEqual([w.other.name]);
    // Enterprise users have no visit log.
    expect((await w.owner.call({ method: 'GET', url: URL })).statusCode).toBe(403);
  });

  it('a job records a visit for the primary commissioner', async () => {
    const w = await opsWorld(t.app, t.services);
    const v = await makeVisit(t.services, w.zone, w.enterprise.id);
    expect(v.commissioner.id).toBe(w.commissioner.user.id);
    const nobody = await makeEnterprise(t.services, w.zone);
    await expect(makeVisit(t.services, w.zone, nobody.id)).rejects.toMatchObject({ code: 'rule.not_commissioner' });
  });
});
