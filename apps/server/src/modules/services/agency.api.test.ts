// 帮办代办 through the API: a case per key project with owner enterprise, investment, park and an
// approval officer as agent, always free of charge; the six-stage plan with status, dates, notes
// and linked applications of the own zone; the list by stage with filters and Excel export;
// enterprise users read their own enterprise's cases only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_STAGES, type AgencyCase } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeAgencyCase, makeEnterprise, makePark, makeServiceDesk, makeServiceItem, makeUser, newAdmin, signedInUser, type TestZone } from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const NOW = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

async function setup() {
  const desk = await makeServiceDesk(t.app, t.services, { enterpriseName: '自贡东方锅炉工业有限公司' });
  const park = await makePark(t.services, desk.zone, '板仓工业园');
  return { ...desk, park };
}

/** An application of the zone to link (the applications module's own service makes it). */
async function makeApplication(zone: TestZone, enterpriseId: string) {
  const item = await makeServiceItem(t.services, zone, { name: '建设工程规划许可证核发' });
  return t.services.applications.create(zone.ctx, { itemId: item.id, applicantType: 'enterprise', enterpriseId, applicant: { name: '陈刚', phone: '13800000001' }, channel: 'counter', delivery: 'electronic', form: {} });
}

const STAGES = ['project_approval', 'land_planning', 'engineering_planning', 'construction_permit', 'completion_acceptance', 'production'];

describe('cases', () => {
  it('opens a case with the six pending stages, free of charge, in the first stage', async () => {
    const { officer, enterprise, park } = await setup();
    const payload = { projectName: '年产10万吨锂电池正极材料项目', enterpriseId: enterprise.id, investmentFen: 1_250_000_000_00, parkId: park.id, agentId: officer.user.id, note: '市级重点项目' };
    const res = await officer.call({ method: 'POST', url: '/api/agency-cases', payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String), projectName: payload.projectName, enterpriseId: enterprise.id, enterpriseName: '自贡东方锅炉工业有限公司', investmentFen: 1_250_000_000_00, parkId: park.id,
      parkName: '板仓工业园', agentId: officer.user.id, agentName: officer.user.displayName, free: true, note: '市级重点项目', currentStage: 'project_approval',
      stages: STAGES.map((stage) => ({ stage, status: 'pending', plannedOn: null, actualOn: null, note: null, applications: [] })), createdAt: NOW, updatedAt: NOW,
    });
  });

  it('the agent must be an approval officer of the zone; other references must be in the zone', async () => {
    const { officer, zone, enterprise } = await setup();
    const leader = await makeUser(t.services, zone, ['leader']);
    const base = { projectName: '项目', enterpriseId: enterprise.id, investmentFen: 100, agentId: officer.user.id };
    const notOfficer = await officer.call({ method: 'POST', url: '/api/agency-cases', payload: { ...base, agentId: leader.id } });
    expect(notOfficer.statusCode).toBe(422);
    expect(notOfficer.json().error).toEqual({ code: 'rule.agency_agent', message: '帮办员须为本区的审批人员', details: { field: 'agentId' } });
    const other = await newAdmin(t.app, t.services);
    const foreignEnterprise = await makeEnterprise(t.services, other.zone);
    const foreignOfficer = await makeUser(t.services, other.zone, ['approval_officer']);
    const foreignPark = await makePark(t.services, other.zone);
    for (const [field, patch] of [['enterpriseId', { enterpriseId: foreignEnterprise.id }], ['agentId', { agentId: foreignOfficer.id }], ['parkId', { parkId: foreignPark.id }]] as const) {
      const res = await officer.call({ method: 'POST', url: '/api/agency-cases', payload: { ...base, ...patch } });
      expect(res.statusCode, field).toBe(422);
      expect(res.json().error, field).toMatchObject({ code: 'rule.cross_zone_reference', details: { field } });
    }
    const negative = await officer.call({ method: 'POST', url: '/api/agency-cases', payload: { ...base, investmentFen: -1 } });
    expect(negative.json().error.details).toEqual([{ path: 'investmentFen', message: '不能小于 0' }]);
  });

  it('updates the case and keeps the change in the audit log', async () => {
    const { officer, zone } = await setup();
    const c = await makeAgencyCase(t.services, zone, { projectName: '旧名' });
    const res = await officer.call({ method: 'PATCH', url: `/api/agency-cases/${c.id}`, payload: { projectName: '新名', investmentFen: 500 } });
    expect(res.json()).toMatchObject({ projectName: '新名', investmentFen: 500 });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', c.id).where('action', '=', 'agency_case.update').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ projectName: '新名', investmentFen: 500 });
  });
});

