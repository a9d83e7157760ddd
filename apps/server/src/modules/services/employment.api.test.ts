// 线上就业登记 through the API: an enterprise uploads its returning workers from the template; every
// bad cell is reported by row and column and nothing is written; the same ID number again updates;
// ID numbers and phones are encrypted, masked in lists and exports, searchable by blind index and
// revealed only with pii.reveal and a reason; officers see the zone, enterprises their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmploymentRegistration } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { countRows, importSheet, makeEnterprise, newAdmin, signedInUser, validResidentId, type Caller } from '../../test/factories.js';
import { column, xlsxOf, xlsxResponse, type Cell } from '../../test/xlsx.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const [ID1, ID2, ID3] = [validResidentId(123), validResidentId(456), validResidentId(789)];
const HEADER = ['姓名', '居民身份证号', '联系电话', '返岗日期'];

const upload = async (call: Caller['call'], header: string[], rows: Cell[][], dryRun: boolean) => importSheet(call, '/api/employment-registrations', await xlsxOf(header, rows), dryRun);

async function setup() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const enterprise = await makeEnterprise(t.services, zone, { name: '自贡市轻工业设计研究院有限责任公司' });
  const user = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: enterprise.id });
  const labour = await signedInUser(t.app, t.services, zone, ['labour_officer']);
  return { admin, zone, enterprise, user, labour };
}

