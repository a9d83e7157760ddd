// The enterprise registry through the API: validation of the credit code, references, the derived
// scale tier, the encrypted contact phone and its audited reveal, search/filter/sort/paging, what
// an enterprise user may see, and the change history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_MIN_FEN, type Enterprise } from '@shuangsheng/contracts';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import { newAdmin, makeBuilding, makeEnterprise, makePark, makeUser, signInAs, validCreditCode, zoneSnapshot } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

/** Same first 17 characters, another check character: the code no longer adds up. */
function withWrongCheckChar(code: string): string {
  const last = code[17] === '0' ? '1' : '0';
  return code.slice(0, 17) + last;
}

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((e) => e.id);

describe('creating and changing an enterprise', () => {
  it('creates a full profile and answers it with derived fields', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '板仓工业园');
    const building = await makeBuilding(t.services, zone, park.id, 'A1 栋');
    const leading = await makeEnterprise(t.services, zone, { name: '龙头集团' });
    const code = validCreditCode();
    const res = await call({
      method: 'POST',
      url: '/api/enterprises',
      payload: {
        creditCode: ` ${code.toLowerCase()} `,
        name: '自贡华西能源装备有限公司',
        buildingId: building.id,
        industry: 'C',
        outputLastYearFen: 1_250_000_000_00,
        taxLastYearFen: 32_005_000_00,
        aboveScale: true,
        cityMonitored: true,
        leadingEnterpriseId: leading.id,
        employees: 860,
        legalRepresentative: '王建国',
        contactName: '李娜',
        contactPhone: '13812345678',
        address: '自贡市板仓工业园 8 号',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as Enterprise;
    expect(e).toEqual({
      id: expect.any(String),
      creditCode: code,
      name: '自贡华西能源装备有限公司',
      parkId: park.id, // filled from the building
      parkName: '板仓工业园',
      buildingId: building.id,
      buildingName: 'A1 栋',
      gridUnitId: null,
      gridUnitName: null,
      gridUnitCode: null,
      industry: 'C',
      outputLastYearFen: 125_000_000_000,
      taxLastYearFen: 3_200_500_000,
      tier: 'billion',
      aboveScale: true,
      cityMonitored: true,
      leadingEnterpriseId: leading.id,
      leadingEnterpriseName: '龙头集团',
      leadingEnterpriseCreditCode: leading.creditCode,
      supplierCount: 0,
      employees: 860,
      legalRepresentative: '王建国',
      contactName: '李娜',
      contactPhoneMasked: '138****5678',
      address: '自贡市板仓工业园 8 号',
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    const again = await call({ method: 'GET', url: `/api/enterprises/${e.id}` });
    expect(again.json()).toEqual(e);
  });

  it('refuses a credit code whose check character is wrong (GB 32100-2015), naming creditCode', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const before = await zoneSnapshot(t.deps.database, zone.id);
    const res = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: withWrongCheckChar(validCreditCode()), name: '校验位错误公司' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.message).toBe('请求参数有误：creditCode: 统一社会信用代码无效（18 位，校验位按 GB 32100-2015 计算）');
    expect(res.json().error.details).toEqual([{ path: 'creditCode', message: '统一社会信用代码无效（18 位，校验位按 GB 32100-2015 计算）' }]);
    const en = await call({ method: 'POST', url: '/api/enterprises', headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { creditCode: '91510300MA62K1XQ4', name: 'Short code' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toBe('Invalid request: creditCode: is not a valid unified social credit code (18 characters, check character per GB 32100-2015)');
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
  });

  it('refuses a second enterprise with the same credit code in the zone (409) but allows it in another zone', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const existing = await makeEnterprise(t.services, zone);
    const res = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: existing.creditCode, name: '重复公司' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'conflict.duplicate', message: `统一社会信用代码“${existing.creditCode}”已存在`, details: { field: 'creditCode' } });
    const other = await newAdmin(t.app, t.services);
    const elsewhere = await other.call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: existing.creditCode, name: '别区同码公司' } });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('keeps the building inside the park: a building of another park is refused, on create and on patch', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const p1 = await makePark(t.services, zone);
    const p2 = await makePark(t.services, zone);
    const b1 = await makeBuilding(t.services, zone, p1.id);
    const b2 = await makeBuilding(t.services, zone, p2.id);
    const wrong = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: '错楼公司', parkId: p1.id, buildingId: b2.id } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toEqual({ code: 'rule.building_not_in_park', message: '楼宇不属于所选园区', details: { field: 'buildingId' } });

    const e = await makeEnterprise(t.services, zone, { buildingId: b1.id });
    expect(e.parkId).toBe(p1.id);
    // Moving to another park while the building stays in the first would split the two.
    const split = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { parkId: p2.id } });
    expect(split.statusCode).toBe(422);
    expect(split.json().error.code).toBe('rule.building_not_in_park');
    const cleared = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { parkId: null } });
    expect(cleared.statusCode).toBe(422);
    // Moving park and building together is fine, and so is naming the new building alone.
    const both = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { parkId: p2.id, buildingId: b2.id } });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ parkId: p2.id, buildingId: b2.id });
    const out = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { parkId: p1.id, buildingId: null } });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ parkId: p1.id, buildingId: null });
  });

  it('an enterprise cannot lead itself', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone);
    const res = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { leadingEnterpriseId: e.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({ code: 'rule.leading_self', message: '龙头企业不能是企业自身', details: { field: 'leadingEnterpriseId' } });
    expect((await call({ method: 'GET', url: `/api/enterprises/${e.id}` })).json().leadingEnterpriseId).toBeNull();
  });

  it('a patch that leaves the flags out leaves them as they are', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone, { aboveScale: true, cityMonitored: true });
    const res = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { name: '只改名字' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '只改名字', aboveScale: true, cityMonitored: true });
    const history = (await call({ method: 'GET', url: `/api/enterprises/${e.id}/history` })).json();
    expect(history[0].after).toEqual({ name: '只改名字' });
    const off = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { cityMonitored: false } });
    expect(off.json()).toMatchObject({ aboveScale: true, cityMonitored: false });
  });

  it('patches only the fields sent and re-derives the tier', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone, { tier: 'other', contactPhone: '13900001111', employees: 10 });
    const res = await call({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { outputLastYearFen: TIER_MIN_FEN.ten_billion, name: '改名后的公司' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '改名后的公司', tier: 'ten_billion', outputLastYearFen: TIER_MIN_FEN.ten_billion, employees: 10, contactPhoneMasked: '139****1111', creditCode: e.creditCode });
  });
});