describe('the stage plan', () => {
  it('moves through the stages: done fills the actual date, the case moves on, linked applications show', async () => {
    const { officer, zone, enterprise } = await setup();
    const c = await makeAgencyCase(t.services, zone, { enterpriseId: enterprise.id });
    const application = await makeApplication(zone, enterprise.id);
    const stage = (payload: object) => officer.call({ method: 'PATCH', url: `/api/agency-cases/${c.id}/stages`, payload });
    const planned = await stage({ stage: 'project_approval', status: 'in_progress', plannedOn: '2020-03-10', note: '已报发改局' });
    expect(planned.json().stages[0]).toEqual({ stage: 'project_approval', status: 'in_progress', plannedOn: '2020-03-10', actualOn: null, note: '已报发改局', applications: [] });
    const done = await stage({ stage: 'project_approval', status: 'done' });
    expect(done.json().stages[0]).toMatchObject({ status: 'done', actualOn: '2020-02-24' });
    expect(done.json().currentStage).toBe('land_planning');
    const linked = await stage({ stage: 'land_planning', status: 'in_progress', applicationIds: [application.id, application.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().stages[1].applications).toEqual([{ id: application.id, number: application.number ?? null, itemName: '建设工程规划许可证核发', status: application.status }]);
    // Every stage done: the project is in production, the case has no current stage.
    for (const s of STAGES.slice(1)) await stage({ stage: s, status: 'done', actualOn: '2020-02-20' });
    const all = (await officer.call({ method: 'GET', url: `/api/agency-cases/${c.id}` })).json() as AgencyCase;
    expect(all.currentStage).toBeNull();
    expect(all.stages.map((s) => s.actualOn)).toEqual(['2020-02-24', '2020-02-20', '2020-02-20', '2020-02-20', '2020-02-20', '2020-02-20']);
    // Reopening an earlier stage brings the case back to it.
    expect((await stage({ stage: 'construction_permit', status: 'in_progress' })).json().currentStage).toBe('construction_permit');
  });

  it('refuses another zone’s application, an unknown stage and bad dates, naming the field', async () => {
    const { officer, zone } = await setup();
    const c = await makeAgencyCase(t.services, zone);
    const other = await newAdmin(t.app, t.services);
    const foreign = await makeApplication(other.zone, (await makeEnterprise(t.services, other.zone)).id);
    const stage = (payload: object) => officer.call({ method: 'PATCH', url: `/api/agency-cases/${c.id}/stages`, payload });
    const cross = await stage({ stage: 'land_planning', applicationIds: [foreign.id] });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toEqual({ code: 'rule.cross_zone_reference', message: '关联办件指向的记录不存在或不属于本高新区', details: { field: 'applicationIds' } });
    expect((await stage({ stage: 'demolition', status: 'done' })).json().error.details[0].path).toBe('stage');
    expect((await stage({ stage: 'land_planning', plannedOn: '2020-02-30' })).json().error.details).toEqual([{ path: 'plannedOn', message: '应为日期，格式 YYYY-MM-DD' }]);
    expect((await stage({ stage: 'land_planning', status: 'stuck' })).statusCode).toBe(400);
  });
});

describe('the list', () => {
  it('a case whose every stage is done is in production; reopening a stage brings it back', async () => {
    const { officer, zone } = await setup();
    const names = async (q: string) => (await officer.call({ method: 'GET', url: `/api/agency-cases?${q}` })).json().items.map((c: AgencyCase) => c.projectName).sort();
    const c = await makeAgencyCase(t.services, zone, { projectName: '已投产项目' });
    for (const stage of AGENCY_STAGES) await t.services.servicesExtras.agency.updateStage(zone.ctx, c.id, { stage, status: 'done', actualOn: '2020-02-01' });
    expect(await names('stage=completed')).toEqual(['已投产项目']);
    await t.services.servicesExtras.agency.updateStage(zone.ctx, c.id, { stage: 'engineering_planning', status: 'in_progress' });
    expect(await names('stage=completed')).toEqual([]);
    expect(await names('stage=engineering_planning')).toEqual(['已投产项目']);
    await t.services.servicesExtras.agency.updateStage(zone.ctx, c.id, { stage: 'engineering_planning', status: 'done' });
  });

  it('shows the stage each case is in, filters by stage, agent, park, enterprise and keyword, and exports', async () => {
    const { officer, zone, park } = await setup();
    const a = await makeAgencyCase(t.services, zone, { projectName: '高端装备产业园项目', parkId: park.id, agentId: officer.user.id });
    const b = await makeAgencyCase(t.services, zone, { projectName: '节能环保装备项目', investmentFen: 320_000_000_00 });
    await t.services.servicesExtras.agency.updateStage(zone.ctx, b.id, { stage: 'project_approval', status: 'done', actualOn: '2020-01-15' });
    const names = async (q: string) => (await officer.call({ method: 'GET', url: `/api/agency-cases?${q}` })).json().items.map((c: AgencyCase) => c.projectName).sort();
    expect(await names('')).toEqual(['节能环保装备项目', '高端装备产业园项目'].sort());
    expect(await names('stage=project_approval')).toEqual(['高端装备产业园项目']);
    expect(await names('stage=land_planning')).toEqual(['节能环保装备项目']);
    expect(await names('stage=completed')).toEqual([]);
    expect(await names(`agentId=${officer.user.id}`)).toEqual(['高端装备产业园项目']);
    expect(await names(`parkId=${park.id}`)).toEqual(['高端装备产业园项目']);
    expect(await names(`enterpriseId=${b.enterpriseId}`)).toEqual(['节能环保装备项目']);
    expect(await names(`q=${encodeURIComponent('节能')}`)).toEqual(['节能环保装备项目']);
    expect(await names(`q=${encodeURIComponent(b.enterpriseName!)}`)).toEqual(['节能环保装备项目']);
    expect((await officer.call({ method: 'GET', url: '/api/agency-cases?sort=investmentFen:desc' })).json().items[0].id).toBe(b.id);
    const sheet = await xlsxResponse(await officer.call({ method: 'GET', url: '/api/agency-cases/export.xlsx?sort=projectName:asc' }));
    expect(column(sheet, '项目名称')).toEqual(['节能环保装备项目', '高端装备产业园项目'].sort());
    expect(column(sheet, '收费')).toEqual(['免费', '免费']);
    const byName = new Map(sheet.rows.map((r) => [r[0], r]));
    expect(byName.get('节能环保装备项目')).toContain('已完成 2020-01-15');
    expect(column(sheet, '当前阶段').sort()).toEqual(['用地规划', '立项'].sort());
    const en = await xlsxResponse(await officer.call({ method: 'GET', url: '/api/agency-cases/export.xlsx', headers: { 'accept-language': 'en-US' } }));
    expect(column(en, 'Fee')).toEqual(['Free of charge', 'Free of charge']);
    void a;
  });

  it('enterprise users read their own enterprise’s cases only, and write none', async () => {
    const { zone, enterprise } = await setup();
    const own = await makeAgencyCase(t.services, zone, { enterpriseId: enterprise.id });
    const theirs = await makeAgencyCase(t.services, zone);
    const user = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: enterprise.id });
    expect((await user.call({ method: 'GET', url: '/api/agency-cases' })).json().items.map((c: AgencyCase) => c.id)).toEqual([own.id]);
    expect((await user.call({ method: 'GET', url: `/api/agency-cases/${own.id}` })).statusCode).toBe(200);
    expect((await user.call({ method: 'GET', url: `/api/agency-cases/${theirs.id}` })).statusCode).toBe(404);
    expect((await user.call({ method: 'PATCH', url: `/api/agency-cases/${own.id}`, payload: { projectName: '改' } })).statusCode).toBe(403);
    expect((await user.call({ method: 'PATCH', url: `/api/agency-cases/${own.id}/stages`, payload: { stage: 'production', status: 'done' } })).statusCode).toBe(403);
    expect((await user.call({ method: 'GET', url: '/api/agency-cases/export.xlsx' })).statusCode).toBe(403);
    // Staff without agency permissions see nothing.
    const inspector = await signedInUser(t.app, t.services, zone, ['inspector']);
    expect((await inspector.call({ method: 'GET', url: '/api/agency-cases' })).statusCode).toBe(403);
  });
});
