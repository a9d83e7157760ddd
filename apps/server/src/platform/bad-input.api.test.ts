// Bad input on every endpoint: malformed JSON, unknown fields, wrong types, over-long text,
// control characters, invalid ids in paths, broken uploads. Each is a 4xx whose message and
// details name the field, in zh-CN by default and en-US on request; nothing is half-written;
// never a 500. Routes are enumerated from the app where the case applies to all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, RouteOptions } from 'fastify';
import { makeTestApp, type TestApp } from '../test/harness.js';
import { HEALTHY, publicForm } from '../test/checkpoint-factories-2.js';
import { makeEnterprise, makePark, makeServiceItem, makeUser, newAdmin, validCreditCode, zoneSnapshot, type Caller, type TestZone } from '../test/factories.js';

let t: TestApp;
let admin: Caller & { zone: TestZone };
let ids: { park: string; user: string; enterprise: string; item: string };
beforeAll(async () => {
  t = await makeTestApp();
  admin = await newAdmin(t.app, t.services);
  const park = await makePark(t.services, admin.zone);
  const user = await makeUser(t.services, admin.zone, ['commissioner', 'inspector']);
  const enterprise = await makeEnterprise(t.services, admin.zone);
  const serviceItem = await makeServiceItem(t.services, admin.zone);
  ids = { park: park.id, user: user.id, enterprise: enterprise.id, item: serviceItem.id };
});
afterAll(async () => t.close());

const EN = { 'accept-language': 'en-US,en;q=0.8' };
/** A catalogue item the schema accepts, for cases that spoil one field. */
const item = () => ({ code: 'BAD-001', name: '事项', department: '税务局', category: 'tax', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 3 });
const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';
const apiRoutes = () =>
  t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
    .flatMap((r) => [r.method].flat().filter((m) => m !== 'HEAD').map((method) => ({ method: method as NonNullable<InjectOptions['method']>, url: r.url, route: r })));
/** A valid action of each route whose actions are not the applications' (`accept` otherwise). */
const ACTION_OF: Record<string, string> = {
  '/api/resumption/demands/:id/actions/:action': 'start',
  '/api/resumption/supplies/requests/:id/actions/:action': 'allocate',
  '/api/resumption/projects/:id/actions/:action': 'restart',
  '/api/resumption/plans/:id/actions/:action': 'submit',
  '/api/resumption/enterprises/:id/actions/:action': 'suspend',
  '/api/inspections/rounds/:id/actions/:action': 'close',
  '/api/inspections/tasks/:id/actions/:action': 'start',
  '/api/checkpoints/cases/:id/actions/:action': 'transfer',
};
/** A path with its parameters filled: `id` for ids, an ordinary day for dates, a valid action, material key and licence code. */
const concrete = (url: string, id = NO_SUCH_ID, date = '2020-03-16', code = 'NoSuchLicenceCode0123456789') =>
  url.replace(':id', id).replace(':jobId', id).replace(':materialId', id).replace(':fileId', id).replace(':date', date).replace(':action', ACTION_OF[url] ?? 'accept').replace(':key', 'form').replace(':code', code).replace(':version', '1').replace(':gridUnitId', id).replace(':token', code);
const hasBody = (r: RouteOptions) => Boolean((r.schema as { body?: unknown } | undefined)?.body);

