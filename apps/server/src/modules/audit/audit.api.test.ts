// The audit log: every write route leaves a record with actor, zone, action, entity, before/after,
// request id and IP; the log is filtered and exported by zone administrators only; secrets never
// reach it. A controllable clock pins the instants the from/to filters work on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ApplicationCreateInput, type AuditEntry } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import {
  makeAgencyCase, makeApplicationItem, makeBuilding, makeEmploymentRegistrations, makeEnterprise, makeGridUnit, makePark, makeServiceItem, makeSlot, makeTeam, makeUser, newAdmin, PASSWORD, rootGridUnit,
  serviceItemInput, signedInUser, signInAs, uniq, validCreditCode, validResidentId,
} from '../../test/factories.js';
import { pdfBytes, pngBytes } from '../../test/files.js';
import { makeDemand, makeProject, makeSupplyItem, makeSupplyRequest } from '../../test/demand-factories.js';
import { makeFiledEnterprise, makeResumedEnterprise } from '../../test/resumption-factories.js';
import { defaultItems, makeTask, makeTemplate, tinyJpeg } from '../../test/inspection-factories.js';
import { openLedgerFinding } from '../../test/inspection-factories-2.js';
import { makeCheckpoint, makePass } from '../../test/checkpoint-factories.js';
import { feverCase, postPublic, publicForm } from '../../test/checkpoint-factories-2.js';
import { column, multipart, xlsxOf, xlsxResponse } from '../../test/xlsx.js';
import { systemCtx } from '../../platform/context.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

// Steps well inside the two-hour idle limit of sessions.
const STEP = 30 * 60 * 1000;

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const park = await makePark(t.services, zone);
  const emptyPark = await makePark(t.services, zone);
  const importPark = await makePark(t.services, zone);
  const building = await makeBuilding(t.services, zone, park.id);
  const spareBuilding = await makeBuilding(t.services, zone, park.id);
  const root = await rootGridUnit(t.services, zone);
  const grid = await makeGridUnit(t.services, zone, root.id);
  const spareGrid = await makeGridUnit(t.services, zone, root.id);
  const enterprise = await makeEnterprise(t.services, zone, { contactPhone: '13812345678' });
  const staff = await makeUser(t.services, zone, ['commissioner', 'inspector']);
  const signer = await makeUser(t.services, zone, ['leader']);
  const team = await makeTeam(t.services, zone);
  const spareTeam = await makeTeam(t.services, zone);
  const assignment = await t.services.org.assignments.create(zone.ctx, { kind: 'park_inspector', userId: staff.id, targetId: park.id, isPrimary: true });
  const spareAssignment = await t.services.org.assignments.create(zone.ctx, { kind: 'grid_official', userId: staff.id, targetId: grid.id, isPrimary: true });
  const item = await makeServiceItem(t.services, zone);
  const spareItem = await makeServiceItem(t.services, zone);
  const zoneHoliday = (await t.services.calendar.setDay(zone.ctx, '2020-04-03', { kind: 'holiday', name: '区庆' })).date;
  const extras = await extrasFixture(zone, item.id, enterprise.creditCode);
  const apps = await applicationsFixture(zone, enterprise.id);
  return { ...admin, park, emptyPark, importPark, building, spareBuilding, root, grid, spareGrid, enterprise, staff, signer, team, spareTeam, assignment, spareAssignment, item, spareItem, zoneHoliday, extras, apps };
}

/** Appointments, consultations, agency cases and registrations in the states their write routes start from. */
async function extrasFixture(zone: Awaited<ReturnType<typeof newAdmin>>['zone'], itemId: string, creditCode: string) {
  const x = t.services.servicesExtras;
  const slot = await makeSlot(t.services, zone, { itemId, window: '1号窗口', date: '2020-02-25' });
  const spareSlot = await makeSlot(t.services, zone, { itemId, window: '2号窗口', date: '2020-02-25' });
  const closedSlot = await x.appointments.slotAction(zone.ctx, (await makeSlot(t.services, zone, { itemId, window: '3号窗口' })).id, 'close');
  const todaySlot = await makeSlot(t.services, zone, { itemId, window: '4号窗口', date: '2020-02-24', halfDay: 'pm' });
  const book = (slotId: string) => x.appointments.book(zone.ctx, { slotId, contactName: '王强', contactPhone: '13980001234' });
  const [toCancel, toCheckIn, toMiss] = [await book(slot.id), await book(todaySlot.id), await book(todaySlot.id)];
  const ask = () => x.consultations.ask(zone.ctx, { title: '复工备案', question: '复工需要备案吗？' });
  const open = await ask();
  const answered = await x.consultations.answer(zone.ctx, (await ask()).id, '需要，在平台填报即可。');
  const published = await x.consultations.publish(zone.ctx, (await x.consultations.answer(zone.ctx, (await ask()).id, '需要。')).id);
  const agencyCase = await makeAgencyCase(t.services, zone);
  const registered = (await makeEmploymentRegistrations(t.services, zone, creditCode, [{ name: '张伟', idNumber: validResidentId(1), phone: '13800138000', returnedOn: '2020-02-20' }])).items[0]!;
  return { slot, spareSlot, closedSlot, toCancel, toCheckIn, toMiss, open, answered, published, agencyCase, registered, creditCode };
}

/** Counter applications (recorded by staff) in the states the application and licence write routes start from. */
async function applicationsFixture(zone: Awaited<ReturnType<typeof newAdmin>>['zone'], enterpriseId: string) {
  const a = t.services.applications;
  const item = await makeApplicationItem(t.services, zone, { licenceName: '审计许可证' });
  const officer = await makeUser(t.services, zone, ['approval_officer']);
  const make = async (...actions: ('submit' | 'accept' | 'approve')[]) => {
    const input = ApplicationCreateInput.parse({ itemId: item.id, enterpriseId, applicant: { name: '窗口申请人', phone: '13900003333' }, channel: 'counter', delivery: 'pickup', form: { purpose: '审计' } });
    const app = await a.uploadMaterial(zone.ctx, (await a.create(zone.ctx, input)).id, 'form', pdfBytes(), '申请表.pdf');
    for (const action of actions) await a.act(zone.ctx, app.id, action, {});
    return a.get(zone.ctx, app.id);
  };
  const draft = await make();
  const spareDraft = await make();
  const submitted = await make('submit');
  const bulk = await make('submit');
  const licensed = await make('submit', 'accept', 'approve');
  const revoked = await make('submit', 'accept', 'approve');
  await t.services.licences.revoke(zone.ctx, revoked.licence!.id, '审计前注销');
  return { item, officer, draft, spareDraft, submitted, bulk, licence: licensed.licence!, revoked };
}

async function upload(header: string[], rows: (string | number)[][]) {
  return multipart(await xlsxOf(header, rows));
}

type Write = {
  action: string;
  /** The request; `entityId` is the record the audit row must name (null: not checked). */
  make: (f: Fixture) => Promise<{ req: InjectOptions; entityId: string | null; anonymous?: boolean }>;
};

