// Demands (诉求) through the API: raised by the enterprise or logged by its commissioner, numbered
// SQ-YYYYMMDD-NNNN, due after the zone's demand hours; the state machine open → in progress →
// resolved → confirmed (or reopened) with 409 on any other move; who may do what; overdue ones
// escalate to the leaders once; the ledger with filters and its Excel export; open demands by
// category as of past instants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Demand } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makeUser, newAdmin, type Caller } from '../../test/factories.js';
import { makeDemand, opsWorld } from '../../test/demand-factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const START = clock.now();
const HOUR = 3_600_000;
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const URL = '/api/resumption/demands';
const raise = { category: 'labour', title: '一线工人缺口', description: '返岗率不足，缺操作工 30 人' };

async function notices(zoneId: string, kind?: string) {
  let q = t.deps.database.db.selectFrom('notifications').select(['user_id', 'kind', 'params_json', 'entity_id']).where('zone_id', '=', zoneId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('created_at').execute();
}
async function audits(entityId: string) {
  return t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'after_json']).where('entity_id', '=', entityId).orderBy('at').orderBy('id').execute();
}
const act = (w: Pick<Caller, 'call'>, id: string, action: string, payload: Record<string, unknown> = {}) => w.call({ method: 'POST', url: `${URL}/${id}/actions/${action}`, payload });

describe('raising', () => {
  it('an enterprise user raises one for the own enterprise: numbered, due after 72 hours, the commissioner told', async () => {
    const w = await opsWorld(t.app, t.services);
    const res = await w.owner.call({ method: 'POST', url: URL, payload: raise });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      number: 'SQ-20200224-0001', enterpriseId: w.enterprise.id, enterpriseName: w.enterprise.name, parkName: w.park.name, category: 'labour', title: '一线工人缺口', status: 'open',
      source: 'enterprise', visitId: null, raisedBy: w.owner.user.displayName, dueAt: START + 72 * HOUR, overdue: false, escalatedAt: null, reopenCount: 0, version: 1, createdAt: START,
    });
    expect(d.events).toEqual([{ id: expect.any(String), action: 'create', fromStatus: null, toStatus: 'open', actorName: w.owner.user.displayName, comment: null, at: START }]);
    const told = await notices(w.zone.id, 'demand.raised');
    expect(told.map((n) => [n.user_id, JSON.parse(n.params_json), n.entity_id])).toEqual([[w.commissioner.user.id, { number: 'SQ-20200224-0001', title: '一线工人缺口', enterpriseName: w.enterprise.name }, d.id]]);
    expect((await audits(d.id)).map((a) => [a.action, a.actor_id])).toEqual([['demand.create', w.owner.user.id]]);
    // The next one of the day takes the next number.
    expect((await w.commissioner.call({ method: 'POST', url: URL, payload: { ...raise, enterpriseId: w.enterprise.id } })).json()).toMatchObject({ number: 'SQ-20200224-0002', source: 'commissioner' });
  });

  it('parallel raises get distinct consecutive numbers', async () => {
    const w = await opsWorld(t.app, t.services);
    const res = await Promise.all(Array.from({ length: 6 }, () => w.owner.call({ method: 'POST', url: URL, payload: raise })));
    expect(res.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(res.map((r) => r.json().number).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `SQ-20200224-000${n}`));
  });

  it('commissioners log for their own enterprises only; leaders and the departments do not raise; another zone’s enterprise is named', async () => {
    const w = await opsWorld(t.app, t.services);
    const unassigned = await w.commissioner.call({ method: 'POST', url: URL, payload: { ...raise, enterpriseId: w.other.id } });
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().error).toEqual({ code: 'rule.not_commissioner', message: '只有该企业的驻企特派员才能办理' });
    const noEnterprise = await w.commissioner.call({ method: 'POST', url: URL, payload: raise });
    expect(noEnterprise.statusCode).toBe(400);
    expect(noEnterprise.json().error.details).toEqual([{ path: 'enterpriseId', message: '请选择企业' }]);
    const otherOwn = await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, enterpriseId: w.other.id } });
    expect(otherOwn.statusCode).toBe(403);
    expect(otherOwn.json().error.code).toBe('rule.resumption_own_enterprise');
    for (const who of [w.leader, w.labour]) expect((await who.call({ method: 'POST', url: URL, payload: { ...raise, enterpriseId: w.enterprise.id } })).statusCode).toBe(403);
    const foreign = await makeEnterprise(t.services, (await newAdmin(t.app, t.services)).zone);
    const cross = await w.admin.call({ method: 'POST', url: URL, payload: { ...raise, enterpriseId: foreign.id } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'enterpriseId' } });
    // The zone admin logs for any enterprise of the zone.
    expect((await w.admin.call({ method: 'POST', url: URL, payload: { ...raise, enterpriseId: w.other.id } })).statusCode).toBe(201);
    expect(await t.deps.database.db.selectFrom('resumption_demands').select('id').where('zone_id', '=', w.zone.id).execute()).toHaveLength(1);
  });

  it('a due time given is kept; one in the past is a 400 naming it; bad categories and empty titles are named', async () => {
    const w = await opsWorld(t.app, t.services);
    const due = START + 5 * HOUR;
    expect((await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, dueAt: due } })).json().dueAt).toBe(due);
    const past = await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, dueAt: START - 1 } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details).toEqual([{ path: 'dueAt', message: '办理时限不能早于现在' }]);
    const en = await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, dueAt: START - 1 }, headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.details).toEqual([{ path: 'dueAt', message: 'the due time cannot be in the past' }]);
    // At most a year ahead: a due time in the year 287 000 is a typing error, not a plan.
    expect((await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, dueAt: START + 8760 * HOUR } })).statusCode).toBe(201);
    const far = await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, dueAt: 9e15 } });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details).toEqual([{ path: 'dueAt', message: '办理时限不能晚于 2021-02-23 09:00' }]);
    const bad = await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, category: 'weather', title: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['category', 'title']);
  });
});

