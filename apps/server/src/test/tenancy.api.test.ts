// Zones are kept apart: every route with an :id answers 404 for another zone's record and leaves
// it untouched, lists and exports never show another zone's rows, and a body that points at
// another zone's record is refused naming the field. Routes are enumerated from the app, so a new
// route without a case here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ApplicationCreateInput, fieldLabel } from '@shuangsheng/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeTestApp, type TestApp } from './harness.js';
import {
  makeAgencyCase, makeApplicationItem, makeBuilding, makeEmploymentRegistrations, makeEnterprise, makeGridUnit, makePark, makeServiceItem, makeSlot, makeTeam, makeTemplateFile, makeUser, newAdmin, rootGridUnit,
  serviceItemInput, validCreditCode, validResidentId, zoneSnapshot, type TestZone, type ZoneTable,
} from './factories.js';
import { pdfBytes, pngBytes } from './files.js';
import { makeDemand, makeProject, makeSupplyItem, makeSupplyRequest, makeVisit } from './demand-factories.js';
import { completePlanFields } from './resumption-factories.js';
import { defaultItems, makeInspector, makeTemplate, startRound, tinyJpeg } from './inspection-factories.js';
import { openLedgerFinding } from './inspection-factories-2.js';
import { multipart, readXlsx, xlsxOf } from './xlsx.js';
import { reportProgress } from '../platform/progress.js';
import { insertRegistrations, people, registrationRow } from './checkpoint-factories-3.js';
import { makeCheckpoint, makePass, setRisk } from './checkpoint-factories.js';
import { HEALTHY, publicForm, registerPublic } from './checkpoint-factories-2.js';
import { addDays } from '../platform/calendar.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

/** A zone with one record of every kind, named so that a leak is easy to spot. */
async function foreignZone() {
  const { zone } = await newAdmin(t.app, t.services);
  const park = await makePark(t.services, zone, '外区园区LEAK');
  const building = await makeBuilding(t.services, zone, park.id, '外区楼宇LEAK');
  const grid = await makeGridUnit(t.services, zone, (await rootGridUnit(t.services, zone)).id, '外区街道LEAK');
  const enterprise = await makeEnterprise(t.services, zone, { name: '外区企业LEAK', parkId: park.id, contactPhone: '13812345678' });
  const user = await makeUser(t.services, zone, ['commissioner', 'inspector']);
  const team = await makeTeam(t.services, zone, { name: '外区队伍LEAK', leaderId: user.id, memberIds: [user.id] });
  const assignment = await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: user.id, targetId: enterprise.id, isPrimary: true });
  const file = await makeTemplateFile(t.services, zone, pdfBytes('foreign template'), '外区模板LEAK.pdf');
  const item = await makeServiceItem(t.services, zone, {
    name: '外区事项LEAK',
    department: '外区部门LEAK',
    materials: [{ key: 'm1', name: '外区材料LEAK', required: true, fileTypes: ['pdf'], templateFileId: file.id }],
  });
  // A holiday of that zone on an ordinary Monday.
  await t.services.calendar.setDay(zone.ctx, '2020-03-02', { kind: 'holiday', name: '外区假日LEAK' });
  const x = t.services.servicesExtras;
  const slot = await makeSlot(t.services, zone, { itemId: item.id, window: '外区窗口LEAK', date: '2099-01-05' });
  const booking = await x.appointments.book(zone.ctx, { slotId: slot.id, contactName: '外区联系人LEAK', contactPhone: '13912345678' });
  const consultation = await x.consultations.publish(zone.ctx, (await x.consultations.answer(zone.ctx, (await x.consultations.ask(zone.ctx, { itemId: item.id, title: '外区咨询LEAK', question: '外区问题LEAK' })).id, '外区答复LEAK')).id);
  const agencyCase = await makeAgencyCase(t.services, zone, { projectName: '外区项目LEAK', enterpriseId: enterprise.id, parkId: park.id });
  const registration = (await makeEmploymentRegistrations(t.services, zone, enterprise.creditCode, [{ name: '外区工人LEAK', idNumber: validResidentId(7), phone: '13812345678', returnedOn: '2020-02-20' }])).items[0]!;
  // Applications: one submitted with a material, one approved with its licence; a notice for the zone's officer.
  const officer = await makeUser(t.services, zone, ['approval_officer']);
  const appItem = await makeApplicationItem(t.services, zone, { name: '外区办件事项LEAK', department: '外区部门LEAK', licenceName: '外区证照LEAK' });
  const a = t.services.applications;
  const apply = async (...actions: ('submit' | 'accept' | 'approve')[]) => {
    const input = ApplicationCreateInput.parse({ itemId: appItem.id, enterpriseId: enterprise.id, applicant: { name: '外区申请人LEAK', phone: '13812345678' }, channel: 'counter', delivery: 'pickup', form: { purpose: '外区事由LEAK' } });
    const created = await a.create(zone.ctx, input);
    await a.uploadMaterial(zone.ctx, created.id, 'form', pdfBytes('foreign material'), '外区材料LEAK.pdf');
    for (const action of actions) await a.act(zone.ctx, created.id, action, {});
    return a.get(zone.ctx, created.id);
  };
  const application = await apply('submit');
  const approved = await apply('submit', 'accept', 'approve');
  const notification = (await t.services.notifications.list({ ...zone.ctx, actor: { ...zone.ctx.actor, userId: officer.id } }, { page: 1, pageSize: 1 })).items[0]!;
  const ops = await foreignOps(zone, enterprise.id, park.id);
  const filing = await foreignFiling(zone, enterprise.id);
  const inspections = await foreignInspections(zone, park.id, building.id, enterprise.id);
  const ledger = await foreignLedger(zone, park.id);
  const traced = await foreignTraced(zone);
  const checkpoints = await foreignCheckpoints(zone, building.id, grid.id, enterprise.id);
  const intake = await foreignIntake(zone, checkpoints.gate.token);
  return {
    zone, park, building, grid, enterprise, user, team, assignment, file, item, slot, booking, consultation, agencyCase, registration, officer, appItem, application, approved, licence: approved.licence!,
    notification,
    ops,
    filing,
    inspections,
    ledger,
    traced,
    checkpoints,
    intake,
  };
}
type Foreign = Awaited<ReturnType<typeof foreignZone>>;

/** Inspections of the foreign zone: a checklist, a park plan, a round whose task is walked, answered with a photo and submitted with a failed item; a second task still open. */
async function foreignInspections(zone: TestZone, parkId: string, buildingId: string, enterpriseId: string) {
  const s = t.services;
  const items = defaultItems().map((i) => ({ ...i, title: `外区${i.title}LEAK`, guidance: '外区指引LEAK' }));
  const template = await makeTemplate(s, zone, items, '外区规范LEAK');
  const inspector = await makeInspector(s, zone, parkId);
  await s.inspections.parks.setPlan(zone.ctx, parkId, { risk: 'high', size: 'large', frequencyDays: 3 });
  const round = await startRound(s, zone, { parkIds: [parkId], templateId: template.id, roundDate: s.inspections.scope.today(), name: '外区巡查LEAK' });
  const [task] = (await s.inspections.tasks.list(zone.ctx, { roundId: round.id, page: 1, pageSize: 1 })).items;
  const tasks = s.inspections.tasks;
  const photo = await tasks.uploadPhoto(zone.ctx, task!.id, await tinyJpeg(), '外区照片LEAK.jpg');
  const { place } = await tasks.addPlace(zone.ctx, task!.id, { place: 'entrance' });
  await tasks.addPlace(zone.ctx, task!.id, { place: 'building', buildingId });
  await tasks.addPlace(zone.ctx, task!.id, { place: 'enterprise', enterpriseId });
  await tasks.answer(zone.ctx, task!.id, { placeId: place.id, itemKey: 'entrance_temperature', result: 'pass', note: '外区备注LEAK', photoFileIds: [photo.id] });
  await tasks.answer(zone.ctx, task!.id, {
    placeId: place.id,
    itemKey: 'vehicle_registration',
    result: 'fail',
    photoFileIds: [photo.id],
    finding: { disposition: 'ledger', description: '外区问题LEAK', afterPhotoFileIds: [], responsibleParty: '外区物业LEAK', measure: '外区措施LEAK', deadline: '2099-01-01' },
  });
  const submitted = await tasks.act(zone.ctx, task!.id, 'submit', {});
  const open = await startRound(s, zone, { parkIds: [parkId], templateId: template.id, roundDate: '2099-01-05', name: '外区待巡LEAK' });
  const [openTask] = (await s.inspections.tasks.list(zone.ctx, { roundId: open.id, page: 1, pageSize: 1 })).items;
  return { template, inspector, round, task: submitted, place, photo, openTask: openTask! };
}