describe('scale tier, derived from last year output', () => {
  // [output in fen, tier]: the lower bound of each tier is inclusive.
  const cases: [number | null, Enterprise['tier']][] = [
    [null, 'other'],
    [0, 'other'],
    [TIER_MIN_FEN.hundred_million - 1, 'other'],
    [TIER_MIN_FEN.hundred_million, 'hundred_million'],
    [TIER_MIN_FEN.billion - 1, 'hundred_million'],
    [TIER_MIN_FEN.billion, 'billion'],
    [TIER_MIN_FEN.ten_billion - 1, 'billion'],
    [TIER_MIN_FEN.ten_billion, 'ten_billion'],
  ];

  it('answers the tier of each boundary and filters by it exactly', async () => {
    const { call } = await newAdmin(t.app, t.services);
    expect(TIER_MIN_FEN).toEqual({ hundred_million: 10_000_000_000, billion: 100_000_000_000, ten_billion: 1_000_000_000_000 });
    const made: { id: string; tier: string }[] = [];
    for (const [output, tier] of cases) {
      const res = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: `产值${output}`, outputLastYearFen: output } });
      expect(res.statusCode).toBe(201);
      expect(res.json().tier, `output ${output}`).toBe(tier);
      made.push({ id: res.json().id, tier });
    }
    for (const tier of ['other', 'hundred_million', 'billion', 'ten_billion'] as const) {
      const res = await call({ method: 'GET', url: `/api/enterprises?tier=${tier}&pageSize=50` });
      expect(res.statusCode).toBe(200);
      expect(ids(res).sort(), tier).toEqual(made.filter((m) => m.tier === tier).map((m) => m.id).sort());
      expect(res.json().items.every((e: Enterprise) => e.tier === tier)).toBe(true);
    }
  });
});