describe('the state machine', () => {
  it('open → in progress → resolved → reopened → resolved → confirmed, each told and audited; any other move is a 409', async () => {
    const w = await opsWorld(t.app, t.services);
    const d = (await w.owner.call({ method: 'POST', url: URL, payload: raise })).json() as Demand;
    const started = await act(w.commissioner, d.id, 'start', { comment: '已联系人社局' });
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const startAgain = await act(w.commissioner, d.id, 'start');
    expect(startAgain.statusCode).toBe(409);
    expect(startAgain.json().error).toEqual({ code: 'state.demand', message: '诉求当前为“办理中”，不能开始办理', details: { status: 'in_progress' } });
    const noResolution = await act(w.commissioner, d.id, 'resolve');
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().error.details).toEqual([{ path: 'resolution', message: '请填写办理结果' }]);
    const resolved = await act(w.commissioner, d.id, 'resolve', { resolution: '人社局对接 30 名返岗工人' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: '人社局对接 30 名返岗工人', resolvedAt: START });
    expect((await notices(w.zone.id, 'demand.resolved')).map((n) => n.user_id)).toEqual([w.owner.user.id]);

    const noReason = await act(w.owner, d.id, 'reopen');
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: '请填写原因' }]);
    clock.advance(HOUR);
    try {
      const reopened = await act(w.owner, d.id, 'reopen', { reason: '只到岗 10 人' });
      expect(reopened.json()).toMatchObject({ status: 'open', reopenCount: 1, resolution: null, resolvedAt: null, dueAt: START + HOUR + 72 * HOUR });
      expect((await notices(w.zone.id, 'demand.reopened')).map((n) => n.user_id)).toEqual([w.commissioner.user.id]);
      expect((await act(w.owner, d.id, 'confirm')).json().error.code).toBe('state.demand');
      await act(w.labour, d.id, 'resolve', { resolution: '再对接 20 人' });
      const confirmed = await act(w.owner, d.id, 'confirm', { comment: '已到岗' });
      expect(confirmed.json()).toMatchObject({ status: 'confirmed', version: 6 });
      expect((await notices(w.zone.id, 'demand.confirmed')).map((n) => n.user_id)).toEqual([w.commissioner.user.id]);
      expect(confirmed.json().events.map((e: { action: string; fromStatus: string | null; toStatus: string; comment: string | null }) => [e.action, e.fromStatus, e.toStatus, e.comment])).toEqual([
        ['create', null, 'open'],
        ['start', 'open', 'in_progress', '已联系人社局'],
        ['resolve', 'in_progress', 'resolved', '人社局对接 30 名返岗工人'],
        ['reopen', 'resolved', 'open', '只到岗 10 人'],
        ['resolve', 'open', 'resolved', '再对接 20 人'],
        ['confirm', 'resolved', 'confirmed', '已到岗'],
      ].map((e) => (e.length === 3 ? [...e, null] : e)));
      for (const action of ['start', 'resolve', 'confirm', 'reopen']) {
        const who = action === 'start' || action === 'resolve' ? w.commissioner : w.owner;
        const res = await act(who, d.id, action, { resolution: '再次', reason: '再次' });
        expect(res.statusCode, action).toBe(409);
        expect(res.json().error.details, action).toEqual({ status: 'confirmed' });
      }
      expect((await audits(d.id)).map((a) => a.action)).toEqual(['demand.create', 'demand.start', 'demand.resolve', 'demand.reopen', 'demand.resolve', 'demand.confirm']);
    } finally {
      clock.set(START);
    }
  });

  it('handlers start and resolve, the enterprise confirms and reopens; each side is refused the other’s; leaders only read', async () => {
    const w = await opsWorld(t.app, t.services);
    const own = await makeDemand(t.services, w.zone, w.enterprise.id);
    const others = await makeDemand(t.services, w.zone, w.other.id);
    const enterpriseStart = await act(w.owner, own.id, 'start');
    expect(enterpriseStart.statusCode).toBe(403);
    expect(enterpriseStart.json().error.code).toBe('rule.demand_handlers_only');
    // The commissioner handles only the assigned enterprise; the labour department any.
    expect((await act(w.commissioner, others.id, 'start')).json().error.code).toBe('rule.not_commissioner');
    expect((await act(w.labour, others.id, 'start')).statusCode).toBe(200);
    expect((await act(w.leader, own.id, 'start')).statusCode).toBe(403);
    expect((await w.leader.call({ method: 'PATCH', url: `${URL}/${own.id}`, payload: { department: '市人社局' } })).statusCode).toBe(403);
    await act(w.commissioner, own.id, 'resolve', { resolution: '已解决' });
    const staffConfirm = await act(w.commissioner, own.id, 'confirm');
    expect(staffConfirm.statusCode).toBe(403);
    expect(staffConfirm.json().error.code).toBe('rule.demand_enterprise_only');
    expect((await act(w.admin, own.id, 'reopen', { reason: '代企业重开' })).statusCode).toBe(403);
    // Another enterprise's user does not even see it.
    const foreignConfirm = await act(w.otherOwner, own.id, 'confirm');
    expect(foreignConfirm.statusCode).toBe(404);
    expect(foreignConfirm.json().error).toMatchObject({ code: 'not_found', details: { entity: 'demand', id: own.id } });
    expect((await act(w.owner, own.id, 'confirm')).json().status).toBe('confirmed');
  });

  it('changes by handlers carry the version: a stale one is a 409, and of two at once one wins', async () => {
    const w = await opsWorld(t.app, t.services);
    const d = await makeDemand(t.services, w.zone, w.enterprise.id);
    const patch = (payload: Record<string, unknown>, who = w.commissioner) => who.call({ method: 'PATCH', url: `${URL}/${d.id}`, payload });
    const changed = await patch({ department: '市人社局', category: 'policy', version: 1 });
    expect(changed.json()).toMatchObject({ department: '市人社局', category: 'policy', version: 2 });
    const stale = await patch({ department: '区经信局', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({ code: 'state.stale_demand', message: '诉求已被他人修改，请刷新后重试', details: { version: 2 } });
    expect((await patch({ dueAt: START - 1 })).json().error.details).toEqual([{ path: 'dueAt', message: '办理时限不能早于现在' }]);
    const both = await Promise.all([patch({ department: '甲部门', version: 2 }), patch({ department: '乙部门', version: 2 }, w.labour)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await w.owner.call({ method: 'GET', url: `${URL}/${d.id}` })).json().version).toBe(3);
    const audit = (await audits(d.id)).filter((a) => a.action === 'demand.update');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ category: 'policy', department: '市人社局' });
    const staleAction = await act(w.commissioner, d.id, 'start', { version: 1 });
    expect(staleAction.json().error.code).toBe('state.stale_demand');
  });
});