/**
 * Registrations of the foreign zone for tracing, retention and statistics: a checkpoint, a person
 * registered there in 2020 (purged by the zone's purge, whose report it keeps) and an hour ago.
 */
async function foreignTraced(zone: TestZone) {
  const checkpoint = await t.services.checkpoints.checkpoints.create(zone.ctx, { name: '外区轨迹卡口LEAK', kind: 'highway_exit', location: '外区出口LEAK' });
  const [person] = people(t, 1, 8800);
  const row = (at: number) => registrationRow(t, zone, { checkpointId: checkpoint.id, at, person: { ...person!, name: '外区人员LEAK' }, province: '外区省LEAK' });
  const old = row(Date.parse('2020-02-20T08:00:00+08:00'));
  const recent = row(Date.now() - 3_600_000);
  await insertRegistrations(t, [old, recent]);
  const purge = await t.services.checkpoints.retention.purge(zone.id);
  return { checkpoint, person: person!, old, recent, purge };
}

/**
 * Checkpoints of the foreign zone: a checkpoint on its street (with a risk level) moved to a
 * service point and its token rotated, a building gate, a pass of the building (phone 13812345678,
 * as other LEAK records), a floor colour, and its own settings.
 */
/**
 * Registrations of the foreign zone through its QR form: a driver with a fever at its gate (a case
 * opened and transferred to a clinic), with the phone other LEAK records have.
 */
async function foreignIntake(zone: TestZone, token: string) {
  const form = publicForm({ name: '外区登记LEAK', phone: '13812345678', plate: '川Z99999', destination: '外区目的地LEAK', reason: '外区事由LEAK', health: { ...HEALTHY, fever: true } });
  const receipt = await registerPublic(t.app, token, form);
  const found = await t.services.checkpoints.cases.repo.byRegistration(zone.id, receipt.id);
  await t.services.checkpoints.cases.act(zone.ctx, found!.id, 'transfer', { clinic: '外区诊所LEAK' });
  return { form, receipt, caseId: found!.id };
}

async function foreignCheckpoints(zone: TestZone, buildingId: string, gridUnitId: string, enterpriseId: string) {
  const checkpoint = await makeCheckpoint(t, zone, { name: '外区卡口LEAK', kind: 'city_road', gridUnitId, location: '外区位置LEAK', status: 'service_point' });
  await t.services.checkpoints.checkpoints.rotateToken(zone.ctx, checkpoint.id);
  const gate = await makeCheckpoint(t, zone, { name: '外区门岗LEAK', kind: 'building_gate', buildingId });
  await setRisk(t, zone, gridUnitId, 'high');
  await t.services.checkpoints.passes.setFloorColour(zone.ctx, { buildingId, floor: 2, colour: 'cyan' });
  const pass = await makePass(t, zone, { buildingId, floor: 2, enterpriseId, holderName: '外区持证人LEAK', phone: '13812345678' });
  await t.services.checkpoints.settings.update(zone.ctx, { retentionDays: 7 });
  return { checkpoint, gate, pass };
}

/** The ledger side of the foreign zone's inspections: an open ledger finding with today's follow-up task and its photo, and a census entry. */
async function foreignLedger(zone: TestZone, parkId: string) {
  const open = await openLedgerFinding(t.services, zone, parkId);
  const census = await t.services.inspections.census.create(zone.ctx, { parkId, censusDate: '2020-02-20', enterprises: 5, employees: 120, staffLeft: 30, staffReturned: 20, enterprisesResumed: 3, difficulties: '外区困难LEAK' });
  return { ...open, census };
}

/** Resumption operations of the foreign zone: a visit, a demand, a supply item with stock, a request and an allocation, a major project. */
async function foreignOps(zone: TestZone, enterpriseId: string, parkId: string) {
  const visit = await makeVisit(t.services, zone, enterpriseId, { content: '外区走访LEAK', policiesExplained: '外区政策LEAK' });
  const demand = await makeDemand(t.services, zone, enterpriseId, { title: '外区诉求LEAK', description: '外区困难LEAK', department: '外区部门LEAK' });
  const supplyItem = await makeSupplyItem(t.services, zone, { name: '外区口罩LEAK', stock: 100 });
  const allocated = await makeSupplyRequest(t.services, zone, enterpriseId, supplyItem.id, 10);
  await t.services.resumption.supplies.actOnRequest(zone.ctx, allocated.id, 'allocate', {});
  const request = await makeSupplyRequest(t.services, zone, enterpriseId, supplyItem.id, 20);
  const project = await makeProject(t.services, zone, { name: '外区重大项目LEAK', ownerEnterpriseId: enterpriseId, parkId });
  return { visit, demand, supplyItem, request, project };
}

/** The foreign enterprise's resumption: an approved plan with evidence and a site check, a daily report, a suspension. */
async function foreignFiling(zone: TestZone, enterpriseId: string) {
  const r = t.services.resumption;
  const { planId, ...fields } = await completePlanFields(t.services, zone, enterpriseId);
  await r.plans.update(zone.ctx, planId, { ...fields, contactName: '外区联系人LEAK', measuresNote: '外区措施LEAK', quarantineNote: '外区隔离LEAK' });
  await r.plans.act(zone.ctx, planId, 'submit', {});
  const photo = await r.plans.uploadFile(zone.ctx, planId, pngBytes(), '外区照片LEAK.png');
  await r.plans.siteCheck(zone.ctx, planId, { checkDate: r.scope.today(), inspectorName: '外区核查员LEAK', findings: '外区核查LEAK', photoFileIds: [photo.id], passed: true });
  const plan = await r.plans.act(zone.ctx, planId, 'approve', { conditions: ['外区条件LEAK'] });
  const report = await r.reports.put(zone.ctx, { enterpriseId, reportDate: r.scope.today(), staffOnSite: 7, capacityPct: 70, suppliesDaysLeft: 7, abnormalTemperature: 0, note: '外区日报LEAK' });
  await r.status.suspend(zone.ctx, enterpriseId, { reason: '外区停工LEAK' });
  await r.settings.update(zone.ctx, { slaHours: 48 });
  return { plan, report, photo };
}