describe('the contact phone', () => {
  it('is encrypted at rest, indexed blind, and shown masked', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const res = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: '电话公司', contactPhone: '13812345678' } });
    expect(res.json().contactPhoneMasked).toBe('138****5678');
    const row = await t.deps.database.db.selectFrom('enterprises').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(JSON.stringify(row)).not.toContain('5678');
    expect(row.contact_phone_enc).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(t.deps.pii.decrypt(row.contact_phone_enc!)).toBe('13812345678');
    expect(row.contact_phone_idx).toBe(t.deps.pii.blindIndex('13812345678'));
    // Nor does the audit record hold it.
    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).where('entity_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['enterprise.create']);
    expect(JSON.stringify(audit)).not.toContain('13812345678');
    expect(JSON.parse(audit[0]!.after_json!).contactPhone).toBe('138****5678');
  });

  it('masks a landline keeping its area code', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone, { contactPhone: '0813-5201234' });
    expect(e.contactPhoneMasked).toBe('0813-***1234');
  });

  it('is revealed with pii.reveal and a reason, and the reveal is audited', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone, { contactPhone: '13812345678' });
    const res = await call({ method: 'POST', url: `/api/enterprises/${e.id}/actions/reveal-phone`, headers: { 'x-request-id': 'reveal-1' }, payload: { reason: '核实复工联系人' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: '13812345678' });
    const rows = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).where('action', '=', 'enterprise.reveal_phone').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, entity_type: 'enterprise', entity_id: e.id, request_id: 'reveal-1', before_json: null });
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({ reason: '核实复工联系人' });
  });

  it('is not revealed without a reason, nor to a role without pii.reveal (403)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone, { contactPhone: '13812345678' });
    const noReason = await call({ method: 'POST', url: `/api/enterprises/${e.id}/actions/reveal-phone`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: '至少 4 个字符' }]);
    for (const role of ['leader', 'commissioner', 'enterprise_user'] as const) {
      const user = await makeUser(t.services, zone, [role], role === 'enterprise_user' ? { enterpriseId: e.id } : {});
      const other = await signInAs(t.app, user.username);
      const res = await other.call({ method: 'POST', url: `/api/enterprises/${e.id}/actions/reveal-phone`, payload: { reason: '想看看电话' } });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const reveals = await t.deps.database.db.selectFrom('audit_log').select('id').where('zone_id', '=', zone.id).where('action', '=', 'enterprise.reveal_phone').execute();
    expect(reveals).toHaveLength(0);
  });
});

