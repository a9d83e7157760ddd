// The service catalogue (事项清单) through the API: items with materials and form fields, the
// rules on codes, keys and time limits, template files of the own zone only, filters, sort and
// paging, who may read and who may write, the audit of every change, the Excel export that
// imports again unchanged, import errors by row and column, and the demo zone's catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { SERVICE_CATEGORIES, ServiceItemInput, type AuditEntry, type ServiceItem } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { countRows, makeEnterprise, makeServiceItem, makeTemplateFile, newAdmin, serviceItemInput, signedInUser, type Caller, type TestZone } from '../../test/factories.js';
import { docxBytes, pdfBytes } from '../../test/files.js';
import { column, multipart, xlsxOf, xlsxResponse, type Cell } from '../../test/xlsx.js';
import { demoServiceItems } from '../../demo/service-items.js';

const clock = testClock();
const NOW = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const EN = { 'accept-language': 'en-US' };
const FORBIDDEN = { code: 'forbidden', message: '没有权限执行此操作' };

/** The columns of the import template, in order. */
const ZH = ['事项编码', '事项名称', '实施部门', '事项类别', '申请对象', '法定时限（工作日）', '承诺时限（工作日）', '可网上办理', '全程电子化', '帮办代办', '发放证照', '申请材料', '表单字段', '办事指南'];
const EN_COLUMNS = [
  'Code', 'Service item', 'Department', 'Category', 'Who may apply', 'Legal limit (working days)', 'Promised limit (working days)', 'Online', 'Fully electronic', 'Agency service',
  'Licence issued', 'Materials', 'Form fields', 'Filing guide',
];
type RowValues = Partial<Record<'code' | 'name' | 'department' | 'category' | 'applicants' | 'legal' | 'promised' | 'online' | 'electronic' | 'agency' | 'licence' | 'materials' | 'fields' | 'guide', Cell>>;
const row = (v: RowValues): Cell[] => [v.code, v.name, v.department, v.category, v.applicants, v.legal, v.promised, v.online, v.electronic, v.agency, v.licence, v.materials, v.fields, v.guide];
/** A row the import accepts, with some values changed. */
const goodRow = (code: string, v: RowValues = {}) => row({ code, name: `导入事项${code}`, department: '税务局', category: '税务', applicants: '企业', legal: 20, promised: 5, ...v });

async function importFile(call: Caller['call'], file: Buffer, dryRun: boolean, headers: Record<string, string> = {}) {
  const body = multipart(file, { filename: '事项清单.xlsx' });
  return call({ method: 'POST', url: `/api/service-items/import?dryRun=${dryRun}`, payload: body.payload, headers: { ...body.headers, ...headers } });
}

async function all(zone: TestZone): Promise<ServiceItem[]> {
  return (await t.services.catalogue.list(zone.ctx, { page: 1, pageSize: 200, sort: 'code:asc' })).items;
}

/** The workbook with one cell of its first sheet replaced. */
async function editCell(file: Buffer, rowNumber: number, columnTitle: string, value: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let col = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.value === columnTitle) col = n;
  });
  if (!col) throw new Error(`no column ${columnTitle}`);
  sheet.getRow(rowNumber).getCell(col).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const codes = (res: { json(): { items: ServiceItem[] } }) => res.json().items.map((i) => i.code);