const TABLES: ZoneTable[] = [
  'parks', 'buildings', 'grid_units', 'enterprises', 'users', 'user_roles', 'teams', 'team_members', 'assignments', 'audit_log', 'sessions', 'service_items', 'calendar_days', 'files',
  'appointment_slots', 'appointments', 'consultations', 'agency_cases', 'agency_stages', 'employment_registrations',
  'applications', 'application_materials', 'application_events', 'licences', 'notifications',
  'resumption_visits', 'resumption_demands', 'resumption_demand_events', 'supply_items', 'supply_requests', 'supply_movements', 'major_projects',
  'resumption_settings', 'resumption_plans', 'resumption_plan_files', 'resumption_plan_events', 'resumption_site_checks', 'resumption_suspensions', 'resumption_daily_reports', 'resumption_reminders',
  'inspection_templates', 'inspection_template_versions', 'inspection_park_plans', 'inspection_rounds', 'inspection_tasks', 'inspection_places', 'inspection_answers',
  'inspection_findings', 'inspection_finding_events', 'inspection_escalations', 'inspection_census',
  'checkpoints', 'checkpoint_status_events', 'checkpoint_revoked_tokens', 'checkpoint_settings', 'checkpoint_passes', 'pass_floor_colours', 'grid_risk_levels',
  'checkpoint_registrations', 'checkpoint_rollups', 'checkpoint_cases', 'checkpoint_case_events',
];

/** The text of every sheet of a workbook. */
async function readAllSheets(buffer: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => out.push(JSON.stringify(row.values)));
  return out.join('\n');
}

/** Every row of every table of a zone, to prove nothing of it changed. */
async function dump(zone: TestZone): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    out[table] = await t.deps.database.db
      .selectFrom(table as 'parks')
      .selectAll()
      .where('zone_id', '=', zone.id)
      .execute()
      .then((rows) => rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}

/**
 * For each route with an :id, the foreign record to aim at and a body the schema accepts (`url` when
 * the path has more parameters, `upload` for a multipart file).
 */
