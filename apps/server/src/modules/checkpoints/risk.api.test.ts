// Risk zoning (分区分级分类) through the API: every grid unit with its own level and checkpoint count,
// each change a history row (newest first), the filter by level, inheritance down the grid for
// checkpoints and the public path (levelOf, levelsByCheckpoint), the Excel export of the filtered units,
// bad input and access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRiskRow } from '@shuangsheng/contracts';
import type { z } from 'zod';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeZone, newAdmin, rootGridUnit, signedInUser } from '../../test/factories.js';
import { makeCheckpoint, makeGridUnit, setRisk } from '../../test/checkpoint-factories.js';
import { xlsxResponse } from '../../test/xlsx.js';

type Row = z.infer<typeof GridRiskRow>;

const clock = testClock(Date.UTC(2020, 1, 24, 1, 0, 0));
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const BASE = '/api/checkpoints/risk';
const high = { level: 'high', controlClass: 'closed', measures: '人员只进不出，实行封闭管理', reason: '出现确诊病例' };

describe('risk zoning', () => {
  it('lists every grid unit with its own level and its checkpoints; setting a level writes a history row each time; filters by level', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const root = await rootGridUnit(t.services, zone);
    const street = await makeGridUnit(t, zone, root.id, '东兴寺街道');
    const community = await makeGridUnit(t, zone, street.id, '汇东社区');
    await makeCheckpoint(t, zone, { gridUnitId: community.id });
    await makeCheckpoint(t, zone, { gridUnitId: community.id });
    await makeCheckpoint(t, zone, { gridUnitId: null });

    const list = async (q = '') => (await admin.call({ method: 'GET', url: `${BASE}${q}` })).json() as { items: Row[]; total: number };
    const first = await list();
    expect(first.total).toBe(3);
    const byId = new Map(first.items.map((r) => [r.gridUnitId, r]));
    expect(byId.get(community.id)).toEqual({ gridUnitId: community.id, gridUnitName: '汇东社区', gridUnitCode: community.code, level: 'community', parentId: street.id, risk: null, checkpoints: 2 });
    expect(byId.get(root.id)).toMatchObject({ level: 'zone', parentId: null, risk: null, checkpoints: 0 });

    const set = await admin.call({ method: 'PUT', url: `${BASE}/${street.id}`, payload: { ...high, since: '2020-02-20' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ gridUnitId: street.id, risk: { gridUnitId: street.id, gridUnitName: '东兴寺街道', level: 'high', controlClass: 'closed', measures: high.measures, since: '2020-02-20' } });
    clock.advance(3_600_000);
    const lowered = await admin.call({ method: 'PUT', url: `${BASE}/${street.id}`, payload: { level: 'medium', controlClass: 'checked', measures: '出入口登记测温', reason: '14 天无新增' } });
    expect(lowered.json().risk).toMatchObject({ level: 'medium', controlClass: 'checked', since: '2020-02-24' });

    const history = (await admin.call({ method: 'GET', url: `${BASE}/${street.id}/history` })).json();
    expect(history.items.map((h: { level: string; reason: string; actorName: string }) => [h.level, h.reason, h.actorName])).toEqual([
      ['medium', '14 天无新增', admin.admin.displayName],
      ['high', '出现确诊病例', admin.admin.displayName],
    ]);
    expect((await admin.call({ method: 'GET', url: `${BASE}/${community.id}/history` })).json()).toEqual({ items: [] });

    expect((await list('?risk=medium')).items.map((r) => r.gridUnitId)).toEqual([street.id]);
    expect((await list('?risk=high')).total).toBe(0);
    expect((await list('?q=汇东')).items.map((r) => r.gridUnitId)).toEqual([community.id]);

    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', street.id).where('action', '=', 'grid_risk.set').orderBy('at').orderBy('id').execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ level: 'high' });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ level: 'medium', reason: '14 天无新增' });
  });

  it('a checkpoint inherits the level of the nearest unit above with one; levelOf and levelsByCheckpoint agree; the public path sees a change at once', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const root = await rootGridUnit(t.services, zone);
    const street = await makeGridUnit(t, zone, root.id);
    const community = await makeGridUnit(t, zone, street.id);
    const group = await makeGridUnit(t, zone, community.id);
    const inGroup = await makeCheckpoint(t, zone, { gridUnitId: group.id });
    const nowhere = await makeCheckpoint(t, zone, { gridUnitId: null });
    const risk = t.services.checkpoints.risk;

    expect(await risk.levelOf(zone.id, group.id)).toBeNull();
    expect((await t.services.checkpoints.checkpoints.byToken(inGroup.token)).risk).toBeNull();
    await admin.call({ method: 'PUT', url: `${BASE}/${root.id}`, payload: { level: 'low', controlClass: 'normal', measures: '常态防控', reason: '全区低风险' } });
    expect(await risk.levelOf(zone.id, group.id)).toMatchObject({ gridUnitId: root.id, level: 'low' });
    await admin.call({ method: 'PUT', url: `${BASE}/${street.id}`, payload: high });
    expect(await risk.levelOf(zone.id, group.id)).toMatchObject({ gridUnitId: street.id, level: 'high', controlClass: 'closed' });
    expect(await risk.levelOf(zone.id, root.id)).toMatchObject({ gridUnitId: root.id, level: 'low' });
    expect(await risk.levelOf(zone.id, null)).toBeNull();
    expect(await risk.levelsByCheckpoint(zone.id)).toEqual(new Map([[inGroup.id, 'high'], [nowhere.id, null]]));
    // The token cache is forgotten on a level change: the public path shows the new level.
    expect((await t.services.checkpoints.checkpoints.byToken(inGroup.token)).risk).toMatchObject({ level: 'high' });
    const detail = (await admin.call({ method: 'GET', url: `/api/checkpoints/${inGroup.id}` })).json();
    expect(detail.risk).toMatchObject({ gridUnitId: street.id, level: 'high' });
    // Another zone's levels never reach this one.
    const other = await makeZone(t.services);
    expect(await risk.levelOf(other.id, group.id)).toBeNull();
  });

  it('exports exactly the filtered units with the level each shows (own or inherited), in Chinese or English; never another zone’s; leaders may, others without checkpoints.read may not', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const root = await rootGridUnit(t.services, zone);
    const street = await makeGridUnit(t, zone, root.id, '东兴寺街道');
    const community = await makeGridUnit(t, zone, street.id, '汇东社区');
    const other = await makeGridUnit(t, zone, root.id, '板仓街道');
    await makeCheckpoint(t, zone, { gridUnitId: community.id });
    await makeCheckpoint(t, zone, { gridUnitId: community.id });
    await makeCheckpoint(t, zone, { gridUnitId: street.id });
    await admin.call({ method: 'PUT', url: `${BASE}/${street.id}`, payload: { ...high, since: '2020-02-20' } });
    await setRisk(t, zone, other.id, 'medium');
    // Another zone: a unit of the same name and level, with a checkpoint.
    const foreignZone = await makeZone(t.services);
    const foreign = await makeGridUnit(t, foreignZone, undefined, '东兴寺街道LEAK');
    await makeCheckpoint(t, foreignZone, { gridUnitId: foreign.id });
    await setRisk(t, foreignZone, foreign.id, 'high');

    const exported = async (q = '', as: { call: typeof admin.call } = admin) => xlsxResponse(await as.call({ method: 'GET', url: `${BASE}/export.xlsx${q}` }));
    const byName = (rows: string[][]) => Object.fromEntries(rows.map((r) => [r[0], r.slice(1)]));

    const all = await exported();
    expect(all.sheetNames).toEqual(['风险分区']);
    expect(all.header).toEqual(['网格单元', '编码', '网格层级', '风险等级', '继承自', '管控类别', '管控措施', '起始日期', '卡口数']);
    expect(byName(all.rows)).toEqual({
      // Neither its own level nor one above: empty risk cells.
      [root.name]: [root.code, '高新区', '', '', '', '', '', '0'],
      东兴寺街道: [street.code, '街道', '高风险', '', '封闭管控', high.measures, '2020-02-20', '1'],
      // No level of its own: the street's, named, as the page shows it.
      汇东社区: [community.code, '社区/村', '高风险', '东兴寺街道', '封闭管控', high.measures, '2020-02-20', '2'],
      板仓街道: [other.code, '街道', '中风险', '', '查验通行', '出入口登记测温', '2020-02-24', '0'],
    });
    expect(all.rows).toHaveLength(4);
    expect(JSON.stringify(all)).not.toContain('LEAK');

    // The list's filters: by its own level, by a name or code fragment; the same units as the list.
    const listed = async (q: string) => ((await admin.call({ method: 'GET', url: `${BASE}${q}` })).json() as { items: Row[] }).items.map((r) => r.gridUnitName).sort();
    for (const q of ['?risk=high', '?risk=medium', '?risk=low', '?q=街道', `?q=${community.code}`, '?q=街道&risk=medium']) {
      const sheet = await exported(q);
      expect(sheet.rows.map((r) => r[0]).sort(), q).toEqual(await listed(q));
    }
    expect((await exported('?risk=high')).rows).toEqual([['东兴寺街道', street.code, '街道', '高风险', '', '封闭管控', high.measures, '2020-02-20', '1']]);
    expect((await exported('?q=街道&risk=medium')).rows.map((r) => r[0])).toEqual(['板仓街道']);
    expect((await exported('?risk=low')).rows).toEqual([]);
    // As the page filters: by the level shown, inherited included; 'none' for neither.
    expect((await exported('?shown=high')).rows.map((r) => r[0]).sort()).toEqual(['东兴寺街道', '汇东社区'].sort());
    expect((await exported('?shown=none')).rows.map((r) => r[0])).toEqual([root.name]);
    expect((await exported('?shown=high&q=社区')).rows.map((r) => r[0])).toEqual(['汇东社区']);

    const en = await exported('?risk=high&lang=en-US');
    expect(en.sheetNames).toEqual(['Risk zoning']);
    expect(en.header).toEqual(['Grid unit', 'Code', 'Grid level', 'Risk level', 'Inherited from', 'Control class', 'Measures', 'Since', 'Checkpoints']);
    expect(en.rows).toEqual([['东兴寺街道', street.code, 'Street', 'High risk', '', 'Closed management', high.measures, '2020-02-20', '1']]);

    const leader = await signedInUser(t.app, t.services, zone, ['leader']);
    expect(byName((await exported('', leader)).rows)).toEqual(byName(all.rows));
    const inspector = await signedInUser(t.app, t.services, zone, ['inspector']);
    expect((await inspector.call({ method: 'GET', url: `${BASE}/export.xlsx` })).statusCode).toBe(403);
    const bad = await admin.call({ method: 'GET', url: `${BASE}/export.xlsx?risk=purple` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['risk']);
  });

  it('refuses bad input naming the field, unknown or foreign units with 404, and writes only for managers', async () => {
    const admin = await newAdmin(t.app, t.services);
    const unit = await makeGridUnit(t, admin.zone);
    const bad = await admin.call({ method: 'PUT', url: `${BASE}/${unit.id}`, payload: { level: 'extreme', controlClass: 'closed', measures: '', reason: '原因' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['level', 'measures']);
    const noReason = await admin.call({ method: 'PUT', url: `${BASE}/${unit.id}`, payload: { level: 'low', controlClass: 'normal', measures: '常态防控' } });
    expect(noReason.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    const badDate = await admin.call({ method: 'PUT', url: `${BASE}/${unit.id}`, payload: { ...high, since: '2020-02-30' } });
    expect(badDate.json().error.details.map((d: { path: string }) => d.path)).toEqual(['since']);

    const other = await makeZone(t.services);
    const foreign = await makeGridUnit(t, other);
    expect((await admin.call({ method: 'PUT', url: `${BASE}/${foreign.id}`, payload: high })).statusCode).toBe(404);
    expect((await admin.call({ method: 'GET', url: `${BASE}/${foreign.id}/history` })).statusCode).toBe(404);
    expect((await admin.call({ method: 'PUT', url: `${BASE}/01a22a69-5f67-72df-b024-19a862339672`, payload: high })).statusCode).toBe(404);
    expect(await t.deps.database.db.selectFrom('grid_risk_levels').select('id').where('grid_unit_id', '=', foreign.id).execute()).toEqual([]);

    for (const role of ['checkpoint_staff', 'leader'] as const) {
      const user = await signedInUser(t.app, t.services, admin.zone, [role]);
      expect((await user.call({ method: 'GET', url: BASE })).statusCode).toBe(200);
      expect((await user.call({ method: 'GET', url: `${BASE}/${unit.id}/history` })).statusCode).toBe(200);
      expect((await user.call({ method: 'PUT', url: `${BASE}/${unit.id}`, payload: high })).statusCode).toBe(403);
    }
    expect((await admin.call({ method: 'GET', url: `${BASE}/${unit.id}/history` })).json()).toEqual({ items: [] });
  });
});
