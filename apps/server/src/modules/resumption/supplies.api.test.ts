// Protective supplies (防护物资) through the API: items and stock received, enterprises' requests,
// allocations that never exceed the stock nor the request, also when many run at once (the stock
// moves only by a conditional UPDATE), refusals, the ledger whose movements sum to the stock, and
// its export; enterprise users see only their own requests; leaders only read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupplyItem, SupplyRequest } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, newAdmin, signedInUser, type Caller } from '../../test/factories.js';
import { makeSupplyItem, makeSupplyRequest, opsWorld } from '../../test/demand-factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const START = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const BASE = '/api/resumption/supplies';
const movementsOf = (zoneId: string, itemId: string) =>
  t.deps.database.db.selectFrom('supply_movements').select(['kind', 'quantity', 'balance', 'request_id']).where('zone_id', '=', zoneId).where('item_id', '=', itemId).orderBy('at').orderBy('id').execute();
const stockOf = async (zoneId: string, itemId: string) => (await t.deps.database.db.selectFrom('supply_items').select('stock').where('zone_id', '=', zoneId).where('id', '=', itemId).executeTakeFirstOrThrow()).stock;

describe('items and stock', () => {
  it('the zone keeps items, receives stock, and shows what is allocated and still asked for', async () => {
    const w = await opsWorld(t.app, t.services);
    const created = await w.admin.call({ method: 'POST', url: `${BASE}/items`, payload: { name: 'N95 口罩', unit: '只', note: '医用级' } });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json() as SupplyItem;
    expect(item).toEqual({ id: expect.any(String), name: 'N95 口罩', unit: '只', stock: 0, allocated: 0, requested: 0, note: '医用级', createdAt: START, updatedAt: START });
    const dup = await w.admin.call({ method: 'POST', url: `${BASE}/items`, payload: { name: 'N95 口罩', unit: '只' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict.duplicate');
    const stocked = await w.admin.call({ method: 'POST', url: `${BASE}/items/${item.id}/stock-in`, payload: { quantity: 1000, source: '省指挥部调拨' } });
    expect(stocked.json()).toMatchObject({ stock: 1000 });
    await w.admin.call({ method: 'POST', url: `${BASE}/items/${item.id}/stock-in`, payload: { quantity: 500, source: '企业捐赠', note: '比亚迪' } });
    const renamed = await w.admin.call({ method: 'PATCH', url: `${BASE}/items/${item.id}`, payload: { name: 'KN95 口罩' } });
    expect(renamed.json()).toMatchObject({ name: 'KN95 口罩', unit: '只', stock: 1500 });
    const r1 = await makeSupplyRequest(t.services, w.zone, w.enterprise.id, item.id, 300);
    await makeSupplyRequest(t.services, w.zone, w.other.id, item.id, 200);
    await t.services.resumption.supplies.actOnRequest(w.zone.ctx, r1.id, 'allocate', { quantity: 100 });
    const items = (await w.owner.call({ method: 'GET', url: `${BASE}/items` })).json() as SupplyItem[];
    expect(items).toEqual([expect.objectContaining({ id: item.id, stock: 1400, allocated: 100, requested: 400 })]);
    expect((await movementsOf(w.zone.id, item.id)).map((m) => [m.kind, m.quantity, m.balance])).toEqual([['stock_in', 1000, 1000], ['stock_in', 500, 1500], ['allocation', -100, 1400]]);
    // Managing the stock is the zone's; enterprises, commissioners and leaders may not.
    for (const who of [w.owner, w.commissioner, w.leader]) {
      expect((await who.call({ method: 'POST', url: `${BASE}/items`, payload: { name: '体温计', unit: '支' } })).statusCode).toBe(403);
      expect((await who.call({ method: 'POST', url: `${BASE}/items/${item.id}/stock-in`, payload: { quantity: 1, source: 'x' } })).statusCode).toBe(403);
    }
    const zero = await w.admin.call({ method: 'POST', url: `${BASE}/items/${item.id}/stock-in`, payload: { quantity: 0, source: 'x' } });
    expect(zero.json().error.details).toEqual([{ path: 'quantity', message: '不能小于 1' }]);
    // The stock holds at most 2 000 000 000 (INTEGER columns): more is a 400 naming the quantity, and nothing moves.
    const big = await makeSupplyItem(t.services, w.zone, { name: '外科口罩', stock: 100_000_000 });
    for (let i = 1; i < 20; i++) await t.services.resumption.supplies.stockIn(w.zone.ctx, big.id, { quantity: 100_000_000, source: '市防疫指挥部调拨' });
    const full = await w.admin.call({ method: 'POST', url: `${BASE}/items/${big.id}/stock-in`, payload: { quantity: 100_000_000, source: '再调拨' } });
    expect(full.statusCode, full.body).toBe(400);
    expect(full.json().error.details).toEqual([{ path: 'quantity', message: '不能大于 0' }]);
    expect(await stockOf(w.zone.id, big.id)).toBe(2_000_000_000);
    expect(await movementsOf(w.zone.id, big.id)).toHaveLength(20);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', item.id).where('action', '=', 'supply_item.stock_in').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!).stock, JSON.parse(a.after_json!).stock])).toEqual([[0, 1000], [1000, 1500]]);
  });
});

describe('requests and allocation', () => {
  it('enterprises ask for their own; allocation defaults to what remains, may be partial, never more than asked; refusal needs a reason', async () => {
    const w = await opsWorld(t.app, t.services);
    const item = await makeSupplyItem(t.services, w.zone, { name: '消毒液', unit: '升', stock: 100 });
    const asked = await w.owner.call({ method: 'POST', url: `${BASE}/requests`, payload: { itemId: item.id, quantity: 60, reason: '车间每日消杀' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const req = asked.json() as SupplyRequest;
    expect(req).toMatchObject({ enterpriseId: w.enterprise.id, enterpriseName: w.enterprise.name, itemName: '消毒液', unit: '升', quantity: 60, allocated: 0, status: 'open', refusal: null });
    expect((await w.owner.call({ method: 'POST', url: `${BASE}/requests`, payload: { enterpriseId: w.other.id, itemId: item.id, quantity: 1, reason: '替别人要' } })).statusCode).toBe(403);
    const foreign = await makeSupplyItem(t.services, (await newAdmin(t.app, t.services)).zone, { name: '外区口罩' });
    const cross = await w.owner.call({ method: 'POST', url: `${BASE}/requests`, payload: { itemId: foreign.id, quantity: 1, reason: '跨区' } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'itemId' } });
    const otherReq = await makeSupplyRequest(t.services, w.zone, w.other.id, item.id, 5);
    expect((await w.owner.call({ method: 'GET', url: `${BASE}/requests` })).json().items.map((r: SupplyRequest) => r.id)).toEqual([req.id]);
    expect((await w.leader.call({ method: 'GET', url: `${BASE}/requests?enterpriseId=${w.other.id}` })).json().items.map((r: SupplyRequest) => r.id)).toEqual([otherReq.id]);

    const allocate = (id: string, payload: Record<string, unknown> = {}, who: Pick<Caller, 'call'> = w.admin) => who.call({ method: 'POST', url: `${BASE}/requests/${id}/actions/allocate`, payload });
    expect((await allocate(req.id, { quantity: 1 }, w.leader)).statusCode).toBe(403);
    const partial = await allocate(req.id, { quantity: 20 });
    expect(partial.json()).toMatchObject({ allocated: 20, status: 'partial' });
    const over = await allocate(req.id, { quantity: 41 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toEqual({ code: 'rule.allocation_over_request', message: '分配数量不能超过申请剩余数量（40）', details: { field: 'quantity', remaining: 40 } });
    const rest = await allocate(req.id);
    expect(rest.json()).toMatchObject({ allocated: 60, status: 'allocated' });
    const again = await allocate(req.id, { quantity: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'state.supply_request', message: '物资申请当前为“已分配”，不能分配', details: { status: 'allocated' } });
    const told = await t.deps.database.db.selectFrom('notifications').select(['user_id', 'kind', 'params_json']).where('zone_id', '=', w.zone.id).orderBy('created_at').orderBy('id').execute();
    expect(told.map((n) => [n.user_id, n.kind, JSON.parse(n.params_json)])).toEqual([
      [w.owner.user.id, 'supply.allocated', { itemName: '消毒液', quantity: '20', unit: '升' }],
      [w.owner.user.id, 'supply.allocated', { itemName: '消毒液', quantity: '40', unit: '升' }],
    ]);

    const refuse = (payload: Record<string, unknown>) => w.admin.call({ method: 'POST', url: `${BASE}/requests/${otherReq.id}/actions/refuse`, payload });
    expect((await refuse({})).json().error.details).toEqual([{ path: 'reason', message: '请填写原因' }]);
    expect((await refuse({ reason: '库存优先保障重点企业' })).json()).toMatchObject({ status: 'refused', refusal: '库存优先保障重点企业' });
    expect((await allocate(otherReq.id)).json().error.details).toEqual({ status: 'refused' });
    expect((await w.owner.call({ method: 'POST', url: `${BASE}/requests/${req.id}/actions/refuse`, payload: { reason: '自己拒绝' } })).statusCode).toBe(403);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [req.id, otherReq.id]).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['supply_request.create', 'supply_request.create', 'supply_request.allocate', 'supply_request.allocate', 'supply_request.refuse']);
  });

  it('never allocates more than the stock: the shortage is a 409 and nothing moves', async () => {
    const w = await opsWorld(t.app, t.services);
    const item = await makeSupplyItem(t.services, w.zone, { name: '测温枪', unit: '支', stock: 5 });
    const req = await makeSupplyRequest(t.services, w.zone, w.enterprise.id, item.id, 8);
    const short = await w.admin.call({ method: 'POST', url: `${BASE}/requests/${req.id}/actions/allocate`, payload: {} });
    expect(short.statusCode).toBe(409);
    expect(short.json().error).toEqual({ code: 'conflict.stock_short', message: '库存不足：测温枪现有 5支，本次分配 8支', details: { field: 'quantity', stock: 5, quantity: 8 } });
    expect((await w.admin.call({ method: 'GET', url: `${BASE}/requests` })).json().items[0]).toMatchObject({ allocated: 0, status: 'open' });
    expect(await stockOf(w.zone.id, item.id)).toBe(5);
    expect(await movementsOf(w.zone.id, item.id)).toHaveLength(1);
  });

  it('12 parallel allocations of 10 on a stock of 50: exactly 5 succeed, the stock ends at 0, the movements sum to it', async () => {
    const w = await opsWorld(t.app, t.services);
    const item = await makeSupplyItem(t.services, w.zone, { name: '医用口罩', unit: '盒', stock: 50 });
    const requests = [];
    for (let i = 0; i < 12; i++) requests.push(await makeSupplyRequest(t.services, w.zone, i % 2 ? w.enterprise.id : w.other.id, item.id, 10));
    const managers = await Promise.all([w.admin, ...(await Promise.all([1, 2, 3].map(() => signedInUser(t.app, t.services, w.zone, ['zone_admin']))))]);
    const results = await Promise.all(requests.map((r, i) => managers[i % managers.length]!.call({ method: 'POST', url: `${BASE}/requests/${r.id}/actions/allocate`, payload: { quantity: 10 } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error).toMatchObject({ code: 'conflict.stock_short', details: { stock: 0, quantity: 10 } });
    expect(await stockOf(w.zone.id, item.id)).toBe(0);
    const moves = await movementsOf(w.zone.id, item.id);
    expect(moves.reduce((s, m) => s + m.quantity, 0)).toBe(0);
    expect(moves.filter((m) => m.kind === 'allocation').map((m) => m.balance).sort((a, b) => b - a)).toEqual([40, 30, 20, 10, 0]);
    expect(moves.every((m) => m.balance >= 0)).toBe(true);
    const byStatus = (await w.admin.call({ method: 'GET', url: `${BASE}/requests?pageSize=50` })).json().items.map((r: SupplyRequest) => r.status).sort();
    expect(byStatus).toEqual([...Array(5).fill('allocated'), ...Array(7).fill('open')]);
    expect((await w.admin.call({ method: 'GET', url: `${BASE}/items` })).json()[0]).toMatchObject({ stock: 0, allocated: 50, requested: 70 });
  });

  it('parallel allocations on one request never give it more than it asked', async () => {
    const w = await opsWorld(t.app, t.services);
    const item = await makeSupplyItem(t.services, w.zone, { name: '防护服', unit: '套', stock: 100 });
    const req = await makeSupplyRequest(t.services, w.zone, w.enterprise.id, item.id, 30);
    const results = await Promise.all(Array.from({ length: 6 }, () => w.admin.call({ method: 'POST', url: `${BASE}/requests/${req.id}/actions/allocate`, payload: { quantity: 10 } })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(codes.filter((c) => c !== 200).every((c) => c === 409 || c === 422)).toBe(true);
    expect(await stockOf(w.zone.id, item.id)).toBe(70);
    expect((await w.admin.call({ method: 'GET', url: `${BASE}/requests` })).json().items[0]).toMatchObject({ allocated: 30, status: 'allocated' });
  });
});

describe('the ledger', () => {
  it('lists movements newest first with the balance, filters, and exports', async () => {
    const w = await opsWorld(t.app, t.services);
    const masks = await makeSupplyItem(t.services, w.zone, { name: '一次性口罩', unit: '只', stock: 200 });
    const gel = await makeSupplyItem(t.services, w.zone, { name: '免洗洗手液', unit: '瓶' });
    clock.advance(24 * 3_600_000 - 60_000);
    try {
      await t.services.resumption.supplies.stockIn(w.zone.ctx, gel.id, { quantity: 40, source: '区财政采购' });
      const req = await makeSupplyRequest(t.services, w.zone, w.enterprise.id, masks.id, 50);
      await t.services.resumption.supplies.actOnRequest(w.zone.ctx, req.id, 'allocate', {});
      // A day later the morning's sessions have expired: sign in again.
      const leader = await signedInUser(t.app, t.services, w.zone, ['leader']);
      const owner = await signedInUser(t.app, t.services, w.zone, ['enterprise_user'], { enterpriseId: w.enterprise.id });
      const ledger = async (q = '') => (await leader.call({ method: 'GET', url: `${BASE}/ledger${q}` })).json();
      const all = await ledger();
      expect(all.total).toBe(3);
      expect(all.items.map((m: { itemName: string; kind: string; quantity: number; balance: number; enterpriseName: string | null }) => [m.itemName, m.kind, m.quantity, m.balance, m.enterpriseName])).toEqual([
        ['一次性口罩', 'allocation', -50, 150, w.enterprise.name],
        ['免洗洗手液', 'stock_in', 40, 40, null],
        ['一次性口罩', 'stock_in', 200, 200, null],
      ]);
      expect((await ledger(`?itemId=${gel.id}`)).total).toBe(1);
      expect((await ledger('?kind=allocation')).items[0].requestId).toBe(req.id);
      expect((await ledger(`?enterpriseId=${w.enterprise.id}`)).total).toBe(1);
      // Days are the zone's: the first stock-in was on the 24th, the rest on the 25th (Beijing time).
      expect((await ledger('?from=2020-02-25&to=2020-02-25')).total).toBe(2);
      expect((await ledger('?to=2020-02-24')).total).toBe(1);
      // Days at the ends of the calendar bound nothing (and never reach the SQL as NaN).
      expect((await ledger('?from=0001-01-01&to=9999-12-31')).total).toBe(3);
      const backwards = await leader.call({ method: 'GET', url: `${BASE}/ledger?from=2020-02-25&to=2020-02-24` });
      expect(backwards.json().error.details).toEqual([{ path: 'to', message: '结束日期不能早于开始日期' }]);
      expect((await owner.call({ method: 'GET', url: `${BASE}/ledger` })).statusCode).toBe(403);

      const sheet = await xlsxResponse(await leader.call({ method: 'GET', url: `${BASE}/ledger/export.xlsx?itemId=${masks.id}` }));
      expect(sheet.header).toEqual(['时间', '物资', '类型', '数量', '单位', '结存', '分配企业', '来源', '备注', '经办人']);
      expect(sheet.rows.map((r) => r.slice(1, 8))).toEqual([
        ['一次性口罩', '分配', '-50', '只', '150', w.enterprise.name, ''],
        ['一次性口罩', '入库', '200', '只', '200', '', '市防疫指挥部调拨'],
      ]);
      expect(column(sheet, '时间')).toEqual(['2020-02-25 08:59', '2020-02-24 09:00']);
      const bad = await leader.call({ method: 'GET', url: `${BASE}/ledger/export.xlsx?from=2020-02-25&to=2020-02-24` });
      expect(bad.statusCode).toBe(400);
    } finally {
      clock.set(START);
    }
  });

  it('another enterprise’s user cannot see a request through the list, whatever the filter', async () => {
    const w = await opsWorld(t.app, t.services);
    const item = await makeSupplyItem(t.services, w.zone, { stock: 10 });
    const third = await makeEnterprise(t.services, w.zone);
    await makeSupplyRequest(t.services, w.zone, third.id, item.id, 3);
    for (const q of ['', `?enterpriseId=${third.id}`, `?itemId=${item.id}`, '?status=open']) expect((await w.owner.call({ method: 'GET', url: `${BASE}/requests${q}` })).json().total, q).toBe(0);
  });
});