const BY_ID: Record<string, (f: Foreign) => { id: string; body?: unknown; url?: string; upload?: Buffer }> = {
  'GET /api/parks/:id': (f) => ({ id: f.park.id }),
  'PATCH /api/parks/:id': (f) => ({ id: f.park.id, body: { name: '被改名', managerPhone: '13900000000' } }),
  'DELETE /api/parks/:id': (f) => ({ id: f.park.id }),
  'POST /api/parks/:id/actions/reveal-phone': (f) => ({ id: f.park.id, body: { reason: '越区查看' } }),
  'GET /api/buildings/:id': (f) => ({ id: f.building.id }),
  'PATCH /api/buildings/:id': (f) => ({ id: f.building.id, body: { name: '被改名', floors: 3 } }),
  'DELETE /api/buildings/:id': (f) => ({ id: f.building.id }),
  'GET /api/grid-units/:id': (f) => ({ id: f.grid.id }),
  'PATCH /api/grid-units/:id': (f) => ({ id: f.grid.id, body: { name: '被改名' } }),
  'DELETE /api/grid-units/:id': (f) => ({ id: f.grid.id }),
  'GET /api/users/:id': (f) => ({ id: f.user.id }),
  'PATCH /api/users/:id': (f) => ({ id: f.user.id, body: { status: 'disabled', displayName: '被改名' } }),
  'POST /api/users/:id/actions/reset-password': (f) => ({ id: f.user.id, body: { password: 'Hijacked-pass-1' } }),
  'POST /api/users/:id/actions/unlock': (f) => ({ id: f.user.id }),
  'GET /api/teams/:id': (f) => ({ id: f.team.id }),
  'PATCH /api/teams/:id': (f) => ({ id: f.team.id, body: { name: '被改名', memberIds: [] } }),
  'DELETE /api/teams/:id': (f) => ({ id: f.team.id }),
  'GET /api/assignments/:id': (f) => ({ id: f.assignment.id }),
  'PATCH /api/assignments/:id': (f) => ({ id: f.assignment.id, body: { isPrimary: false, note: '被改' } }),
  'DELETE /api/assignments/:id': (f) => ({ id: f.assignment.id }),
  'GET /api/enterprises/:id': (f) => ({ id: f.enterprise.id }),
  'PATCH /api/enterprises/:id': (f) => ({ id: f.enterprise.id, body: { name: '被改名', employees: 1 } }),
  'GET /api/enterprises/:id/history': (f) => ({ id: f.enterprise.id }),
  'POST /api/enterprises/:id/actions/reveal-phone': (f) => ({ id: f.enterprise.id, body: { reason: '越区查看' } }),
  'GET /api/service-items/:id': (f) => ({ id: f.item.id }),
  'PATCH /api/service-items/:id': (f) => ({ id: f.item.id, body: { name: '被改名', promisedDays: 1, materials: [] } }),
  'DELETE /api/service-items/:id': (f) => ({ id: f.item.id }),
  'GET /api/files/:id': (f) => ({ id: f.file.id }),
  'GET /api/appointment-slots/:id': (f) => ({ id: f.slot.id }),
  'PATCH /api/appointment-slots/:id': (f) => ({ id: f.slot.id, body: { capacity: 99, window: '被改' } }),
  'POST /api/appointment-slots/:id/actions/close': (f) => ({ id: f.slot.id }),
  'POST /api/appointment-slots/:id/actions/reopen': (f) => ({ id: f.slot.id }),
  'GET /api/appointments/:id': (f) => ({ id: f.booking.id }),
  'POST /api/appointments/:id/actions/cancel': (f) => ({ id: f.booking.id }),
  'POST /api/appointments/:id/actions/check-in': (f) => ({ id: f.booking.id }),
  'POST /api/appointments/:id/actions/no-show': (f) => ({ id: f.booking.id }),
  'GET /api/consultations/:id': (f) => ({ id: f.consultation.id }),
  'POST /api/consultations/:id/actions/answer': (f) => ({ id: f.consultation.id, body: { answer: '越区答复' } }),
  'POST /api/consultations/:id/actions/publish': (f) => ({ id: f.consultation.id }),
  'POST /api/consultations/:id/actions/unpublish': (f) => ({ id: f.consultation.id }),
  'GET /api/agency-cases/:id': (f) => ({ id: f.agencyCase.id }),
  'PATCH /api/agency-cases/:id': (f) => ({ id: f.agencyCase.id, body: { projectName: '被改名' } }),
  'PATCH /api/agency-cases/:id/stages': (f) => ({ id: f.agencyCase.id, body: { stage: 'production', status: 'done' } }),
  'GET /api/employment-registrations/:id': (f) => ({ id: f.registration.id }),
  'POST /api/employment-registrations/:id/actions/reveal': (f) => ({ id: f.registration.id, body: { reason: '越区查看' } }),
  'GET /api/applications/:id': (f) => ({ id: f.application.id }),
  'PATCH /api/applications/:id': (f) => ({ id: f.application.id, body: { form: { purpose: '被改' } } }),
  'DELETE /api/applications/:id': (f) => ({ id: f.application.id }),
  'POST /api/applications/:id/materials/:key': (f) => ({ id: f.application.id, url: `/api/applications/${f.application.id}/materials/photo`, upload: pngBytes() }),
  'DELETE /api/applications/:id/materials/:materialId': (f) => ({ id: f.application.id, url: `/api/applications/${f.application.id}/materials/${f.application.materials[0]!.id}` }),
  'GET /api/applications/:id/materials/:materialId/file': (f) => ({ id: f.application.id, url: `/api/applications/${f.application.id}/materials/${f.application.materials[0]!.id}/file` }),
  'GET /api/applications/:id/materials.zip': (f) => ({ id: f.application.id }),
  'POST /api/applications/:id/actions/:action': (f) => ({ id: f.application.id, url: `/api/applications/${f.application.id}/actions/accept`, body: {} }),
  'PUT /api/applications/:id/assignee': (f) => ({ id: f.application.id, body: { assigneeId: null } }),
  'POST /api/applications/:id/licence': (f) => ({ id: f.approved.id }),
  'GET /api/applications/:id/licence.pdf': (f) => ({ id: f.approved.id }),
  'POST /api/licences/:id/actions/revoke': (f) => ({ id: f.licence.id, body: { reason: '越区注销' } }),
  'POST /api/notifications/:id/actions/read': (f) => ({ id: f.notification.id }),
  'GET /api/resumption/demands/:id': (f) => ({ id: f.ops.demand.id }),
  'PATCH /api/resumption/demands/:id': (f) => ({ id: f.ops.demand.id, body: { department: '越区改部门', category: 'other' } }),
  'POST /api/resumption/demands/:id/actions/:action': (f) => ({ id: f.ops.demand.id, url: `/api/resumption/demands/${f.ops.demand.id}/actions/start`, body: {} }),
  'PATCH /api/resumption/supplies/items/:id': (f) => ({ id: f.ops.supplyItem.id, body: { name: '被改名' } }),
  'POST /api/resumption/supplies/items/:id/stock-in': (f) => ({ id: f.ops.supplyItem.id, body: { quantity: 1, source: '越区入库' } }),
  'POST /api/resumption/supplies/requests/:id/actions/:action': (f) => ({ id: f.ops.request.id, url: `/api/resumption/supplies/requests/${f.ops.request.id}/actions/allocate`, body: {} }),
  'PATCH /api/resumption/projects/:id': (f) => ({ id: f.ops.project.id, body: { name: '被改名' } }),
  'POST /api/resumption/projects/:id/actions/:action': (f) => ({ id: f.ops.project.id, url: `/api/resumption/projects/${f.ops.project.id}/actions/restart`, body: {} }),
  'GET /api/resumption/enterprises/:id/profile': (f) => ({ id: f.enterprise.id }),
  'GET /api/resumption/plans/:id': (f) => ({ id: f.filing.plan.id }),
  'PATCH /api/resumption/plans/:id': (f) => ({ id: f.filing.plan.id, body: { masks: 1, contactName: '被改' } }),
  'POST /api/resumption/plans/:id/files': (f) => ({ id: f.filing.plan.id, upload: pngBytes() }),
  'GET /api/resumption/plans/:id/files/:fileId': (f) => ({ id: f.filing.plan.id, url: `/api/resumption/plans/${f.filing.plan.id}/files/${f.filing.photo.id}` }),
  'POST /api/resumption/plans/:id/actions/:action': (f) => ({ id: f.filing.plan.id, url: `/api/resumption/plans/${f.filing.plan.id}/actions/refuse`, body: { reason: '越区驳回' } }),
  'POST /api/resumption/plans/:id/site-checks': (f) => ({ id: f.filing.plan.id, body: { checkDate: '2020-02-24', findings: '越区核查' } }),
  'GET /api/resumption/enterprises/:id/history': (f) => ({ id: f.enterprise.id }),
  'POST /api/resumption/enterprises/:id/actions/:action': (f) => ({ id: f.enterprise.id, url: `/api/resumption/enterprises/${f.enterprise.id}/actions/resume`, body: {} }),
  'GET /api/inspections/templates/:id': (f) => ({ id: f.inspections.template.id }),
  'GET /api/inspections/templates/:id/versions/:version': (f) => ({ id: f.inspections.template.id, url: `/api/inspections/templates/${f.inspections.template.id}/versions/1` }),
  'POST /api/inspections/templates/:id/versions': (f) => ({ id: f.inspections.template.id, body: { items: defaultItems() } }),
  'GET /api/inspections/templates/:id/export.xlsx': (f) => ({ id: f.inspections.template.id }),
  'POST /api/inspections/templates/:id/import': (f) => ({ id: f.inspections.template.id, url: `/api/inspections/templates/${f.inspections.template.id}/import?dryRun=false`, upload: pngBytes() }),
  'PUT /api/inspections/parks/:id/plan': (f) => ({ id: f.park.id, body: { risk: 'low', size: 'small', frequencyDays: 30 } }),
  'GET /api/inspections/rounds/:id': (f) => ({ id: f.inspections.round.id }),
  'GET /api/inspections/rounds/:id/tasks': (f) => ({ id: f.inspections.round.id }),
  'POST /api/inspections/rounds/:id/actions/:action': (f) => ({ id: f.inspections.round.id, url: `/api/inspections/rounds/${f.inspections.round.id}/actions/close` }),
  'GET /api/inspections/tasks/:id': (f) => ({ id: f.inspections.task.id }),
  'PATCH /api/inspections/tasks/:id': (f) => ({ id: f.inspections.openTask.id, body: { policiesExplained: '越区政策宣贯' } }),
  'POST /api/inspections/tasks/:id/places': (f) => ({ id: f.inspections.openTask.id, body: { place: 'inner' } }),
  'POST /api/inspections/tasks/:id/photos': (f) => ({ id: f.inspections.openTask.id, upload: pngBytes() }),
  'GET /api/inspections/tasks/:id/photos/:fileId': (f) => ({ id: f.inspections.task.id, url: `/api/inspections/tasks/${f.inspections.task.id}/photos/${f.inspections.photo.id}` }),
  'PUT /api/inspections/tasks/:id/answers': (f) => ({ id: f.inspections.task.id, body: { placeId: f.inspections.place.id, itemKey: 'publicity', result: 'pass' } }),
  'POST /api/inspections/tasks/:id/actions/:action': (f) => ({ id: f.inspections.openTask.id, url: `/api/inspections/tasks/${f.inspections.openTask.id}/actions/start`, body: {} }),
  'GET /api/inspections/findings/:id': (f) => ({ id: f.ledger.finding.id }),
  'GET /api/inspections/findings/:id/photos/:fileId': (f) => ({ id: f.ledger.finding.id, url: `/api/inspections/findings/${f.ledger.finding.id}/photos/${f.ledger.finding.photoFileIds[0]}` }),
  'POST /api/inspections/findings/:id/actions/close': (f) => ({ id: f.ledger.finding.id, body: { note: '越区销号', afterPhotoFileIds: [f.ledger.photoId] } }),
  'POST /api/inspections/findings/:id/actions/raise-demand': (f) => ({ id: f.ledger.finding.id, body: { category: 'materials', title: '越区诉求', description: '越区描述' } }),
  'POST /api/inspections/tasks/:id/follow-up': (f) => ({ id: f.ledger.followUp.id, body: { note: '越区回访', photoFileIds: [f.ledger.photoId] } }),
  'PATCH /api/inspections/census/:id': (f) => ({ id: f.ledger.census.id, body: { staffReturned: 1 } }),
  'GET /api/checkpoints/:id': (f) => ({ id: f.checkpoints.checkpoint.id }),
  'PATCH /api/checkpoints/:id': (f) => ({ id: f.checkpoints.checkpoint.id, body: { name: '被改名', location: '越区改址' } }),
  'POST /api/checkpoints/:id/actions/status': (f) => ({ id: f.checkpoints.checkpoint.id, body: { status: 'closed', reason: '越区撤除' } }),
  'POST /api/checkpoints/:id/actions/rotate-token': (f) => ({ id: f.checkpoints.checkpoint.id }),
  'GET /api/checkpoints/:id/qr.png': (f) => ({ id: f.checkpoints.checkpoint.id }),
  'GET /api/checkpoints/:id/poster.pdf': (f) => ({ id: f.checkpoints.checkpoint.id }),
  'GET /api/checkpoints/passes/:id': (f) => ({ id: f.checkpoints.pass.id }),
  'POST /api/checkpoints/passes/:id/actions/revoke': (f) => ({ id: f.checkpoints.pass.id, body: { reason: '越区注销' } }),
  'POST /api/checkpoints/passes/:id/actions/reveal': (f) => ({ id: f.checkpoints.pass.id, body: { field: 'idNumber', reason: '越区查看' } }),
  'GET /api/checkpoints/passes/:id/qr.png': (f) => ({ id: f.checkpoints.pass.id }),
  'GET /api/checkpoints/passes/:id/card.pdf': (f) => ({ id: f.checkpoints.pass.id }),
  'POST /api/checkpoints/:id/registrations': (f) => ({ id: f.checkpoints.gate.id, body: publicForm({ name: '越区代登' }) }),
  'GET /api/checkpoints/:id/vehicles/recent': (f) => ({ id: f.checkpoints.gate.id }),
  'POST /api/checkpoints/:id/actions/scan': (f) => ({ id: f.checkpoints.gate.id, body: { code: f.checkpoints.pass.token, direction: 'in' } }),
  'POST /api/checkpoints/registrations/:id/actions/reveal': (f) => ({ id: f.intake.receipt.id, body: { field: 'idNumber', reason: '越区查看' } }),
  'POST /api/checkpoints/registrations/:id/actions/temperature': (f) => ({ id: f.intake.receipt.id, body: { temperature: 36.5 } }),
  'GET /api/checkpoints/cases/:id': (f) => ({ id: f.intake.caseId }),
  'POST /api/checkpoints/cases/:id/actions/:action': (f) => ({ id: f.intake.caseId, url: `/api/checkpoints/cases/${f.intake.caseId}/actions/result`, body: { outcome: 'cleared' } }),
  'POST /api/checkpoints/cases/:id/actions/reveal': (f) => ({ id: f.intake.caseId, body: { field: 'phone', reason: '越区查看' } }),
};

