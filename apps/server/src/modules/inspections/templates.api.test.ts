// Checklist templates (工作规范) through the API: creation and checks of a checklist, versions that
// never change once written (a round keeps the version it started on after a new one is
// published), the Excel export that imports again as the next version, and imports that refuse
// a bad sheet whole, naming rows and columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round, TaskDetail, Template, TemplateVersion } from '@shuangsheng/contracts';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import { importSheet, makePark, newAdmin, signedInUser } from '../../test/factories.js';
import { defaultItems, makeInspector, makeTemplate, startRound } from '../../test/inspection-factories.js';
import { column, xlsxOf, xlsxResponse } from '../../test/xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const BASE = '/api/inspections/templates';
const HEADER = ['标识', '部位', '检查项', '类型', '标准值', '比较', '单位', '下限', '上限', '须拍照', '严重程度', '指引'];

describe('templates and versions', () => {
  it('the admin creates a checklist (version 1); readers read it; a bad checklist is refused naming the item, a name in use is 409', async () => {
    const admin = await newAdmin(t.app, t.services);
    const created = await admin.call({ method: 'POST', url: BASE, payload: { name: '园区疫情防控巡查工作规范', items: defaultItems(), note: '首版' } });
    expect(created.statusCode, created.body).toBe(201);
    const tpl = created.json() as Template;
    expect(tpl).toMatchObject({ name: '园区疫情防控巡查工作规范', currentVersion: 1, current: { version: 1, note: '首版', createdBy: admin.admin.displayName, templateId: tpl.id } });
    expect(tpl.current.items.map((i) => i.key)).toEqual(['entrance_temperature', 'vehicle_registration', 'office_area', 'distancing_marks', 'publicity']);
    expect(tpl.versions).toEqual([{ id: tpl.current.id, version: 1, note: '首版', itemCount: 5, createdAt: expect.any(Number) }]);

    const leader = await signedInUser(t.app, t.services, admin.zone, ['leader']);
    const listed = await leader.call({ method: 'GET', url: BASE });
    expect(listed.json()).toMatchObject({ total: 1, items: [{ id: tpl.id, currentVersion: 1 }] });
    expect((await leader.call({ method: 'POST', url: BASE, payload: { name: '另一版', items: defaultItems() } })).statusCode).toBe(403);
    const inspector = await signedInUser(t.app, t.services, admin.zone, ['inspector']);
    expect((await inspector.call({ method: 'POST', url: `${BASE}/${tpl.id}/versions`, payload: { items: defaultItems() } })).statusCode).toBe(403);

    const dup = await admin.call({ method: 'POST', url: BASE, payload: { name: '园区疫情防控巡查工作规范', items: defaultItems() } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict.duplicate');

    const items = defaultItems();
    items[2] = { ...items[2]!, threshold: null };
    items[3] = { ...items[3]!, key: 'entrance_temperature' };
    const bad = await admin.call({ method: 'POST', url: BASE, payload: { name: '坏规范', items } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['items.2.threshold', 'items.3.key']);
    // Threshold outside the item's own range, and a key that is no key: also 400 naming them.
    const outside = await admin.call({ method: 'POST', url: BASE, payload: { name: '坏规范', items: [{ ...defaultItems()[2]!, threshold: 5000 }] } });
    expect(outside.json().error.details.map((d: { path: string }) => d.path)).toEqual(['items.0.threshold']);
    const badKey = await admin.call({ method: 'POST', url: BASE, payload: { name: '坏规范', items: [{ ...defaultItems()[0]!, key: '测温' }] } });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.details[0].path).toBe('items.0.key');
    expect((await admin.call({ method: 'GET', url: BASE })).json().total).toBe(1);
  });

  it('a new version leaves earlier ones as they were; a round started on v1 keeps v1, the next round takes v2', async () => {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const tpl = await makeTemplate(t.services, zone);
    const park = await makePark(t.services, zone);
    await makeInspector(t.services, zone, park.id);
    const round1 = await startRound(t.services, zone, { parkIds: [park.id], templateId: tpl.id, roundDate: '2020-02-26' });
    expect(round1).toMatchObject({ templateVersion: 1, templateVersionId: tpl.current.id, templateName: tpl.name });

    const v2Items = [...defaultItems().slice(0, 4), { key: 'masks_worn', place: 'inner' as const, title: '园区内人员佩戴口罩', kind: 'check' as const, photoRequired: false, severity: 'high' as const }];
    const published = await admin.call({ method: 'POST', url: `${BASE}/${tpl.id}/versions`, payload: { items: v2Items, note: '增加口罩佩戴' } });
    expect(published.statusCode, published.body).toBe(201);
    const v2 = published.json() as Template;
    expect(v2.currentVersion).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.itemCount, v.note])).toEqual([[1, 5, null], [2, 5, '增加口罩佩戴']]);
    expect(v2.current.items.map((i) => i.key)).toContain('masks_worn');

    const v1 = (await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}/versions/1` })).json() as TemplateVersion;
    expect(v1).toEqual(tpl.current);
    expect((await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}/versions/3` })).statusCode).toBe(404);

    const kept = (await admin.call({ method: 'GET', url: `/api/inspections/rounds/${round1.id}` })).json() as Round;
    expect(kept).toMatchObject({ templateVersion: 1, templateVersionId: tpl.current.id });
    const [task] = (await admin.call({ method: 'GET', url: `/api/inspections/tasks?roundId=${round1.id}` })).json().items as { id: string }[];
    const detail = (await admin.call({ method: 'GET', url: `/api/inspections/tasks/${task!.id}` })).json() as TaskDetail;
    expect(detail.templateVersion).toEqual(tpl.current);
    // The v2-only item is not in the version the task uses.
    const inner = await admin.call({ method: 'POST', url: `/api/inspections/tasks/${task!.id}/places`, payload: { place: 'inner' } });
    const wrong = await admin.call({ method: 'PUT', url: `/api/inspections/tasks/${task!.id}/answers`, payload: { placeId: inner.json().id, itemKey: 'masks_worn', result: 'pass' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'itemKey', message: '检查项“masks_worn”不在本次巡查所用的工作规范（第 1 版）中' }]);

    const round2 = await startRound(t.services, zone, { parkIds: [park.id], templateId: tpl.id, roundDate: '2020-02-27' });
    expect(round2).toMatchObject({ templateVersion: 2, templateVersionId: v2.current.id });
    // Parallel publishers: each gets its own number, none is lost.
    const parallel = await Promise.all([1, 2, 3].map(() => admin.call({ method: 'POST', url: `${BASE}/${tpl.id}/versions`, payload: { items: defaultItems() } })));
    expect(parallel.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const after = (await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}` })).json() as Template;
    expect(after.currentVersion).toBe(5);
    expect(after.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('another zone’s template is not found, nor usable for a round', async () => {
    const admin = await newAdmin(t.app, t.services);
    const other = await newAdmin(t.app, t.services);
    const foreign = await makeTemplate(t.services, other.zone);
    expect((await admin.call({ method: 'GET', url: `${BASE}/${foreign.id}` })).statusCode).toBe(404);
    expect((await admin.call({ method: 'GET', url: `${BASE}/${foreign.id}/versions/1` })).statusCode).toBe(404);
    expect((await admin.call({ method: 'POST', url: `${BASE}/${foreign.id}/versions`, payload: { items: defaultItems() } })).statusCode).toBe(404);
    expect((await admin.call({ method: 'GET', url: `${BASE}/${foreign.id}/export.xlsx` })).statusCode).toBe(404);
    const park = await makePark(t.services, admin.zone);
    await makeInspector(t.services, admin.zone, park.id);
    const cross = await admin.call({ method: 'POST', url: '/api/inspections/rounds', payload: { name: '跨区', roundDate: '2020-02-26', templateId: foreign.id, parkIds: [park.id] } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ code: 'rule.cross_zone_reference', details: { field: 'templateId' } });
    expect((await other.call({ method: 'GET', url: `${BASE}/${foreign.id}/versions/1` })).statusCode).toBe(200);
  });
});

describe('Excel export and import', () => {
  it('an exported version imports again as the next version with the same items', async () => {
    const admin = await newAdmin(t.app, t.services);
    const tpl = await makeTemplate(t.services, admin.zone);
    const sheet = await xlsxResponse(await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}/export.xlsx` }));
    expect(sheet.header).toEqual(HEADER);
    expect(column(sheet, '标识')).toEqual(tpl.current.items.map((i) => i.key));
    expect(column(sheet, '部位')).toEqual(['园区入口', '园区入口', '企业', '楼宇', '园区内部']);
    expect(column(sheet, '类型')).toEqual(['是否符合', '是否符合', '数值', '是否符合', '是否符合']);
    expect(sheet.rows[2]!.slice(4, 11)).toEqual(['2.5', '≥', 'm²', '0', '1000', '否', '较重']);
    expect(column(sheet, '须拍照')[0]).toBe('是');
    const en = await xlsxResponse(await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}/export.xlsx?lang=en-US` }));
    expect(en.header.slice(0, 4)).toEqual(['Key', 'Place', 'Item', 'Kind']);
    expect(column(en, 'Place')[0]).toBe('Park entrance');

    const file = (await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}/export.xlsx` })).rawPayload;
    const dry = await importSheet(admin.call, `${BASE}/${tpl.id}`, file, true);
    expect(dry.json()).toEqual({ dryRun: true, created: 0, updated: 5, errors: [] });
    expect((await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}` })).json().currentVersion).toBe(1);
    const done = await importSheet(admin.call, `${BASE}/${tpl.id}`, file, false);
    expect(done.json()).toMatchObject({ dryRun: false, created: 0, updated: 5, errors: [] });
    const after = (await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}` })).json() as Template;
    expect(after.currentVersion).toBe(2);
    expect(after.current.items).toEqual(tpl.current.items);
    // The English sheet imports too; an old version exports by ?version=.
    const enFile = (await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}/export.xlsx?lang=en-US&version=1` })).rawPayload;
    expect((await importSheet(admin.call, `${BASE}/${tpl.id}`, enFile, false)).json()).toMatchObject({ updated: 5, errors: [] });
    expect(((await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}` })).json() as Template).current.items).toEqual(tpl.current.items);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('zone_id', '=', admin.zone.id).where('entity_id', '=', tpl.id).orderBy('at').orderBy('action').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['inspection_template.create', 'inspection_template.import', 'inspection_template.import']);
    // A version past the current one is unknown, however large (PostgreSQL's INTEGER ends at 2147483647).
    const status = async (url: string) => (await admin.call({ method: 'GET', url })).statusCode;
    for (const v of ['4', '2147483648', '99999999999']) expect(await status(`${BASE}/${tpl.id}/export.xlsx?version=${v}`), v).toBe(404);
    expect(await status(`${BASE}/${tpl.id}/versions/4`)).toBe(404);
    expect(await status(`${BASE}/${tpl.id}/versions/2147483648`)).toBe(400);
  });

  it('a sheet with bad rows is refused whole, naming rows and columns; a clean one counts created and updated', async () => {
    const admin = await newAdmin(t.app, t.services);
    const tpl = await makeTemplate(t.services, admin.zone);
    const bad = await xlsxOf(HEADER, [
      ['entrance_temperature', '园区入口', '入口测温', '是否符合', null, null, null, null, null, '是', '严重', null],
      ['office_area', '企业', '人均办公面积', '数值', null, '≥', 'm²', 0, 100, '否', '较重', null],
      ['distancing', '楼顶', '1 米线', '是否符合', null, null, null, null, null, '否', '一般', null],
      ['entrance_temperature', '园区入口', '重复', '是否符合', null, null, null, null, null, '否', '一般', null],
      ['gap', '园区内部', '间距', '数值', 'abc', '≥', 'm', null, null, '也许', '很重', null],
    ]);
    const res = await importSheet(admin.call, `${BASE}/${tpl.id}`, bad, false);
    expect(res.statusCode).toBe(200);
    const errors = res.json().errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '标准值'],
      [4, '部位'],
      [5, '标识'],
      [6, '严重程度'],
      [6, '须拍照'],
      [6, '标准值'],
    ]);
    expect(errors[0]!.message).toBe('数值类检查项须填写标准值、比较方式，且标准值在取值范围内');
    expect(res.json()).toMatchObject({ created: 0, updated: 0 });
    expect((await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}` })).json().currentVersion).toBe(1);

    const good = await xlsxOf(HEADER, [
      ['entrance_temperature', '园区入口', '入口测温', '是否符合', null, null, null, null, null, '是', '严重', '逐人测温'],
      ['temperature_max', 'entrance', '体温不高于 37.3 ℃', 'number', 37.3, '<=', '℃', 34, 43, 'no', 'high', null],
    ]);
    const ok = await importSheet(admin.call, `${BASE}/${tpl.id}`, good, false);
    expect(ok.json()).toMatchObject({ created: 1, updated: 1, errors: [] });
    const now = (await admin.call({ method: 'GET', url: `${BASE}/${tpl.id}` })).json() as Template;
    expect(now.current.items).toEqual([
      { key: 'entrance_temperature', place: 'entrance', title: '入口测温', kind: 'check', threshold: null, comparator: null, unit: null, min: null, max: null, photoRequired: true, severity: 'high', guidance: '逐人测温' },
      { key: 'temperature_max', place: 'entrance', title: '体温不高于 37.3 ℃', kind: 'number', threshold: 37.3, comparator: 'lte', unit: '℃', min: 34, max: 43, photoRequired: false, severity: 'high', guidance: null },
    ]);
    const notXlsx = await importSheet(admin.call, `${BASE}/${tpl.id}`, Buffer.from('not a workbook'), true);
    expect(notXlsx.statusCode).toBe(415);
  });
});
