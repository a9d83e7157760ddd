// Excel import and export of the registry with real .xlsx files: the template, a dry run that
// reports every bad row, all-or-nothing commits, create-or-update by credit code, a leading
// enterprise further down the file, export → re-import unchanged, wrong files and huge uploads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_MIN_FEN, type Enterprise } from '@shuangsheng/contracts';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import {
  countRows, makeBuilding, makeEnterprise, makeGridUnit, makePark, newAdmin, rootGridUnit, signedInUser, validCreditCode, zoneSnapshot, type Caller,
} from '../../test/factories.js';
import { column, multipart, PNG_BYTES, readXlsx, streamedZerosUpload, xlsxOf, xlsxResponse, type Cell } from '../../test/xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const ZH = ['统一社会信用代码', '企业名称', '所属园区', '楼宇', '网格编码', '行业门类', '上年产值（万元）', '上年税收（万元）', '规上企业', '市级监测', '所属龙头企业信用代码', '职工人数', '法定代表人', '联系人', '联系电话', '地址'];
const EN = ['Unified social credit code', 'Enterprise name', 'Park', 'Building', 'Grid unit code', 'Industry section', 'Output last year (10k yuan)', 'Tax last year (10k yuan)', 'Above-scale', 'City-monitored', 'Leading enterprise credit code', 'Employees', 'Legal representative', 'Contact', 'Contact phone', 'Address'];

/** A row of the template's sixteen columns from the named values. */
function row(v: Partial<Record<'code' | 'name' | 'park' | 'building' | 'grid' | 'industry' | 'output' | 'tax' | 'above' | 'city' | 'leading' | 'employees' | 'legal' | 'contact' | 'phone' | 'address', Cell>>): Cell[] {
  return [v.code, v.name, v.park, v.building, v.grid, v.industry, v.output, v.tax, v.above, v.city, v.leading, v.employees, v.legal, v.contact, v.phone, v.address];
}

async function upload(call: Caller['call'], file: Buffer, dryRun: boolean, headers: Record<string, string> = {}) {
  const body = multipart(file);
  return call({ method: 'POST', url: `/api/enterprises/import?dryRun=${dryRun}`, payload: body.payload, headers: { ...body.headers, ...headers } });
}

async function all(zoneCtx: Parameters<TestApp['services']['enterprises']['list']>[0]): Promise<Enterprise[]> {
  return (await t.services.enterprises.list(zoneCtx, { page: 1, pageSize: 200, sort: 'creditCode:asc' })).items;
}

describe('the import template', () => {
  it('has the header row (required columns starred) and an instructions sheet, in either language', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const zh = await call({ method: 'GET', url: '/api/enterprises/import-template.xlsx' });
    const disposition = String(zh.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toContain('导入模板');
    const sheet = await xlsxResponse(zh);
    expect(sheet.sheetNames).toEqual(['企业名录', '填写说明']);
    expect(sheet.header).toEqual(['*统一社会信用代码', '*企业名称', ...ZH.slice(2)]);
    expect(sheet.rows).toEqual([]);
    const en = await xlsxResponse(await call({ method: 'GET', url: '/api/enterprises/import-template.xlsx', headers: { 'accept-language': 'en-US' } }));
    expect(en.sheetNames).toEqual(['Enterprises', 'Instructions']);
    expect(en.header).toEqual(['*Unified social credit code', '*Enterprise name', ...EN.slice(2)]);
  });

  it('imports nothing when uploaded as it is', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const template = (await call({ method: 'GET', url: '/api/enterprises/import-template.xlsx' })).rawPayload;
    const res = await upload(call, template, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, created: 0, updated: 0, errors: [{ row: 2, column: '', message: '表格中没有数据行' }] });
  });

  it('is refused to roles without enterprises.import', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const leader = await signedInUser(t.app, t.services, zone, ['leader']);
    expect((await leader.call({ method: 'GET', url: '/api/enterprises/import-template.xlsx' })).statusCode).toBe(403);
    const res = await upload(leader.call, await xlsxOf(ZH, [row({ code: validCreditCode(), name: '越权公司' })]), false);
    expect(res.statusCode).toBe(403);
    expect(await countRows(t.deps.database, 'enterprises', zone.id)).toBe(0);
  });
});