const ENTITY_OF: Record<string, string> = {
  parks: 'park', buildings: 'building', 'grid-units': 'grid_unit', users: 'user', teams: 'team', assignments: 'assignment', enterprises: 'enterprise', 'service-items': 'service_item',
  files: 'file',
  'appointment-slots': 'appointment_slot', appointments: 'appointment', consultations: 'consultation', 'agency-cases': 'agency_case', 'employment-registrations': 'employment_registration',
  applications: 'application', licences: 'licence', notifications: 'notification',
  demands: 'demand', projects: 'major_project', 'supplies/items': 'supply_item', 'supplies/requests': 'supply_request',
  plans: 'resumption_plan',
  'inspections/templates': 'inspection_template', 'inspections/parks': 'park', 'inspections/rounds': 'inspection_round', 'inspections/tasks': 'inspection_task',
  'inspections/findings': 'inspection_finding', 'inspections/census': 'inspection_census',
  checkpoints: 'checkpoint', 'checkpoints/passes': 'checkpoint_pass',
  'checkpoints/registrations': 'checkpoint_registration', 'checkpoints/cases': 'checkpoint_case',
};

const routesWith = (pred: (url: string, method: string) => boolean) =>
  t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/'))
    .flatMap((r) => [r.method].flat().filter((m) => m !== 'HEAD').map((m) => ({ method: m, url: r.url })))
    .filter((r) => pred(r.url, r.method));

describe('another zone’s records by id', () => {
  it('every route with an :id has a case here', () => {
    const withId = routesWith((url) => url.includes('/:id')).map((r) => `${r.method} ${r.url}`);
    expect(withId.sort()).toEqual(Object.keys(BY_ID).sort());
  });

  it('answer 404 on every such route, and stay exactly as they were', async () => {
    const mine = await newAdmin(t.app, t.services);
    const f = await foreignZone();
    const before = await dump(f.zone);
    const ownBefore = await zoneSnapshot(t.deps.database, mine.zone.id);
    for (const [key, make] of Object.entries(BY_ID)) {
      const [method, pattern] = key.split(' ') as [InjectOptions['method'], string];
      const { id, body, url, upload } = make(f);
      const file = upload ? multipart(upload, { filename: 'x.png', contentType: 'image/png' }) : null;
      const payload = file ? { payload: file.payload, headers: file.headers } : body === undefined ? {} : { payload: body as Record<string, unknown> };
      const res = await mine.call({ method, url: url ?? pattern.replace(':id', id), ...payload });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(404);
      // /api/<entities>/…, or /api/resumption/<entities>/… for the resumption module, /api/inspections/<entities>/… named in full.
      const segments = pattern.split('/');
      const entity = ENTITY_OF[segments.slice(2, 4).join('/')] ?? ENTITY_OF[segments.slice(3, 5).join('/')] ?? ENTITY_OF[segments[2] === 'resumption' ? segments[3]! : segments[2]!]!;
      expect(res.json().error, key).toMatchObject({ code: 'not_found', details: { entity, id } });
    }
    expect(await dump(f.zone)).toEqual(before);
    // Nothing was written in the caller's zone either (not even an audit record of a reveal).
    expect(await zoneSnapshot(t.deps.database, mine.zone.id)).toEqual(ownBefore);
  });

  it('the progress of another zone’s import is not visible', async () => {
    const mine = await newAdmin(t.app, t.services);
    const f = await foreignZone();
    const jobId = '01900000-0000-7000-8000-00000000abcd';
    reportProgress(`${f.zone.id}:${jobId}`, { phase: 'saving', processed: 500, total: 900 });
    const res = await mine.call({ method: 'GET', url: `/api/import-progress/${jobId}` });
    expect(res.json()).toEqual({ phase: 'reading', processed: 0, total: 0 });
  });
});