describe('overdue and escalation', () => {
  it('past its due time a demand is overdue; the job escalates it to the leaders once, however often it runs', async () => {
    const w = await opsWorld(t.app, t.services);
    const secondLeader = await makeUser(t.services, w.zone, ['leader']);
    const late = (await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, dueAt: START + HOUR } })).json() as Demand;
    const solved = (await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, title: '已解决的', dueAt: START + HOUR } })).json() as Demand;
    const later = (await w.owner.call({ method: 'POST', url: URL, payload: { ...raise, title: '还早', dueAt: START + 3 * HOUR } })).json() as Demand;
    await act(w.commissioner, solved.id, 'resolve', { resolution: '已办' });
    expect((await t.services.resumption.demands.escalateOverdue(w.zone.id)).escalated).toBe(0);
    clock.advance(HOUR + 1);
    try {
      const overdue = await w.commissioner.call({ method: 'GET', url: `${URL}?overdue=true` });
      expect(overdue.json().items.map((d: Demand) => d.id)).toEqual([late.id]);
      expect(overdue.json().items[0].overdue).toBe(true);
      expect((await w.commissioner.call({ method: 'GET', url: `${URL}?overdue=false&sort=createdAt:asc` })).json().items.map((d: Demand) => d.id)).toEqual([solved.id, later.id]);
      const [first, second] = await Promise.all([t.services.resumption.demands.escalateOverdue(w.zone.id), t.services.resumption.demands.escalateOverdue(w.zone.id)]);
      expect(first!.escalated + second!.escalated).toBe(1);
      expect((await t.services.resumption.demands.escalateOverdue(w.zone.id)).escalated).toBe(0);
      const escalated = await notices(w.zone.id, 'demand.escalated');
      expect(escalated.map((n) => n.user_id).sort()).toEqual([w.leader.user.id, secondLeader.id].sort());
      expect(JSON.parse(escalated[0]!.params_json)).toEqual({ number: late.number, title: late.title, enterpriseName: w.enterprise.name });
      const shown = (await w.leader.call({ method: 'GET', url: `${URL}/${late.id}` })).json();
      expect(shown).toMatchObject({ escalatedAt: START + HOUR + 1, overdue: true });
      expect(shown.events.at(-1)).toMatchObject({ action: 'escalate', fromStatus: 'open', toStatus: 'open', actorName: 'resumption.escalation' });
      expect((await audits(late.id)).at(-1)).toMatchObject({ action: 'demand.escalate', actor_id: null });
      expect((await w.leader.call({ method: 'GET', url: `${URL}?escalated=true` })).json().items.map((d: Demand) => d.id)).toEqual([late.id]);
      // The later one escalates when its time comes, once.
      clock.advance(2 * HOUR);
      expect((await t.services.resumption.demands.escalateOverdue(w.zone.id)).escalated).toBe(1);
      expect((await t.services.resumption.demands.escalateOverdue(w.zone.id)).escalated).toBe(0);
      expect((await t.services.resumption.demands.countsByEnterprise(w.zone.id)).get(w.enterprise.id)).toEqual({ open: 2, overdue: 2 });
    } finally {
      clock.set(START);
    }
  });
});