describe('creating an item', () => {
  it('stores materials with a template file and the form fields, and answers the whole item', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const template = await makeTemplateFile(t.services, zone, docxBytes(), '公司章程（范本）.docx');
    const payload = {
      code: ' QYKB-101 ',
      name: '企业设立登记（有限责任公司）',
      department: '市场监督管理局',
      category: 'enterprise_establishment',
      applicantTypes: ['enterprise', 'person'],
      legalDays: 15,
      promisedDays: 1,
      materials: [
        { key: 'application', name: '公司登记（备案）申请书', required: true, fileTypes: ['pdf'] },
        { key: 'charter', name: '公司章程', required: true, fileTypes: ['pdf', 'docx'], templateFileId: template.id, note: '全体股东签字' },
        { key: 'premises', name: '住所使用证明', required: false, fileTypes: ['pdf', 'jpeg', 'png'] },
      ],
      fields: [
        { key: 'enterpriseName', label: '拟设立企业名称', type: 'text', required: true, help: '须已通过名称自主申报' },
        { key: 'registeredCapital', label: '注册资本（万元）', type: 'number', required: true },
        { key: 'foundedOn', label: '成立日期', type: 'date', required: false },
        { key: 'sealTypes', label: '印章种类', type: 'select', required: true, options: ['公章', '财务专用章'] },
        { key: 'needSeal', label: '同步刻制印章', type: 'checkbox', required: false },
      ],
      fullyElectronic: true,
      licenceName: '营业执照',
      guide: '## 申报流程\n\n1. 登录\n2. 填表',
    };
    const res = await call({ method: 'POST', url: '/api/service-items', payload });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as ServiceItem;
    expect(item).toEqual({
      id: expect.any(String),
      code: 'QYKB-101',
      name: '企业设立登记（有限责任公司）',
      department: '市场监督管理局',
      category: 'enterprise_establishment',
      applicantTypes: ['enterprise', 'person'],
      legalDays: 15,
      promisedDays: 1,
      materials: [
        { key: 'application', name: '公司登记（备案）申请书', required: true, fileTypes: ['pdf'], templateFileId: null, templateFileName: null, note: null },
        { key: 'charter', name: '公司章程', required: true, fileTypes: ['pdf', 'docx'], templateFileId: template.id, templateFileName: '公司章程（范本）.docx', note: '全体股东签字' },
        { key: 'premises', name: '住所使用证明', required: false, fileTypes: ['pdf', 'jpeg', 'png'], templateFileId: null, templateFileName: null, note: null },
      ],
      fields: payload.fields,
      onlineEnabled: true,
      fullyElectronic: true,
      agencyEligible: false,
      licenceName: '营业执照',
      guide: '## 申报流程\n\n1. 登录\n2. 填表',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect((await call({ method: 'GET', url: `/api/service-items/${item.id}` })).json()).toEqual(item);
    // The defaults of a minimal item.
    const minimal = await call({ method: 'POST', url: '/api/service-items', payload: { code: 'GGFW-9', name: '咨询', department: '经济发展局', category: 'public_service', applicantTypes: ['person'], legalDays: 0, promisedDays: 0 } });
    expect(minimal.statusCode, minimal.body).toBe(201);
    expect(minimal.json()).toMatchObject({ materials: [], fields: [], onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: null, guide: '' });
  });

  it('refuses a malformed code, and a code the zone already has with 409 naming it', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    for (const code of ['A', '中文编码', '-AB', 'A B', 'X'.repeat(41)]) {
      const res = await call({ method: 'POST', url: '/api/service-items', payload: { ...serviceItemInput(), code } });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.details, code).toEqual([{ path: 'code', message: '事项编码为 2–40 位字母、数字、点、下划线或短横线' }]);
    }
    const en = await call({ method: 'POST', url: '/api/service-items', headers: EN, payload: { ...serviceItemInput(), code: '?' } });
    expect(en.json().error.message).toBe('Invalid request: code: must be 2–40 letters, digits, dots, underscores or hyphens');

    const existing = await makeServiceItem(t.services, zone, { code: 'BGDJ-001' });
    const dup = await call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ code: 'BGDJ-001' }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toEqual({ code: 'conflict.duplicate', message: '编码“BGDJ-001”已存在', details: { field: 'code' } });
    const dupEn = await call({ method: 'POST', url: '/api/service-items', headers: EN, payload: serviceItemInput({ code: 'BGDJ-001' }) });
    expect(dupEn.json().error.message).toBe('Code "BGDJ-001" already exists');
    // Renaming another item onto the code is the same conflict.
    const other = await makeServiceItem(t.services, zone, { code: 'BGDJ-002' });
    const patch = await call({ method: 'PATCH', url: `/api/service-items/${other.id}`, payload: { code: 'BGDJ-001' } });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error).toEqual({ code: 'conflict.duplicate', message: '编码“BGDJ-001”已存在', details: { field: 'code' } });
    expect((await all(zone)).map((i) => [i.code, i.id])).toEqual([['BGDJ-001', existing.id], ['BGDJ-002', other.id]]);
    // Another zone may use the same code.
    const elsewhere = await newAdmin(t.app, t.services);
    expect((await elsewhere.call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ code: 'BGDJ-001' }) })).statusCode).toBe(201);
  });

  it('lets exactly one of several simultaneous creates with the same code through', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ code: 'SAME-1', name: `同时${i}` }) })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error).toEqual({ code: 'conflict.duplicate', message: '编码“SAME-1”已存在', details: { field: 'code' } });
    expect(await countRows(t.deps.database, 'service_items', zone.id)).toBe(1);
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('zone_id', '=', zone.id).where('action', '=', 'service_item.create').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a promised limit over the legal one: 400 on create, 422 on a patch that makes it so', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const res = await call({ method: 'POST', url: '/api/service-items', payload: { ...serviceItemInput(), legalDays: 5, promisedDays: 6 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'validation', message: '请求参数有误：promisedDays: 承诺时限不能超过法定时限', details: [{ path: 'promisedDays', message: '承诺时限不能超过法定时限' }] });
    const en = await call({ method: 'POST', url: '/api/service-items', headers: EN, payload: { ...serviceItemInput(), legalDays: 5, promisedDays: 6 } });
    expect(en.json().error.details).toEqual([{ path: 'promisedDays', message: 'the promised limit cannot exceed the legal limit' }]);
    // Equal limits are fine.
    expect((await call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ legalDays: 5, promisedDays: 5 }) })).statusCode).toBe(201);

    const item = await makeServiceItem(t.services, zone, { legalDays: 10, promisedDays: 4 });
    for (const payload of [{ legalDays: 3 }, { promisedDays: 11 }, { legalDays: 6, promisedDays: 7 }]) {
      const patch = await call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload });
      expect(patch.statusCode, JSON.stringify(payload)).toBe(422);
      expect(patch.json().error).toEqual({ code: 'v.promised_over_legal', message: '承诺时限不能超过法定时限', details: { field: 'promisedDays' } });
    }
    expect((await call({ method: 'GET', url: `/api/service-items/${item.id}` })).json()).toMatchObject({ legalDays: 10, promisedDays: 4, updatedAt: NOW });
    const both = await call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { legalDays: 3, promisedDays: 3 } });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ legalDays: 3, promisedDays: 3 });
  });

  it('refuses a select without options, repeated material or field keys, malformed keys and unknown words', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const m = (key: string, name = '材料') => ({ key, name, required: true, fileTypes: ['pdf'] });
    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [{ fields: [{ key: 'size', label: '规模', type: 'select', required: true }] }, [{ path: 'fields.0.options', message: '下拉选择须至少有一个选项' }]],
      [{ fields: [{ key: 'size', label: '规模', type: 'select', required: true, options: [] }] }, [{ path: 'fields.0.options', message: '下拉选择须至少有一个选项' }]],
      [{ materials: [m('m1', '申请书'), m('m1', '章程')] }, [{ path: 'materials', message: '标识不能重复' }]],
      [{ fields: [{ key: 'a', label: 'A', type: 'text', required: true }, { key: 'a', label: 'B', type: 'number', required: false }] }, [{ path: 'fields', message: '标识不能重复' }]],
      [{ materials: [m('1st')] }, [{ path: 'materials.0.key', message: '标识只能以字母开头，含字母、数字和下划线' }]],
      [{ materials: [m('Apply')] }, [{ path: 'materials.0.key', message: '标识只能以字母开头，含字母、数字和下划线' }]],
      [{ fields: [{ key: 'a-b', label: 'A', type: 'text', required: true }] }, [{ path: 'fields.0.key', message: '标识只能以字母开头，含字母、数字和下划线' }]],
      [{ materials: [{ ...m('m1'), fileTypes: [] }] }, [{ path: 'materials.0.fileTypes', message: '至少 1 项' }]],
      [{ materials: [{ ...m('m1'), fileTypes: ['gif'] }] }, [{ path: 'materials.0.fileTypes.0', message: '应为以下之一：pdf, jpeg, png, xlsx, docx' }]],
      [{ applicantTypes: [] }, [{ path: 'applicantTypes', message: '至少 1 项' }]],
      [{ applicantTypes: ['enterprise', 'company'] }, [{ path: 'applicantTypes.1', message: '应为以下之一：enterprise, person' }]],
      [{ category: '企业开办' }, [{ path: 'category', message: '应为以下之一：enterprise_establishment, change_registration, employment_registration, real_estate, tax, vehicle_driver, construction_permit, public_service' }]],
      [{ legalDays: 366 }, [{ path: 'legalDays', message: '不能大于 365' }]],
      [{ promisedDays: -1 }, [{ path: 'promisedDays', message: '不能小于 0' }]],
      [{ licenceName: '  ' }, [{ path: 'licenceName', message: '必填' }]],
      // What separates entries in the sheet cannot be part of one: it would not import back the same.
      [{ materials: [m('m1', '营业执照；副本')] }, [{ path: 'materials.0.name', message: '不能包含“|”“；”或换行（Excel 表格用它们分隔各项）' }]],
      [{ materials: [m('m1', '申请书|承诺书')] }, [{ path: 'materials.0.name', message: '不能包含“|”“；”或换行（Excel 表格用它们分隔各项）' }]],
      [{ fields: [{ key: 'a', label: '金额\n（元）', type: 'number', required: true }] }, [{ path: 'fields.0.label', message: '不能包含“|”“；”或换行（Excel 表格用它们分隔各项）' }]],
      [
        { fields: [{ key: 'kind', label: '类别', type: 'select', required: true, options: ['其他', '房屋建筑、市政', '1,000 万元以下'] }] },
        [
          { path: 'fields.0.options.1', message: '选项不能包含“|”“；”、逗号、顿号或换行（Excel 表格用它们分隔选项）' },
          { path: 'fields.0.options.2', message: '选项不能包含“|”“；”、逗号、顿号或换行（Excel 表格用它们分隔选项）' },
        ],
      ],
    ];
    for (const [change, details] of cases) {
      const res = await call({ method: 'POST', url: '/api/service-items', payload: { ...serviceItemInput(), ...change } });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.details, JSON.stringify(change)).toEqual(details);
    }
    // The same rules hold for a patch.
    const item = await makeServiceItem(t.services, zone);
    const patch = await call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { materials: [m('m1'), m('m1')], fields: [{ key: 'k', label: 'K', type: 'select', required: false }] } });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details).toEqual([{ path: 'materials', message: '标识不能重复' }, { path: 'fields.0.options', message: '下拉选择须至少有一个选项' }]);
    expect(await countRows(t.deps.database, 'service_items', zone.id)).toBe(1);
  });

  it('takes template files of the own zone only, naming the material that points elsewhere', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const own = await makeTemplateFile(t.services, zone, pdfBytes('own'), '申请书模板.pdf');
    const other = await newAdmin(t.app, t.services);
    const theirs = await makeTemplateFile(t.services, other.zone, pdfBytes('theirs'), '外区模板.pdf');
    const materials = (second: string) => [
      { key: 'a', name: '申请书', required: true, fileTypes: ['pdf' as const], templateFileId: own.id },
      { key: 'b', name: '章程', required: true, fileTypes: ['pdf' as const], templateFileId: second },
    ];
    for (const id of [theirs.id, '01900000-0000-7000-8000-000000000001']) {
      const res = await call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ materials: materials(id) }) });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toEqual({ code: 'rule.cross_zone_reference', message: 'materials.1.templateFileId指向的记录不存在或不属于本高新区', details: { field: 'materials.1.templateFileId' } });
    }
    expect(await countRows(t.deps.database, 'service_items', zone.id)).toBe(0);
    const ok = await call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ materials: materials(own.id) }) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().materials.map((m: ServiceItem['materials'][number]) => [m.templateFileId, m.templateFileName])).toEqual([[own.id, '申请书模板.pdf'], [own.id, '申请书模板.pdf']]);
    // The other zone cannot point at a file of this zone, even when it knows the id.
    const crossed = await other.call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ materials: [{ key: 'a', name: '申请书', required: true, fileTypes: ['pdf'], templateFileId: own.id }] }) });
    expect(crossed.statusCode).toBe(422);
    expect(crossed.json().error.details).toEqual({ field: 'materials.0.templateFileId' });
  });
});