describe('lists and exports', () => {
  it('never include another zone’s rows, also when filtered by its ids', async () => {
    const mine = await newAdmin(t.app, t.services);
    const own = await makePark(t.services, mine.zone, '本区园区');
    await makeEnterprise(t.services, mine.zone, { parkId: own.id });
    const ownBuilding = await makeBuilding(t.services, mine.zone, own.id);
    const f = await foreignZone();
    const foreignIds = [
      f.park.id, f.building.id, f.grid.id, f.enterprise.id, f.user.id, f.team.id, f.assignment.id, f.zone.id, f.item.id, f.file.id, f.slot.id, f.booking.id, f.consultation.id, f.agencyCase.id,
      f.registration.id, f.application.id, f.approved.id, f.licence.id, f.notification.id, f.officer.id, f.appItem.id,
      f.ops.visit.id, f.ops.demand.id, f.ops.supplyItem.id, f.ops.request.id, f.ops.project.id,
      f.filing.plan.id, f.filing.report.id, f.filing.photo.id,
      f.inspections.template.id, f.inspections.template.current.id, f.inspections.round.id, f.inspections.task.id, f.inspections.openTask.id, f.inspections.place.id, f.inspections.photo.id, f.inspections.inspector.id,
      f.ledger.finding.id, f.ledger.followUp.id, f.ledger.photoId, f.ledger.census.id, f.ledger.enterprise.id,
      f.traced.checkpoint.id, f.traced.old.id, f.traced.recent.id,
      f.checkpoints.checkpoint.id, f.checkpoints.gate.id, f.checkpoints.pass.id,
      f.intake.receipt.id, f.intake.caseId,
    ];
    // (An event stream never ends: the alert stream's zone is tested in cases.api.test.ts.)
    const lists = routesWith((url, method) => method === 'GET' && !url.includes(':') && !url.endsWith('.xlsx') && !url.endsWith('.zip') && !url.endsWith('/stream') && !/^\/api\/(docs|openapi|health|auth|zones)/.test(url));
    expect(lists.map((r) => r.url).sort()).toEqual(
      [
        '/api/assignments', '/api/audit', '/api/audit/actions', '/api/audit/entity-types', '/api/buildings', '/api/calendar', '/api/calendar/due', '/api/enterprises', '/api/grid-units',
        '/api/grid-units/tree', '/api/parks', '/api/service-items', '/api/service-items/departments', '/api/teams', '/api/users',
        '/api/appointment-slots', '/api/appointments', '/api/consultations', '/api/public/faq', '/api/agency-cases', '/api/employment-registrations',
        '/api/applications', '/api/applications/queues', '/api/services/officers', '/api/licences', '/api/notifications', '/api/notifications/unread-count', '/api/services/stats',
        '/api/resumption/stats', '/api/resumption/workbench',
        '/api/resumption/settings', '/api/resumption/plans', '/api/resumption/enterprises', '/api/resumption/daily-reports', '/api/resumption/daily-reports/missing',
        '/api/resumption/visits', '/api/resumption/demands', '/api/resumption/supplies/items', '/api/resumption/supplies/requests', '/api/resumption/supplies/ledger', '/api/resumption/projects',
        '/api/inspections/templates', '/api/inspections/parks', '/api/inspections/rounds', '/api/inspections/tasks',
        '/api/inspections/findings', '/api/inspections/census', '/api/inspections/census/prefill', '/api/inspections/stats',
        '/api/checkpoints/stats', '/api/checkpoints/retention/purges',
        '/api/checkpoints', '/api/checkpoints/risk', '/api/checkpoints/passes', '/api/checkpoints/floor-colours', '/api/checkpoints/settings',
        '/api/checkpoints/registrations', '/api/checkpoints/cases',
      ].sort(),
    );
    // The calendar's reads need a year or a start; the foreign zone's holiday falls inside both.
    const required: Record<string, string> = {
      '/api/calendar': '?year=2020', '/api/calendar/due': '?from=2020-02-28&days=1', '/api/services/stats': '?from=2020-01-01&to=2020-12-31',
      '/api/inspections/census/prefill': `?parkId=${own.id}`, '/api/inspections/stats': '?from=2020-01-01&to=2020-12-31',
      '/api/checkpoints/stats': '?from=2020-01-01&to=2020-12-31',
      '/api/checkpoints/floor-colours': `?buildingId=${ownBuilding.id}`,
    };
    const withQuery = (url: string, filter = '') => (required[url] ?? '') + (required[url] && filter ? `&${filter.slice(1)}` : filter);
    const filters = [
      `?parkId=${f.park.id}`, `?buildingId=${f.building.id}`, `?gridUnitId=${f.grid.id}`, `?leadingEnterpriseId=${f.enterprise.id}`, `?parentId=${f.grid.id}`,
      `?userId=${f.user.id}`, `?targetId=${f.enterprise.id}`, `?actorId=${f.user.id}`, `?entityId=${f.enterprise.id}`, `?q=LEAK`, `?department=${encodeURIComponent('外区部门LEAK')}`,
      `?itemId=${f.item.id}`, `?slotId=${f.slot.id}`, `?enterpriseId=${f.enterprise.id}`, `?agentId=${f.agencyCase.agentId}`, `?q=13812345678`,
      `?itemId=${f.ops.supplyItem.id}`,
      `?roundId=${f.inspections.round.id}`, `?templateId=${f.inspections.template.id}`, `?mine=true`,
      `?itemKey=office_area`, `?ledger=true`, `?kind=follow_up`,
      `?checkpointId=${f.checkpoints.gate.id}`, `?q=${f.intake.receipt.code}`, `?q=${encodeURIComponent('川Z99999')}`,
    ];
    for (const { url } of lists) {
      const res = await mine.call({ method: 'GET', url: url + withQuery(url) });
      expect(res.statusCode, url).toBe(200);
      for (const id of foreignIds) expect(res.body.includes(id), `${url} shows ${id}`).toBe(false);
      expect(res.body, url).not.toContain('LEAK');
      for (const filter of filters) {
        const filtered = await mine.call({ method: 'GET', url: url + withQuery(url, filter) });
        if (filtered.statusCode === 400) continue; // a filter this list does not have
        expect(filtered.statusCode, url + filter).toBe(200);
        for (const id of foreignIds) expect(filtered.body.includes(id), `${url}${filter} shows ${id}`).toBe(false);
        const body = filtered.json();
        if (!Array.isArray(body) && 'total' in body && url !== '/api/audit') expect(body.total, url + filter).toBe(0);
      }
    }
    // The other zone's Monday off moves no due date here, and is not in this zone's year.
    expect((await mine.call({ method: 'GET', url: '/api/calendar/due?from=2020-02-28&days=1' })).json()).toEqual({ from: '2020-02-28', days: 1, due: '2020-03-02' });
    expect((await mine.call({ method: 'GET', url: '/api/calendar?year=2020' })).json()).toEqual({ year: 2020, days: [], workingDays: 262 });
    // Counts and figures of the own zone only.
    expect((await mine.call({ method: 'GET', url: '/api/applications/queues' })).json()).toMatchObject({ byStatus: {}, unassigned: 0 });
    expect((await mine.call({ method: 'GET', url: '/api/services/stats?from=2020-01-01&to=2020-12-31' })).json()).toMatchObject({ received: 0, completed: 0, byDepartment: [] });
    // The other zone's SLA setting, plans and reports are not this zone's.
    expect((await mine.call({ method: 'GET', url: '/api/resumption/settings' })).json()).toMatchObject({ slaHours: 24 });
    expect((await mine.call({ method: 'GET', url: '/api/resumption/enterprises?status=suspended' })).json().total).toBe(0);
    const figures = (await mine.call({ method: 'GET', url: '/api/resumption/stats' })).json();
    expect(figures).toMatchObject({ enterprises: { total: 1 }, overall: { denominator: 1 }, supplyChains: [], parks: [{ parkId: own.id, ratio: { denominator: 1 } }] });
    // The statistics workbook (both sheets) holds nothing of the other zone.
    const workbook = await mine.call({ method: 'GET', url: '/api/resumption/stats.xlsx' });
    expect(workbook.statusCode).toBe(200);
    const sheets = await readAllSheets(workbook.rawPayload);
    expect(sheets).not.toContain('LEAK');
    for (const id of foreignIds) expect(sheets.includes(id), `stats.xlsx holds ${id}`).toBe(false);
    // Inspection figures and their workbook: the own zone's (nothing) only.
    expect((await mine.call({ method: 'GET', url: '/api/inspections/stats?from=2020-01-01&to=2020-12-31' })).json()).toMatchObject({ parks: { denominator: 0 }, items: [], findings: { total: 0 }, ledger: { open: 0 } });
    expect((await mine.call({ method: 'GET', url: `/api/inspections/census/prefill?parkId=${own.id}` })).json()).toMatchObject({ enterprises: 1 });
    const inspectionSheets = await readAllSheets((await mine.call({ method: 'GET', url: '/api/inspections/stats.xlsx?from=2020-01-01&to=2020-12-31' })).rawPayload);
    expect(inspectionSheets).not.toContain('LEAK');
    // Checkpoint figures, their workbook, the purge reports and a trace: the own zone's (nothing) only.
    expect((await mine.call({ method: 'GET', url: '/api/checkpoints/stats?from=2020-01-01&to=2020-12-31' })).json()).toMatchObject({ persons: 0, byCheckpoint: [], byProvince: [], cases: { total: 0 } });
    expect((await mine.call({ method: 'GET', url: '/api/checkpoints/retention/purges' })).json()).toEqual({ items: [] });
    const checkpointSheets = await readAllSheets((await mine.call({ method: 'GET', url: '/api/checkpoints/stats.xlsx?from=2020-01-01&to=2020-12-31' })).rawPayload);
    expect(checkpointSheets).not.toContain('LEAK');
    const today = t.services.checkpoints.scope.today();
    for (const by of [{ by: 'idNumber', value: f.traced.person.idNumber }, { by: 'phone', value: f.traced.person.phone }]) {
      const trace = await mine.call({ method: 'POST', url: '/api/checkpoints/trace', payload: { ...by, from: addDays(today, -2), to: today, reason: '越区轨迹查询' } });
      expect(trace.json()).toEqual({ stops: [], contacts: [], truncated: false });
    }
    // Checkpoint settings and risk levels are the zone's own; another zone's grid unit is 404.
    expect((await mine.call({ method: 'GET', url: '/api/checkpoints/settings' })).json().retentionDays).toBe(28);
    expect(await t.services.checkpoints.risk.levelsByCheckpoint(mine.zone.id)).toEqual(new Map());
    expect((await mine.call({ method: 'PUT', url: `/api/checkpoints/risk/${f.grid.id}`, payload: { level: 'low', controlClass: 'normal', measures: '越区定级', reason: '越区定级' } })).json().error).toMatchObject({ code: 'not_found', details: { entity: 'grid_unit', id: f.grid.id } });
    expect((await mine.call({ method: 'GET', url: `/api/checkpoints/risk/${f.grid.id}/history` })).statusCode).toBe(404);
    // (The other zone's own tracer finds the person there: the search itself works.)
    const theirs = await t.services.checkpoints.trace.search(f.zone.id, { by: 'idNumber', value: f.traced.person.idNumber, from: addDays(today, -2), to: today, windowMinutes: 30, reason: '本区轨迹查询' });
    expect(theirs.stops.map((s) => s.id)).toEqual([f.traced.recent.id]);
    // The materials archive, filtered by the other zone's item or not, holds nothing of it.
    for (const q of ['', `?itemId=${f.appItem.id}`, '?q=LEAK']) {
      const zip = await mine.call({ method: 'GET', url: `/api/applications/materials.zip${q}` });
      expect(zip.statusCode, q).toBe(200);
      expect(Object.keys((await JSZip.loadAsync(zip.rawPayload)).files), q).toEqual([]);
    }
  });

  it('exports hold no row of another zone', async () => {
    const mine = await newAdmin(t.app, t.services);
    await makePark(t.services, mine.zone, '本区园区');
    const f = await foreignZone();
    // (Exports of one record by :id are in the by-id cases above.)
    const exports = routesWith((url, method) => method === 'GET' && url.endsWith('export.xlsx') && !url.includes('/:'));
    expect(exports.map((r) => r.url).sort()).toEqual(
      [
        '/api/assignments/export.xlsx', '/api/audit/export.xlsx', '/api/buildings/export.xlsx', '/api/enterprises/export.xlsx', '/api/grid-units/export.xlsx', '/api/parks/export.xlsx',
        '/api/service-items/export.xlsx', '/api/teams/export.xlsx', '/api/users/export.xlsx',
        '/api/appointment-slots/export.xlsx', '/api/appointments/export.xlsx', '/api/consultations/export.xlsx', '/api/agency-cases/export.xlsx', '/api/employment-registrations/export.xlsx',
        '/api/applications/export.xlsx', '/api/services/stats/export.xlsx', '/api/licences/export.xlsx',
        '/api/resumption/visits/export.xlsx', '/api/resumption/demands/export.xlsx', '/api/resumption/supplies/ledger/export.xlsx', '/api/resumption/projects/export.xlsx',
        '/api/resumption/plans/export.xlsx', '/api/resumption/enterprises/export.xlsx', '/api/resumption/daily-reports/export.xlsx',
        '/api/inspections/findings/export.xlsx', '/api/inspections/census/export.xlsx',
        '/api/checkpoints/export.xlsx', '/api/checkpoints/passes/export.xlsx', '/api/checkpoints/risk/export.xlsx',
        '/api/checkpoints/registrations/export.xlsx', '/api/checkpoints/cases/export.xlsx',
      ].sort(),
    );
    const required: Record<string, string> = { '/api/services/stats/export.xlsx': '?from=2020-01-01&to=2020-12-31' };
    for (const { url } of exports) {
      const res = await mine.call({ method: 'GET', url: url + (required[url] ?? '') });
      expect(res.statusCode, url).toBe(200);
      const text = JSON.stringify(await readXlsx(res.rawPayload));
      expect(text, url).not.toContain('LEAK');
      for (const id of [f.park.id, f.enterprise.id, f.user.id, f.user.username, f.item.code]) expect(text.includes(id), `${url} holds ${id}`).toBe(false);
    }
  });
});

