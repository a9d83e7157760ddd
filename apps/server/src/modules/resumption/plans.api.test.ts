// Resumption plans (复工申请, 一企一案) through the API: the enterprise's draft checked for
// completeness (the five in place each with date and evidence) and consistent counts, submission
// with a number and an SLA, review (site checks, approve with or without conditions, return,
// refuse) with 409 on every other transition, one open plan per enterprise even under parallel
// requests, who may do what (own enterprise, assigned commissioner, leaders read only), the
// timeline, notifications, files and the Excel export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIVE_IN_PLACE, PLAN_ACTIONS, PLAN_STATUSES, type PlanDetail, type PlanStatus } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, newAdmin, signedInUser, type Caller } from '../../test/factories.js';
import { docxBytes, jpegBytes, pdfBytes, pngBytes } from '../../test/files.js';
import { column, multipart, xlsxResponse } from '../../test/xlsx.js';
import { makeFiledEnterprise, makeResumedEnterprise } from '../../test/resumption-factories.js';

const START = Date.UTC(2020, 1, 24, 1, 0, 0); // 09:00 on 24 February 2020 in Shanghai
const HOUR = 3_600_000;
const clock = testClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

type Call = Caller['call'];

/** A zone with an enterprise (120 employees), its user, its commissioner, the approval team, a leader and a second enterprise. */
async function desk(app = t) {
  const admin = await newAdmin(app.app, app.services);
  const { zone } = admin;
  const enterprise = await makeEnterprise(app.services, zone, { name: '重庆长安汽车股份有限公司', employees: 120 });
  const owner = await signedInUser(app.app, app.services, zone, ['enterprise_user'], { enterpriseId: enterprise.id });
  const commissioner = await signedInUser(app.app, app.services, zone, ['commissioner']);
  await app.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: commissioner.user.id, targetId: enterprise.id, isPrimary: true });
  const officer = await signedInUser(app.app, app.services, zone, ['approval_officer']);
  const leader = await signedInUser(app.app, app.services, zone, ['leader']);
  const other = await makeEnterprise(app.services, zone, { name: '重庆小康工业集团' });
  const otherOwner = await signedInUser(app.app, app.services, zone, ['enterprise_user'], { enterpriseId: other.id });
  const otherCommissioner = await signedInUser(app.app, app.services, zone, ['commissioner']);
  await app.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: otherCommissioner.user.id, targetId: other.id, isPrimary: true });
  return { admin, zone, enterprise, owner, commissioner, officer, leader, other, otherOwner, otherCommissioner };
}

async function upload(call: Call, planId: string, bytes: Buffer = pdfBytes('evidence'), filename = 'evidence.pdf') {
  const body = multipart(bytes, { filename, contentType: 'application/octet-stream' });
  return call({ method: 'POST', url: `/api/resumption/plans/${planId}/files`, payload: body.payload, headers: body.headers });
}

/** The content of a complete plan, with a PDF of evidence uploaded for each of the five in place. */
async function complete(call: Call, planId: string, employeesTotal = 100) {
  const fiveInPlace: Record<string, { date: string; evidenceFileIds: string[] }> = {};
  for (const k of FIVE_IN_PLACE) {
    const res = await upload(call, planId, pdfBytes(k), `${k}.pdf`);
    expect(res.statusCode, res.body).toBe(201);
    fiveInPlace[k] = { date: '2020-02-21', evidenceFileIds: [res.json().id] };
  }
  return {
    plannedStartDate: '2020-02-25',
    employeesTotal,
    plannedOnSite: 80,
    returnedToCity: 90,
    stillOutside: 10,
    fromHighRisk: 2,
    highRiskQuarantined: 2,
    masks: 3000,
    thermometers: 12,
    disinfectantLitres: 40,
    suppliesDays: 7,
    measures: ['temperatureChecks', 'staggeredCanteen', 'shuttleBuses', 'isolationRoom'],
    contactName: '刘主任',
    contactPhone: '13812345678',
    fiveInPlace,
  };
}