describe('changing and deleting an item', () => {
  it('patches only what is given, keeps templates, and records before and after; a delete records the item', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const template = await makeTemplateFile(t.services, zone, pdfBytes(), '申请书.pdf');
    const item = await makeServiceItem(t.services, zone, {
      code: 'SW-001',
      name: '延期缴纳税款申请',
      department: '税务局',
      category: 'tax',
      legalDays: 20,
      promisedDays: 5,
      materials: [{ key: 'm1', name: '申请审批表', required: true, fileTypes: ['pdf', 'xlsx'], templateFileId: template.id }],
      fields: [{ key: 'amount', label: '申请延期税款（元）', type: 'number', required: true }],
      licenceName: '延期缴税批准书',
    });
    clock.advance(60_000);
    try {
      const res = await call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { promisedDays: 3, licenceName: null, agencyEligible: true } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ...item, promisedDays: 3, licenceName: null, agencyEligible: true, updatedAt: NOW + 60_000 });
      const fields = await call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { fields: [] } });
      expect(fields.json()).toMatchObject({ fields: [], materials: item.materials });

      const del = await call({ method: 'DELETE', url: `/api/service-items/${item.id}` });
      expect(del.statusCode).toBe(200);
      expect(del.json()).toEqual({ ok: true });
      const gone = await call({ method: 'GET', url: `/api/service-items/${item.id}` });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error).toEqual({ code: 'not_found', message: '未找到事项', details: { entity: 'service_item', id: item.id } });
      expect((await call({ method: 'DELETE', url: `/api/service-items/${item.id}` })).statusCode).toBe(404);
      expect((await call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { name: '复活' } })).statusCode).toBe(404);

      const entries = (await call({ method: 'GET', url: `/api/audit?entityId=${item.id}` })).json().items as AuditEntry[];
      expect(entries.map((e) => e.action)).toEqual(['service_item.delete', 'service_item.update', 'service_item.update', 'service_item.create']);
      expect(entries[2]).toMatchObject({ actorId: admin.id, entityType: 'service_item', before: { promisedDays: 5, licenceName: '延期缴税批准书', agencyEligible: false }, after: { promisedDays: 3, licenceName: null, agencyEligible: true } });
      expect(Object.keys(entries[2]!.before as object).sort()).toEqual(['agencyEligible', 'licenceName', 'promisedDays']);
      expect(entries[1]).toMatchObject({ before: { fields: item.fields }, after: { fields: [] } });
      expect(entries[0]!.before).toMatchObject({ id: item.id, code: 'SW-001', name: '延期缴纳税款申请', promisedDays: 3, materials: [{ templateFileId: template.id }] });
      expect(entries[3]).toMatchObject({ actorId: null, after: { code: 'SW-001', name: '延期缴纳税款申请' } });
    } finally {
      clock.set(NOW);
    }
  });
});