describe('malformed JSON and bodies of the wrong shape', () => {
  it('every route taking a JSON body answers 400 bad_json to malformed JSON, in either language', async () => {
    const routes = apiRoutes().filter((r) => hasBody(r.route));
    expect(routes.length).toBeGreaterThanOrEqual(18);
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    for (const { method, url } of routes) {
      const res = await admin.call({ method, url: concrete(url), headers: { 'content-type': 'application/json' }, payload: '{"name": "半截' });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error, `${method} ${url}`).toEqual({ code: 'bad_json', message: '请求体不是有效的 JSON' });
    }
    const en = await admin.call({ method: 'POST', url: '/api/parks', headers: { 'content-type': 'application/json', ...EN }, payload: '{' });
    expect(en.json().error).toEqual({ code: 'bad_json', message: 'The request body is not valid JSON' });
    const empty = await admin.call({ method: 'POST', url: '/api/parks', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.json().error.code).toBe('bad_json');
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toEqual(before);
  });

  it('every route taking a JSON body names an unknown field, and refuses a body that is not an object', async () => {
    const routes = apiRoutes().filter((r) => hasBody(r.route));
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    for (const { method, url } of routes) {
      const res = await admin.call({ method, url: concrete(url), payload: { sneakyField: 1 } });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('validation');
      expect(error.message, `${method} ${url}`).toContain('不认识的字段：sneakyField');
      expect(error.details, `${method} ${url}`).toContainEqual({ path: '', message: '不认识的字段：sneakyField' });

      const list = await admin.call({ method, url: concrete(url), payload: [1, 2] as unknown as Record<string, unknown> });
      expect(list.statusCode, `${method} ${url}`).toBe(400);
      expect(list.json().error.details, `${method} ${url}`).toEqual([{ path: '', message: '类型应为对象' }]);
    }
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toEqual(before);
  });

  it('names fields of the wrong type', async () => {
    const cases: [string, Record<string, unknown>, { path: string; message: string }[]][] = [
      ['/api/parks', { name: '园', areaSqm: '100' }, [{ path: 'areaSqm', message: '类型应为数字' }]],
      ['/api/parks', { name: 123 }, [{ path: 'name', message: '类型应为文本' }]],
      ['/api/enterprises', { creditCode: validCreditCode(), name: '企', aboveScale: 'yes' }, [{ path: 'aboveScale', message: '类型应为是/否' }]],
      ['/api/enterprises', { creditCode: validCreditCode(), name: '企', employees: 1.5 }, [{ path: 'employees', message: '类型应为整数' }]],
      ['/api/enterprises', { creditCode: validCreditCode(), name: '企', industry: 'Z' }, [{ path: 'industry', message: expect.stringMatching(/^应为以下之一：A, B, C/) }]],
      ['/api/enterprises', { creditCode: validCreditCode(), name: '企', outputLastYearFen: -1 }, [{ path: 'outputLastYearFen', message: '不能小于 0' }]],
      ['/api/enterprises', { creditCode: validCreditCode(), name: '企', contactPhone: '12345' }, [{ path: 'contactPhone', message: '电话号码格式不正确' }]],
      ['/api/users', { username: 'ab', displayName: '人', roles: ['leader'] }, [{ path: 'username', message: '用户名为 3–64 位字母、数字、点、下划线或短横线' }]],
      ['/api/users', { username: 'abc.d', displayName: '人', roles: 'leader' }, [{ path: 'roles', message: '类型应为列表' }]],
      ['/api/users', { username: 'abc.d', displayName: '人', roles: [] }, [{ path: 'roles', message: '至少 1 项' }]],
      ['/api/teams', { kind: 'boss_group', name: '队' }, [{ path: 'kind', message: '应为以下之一：leading_group, working_group, service_team, inspection_team, task_force' }]],
      ['/api/teams', { kind: 'task_force', name: '队', memberIds: ['x'] }, [{ path: 'memberIds.0', message: '应为有效的编号（UUID）' }]],
      ['/api/assignments', { kind: 'park_inspector', userId: 'u', targetId: NO_SUCH_ID }, [{ path: 'userId', message: '应为有效的编号（UUID）' }]],
      ['/api/grid-units', { code: 'X', name: '格' }, [{ path: 'parentId', message: '必填' }]],
      ['/api/service-items', { ...item(), legalDays: '15' }, [{ path: 'legalDays', message: '类型应为数字' }]],
      ['/api/service-items', { ...item(), promisedDays: 1.5 }, [{ path: 'promisedDays', message: '类型应为整数' }]],
      ['/api/service-items', { ...item(), category: 'food' }, [{ path: 'category', message: expect.stringMatching(/^应为以下之一：enterprise_establishment, change_registration, /) }]],
      ['/api/service-items', { ...item(), applicantTypes: ['robot'] }, [{ path: 'applicantTypes.0', message: '应为以下之一：enterprise, person' }]],
      ['/api/service-items', { ...item(), materials: [{ key: 'm1', name: '书', required: 'yes', fileTypes: ['pdf'] }] }, [{ path: 'materials.0.required', message: '类型应为是/否' }]],
      ['/api/service-items', { ...item(), materials: [{ key: 'm1', name: '书', required: true, fileTypes: ['exe'] }] }, [{ path: 'materials.0.fileTypes.0', message: '应为以下之一：pdf, jpeg, png, xlsx, docx' }]],
      ['/api/service-items', { ...item(), materials: [{ key: 'm1', name: '书', required: true, fileTypes: ['pdf'], templateFileId: 'f1' }] }, [{ path: 'materials.0.templateFileId', message: '应为有效的编号（UUID）' }]],
      ['/api/service-items', { ...item(), fields: [{ key: 'f', label: '字段', type: 'colour', required: true }] }, [{ path: 'fields.0.type', message: '应为以下之一：text, number, date, select, checkbox' }]],
      ['/api/calendar/actions/load-national', { year: '2019' }, [{ path: 'year', message: '应为以下之一：2020' }]],
      ['/api/appointment-slots', { itemId: ids.item, window: '1号窗口', date: '2020-02-25', halfDay: 'noon', capacity: 5 }, [{ path: 'halfDay', message: '应为以下之一：am, pm' }]],
      ['/api/appointment-slots', { itemId: ids.item, window: '1号窗口', date: '2020-02-25', halfDay: 'am', capacity: 0 }, [{ path: 'capacity', message: '不能小于 1' }]],
      ['/api/appointment-slots/bulk', { itemId: ids.item, window: '1号窗口', from: '2020-02-25', to: '2020-02-26', capacity: '5' }, [{ path: 'capacity', message: '类型应为数字' }]],
      ['/api/appointments', { slotId: 'x', contactName: '王', contactPhone: '12345' }, [{ path: 'slotId', message: '应为有效的编号（UUID）' }, { path: 'contactPhone', message: '电话号码格式不正确' }]],
      ['/api/consultations', { title: '标题', question: 42 }, [{ path: 'question', message: '类型应为文本' }]],
      ['/api/agency-cases', { projectName: '项目', enterpriseId: ids.enterprise, investmentFen: 1.5, agentId: ids.user }, [{ path: 'investmentFen', message: '类型应为整数' }]],
      ['/api/calendar/actions/load-national', { year: '2020', extendedSpringFestival: 'yes' }, [{ path: 'extendedSpringFestival', message: '类型应为是/否' }]],
      ['/api/applications', { itemId: 'x', applicant: { name: '甲', phone: '13812345678' } }, [{ path: 'itemId', message: '应为有效的编号（UUID）' }]],
      ['/api/applications', { itemId: NO_SUCH_ID, applicant: { name: '甲', phone: '12345' } }, [{ path: 'applicant.phone', message: '电话号码格式不正确' }]],
      ['/api/applications', { itemId: NO_SUCH_ID, applicant: { name: '甲', phone: '13812345678', idNumber: '510302199001010010' } }, [{ path: 'applicant.idNumber', message: '居民身份证号码无效（18 位，校验位按 GB 11643 计算）' }]],
      ['/api/applications', { itemId: NO_SUCH_ID, applicant: { name: '甲', phone: '13812345678' }, channel: 'fax' }, [{ path: 'channel', message: '应为以下之一：online, counter, mail' }]],
      ['/api/applications', { itemId: NO_SUCH_ID, applicant: { name: '甲', phone: '13812345678' }, form: { purpose: { nested: 1 } } }, [{ path: 'form.purpose', message: expect.any(String) }]],
      ['/api/applications/actions/accept', { ids: [] }, [{ path: 'ids', message: '至少 1 项' }]],
      ['/api/applications/actions/accept', { ids: ['x'] }, [{ path: 'ids.0', message: '应为有效的编号（UUID）' }]],
      [`/api/applications/${NO_SUCH_ID}/actions/request_correction`, { corrections: [{ target: 'page', key: 'form', comment: '请补' }] }, [{ path: 'corrections.0.target', message: '应为以下之一：material, field' }]],
      [`/api/applications/${NO_SUCH_ID}/actions/submit`, { eSign: 'yes' }, [{ path: 'eSign', message: '类型应为是/否' }]],
      ['/api/public/applications/lookup', { number: 'SV-1', phoneLast4: '5678' }, [{ path: 'number', message: '办件编号格式应为 SV-YYYYMMDD-NNNNNN' }]],
      ['/api/public/applications/lookup', { number: 'SV-20200224-000001', phoneLast4: '12a4' }, [{ path: 'phoneLast4', message: '请输入手机号码后 4 位数字' }]],
      ['/api/resumption/demands', { enterpriseId: ids.enterprise, category: 'weather', title: '诉求', description: '描述' }, [{ path: 'category', message: '应为以下之一：labour, supplies, funding, logistics, materials, policy, approval, other' }]],
      ['/api/resumption/demands', { enterpriseId: ids.enterprise, category: 'labour', title: '诉求', description: '描述', dueAt: -1 }, [{ path: 'dueAt', message: '不能小于 0' }]],
      ['/api/resumption/visits', { enterpriseId: ids.enterprise, visitDate: '2020-02-30', content: '内容' }, [{ path: 'visitDate', message: '应为日期，格式 YYYY-MM-DD' }]],
      ['/api/resumption/visits', { enterpriseId: ids.enterprise, visitDate: '2020-02-20', content: '内容', problems: [{ category: 'labour', title: '缺工' }] }, [{ path: 'problems.0.description', message: '必填' }]],
      ['/api/resumption/supplies/items', { name: '口罩', unit: '' }, [{ path: 'unit', message: '必填' }]],
      ['/api/resumption/supplies/requests', { itemId: NO_SUCH_ID, quantity: 0, reason: '需要' }, [{ path: 'quantity', message: '不能小于 1' }]],
      ['/api/resumption/projects', { name: '项目', investmentFen: 1.5 }, [{ path: 'investmentFen', message: '类型应为整数' }]],
      [`/api/resumption/projects/${NO_SUCH_ID}/actions/restart`, { date: '2020-13-01' }, [{ path: 'date', message: '应为日期，格式 YYYY-MM-DD' }]],
      [`/api/resumption/supplies/requests/${NO_SUCH_ID}/actions/allocate`, { quantity: -3 }, [{ path: 'quantity', message: '不能小于 1' }]],
      ['/api/resumption/plans', { employeesTotal: '100' }, [{ path: 'employeesTotal', message: '类型应为数字' }]],
      ['/api/resumption/plans', { masks: -1, suppliesDays: 366 }, [{ path: 'masks', message: '不能小于 0' }, { path: 'suppliesDays', message: '不能大于 365' }]],
      ['/api/resumption/plans', { measures: ['dancing'] }, [{ path: 'measures.0', message: '应为以下之一：temperatureChecks, staggeredCanteen, shuttleBuses, isolationRoom, cleaningSchedule, emergencyPlan' }]],
      ['/api/resumption/plans', { fiveInPlace: { specialMeeting: { date: '2020-02-30' } } }, [{ path: 'fiveInPlace.specialMeeting.date', message: '应为日期，格式 YYYY-MM-DD' }]],
      ['/api/resumption/plans', { contactPhone: '12345' }, [{ path: 'contactPhone', message: '电话号码格式不正确' }]],
      [`/api/resumption/plans/${NO_SUCH_ID}/actions/approve`, { conditions: '附条件' }, [{ path: 'conditions', message: '类型应为列表' }]],
      [`/api/resumption/plans/${NO_SUCH_ID}/site-checks`, { checkDate: '2020-02-24', findings: '检查', passed: 'yes' }, [{ path: 'passed', message: '类型应为是/否' }]],
      [`/api/resumption/enterprises/${NO_SUCH_ID}/actions/suspend`, { reason: '停工', date: '2020-02-30' }, [{ path: 'date', message: '应为日期，格式 YYYY-MM-DD' }]],
      ['/api/inspections/templates', { name: '规范', items: [{ key: 'gate', place: 'roof', title: '检查', kind: 'check' }] }, [{ path: 'items.0.place', message: '应为以下之一：entrance, building, enterprise, inner' }]],
      ['/api/inspections/templates', { name: '规范', items: [] }, [{ path: 'items', message: '至少 1 项' }]],
      ['/api/inspections/templates', { name: '规范', items: [{ key: 'area', place: 'enterprise', title: '面积', kind: 'number', threshold: '2.5' }] }, [{ path: 'items.0.threshold', message: '类型应为数字' }]],
      [`/api/inspections/templates/${NO_SUCH_ID}/versions`, { items: [{ key: 'Gate', place: 'entrance', title: '检查', kind: 'check' }] }, [{ path: 'items.0.key', message: '标识只能以字母开头，含字母、数字和下划线' }]],
      ['/api/inspections/rounds', { name: '批次', roundDate: '2020-02-30', templateId: NO_SUCH_ID, parkIds: [ids.park] }, [{ path: 'roundDate', message: '应为日期，格式 YYYY-MM-DD' }]],
      ['/api/inspections/rounds', { name: '批次', roundDate: '2020-02-26', templateId: NO_SUCH_ID, parkIds: [] }, [{ path: 'parkIds', message: '至少 1 项' }]],
      [`/api/inspections/tasks/${NO_SUCH_ID}/places`, { place: 'roof' }, [{ path: 'place', message: '应为以下之一：entrance, building, enterprise, inner' }]],
      [`/api/inspections/tasks/${NO_SUCH_ID}/actions/submit`, { version: 0 }, [{ path: 'version', message: '不能小于 1' }]],
      [`/api/inspections/findings/${NO_SUCH_ID}/actions/close`, { note: '已整改', afterPhotoFileIds: [] }, [{ path: 'afterPhotoFileIds', message: '至少 1 项' }]],
      [`/api/inspections/findings/${NO_SUCH_ID}/actions/raise-demand`, { category: 'weather', title: '诉求', description: '描述' }, [{ path: 'category', message: '应为以下之一：labour, supplies, funding, logistics, materials, policy, approval, other' }]],
      [`/api/inspections/tasks/${NO_SUCH_ID}/follow-up`, { note: '回访', close: 'yes' }, [{ path: 'close', message: '类型应为是/否' }]],
      ['/api/inspections/census', { parkId: ids.park, censusDate: '2020-02-24', enterprises: 1.5, employees: 0, staffLeft: 0, staffReturned: 0, enterprisesResumed: 0 }, [{ path: 'enterprises', message: '类型应为整数' }]],
      ['/api/checkpoints/trace', { by: 'idNumber', value: '510302', from: '2020-02-20', to: '2020-02-24', reason: '流调排查', windowMinutes: '30' }, [{ path: 'windowMinutes', message: '类型应为数字' }]],
      ['/api/checkpoints/trace', { by: 'name', value: '张三', from: '2020-02-20', to: '2020-02-24', reason: '流调排查' }, [{ path: 'by', message: '应为以下之一：idNumber, phone, plate' }]],
      ['/api/checkpoints/trace/export.xlsx', { by: 'phone', value: '13800138000', from: '2020-02-30', to: '2020-03-02', reason: '流调排查' }, [{ path: 'from', message: '应为日期，格式 YYYY-MM-DD' }]],
      ['/api/checkpoints', { name: '卡口', kind: 'airport' }, [{ path: 'kind', message: '应为以下之一：highway_exit, city_road, park_gate, building_gate, community_gate, mobile_team' }]],
      [`/api/checkpoints/${NO_SUCH_ID}/actions/status`, { status: 'open', reason: '重新启用' }, [{ path: 'status', message: '应为以下之一：active, service_point, closed' }]],
      ['/api/checkpoints/passes', { buildingId: NO_SUCH_ID, floor: 1.5, holderName: '甲', idKind: 'passport', idNumber: 'E12345678', phone: '13800138000' }, [{ path: 'floor', message: '类型应为整数' }]],
      ['/api/checkpoints/passes', { buildingId: NO_SUCH_ID, floor: 1, holderName: '甲', idKind: 'passport', idNumber: 'E12345678', phone: '13800138000', validUntil: '2020-02-30' }, [{ path: 'validUntil', message: '应为日期，格式 YYYY-MM-DD' }]],
      ['/api/public/checkpoints/NoSuchToken0123456789/registrations', publicForm({ plate: '川C1234' }), [{ path: 'plate', message: '车牌号格式不正确（如 川C12345，新能源 川CD12345）' }]],
      ['/api/public/checkpoints/NoSuchToken0123456789/registrations', publicForm({ idNumber: '510302199001010010' }), [{ path: 'idNumber', message: '居民身份证号码无效（18 位，校验位按 GB 11643 计算）' }]],
      ['/api/public/checkpoints/NoSuchToken0123456789/registrations', publicForm({ health: { ...HEALTHY, fever: 'no' } }), [{ path: 'health.fever', message: '类型应为是/否' }]],
      [`/api/checkpoints/${NO_SUCH_ID}/registrations`, publicForm({ temperature: '38' }), [{ path: 'temperature', message: '类型应为数字' }]],
      [`/api/checkpoints/${NO_SUCH_ID}/registrations`, { repeatOf: NO_SUCH_ID, direction: 'in', health: HEALTHY, passengers: [{ name: '乙', idKind: 'passport', idNumber: 'E1' }] }, [{ path: 'passengers.0.idNumber', message: '证件号码应为 5–20 位字母或数字' }]],
      [`/api/checkpoints/${NO_SUCH_ID}/actions/scan`, { code: 'NoSuchPassToken0123456789', direction: 'sideways' }, [{ path: 'direction', message: '应为以下之一：in, out' }]],
      [`/api/checkpoints/registrations/${NO_SUCH_ID}/actions/temperature`, { temperature: '38.5' }, [{ path: 'temperature', message: '类型应为数字' }]],
      [`/api/checkpoints/registrations/${NO_SUCH_ID}/actions/reveal`, { field: 'name', reason: '核实身份' }, [{ path: 'field', message: '应为以下之一：idNumber, phone' }]],
      [`/api/checkpoints/cases/${NO_SUCH_ID}/actions/result`, { outcome: 'cured' }, [{ path: 'outcome', message: '应为以下之一：cleared, home_observation, isolated, hospitalised, other' }]],
      [`/api/checkpoints/cases/${NO_SUCH_ID}/actions/reveal`, { field: 'idNumber', reason: 12 }, [{ path: 'reason', message: '类型应为文本' }]],
    ];
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    for (const [url, payload, details] of cases) {
      const res = await admin.call({ method: 'POST', url, payload });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().error.details, `${url} ${JSON.stringify(payload)}`).toEqual(details);
      expect(res.json().error.message).toContain(`${details[0]!.path}: `);
    }
    const en = await admin.call({ method: 'POST', url: '/api/parks', headers: EN, payload: { name: '园', areaSqm: '100' } });
    expect(en.json().error.message).toBe('Invalid request: areaSqm: must be a number');
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toEqual(before);
  });
});