describe('checking rows', () => {
  it('a dry run reports every bad row with its row number, column and message, and writes nothing', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    await makePark(t.services, zone, '板仓工业园');
    const good = validCreditCode();
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const stranger = validCreditCode();
    const file = await xlsxOf(ZH, [
      row({ code: good, name: '好公司', park: '板仓工业园', above: '是' }), // 2
      row({ code: badCheck, name: '校验位错' }), // 3
      row({ code: validCreditCode(), name: '园区不存在', park: '不存在园区' }), // 4
      row({ code: good.toLowerCase(), name: '重复代码' }), // 5
      row({ code: validCreditCode(), name: '产值不是数', output: '十万' }), // 6
      row({ code: validCreditCode(), name: '布尔不对', city: '也许' }), // 7
      row({ code: validCreditCode(), name: '龙头不存在', leading: stranger }), // 8
      row({ code: validCreditCode(), name: '' , employees: 3 }), // 9
      row({ code: validCreditCode(), name: '行业不对', industry: 'Z' }), // 10
    ]);
    const before = await zoneSnapshot(t.deps.database, zone.id);
    const res = await upload(call, file, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      created: 0,
      updated: 0,
      errors: [
        { row: 3, column: '统一社会信用代码', message: '统一社会信用代码无效（18 位，校验位按 GB 32100-2015 计算）' },
        { row: 4, column: '所属园区', message: '园区“不存在园区”不存在' },
        { row: 5, column: '统一社会信用代码', message: '与第 2 行的统一社会信用代码重复' },
        { row: 6, column: '上年产值（万元）', message: '应为不小于 0 的数字' },
        { row: 7, column: '市级监测', message: '应为“是”或“否”' },
        { row: 8, column: '所属龙头企业信用代码', message: `龙头企业统一社会信用代码“${stranger}”在本区和本文件中都不存在` },
        { row: 9, column: '企业名称', message: '必填' },
        { row: 10, column: '行业门类', message: '应为以下之一：A–T' },
      ],
    });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
  });

  it('names every bad cell of a row, the leading enterprise too', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const code = validCreditCode();
    const stranger = validCreditCode();
    const file = await xlsxOf(ZH, [row({ code, name: '多处错误', park: '无此园', output: '-5', leading: stranger }), row({ code: validCreditCode(), name: '自领自', leading: '' }), row({ code: validCreditCode(), name: '好的' })]);
    const selfLed = validCreditCode();
    const file2 = await xlsxOf(ZH, [row({ code: selfLed, name: '自领自', leading: selfLed })]);
    expect((await upload(call, file, true)).json().errors).toEqual([
      { row: 2, column: '所属园区', message: '园区“无此园”不存在' },
      { row: 2, column: '上年产值（万元）', message: '应为不小于 0 的数字' },
      { row: 2, column: '所属龙头企业信用代码', message: `龙头企业统一社会信用代码“${stranger}”在本区和本文件中都不存在` },
    ]);
    expect((await upload(call, file2, true)).json().errors).toEqual([{ row: 2, column: '所属龙头企业信用代码', message: '龙头企业不能是企业自身' }]);
  });

  it('answers in English with Accept-Language: en-US', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const file = await xlsxOf(EN, [row({ code: '91510300MA62K1XQ4X', name: 'Bad code Ltd' }), row({ code: validCreditCode(), name: 'Nowhere Ltd', park: 'Atlantis' })]);
    const res = await upload(call, file, true, { 'accept-language': 'en-US' });
    expect(res.json().errors).toEqual([
      { row: 2, column: 'Unified social credit code', message: 'is not a valid unified social credit code (18 characters, check character per GB 32100-2015)' },
      { row: 3, column: 'Park', message: 'No park named "Atlantis"' },
    ]);
  });

  it('names a missing required column', async () => {
    const { call } = await newAdmin(t.app, t.services);
    const file = await xlsxOf(['统一社会信用代码', '地址'], [[validCreditCode(), '某路 1 号']]);
    const res = await upload(call, file, true);
    expect(res.json()).toEqual({ dryRun: true, created: 0, updated: 0, errors: [{ row: 1, column: '企业名称', message: '缺少必需的列：企业名称' }] });
  });

  it('a commit with any bad row writes nothing at all', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const existing = await makeEnterprise(t.services, zone, { name: '原名公司' });
    const file = await xlsxOf(ZH, [
      row({ code: validCreditCode(), name: '新公司甲' }),
      row({ code: existing.creditCode, name: '改名公司' }),
      row({ code: validCreditCode(), name: '新公司乙', employees: '三百' }),
      row({ code: validCreditCode(), name: '新公司丙' }),
    ]);
    const before = await zoneSnapshot(t.deps.database, zone.id);
    const res = await upload(call, file, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, created: 0, updated: 0, errors: [{ row: 4, column: '职工人数', message: '应为整数' }] });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
    expect((await t.services.enterprises.get(zone.ctx, existing.id)).name).toBe('原名公司');
  });
});