describe('who may read and who may write', () => {
  it('enterprise users, leaders and other staff read; only the approval bureau and the zone admin write', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const enterprise = await makeEnterprise(t.services, zone);
    const item = await makeServiceItem(t.services, zone, { code: 'READ-1' });
    const file = await xlsxOf(ZH, [goodRow('ROLE-1')]);
    for (const [role, opts] of [['enterprise_user', { enterpriseId: enterprise.id }], ['leader', {}], ['inspector', {}], ['commissioner', {}]] as const) {
      const u = await signedInUser(t.app, t.services, zone, [role], opts);
      for (const url of ['/api/service-items', `/api/service-items/${item.id}`, '/api/service-items/departments', '/api/service-items/export.xlsx']) {
        expect((await u.call({ method: 'GET', url })).statusCode, `${role} GET ${url}`).toBe(200);
      }
      const writes = [
        await u.call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput() }),
        await u.call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { name: '越权' } }),
        await u.call({ method: 'DELETE', url: `/api/service-items/${item.id}` }),
        await importFile(u.call, file, false),
        await u.call({ method: 'GET', url: '/api/service-items/import-template.xlsx' }),
      ];
      for (const res of writes) {
        expect(res.statusCode, `${role} ${res.body}`).toBe(403);
        expect(res.json().error).toEqual(FORBIDDEN);
      }
    }
    expect(await all(zone)).toEqual([item]);

    const officer = await signedInUser(t.app, t.services, zone, ['approval_officer']);
    const created = await officer.call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ code: 'OFF-1' }) });
    expect(created.statusCode, created.body).toBe(201);
    expect((await officer.call({ method: 'PATCH', url: `/api/service-items/${item.id}`, payload: { name: '改名' } })).statusCode).toBe(200);
    expect((await importFile(officer.call, file, false)).json()).toEqual({ dryRun: false, created: 1, updated: 0, errors: [] });
    expect((await officer.call({ method: 'DELETE', url: `/api/service-items/${created.json().id}` })).statusCode).toBe(200);
    expect((await all(zone)).map((i) => i.code)).toEqual(['READ-1', 'ROLE-1']);
  });
});