async function draft(call: Call, body: Record<string, unknown> = {}): Promise<PlanDetail> {
  const res = await call({ method: 'POST', url: '/api/resumption/plans', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const act = (call: Call, id: string, action: string, payload: Record<string, unknown> = {}) => call({ method: 'POST', url: `/api/resumption/plans/${id}/actions/${action}`, payload });
const patch = (call: Call, id: string, payload: Record<string, unknown>) => call({ method: 'PATCH', url: `/api/resumption/plans/${id}`, payload });

/** A plan of the enterprise filed by its user and submitted. */
async function submitted(call: Call): Promise<PlanDetail> {
  const plan = await draft(call);
  expect((await patch(call, plan.id, await complete(call, plan.id))).statusCode).toBe(200);
  const res = await act(call, plan.id, 'submit');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function noticesOf(userId: string, kind: string) {
  return t.deps.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', kind).orderBy('created_at').orderBy('id').execute();
}

describe('filing a plan', () => {
  it('an enterprise user drafts, completes and submits: every missing part named, then a number, an SLA and notices', async () => {
    const d = await desk();
    const plan = await draft(d.owner.call);
    expect(plan).toMatchObject({ number: null, status: 'draft', version: 1, enterpriseId: d.enterprise.id, enterpriseName: '重庆长安汽车股份有限公司', submittedAt: null, slaDueAt: null, hoursLeft: null, commissioner: { id: d.commissioner.user.id } });
    expect(plan.events.map((e) => [e.action, e.toStatus])).toEqual([['create', 'draft']]);

    // Nothing filled in: every missing part is named, the five in place among them.
    const empty = await act(d.owner.call, plan.id, 'submit');
    expect(empty.statusCode).toBe(400);
    const paths = (empty.json().error.details as { path: string; message: string }[]).map((x) => x.path);
    expect(paths).toEqual([
      'plannedStartDate', 'employeesTotal', 'plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk', 'masks', 'thermometers', 'disinfectantLitres', 'suppliesDays', 'contactName',
      'measures', 'contactPhone', ...FIVE_IN_PLACE.map((k) => `fiveInPlace.${k}`),
    ]);
    expect(empty.json().error.details[0]).toEqual({ path: 'plannedStartDate', message: '必填' });

    // Complete but for the safety-education session: the plan cannot be submitted.
    const fields = await complete(d.owner.call, plan.id);
    const { safetyEducation: _left, ...four } = fields.fiveInPlace;
    const saved = await patch(d.owner.call, plan.id, { ...fields, fiveInPlace: { ...four, safetyEducation: null } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, missing: ['fiveInPlace.safetyEducation'], fields: { contactPhoneMasked: '138****5678', employeesTotal: 100 } });
    const five = await act(d.owner.call, plan.id, 'submit');
    expect(five.statusCode).toBe(400);
    expect(five.json().error).toEqual({ code: 'validation', message: '请求参数有误：fiveInPlace.safetyEducation: 必填', details: [{ path: 'fiveInPlace.safetyEducation', message: '必填' }] });
    // An entry without evidence is as missing as none.
    const noEvidence = await patch(d.owner.call, plan.id, { fiveInPlace: { safetyEducation: { date: '2020-02-22', evidenceFileIds: [] } } });
    expect(noEvidence.json().missing).toEqual(['fiveInPlace.safetyEducation']);

    // The phone is kept encrypted.
    const stored = await t.deps.database.db.selectFrom('resumption_plans').select('contact_phone_enc').where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(stored.contact_phone_enc).not.toContain('13812345678');

    expect((await patch(d.owner.call, plan.id, { fiveInPlace: { safetyEducation: fields.fiveInPlace.safetyEducation } })).json().missing).toEqual([]);
    const res = await act(d.owner.call, plan.id, 'submit', { comment: '请审核' });
    expect(res.statusCode, res.body).toBe(200);
    const filed: PlanDetail = res.json();
    expect(filed).toMatchObject({ status: 'submitted', number: expect.stringMatching(/^FG-20200224-\d{4}$/), submittedAt: START, slaDueAt: START + 24 * HOUR, hoursLeft: 24 });
    expect(filed.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'draft'], ['update', 'draft', 'draft'], ['update', 'draft', 'draft'], ['update', 'draft', 'draft'], ['submit', 'draft', 'submitted'],
    ]);
    expect(filed.files).toHaveLength(5);

    // The commissioner and the approval team hear of it; the enterprise (who submitted) does not.
    for (const u of [d.commissioner.user.id, d.officer.user.id]) expect((await noticesOf(u, 'resumption.submitted')).map((n) => JSON.parse(n.params_json))).toEqual([{ number: filed.number, enterpriseName: '重庆长安汽车股份有限公司' }]);
    expect(await noticesOf(d.owner.user.id, 'resumption.submitted')).toEqual([]);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', plan.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'resumption_plan.create', ...FIVE_IN_PLACE.map(() => 'resumption_plan.upload_file'), 'resumption_plan.update', 'resumption_plan.update', 'resumption_plan.update', 'resumption_plan.submit',
    ]);
    expect(audit.map((a) => a.after_json ?? '').join('')).not.toContain('13812345678');
  });

  it('counts that contradict each other, and evidence not uploaded to the plan, are 400s naming the field', async () => {
    const d = await desk();
    const plan = await draft(d.owner.call, { employeesTotal: 100 });
    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [{ plannedOnSite: 101 }, [{ path: 'plannedOnSite', message: '不能大于职工总数（100）' }]],
      [{ returnedToCity: 60, stillOutside: 50 }, [{ path: 'stillOutside', message: 'returnedToCity + stillOutside之和不能大于职工总数（100）' }]],
      [{ fromHighRisk: 3, highRiskQuarantined: 4 }, [{ path: 'highRiskQuarantined', message: '不能大于来自高风险地区人数（3）' }]],
      [{ employeesTotal: 10, plannedOnSite: 20, returnedToCity: 11 }, [{ path: 'plannedOnSite', message: '不能大于职工总数（10）' }, { path: 'returnedToCity', message: '不能大于职工总数（10）' }]],
      [{ measureFileIds: ['00000000-0000-7000-8000-000000000001'] }, [{ path: 'measureFileIds.0', message: '附件须先上传到本复工申请' }]],
      [{ fiveInPlace: { fullInspection: { date: '2020-02-20', evidenceFileIds: ['00000000-0000-7000-8000-000000000002'] } } }, [{ path: 'fiveInPlace.fullInspection.evidenceFileIds.0', message: '附件须先上传到本复工申请' }]],
    ];
    for (const [payload, details] of cases) {
      const res = await patch(d.owner.call, plan.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details, JSON.stringify(payload)).toEqual(details);
    }
    // Negative and impossible values are refused by the schema, naming the field.
    const negative = await patch(d.owner.call, plan.id, { masks: -1, suppliesDays: 400, contactPhone: '123' });
    expect(negative.json().error.details.map((x: { path: string }) => x.path).sort()).toEqual(['contactPhone', 'masks', 'suppliesDays']);
    // At creation too, and in English on request.
    const en = await d.owner.call({ method: 'POST', url: '/api/resumption/plans', payload: { employeesTotal: 5, plannedOnSite: 6 }, headers: { 'accept-language': 'en-US' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details).toEqual([{ path: 'plannedOnSite', message: 'cannot be more than Employees in all (5)' }]);
    // Evidence uploaded to another plan is not this plan's.
    const theirs = await draft(d.otherOwner.call);
    const theirFile = (await upload(d.otherOwner.call, theirs.id)).json().id as string;
    const foreign = await patch(d.owner.call, plan.id, { fiveInPlace: { specialMeeting: { date: '2020-02-20', evidenceFileIds: [theirFile] } } });
    expect(foreign.json().error.details).toEqual([{ path: 'fiveInPlace.specialMeeting.evidenceFileIds.0', message: '附件须先上传到本复工申请' }]);
    // Nothing of it was written.
    const now = (await d.owner.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}` })).json();
    expect(now).toMatchObject({ version: 1, fields: { employeesTotal: 100, plannedOnSite: null, masks: null } });
  });

  it('a change that changes nothing leaves version, timeline and log alone; a new phone that masks alike is a change', async () => {
    const d = await desk();
    const plan = await draft(d.owner.call, { masks: 100, contactPhone: '13812345678' });
    const same = await patch(d.owner.call, plan.id, { masks: 100, contactPhone: '13812345678' });
    expect(same.json()).toMatchObject({ version: 1 });
    expect((same.json() as PlanDetail).events).toHaveLength(1);
    const phone = await patch(d.owner.call, plan.id, { contactPhone: '13899995678' });
    expect(phone.json()).toMatchObject({ version: 2, fields: { contactPhoneMasked: '138****5678' } });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', plan.id).where('action', '=', 'resumption_plan.update').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([[{ contactPhone: '138****5678' }, { contactPhone: '138****5678' }]]);
    const stored = await t.deps.database.db.selectFrom('resumption_plans').select('contact_phone_enc').where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(t.deps.pii.decrypt(stored.contact_phone_enc!)).toBe('13899995678');
  });

  it('files: PDF, images, Word and Excel are taken (type read from the content), others are 415; read back by the plan’s readers only', async () => {
    const d = await desk();
    const plan = await draft(d.owner.call);
    for (const [bytes, name] of [[pdfBytes(), 'a.pdf'], [jpegBytes(), 'b.jpg'], [pngBytes(), 'c.png'], [docxBytes(), 'd.docx']] as const) {
      const res = await upload(d.owner.call, plan.id, bytes, name);
      expect(res.statusCode, name).toBe(201);
      expect(res.json()).toMatchObject({ id: expect.any(String), name, size: bytes.length, createdAt: START });
    }
    const exe = await upload(d.owner.call, plan.id, Buffer.from('MZ\x90\x00not a document'), 'virus.exe');
    expect(exe.statusCode).toBe(415);
    const detail = (await d.owner.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}` })).json() as PlanDetail;
    expect(detail.files.map((f) => f.type)).toEqual(['pdf', 'jpeg', 'png', 'docx']);

    const pdf = detail.files[0]!;
    const own = await d.owner.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}/files/${pdf.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pdfBytes())).toBe(true);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect((await d.leader.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}/files/${pdf.id}?inline=true` })).headers['content-disposition']).toMatch(/^inline/);
    // Another enterprise's user: not found; a file of another plan under this plan's path: not found.
    expect((await d.otherOwner.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}/files/${pdf.id}` })).statusCode).toBe(404);
    const theirs = await draft(d.otherOwner.call);
    const theirFile = (await upload(d.otherOwner.call, theirs.id)).json().id as string;
    const wrong = await d.admin.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}/files/${theirFile}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.details).toEqual({ entity: 'file', id: theirFile });
  });
});