describe('references to another zone’s records in a body', () => {
  it('are refused naming the field, and nothing is written', async () => {
    const mine = await newAdmin(t.app, t.services);
    const z = mine.zone;
    const park = await makePark(t.services, z);
    const building = await makeBuilding(t.services, z, park.id);
    const root = await rootGridUnit(t.services, z);
    const enterprise = await makeEnterprise(t.services, z);
    const staff = await makeUser(t.services, z, ['commissioner', 'inspector']);
    const team = await makeTeam(t.services, z);
    const linked = await makeUser(t.services, z, ['enterprise_user'], { enterpriseId: enterprise.id });
    const ownFile = await makeTemplateFile(t.services, z, pdfBytes('own template'), '本区模板.pdf');
    const item = await makeServiceItem(t.services, z);
    const ownTemplate = await makeTemplate(t.services, z);
    await makeInspector(t.services, z, park.id);
    const ownCheckpoint = await makeCheckpoint(t, z);
    const f = await foreignZone();
    const cases: [InjectOptions['method'], string, Record<string, unknown>, string][] = [
      ['POST', '/api/buildings', { parkId: f.park.id, name: '楼' }, 'parkId'],
      ['PATCH', `/api/buildings/${building.id}`, { parkId: f.park.id }, 'parkId'],
      ['POST', '/api/grid-units', { parentId: f.grid.id, code: 'X1', name: '格' }, 'parentId'],
      ['POST', '/api/enterprises', { creditCode: validCreditCode(), name: '企', parkId: f.park.id }, 'parkId'],
      ['POST', '/api/enterprises', { creditCode: validCreditCode(), name: '企', buildingId: f.building.id }, 'buildingId'],
      ['POST', '/api/enterprises', { creditCode: validCreditCode(), name: '企', gridUnitId: f.grid.id }, 'gridUnitId'],
      ['POST', '/api/enterprises', { creditCode: validCreditCode(), name: '企', leadingEnterpriseId: f.enterprise.id }, 'leadingEnterpriseId'],
      ['PATCH', `/api/enterprises/${enterprise.id}`, { parkId: f.park.id }, 'parkId'],
      ['PATCH', `/api/enterprises/${enterprise.id}`, { buildingId: f.building.id }, 'buildingId'],
      ['PATCH', `/api/enterprises/${enterprise.id}`, { gridUnitId: f.grid.id }, 'gridUnitId'],
      ['PATCH', `/api/enterprises/${enterprise.id}`, { leadingEnterpriseId: f.enterprise.id }, 'leadingEnterpriseId'],
      ['POST', '/api/users', { username: 'cross.zone', displayName: '跨区', roles: ['enterprise_user'], enterpriseId: f.enterprise.id }, 'enterpriseId'],
      ['PATCH', `/api/users/${linked.id}`, { enterpriseId: f.enterprise.id }, 'enterpriseId'],
      ['POST', '/api/teams', { kind: 'task_force', name: '队1', parentId: f.team.id }, 'parentId'],
      ['POST', '/api/teams', { kind: 'task_force', name: '队2', leaderId: f.user.id }, 'leaderId'],
      ['POST', '/api/teams', { kind: 'task_force', name: '队3', memberIds: [staff.id, f.user.id] }, 'memberIds'],
      ['PATCH', `/api/teams/${team.id}`, { parentId: f.team.id }, 'parentId'],
      ['PATCH', `/api/teams/${team.id}`, { leaderId: f.user.id }, 'leaderId'],
      ['PATCH', `/api/teams/${team.id}`, { memberIds: [f.user.id] }, 'memberIds'],
      ['POST', '/api/assignments', { kind: 'enterprise_commissioner', userId: f.user.id, targetId: enterprise.id }, 'userId'],
      ['POST', '/api/assignments', { kind: 'enterprise_commissioner', userId: staff.id, targetId: f.enterprise.id }, 'targetId'],
      ['POST', '/api/assignments', { kind: 'park_inspector', userId: staff.id, targetId: f.park.id }, 'targetId'],
      ['POST', '/api/assignments', { kind: 'grid_official', userId: staff.id, targetId: f.grid.id }, 'targetId'],
      ['POST', '/api/service-items', serviceItemInput({ materials: [{ key: 'm1', name: '申请书', required: true, fileTypes: ['pdf'], templateFileId: f.file.id }] }), 'materials.0.templateFileId'],
      [
        'PATCH',
        `/api/service-items/${item.id}`,
        { materials: [{ key: 'own', name: '本区模板', required: true, fileTypes: ['pdf'], templateFileId: ownFile.id }, { key: 'theirs', name: '外区模板', required: false, fileTypes: ['pdf'], templateFileId: f.file.id }] },
        'materials.1.templateFileId',
      ],
      ['POST', '/api/applications', { itemId: f.appItem.id, enterpriseId: enterprise.id, applicant: { name: '跨区', phone: '13900006666' }, channel: 'counter' }, 'itemId'],
      ['POST', '/api/applications', { itemId: item.id, enterpriseId: f.enterprise.id, applicant: { name: '跨区', phone: '13900006666' }, channel: 'counter' }, 'enterpriseId'],
      ['POST', '/api/resumption/visits', { enterpriseId: f.enterprise.id, visitDate: '2020-02-20', content: '越区走访' }, 'enterpriseId'],
      ['POST', '/api/resumption/demands', { enterpriseId: f.enterprise.id, category: 'labour', title: '越区诉求', description: '越区描述' }, 'enterpriseId'],
      ['POST', '/api/resumption/supplies/requests', { enterpriseId: f.enterprise.id, itemId: f.ops.supplyItem.id, quantity: 1, reason: '越区申请' }, 'enterpriseId'],
      ['POST', '/api/resumption/supplies/requests', { enterpriseId: enterprise.id, itemId: f.ops.supplyItem.id, quantity: 1, reason: '越区物资' }, 'itemId'],
      ['POST', '/api/resumption/projects', { name: '越区业主', investmentFen: 1, ownerEnterpriseId: f.enterprise.id }, 'ownerEnterpriseId'],
      ['POST', '/api/resumption/projects', { name: '越区园区', investmentFen: 1, parkId: f.park.id }, 'parkId'],
      ['POST', '/api/resumption/plans', { enterpriseId: f.enterprise.id }, 'enterpriseId'],
      ['PUT', '/api/resumption/daily-reports', { enterpriseId: f.enterprise.id, reportDate: '2020-03-02', staffOnSite: 1, capacityPct: 10, suppliesDaysLeft: 3, abnormalTemperature: 0 }, 'enterpriseId'],
      ['POST', '/api/inspections/rounds', { name: '越区规范', roundDate: '2020-03-02', templateId: f.inspections.template.id, parkIds: [park.id] }, 'templateId'],
      ['POST', '/api/inspections/rounds', { name: '越区园区', roundDate: '2020-03-02', templateId: ownTemplate.id, parkIds: [park.id, f.park.id] }, 'parkIds.1'],
      ['POST', '/api/inspections/census', { parkId: f.park.id, censusDate: '2020-03-02', enterprises: 1, employees: 1, staffLeft: 0, staffReturned: 0, enterprisesResumed: 0 }, 'parkId'],
      ['POST', '/api/inspections/census', { parkId: park.id, roundId: f.inspections.round.id, censusDate: '2020-03-02', enterprises: 1, employees: 1, staffLeft: 0, staffReturned: 0, enterprisesResumed: 0 }, 'roundId'],
      ['POST', '/api/checkpoints', { name: '越区网格卡口', kind: 'city_road', gridUnitId: f.grid.id }, 'gridUnitId'],
      ['POST', '/api/checkpoints', { name: '越区楼宇卡口', kind: 'building_gate', buildingId: f.building.id }, 'buildingId'],
      ['PATCH', `/api/checkpoints/${ownCheckpoint.id}`, { gridUnitId: f.grid.id }, 'gridUnitId'],
      ['POST', '/api/checkpoints/passes', { buildingId: f.building.id, floor: 1, holderName: '越区', idKind: 'passport', idNumber: 'E12345678', phone: '13900006666' }, 'buildingId'],
      ['POST', '/api/checkpoints/passes', { buildingId: building.id, floor: 1, enterpriseId: f.enterprise.id, holderName: '越区', idKind: 'passport', idNumber: 'E12345678', phone: '13900006666' }, 'enterpriseId'],
      ['PUT', '/api/checkpoints/floor-colours', { buildingId: f.building.id, floor: 1, colour: 'red' }, 'buildingId'],
      ['POST', `/api/checkpoints/${ownCheckpoint.id}/registrations`, { repeatOf: f.intake.receipt.id, direction: 'in', health: HEALTHY }, 'repeatOf'],
    ];
    expect(root.level).toBe('zone');
    const mineBefore = await dump(z);
    const theirsBefore = await dump(f.zone);
    for (const [method, url, payload, field] of cases) {
      const res = await mine.call({ method, url, payload });
      const what = `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`;
      expect(res.statusCode, what).toBe(422);
      expect(res.json().error, what).toEqual({ code: 'rule.cross_zone_reference', message: `${fieldLabel('zh-CN', field)}指向的记录不存在或不属于本高新区`, details: { field } });
    }
    expect(await dump(z)).toEqual(mineBefore);
    expect(await dump(f.zone)).toEqual(theirsBefore);
  });

  it('an import cannot name another zone’s park, grid unit or leading enterprise', async () => {
    const mine = await newAdmin(t.app, t.services);
    const f = await foreignZone();
    const file = await xlsxOf(['统一社会信用代码', '企业名称', '所属园区', '网格编码', '所属龙头企业信用代码'], [
      [validCreditCode(), '跨区园区', f.park.name, null, null],
      [validCreditCode(), '跨区网格', null, f.grid.code, null],
      [validCreditCode(), '跨区龙头', null, null, f.enterprise.creditCode],
    ]);
    const body = multipart(file);
    const res = await mine.call({ method: 'POST', url: '/api/enterprises/import?dryRun=false', payload: body.payload, headers: body.headers });
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, '所属园区'], [3, '网格编码'], [4, '所属龙头企业信用代码']]);
    expect(await zoneSnapshot(t.deps.database, mine.zone.id)).toMatchObject({ enterprises: 0 });
  });
});