describe('the list', () => {
  async function catalogue() {
    const admin = await newAdmin(t.app, t.services);
    const { zone } = admin;
    const make = (v: Parameters<typeof makeServiceItem>[2]) => makeServiceItem(t.services, zone, v);
    await make({ code: 'QY-001', name: '企业设立登记', department: '市场监督管理局', category: 'enterprise_establishment', applicantTypes: ['enterprise', 'person'], legalDays: 15, promisedDays: 1, fullyElectronic: true });
    await make({ code: 'BG-002', name: '名称变更登记', department: '市场监督管理局', category: 'change_registration', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 3 });
    await make({ code: 'GC-003', name: '建筑工程施工许可', department: '住房和城乡建设局', category: 'construction_permit', applicantTypes: ['enterprise'], legalDays: 7, promisedDays: 5, agencyEligible: true });
    await make({ code: 'CJ-004', name: '驾驶证期满换证', department: '公安局交通警察支队', category: 'vehicle_driver', applicantTypes: ['person'], legalDays: 1, promisedDays: 0, onlineEnabled: false });
    await make({ code: 'JY-005', name: '返岗人员就业登记', department: '人力资源和社会保障局', category: 'employment_registration', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 2 });
    // Another zone's items never show.
    const other = await newAdmin(t.app, t.services);
    await makeServiceItem(t.services, other.zone, { code: 'QY-001', name: '企业设立登记', department: '市场监督管理局' });
    return admin;
  }

  it('filters by text in code, name or department, by category, department, applicant and flags, with totals', async () => {
    const { call } = await catalogue();
    const cases: [string, string[]][] = [
      ['', ['BG-002', 'CJ-004', 'GC-003', 'JY-005', 'QY-001']],
      [`q=${encodeURIComponent('登记')}`, ['BG-002', 'JY-005', 'QY-001']],
      [`q=${encodeURIComponent('市场监督')}`, ['BG-002', 'QY-001']],
      ['q=qy', ['QY-001']],
      ['q=-00', ['BG-002', 'CJ-004', 'GC-003', 'JY-005', 'QY-001']],
      ['q=%25', []],
      ['category=construction_permit', ['GC-003']],
      [`department=${encodeURIComponent('市场监督管理局')}`, ['BG-002', 'QY-001']],
      [`department=${encodeURIComponent('市场监督')}`, []],
      ['applicantType=person', ['CJ-004', 'QY-001']],
      ['applicantType=enterprise', ['BG-002', 'GC-003', 'JY-005', 'QY-001']],
      ['onlineEnabled=false', ['CJ-004']],
      ['fullyElectronic=true', ['QY-001']],
      ['agencyEligible=1', ['GC-003']],
      [`department=${encodeURIComponent('市场监督管理局')}&fullyElectronic=false`, ['BG-002']],
      ['category=tax', []],
    ];
    for (const [query, expected] of cases) {
      const res = await call({ method: 'GET', url: `/api/service-items?${query}` });
      expect(res.statusCode, query).toBe(200);
      expect(codes(res), query).toEqual(expected);
      expect(res.json().total, query).toBe(expected.length);
    }
  });

  it('sorts and pages', async () => {
    const { call } = await catalogue();
    expect(codes(await call({ method: 'GET', url: '/api/service-items?sort=promisedDays:desc' }))).toEqual(['GC-003', 'BG-002', 'JY-005', 'QY-001', 'CJ-004']);
    expect(codes(await call({ method: 'GET', url: '/api/service-items?sort=code:desc' }))).toEqual(['QY-001', 'JY-005', 'GC-003', 'CJ-004', 'BG-002']);
    const names = ['企业设立登记', '名称变更登记', '建筑工程施工许可', '驾驶证期满换证', '返岗人员就业登记'];
    const byName = (await call({ method: 'GET', url: '/api/service-items?sort=name:asc' })).json().items.map((i: ServiceItem) => i.name);
    expect(byName).toEqual([...names].sort());
    const page = await call({ method: 'GET', url: '/api/service-items?sort=code:asc&page=2&pageSize=2' });
    expect(page.json()).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(codes(page)).toEqual(['GC-003', 'JY-005']);
    const beyond = await call({ method: 'GET', url: '/api/service-items?page=4&pageSize=2' });
    expect(beyond.json()).toEqual({ items: [], total: 5, page: 4, pageSize: 2 });
  });

  it('names the departments that have items, once each, for the filter', async () => {
    const { call } = await catalogue();
    const res = await call({ method: 'GET', url: '/api/service-items/departments' });
    expect(res.json()).toEqual(['人力资源和社会保障局', '住房和城乡建设局', '公安局交通警察支队', '市场监督管理局'].sort());
    const empty = await newAdmin(t.app, t.services);
    expect((await empty.call({ method: 'GET', url: '/api/service-items/departments' })).json()).toEqual([]);
  });
});