describe('the list', () => {
  async function registry() {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const p1 = await makePark(t.services, zone);
    const p2 = await makePark(t.services, zone);
    const lead = await makeEnterprise(t.services, zone, { name: '川能龙头装备集团', parkId: p1.id, industry: 'C', outputLastYearFen: TIER_MIN_FEN.billion + 7, aboveScale: true, contactPhone: '13800000001' });
    const big = await makeEnterprise(t.services, zone, { name: '盐业化工股份', parkId: p2.id, industry: 'C', outputLastYearFen: TIER_MIN_FEN.ten_billion, aboveScale: true, cityMonitored: true, leadingEnterpriseId: lead.id });
    const soft = await makeEnterprise(t.services, zone, { name: '云端软件科技', parkId: p1.id, industry: 'I', outputLastYearFen: null, cityMonitored: true, leadingEnterpriseId: lead.id, contactPhone: '0813-5201234' });
    const shop = await makeEnterprise(t.services, zone, { name: '彩灯商贸', industry: 'F', outputLastYearFen: TIER_MIN_FEN.hundred_million });
    return { ...admin, p1, p2, lead, big, soft, shop };
  }

  it('searches by name, by credit code and by the exact phone', async () => {
    const r = await registry();
    const q = async (query: string) => ids(await r.call({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent(query)}` }));
    expect(await q('软件')).toEqual([r.soft.id]);
    expect(await q(r.big.creditCode)).toEqual([r.big.id]);
    expect(await q(r.big.creditCode.slice(8, 16).toLowerCase())).toEqual([r.big.id]);
    expect(await q('13800000001')).toEqual([r.lead.id]);
    expect(await q('138 0000 0001')).toEqual([r.lead.id]);
    expect(await q('08135201234')).toEqual([r.soft.id]);
    expect(await q('1380000')).toEqual([]); // a part of a phone finds nothing: only whole numbers are indexed
    expect(await q('不存在的企业')).toEqual([]);
  });

  it('filters by park, tier, industry, flags and leading enterprise', async () => {
    const r = await registry();
    const f = async (query: string) => ids(await r.call({ method: 'GET', url: `/api/enterprises?${query}&sort=name:asc` })).sort();
    const sorted = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(await f(`parkId=${r.p1.id}`)).toEqual(sorted(r.lead, r.soft));
    expect(await f(`parkId=${r.p2.id}`)).toEqual(sorted(r.big));
    expect(await f('tier=billion')).toEqual(sorted(r.lead));
    expect(await f('tier=other')).toEqual(sorted(r.soft));
    expect(await f('industry=C')).toEqual(sorted(r.lead, r.big));
    expect(await f('aboveScale=true')).toEqual(sorted(r.lead, r.big));
    expect(await f('aboveScale=false')).toEqual(sorted(r.soft, r.shop));
    expect(await f('cityMonitored=1')).toEqual(sorted(r.big, r.soft));
    expect(await f(`leadingEnterpriseId=${r.lead.id}`)).toEqual(sorted(r.big, r.soft));
    expect(await f(`leadingEnterpriseId=${r.lead.id}&cityMonitored=true&industry=I`)).toEqual(sorted(r.soft));
  });

  it('sorts by output either way with unknown output last, and pages with the total', async () => {
    const r = await registry();
    const desc = await r.call({ method: 'GET', url: '/api/enterprises?sort=outputLastYearFen:desc' });
    expect(ids(desc)).toEqual([r.big.id, r.lead.id, r.shop.id, r.soft.id]);
    const asc = await r.call({ method: 'GET', url: '/api/enterprises?sort=outputLastYearFen:asc' });
    expect(ids(asc)).toEqual([r.shop.id, r.lead.id, r.big.id, r.soft.id]);
    const page2 = await r.call({ method: 'GET', url: '/api/enterprises?sort=outputLastYearFen:desc&page=2&pageSize=3' });
    expect(page2.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(ids(page2)).toEqual([r.soft.id]);
    const beyond = await r.call({ method: 'GET', url: '/api/enterprises?page=3&pageSize=3' });
    expect(beyond.json()).toEqual({ items: [], total: 4, page: 3, pageSize: 3 });
    const bad = await r.call({ method: 'GET', url: '/api/enterprises?sort=secret:desc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'sort', message: '排序参数应为“字段:asc|desc”' }]);
  });
});

describe('an enterprise user', () => {
  it('sees only the own enterprise, gets 404 for another, and cannot create or change', async () => {
    const { zone, call: adminCall } = await newAdmin(t.app, t.services);
    const own = await makeEnterprise(t.services, zone, { name: '自家公司' });
    const other = await makeEnterprise(t.services, zone, { name: '别家公司' });
    const user = await makeUser(t.services, zone, ['enterprise_user'], { enterpriseId: own.id });
    const { call } = await signInAs(t.app, user.username);

    const list = await call({ method: 'GET', url: '/api/enterprises' });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: own.id }] });
    expect((await call({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('别家')}` })).json().total).toBe(0);
    expect((await call({ method: 'GET', url: `/api/enterprises/${own.id}` })).statusCode).toBe(200);
    const foreign = await call({ method: 'GET', url: `/api/enterprises/${other.id}` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toEqual({ code: 'not_found', message: '未找到企业', details: { entity: 'enterprise', id: other.id } });
    expect((await call({ method: 'GET', url: `/api/enterprises/${other.id}/history` })).statusCode).toBe(404);
    expect((await call({ method: 'GET', url: `/api/enterprises/${own.id}/history` })).statusCode).toBe(200);
    // The own history shows what changed and who changed it, not officials' addresses or why
    // an official looked at the contact's phone.
    expect((await adminCall({ method: 'POST', url: `/api/enterprises/${own.id}/actions/reveal-phone`, payload: { reason: '核实复工联系人' } })).statusCode).toBe(200);
    expect((await adminCall({ method: 'PATCH', url: `/api/enterprises/${own.id}`, payload: { employees: 77 } })).statusCode).toBe(200);
    const staffView = (await adminCall({ method: 'GET', url: `/api/enterprises/${own.id}/history` })).json();
    expect(staffView.map((h: { action: string }) => h.action)).toEqual(['enterprise.update', 'enterprise.reveal_phone', 'enterprise.create']);
    expect(staffView[0].ip).not.toBeNull();
    const history = (await call({ method: 'GET', url: `/api/enterprises/${own.id}/history` })).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['enterprise.update', 'enterprise.create']);
    expect(history.every((h: { ip: unknown; requestId: unknown }) => h.ip === null && h.requestId === null)).toBe(true);

    const create = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: '自建公司' } });
    expect(create.statusCode).toBe(403);
    const patch = await call({ method: 'PATCH', url: `/api/enterprises/${own.id}`, payload: { name: '自改名' } });
    expect(patch.statusCode).toBe(403);
    expect((await call({ method: 'GET', url: '/api/enterprises/export.xlsx' })).statusCode).toBe(403);
    expect((await t.services.enterprises.get(zone.ctx, own.id)).name).toBe('自家公司');
  });
});