describe('the ledger', () => {
  it('enterprise users see their own enterprise’s; filters narrow; the export holds the standard columns', async () => {
    const w = await opsWorld(t.app, t.services);
    const mine = (await w.owner.call({ method: 'POST', url: URL, payload: raise })).json() as Demand;
    const theirs = (await w.otherOwner.call({ method: 'POST', url: URL, payload: { ...raise, category: 'funding', title: '流动资金紧张', description: '需要贷款贴息' } })).json() as Demand;
    await act(w.commissioner, mine.id, 'start');
    await w.commissioner.call({ method: 'PATCH', url: `${URL}/${mine.id}`, payload: { department: '区人社局' } });
    const ids = async (who: Pick<Caller, 'call'>, q = '') => (await who.call({ method: 'GET', url: `${URL}${q}` })).json().items.map((d: Demand) => d.id);
    expect(await ids(w.owner)).toEqual([mine.id]);
    expect(await ids(w.owner, `?enterpriseId=${w.other.id}`)).toEqual([]);
    expect((await w.owner.call({ method: 'GET', url: `${URL}/${theirs.id}` })).statusCode).toBe(404);
    expect(await ids(w.leader, '?sort=createdAt:asc')).toEqual([mine.id, theirs.id]);
    expect(await ids(w.leader, '?status=in_progress')).toEqual([mine.id]);
    expect(await ids(w.leader, '?category=funding')).toEqual([theirs.id]);
    expect(await ids(w.leader, `?department=${encodeURIComponent('区人社局')}`)).toEqual([mine.id]);
    expect(await ids(w.leader, `?parkId=${w.park.id}`)).toEqual([mine.id]);
    expect(await ids(w.commissioner, '?mine=true')).toEqual([mine.id]);
    expect(await ids(w.leader, `?q=${encodeURIComponent('贴息')}`)).toEqual([theirs.id]);
    expect(await ids(w.leader, `?q=${theirs.number.toLowerCase()}`)).toEqual([theirs.id]);
    expect(await ids(w.leader, `?q=${encodeURIComponent(w.other.name)}`)).toEqual([theirs.id]);
    const page = (await w.leader.call({ method: 'GET', url: `${URL}?pageSize=1&page=2&sort=number:asc` })).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items.map((d: Demand) => d.id)).toEqual([theirs.id]);

    const sheet = await xlsxResponse(await w.leader.call({ method: 'GET', url: `${URL}/export.xlsx?status=in_progress` }));
    expect(sheet.header).toEqual(['编号', '企业', '园区', '类别', '诉求', '牵头部门', '状态', '提出方式', '提出人', '提出时间', '办理时限', '是否超期', '办理结果', '办结时间']);
    expect(sheet.rows).toEqual([[mine.number, w.enterprise.name, w.park.name, '用工', '一线工人缺口：返岗率不足，缺操作工 30 人', '区人社局', '办理中', '企业提出', w.owner.user.displayName, '2020-02-24 09:00', '2020-02-27 09:00', '否', '', '']]);
    const own = await xlsxResponse(await w.owner.call({ method: 'GET', url: `${URL}/export.xlsx` }));
    expect(column(own, '编号')).toEqual([mine.number]);
    const en = await xlsxResponse(await w.leader.call({ method: 'GET', url: `${URL}/export.xlsx?lang=en-US&sort=createdAt:asc` }));
    expect(column(en, 'Category')).toEqual(['Labour', 'Funding and financing']);
    expect(column(en, 'Raised how')).toEqual(['Raised by the enterprise', 'Raised by the enterprise']);
  });
});