describe('Excel export and import', () => {
  it('the template has the columns, starred where required, and an instructions sheet', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const zh = await call({ method: 'GET', url: '/api/service-items/import-template.xlsx' });
    expect(decodeURIComponent(String(zh.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('事项清单导入模板.xlsx');
    const sheet = await xlsxResponse(zh);
    expect(sheet.sheetNames).toEqual(['事项清单', '填写说明']);
    expect(sheet.header).toEqual(ZH.map((h, i) => (i < 7 ? `*${h}` : h)));
    expect(sheet.rows).toEqual([]);
    const en = await xlsxResponse(await call({ method: 'GET', url: '/api/service-items/import-template.xlsx', headers: EN }));
    expect(en.sheetNames).toEqual(['Catalogue', 'Instructions']);
    expect(en.header).toEqual(EN_COLUMNS.map((h, i) => (i < 7 ? `*${h}` : h)));
  });

  it('exports the filtered catalogue in the import notation, in either language', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const template = await makeTemplateFile(t.services, zone, pdfBytes(), '模板.pdf');
    await makeServiceItem(t.services, zone, {
      code: 'GCJS-004',
      name: '建筑工程施工许可证核发',
      department: '住房和城乡建设局',
      category: 'construction_permit',
      applicantTypes: ['enterprise', 'person'],
      legalDays: 7,
      promisedDays: 3,
      agencyEligible: true,
      licenceName: '建筑工程施工许可证',
      materials: [
        { key: 'form', name: '施工许可申请表', required: true, fileTypes: ['pdf', 'docx'], templateFileId: template.id },
        { key: 'contract', name: '施工合同', required: false, fileTypes: ['pdf'] },
      ],
      fields: [
        { key: 'price', label: '合同价格（万元）', type: 'number', required: true },
        { key: 'kind', label: '工程类别', type: 'select', required: false, options: ['房屋建筑', '市政'] },
      ],
      guide: '## 指南\n第一步',
    });
    await makeServiceItem(t.services, zone, { code: 'SW-001', category: 'tax' });
    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/service-items/export.xlsx?category=construction_permit' }));
    expect(sheet.sheetNames).toEqual(['事项清单']);
    expect(sheet.header).toEqual(ZH);
    expect(sheet.rows).toEqual([
      [
        'GCJS-004', '建筑工程施工许可证核发', '住房和城乡建设局', '工程建设', '企业、个人', '7', '3', '是', '否', '是', '建筑工程施工许可证', '施工许可申请表|必填|pdf,docx\n施工合同|选填|pdf',
        'price|合同价格（万元）|数字|必填\nkind|工程类别|下拉选择|选填|房屋建筑,市政', '## 指南\n第一步',
      ],
    ]);
    const en = await xlsxResponse(await call({ method: 'GET', url: '/api/service-items/export.xlsx?q=GCJS&lang=en-US' }));
    expect(en.header).toEqual(EN_COLUMNS);
    expect(en.rows.map((r) => r.slice(3, 10))).toEqual([['Construction permits', 'Enterprise, Person', '7', '3', 'yes', 'no', 'yes']]);
    expect(column(en, 'Materials')).toEqual(['施工许可申请表|required|pdf,docx\n施工合同|optional|pdf']);
    expect(column(en, 'Form fields')).toEqual(['price|合同价格（万元）|Number|required\nkind|工程类别|Select|optional|房屋建筑,市政']);
    const all = await xlsxResponse(await call({ method: 'GET', url: '/api/service-items/export.xlsx' }));
    expect(column(all, '事项编码')).toEqual(['GCJS-004', 'SW-001']);
  });

  it('an export imports again unchanged: 0 created, N updated, keys, notes and template files kept', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const charter = await makeTemplateFile(t.services, zone, docxBytes(), '章程范本.docx');
    const form = await makeTemplateFile(t.services, zone, pdfBytes(), '申请书范本.pdf');
    await makeServiceItem(t.services, zone, {
      code: 'QYKB-001',
      name: '企业设立登记',
      category: 'enterprise_establishment',
      applicantTypes: ['enterprise', 'person'],
      legalDays: 15,
      promisedDays: 1,
      fullyElectronic: true,
      licenceName: '营业执照',
      materials: [
        { key: 'application', name: '公司登记（备案）申请书', required: true, fileTypes: ['pdf'], templateFileId: form.id, note: '法定代表人签字' },
        { key: 'charter', name: '公司章程', required: true, fileTypes: ['pdf', 'docx'], templateFileId: charter.id },
      ],
      fields: [
        { key: 'capital', label: '注册资本（万元）', type: 'number', required: true, help: '认缴额' },
        { key: 'seal', label: '印章', type: 'select', required: false, options: ['公章', '财务章'] },
      ],
      guide: '## 网上办事申报流程\n\n1. 登录平台\n2. 上传材料',
    });
    await makeServiceItem(t.services, zone, { code: 'JYDJ-002', name: '失业登记', category: 'employment_registration', applicantTypes: ['person'], onlineEnabled: false, materials: [] });
    await makeServiceItem(t.services, zone, { code: 'GCJS-001', name: '企业投资项目备案', category: 'construction_permit', agencyEligible: true, materials: [{ key: 'm1', name: '备案申请表', required: false, fileTypes: ['docx', 'pdf'] }] });
    const before = await all(zone);

    for (const lang of ['zh-CN', 'en-US'] as const) {
      const exported = await call({ method: 'GET', url: `/api/service-items/export.xlsx?lang=${lang}` });
      const headers = lang === 'en-US' ? EN : {};
      expect((await importFile(call, exported.rawPayload, true, headers)).json(), lang).toEqual({ dryRun: true, created: 0, updated: 3, errors: [] });
      clock.advance(1000);
      expect((await importFile(call, exported.rawPayload, false, headers)).json(), lang).toEqual({ dryRun: false, created: 0, updated: 3, errors: [] });
      expect(await all(zone), lang).toEqual(before.map((i) => ({ ...i, updatedAt: clock.now() })));
    }
    clock.set(NOW);

    // A material renamed in the sheet is a new material: it loses the template; the others keep theirs.
    const exported = (await call({ method: 'GET', url: '/api/service-items/export.xlsx?q=QYKB' })).rawPayload;
    const edited = await editCell(exported, 2, '申请材料', '公司登记（备案）申请书|必填|pdf\n公司章程（修正案）|必填|pdf,docx\n住所使用证明|选填|pdf,jpg');
    expect((await importFile(call, edited, false)).json()).toEqual({ dryRun: false, created: 0, updated: 1, errors: [] });
    const [after] = (await all(zone)).filter((i) => i.code === 'QYKB-001');
    expect(after!.materials).toEqual([
      { key: 'application', name: '公司登记（备案）申请书', required: true, fileTypes: ['pdf'], templateFileId: form.id, templateFileName: '申请书范本.pdf', note: '法定代表人签字' },
      { key: 'm2', name: '公司章程（修正案）', required: true, fileTypes: ['pdf', 'docx'], templateFileId: null, templateFileName: null, note: null },
      { key: 'm3', name: '住所使用证明', required: false, fileTypes: ['pdf', 'jpeg'], templateFileId: null, templateFileName: null, note: null },
    ]);
    // Each update is recorded with what it changed: nothing for the round trips, the materials here.
    const audit = (await call({ method: 'GET', url: `/api/audit?action=service_item.import_update&entityId=${after!.id}` })).json().items as AuditEntry[];
    expect(audit.map((e) => [e.at, e.before, e.after])).toEqual([
      [NOW + 2000, {}, {}],
      [NOW + 1000, {}, {}],
      [NOW, { materials: before.find((i) => i.code === 'QYKB-001')!.materials.map(({ templateFileName: _n, ...m }) => m) }, { materials: after!.materials.map(({ templateFileName: _n, ...m }) => m) }],
    ]);
  });

  it('creates new items and updates existing ones by code; columns left out and blank cells keep their values', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const template = await makeTemplateFile(t.services, zone, pdfBytes(), '模板.pdf');
    const existing = await makeServiceItem(t.services, zone, {
      code: 'SW-002',
      category: 'tax',
      agencyEligible: true,
      fullyElectronic: true,
      licenceName: '批准书',
      guide: '原指南',
      materials: [{ key: 'm1', name: '申请表', required: true, fileTypes: ['pdf'], templateFileId: template.id }],
      fields: [{ key: 'amount', label: '金额', type: 'number', required: true }],
    });
    const required = ZH.slice(0, 7);
    const file = await xlsxOf(required, [
      ['SW-002', '延期缴纳税款申请（改）', '国家税务总局示范高新区税务局', '税务', '企业、个人', 20, 5],
      ['SW-003', '减免社会保险费申请', '税务局', 'tax', 'enterprise', 20, 3],
    ]);
    expect((await importFile(call, file, false)).json()).toEqual({ dryRun: false, created: 1, updated: 1, errors: [] });
    const [updated, created] = await all(zone);
    expect(updated).toEqual({
      ...existing,
      name: '延期缴纳税款申请（改）',
      department: '国家税务总局示范高新区税务局',
      applicantTypes: ['enterprise', 'person'],
      legalDays: 20,
      promisedDays: 5,
    });
    expect(created).toMatchObject({
      code: 'SW-003', category: 'tax', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 3, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: null,
      materials: [], fields: [], guide: '',
    });
    // Blank cells keep the values too, as the instructions sheet says.
    const blank = await xlsxOf([...required, '帮办代办', '发放证照', '申请材料', '办事指南'], [['SW-002', '延期缴纳税款申请', '税务局', '税务', '企业', 20, 5, null, null, null, null]]);
    expect((await importFile(call, blank, false)).json()).toEqual({ dryRun: false, created: 0, updated: 1, errors: [] });
    expect((await all(zone))[0]).toEqual({ ...existing, name: '延期缴纳税款申请', department: '税务局', legalDays: 20, promisedDays: 5 });
  });

  it('names the row and column of every bad cell, and writes nothing', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const existing = await makeServiceItem(t.services, zone, { code: 'KEEP-1', name: '原名' });
    const file = await xlsxOf(ZH, [
      goodRow('NEW-1'), // 2
      goodRow('NEW-2', { category: '餐饮' }), // 3
      goodRow('NEW-3', { materials: '申请书|必填|pdf\n章程|也许|pdf' }), // 4
      goodRow('NEW-4', { fields: 'a|金额|数字|必填\n\nb|颜色|colour' }), // 5
      goodRow('NEW-5', { legal: '十五', promised: 1.5 }), // 6
      goodRow('NEW-1', { name: '重复编码' }), // 7
      goodRow('NEW-6', { legal: 3, promised: 5 }), // 8
      goodRow('NEW-7', { fields: 'size|规模|下拉选择|必填' }), // 9
      goodRow('NEW-8', { applicants: '法人' }), // 10
      goodRow('KEEP-1', { name: '改名', online: '也许' }), // 11
      goodRow('新-9'), // 12
      goodRow('NEW-10', { materials: '申请书|必填|exe' }), // 13
    ]);
    const expected = [
      { row: 3, column: '事项类别', message: '应为以下之一：企业开办、变更登记、就业登记、不动产、税务、车驾管、工程建设、公共服务' },
      { row: 4, column: '申请材料', message: '第 2 行写法不对，请按填写说明的格式填写' },
      { row: 5, column: '表单字段', message: '第 3 行写法不对，请按填写说明的格式填写' },
      { row: 6, column: '法定时限（工作日）', message: '应为整数' },
      { row: 6, column: '承诺时限（工作日）', message: '应为整数' },
      { row: 7, column: '事项编码', message: '与第 2 行重复' },
      { row: 8, column: '承诺时限（工作日）', message: '承诺时限不能超过法定时限' },
      { row: 9, column: '表单字段', message: '下拉选择须至少有一个选项' },
      { row: 10, column: '申请对象', message: '应为以下之一：企业、个人' },
      { row: 11, column: '可网上办理', message: '应为“是”或“否”' },
      { row: 12, column: '事项编码', message: '事项编码为 2–40 位字母、数字、点、下划线或短横线' },
      { row: 13, column: '申请材料', message: '第 1 行写法不对，请按填写说明的格式填写' },
    ];
    const dry = await importFile(call, file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, created: 0, updated: 0, errors: expected });
    const wet = await importFile(call, file, false);
    expect(wet.json()).toEqual({ dryRun: false, created: 0, updated: 0, errors: expected });
    expect(await all(zone)).toEqual([existing]);
    expect(await countRows(t.deps.database, 'service_items', zone.id)).toBe(1);

    const en = await importFile(call, await xlsxOf(EN_COLUMNS, [goodRow('EN-1', { category: 'food', materials: 'Form|maybe' }), goodRow('EN-2', { applicants: 'company' })]), true, EN);
    expect(en.json().errors).toEqual([
      { row: 2, column: 'Category', message: 'must be one of: Enterprise establishment, Change registration, Employment registration, Real estate, Tax, Vehicles and drivers, Construction permits, Public services' },
      { row: 2, column: 'Materials', message: 'Line 1 does not follow the format in the instructions sheet' },
      { row: 3, column: 'Who may apply', message: 'must be one of: Enterprise, Person' },
    ]);
  });

  it('refuses a sheet without a required column, or a file that is no workbook', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const missing = await xlsxOf(ZH.filter((h) => h !== '事项类别'), [['X-1', '事项', '税务局', '企业', 5, 1]]);
    expect((await importFile(call, missing, false)).json()).toEqual({ dryRun: false, created: 0, updated: 0, errors: [{ row: 1, column: '事项类别', message: '缺少必需的列：事项类别' }] });
    const notXlsx = await importFile(call, pdfBytes(), false);
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().error).toEqual({ code: 'import.not_xlsx', message: '文件不是有效的 Excel（.xlsx）文件' });
    expect(await countRows(t.deps.database, 'service_items', zone.id)).toBe(0);
  });
});