describe('the state machine', () => {
  /** Plans of the zone in each status, made by the zone's admin for fresh enterprises. */
  async function inEachStatus(d: Awaited<ReturnType<typeof desk>>): Promise<Record<PlanStatus, PlanDetail>> {
    const make = async (...steps: [string, Record<string, unknown>][]) => {
      const e = await makeEnterprise(t.services, d.zone);
      const plan = await draft(d.admin.call, { enterpriseId: e.id });
      if (steps.length === 0) return plan;
      await patch(d.admin.call, plan.id, await complete(d.admin.call, plan.id));
      let last: PlanDetail = plan;
      for (const [action, body] of steps) {
        const res = await act(d.admin.call, plan.id, action, body);
        expect(res.statusCode, res.body).toBe(200);
        last = res.json();
      }
      return last;
    };
    return {
      draft: await make(),
      submitted: await make(['submit', {}]),
      returned: await make(['submit', {}], ['return', { reason: '五个到位证明不清晰' }]),
      approved: await make(['submit', {}], ['approve', {}]),
      refused: await make(['submit', {}], ['refuse', { reason: '防控措施不落实' }]),
    };
  }

  it('allows only draft/returned → submitted → approved | returned | refused; every other transition is a 409 naming the status', async () => {
    const d = await desk();
    const plans = await inEachStatus(d);
    const allowed: Record<string, PlanStatus[]> = { submit: ['draft', 'returned'], approve: ['submitted'], return: ['submitted'], refuse: ['submitted'] };
    let refusals = 0;
    for (const status of PLAN_STATUSES) {
      for (const action of PLAN_ACTIONS) {
        if (allowed[action]!.includes(status)) continue;
        const res = await act(d.admin.call, plans[status].id, action, { reason: '理由说明' });
        expect(res.statusCode, `${action} from ${status}`).toBe(409);
        expect(res.json().error, `${action} from ${status}`).toMatchObject({ code: 'state.plan', details: { status } });
        refusals++;
      }
    }
    expect(refusals).toBe(15);
    const msg = await act(d.admin.call, plans.approved.id, 'submit');
    expect(msg.json().error.message).toBe('复工申请当前为“已批准”，不能提交');
    const en = await d.admin.call({ method: 'POST', url: `/api/resumption/plans/${plans.refused.id}/actions/approve`, payload: {}, headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toBe('The plan is "Refused": "Approve" is not possible');
    // Changes only while draft or returned.
    for (const status of ['submitted', 'approved', 'refused'] as const) {
      const res = await patch(d.admin.call, plans[status].id, { masks: 1 });
      expect(res.statusCode, status).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'state.plan', details: { status } });
    }
    expect((await patch(d.admin.call, plans.returned.id, { masks: 1 })).statusCode).toBe(200);
    // Site checks only on submitted or approved plans.
    for (const status of ['draft', 'returned', 'refused'] as const) {
      const res = await d.admin.call({ method: 'POST', url: `/api/resumption/plans/${plans[status].id}/site-checks`, payload: { checkDate: '2020-02-24', findings: '现场查看' } });
      expect(res.statusCode, status).toBe(409);
    }
  });

  it('return and refuse need a reason; a returned plan is corrected and submitted again under its number; approval with conditions', async () => {
    const d = await desk();
    const plan = await submitted(d.owner.call);
    for (const action of ['return', 'refuse']) {
      const res = await act(d.commissioner.call, plan.id, action, { comment: '无理由' });
      expect(res.statusCode, action).toBe(400);
      expect(res.json().error.details, action).toEqual([{ path: 'reason', message: '必填' }]);
    }
    const returned = await act(d.commissioner.call, plan.id, 'return', { reason: '隔离观察室设置不合规' });
    expect(returned.json()).toMatchObject({ status: 'returned', decisionReason: '隔离观察室设置不合规', decidedBy: { id: d.commissioner.user.id }, hoursLeft: null });
    expect((await noticesOf(d.owner.user.id, 'resumption.returned')).length).toBe(1);

    expect((await patch(d.owner.call, plan.id, { measuresNote: '隔离观察室已按要求设置' })).statusCode).toBe(200);
    clock.advance(HOUR);
    const again = (await act(d.owner.call, plan.id, 'submit')).json() as PlanDetail;
    expect(again).toMatchObject({ status: 'submitted', number: plan.number, submittedAt: START + HOUR, slaDueAt: START + 25 * HOUR, hoursLeft: 24 });

    const stale = await act(d.officer.call, plan.id, 'approve', { version: again.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('state.stale_plan');
    const approved = await act(d.officer.call, plan.id, 'approve', { conditions: ['每日上报复工日报', '食堂错峰就餐'], comment: '同意复工', version: again.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved', conditions: ['每日上报复工日报', '食堂错峰就餐'], decisionReason: '同意复工', approvedOn: '2020-02-24', decidedAt: START + HOUR, decidedBy: { id: d.officer.user.id, name: d.officer.user.displayName },
    });
    expect((approved.json() as PlanDetail).events.map((e) => e.action)).toEqual(['create', 'update', 'submit', 'return', 'update', 'submit', 'approve']);
    expect((await noticesOf(d.owner.user.id, 'resumption.approved')).map((n) => JSON.parse(n.params_json))).toEqual([{ number: plan.number, enterpriseName: '重庆长安汽车股份有限公司' }]);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', plan.id).where('action', '=', 'resumption_plan.approve').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toEqual({ status: 'submitted' });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ status: 'approved', approvedOn: '2020-02-24', conditions: ['每日上报复工日报', '食堂错峰就餐'] });
    clock.set(START);
  });

  it('a refused plan frees the enterprise to file anew; an open one keeps it from a second (409 naming it)', async () => {
    const d = await desk();
    const plan = await submitted(d.owner.call);
    const second = await d.owner.call({ method: 'POST', url: '/api/resumption/plans', payload: {} });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toEqual({ code: 'conflict.plan_open', message: `该企业已有复工申请（${plan.number}，待审核），一企一案`, details: { planId: plan.id, number: plan.number, status: 'submitted' } });
    const refused = await act(d.officer.call, plan.id, 'refuse', { reason: '未落实防控措施' });
    expect(refused.json()).toMatchObject({ status: 'refused', decisionReason: '未落实防控措施' });
    expect((await noticesOf(d.owner.user.id, 'resumption.refused')).length).toBe(1);
    const anew = await draft(d.owner.call);
    expect(anew.id).not.toBe(plan.id);
    const draftOpen = await d.commissioner.call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: d.enterprise.id } });
    expect(draftOpen.json().error.message).toBe('该企业已有复工申请（未编号，草稿），一企一案');
    const all = (await d.owner.call({ method: 'GET', url: '/api/resumption/plans' })).json();
    expect(all.items.map((p: PlanDetail) => p.status).sort()).toEqual(['draft', 'refused']);
  });

  it('parallel creates for one enterprise: exactly one plan, the others 409', async () => {
    const d = await desk();
    const results = await Promise.all([d.owner.call, d.commissioner.call, d.officer.call, d.admin.call, d.owner.call, d.commissioner.call].map((call) => call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: d.enterprise.id } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code, r.body).toBe('conflict.plan_open');
    const rows = await t.deps.database.db.selectFrom('resumption_plans').select('id').where('zone_id', '=', d.zone.id).where('enterprise_id', '=', d.enterprise.id).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('numbers and the SLA', () => {
  it('numbers FG-YYYYMMDD-NNNN per zone and day of first submission; hours left move with the clock; the queue puts the earliest SLA on top', async () => {
    const c = testClock(START);
    const app = await makeTestApp({ clock: c });
    try {
      const { zone } = await newAdmin(app.app, app.services);
      const a = await makeFiledEnterprise(app.services, zone, { name: '甲企业' });
      c.advance(2 * HOUR);
      const b = await makeFiledEnterprise(app.services, zone, { name: '乙企业' });
      expect([a.plan.number, b.plan.number]).toEqual(['FG-20200224-0001', 'FG-20200224-0002']);
      c.advance(24 * HOUR);
      const next = await makeFiledEnterprise(app.services, zone, { name: '丙企业' });
      expect(next.plan.number).toBe('FG-20200225-0001');
      // Another zone counts on its own.
      expect((await makeFiledEnterprise(app.services, (await newAdmin(app.app, app.services)).zone)).plan.number).toBe('FG-20200225-0001');
      const drafted = await app.services.resumption.plans.create(zone.ctx, { enterpriseId: (await makeEnterprise(app.services, zone, { name: '丁企业' })).id });
      await makeResumedEnterprise(app.services, zone, { name: '戊企业' });

      c.set(START + 10 * HOUR + 30 * 60_000);
      const reader = await signedInUser(app.app, app.services, zone, ['approval_officer']);
      const queue = (await reader.call({ method: 'GET', url: '/api/resumption/plans' })).json();
      expect(queue.items.slice(0, 3).map((p: PlanDetail) => [p.enterpriseName, p.status, p.hoursLeft])).toEqual([
        ['甲企业', 'submitted', 13.5],
        ['乙企业', 'submitted', 15.5],
        ['丙企业', 'submitted', 39.5],
      ]);
      expect(queue.items.slice(3).map((p: PlanDetail) => p.enterpriseName).sort()).toEqual(['丁企业', '戊企业']);
      expect(drafted.hoursLeft).toBeNull();

      c.set(START + 25 * HOUR);
      const later = await signedInUser(app.app, app.services, zone, ['approval_officer']);
      const late = (await later.call({ method: 'GET', url: '/api/resumption/plans?overdue=true' })).json();
      expect(late.items.map((p: PlanDetail) => [p.enterpriseName, p.hoursLeft])).toEqual([['甲企业', -1]]);
      expect(late.total).toBe(1);
      const settings = await later.call({ method: 'GET', url: '/api/resumption/settings' });
      expect(settings.json()).toEqual({ slaHours: 24, reportCutoffHour: 12, demandHours: 72 });
    } finally {
      await app.close();
    }
  });

  it('the SLA follows the zone’s setting, changed only by its admin (audited)', async () => {
    const d = await desk();
    expect((await d.officer.call({ method: 'PATCH', url: '/api/resumption/settings', payload: { slaHours: 12 } })).statusCode).toBe(403);
    const bad = await d.admin.call({ method: 'PATCH', url: '/api/resumption/settings', payload: { slaHours: 0, reportCutoffHour: 24 } });
    expect(bad.json().error.details.map((x: { path: string }) => x.path)).toEqual(['slaHours', 'reportCutoffHour']);
    const changed = await d.admin.call({ method: 'PATCH', url: '/api/resumption/settings', payload: { slaHours: 12 } });
    expect(changed.json()).toEqual({ slaHours: 12, reportCutoffHour: 12, demandHours: 72 });
    expect((await d.leader.call({ method: 'GET', url: '/api/resumption/settings' })).json()).toEqual({ slaHours: 12, reportCutoffHour: 12, demandHours: 72 });
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('zone_id', '=', d.zone.id).where('action', '=', 'resumption_settings.update').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([[{ slaHours: 24 }, { slaHours: 12 }]]);
    const plan = await submitted(d.owner.call);
    expect(plan).toMatchObject({ slaDueAt: START + 12 * HOUR, hoursLeft: 12 });
  });
});

describe('site checks', () => {
  it('records date, inspector, findings and photos of the plan; refuses future dates, foreign files and non-images', async () => {
    const d = await desk();
    const plan = await submitted(d.owner.call);
    const photo = (await upload(d.commissioner.call, plan.id, jpegBytes(), '车间.jpg')).json();
    const pdf = plan.files[0]!;
    const url = `/api/resumption/plans/${plan.id}/site-checks`;
    const future = await d.commissioner.call({ method: 'POST', url, payload: { checkDate: '2020-02-25', findings: '未来' } });
    expect(future.json().error.details).toEqual([{ path: 'checkDate', message: '不能晚于今天（2020-02-24）' }]);
    const ancient = await d.commissioner.call({ method: 'POST', url, payload: { checkDate: '1999-12-31', findings: '远古' } });
    expect(ancient.json().error.details).toEqual([{ path: 'checkDate', message: '不能早于 2020-01-01' }]);
    const notImage = await d.commissioner.call({ method: 'POST', url, payload: { checkDate: '2020-02-24', findings: '检查', photoFileIds: [photo.id, pdf.id, '00000000-0000-7000-8000-000000000009'] } });
    expect(notImage.json().error.details).toEqual([
      { path: 'photoFileIds.1', message: '现场照片须为 JPEG 或 PNG 图片' },
      { path: 'photoFileIds.2', message: '附件须先上传到本复工申请' },
    ]);
    const res = await d.commissioner.call({ method: 'POST', url, payload: { checkDate: '2020-02-24', findings: '测温点、隔离室设置到位', photoFileIds: [photo.id] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String), checkDate: '2020-02-24', inspectorUserId: d.commissioner.user.id, inspectorName: d.commissioner.user.displayName, findings: '测温点、隔离室设置到位', passed: true,
      photos: [{ id: photo.id, name: '车间.jpg', type: 'jpeg', size: jpegBytes().length, createdAt: START }], createdAt: START,
    });
    const named = await d.officer.call({ method: 'POST', url, payload: { checkDate: '2020-02-23', inspectorName: '区应急局 王工', findings: '消毒记录不全', passed: false } });
    expect(named.json()).toMatchObject({ inspectorName: '区应急局 王工', inspectorUserId: d.officer.user.id, passed: false });
    const detail = (await d.owner.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}` })).json() as PlanDetail;
    expect(detail.siteChecks.map((s) => [s.checkDate, s.passed])).toEqual([['2020-02-23', false], ['2020-02-24', true]]);
    expect(detail.events.filter((e) => e.action === 'site_check').map((e) => [e.fromStatus, e.toStatus, e.comment])).toEqual([
      ['submitted', 'submitted', '测温点、隔离室设置到位'],
      ['submitted', 'submitted', '消毒记录不全'],
    ]);
  });
});

describe('who may do what', () => {
  it('enterprise users see and change only their own enterprise’s plans (another’s: 404), and never decide', async () => {
    const d = await desk();
    const mine = await submitted(d.owner.call);
    const theirs = await draft(d.otherOwner.call);
    const list = (await d.owner.call({ method: 'GET', url: '/api/resumption/plans' })).json();
    expect(list.items.map((p: PlanDetail) => p.id)).toEqual([mine.id]);
    expect((await d.owner.call({ method: 'GET', url: `/api/resumption/plans?enterpriseId=${d.other.id}` })).json().total).toBe(0);
    for (const res of [
      await d.owner.call({ method: 'GET', url: `/api/resumption/plans/${theirs.id}` }),
      await patch(d.owner.call, theirs.id, { masks: 1 }),
      await act(d.owner.call, theirs.id, 'submit'),
      await upload(d.owner.call, theirs.id),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.details).toEqual({ entity: 'resumption_plan', id: theirs.id });
    }
    const forOther = await d.owner.call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: d.other.id } });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('rule.resumption_own_enterprise');
    for (const action of ['approve', 'return', 'refuse']) expect((await act(d.owner.call, mine.id, action, { reason: '自己批准' })).statusCode, action).toBe(403);
    expect((await d.owner.call({ method: 'POST', url: `/api/resumption/plans/${mine.id}/site-checks`, payload: { checkDate: '2020-02-24', findings: '自查' } })).statusCode).toBe(403);
    expect((await d.owner.call({ method: 'GET', url: '/api/resumption/plans/export.xlsx' })).statusCode).toBe(403);
  });

  it('a commissioner acts only for assigned enterprises; the approval team for any; leaders read only', async () => {
    const d = await desk();
    // A commissioner drafts for the assigned enterprise (as Bosch's 驻厂员 did), not for another.
    const drafted = await d.commissioner.call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: d.enterprise.id } });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const notMine = await d.commissioner.call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: d.other.id } });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error).toEqual({ code: 'rule.not_commissioner', message: '只有该企业的驻企特派员才能办理' });
    const noEnterprise = await d.commissioner.call({ method: 'POST', url: '/api/resumption/plans', payload: {} });
    expect(noEnterprise.json().error.details).toEqual([{ path: 'enterpriseId', message: '请选择企业' }]);
    const plan: PlanDetail = drafted.json();
    await patch(d.commissioner.call, plan.id, await complete(d.commissioner.call, plan.id));
    expect((await act(d.commissioner.call, plan.id, 'submit')).statusCode).toBe(200);

    // The other enterprise's commissioner may read but not act.
    expect((await d.otherCommissioner.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}` })).statusCode).toBe(200);
    for (const res of [
      await act(d.otherCommissioner.call, plan.id, 'approve'),
      await d.otherCommissioner.call({ method: 'POST', url: `/api/resumption/plans/${plan.id}/site-checks`, payload: { checkDate: '2020-02-24', findings: '越权核查' } }),
      await upload(d.otherCommissioner.call, plan.id, jpegBytes(), 'x.jpg'),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('rule.not_commissioner');
    }
    // mine=true: only the assigned enterprises' plans.
    const theirs = await submitted(d.otherOwner.call);
    expect((await d.commissioner.call({ method: 'GET', url: '/api/resumption/plans?mine=true' })).json().items.map((p: PlanDetail) => p.id)).toEqual([plan.id]);
    expect((await d.otherCommissioner.call({ method: 'GET', url: '/api/resumption/plans?mine=true' })).json().items.map((p: PlanDetail) => p.id)).toEqual([theirs.id]);

    // Leaders: every write is 403, reading is fine.
    const leaderWrites = [
      await d.leader.call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: d.enterprise.id } }),
      await patch(d.leader.call, plan.id, { masks: 1 }),
      await upload(d.leader.call, plan.id),
      ...(await Promise.all(PLAN_ACTIONS.map((a) => act(d.leader.call, plan.id, a, { reason: '领导审批' })))),
      await d.leader.call({ method: 'POST', url: `/api/resumption/plans/${plan.id}/site-checks`, payload: { checkDate: '2020-02-24', findings: '领导检查' } }),
      await d.leader.call({ method: 'PATCH', url: '/api/resumption/settings', payload: { slaHours: 1 } }),
    ];
    for (const res of leaderWrites) expect(res.statusCode, res.body).toBe(403);
    expect((await d.leader.call({ method: 'GET', url: `/api/resumption/plans/${plan.id}` })).statusCode).toBe(200);
    expect((await d.leader.call({ method: 'GET', url: '/api/resumption/plans' })).json().total).toBe(2);

    // The approval team decides for any enterprise of the zone.
    expect((await act(d.officer.call, theirs.id, 'approve')).statusCode).toBe(200);
    expect((await act(d.commissioner.call, plan.id, 'approve')).statusCode).toBe(200);
  });

  it('another zone’s enterprise is a 422 naming enterpriseId; another zone’s plan is 404', async () => {
    const d = await desk();
    const foreign = await newAdmin(t.app, t.services);
    const theirEnterprise = await makeEnterprise(t.services, foreign.zone);
    const res = await d.officer.call({ method: 'POST', url: '/api/resumption/plans', payload: { enterpriseId: theirEnterprise.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({ code: 'rule.cross_zone_reference', message: '所属企业指向的记录不存在或不属于本高新区', details: { field: 'enterpriseId' } });
    const theirPlan = await makeFiledEnterprise(t.services, foreign.zone);
    expect((await d.admin.call({ method: 'GET', url: `/api/resumption/plans/${theirPlan.plan.id}` })).statusCode).toBe(404);
    expect((await act(d.admin.call, theirPlan.plan.id, 'approve')).statusCode).toBe(404);
  });
});

describe('the list and its export', () => {
  it('filters by status, park, enterprise and text, and exports the same rows', async () => {
    const { zone, call } = await newAdmin(t.app, t.services);
    const park = await t.services.org.parks.create(zone.ctx, { name: '两江新区鱼复工业园', address: '鱼复路 1 号', areaSqm: 1000, managerName: '张', managerPhone: '13800138000' });
    const a = await makeResumedEnterprise(t.services, zone, { name: '长安福特汽车有限公司', parkId: park.id, conditions: ['错峰上下班'] });
    const b = await makeFiledEnterprise(t.services, zone, { name: '京东方光电科技有限公司' });
    const get = async (q: string) => (await call({ method: 'GET', url: `/api/resumption/plans${q}` })).json().items.map((p: PlanDetail) => p.enterpriseName);
    expect(await get('?status=approved')).toEqual(['长安福特汽车有限公司']);
    expect(await get(`?parkId=${park.id}`)).toEqual(['长安福特汽车有限公司']);
    expect(await get(`?enterpriseId=${b.enterprise.id}`)).toEqual(['京东方光电科技有限公司']);
    expect(await get('?q=京东方')).toEqual(['京东方光电科技有限公司']);
    expect(await get(`?q=${b.plan.number!.toLowerCase()}`)).toEqual(['京东方光电科技有限公司']);
    expect(await get('?sort=enterpriseName:asc')).toEqual(['京东方光电科技有限公司', '长安福特汽车有限公司'].sort((x, y) => x.localeCompare(y)));
    const bad = await call({ method: 'GET', url: '/api/resumption/plans?status=done&sort=phone:asc' });
    expect(bad.statusCode).toBe(400);

    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/resumption/plans/export.xlsx?status=approved' }));
    expect(column(sheet, '企业名称')).toEqual(['长安福特汽车有限公司']);
    expect(column(sheet, '申请编号')).toEqual([a.plan.number!]);
    expect(column(sheet, '状态')).toEqual(['已批准']);
    expect(column(sheet, '五个到位')).toEqual(['5/5']);
    expect(column(sheet, '附加条件')).toEqual(['错峰上下班']);
    expect(column(sheet, '联系电话')).toEqual(['138****5678']);
    const en = await xlsxResponse(await call({ method: 'GET', url: '/api/resumption/plans/export.xlsx?lang=en-US' }));
    expect(column(en, 'Status').sort()).toEqual(['Approved', 'Submitted']);
  });

  it('the profile tab’s plans of an enterprise, newest first, for its readers', async () => {
    const d = await desk();
    const first = await submitted(d.owner.call);
    await act(d.officer.call, first.id, 'refuse', { reason: '材料不实' });
    clock.advance(1000);
    const second = await draft(d.owner.call);
    const plans = await t.services.resumption.plans.forEnterprise(d.zone.ctx, d.enterprise.id);
    expect(plans.map((p) => [p.id, p.status])).toEqual([[second.id, 'draft'], [first.id, 'refused']]);
    clock.set(START);
    const ownerCtx = { ...d.zone.ctx, actor: { ...d.zone.ctx.actor, userId: d.otherOwner.user.id, enterpriseId: d.other.id } };
    await expect(t.services.resumption.plans.forEnterprise(ownerCtx, d.enterprise.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