describe('committing', () => {
  it('creates and updates by credit code, with a leading enterprise further down the file', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '板仓工业园');
    const building = await makeBuilding(t.services, zone, park.id, 'A1 栋');
    const street = await makeGridUnit(t.services, zone, (await rootGridUnit(t.services, zone)).id, '板仓街道');
    const existing = await makeEnterprise(t.services, zone, { name: '老企业', contactPhone: '13700001111', employees: 12, industry: 'F' });
    const leadCode = validCreditCode();
    const newCode = validCreditCode();
    const file = await xlsxOf(ZH, [
      row({
        code: newCode, name: '华西能源装备', park: '板仓工业园', building: 'A1 栋', grid: street.code, industry: '制造业', output: 125000, tax: '3,200.5',
        above: '是', city: '否', leading: leadCode.toLowerCase(), employees: 860, legal: '王建国', contact: '李娜', phone: '13890001234', address: '板仓路 8 号',
      }),
      row({ code: existing.creditCode, name: '老企业（更名）', employees: 15 }),
      row({ code: leadCode, name: '龙头集团', output: 1_000_000, above: 'yes' }),
    ]);
    const dry = await upload(call, file, true);
    expect(dry.json()).toEqual({ dryRun: true, created: 2, updated: 1, errors: [] });
    expect(await countRows(t.deps.database, 'enterprises', zone.id)).toBe(1);

    const res = await upload(call, file, false, { 'x-request-id': 'import-commit-1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, created: 2, updated: 1, errors: [] });

    const byCode = new Map((await all(zone.ctx)).map((e) => [e.creditCode, e]));
    expect(byCode.size).toBe(3);
    const lead = byCode.get(leadCode)!;
    expect(lead).toMatchObject({ name: '龙头集团', outputLastYearFen: 1_000_000_000_000, tier: 'ten_billion', aboveScale: true, leadingEnterpriseId: null });
    expect(byCode.get(newCode)).toMatchObject({
      name: '华西能源装备',
      parkId: park.id,
      buildingId: building.id,
      gridUnitId: street.id,
      gridUnitCode: street.code,
      industry: 'C',
      outputLastYearFen: 125_000_000_000,
      taxLastYearFen: 3_200_500_000,
      tier: 'billion',
      aboveScale: true,
      cityMonitored: false,
      leadingEnterpriseId: lead.id,
      employees: 860,
      legalRepresentative: '王建国',
      contactName: '李娜',
      contactPhoneMasked: '138****1234',
      address: '板仓路 8 号',
    });
    // Only the columns in the file change an existing enterprise.
    expect(byCode.get(existing.creditCode)).toMatchObject({ id: existing.id, name: '老企业（更名）', employees: 15, industry: 'F', contactPhoneMasked: '137****1111' });

    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).where('request_id', '=', 'import-commit-1').orderBy('action').execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['enterprise.import_create', admin.id],
      ['enterprise.import_create', admin.id],
      ['enterprise.import_update', admin.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain('13890001234');
  });

  it('the same file committed twice creates the second time nothing', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const file = await xlsxOf(ZH, [row({ code: validCreditCode(), name: '甲' }), row({ code: validCreditCode(), name: '乙' })]);
    expect((await upload(call, file, false)).json()).toMatchObject({ created: 2, updated: 0 });
    expect((await upload(call, file, false)).json()).toMatchObject({ created: 0, updated: 2 });
    expect(await countRows(t.deps.database, 'enterprises', zone.id)).toBe(2);
  });
});