describe('the demo zone’s catalogue', () => {
  it('has at least 25 valid items with unique codes over all eight categories, and loads into a zone', async () => {
    const items = demoServiceItems();
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    for (const item of items) expect(ServiceItemInput.safeParse(item).success, item.code).toBe(true);
    expect([...new Set(items.map((i) => i.category))].sort()).toEqual([...SERVICE_CATEGORIES].sort());
    expect(items.filter((i) => i.fullyElectronic && i.category === 'enterprise_establishment').length).toBeGreaterThanOrEqual(1);
    expect(items.filter((i) => i.agencyEligible).every((i) => ['construction_permit', 'real_estate'].includes(i.category))).toBe(true);
    for (const item of items) expect(item.guide, item.code).toContain('网上办事申报流程');

    // As the seed does it: through the catalogue service, then read through the API.
    const { call, zone } = await newAdmin(t.app, t.services);
    for (const item of items) await t.services.catalogue.create(zone.ctx, item);
    const list = await call({ method: 'GET', url: '/api/service-items?pageSize=200' });
    expect(list.json().total).toBe(items.length);
    for (const category of SERVICE_CATEGORIES) {
      const res = await call({ method: 'GET', url: `/api/service-items?category=${category}` });
      expect(res.json().total, category).toBeGreaterThanOrEqual(2);
    }
    // The demo's export imports again unchanged.
    const exported = await call({ method: 'GET', url: '/api/service-items/export.xlsx' });
    expect((await importFile(call, exported.rawPayload, true)).json()).toEqual({ dryRun: true, created: 0, updated: items.length, errors: [] });
  });
});

describe('item codes', () => {
  it('are matched whatever their case: stored upper-case, a lower-case twin is a duplicate', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const first = await call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ code: 'qykb-x1' }) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().code).toBe('QYKB-X1');
    const twin = await call({ method: 'POST', url: '/api/service-items', payload: serviceItemInput({ code: 'QYKB-x1' }) });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.details).toEqual({ field: 'code' });
  });
});