/** Every write route of the API, keyed as registered, with what its audit record says. */
const WRITES: Record<string, Write> = {
  'POST /api/auth/login': {
    action: 'auth.login',
    make: async (f) => ({ req: { method: 'POST', url: '/api/auth/login', payload: { username: f.signer.username, password: PASSWORD } }, entityId: f.signer.id, anonymous: true }),
  },
  'POST /api/auth/logout': { action: 'auth.logout', make: async (f) => ({ req: { method: 'POST', url: '/api/auth/logout' }, entityId: f.admin.id }) },
  'POST /api/auth/change-password': {
    action: 'user.change_password',
    make: async (f) => ({ req: { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: PASSWORD, newPassword: 'Changed-pass-2020' } }, entityId: f.admin.id }),
  },
  'POST /api/parks': { action: 'park.create', make: async () => ({ req: { method: 'POST', url: '/api/parks', payload: { name: `审计园区${uniq()}` } }, entityId: null }) },
  'PATCH /api/parks/:id': { action: 'park.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/parks/${f.park.id}`, payload: { address: '新地址' } }, entityId: f.park.id }) },
  'DELETE /api/parks/:id': { action: 'park.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/parks/${f.emptyPark.id}` }, entityId: f.emptyPark.id }) },
  'POST /api/parks/:id/actions/reveal-phone': {
    action: 'park.reveal_phone',
    make: async (f) => ({ req: { method: 'POST', url: `/api/parks/${f.park.id}/actions/reveal-phone`, payload: { reason: '审计测试' } }, entityId: f.park.id }),
  },
  'POST /api/parks/import': {
    action: 'park.import_create',
    make: async () => {
      const body = await upload(['园区名称'], [[`导入园区${uniq()}`]]);
      return { req: { method: 'POST', url: '/api/parks/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/buildings': { action: 'building.create', make: async (f) => ({ req: { method: 'POST', url: '/api/buildings', payload: { parkId: f.park.id, name: `楼${uniq()}` } }, entityId: null }) },
  'PATCH /api/buildings/:id': { action: 'building.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/buildings/${f.building.id}`, payload: { floors: 30 } }, entityId: f.building.id }) },
  'DELETE /api/buildings/:id': { action: 'building.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/buildings/${f.spareBuilding.id}` }, entityId: f.spareBuilding.id }) },
  'POST /api/buildings/import': {
    action: 'building.import_create',
    make: async (f) => {
      const body = await upload(['所属园区', '楼宇名称'], [[f.park.name, `导入楼${uniq()}`]]);
      return { req: { method: 'POST', url: '/api/buildings/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/grid-units': { action: 'grid_unit.create', make: async (f) => ({ req: { method: 'POST', url: '/api/grid-units', payload: { parentId: f.root.id, code: uniq('A'), name: '审计街道' } }, entityId: null }) },
  'PATCH /api/grid-units/:id': { action: 'grid_unit.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/grid-units/${f.grid.id}`, payload: { name: '改名街道' } }, entityId: f.grid.id }) },
  'DELETE /api/grid-units/:id': { action: 'grid_unit.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/grid-units/${f.spareGrid.id}` }, entityId: f.spareGrid.id }) },
  'POST /api/grid-units/import': {
    action: 'grid_unit.import_create',
    make: async (f) => {
      const body = await upload(['网格编码', '名称', '上级网格编码'], [[uniq('I'), '导入街道', f.root.code]]);
      return { req: { method: 'POST', url: '/api/grid-units/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/users': { action: 'user.create', make: async () => ({ req: { method: 'POST', url: '/api/users', payload: { username: uniq('a').toLowerCase(), displayName: '审计用户', roles: ['leader'] } }, entityId: null }) },
  'PATCH /api/users/:id': { action: 'user.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/users/${f.staff.id}`, payload: { displayName: '改名人' } }, entityId: f.staff.id }) },
  'POST /api/users/:id/actions/reset-password': {
    action: 'user.reset_password',
    make: async (f) => ({ req: { method: 'POST', url: `/api/users/${f.staff.id}/actions/reset-password`, payload: { password: 'Reset-pass-2020' } }, entityId: f.staff.id }),
  },
  'POST /api/users/:id/actions/unlock': { action: 'user.unlock', make: async (f) => ({ req: { method: 'POST', url: `/api/users/${f.staff.id}/actions/unlock` }, entityId: f.staff.id }) },
  'POST /api/users/import': {
    action: 'user.import_create',
    make: async () => {
      const body = await upload(['用户名', '姓名', '角色'], [[uniq('m').toLowerCase(), '导入用户', 'leader']]);
      return { req: { method: 'POST', url: '/api/users/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/teams': { action: 'team.create', make: async () => ({ req: { method: 'POST', url: '/api/teams', payload: { kind: 'task_force', name: `专班${uniq()}` } }, entityId: null }) },
  'PATCH /api/teams/:id': { action: 'team.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/teams/${f.team.id}`, payload: { duties: '新职责' } }, entityId: f.team.id }) },
  'DELETE /api/teams/:id': { action: 'team.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/teams/${f.spareTeam.id}` }, entityId: f.spareTeam.id }) },
  'POST /api/assignments': {
    action: 'assignment.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/assignments', payload: { kind: 'enterprise_commissioner', userId: f.staff.id, targetId: f.enterprise.id } }, entityId: null }),
  },
  'PATCH /api/assignments/:id': { action: 'assignment.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/assignments/${f.assignment.id}`, payload: { note: '改备注' } }, entityId: f.assignment.id }) },
  'DELETE /api/assignments/:id': { action: 'assignment.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/assignments/${f.spareAssignment.id}` }, entityId: f.spareAssignment.id }) },
  'POST /api/assignments/import': {
    action: 'assignment.import_create',
    make: async (f) => {
      const body = await upload(['责任类型', '责任对象', '责任人用户名'], [['园区巡查员', f.importPark.name, f.staff.username]]);
      return { req: { method: 'POST', url: '/api/assignments/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/enterprises': { action: 'enterprise.create', make: async () => ({ req: { method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: '审计企业' } }, entityId: null }) },
  'PATCH /api/enterprises/:id': { action: 'enterprise.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/enterprises/${f.enterprise.id}`, payload: { employees: 77 } }, entityId: f.enterprise.id }) },
  'POST /api/enterprises/:id/actions/reveal-phone': {
    action: 'enterprise.reveal_phone',
    make: async (f) => ({ req: { method: 'POST', url: `/api/enterprises/${f.enterprise.id}/actions/reveal-phone`, payload: { reason: '审计测试' } }, entityId: f.enterprise.id }),
  },
  'POST /api/enterprises/import': {
    action: 'enterprise.import_create',
    make: async () => {
      const body = await upload(['统一社会信用代码', '企业名称'], [[validCreditCode(), '导入企业']]);
      return { req: { method: 'POST', url: '/api/enterprises/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/service-items': { action: 'service_item.create', make: async () => ({ req: { method: 'POST', url: '/api/service-items', payload: serviceItemInput() }, entityId: null }) },
  'PATCH /api/service-items/:id': { action: 'service_item.update', make: async (f) => ({ req: { method: 'PATCH', url: `/api/service-items/${f.item.id}`, payload: { promisedDays: 2 } }, entityId: f.item.id }) },
  'DELETE /api/service-items/:id': { action: 'service_item.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/service-items/${f.spareItem.id}` }, entityId: f.spareItem.id }) },
  'POST /api/service-items/import': {
    action: 'service_item.import_create',
    make: async () => {
      const body = await upload(['事项编码', '事项名称', '实施部门', '事项类别', '申请对象', '法定时限（工作日）', '承诺时限（工作日）'], [[uniq('IMP-'), '导入事项', '税务局', '税务', '企业', 10, 2]]);
      return { req: { method: 'POST', url: '/api/service-items/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/appointment-slots': {
    action: 'appointment_slot.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/appointment-slots', payload: { itemId: f.item.id, window: '9号窗口', date: '2020-02-26', halfDay: 'am', capacity: 5 } }, entityId: null }),
  },
  'POST /api/appointment-slots/bulk': {
    action: 'appointment_slot.bulk_create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/appointment-slots/bulk', payload: { itemId: f.item.id, window: '8号窗口', from: '2020-03-02', to: '2020-03-06', capacity: 5 } }, entityId: null }),
  },
  'PATCH /api/appointment-slots/:id': {
    action: 'appointment_slot.update',
    make: async (f) => ({ req: { method: 'PATCH', url: `/api/appointment-slots/${f.extras.slot.id}`, payload: { capacity: 9 } }, entityId: f.extras.slot.id }),
  },
  'POST /api/appointment-slots/:id/actions/close': {
    action: 'appointment_slot.close',
    make: async (f) => ({ req: { method: 'POST', url: `/api/appointment-slots/${f.extras.spareSlot.id}/actions/close` }, entityId: f.extras.spareSlot.id }),
  },
  'POST /api/appointment-slots/:id/actions/reopen': {
    action: 'appointment_slot.reopen',
    make: async (f) => ({ req: { method: 'POST', url: `/api/appointment-slots/${f.extras.closedSlot.id}/actions/reopen` }, entityId: f.extras.closedSlot.id }),
  },
  'POST /api/appointments': {
    action: 'appointment.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/appointments', payload: { slotId: f.extras.slot.id, contactName: '李娟', contactPhone: '13551234567' } }, entityId: null }),
  },
  'POST /api/appointments/:id/actions/cancel': {
    action: 'appointment.cancel',
    make: async (f) => ({ req: { method: 'POST', url: `/api/appointments/${f.extras.toCancel.id}/actions/cancel` }, entityId: f.extras.toCancel.id }),
  },
  'POST /api/appointments/:id/actions/check-in': {
    action: 'appointment.check_in',
    make: async (f) => ({ req: { method: 'POST', url: `/api/appointments/${f.extras.toCheckIn.id}/actions/check-in` }, entityId: f.extras.toCheckIn.id }),
  },
  'POST /api/appointments/:id/actions/no-show': {
    action: 'appointment.no_show',
    make: async (f) => ({ req: { method: 'POST', url: `/api/appointments/${f.extras.toMiss.id}/actions/no-show` }, entityId: f.extras.toMiss.id }),
  },
  'POST /api/consultations': { action: 'consultation.create', make: async () => ({ req: { method: 'POST', url: '/api/consultations', payload: { title: '审计咨询', question: '这是一个问题？' } }, entityId: null }) },
  'POST /api/consultations/:id/actions/answer': {
    action: 'consultation.answer',
    make: async (f) => ({ req: { method: 'POST', url: `/api/consultations/${f.extras.open.id}/actions/answer`, payload: { answer: '这是答复。' } }, entityId: f.extras.open.id }),
  },
  'POST /api/consultations/:id/actions/publish': {
    action: 'consultation.publish',
    make: async (f) => ({ req: { method: 'POST', url: `/api/consultations/${f.extras.answered.id}/actions/publish` }, entityId: f.extras.answered.id }),
  },
  'POST /api/consultations/:id/actions/unpublish': {
    action: 'consultation.unpublish',
    make: async (f) => ({ req: { method: 'POST', url: `/api/consultations/${f.extras.published.id}/actions/unpublish` }, entityId: f.extras.published.id }),
  },
  'POST /api/agency-cases': {
    action: 'agency_case.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/agency-cases', payload: { projectName: '审计项目', enterpriseId: f.enterprise.id, investmentFen: 100, agentId: f.extras.agencyCase.agentId } }, entityId: null }),
  },
  'PATCH /api/agency-cases/:id': {
    action: 'agency_case.update',
    make: async (f) => ({ req: { method: 'PATCH', url: `/api/agency-cases/${f.extras.agencyCase.id}`, payload: { note: '审计备注' } }, entityId: f.extras.agencyCase.id }),
  },
  'PATCH /api/agency-cases/:id/stages': {
    action: 'agency_case.update_stage',
    make: async (f) => ({ req: { method: 'PATCH', url: `/api/agency-cases/${f.extras.agencyCase.id}/stages`, payload: { stage: 'project_approval', status: 'done' } }, entityId: f.extras.agencyCase.id }),
  },
  'POST /api/employment-registrations/import': {
    action: 'employment_registration.import_create',
    make: async (f) => {
      const body = await upload(['姓名', '居民身份证号', '联系电话', '返岗日期', '企业统一社会信用代码'], [['李娜', validResidentId(2), '13800138001', '2020-02-21', f.extras.creditCode]]);
      return { req: { method: 'POST', url: '/api/employment-registrations/import?dryRun=false', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  'POST /api/employment-registrations/:id/actions/reveal': {
    action: 'employment_registration.reveal',
    make: async (f) => ({ req: { method: 'POST', url: `/api/employment-registrations/${f.extras.registered.id}/actions/reveal`, payload: { reason: '审计测试' } }, entityId: f.extras.registered.id }),
  },
  'PUT /api/calendar/days/:date': {
    action: 'calendar.set_day',
    make: async () => ({ req: { method: 'PUT', url: '/api/calendar/days/2020-04-30', payload: { kind: 'holiday', name: '区内调休' } }, entityId: '2020-04-30' }),
  },
  'DELETE /api/calendar/days/:date': { action: 'calendar.clear_day', make: async (f) => ({ req: { method: 'DELETE', url: `/api/calendar/days/${f.zoneHoliday}` }, entityId: f.zoneHoliday }) },
  'POST /api/calendar/actions/load-national': {
    action: 'calendar.load_national',
    make: async () => ({ req: { method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020' } }, entityId: '2020' }),
  },
  'POST /api/applications': {
    action: 'application.create',
    make: async (f) => ({
      req: { method: 'POST', url: '/api/applications', payload: { itemId: f.apps.item.id, enterpriseId: f.enterprise.id, applicant: { name: '审计申请人', phone: '13900004444' }, channel: 'counter', delivery: 'pickup' } },
      entityId: null,
    }),
  },
  'PATCH /api/applications/:id': {
    action: 'application.update',
    make: async (f) => ({ req: { method: 'PATCH', url: `/api/applications/${f.apps.draft.id}`, payload: { form: { purpose: '审计修改' } } }, entityId: f.apps.draft.id }),
  },
  'DELETE /api/applications/:id': { action: 'application.delete', make: async (f) => ({ req: { method: 'DELETE', url: `/api/applications/${f.apps.spareDraft.id}` }, entityId: f.apps.spareDraft.id }) },
  'POST /api/applications/:id/materials/:key': {
    action: 'application.upload_material',
    make: async (f) => {
      const body = multipart(pngBytes(), { filename: '现场照片.png', contentType: 'image/png' });
      return { req: { method: 'POST', url: `/api/applications/${f.apps.draft.id}/materials/photo`, payload: body.payload, headers: body.headers }, entityId: f.apps.draft.id };
    },
  },
  'DELETE /api/applications/:id/materials/:materialId': {
    action: 'application.remove_material',
    make: async (f) => ({ req: { method: 'DELETE', url: `/api/applications/${f.apps.draft.id}/materials/${f.apps.draft.materials[0]!.id}` }, entityId: f.apps.draft.id }),
  },
  'POST /api/applications/:id/actions/:action': {
    action: 'application.accept',
    make: async (f) => ({ req: { method: 'POST', url: `/api/applications/${f.apps.submitted.id}/actions/accept`, payload: { comment: '审计受理' } }, entityId: f.apps.submitted.id }),
  },
  'POST /api/applications/actions/accept': {
    action: 'application.accept',
    make: async (f) => ({ req: { method: 'POST', url: '/api/applications/actions/accept', payload: { ids: [f.apps.bulk.id] } }, entityId: f.apps.bulk.id }),
  },
  'PUT /api/applications/:id/assignee': {
    action: 'application.assign',
    make: async (f) => ({ req: { method: 'PUT', url: `/api/applications/${f.apps.draft.id}/assignee`, payload: { assigneeId: f.apps.officer.id } }, entityId: f.apps.draft.id }),
  },
  'POST /api/applications/:id/licence': { action: 'licence.issue', make: async (f) => ({ req: { method: 'POST', url: `/api/applications/${f.apps.revoked.id}/licence` }, entityId: null }) },
  'POST /api/licences/:id/actions/revoke': {
    action: 'licence.revoke',
    make: async (f) => ({ req: { method: 'POST', url: `/api/licences/${f.apps.licence.id}/actions/revoke`, payload: { reason: '审计注销' } }, entityId: f.apps.licence.id }),
  },
  'POST /api/files': {
    action: 'file.upload',
    make: async () => {
      const body = multipart(pdfBytes(), { filename: 'template.pdf', contentType: 'application/pdf' });
      return { req: { method: 'POST', url: '/api/files?purpose=service_template', payload: body.payload, headers: body.headers }, entityId: null };
    },
  },
  // ---- resumption: visits, demands, protective supplies, major projects
  'POST /api/resumption/visits': {
    action: 'visit.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/resumption/visits', payload: { enterpriseId: f.enterprise.id, visitDate: '2020-02-24', content: '审计走访', problems: [{ category: 'labour', title: '缺工', description: '缺 10 人' }] } }, entityId: null }),
  },
  'POST /api/resumption/demands': {
    action: 'demand.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/resumption/demands', payload: { enterpriseId: f.enterprise.id, category: 'funding', title: '审计诉求', description: '流动资金' } }, entityId: null }),
  },
  'PATCH /api/resumption/demands/:id': {
    action: 'demand.update',
    make: async (f) => {
      const d = await makeDemand(t.services, f.zone, f.enterprise.id);
      return { req: { method: 'PATCH', url: `/api/resumption/demands/${d.id}`, payload: { department: '审计部门' } }, entityId: d.id };
    },
  },
  'POST /api/resumption/demands/:id/actions/:action': {
    action: 'demand.start',
    make: async (f) => {
      const d = await makeDemand(t.services, f.zone, f.enterprise.id);
      return { req: { method: 'POST', url: `/api/resumption/demands/${d.id}/actions/start`, payload: {} }, entityId: d.id };
    },
  },
  'POST /api/resumption/supplies/items': { action: 'supply_item.create', make: async () => ({ req: { method: 'POST', url: '/api/resumption/supplies/items', payload: { name: `审计口罩${uniq()}`, unit: '只' } }, entityId: null }) },
  'PATCH /api/resumption/supplies/items/:id': {
    action: 'supply_item.update',
    make: async (f) => {
      const item = await makeSupplyItem(t.services, f.zone);
      return { req: { method: 'PATCH', url: `/api/resumption/supplies/items/${item.id}`, payload: { note: '审计备注' } }, entityId: item.id };
    },
  },
  'POST /api/resumption/supplies/items/:id/stock-in': {
    action: 'supply_item.stock_in',
    make: async (f) => {
      const item = await makeSupplyItem(t.services, f.zone);
      return { req: { method: 'POST', url: `/api/resumption/supplies/items/${item.id}/stock-in`, payload: { quantity: 10, source: '审计入库' } }, entityId: item.id };
    },
  },
  'POST /api/resumption/supplies/requests': {
    action: 'supply_request.create',
    make: async (f) => {
      const item = await makeSupplyItem(t.services, f.zone);
      return { req: { method: 'POST', url: '/api/resumption/supplies/requests', payload: { enterpriseId: f.enterprise.id, itemId: item.id, quantity: 5, reason: '审计申请' } }, entityId: null };
    },
  },
  'POST /api/resumption/supplies/requests/:id/actions/:action': {
    action: 'supply_request.allocate',
    make: async (f) => {
      const item = await makeSupplyItem(t.services, f.zone, { stock: 10 });
      const r = await makeSupplyRequest(t.services, f.zone, f.enterprise.id, item.id, 5);
      return { req: { method: 'POST', url: `/api/resumption/supplies/requests/${r.id}/actions/allocate`, payload: {} }, entityId: r.id };
    },
  },
  'POST /api/resumption/projects': { action: 'major_project.create', make: async () => ({ req: { method: 'POST', url: '/api/resumption/projects', payload: { name: `审计项目${uniq()}`, investmentFen: 100 } }, entityId: null }) },
  'PATCH /api/resumption/projects/:id': {
    action: 'major_project.update',
    make: async (f) => {
      const p = await makeProject(t.services, f.zone, { ownerEnterpriseId: null, parkId: null });
      return { req: { method: 'PATCH', url: `/api/resumption/projects/${p.id}`, payload: { note: '审计备注' } }, entityId: p.id };
    },
  },
  'POST /api/resumption/projects/:id/actions/:action': {
    action: 'major_project.restart',
    make: async (f) => {
      const p = await makeProject(t.services, f.zone, { ownerEnterpriseId: null, parkId: null });
      return { req: { method: 'POST', url: `/api/resumption/projects/${p.id}/actions/restart`, payload: {} }, entityId: p.id };
    },
  },
  // ---- resumption: settings, plans, status, daily reports
  'PATCH /api/resumption/settings': { action: 'resumption_settings.update', make: async (f) => ({ req: { method: 'PATCH', url: '/api/resumption/settings', payload: { slaHours: 36 } }, entityId: f.zone.id }) },
  'POST /api/resumption/plans': {
    action: 'resumption_plan.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: (await makeEnterprise(t.services, f.zone)).id, employeesTotal: 10 } }, entityId: null }),
  },
  'PATCH /api/resumption/plans/:id': {
    action: 'resumption_plan.update',
    make: async (f) => {
      const plan = await t.services.resumption.plans.create(f.zone.ctx, { enterpriseId: (await makeEnterprise(t.services, f.zone)).id });
      return { req: { method: 'PATCH', url: `/api/resumption/plans/${plan.id}`, payload: { masks: 500, contactPhone: '13900001111' } }, entityId: plan.id };
    },
  },
  'POST /api/resumption/plans/:id/files': {
    action: 'resumption_plan.upload_file',
    make: async (f) => {
      const plan = await t.services.resumption.plans.create(f.zone.ctx, { enterpriseId: (await makeEnterprise(t.services, f.zone)).id });
      const body = multipart(pdfBytes(), { filename: '专题会议纪要.pdf', contentType: 'application/pdf' });
      return { req: { method: 'POST', url: `/api/resumption/plans/${plan.id}/files`, payload: body.payload, headers: body.headers }, entityId: plan.id };
    },
  },
  'POST /api/resumption/plans/:id/actions/:action': {
    action: 'resumption_plan.approve',
    make: async (f) => {
      const { plan } = await makeFiledEnterprise(t.services, f.zone);
      return { req: { method: 'POST', url: `/api/resumption/plans/${plan.id}/actions/approve`, payload: { conditions: ['审计条件'] } }, entityId: plan.id };
    },
  },
  'POST /api/resumption/plans/:id/site-checks': {
    action: 'resumption_plan.site_check',
    make: async (f) => {
      const { plan } = await makeFiledEnterprise(t.services, f.zone);
      return { req: { method: 'POST', url: `/api/resumption/plans/${plan.id}/site-checks`, payload: { checkDate: t.services.resumption.scope.today(), findings: '审计核查' } }, entityId: plan.id };
    },
  },
  'POST /api/resumption/enterprises/:id/actions/:action': {
    action: 'enterprise_resumption.suspend',
    make: async (f) => {
      const { enterprise } = await makeResumedEnterprise(t.services, f.zone);
      return { req: { method: 'POST', url: `/api/resumption/enterprises/${enterprise.id}/actions/suspend`, payload: { reason: '审计停工' } }, entityId: enterprise.id };
    },
  },
  'PUT /api/resumption/daily-reports': {
    action: 'daily_report.create',
    make: async (f) => {
      const { enterprise } = await makeResumedEnterprise(t.services, f.zone);
      const payload = { enterpriseId: enterprise.id, reportDate: t.services.resumption.scope.today(), staffOnSite: 10, capacityPct: 50, suppliesDaysLeft: 5, abnormalTemperature: 0 };
      return { req: { method: 'PUT', url: '/api/resumption/daily-reports', payload }, entityId: null };
    },
  },
  // ---- inspections: templates, park plans, rounds, tasks
  'POST /api/inspections/templates': { action: 'inspection_template.create', make: async () => ({ req: { method: 'POST', url: '/api/inspections/templates', payload: { name: `审计规范${uniq()}`, items: defaultItems() } }, entityId: null }) },
  'POST /api/inspections/templates/:id/versions': {
    action: 'inspection_template.publish',
    make: async (f) => {
      const tpl = await makeTemplate(t.services, f.zone);
      return { req: { method: 'POST', url: `/api/inspections/templates/${tpl.id}/versions`, payload: { items: defaultItems(), note: '审计新版' } }, entityId: tpl.id };
    },
  },
  'POST /api/inspections/templates/:id/import': {
    action: 'inspection_template.import',
    make: async (f) => {
      const tpl = await makeTemplate(t.services, f.zone);
      const body = await upload(['标识', '部位', '检查项', '类型'], [['audit_item', '园区入口', '审计检查项', '是否符合']]);
      return { req: { method: 'POST', url: `/api/inspections/templates/${tpl.id}/import?dryRun=false`, payload: body.payload, headers: body.headers }, entityId: tpl.id };
    },
  },
  'PUT /api/inspections/parks/:id/plan': { action: 'inspection_park.plan', make: async (f) => ({ req: { method: 'PUT', url: `/api/inspections/parks/${f.park.id}/plan`, payload: { risk: 'high', size: 'large', frequencyDays: 3 } }, entityId: f.park.id }) },
  'POST /api/inspections/rounds': {
    action: 'inspection_round.create',
    make: async (f) => {
      const tpl = await makeTemplate(t.services, f.zone);
      return { req: { method: 'POST', url: '/api/inspections/rounds', payload: { name: '审计巡查', roundDate: '2020-02-24', templateId: tpl.id, parkIds: [f.park.id] } }, entityId: null };
    },
  },
  'POST /api/inspections/rounds/:id/actions/:action': {
    action: 'inspection_round.close',
    make: async (f) => {
      const { round } = await makeTask(t.services, f.zone, f.park.id);
      return { req: { method: 'POST', url: `/api/inspections/rounds/${round.id}/actions/close` }, entityId: round.id };
    },
  },
  'PATCH /api/inspections/tasks/:id': {
    action: 'inspection_task.update',
    make: async (f) => {
      const { task } = await makeTask(t.services, f.zone, f.park.id);
      return { req: { method: 'PATCH', url: `/api/inspections/tasks/${task.id}`, payload: { policiesExplained: '宣讲稳岗返还政策' } }, entityId: task.id };
    },
  },
  'POST /api/inspections/tasks/:id/places': {
    action: 'inspection_task.add_place',
    make: async (f) => {
      const { task } = await makeTask(t.services, f.zone, f.park.id);
      return { req: { method: 'POST', url: `/api/inspections/tasks/${task.id}/places`, payload: { place: 'building', buildingId: f.building.id } }, entityId: task.id };
    },
  },
  'POST /api/inspections/tasks/:id/photos': {
    action: 'inspection_task.upload_photo',
    make: async (f) => {
      const { task } = await makeTask(t.services, f.zone, f.park.id);
      const body = multipart(await tinyJpeg(), { filename: '审计.jpg', contentType: 'image/jpeg' });
      return { req: { method: 'POST', url: `/api/inspections/tasks/${task.id}/photos`, payload: body.payload, headers: body.headers }, entityId: task.id };
    },
  },
  'PUT /api/inspections/tasks/:id/answers': {
    action: 'inspection_task.answer',
    make: async (f) => {
      const { task } = await makeTask(t.services, f.zone, f.park.id);
      const { place } = await t.services.inspections.tasks.addPlace(f.zone.ctx, task.id, { place: 'inner' });
      return { req: { method: 'PUT', url: `/api/inspections/tasks/${task.id}/answers`, payload: { placeId: place.id, itemKey: 'publicity', result: 'pass' } }, entityId: task.id };
    },
  },
  'POST /api/inspections/tasks/:id/actions/:action': {
    action: 'inspection_task.start',
    make: async (f) => {
      const { task } = await makeTask(t.services, f.zone, f.park.id);
      return { req: { method: 'POST', url: `/api/inspections/tasks/${task.id}/actions/start`, payload: {} }, entityId: task.id };
    },
  },
  // ---- inspections: findings, follow-ups, census
  'POST /api/inspections/findings/:id/actions/close': {
    action: 'inspection_finding.close',
    make: async (f) => {
      const { finding, photoId } = await openLedgerFinding(t.services, f.zone, f.park.id);
      return { req: { method: 'POST', url: `/api/inspections/findings/${finding.id}/actions/close`, payload: { note: '审计销号', afterPhotoFileIds: [photoId] } }, entityId: finding.id };
    },
  },
  'POST /api/inspections/findings/:id/actions/raise-demand': {
    action: 'inspection_finding.raise_demand',
    make: async (f) => {
      const { finding } = await openLedgerFinding(t.services, f.zone, f.park.id);
      return { req: { method: 'POST', url: `/api/inspections/findings/${finding.id}/actions/raise-demand`, payload: { category: 'materials', title: '审计诉求', description: '办公场地不足' } }, entityId: finding.id };
    },
  },
  'POST /api/inspections/tasks/:id/follow-up': {
    action: 'inspection_task.follow_up',
    make: async (f) => {
      const { followUp, photoId } = await openLedgerFinding(t.services, f.zone, f.park.id);
      return { req: { method: 'POST', url: `/api/inspections/tasks/${followUp.id}/follow-up`, payload: { note: '审计回访', photoFileIds: [photoId] } }, entityId: followUp.id };
    },
  },
  'POST /api/inspections/jobs/follow-ups/run': { action: 'inspection.follow_ups_run', make: async (f) => ({ req: { method: 'POST', url: '/api/inspections/jobs/follow-ups/run' }, entityId: f.zone.id }) },
  'POST /api/inspections/census': {
    action: 'inspection_census.create',
    make: async (f) => ({ req: { method: 'POST', url: '/api/inspections/census', payload: { parkId: f.park.id, censusDate: '2020-02-24', enterprises: 3, employees: 90, staffLeft: 20, staffReturned: 12, enterprisesResumed: 2 } }, entityId: null }),
  },
  'PATCH /api/inspections/census/:id': {
    action: 'inspection_census.update',
    make: async (f) => {
      const census = await t.services.inspections.census.create(f.zone.ctx, { parkId: (await makePark(t.services, f.zone)).id, censusDate: '2020-02-24', enterprises: 3, employees: 90, staffLeft: 20, staffReturned: 12, enterprisesResumed: 2 });
      return { req: { method: 'PATCH', url: `/api/inspections/census/${census.id}`, payload: { staffReturned: 15 } }, entityId: census.id };
    },
  },
  // ---- checkpoints: movement tracing (a read, audited with its reason), the retention purge
  'POST /api/checkpoints/trace': {
    action: 'checkpoint.trace',
    make: async () => ({ req: { method: 'POST', url: '/api/checkpoints/trace', payload: { by: 'idNumber', value: validResidentId(3), from: '2020-02-20', to: '2020-02-24', reason: '审计轨迹查询' } }, entityId: null }),
  },
  'POST /api/checkpoints/trace/export.xlsx': {
    action: 'checkpoint.trace_export',
    make: async () => ({ req: { method: 'POST', url: '/api/checkpoints/trace/export.xlsx', payload: { by: 'phone', value: '13812345678', from: '2020-02-20', to: '2020-02-24', reason: '审计轨迹导出' } }, entityId: null }),
  },
  'POST /api/checkpoints/retention/actions/purge': { action: 'checkpoint.purge', make: async (f) => ({ req: { method: 'POST', url: '/api/checkpoints/retention/actions/purge' }, entityId: f.zone.id }) },
  // ---- checkpoints: checkpoints, risk zoning, passes, settings
  'POST /api/checkpoints': { action: 'checkpoint.create', make: async (f) => ({ req: { method: 'POST', url: '/api/checkpoints', payload: { name: uniq('审计卡口'), kind: 'highway_exit', gridUnitId: f.grid.id } }, entityId: null }) },
  'PATCH /api/checkpoints/:id': {
    action: 'checkpoint.update',
    make: async (f) => {
      const cp = await makeCheckpoint(t, f.zone);
      return { req: { method: 'PATCH', url: `/api/checkpoints/${cp.id}`, payload: { location: '审计改址' } }, entityId: cp.id };
    },
  },
  'POST /api/checkpoints/:id/actions/status': {
    action: 'checkpoint.status',
    make: async (f) => {
      const cp = await makeCheckpoint(t, f.zone);
      return { req: { method: 'POST', url: `/api/checkpoints/${cp.id}/actions/status`, payload: { status: 'service_point', reason: '审计改为服务点' } }, entityId: cp.id };
    },
  },
  'POST /api/checkpoints/:id/actions/rotate-token': {
    action: 'checkpoint.rotate_token',
    make: async (f) => {
      const cp = await makeCheckpoint(t, f.zone);
      return { req: { method: 'POST', url: `/api/checkpoints/${cp.id}/actions/rotate-token` }, entityId: cp.id };
    },
  },
  'PUT /api/checkpoints/risk/:gridUnitId': {
    action: 'grid_risk.set',
    make: async (f) => ({ req: { method: 'PUT', url: `/api/checkpoints/risk/${f.grid.id}`, payload: { level: 'medium', controlClass: 'checked', measures: '出入口登记测温', reason: '审计定级' } }, entityId: f.grid.id }),
  },
  'POST /api/checkpoints/passes': {
    action: 'checkpoint_pass.issue',
    make: async (f) => ({ req: { method: 'POST', url: '/api/checkpoints/passes', payload: { buildingId: f.building.id, floor: 2, holderName: '审计持证人', idKind: 'resident_id', idNumber: validResidentId(5), phone: '13800001234' } }, entityId: null }),
  },
  'POST /api/checkpoints/passes/:id/actions/revoke': {
    action: 'checkpoint_pass.revoke',
    make: async (f) => {
      const pass = await makePass(t, f.zone, { buildingId: f.building.id });
      return { req: { method: 'POST', url: `/api/checkpoints/passes/${pass.id}/actions/revoke`, payload: { reason: '审计注销' } }, entityId: pass.id };
    },
  },
  'POST /api/checkpoints/passes/:id/actions/reveal': {
    action: 'checkpoint_pass.reveal',
    make: async (f) => {
      const pass = await makePass(t, f.zone, { buildingId: f.building.id });
      return { req: { method: 'POST', url: `/api/checkpoints/passes/${pass.id}/actions/reveal`, payload: { field: 'phone', reason: '审计查看号码' } }, entityId: pass.id };
    },
  },
  'PUT /api/checkpoints/floor-colours': {
    action: 'pass_floor_colour.set',
    make: async (f) => ({ req: { method: 'PUT', url: '/api/checkpoints/floor-colours', payload: { buildingId: f.building.id, floor: 4, colour: 'cyan' } }, entityId: f.building.id }),
  },
  'PATCH /api/checkpoints/settings': { action: 'checkpoint_settings.update', make: async (f) => ({ req: { method: 'PATCH', url: '/api/checkpoints/settings', payload: { retentionDays: 21 } }, entityId: f.zone.id }) },
  // ---- checkpoints: registrations (staff changes and reveals; the registrations themselves are their own record) and abnormal cases
  'POST /api/checkpoints/registrations/:id/actions/reveal': {
    action: 'checkpoint_registration.reveal',
    make: async (f) => {
      const { receipt } = await feverCase(t.app, t.services, f.zone);
      return { req: { method: 'POST', url: `/api/checkpoints/registrations/${receipt.id}/actions/reveal`, payload: { field: 'idNumber', reason: '审计查看证件' } }, entityId: receipt.id };
    },
  },
  'POST /api/checkpoints/registrations/:id/actions/temperature': {
    action: 'checkpoint_registration.temperature',
    make: async (f) => {
      const { receipt } = await feverCase(t.app, t.services, f.zone);
      return { req: { method: 'POST', url: `/api/checkpoints/registrations/${receipt.id}/actions/temperature`, payload: { temperature: 38.2 } }, entityId: receipt.id };
    },
  },
  'POST /api/checkpoints/cases/:id/actions/:action': {
    action: 'checkpoint_case.transfer',
    make: async (f) => {
      const { caseId } = await feverCase(t.app, t.services, f.zone);
      return { req: { method: 'POST', url: `/api/checkpoints/cases/${caseId}/actions/transfer`, payload: { clinic: '审计发热门诊' } }, entityId: caseId };
    },
  },
  'POST /api/checkpoints/cases/:id/actions/reveal': {
    action: 'checkpoint_case.reveal',
    make: async (f) => {
      const { caseId } = await feverCase(t.app, t.services, f.zone);
      return { req: { method: 'POST', url: `/api/checkpoints/cases/${caseId}/actions/reveal`, payload: { field: 'phone', reason: '审计查看号码' } }, entityId: caseId };
    },
  },
};

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * POSTs that write nothing worth a record, listed here rather than faked in WRITES: the public
 * progress lookup only answers a question (a POST so the phone digits stay out of URLs and logs),
 * and marking one's own notifications read changes nothing but one's own bell. Checkpoint
 * registrations (the QR form, staff entry, pass scans) are their own record: the row keeps who
 * registered and when (the ingestion rule: no separate audit row).
 */
const READ_ONLY_POSTS = [
  'POST /api/public/applications/lookup', 'POST /api/notifications/:id/actions/read', 'POST /api/notifications/actions/read-all',
  'POST /api/public/checkpoints/:token/registrations', 'POST /api/checkpoints/:id/registrations', 'POST /api/checkpoints/:id/actions/scan',
];

describe('every write is audited', () => {
  it('the table below names every write route of the API', () => {
    const writes = t.app.registeredRoutes
      .filter((r) => r.url.startsWith('/api/'))
      .flatMap((r) => [r.method].flat().filter((m) => UNSAFE.has(m)).map((m) => `${m} ${r.url}`));
    expect(writes).toEqual(expect.arrayContaining(READ_ONLY_POSTS));
    expect(writes.filter((w) => !READ_ONLY_POSTS.includes(w)).sort()).toEqual(Object.keys(WRITES).sort());
  });

  it('the read-only POSTs leave no record', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const officer = await signedInUser(t.app, t.services, zone, ['approval_officer']);
    const app = await t.services.applications.create(zone.ctx, ApplicationCreateInput.parse({ itemId: (await makeApplicationItem(t.services, zone)).id, enterpriseId: (await makeEnterprise(t.services, zone)).id, applicant: { name: '甲', phone: '13900005555' }, channel: 'counter', form: { purpose: '查询' } }));
    await t.services.applications.uploadMaterial(zone.ctx, app.id, 'form', pdfBytes(), 'a.pdf');
    const number = (await t.services.applications.act(zone.ctx, app.id, 'submit', {})).number!;
    const notice = (await officer.call({ method: 'GET', url: '/api/notifications' })).json().items[0].id as string;
    const checkpoint = await makeCheckpoint(t, zone);
    const before = await t.deps.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const requests = [
      t.app.inject({ method: 'POST', url: '/api/public/applications/lookup', payload: { number, phoneLast4: '5555' }, remoteAddress: '198.51.100.250' }),
      officer.call({ method: 'POST', url: `/api/notifications/${notice}/actions/read` }),
      call({ method: 'POST', url: '/api/notifications/actions/read-all' }),
      postPublic(t.app, checkpoint.token, publicForm()),
      call({ method: 'POST', url: `/api/checkpoints/${checkpoint.id}/registrations`, payload: publicForm({ temperature: 36.5 }) }),
    ];
    for (const res of await Promise.all(requests)) expect(res.statusCode, res.body).toBeLessThan(300);
    const after = await t.deps.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('with actor, zone, action, entity, request id and IP', async () => {
    const f = await fixture();
    // Logout and change-password end or replace the session: they go last, each with its own.
    const order = Object.keys(WRITES).sort((a, b) => Number(a.startsWith('POST /api/auth/')) - Number(b.startsWith('POST /api/auth/')));
    let n = 0;
    for (const key of order) {
      const { action, make } = WRITES[key]!;
      n++;
      const requestId = `audit-${n}-${uniq()}`;
      const ip = `198.51.100.${n}`;
      const { req, entityId, anonymous } = await make(f);
      const caller = key.startsWith('POST /api/auth/') && !anonymous ? (await signInAs(t.app, f.admin.username)).call : f.call;
      const send = anonymous ? (o: InjectOptions) => t.app.inject(o) : caller;
      const res: LightMyRequestResponse = await send({ ...req, headers: { ...(req.headers ?? {}), 'x-request-id': requestId, 'x-forwarded-for': ip } });
      expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      if (key.endsWith('/import')) expect(res.json().errors, key).toEqual([]);

      const rows = await t.deps.database.db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();
      expect(rows.length, key).toBeGreaterThanOrEqual(1);
      const row = rows.find((r) => r.action === action);
      expect(row, `${key} → ${rows.map((r) => r.action).join(', ')}`).toBeDefined();
      const actor = anonymous ? f.signer.id : f.admin.id;
      expect(row, key).toMatchObject({ zone_id: f.zone.id, actor_id: actor, ip, request_id: requestId, at: clock.now() });
      if (entityId) expect(row!.entity_id, key).toBe(entityId);
      else expect(row!.entity_id, key).toEqual(expect.any(String));
    }
  });

  it('leaves no record for an update that changes nothing', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '不变园区');
    const same = await call({ method: 'PATCH', url: `/api/parks/${park.id}`, payload: { name: '不变园区' } });
    expect(same.statusCode).toBe(200);
    const empty = await call({ method: 'PATCH', url: `/api/parks/${park.id}`, payload: {} });
    expect(empty.statusCode).toBe(200);
    const rows = await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', park.id).execute();
    expect(rows.map((r) => r.action)).toEqual(['park.create']);
  });

  it('keeps what changed: before and after of an update, the record of a delete', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '旧名园区');
    await call({ method: 'PATCH', url: `/api/parks/${park.id}`, payload: { name: '新名园区', areaSqm: 10000 } });
    await call({ method: 'DELETE', url: `/api/parks/${park.id}` });
    const res = await call({ method: 'GET', url: `/api/audit?entityId=${park.id}` });
    const entries = res.json().items as AuditEntry[];
    expect(entries.map((e) => e.action)).toEqual(['park.delete', 'park.update', 'park.create']);
    expect(entries[1]).toMatchObject({ actorId: admin.id, actorName: admin.displayName, entityType: 'park', before: { name: '旧名园区' }, after: { name: '新名园区' } });
    expect(entries[0]!.before).toMatchObject({ id: park.id, name: '新名园区', managerPhoneMasked: '138****8000' });
    expect(entries[2]).toMatchObject({ actorId: null, actorName: 'test' });
  });
});

describe('reading the log', () => {
  it('filters by actor, action, entity and time, pages and sorts', async () => {
    const start = clock.now();
    try {
      const a = await newAdmin(t.app, t.services);
      const b = await signedInUser(t.app, t.services, a.zone, ['zone_admin']);
      const p1 = (await a.call({ method: 'POST', url: '/api/parks', payload: { name: '一时园' } })).json();
      clock.advance(STEP);
      const t1 = clock.now();
      const p2 = (await b.call({ method: 'POST', url: '/api/parks', payload: { name: '二时园' } })).json();
      clock.advance(STEP);
      const t2 = clock.now();
      await a.call({ method: 'PATCH', url: `/api/parks/${p1.id}`, payload: { name: '一时园（改）' } });

      const q = async (query: string) => (await a.call({ method: 'GET', url: `/api/audit?entityType=park&${query}` })).json();
      const actions = async (query: string) => (await q(query)).items.map((e: AuditEntry) => `${e.action} ${e.entityId}`);
      expect(await actions('')).toEqual([`park.update ${p1.id}`, `park.create ${p2.id}`, `park.create ${p1.id}`]);
      expect(await actions(`actorId=${b.user.id}`)).toEqual([`park.create ${p2.id}`]);
      expect(await actions('action=park.update')).toEqual([`park.update ${p1.id}`]);
      expect(await actions(`entityId=${p1.id}&sort=at:asc`)).toEqual([`park.create ${p1.id}`, `park.update ${p1.id}`]);
      expect(await actions(`from=${t1}`)).toEqual([`park.update ${p1.id}`, `park.create ${p2.id}`]);
      expect(await actions(`to=${t1}`)).toEqual([`park.create ${p1.id}`]);
      expect(await actions(`from=${t1}&to=${t2}`)).toEqual([`park.create ${p2.id}`]);
      expect(await actions(`q=${encodeURIComponent('二时园')}`)).toEqual([`park.create ${p2.id}`]);
      const page = await q('page=2&pageSize=2');
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items.map((e: AuditEntry) => e.entityId)).toEqual([p1.id]);
      const all = await a.call({ method: 'GET', url: `/api/audit?actorId=${a.admin.id}` });
      expect(all.json().items.map((e: AuditEntry) => e.action)).toEqual(['park.update', 'park.create', 'auth.login']);

      const names = (await a.call({ method: 'GET', url: '/api/audit/actions' })).json();
      expect(names).toEqual(['auth.login', 'park.create', 'park.update', 'user.create', 'zone.create']);
      const types = (await a.call({ method: 'GET', url: '/api/audit/entity-types' })).json();
      expect(types).toEqual(['park', 'user', 'zone']);
    } finally {
      clock.set(start);
    }
  });

  it('exports the filtered log', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    await makePark(t.services, zone);
    await makePark(t.services, zone);
    await makeEnterprise(t.services, zone);
    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/audit/export.xlsx?entityType=park', headers: { 'x-request-id': 'export-audit' } }));
    expect(column(sheet, '操作')).toEqual(['park.create', 'park.create']);
    expect(column(sheet, '对象类型')).toEqual(['园区', '园区']);
    expect(sheet.header).toEqual(['时间', '操作人', '操作', '对象类型', '对象编号', '变更前', '变更后', 'IP', '请求编号']);
    expect(column(sheet, '时间')).toEqual(['2020-02-24 09:00:00', '2020-02-24 09:00:00']);
  });

  it('is for zone administrators only', async () => {
    const { zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone);
    for (const role of ['leader', 'commissioner', 'inspector', 'approval_officer', 'enterprise_user'] as const) {
      const u = await signedInUser(t.app, t.services, zone, [role], role === 'enterprise_user' ? { enterpriseId: e.id } : {});
      for (const url of ['/api/audit', '/api/audit/actions', '/api/audit/entity-types', '/api/audit/export.xlsx']) {
        const res = await u.call({ method: 'GET', url });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
  });

  it('shows only the own zone', async () => {
    const a = await newAdmin(t.app, t.services);
    const b = await newAdmin(t.app, t.services);
    const theirs = await makePark(t.services, b.zone);
    const res = await a.call({ method: 'GET', url: '/api/audit?pageSize=200' });
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.json())).not.toContain(theirs.id);
    expect(JSON.stringify(res.json())).not.toContain(b.admin.id);
    expect((await a.call({ method: 'GET', url: `/api/audit?entityId=${theirs.id}` })).json().total).toBe(0);
  });
});

describe('secrets', () => {
  it('never reach before or after: no password, hash, ciphertext, blind index or plain phone', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const user = await call({ method: 'POST', url: '/api/users', payload: { username: uniq('s').toLowerCase(), displayName: '保密', roles: ['leader'], password: 'Secret-pass-111' } });
    const userId = user.json().id as string;
    await call({ method: 'POST', url: `/api/users/${userId}/actions/reset-password`, payload: { password: 'Secret-pass-222' } });
    const self = await signInAs(t.app, user.json().username, 'Secret-pass-222');
    await self.call({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'Secret-pass-222', newPassword: 'Secret-pass-333' } });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.json().username, password: 'Wrong-pass-444' }, remoteAddress: '10.250.0.1' });
    const park = await call({ method: 'POST', url: '/api/parks', payload: { name: '保密园', managerPhone: '13911112222' } });
    await call({ method: 'PATCH', url: `/api/parks/${park.json().id}`, payload: { managerPhone: '13933334444' } });
    const ent = await call({ method: 'POST', url: '/api/enterprises', payload: { creditCode: validCreditCode(), name: '保密企业', contactPhone: '13955556666' } });
    await call({ method: 'PATCH', url: `/api/enterprises/${ent.json().id}`, payload: { contactPhone: '13977778888' } });
    await call({ method: 'POST', url: `/api/enterprises/${ent.json().id}/actions/reveal-phone`, payload: { reason: '核对电话' } });

    const imported = await upload(['用户名', '姓名', '角色'], [[uniq('k').toLowerCase(), '导入保密', 'leader']]);
    const credentials = (await call({ method: 'POST', url: '/api/users/import?dryRun=false', payload: imported.payload, headers: imported.headers })).json().credentials;
    expect(credentials).toHaveLength(1);

    const rows = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).execute();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const stored = JSON.stringify(rows);
    const listed = (await call({ method: 'GET', url: '/api/audit?pageSize=200' })).body;
    const hashes = await t.deps.database.db.selectFrom('users').select('password_hash').where('zone_id', '=', zone.id).execute();
    const secrets = [
      'Secret-pass-111', 'Secret-pass-222', 'Secret-pass-333', 'Wrong-pass-444', credentials[0].password, 'scrypt$', ...hashes.map((h) => h.password_hash),
      '13911112222', '13933334444', '13955556666', '13977778888', 'v1:',
      t.deps.pii.blindIndex('13911112222'), t.deps.pii.blindIndex('13977778888'),
    ];
    for (const s of secrets) {
      expect(stored.includes(s), s).toBe(false);
      expect(listed.includes(s), s).toBe(false);
    }
    // The password events themselves are recorded, without the passwords.
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.create', 'user.reset_password', 'user.change_password', 'auth.login_failed']));
    expect(listed).toContain('139****8888');
  });
});

describe('times in the zone’s own time zone', () => {
  it('exports the log with the zone’s clock, not Beijing time', async () => {
    const zone = await t.services.org.zones.create({ code: `TZ${Date.now().toString(36).toUpperCase()}`, name: '柏林合作园', timeZone: 'Europe/Berlin' });
    const ctx = { ...zone, ctx: systemCtx(zone.id, 'test') };
    const admin = await makeUser(t.services, ctx, ['zone_admin']);
    const { call } = await signInAs(t.app, admin.username);
    await makePark(t.services, ctx);
    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/audit/export.xlsx?entityType=park' }));
    // The test clock stands at 2020-02-24 01:00 UTC: 02:00 in Berlin (09:00 in Beijing).
    expect(column(sheet, '时间')).toEqual(['2020-02-24 02:00:00']);
  });
});