describe('figures for the workbench and the statistics', () => {
  it('open demands by category at past instants follow the events; every category is present', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone);
    const d = t.services.resumption.demands;
    try {
      const t0 = clock.now();
      const labour = await makeDemand(t.services, zone, e.id, { category: 'labour', dueAt: t0 + 2 * HOUR });
      clock.advance(HOUR);
      const t1 = clock.now();
      await makeDemand(t.services, zone, e.id, { category: 'supplies', dueAt: t1 + 10 * HOUR });
      clock.advance(HOUR);
      await d.act(zone.ctx, labour.id, 'start', {});
      clock.advance(HOUR);
      const t3 = clock.now();
      await d.act(zone.ctx, labour.id, 'resolve', { resolution: '已办结' });
      const at = async (ms: number) => Object.fromEntries((await d.openByCategoryAt(zone.id, ms)).filter((r) => r.open > 0 || r.overdue > 0).map((r) => [r.category, [r.open, r.overdue]]));
      expect((await d.openByCategoryAt(zone.id, t0 - 1)).map((r) => r.category)).toEqual(['labour', 'supplies', 'funding', 'logistics', 'materials', 'policy', 'approval', 'other']);
      expect(await at(t0 - 1)).toEqual({});
      expect(await at(t0)).toEqual({ labour: [1, 0] });
      expect(await at(t1)).toEqual({ labour: [1, 0], supplies: [1, 0] });
      // In progress past its due time until resolved at t3, then no longer open.
      expect(await at(t3 - 1)).toEqual({ labour: [1, 1], supplies: [1, 0] });
      expect(await at(t3)).toEqual({ supplies: [1, 0] });
      // Reopened at t4 with a fresh due time: open again from then, and not before.
      clock.advance(HOUR);
      const t4 = clock.now();
      await d.act(zone.ctx, labour.id, 'reopen', { reason: '未解决' });
      expect(await at(t4 - 1)).toEqual({ supplies: [1, 0] });
      expect(await at(t4)).toEqual({ labour: [1, 0], supplies: [1, 0] });
      expect(await d.countsByEnterprise(zone.id, [e.id])).toEqual(new Map([[e.id, { open: 2, overdue: 0 }]]));
      expect(await d.countsByEnterprise(zone.id, [])).toEqual(new Map());
    } finally {
      clock.set(START);
    }
  });
});