describe('text too long or unprintable', () => {
  const long = (n: number) => '长'.repeat(n);
  const cases: [InjectOptions['method'], () => string, () => Record<string, unknown>, string, number][] = [
    ['POST', () => '/api/parks', () => ({ name: long(101) }), 'name', 100],
    ['POST', () => '/api/parks', () => ({ name: '园', address: long(201) }), 'address', 200],
    ['PATCH', () => `/api/parks/${ids.park}`, () => ({ name: long(101) }), 'name', 100],
    ['POST', () => '/api/buildings', () => ({ parkId: ids.park, name: long(101) }), 'name', 100],
    ['POST', () => '/api/grid-units', () => ({ parentId: null, code: 'LONG', name: long(101) }), 'name', 100],
    ['POST', () => '/api/users', () => ({ username: 'long.name', displayName: long(101), roles: ['leader'] }), 'displayName', 100],
    ['PATCH', () => `/api/users/${ids.user}`, () => ({ displayName: long(101) }), 'displayName', 100],
    ['POST', () => '/api/teams', () => ({ kind: 'task_force', name: long(101) }), 'name', 100],
    ['POST', () => '/api/teams', () => ({ kind: 'task_force', name: '队', duties: long(501) }), 'duties', 500],
    ['POST', () => '/api/assignments', () => ({ kind: 'park_inspector', userId: ids.user, targetId: ids.park, note: long(201) }), 'note', 200],
    ['POST', () => '/api/enterprises', () => ({ creditCode: validCreditCode(), name: long(101) }), 'name', 100],
    ['PATCH', () => `/api/enterprises/${ids.enterprise}`, () => ({ legalRepresentative: long(51) }), 'legalRepresentative', 50],
    ['POST', () => `/api/enterprises/${ids.enterprise}/actions/reveal-phone`, () => ({ reason: long(201) }), 'reason', 200],
    ['POST', () => '/api/service-items', () => ({ ...item(), name: long(101) }), 'name', 100],
    ['POST', () => '/api/service-items', () => ({ ...item(), licenceName: long(51) }), 'licenceName', 50],
    ['POST', () => '/api/service-items', () => ({ ...item(), guide: long(20_001) }), 'guide', 20_000],
    ['POST', () => '/api/service-items', () => ({ ...item(), materials: [{ key: 'm1', name: long(101), required: true, fileTypes: ['pdf'] }] }), 'materials.0.name', 100],
    ['POST', () => '/api/service-items', () => ({ ...item(), materials: [{ key: 'm1', name: '书', required: true, fileTypes: ['pdf'], note: long(201) }] }), 'materials.0.note', 200],
    ['POST', () => '/api/service-items', () => ({ ...item(), fields: [{ key: 'f', label: '字段', type: 'select', required: true, options: ['短', long(51)] }] }), 'fields.0.options.1', 50],
    ['PATCH', () => `/api/service-items/${ids.item}`, () => ({ department: long(101) }), 'department', 100],
    ['PUT', () => '/api/calendar/days/2020-03-16', () => ({ kind: 'holiday', name: long(41) }), 'name', 40],
    ['POST', () => '/api/applications', () => ({ itemId: ids.item, applicant: { name: long(101), phone: '13812345678' } }), 'applicant.name', 100],
    ['POST', () => '/api/applications', () => ({ itemId: ids.item, applicant: { name: '甲', phone: '13812345678' }, mailAddress: long(201) }), 'mailAddress', 200],
    ['POST', () => `/api/applications/${NO_SUCH_ID}/actions/refuse`, () => ({ reason: long(1001) }), 'reason', 1000],
    ['POST', () => `/api/applications/${NO_SUCH_ID}/actions/request_correction`, () => ({ corrections: [{ target: 'field', key: 'purpose', comment: long(501) }] }), 'corrections.0.comment', 500],
    ['POST', () => `/api/licences/${NO_SUCH_ID}/actions/revoke`, () => ({ reason: long(501) }), 'reason', 500],
    ['POST', () => '/api/appointment-slots', () => ({ itemId: ids.item, window: long(31), date: '2020-02-25', halfDay: 'am', capacity: 5 }), 'window', 30],
    ['POST', () => '/api/appointments', () => ({ slotId: ids.item, contactName: '王强', contactPhone: '13800138000', note: long(201) }), 'note', 200],
    ['POST', () => '/api/consultations', () => ({ title: long(101), question: '问题？' }), 'title', 100],
    ['POST', () => '/api/consultations', () => ({ title: '标题', question: long(2001) }), 'question', 2000],
    ['POST', () => '/api/agency-cases', () => ({ projectName: long(101), enterpriseId: ids.enterprise, investmentFen: 1, agentId: ids.user }), 'projectName', 100],
    ['PATCH', () => `/api/agency-cases/${ids.item}/stages`, () => ({ stage: 'production', note: long(501) }), 'note', 500],
    ['POST', () => '/api/resumption/demands', () => ({ enterpriseId: ids.enterprise, category: 'labour', title: '诉求', description: long(2001) }), 'description', 2000],
    ['POST', () => '/api/resumption/visits', () => ({ enterpriseId: ids.enterprise, visitDate: '2020-02-20', content: '内容', policiesExplained: long(1001) }), 'policiesExplained', 1000],
    ['POST', () => `/api/resumption/demands/${NO_SUCH_ID}/actions/resolve`, () => ({ resolution: long(2001) }), 'resolution', 2000],
    ['POST', () => '/api/resumption/projects', () => ({ name: long(101), investmentFen: 1 }), 'name', 100],
    ['PATCH', () => `/api/resumption/plans/${NO_SUCH_ID}`, () => ({ measuresNote: long(2001) }), 'measuresNote', 2000],
    ['POST', () => `/api/resumption/plans/${NO_SUCH_ID}/actions/return`, () => ({ reason: long(1001) }), 'reason', 1000],
    ['POST', () => `/api/resumption/enterprises/${NO_SUCH_ID}/actions/suspend`, () => ({ reason: long(1001) }), 'reason', 1000],
    ['PUT', () => '/api/resumption/daily-reports', () => ({ reportDate: '2020-02-24', staffOnSite: 1, capacityPct: 1, suppliesDaysLeft: 1, abnormalTemperature: 0, note: long(1001) }), 'note', 1000],
    ['POST', () => '/api/inspections/templates', () => ({ name: long(101), items: [{ key: 'gate', place: 'entrance', title: '检查', kind: 'check' }] }), 'name', 100],
    ['POST', () => '/api/inspections/templates', () => ({ name: '规范', items: [{ key: 'gate', place: 'entrance', title: long(201), kind: 'check' }] }), 'items.0.title', 200],
    ['POST', () => '/api/inspections/rounds', () => ({ name: long(101), roundDate: '2020-02-26', templateId: NO_SUCH_ID, parkIds: [ids.park] }), 'name', 100],
    ['PUT', () => `/api/inspections/tasks/${NO_SUCH_ID}/answers`, () => ({ placeId: NO_SUCH_ID, itemKey: 'gate', result: 'fail', note: long(1001) }), 'note', 1000],
    ['PUT', () => `/api/inspections/tasks/${NO_SUCH_ID}/answers`, () => ({ placeId: NO_SUCH_ID, itemKey: 'gate', result: 'fail', finding: { disposition: 'ledger', description: long(1001) } }), 'finding.description', 1000],
    ['POST', () => `/api/inspections/findings/${NO_SUCH_ID}/actions/close`, () => ({ note: long(1001), afterPhotoFileIds: [NO_SUCH_ID] }), 'note', 1000],
    ['POST', () => '/api/checkpoints/trace', () => ({ by: 'idNumber', value: '510302', from: '2020-02-20', to: '2020-02-24', reason: long(201) }), 'reason', 200],
    ['POST', () => '/api/checkpoints/trace', () => ({ by: 'phone', value: '1'.repeat(31), from: '2020-02-20', to: '2020-02-24', reason: '流调排查' }), 'value', 30],
    ['POST', () => '/api/checkpoints', () => ({ name: '卡口', kind: 'city_road', location: long(201) }), 'location', 200],
    ['POST', () => `/api/checkpoints/passes/${NO_SUCH_ID}/actions/revoke`, () => ({ reason: long(201) }), 'reason', 200],
    ['PUT', () => `/api/checkpoints/risk/${NO_SUCH_ID}`, () => ({ level: 'high', controlClass: 'closed', measures: long(1001), reason: '定级' }), 'measures', 1000],
    ['POST', () => '/api/public/checkpoints/NoSuchToken0123456789/registrations', () => publicForm({ destination: long(101) }), 'destination', 100],
    ['POST', () => `/api/checkpoints/${NO_SUCH_ID}/registrations`, () => publicForm({ name: long(51) }), 'name', 50],
    ['POST', () => `/api/checkpoints/registrations/${NO_SUCH_ID}/actions/reveal`, () => ({ field: 'phone', reason: long(201) }), 'reason', 200],
    ['POST', () => `/api/checkpoints/cases/${NO_SUCH_ID}/actions/transfer`, () => ({ clinic: long(101) }), 'clinic', 100],
    ['POST', () => `/api/checkpoints/cases/${NO_SUCH_ID}/actions/close`, () => ({ outcome: 'cleared', note: long(501) }), 'note', 500],
    ['POST', () => `/api/inspections/tasks/${NO_SUCH_ID}/follow-up`, () => ({ note: long(1001) }), 'note', 1000],
    ['PATCH', () => `/api/inspections/tasks/${NO_SUCH_ID}`, () => ({ policiesExplained: long(2001) }), 'policiesExplained', 2000],
    ['POST', () => '/api/inspections/census', () => ({ parkId: ids.park, censusDate: '2020-02-24', enterprises: 0, employees: 0, staffLeft: 0, staffReturned: 0, enterprisesResumed: 0, difficulties: long(2001) }), 'difficulties', 2000],
  ];

  it('is refused with 400 whose message and details name the field, and nothing changes', async () => {
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    for (const [method, url, payload, field, max] of cases) {
      const res = await admin.call({ method, url: url(), payload: payload() });
      const what = `${method} ${url()} ${field}`;
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error, what).toEqual({ code: 'validation', message: `请求参数有误：${field}: 不能超过 ${max} 个字符`, details: [{ path: field, message: `不能超过 ${max} 个字符` }] });
    }
    const en = await admin.call({ method: 'POST', url: '/api/parks', headers: EN, payload: { name: long(101) } });
    expect(en.json().error).toEqual({ code: 'validation', message: 'Invalid request: name: must be at most 100 characters', details: [{ path: 'name', message: 'must be at most 100 characters' }] });
    // 100 characters exactly is fine.
    expect((await admin.call({ method: 'POST', url: '/api/parks', payload: { name: long(100) } })).statusCode).toBe(201);
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toMatchObject({ ...before, parks: before.parks + 1, audit_log: before.audit_log + 1 });
  });

  it('with a NUL or other control character is refused naming the field, in bodies and queries alike', async () => {
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    const body = async (url: string, payload: Record<string, unknown>, method: InjectOptions['method'] = 'POST') => (await admin.call({ method, url, payload })).json().error;
    expect((await body('/api/service-items', { ...item(), materials: [{ key: 'm1', name: '申请\u0000书', required: true, fileTypes: ['pdf'] }] })).details).toEqual([
      { path: 'materials.0.name', message: '不能包含控制字符（如空字符）' },
    ]);
    expect((await body('/api/calendar/days/2020-03-16', { kind: 'holiday', name: '假\u0000日' }, 'PUT')).details).toEqual([{ path: 'name', message: '不能包含控制字符（如空字符）' }]);
    expect(await body('/api/parks', { name: '零\u0000字节' })).toEqual({ code: 'validation', message: '请求参数有误：name: 不能包含控制字符（如空字符）', details: [{ path: 'name', message: '不能包含控制字符（如空字符）' }] });
    expect((await body('/api/teams', { kind: 'task_force', name: '队', duties: '一\u0007二' })).details).toEqual([{ path: 'duties', message: '不能包含控制字符（如空字符）' }]);
    expect((await body('/api/auth/login', { username: 'x\u0000', password: 'y' })).details).toEqual([{ path: 'username', message: '不能包含控制字符（如空字符）' }]);
    for (const url of ['/api/parks?q=a%00b', '/api/enterprises?q=%00', '/api/audit?action=park%00', '/api/users?q=%1B', '/api/service-items?q=%00']) {
      const res = await admin.call({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toMatch(/^请求参数有误：(q|action): 不能包含控制字符/);
    }
    // Tabs and line breaks are text.
    expect((await admin.call({ method: 'POST', url: '/api/teams', payload: { kind: 'task_force', name: '多行队', duties: '一\n二\t三' } })).statusCode).toBe(201);
    const en = await admin.call({ method: 'POST', url: '/api/parks', headers: EN, payload: { name: '\u0000' } });
    expect(en.json().error.details).toEqual([{ path: 'name', message: 'must not contain control characters (such as NUL)' }]);
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toMatchObject({ ...before, teams: before.teams + 1, team_members: before.team_members, audit_log: before.audit_log + 1 });
  });
});

describe('ids in paths and queries', () => {
  it('an invalid uuid or date in any path is a 400 naming it', async () => {
    const routes = apiRoutes().filter((r) => r.url.includes('/:'));
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const { method, url, route } of routes) {
      for (const badDate of ['2020-02-30', '20200316', 'today']) {
        const res = await admin.call({ method, url: concrete(url, 'not-a-uuid', badDate, 'bad!code'), ...(hasBody(route) ? { payload: {} } : {}) });
        const [param, message] = url.includes(':jobId')
          ? ['jobId', '应为有效的编号（UUID）']
          : url.includes(':date')
            ? ['date', '应为日期，格式 YYYY-MM-DD']
            : url.includes(':code')
              ? ['code', '核验码格式不正确']
              : url.includes(':token')
                ? ['token', '二维码无效']
                : url.includes(':gridUnitId')
                  ? ['gridUnitId', '应为有效的编号（UUID）']
                  : ['id', '应为有效的编号（UUID）'];
        expect(res.statusCode, `${method} ${url}`).toBe(400);
        expect(res.json().error.details, `${method} ${url} ${badDate}`).toContainEqual({ path: param, message });
      }
    }
    const en = await admin.call({ method: 'GET', url: '/api/parks/123', headers: EN });
    expect(en.json().error.message).toBe('Invalid request: id: must be a valid id (UUID)');
    const day = await admin.call({ method: 'DELETE', url: '/api/calendar/days/2021-02-29', headers: EN });
    expect(day.json().error.message).toBe('Invalid request: date: must be a date as YYYY-MM-DD');
  });

  it('query parameters out of range, unknown or malformed are named', async () => {
    const cases: [string, string][] = [
      ['/api/parks?page=0', 'page: 不能小于 1'],
      ['/api/parks?pageSize=201', 'pageSize: 不能大于 200'],
      ['/api/parks?page=abc', 'page: 类型应为数字'],
      ['/api/parks?color=red', '不认识的字段：color'],
      ['/api/enterprises?tier=huge', 'tier: 应为以下之一：ten_billion, billion, hundred_million, other'],
      ['/api/enterprises?aboveScale=maybe', 'aboveScale: 应为以下之一：'],
      ['/api/enterprises?parkId=123', 'parkId: 应为有效的编号（UUID）'],
      ['/api/enterprises?q=' + '长'.repeat(101), 'q: 不能超过 100 个字符'],
      ['/api/audit?from=-1', 'from: 不能小于 0'],
      ['/api/grid-units?level=planet', 'level: 应为以下之一：zone, street, community, group'],
      ['/api/enterprises/import?dryRun=perhaps', 'dryRun: 应为以下之一：'],
      ['/api/enterprises/export.xlsx?lang=fr', 'lang: 应为以下之一：zh-CN, en-US'],
      ['/api/service-items?category=food', 'category: 应为以下之一：enterprise_establishment, '],
      ['/api/service-items?applicantType=robot', 'applicantType: 应为以下之一：enterprise, person'],
      ['/api/service-items?onlineEnabled=maybe', 'onlineEnabled: 应为以下之一：'],
      ['/api/service-items?sort=guide:asc', 'sort: 排序参数应为“字段:asc|desc”'],
      ['/api/service-items/export.xlsx?category=food', 'category: 应为以下之一：'],
      ['/api/service-items/import?dryRun=perhaps', 'dryRun: 应为以下之一：'],
      ['/api/calendar?year=1999', 'year: 不能小于 2000'],
      ['/api/calendar?year=abc', 'year: 类型应为数字'],
      ['/api/calendar/due?from=2020-02-30&days=3', 'from: 应为日期，格式 YYYY-MM-DD'],
      ['/api/calendar/due?from=2020-02-03&days=-1', 'days: 不能小于 0'],
      ['/api/calendar/due?from=2020-02-03&days=1001', 'days: 不能大于 1000'],
      ['/api/files?purpose=avatar', 'purpose: 应为以下之一：service_template'],
      // Several statuses may be given comma-separated: the bad one is named by its place.
      ['/api/applications?status=lost', 'status.0: 应为以下之一：draft, submitted, '],
      ['/api/applications?status=accepted,lost', 'status.1: 应为以下之一：draft, submitted, '],
      ['/api/licences/export.xlsx?status=lost', 'status: 应为以下之一：valid, revoked'],
      ['/api/applications?due=later', 'due: 应为以下之一：overdue, today, soon'],
      ['/api/applications?sort=phone:asc', 'sort: 排序参数应为“字段:asc|desc”'],
      ['/api/applications?from=2020-02-30', 'from: 应为日期，格式 YYYY-MM-DD'],
      ['/api/applications/export.xlsx?channel=fax', 'channel: 应为以下之一：online, counter, mail'],
      ['/api/applications/materials.zip?open=perhaps', 'open: 应为以下之一：'],
      ['/api/licences?status=lost', 'status: 应为以下之一：valid, revoked'],
      ['/api/notifications?unread=maybe', 'unread: 应为以下之一：'],
      ['/api/services/stats?from=2020-03-01', 'to: 必填'],
      ['/api/services/stats?from=2020-03-10&to=2020-03-01', 'to: 结束日期不能早于开始日期'],
      ['/api/services/stats?from=2020-01-01&to=2023-01-01', 'to: 统计期间最长 731 天'],
      ['/api/services/stats/export.xlsx?from=2020-03-10&to=2020-03-01', 'to: 结束日期不能早于开始日期'],
      ['/api/resumption/stats?asOf=2020-02-30', 'asOf: 应为日期，格式 YYYY-MM-DD'],
      ['/api/resumption/stats?asOf=2999-01-01', 'asOf: 不能晚于今天'],
      ['/api/resumption/stats?asOf=1999-12-31', 'asOf: 不能早于 2000-01-01'],
      ['/api/resumption/stats.xlsx?asOf=2999-01-01', 'asOf: 不能晚于今天'],
      ['/api/resumption/workbench?commissionerId=123', 'commissionerId: 应为有效的编号（UUID）'],
      ['/api/resumption/plans?status=lost', 'status: 应为以下之一：draft, submitted, returned, approved, refused'],
      ['/api/resumption/plans?sort=contactPhone:asc', 'sort: 排序参数应为“字段:asc|desc”'],
      ['/api/resumption/plans/export.xlsx?overdue=maybe', 'overdue: 应为以下之一：'],
      ['/api/resumption/enterprises?asOf=2020-02-30', 'asOf: 应为日期，格式 YYYY-MM-DD'],
      ['/api/resumption/enterprises?asOf=2999-01-01', 'asOf: 不能晚于今天'],
      ['/api/resumption/enterprises/export.xlsx?tier=huge', 'tier: 应为以下之一：ten_billion, billion, hundred_million, other'],
      ['/api/resumption/daily-reports?abnormal=maybe', 'abnormal: 应为以下之一：'],
      ['/api/resumption/daily-reports/export.xlsx?from=2020-13-01', 'from: 应为日期，格式 YYYY-MM-DD'],
      ['/api/resumption/daily-reports/missing?date=2999-01-01', 'date: 不能晚于今天'],
      ['/api/inspections/tasks?status=done', 'status: 应为以下之一：pending, in_progress, submitted'],
      ['/api/inspections/tasks?sort=inspector:asc', 'sort: 排序参数应为“字段:asc|desc”'],
      ['/api/inspections/tasks?missed=maybe', 'missed: 应为以下之一：'],
      ['/api/inspections/tasks?dueDate=2020-02-30', 'dueDate: 应为日期，格式 YYYY-MM-DD'],
      ['/api/inspections/rounds?from=2020-02-30', 'from: 应为日期，格式 YYYY-MM-DD'],
      ['/api/inspections/rounds?status=paused', 'status: 应为以下之一：open, closed'],
      ['/api/inspections/parks?risk=extreme', 'risk: 应为以下之一：low, medium, high'],
      [`/api/inspections/templates/${NO_SUCH_ID}/export.xlsx?version=0`, 'version: 不能小于 1'],
      [`/api/inspections/templates/${NO_SUCH_ID}/import?dryRun=perhaps`, 'dryRun: 应为以下之一：'],
      ['/api/inspections/findings?status=lost', 'status: 应为以下之一：fixed_on_spot, open, closed'],
      ['/api/inspections/findings?itemKey=Bad-Key', 'itemKey: 标识只能以字母开头'],
      ['/api/inspections/findings/export.xlsx?overdue=maybe', 'overdue: 应为以下之一：'],
      ['/api/inspections/census?from=2020-02-30', 'from: 应为日期，格式 YYYY-MM-DD'],
      ['/api/inspections/census/prefill', 'parkId: 必填'],
      ['/api/inspections/stats?from=2020-03-10&to=2020-03-01', 'to: 结束日期不能早于开始日期'],
      ['/api/inspections/stats?from=2020-01-01&to=2021-01-01', 'to: 统计期间最长 366 天'],
      ['/api/inspections/stats.xlsx?from=2020-03-01', 'to: 必填'],
      ['/api/checkpoints/stats?from=2020-03-01', 'to: 必填'],
      ['/api/checkpoints/stats?from=2020-03-10&to=2020-03-01', 'to: 结束日期不能早于开始日期'],
      ['/api/checkpoints/stats?from=2020-01-01&to=2021-01-01', 'to: 统计期间最长 366 天'],
      ['/api/checkpoints/stats?from=2020-03-01&to=2020-03-02&checkpointId=123', 'checkpointId: 应为有效的编号（UUID）'],
      ['/api/checkpoints/stats.xlsx?from=2020-03-01&to=2020-03-32', 'to: 应为日期，格式 YYYY-MM-DD'],
      ['/api/checkpoints?risk=extreme', 'risk: 应为以下之一：low, medium, high'],
      ['/api/checkpoints?sort=token:asc', 'sort: 排序参数应为“字段:asc|desc”'],
      ['/api/checkpoints/export.xlsx?kind=airport', 'kind: 应为以下之一：highway_exit, '],
      ['/api/checkpoints/risk?risk=extreme', 'risk: 应为以下之一：low, medium, high'],
      ['/api/checkpoints/risk/export.xlsx?risk=purple', 'risk: 应为以下之一：low, medium, high'],
      ['/api/checkpoints/passes?status=lost', 'status: 应为以下之一：active, revoked'],
      ['/api/checkpoints/passes/export.xlsx?floor=two', 'floor: 类型应为数字'],
      ['/api/checkpoints/floor-colours', 'buildingId: 必填'],
      ['/api/checkpoints/registrations?result=blue', 'result: 应为以下之一：green, yellow, red'],
      ['/api/checkpoints/registrations/export.xlsx?from=2020-02-30', 'from: 应为日期，格式 YYYY-MM-DD'],
      ['/api/checkpoints/cases?status=lost', 'status: 应为以下之一：open, transferred, resulted, closed'],
      ['/api/checkpoints/cases/export.xlsx?reason=sneeze', 'reason: 应为以下之一：temperature, fever, cough, contact, high_risk_travel'],
      [`/api/checkpoints/${NO_SUCH_ID}/vehicles/recent?plate=ABC`, 'plate: 车牌号格式不正确'],
      ['/api/checkpoints/alerts/stream?since=1', '不认识的字段：since'],
    ];
    for (const [url, fragment] of cases) {
      const res = await admin.call({ method: url.includes('/import') || url.startsWith('/api/files') ? 'POST' : 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toContain(fragment);
    }
  });
});

describe('uploads', () => {
  const boundary = 'BoUnDaRy42';
  const mp = (payload: string, contentType = `multipart/form-data; boundary=${boundary}`) => ({ headers: { 'content-type': contentType }, payload });

  it('a cut-off multipart body, one without a boundary, or one without a file is a 400', async () => {
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    const cut = await admin.call({ method: 'POST', url: '/api/enterprises/import?dryRun=false', ...mp(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004abc`) });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toEqual({ code: 'bad_upload', message: '上传内容不完整或格式不正确' });
    const noBoundary = await admin.call({ method: 'POST', url: '/api/enterprises/import', ...mp('abc', 'multipart/form-data'), headers: { 'content-type': 'multipart/form-data', ...EN } });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error).toEqual({ code: 'bad_upload', message: 'The upload is incomplete or malformed' });
    const noFile = await admin.call({ method: 'POST', url: '/api/enterprises/import', ...mp(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`) });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details).toEqual([{ path: 'file', message: '必填' }]);
    // An inspection photo cut off half way, or sent as JSON.
    const photo = `/api/inspections/tasks/${NO_SUCH_ID}/photos`;
    const cutPhoto = await admin.call({ method: 'POST', url: photo, ...mp(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\u00ff\u00d8\u00ff abc`) });
    expect(cutPhoto.json().error.code).toBe('bad_upload');
    expect((await admin.call({ method: 'POST', url: photo, payload: { file: 'jpeg' } })).statusCode).toBe(415);
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toEqual(before);
  });

  it('the file store answers broken uploads the same way, and 415 to a body that is not multipart', async () => {
    const url = '/api/files?purpose=service_template';
    const before = await zoneSnapshot(t.deps.database, admin.zone.id);
    const cut = await admin.call({ method: 'POST', url, ...mp(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 abc`) });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toEqual({ code: 'bad_upload', message: '上传内容不完整或格式不正确' });
    const noFile = await admin.call({ method: 'POST', url, ...mp(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`) });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details).toEqual([{ path: 'file', message: '必填' }]);
    const json = await admin.call({ method: 'POST', url, payload: { file: '%PDF-1.4' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error).toEqual({ code: 'unsupported_media_type', message: '不支持的文件类型：application/json' });
    expect(await zoneSnapshot(t.deps.database, admin.zone.id)).toEqual(before);
  });

  it('a JSON body larger than the limit is a 413', async () => {
    const res = await admin.call({ method: 'POST', url: '/api/parks', payload: { name: '大', address: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'payload_too_large', message: '上传内容过大（上限 1 MB）' });
  });
});

describe('never a 500', () => {
  const bodies: { label: string; opts: Partial<InjectOptions> }[] = [
    { label: 'no body', opts: {} },
    { label: 'empty object', opts: { payload: {} } },
    { label: 'null', opts: { headers: { 'content-type': 'application/json' }, payload: 'null' } },
    { label: 'string', opts: { headers: { 'content-type': 'application/json' }, payload: '"text"' } },
    { label: 'deep array', opts: { headers: { 'content-type': 'application/json' }, payload: '['.repeat(3000) + ']'.repeat(3000) } },
    { label: 'operators', opts: { payload: { name: { $gt: '' }, id: { or: 1 }, parkId: ["' OR 1=1 --"] } } },
    { label: 'prototype', opts: { headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"admin":true},"name":"x"}' } },
    { label: 'huge numbers', opts: { payload: { name: '数', areaSqm: 1e308, floors: -1e308, outputLastYearFen: 2 ** 60, page: 1e20 } } },
    { label: 'text/plain', opts: { headers: { 'content-type': 'text/plain' }, payload: 'hello' } },
    { label: 'xml', opts: { headers: { 'content-type': 'application/xml' }, payload: '<a/>' } },
    { label: 'control chars', opts: { payload: { name: '\u0000\u0001', reason: '\u0000\u0000\u0000\u0000', username: '\u0000', password: '\u0000' } } },
  ];
  const queries = ['?page=-1&pageSize=0', '?sort=name;drop%20table:asc', '?q=%00', '?q=%E4%ZZ', '?page=1&page=2', "?q='%20OR%201=1--", '?from=abc&to=1e400', '?lang=xx'];

  it('for a body nested half a million levels deep (just under the 1 MB limit)', async () => {
    const n = 500_000;
    for (const inner of ['', '"\\u0000"']) {
      const res = await admin.call({ method: 'POST', url: '/api/parks', headers: { 'content-type': 'application/json' }, payload: `{"name":"深","address":${'['.repeat(n)}${inner}${']'.repeat(n)}}` });
      expect(res.statusCode, inner).toBe(400);
      expect(res.json().error.details[0].path, inner).toMatch(/^address/);
    }
  });

  it('on any route, whatever the body or query', async () => {
    const seen: string[] = [];
    for (const { method, url } of apiRoutes()) {
      if (url === '/api/auth/logout' || url === '/api/auth/change-password') continue; // would end the session the loop uses
      if (url === '/api/checkpoints/alerts/stream' && method === 'GET') continue; // an event stream never ends (its bad queries are above)
      for (const { label, opts } of bodies) {
        if (method === 'GET' && label !== 'no body') continue;
        const res = await admin.call({ method, url: concrete(url), ...opts } as InjectOptions);
        seen.push(`${method} ${url} ${label} → ${res.statusCode}`);
        expect(res.statusCode, `${method} ${url} with ${label}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code, `${method} ${url} with ${label}`).toEqual(expect.any(String));
      }
      if (method === 'GET') {
        for (const q of queries) {
          const res = await admin.call({ method, url: concrete(url) + q });
          expect(res.statusCode, `${method} ${url}${q}: ${res.body}`).toBeLessThan(500);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(150);
  });
});