describe('export', () => {
  it('returns exactly the filtered rows, and re-imports with nothing created and nothing changed', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const p1 = await makePark(t.services, zone, '一号园');
    const p2 = await makePark(t.services, zone, '二号园');
    const b1 = await makeBuilding(t.services, zone, p1.id, '一号楼');
    const grid = await makeGridUnit(t.services, zone, (await rootGridUnit(t.services, zone)).id);
    const lead = await makeEnterprise(t.services, zone, { name: '一号龙头', parkId: p1.id, outputLastYearFen: TIER_MIN_FEN.ten_billion, aboveScale: true, industry: 'C' });
    await makeEnterprise(t.services, zone, { name: '一号配套', buildingId: b1.id, gridUnitId: grid.id, leadingEnterpriseId: lead.id, contactPhone: '13812345678', taxLastYearFen: 1, employees: 33, address: '一号路' });
    await makeEnterprise(t.services, zone, { name: '一号小店', parkId: p1.id, outputLastYearFen: null, cityMonitored: true });
    await makeEnterprise(t.services, zone, { name: '二号企业', parkId: p2.id });
    await makeEnterprise(t.services, zone, { name: '二号另一家', parkId: p2.id });

    const res = await call({ method: 'GET', url: `/api/enterprises/export.xlsx?parkId=${p1.id}&sort=name:asc` });
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="enterprises-\d{8}\.xlsx"/);
    const sheet = await xlsxResponse(res);
    expect(sheet.header).toEqual([...ZH, '规模等级', '行业名称']);
    expect(sheet.rows).toHaveLength(3);
    expect(column(sheet, '企业名称').sort()).toEqual(['一号小店', '一号配套', '一号龙头'].sort());
    expect(column(sheet, '联系电话').filter(Boolean)).toEqual(['138****5678']);
    const leadRow = sheet.rows.find((r) => r[1] === '一号龙头')!;
    expect(leadRow.slice(-2)).toEqual(['百亿级', '制造业']);
    const filtered = await xlsxResponse(await call({ method: 'GET', url: '/api/enterprises/export.xlsx?tier=ten_billion' }));
    expect(column(filtered, '企业名称')).toEqual(['一号龙头']);

    const before = await t.services.enterprises.list(zone.ctx, { page: 1, pageSize: 50, sort: 'name:asc' });
    const again = await upload(call, res.rawPayload, false);
    expect(again.json()).toEqual({ dryRun: false, created: 0, updated: 3, errors: [] });
    const after = await t.services.enterprises.list(zone.ctx, { page: 1, pageSize: 50, sort: 'name:asc' });
    const stable = (l: typeof before) => l.items.map(({ updatedAt: _u, ...e }) => e);
    expect(stable(after)).toEqual(stable(before));
    // The masked phone in the file left the stored number alone.
    const supplier = after.items.find((e) => e.name === '一号配套')!;
    expect((await call({ method: 'POST', url: `/api/enterprises/${supplier.id}/actions/reveal-phone`, payload: { reason: '导入后核对' } })).json().phone).toBe('13812345678');
  });

  it('in English, with English headers, imports again as well', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    await makeEnterprise(t.services, zone, { name: 'Alpha', aboveScale: true, industry: 'I' });
    const res = await call({ method: 'GET', url: '/api/enterprises/export.xlsx?lang=en-US' });
    const sheet = await xlsxResponse(res);
    expect(sheet.sheetNames).toEqual(['Enterprises']);
    expect(sheet.header).toEqual([...EN, 'Scale tier', 'Industry']);
    expect(sheet.rows.map((r) => r.slice(-2))).toEqual([['Other', 'Information transmission, software and IT services']]);
    expect(column(sheet, 'Above-scale')).toEqual(['yes']);
    expect((await upload(call, res.rawPayload, false)).json()).toEqual({ dryRun: false, created: 0, updated: 1, errors: [] });
  });
});

describe('files that are not workbooks', () => {
  it('refuses a PNG or a text file named .xlsx (415) and a request that is not multipart (415)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    for (const [bytes, name] of [[PNG_BYTES, 'photo.xlsx'], [Buffer.from('统一社会信用代码,企业名称\n91510300MA62K1XQ4N,某公司\n'), 'list.xlsx']] as const) {
      const body = multipart(bytes, { filename: name });
      const res = await call({ method: 'POST', url: '/api/enterprises/import?dryRun=false', payload: body.payload, headers: body.headers });
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error).toEqual({ code: 'import.not_xlsx', message: '文件不是有效的 Excel（.xlsx）文件' });
    }
    const json = await call({ method: 'POST', url: '/api/enterprises/import', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');
    expect(await countRows(t.deps.database, 'enterprises', zone.id)).toBe(0);
  });

  it('refuses a 200 MB upload with 413, streamed, and names the limit of uploads (not of JSON bodies)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const body = streamedZerosUpload(200 * 1024 * 1024, { chunkSize: 1024 * 1024 + 7 });
    const res = await call({ method: 'POST', url: '/api/enterprises/import?dryRun=false', payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'payload_too_large', message: '上传内容过大（上限 20 MB）' });
    expect(await countRows(t.deps.database, 'enterprises', zone.id)).toBe(0);
  });

  it('refuses it with 413 also when the limit falls exactly at the end of a chunk', async () => {
    const { call } = await newAdmin(t.app, t.services);
    // 20 MB is 20 chunks of 1 MB: the parser cuts the file off without handing over another chunk.
    const body = streamedZerosUpload(200 * 1024 * 1024, { chunkSize: 1024 * 1024 });
    const res = await call({ method: 'POST', url: '/api/enterprises/import?dryRun=true', payload: body.payload, headers: body.headers });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toEqual({ code: 'payload_too_large', message: '上传内容过大（上限 20 MB）' });
  });

  it('a workbook can be read back by the test helper (sanity of the builder)', async () => {
    const sheet = await readXlsx(await xlsxOf(['a', 'b'], [[1, 'x'], [null, 'y']]));
    expect(sheet).toEqual({ sheetNames: ['Sheet1'], header: ['a', 'b'], rows: [['1', 'x'], ['', 'y']] });
  });
});