describe('the upload', () => {
  it('checks every row and writes all or nothing; a dry run writes nothing', async () => {
    const { user, zone } = await setup();
    const bad = await upload(user.call, HEADER, [
      ['张伟', ID1, '13800138000', '2020-02-20'],
      ['李娜', '510302199001011234', '1380013', '2020-02-30'],
      ['', ID2, '0813-2201234', '2020/2/21'],
      ['王芳', ID3, '13912345678', '2020-03-01'],
      ['赵磊', ID1.toLowerCase(), '13800138001', '2020-02-21'],
    ], false);
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toEqual({
      dryRun: false, created: 0, updated: 0,
      errors: [
        { row: 3, column: '居民身份证号', message: '居民身份证号码无效（18 位，校验位按 GB 11643 计算）' },
        { row: 3, column: '联系电话', message: '电话号码格式不正确' },
        { row: 3, column: '返岗日期', message: '应为日期，如 2020-02-24' },
        { row: 4, column: '姓名', message: '必填' },
        { row: 5, column: '返岗日期', message: '返岗日期不能晚于今天' },
        { row: 6, column: '居民身份证号', message: '与第 2 行的身份证号码重复' },
      ],
    });
    expect(await countRows(t.deps.database, 'employment_registrations', zone.id)).toBe(0);

    const rows = [['张伟', ID1, '13800138000', '2020-02-20'], ['李娜', ID2, '0813-2201234', '2020年2月21日'], ['王芳', ID3, '13912345678', new Date(Date.UTC(2020, 1, 24)) as unknown as Cell]];
    const dry = await upload(user.call, HEADER, rows, true);
    expect(dry.json()).toEqual({ dryRun: true, created: 3, updated: 0, errors: [] });
    expect(await countRows(t.deps.database, 'employment_registrations', zone.id)).toBe(0);
    const real = await upload(user.call, HEADER, rows, false);
    expect(real.json()).toEqual({ dryRun: false, created: 3, updated: 0, errors: [] });
    const list = (await user.call({ method: 'GET', url: '/api/employment-registrations?sort=returnedOn:asc' })).json();
    expect(list.items.map((r: EmploymentRegistration) => [r.name, r.idNumberMasked, r.phoneMasked, r.returnedOn, r.registeredOn])).toEqual([
      ['张伟', `5103**********${ID1.slice(-4)}`, '138****8000', '2020-02-20', '2020-02-24'],
      ['李娜', `5103**********${ID2.slice(-4)}`, '0813-***1234', '2020-02-21', '2020-02-24'],
      ['王芳', `5103**********${ID3.slice(-4)}`, '139****5678', '2020-02-24', '2020-02-24'],
    ]);
  });

  it('the same ID number of the same enterprise updates; another enterprise registers the person separately', async () => {
    const { user, zone, admin, enterprise } = await setup();
    await upload(user.call, HEADER, [['张伟', ID1, '13800138000', '2020-02-20']], false);
    const again = await upload(user.call, HEADER, [['张伟', ID1, '13911112222', '2020-02-22'], ['李娜', ID2, '13800138001', '2020-02-22']], false);
    expect(again.json()).toMatchObject({ created: 1, updated: 1, errors: [] });
    expect(await countRows(t.deps.database, 'employment_registrations', zone.id)).toBe(2);
    const zhang = (await user.call({ method: 'GET', url: `/api/employment-registrations?q=${ID1}` })).json().items;
    expect(zhang.map((r: EmploymentRegistration) => [r.phoneMasked, r.returnedOn])).toEqual([['139****2222', '2020-02-22']]);
    // Staff register on behalf of an enterprise by its credit code; a missing code is named.
    const other = await makeEnterprise(t.services, zone);
    const staffHeader = [...HEADER, '企业统一社会信用代码'];
    const missing = await upload(admin.call, staffHeader, [['张伟', ID1, '13800138000', '2020-02-20', '']], false);
    expect(missing.json().errors).toEqual([{ row: 2, column: '企业统一社会信用代码', message: '请填写企业统一社会信用代码' }]);
    const unknown = await upload(admin.call, staffHeader, [['张伟', ID1, '13800138000', '2020-02-20', '91510300MA00000000']], false);
    expect(unknown.json().errors).toEqual([{ row: 2, column: '企业统一社会信用代码', message: '统一社会信用代码“91510300MA00000000”对应的企业不存在' }]);
    const byStaff = await upload(admin.call, staffHeader, [['张伟', ID1, '13800138000', '2020-02-20', other.creditCode], ['张伟', ID1, '13800138000', '2020-02-20', enterprise.creditCode]], false);
    expect(byStaff.json()).toMatchObject({ created: 1, updated: 1, errors: [] });
    expect(await countRows(t.deps.database, 'employment_registrations', zone.id)).toBe(3);
    // An enterprise user cannot register for another enterprise.
    const foreign = await upload(user.call, staffHeader, [['王芳', ID3, '13800138000', '2020-02-20', other.creditCode]], false);
    expect(foreign.json().errors).toEqual([{ row: 2, column: '企业统一社会信用代码', message: '企业用户只能为本企业登记' }]);
  });

  it('gives a template with the columns, and refuses a sheet without them', async () => {
    const { user } = await setup();
    const res = await user.call({ method: 'GET', url: '/api/employment-registrations/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    const sheet = await xlsxResponse(res);
    expect(sheet.header).toEqual(['*姓名', '*居民身份证号', '*联系电话', '*返岗日期', '企业统一社会信用代码']);
    const noColumns = await upload(user.call, ['姓名'], [['张伟']], false);
    expect(noColumns.json().errors.map((e: { column: string }) => e.column)).toEqual(['居民身份证号', '联系电话', '返岗日期']);
  });
});

describe('personal data', () => {
  it('is encrypted at rest, masked in the export, found by exact ID or phone, and revealed only with a reason', async () => {
    const { user, labour, admin, zone } = await setup();
    await upload(user.call, HEADER, [['张伟', ID1, '13800138000', '2020-02-20'], ['李娜', ID2, '13911112222', '2020-02-21']], false);
    const raw = JSON.stringify(await t.deps.database.db.selectFrom('employment_registrations').selectAll().where('zone_id', '=', zone.id).execute());
    for (const secret of [ID1, ID2, '13800138000', '13911112222']) expect(raw.includes(secret), secret).toBe(false);
    const audit = JSON.stringify(await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).execute());
    for (const secret of [ID1, ID2, '13800138000', '13911112222']) expect(audit.includes(secret), secret).toBe(false);

    const find = async (q: string) => (await labour.call({ method: 'GET', url: `/api/employment-registrations?q=${encodeURIComponent(q)}` })).json().items.map((r: EmploymentRegistration) => r.name);
    expect(await find(ID2)).toEqual(['李娜']);
    expect(await find('139 1111 2222')).toEqual(['李娜']);
    expect(await find('张')).toEqual(['张伟']);
    // A part of an ID number finds nothing (only exact values have a blind index).
    expect(await find(ID2.slice(0, 10))).toEqual([]);
    const sheet = await xlsxResponse(await labour.call({ method: 'GET', url: '/api/employment-registrations/export.xlsx?sort=returnedOn:asc' }));
    expect(column(sheet, '居民身份证号')).toEqual([`5103**********${ID1.slice(-4)}`, `5103**********${ID2.slice(-4)}`]);
    expect(column(sheet, '联系电话')).toEqual(['138****8000', '139****2222']);
    expect(JSON.stringify(sheet)).not.toContain(ID1);
    expect(JSON.stringify(sheet)).not.toContain('13800138000');

    const id = (await labour.call({ method: 'GET', url: `/api/employment-registrations?q=${ID1}` })).json().items[0].id as string;
    expect((await labour.call({ method: 'POST', url: `/api/employment-registrations/${id}/actions/reveal`, payload: { reason: '核实返岗' } })).statusCode).toBe(403);
    const short = await admin.call({ method: 'POST', url: `/api/employment-registrations/${id}/actions/reveal`, payload: { reason: '看' } });
    expect(short.statusCode).toBe(400);
    const shown = await admin.call({ method: 'POST', url: `/api/employment-registrations/${id}/actions/reveal`, payload: { reason: '核实返岗人员身份' } });
    expect(shown.json()).toEqual({ idNumber: ID1, phone: '13800138000' });
    const record = await t.deps.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', 'employment_registration.reveal').execute();
    expect(record.map((r) => JSON.parse(r.after_json!))).toEqual([{ reason: '核实返岗人员身份' }]);
  });

  it('officers list the zone with filters; enterprise users see their own only', async () => {
    const { user, labour, zone, enterprise } = await setup();
    const other = await makeEnterprise(t.services, zone);
    const otherUser = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: other.id });
    await upload(user.call, HEADER, [['张伟', ID1, '13800138000', '2020-02-10']], false);
    await upload(otherUser.call, HEADER, [['李娜', ID2, '13911112222', '2020-02-21']], false);
    const names = async (c: Caller, q = '') => (await c.call({ method: 'GET', url: `/api/employment-registrations?sort=returnedOn:asc${q}` })).json().items.map((r: EmploymentRegistration) => r.name);
    expect(await names(labour)).toEqual(['张伟', '李娜']);
    expect(await names(labour, `&enterpriseId=${enterprise.id}`)).toEqual(['张伟']);
    expect(await names(labour, '&returnedFrom=2020-02-15')).toEqual(['李娜']);
    expect(await names(labour, '&returnedTo=2020-02-15')).toEqual(['张伟']);
    expect(await names(user)).toEqual(['张伟']);
    expect(await names(otherUser, `&q=${ID1}`)).toEqual([]);
    const theirId = (await otherUser.call({ method: 'GET', url: '/api/employment-registrations' })).json().items[0].id;
    expect((await user.call({ method: 'GET', url: `/api/employment-registrations/${theirId}` })).statusCode).toBe(404);
    expect((await labour.call({ method: 'GET', url: `/api/employment-registrations/${theirId}` })).json()).toMatchObject({ name: '李娜', enterpriseName: other.name });
    // Labour officers read but do not upload.
    expect((await upload(labour.call, HEADER, [['王芳', ID3, '13800138000', '2020-02-20']], false)).statusCode).toBe(403);
    expect((await t.services.servicesExtras.counts(zone.id, { from: '2020-02-24', to: '2020-02-24' })).employmentRegistrations).toBe(2);
    expect((await t.services.servicesExtras.counts(zone.id, { from: '2020-02-01', to: '2020-02-23' })).employmentRegistrations).toBe(0);
  });
});