describe('supply chains', () => {
  it('counts the suppliers of a leading enterprise', async () => {
    const { zone, call } = await newAdmin(t.app, t.services);
    const lead = await makeEnterprise(t.services, zone, { name: '龙头', tier: 'ten_billion' });
    await makeEnterprise(t.services, zone, { leadingEnterpriseId: lead.id });
    await makeEnterprise(t.services, zone, { leadingEnterpriseId: lead.id });
    const alone = await makeEnterprise(t.services, zone);
    expect((await call({ method: 'GET', url: `/api/enterprises/${lead.id}` })).json().supplierCount).toBe(2);
    expect((await call({ method: 'GET', url: `/api/enterprises/${alone.id}` })).json().supplierCount).toBe(0);
    const chain = (await call({ method: 'GET', url: `/api/enterprises?leadingEnterpriseId=${lead.id}` })).json();
    expect(chain.total).toBe(2);
  });
});

describe('history', () => {
  it('lists the changes of a profile, newest first, with what changed', async () => {
    const { call, admin } = await newAdmin(t.app, t.services);
    const created = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: '历史公司', contactPhone: '13812345678', employees: 5 } });
    const id = created.json().id as string;
    const patched = await call({ method: 'PATCH', url: `/api/enterprises/${id}`, payload: { name: '历史公司（更名）', contactPhone: '13900009999', employees: 5 } });
    expect(patched.statusCode, patched.body).toBe(200);
    const res = await call({ method: 'GET', url: `/api/enterprises/${id}/history` });
    expect(res.statusCode).toBe(200);
    const history = res.json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['enterprise.update', 'enterprise.create']);
    expect(history[0]).toMatchObject({
      actorId: admin.id,
      actorName: admin.displayName,
      entityType: 'enterprise',
      entityId: id,
      before: { name: '历史公司', contactPhoneMasked: '138****5678' },
      after: { name: '历史公司（更名）', contactPhoneMasked: '139****9999' },
    });
    // Unchanged fields are not listed as changes.
    expect(Object.keys(history[0].after).sort()).toEqual(['contactPhoneMasked', 'name']);
    expect(JSON.stringify(history)).not.toMatch(/13812345678|13900009999/);
  });
});
