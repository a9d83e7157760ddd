// Applications (办件) through the API: the state machine (every action in every state, with the
// event and audit each transition leaves), who may take which side, numbering per zone and day
// under concurrent submissions, due dates in working days that stand still during correction, due
// states and queues, materials (types by content, correction, previews, zips), visibility between
// enterprises and zones, bulk acceptance, assignment and the public progress lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, type Application, type ApplicationAction, type ApplicationStatus, type ApplicationSummary } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import {
  applicationAction, makeApplicant, makeApplication, makeApplicationItem, makeEnterprise, newAdmin, signedInUser, signInAs, uploadMaterial, type Caller,
} from '../../test/factories.js';
import { docxBytes, jpegBytes, pdfBytes, pngBytes } from '../../test/files.js';

const clock = testClock();
const START = clock.now(); // Monday 2020-02-24, 09:00 in Shanghai
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

/** 09:00 in Shanghai on a day. */
const nineOn = (day: string) => Date.parse(`${day}T09:00:00+08:00`);
const EN = { 'accept-language': 'en-US' };

type Setup = Awaited<ReturnType<typeof setup>>;
async function setup(itemOverrides: Parameters<typeof makeApplicationItem>[2] = {}) {
  const admin = await newAdmin(t.app, t.services);
  const { zone } = admin;
  const item = await makeApplicationItem(t.services, zone, itemOverrides);
  const applicant = await makeApplicant(t.app, t.services, zone);
  const officer = await signedInUser(t.app, t.services, zone, ['approval_officer']);
  return { admin, zone, item, applicant, officer };
}

/** Sign everyone in again after the clock moved by days (sessions expire after 2 h idle). */
async function resign<T extends { user: { username: string } } & Caller>(who: T): Promise<T> {
  return { ...who, ...(await signInAs(t.app, who.user.username)) };
}

// ---- the state machine, written out here independently of TRANSITIONS
const EXPECTED: Record<ApplicationAction, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  submit: { draft: 'submitted' },
  accept: { submitted: 'accepted' },
  refuse: { submitted: 'refused' },
  review: { accepted: 'under_review', resubmitted: 'under_review' },
  request_correction: { accepted: 'correction', under_review: 'correction', resubmitted: 'correction' },
  resubmit: { correction: 'resubmitted' },
  approve: { accepted: 'approved', under_review: 'approved', resubmitted: 'approved' },
  deny: { accepted: 'denied', under_review: 'denied', resubmitted: 'denied' },
  withdraw: { submitted: 'withdrawn', accepted: 'withdrawn', under_review: 'withdrawn', correction: 'withdrawn', resubmitted: 'withdrawn' },
};
const APPLICANT_SIDE: readonly ApplicationAction[] = ['submit', 'resubmit', 'withdraw'];
const CORRECTION = [{ target: 'material', key: 'form', comment: '请上传加盖公章的申请表' }];
const BODY: Record<ApplicationAction, Record<string, unknown>> = {
  submit: {},
  accept: { comment: '材料齐全，予以受理' },
  refuse: { reason: '不属于本部门受理范围' },
  review: {},
  request_correction: { corrections: CORRECTION, comment: '请补正' },
  resubmit: { comment: '已重新上传' },
  approve: { comment: '准予许可' },
  deny: { reason: '不符合许可条件' },
  withdraw: { comment: '不再需要办理' },
};
const PATH: Record<ApplicationStatus, ApplicationAction[]> = {
  draft: [],
  submitted: ['submit'],
  accepted: ['submit', 'accept'],
  refused: ['submit', 'refuse'],
  under_review: ['submit', 'accept', 'review'],
  correction: ['submit', 'accept', 'request_correction'],
  resubmitted: ['submit', 'accept', 'request_correction', 'resubmit'],
  approved: ['submit', 'accept', 'approve'],
  denied: ['submit', 'accept', 'deny'],
  withdrawn: ['submit', 'withdraw'],
};
const side = (s: Setup, action: ApplicationAction) => (APPLICANT_SIDE.includes(action) ? s.applicant : s.officer);

async function inState(s: Setup, status: ApplicationStatus): Promise<string> {
  const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false });
  for (const action of PATH[status]) {
    if (action === 'resubmit') expect((await uploadMaterial(s.applicant.call, draft.id, 'form')).statusCode).toBe(201);
    const res = await applicationAction(side(s, action).call, draft.id, action, BODY[action]);
    if (res.statusCode !== 200) throw new Error(`${action} → ${res.statusCode} ${res.body}`);
  }
  return draft.id as string;
}

/** The row, its events and its audit records: what a refused action must leave alone. */
async function traces(id: string) {
  const db = t.deps.database.db;
  return {
    row: await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    events: await db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('id').execute(),
    audit: await db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('id').execute(),
  };
}

describe('the state machine', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it.each([...APPLICATION_STATUSES])('in %s, every action not allowed is a 409 naming the state, and nothing changes', async (status) => {
    const id = await inState(s, status);
    expect((await s.officer.call({ method: 'GET', url: `/api/applications/${id}` })).json().status).toBe(status);
    const before = await traces(id);
    const refused = APPLICATION_ACTIONS.filter((a) => !EXPECTED[a][status]);
    for (const action of refused) {
      const res = await applicationAction(side(s, action).call, id, action, BODY[action]);
      expect(res.statusCode, `${action} in ${status}: ${res.body}`).toBe(409);
      expect(res.json().error, `${action} in ${status}`).toMatchObject({ code: 'state.transition', details: { status } });
    }
    expect(await traces(id)).toEqual(before);
    // What the application says one may do is exactly the allowed set, per side.
    const actions = (c: Caller) => c.call({ method: 'GET', url: `/api/applications/${id}` }).then((r) => (r.json() as Application).actions.sort());
    const allowed = APPLICATION_ACTIONS.filter((a) => EXPECTED[a][status]);
    expect(await actions(s.applicant)).toEqual(allowed.filter((a) => APPLICANT_SIDE.includes(a)).sort());
    expect(await actions(s.officer)).toEqual(allowed.filter((a) => !APPLICANT_SIDE.includes(a)).sort());
  });

  const allowed = APPLICATION_ACTIONS.flatMap((action) => Object.entries(EXPECTED[action]).map(([from, to]) => [action, from as ApplicationStatus, to] as const));
  it('the expected table has 20 transitions', () => expect(allowed).toHaveLength(20));

  it.each(allowed)('%s from %s enters %s, recording actor, time, comment and the audit', async (action, from, to) => {
    const id = await inState(s, from);
    if (action === 'resubmit') expect((await uploadMaterial(s.applicant.call, id, 'form')).statusCode).toBe(201);
    const actor = side(s, action);
    const res = await applicationAction(actor.call, id, action, BODY[action]);
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json() as Application;
    expect(app.status).toBe(to);
    const last = app.events.at(-1)!;
    const comment = (BODY[action].reason ?? BODY[action].comment ?? null) as string | null;
    expect(last).toMatchObject({ action, fromStatus: from, toStatus: to, actorName: actor.user.displayName, at: clock.now(), comment });
    if (action === 'request_correction') expect(last.corrections).toEqual(CORRECTION);
    // The newest record of this action (the way here may have taken it once already).
    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', `application.${action}`).orderBy('id', 'desc').limit(1).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: actor.user.id, zone_id: s.zone.id, entity_type: 'application' });
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ status: from });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ status: to });
    // The reasons are kept where the application shows them.
    if (action === 'refuse') expect(app.refuseReason).toBe('不属于本部门受理范围');
    if (action === 'deny') expect(app.decisionReason).toBe('不符合许可条件');
    if (['refuse', 'approve', 'deny', 'withdraw'].includes(action)) expect(app.completedOn).toBe('2020-02-24');
  });

  it('says what is wrong in the request language', async () => {
    const id = await inState(s, 'approved');
    const zh = await applicationAction(s.applicant.call, id, 'withdraw', {});
    expect(zh.json().error.message).toBe('当前状态为“已办结”，不能执行“撤回”');
    const en = await s.applicant.call({ method: 'POST', url: `/api/applications/${id}/actions/withdraw`, payload: {}, headers: EN });
    expect(en.json().error.message).toBe('The application is "Approved": "Withdraw" is not possible');
  });

  it('refusing and denying need a reason, a correction request at least one known point', async () => {
    const submitted = await inState(s, 'submitted');
    expect((await applicationAction(s.officer.call, submitted, 'refuse', {})).json().error.details).toEqual([{ path: 'reason', message: '必填' }]);
    const accepted = await inState(s, 'accepted');
    expect((await applicationAction(s.officer.call, accepted, 'deny', { comment: '无' })).statusCode).toBe(400);
    expect((await applicationAction(s.officer.call, accepted, 'request_correction', {})).json().error.details).toEqual([{ path: 'corrections', message: '必填' }]);
    const unknown = await applicationAction(s.officer.call, accepted, 'request_correction', { corrections: [{ target: 'field', key: 'colour', comment: '请填写' }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'rule.correction_unknown_key', details: { field: 'corrections.0.key' } });
    expect((await traces(accepted)).row.status).toBe('accepted');
  });
});

describe('who takes which side', () => {
  it('applicants cannot take officer actions (403), officers never act in an online applicant’s place', async () => {
    const s = await setup();
    const submitted = await makeApplication(s.applicant.call, s.item.id);
    for (const action of ['accept', 'refuse', 'review', 'request_correction', 'approve', 'deny'] as const) {
      const res = await applicationAction(s.applicant.call, submitted.id, action, BODY[action]);
      expect(res.statusCode, action).toBe(403);
    }
    expect((await s.applicant.call({ method: 'GET', url: '/api/applications/queues' })).statusCode).toBe(403);
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false });
    expect((await applicationAction(s.officer.call, draft.id, 'submit')).statusCode).toBe(403);
    expect((await applicationAction(s.officer.call, submitted.id, 'withdraw')).statusCode).toBe(403);
    expect((await uploadMaterial(s.officer.call, draft.id, 'form')).statusCode).toBe(403);
    expect((await traces(submitted.id)).row.status).toBe('submitted');
  });

  it('officers record counter and mail applications and act for those applicants; applicants apply online only', async () => {
    const s = await setup();
    const enterprise = await makeEnterprise(t.services, s.zone);
    const counter = await s.officer.call({
      method: 'POST',
      url: '/api/applications',
      payload: { itemId: s.item.id, enterpriseId: enterprise.id, applicant: { name: '窗口申请人', phone: '13900001111' }, channel: 'counter', delivery: 'pickup', form: { purpose: '窗口办理' } },
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const id = counter.json().id as string;
    expect(counter.json()).toMatchObject({ channel: 'counter', enterpriseId: enterprise.id, enterpriseName: enterprise.name, status: 'draft', applicantPhoneMasked: '139****1111' });
    expect((await uploadMaterial(s.officer.call, id, 'form')).statusCode).toBe(201);
    expect((await applicationAction(s.officer.call, id, 'submit')).json().status).toBe('submitted');
    expect((await applicationAction(s.officer.call, id, 'accept')).json().status).toBe('accepted');
    expect((await applicationAction(s.officer.call, id, 'withdraw', { comment: '申请人当面撤回' })).json().status).toBe('withdrawn');
    // An officer may not apply online; an enterprise user may not record a counter application or apply for another enterprise.
    const online = await s.officer.call({ method: 'POST', url: '/api/applications', payload: { itemId: s.item.id, enterpriseId: enterprise.id, applicant: { name: '甲', phone: '13900001111' } } });
    expect(online.json().error.code).toBe('rule.channel_officer_only');
    const walkIn = await s.applicant.call({ method: 'POST', url: '/api/applications', payload: { itemId: s.item.id, applicant: { name: '甲', phone: '13900001111' }, channel: 'counter' } });
    expect(walkIn.statusCode).toBe(422);
    expect(walkIn.json().error.code).toBe('rule.channel_officer_only');
    const other = await s.applicant.call({ method: 'POST', url: '/api/applications', payload: { itemId: s.item.id, enterpriseId: enterprise.id, applicant: { name: '甲', phone: '13900001111' } } });
    expect(other.json().error).toMatchObject({ code: 'rule.own_enterprise_only', details: { field: 'enterpriseId' } });
  });
});

describe('numbers', () => {
  it('are SV-YYYYMMDD-NNNNNN, distinct and gapless under 20 concurrent submissions; another zone and the next day start at 000001', async () => {
    const s = await setup();
    const drafts: string[] = [];
    for (let i = 0; i < 20; i++) drafts.push((await makeApplication(s.applicant.call, s.item.id, { submit: false })).id);
    const results = await Promise.all(drafts.map((id) => applicationAction(s.applicant.call, id, 'submit')));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json().number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `SV-20200224-${String(i + 1).padStart(6, '0')}`));
    const rows = await t.deps.database.db.selectFrom('applications').select('number').where('zone_id', '=', s.zone.id).execute();
    expect(new Set(rows.map((r) => r.number)).size).toBe(20);
    // A draft has no number.
    expect((await makeApplication(s.applicant.call, s.item.id, { submit: false })).number).toBeNull();

    const other = await setup();
    expect((await makeApplication(other.applicant.call, other.item.id)).number).toBe('SV-20200224-000001');

    clock.set(nineOn('2020-02-25'));
    try {
      const applicant = await resign(s.applicant);
      expect((await makeApplication(applicant.call, s.item.id)).number).toBe('SV-20200225-000001');
      expect((await makeApplication(applicant.call, s.item.id)).number).toBe('SV-20200225-000002');
    } finally {
      clock.set(START);
    }
  });
});

describe('due dates', () => {
  it('count the promised working days from acceptance on the zone calendar, across the extended Spring Festival', async () => {
    clock.set(nineOn('2020-01-23'));
    try {
      const s = await setup({ promisedDays: 3 });
      const loaded = await s.admin.call({ method: 'POST', url: '/api/calendar/actions/load-national', payload: { year: '2020' } });
      expect(loaded.statusCode, loaded.body).toBe(200);
      const app = await makeApplication(s.applicant.call, s.item.id);
      const accepted = (await applicationAction(s.officer.call, app.id, 'accept')).json() as Application;
      // 24 January – 2 February are off: the three working days are 3, 4 and 5 February.
      expect(accepted).toMatchObject({ acceptedOn: '2020-01-23', dueDate: '2020-02-05', dueState: 'ok', pausedDays: 0, assigneeId: s.officer.user.id });
      expect(accepted.events.at(-1)).toMatchObject({ action: 'accept' });
      const audit = await t.deps.database.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', app.id).where('action', '=', 'application.accept').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after_json!)).toMatchObject({ status: 'accepted', dueDate: '2020-02-05' });
    } finally {
      clock.set(START);
    }
  });

  it('stand still during correction: the due date moves by the working days in (request, resubmission]', async () => {
    clock.set(nineOn('2020-03-02'));
    try {
      let s = await setup({ promisedDays: 5 });
      const app = await makeApplication(s.applicant.call, s.item.id);
      expect((await applicationAction(s.officer.call, app.id, 'accept')).json()).toMatchObject({ acceptedOn: '2020-03-02', dueDate: '2020-03-09' });

      clock.set(nineOn('2020-03-03')); // Tuesday: correction asked
      s = { ...s, officer: await resign(s.officer), applicant: await resign(s.applicant) };
      const asked = (await applicationAction(s.officer.call, app.id, 'request_correction', { corrections: [...CORRECTION, { target: 'field', key: 'purpose', comment: '请写明具体用途' }] })).json() as Application;
      expect(asked).toMatchObject({ status: 'correction', dueState: 'paused', dueDate: '2020-03-09', corrections: [...CORRECTION, { target: 'field', key: 'purpose', comment: '请写明具体用途' }] });

      clock.set(nineOn('2020-03-09')); // the following Monday: resubmitted
      s = { ...s, officer: await resign(s.officer), applicant: await resign(s.applicant) };
      // Fields in correction can be changed; the marked material must be uploaded again first.
      const patched = await s.applicant.call({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { form: { purpose: '扩大生产规模' } } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().form).toEqual({ purpose: '扩大生产规模' });
      expect((await applicationAction(s.applicant.call, app.id, 'resubmit')).json().error).toMatchObject({ code: 'rule.correction_not_addressed', message: '以下需补正的材料尚未重新上传：申请表' });
      expect((await uploadMaterial(s.applicant.call, app.id, 'form')).statusCode).toBe(201);
      const resubmitted = (await applicationAction(s.applicant.call, app.id, 'resubmit')).json() as Application;
      // Wed 4, Thu 5, Fri 6 and Mon 9 March: 4 working days; 9 March + 4 working days = 13 March.
      expect(resubmitted).toMatchObject({ status: 'resubmitted', pausedDays: 4, dueDate: '2020-03-13', dueState: 'ok' });
    } finally {
      clock.set(START);
    }
  });

  it('show as overdue, today, soon, ok or paused; the list filters and the queue counts agree', async () => {
    clock.set(nineOn('2020-03-05'));
    try {
      let s = await setup({ promisedDays: 1 });
      const longer = await makeApplicationItem(t.services, s.zone, { promisedDays: 5 });
      const submit = async (itemId = s.item.id) => (await makeApplication(s.applicant.call, itemId)).id as string;
      const [overdue, today, soon, ok, paused] = [await submit(), await submit(), await submit(), await submit(longer.id), await submit()];
      const unassignedOpen = await submit();
      const day = async (d: string) => {
        clock.set(nineOn(d));
        s = { ...s, officer: await resign(s.officer), applicant: await resign(s.applicant), admin: { ...s.admin, ...(await signInAs(t.app, s.admin.admin.username)) } };
      };
      expect((await applicationAction(s.officer.call, overdue, 'accept')).json().dueDate).toBe('2020-03-06');
      await day('2020-03-09');
      expect((await applicationAction(s.officer.call, today, 'accept')).json().dueDate).toBe('2020-03-10');
      await day('2020-03-10'); // Tuesday
      expect((await applicationAction(s.officer.call, soon, 'accept')).json().dueDate).toBe('2020-03-11');
      expect((await applicationAction(s.officer.call, ok, 'accept')).json().dueDate).toBe('2020-03-17');
      await applicationAction(s.officer.call, paused, 'accept');
      await applicationAction(s.officer.call, paused, 'request_correction', BODY.request_correction);

      const list = (await s.officer.call({ method: 'GET', url: '/api/applications?pageSize=50' })).json();
      const state = Object.fromEntries((list.items as ApplicationSummary[]).map((a) => [a.id, a.dueState]));
      expect(state).toEqual({ [overdue]: 'overdue', [today]: 'today', [soon]: 'soon', [ok]: 'ok', [paused]: 'paused', [unassignedOpen]: 'none' });
      const ids = async (due: string) => ((await s.officer.call({ method: 'GET', url: `/api/applications?due=${due}` })).json().items as ApplicationSummary[]).map((a) => a.id);
      expect(await ids('overdue')).toEqual([overdue]);
      expect(await ids('today')).toEqual([today]);
      expect(await ids('soon')).toEqual([soon]);
      const queues = (await s.officer.call({ method: 'GET', url: '/api/applications/queues' })).json();
      expect(queues).toEqual({ byStatus: { accepted: 4, correction: 1, submitted: 1 }, overdue: 1, dueToday: 1, dueSoon: 1, mine: 5, unassigned: 1 });
      // For the admin, none of them is "mine".
      expect((await s.admin.call({ method: 'GET', url: '/api/applications/queues' })).json()).toMatchObject({ mine: 0, unassigned: 1 });
    } finally {
      clock.set(START);
    }
  });
});

describe('materials', () => {
  it('are typed by content: a fake PDF and a PNG for a PDF-only material are 415, an unknown key 422', async () => {
    const s = await setup();
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false, materials: [] });
    const before = await traces(draft.id);
    const fake = await uploadMaterial(s.applicant.call, draft.id, 'form', Buffer.from('just text, honestly a PDF'), '申请表.pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('unsupported_media_type');
    const png = await uploadMaterial(s.applicant.call, draft.id, 'form', pngBytes(), '申请表.png');
    expect(png.statusCode).toBe(415);
    expect(png.json().error).toEqual({ code: 'rule.material_file_type', message: '“申请表”只接受这些文件类型：pdf', details: { field: 'file', allowed: ['pdf'] } });
    const unknown = await uploadMaterial(s.applicant.call, draft.id, 'nosuch');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'rule.material_unknown', details: { field: 'key' } });
    const notMultipart = await s.applicant.call({ method: 'POST', url: `/api/applications/${draft.id}/materials/form`, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect(await traces(draft.id)).toEqual(before);
    expect(await t.deps.database.db.selectFrom('files').select('id').where('zone_id', '=', s.zone.id).execute()).toEqual([]);

    const pdf = pdfBytes('营业执照申请表');
    const ok = await uploadMaterial(s.applicant.call, draft.id, 'form', pdf, '申请表.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as Application).materials).toEqual([{ id: expect.any(String), key: 'form', fileId: expect.any(String), name: '申请表.pdf', type: 'pdf', size: pdf.length, uploadedAt: START }]);
    // An image material takes JPEG and PNG; uploading again replaces.
    expect((await uploadMaterial(s.applicant.call, draft.id, 'photo', pngBytes(), '现场.png')).statusCode).toBe(201);
    const replaced = (await uploadMaterial(s.applicant.call, draft.id, 'photo', jpegBytes(), '现场.jpg')).json() as Application;
    expect(replaced.materials.map((m) => [m.key, m.type])).toEqual([['form', 'pdf'], ['photo', 'jpeg']]);
    // A material can be removed from a draft.
    const photo = replaced.materials.find((m) => m.key === 'photo')!;
    const removed = await s.applicant.call({ method: 'DELETE', url: `/api/applications/${draft.id}/materials/${photo.id}` });
    expect((removed.json() as Application).materials.map((m) => m.key)).toEqual(['form']);
    expect((await s.applicant.call({ method: 'DELETE', url: `/api/applications/${draft.id}/materials/${photo.id}` })).statusCode).toBe(404);
  });

  it('submission names the missing required materials and fields; after submission nothing can be changed', async () => {
    const s = await setup({
      materials: [
        { key: 'form', name: '申请表', required: true, fileTypes: ['pdf'] },
        { key: 'licence', name: '营业执照副本', required: true, fileTypes: ['pdf', 'jpeg'] },
        { key: 'photo', name: '现场照片', required: false, fileTypes: ['png'] },
      ],
      fields: [
        { key: 'purpose', label: '申请事由', type: 'text', required: true },
        { key: 'capital', label: '注册资本', type: 'number', required: true },
        { key: 'agree', label: '承诺属实', type: 'checkbox', required: true },
      ],
    });
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false, form: { purpose: '新设' }, materials: ['form'] });
    const noMaterial = await applicationAction(s.applicant.call, draft.id, 'submit');
    expect(noMaterial.statusCode).toBe(422);
    expect(noMaterial.json().error).toEqual({ code: 'rule.missing_materials', message: '缺少必需的材料：营业执照副本', details: { materials: ['营业执照副本'] } });
    expect((await uploadMaterial(s.applicant.call, draft.id, 'licence', jpegBytes(), '执照.jpg')).statusCode).toBe(201);
    const noFields = await applicationAction(s.applicant.call, draft.id, 'submit');
    expect(noFields.statusCode).toBe(422);
    expect(noFields.json().error).toEqual({ code: 'rule.missing_fields', message: '缺少必填的表单项：注册资本、承诺属实', details: { fields: ['注册资本', '承诺属实'] } });
    // Values of the wrong type are named by field.
    const wrong = await s.applicant.call({ method: 'PATCH', url: `/api/applications/${draft.id}`, payload: { form: { capital: '一百万', colour: 'red' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: 'form.capital', message: '应为数字' },
      { path: 'form.colour', message: '事项没有这个表单字段' },
    ]);
    expect((await s.applicant.call({ method: 'PATCH', url: `/api/applications/${draft.id}`, payload: { form: { capital: 100, agree: true } } })).statusCode).toBe(200);
    const submitted = await applicationAction(s.applicant.call, draft.id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const locked = await uploadMaterial(s.applicant.call, draft.id, 'photo', pngBytes(), 'p.png');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'rule.not_editable', details: { status: 'submitted' } });
    expect((await s.applicant.call({ method: 'PATCH', url: `/api/applications/${draft.id}`, payload: { form: { purpose: '改' } } })).json().error.code).toBe('rule.not_editable');
    expect((await s.applicant.call({ method: 'DELETE', url: `/api/applications/${draft.id}` })).json().error.code).toBe('rule.draft_only_delete');
  });

  it('resubmission waits for every material marked for correction to be uploaded again', async () => {
    const s = await setup();
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false });
    expect((await uploadMaterial(s.applicant.call, draft.id, 'photo', pngBytes(), '照片.png')).statusCode).toBe(201);
    const app = (await applicationAction(s.applicant.call, draft.id, 'submit')).json() as Application;
    await applicationAction(s.officer.call, app.id, 'accept');
    const points = [
      { target: 'material', key: 'form', comment: '申请表缺少签字' },
      { target: 'material', key: 'photo', comment: '照片不清晰' },
      { target: 'field', key: 'purpose', comment: '事由过于笼统' },
    ];
    expect((await applicationAction(s.officer.call, app.id, 'request_correction', { corrections: points })).json().corrections).toEqual(points);
    const applicantView = (await s.applicant.call({ method: 'GET', url: `/api/applications/${app.id}` })).json() as Application;
    expect(applicantView).toMatchObject({ status: 'correction', corrections: points, actions: ['resubmit', 'withdraw'] });
    const pending = await applicationAction(s.applicant.call, app.id, 'resubmit');
    expect(pending.json().error).toEqual({ code: 'rule.correction_not_addressed', message: '以下需补正的材料尚未重新上传：申请表、现场照片', details: { materials: ['申请表', '现场照片'] } });
    expect((await uploadMaterial(s.applicant.call, app.id, 'form')).statusCode).toBe(201);
    expect((await applicationAction(s.applicant.call, app.id, 'resubmit')).json().error.details).toEqual({ materials: ['现场照片'] });
    expect((await uploadMaterial(s.applicant.call, app.id, 'photo', pngBytes(), '新照片.png')).statusCode).toBe(201);
    expect((await applicationAction(s.applicant.call, app.id, 'resubmit')).json().status).toBe('resubmitted');
  });

  it('preview inline, download, and zip: one application, and the filtered set with a folder per number', async () => {
    const s = await setup();
    const pdf = pdfBytes('预览用申请表');
    const png = pngBytes([1, 2, 3]);
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false, materials: [] });
    await uploadMaterial(s.applicant.call, draft.id, 'form', pdf, '申请表.pdf');
    await uploadMaterial(s.applicant.call, draft.id, 'photo', png, '厂房照片.png');
    const app = (await applicationAction(s.applicant.call, draft.id, 'submit')).json() as Application;
    const form = app.materials.find((m) => m.key === 'form')!;

    const inline = await s.officer.call({ method: 'GET', url: `/api/applications/${app.id}/materials/${form.id}/file?inline=true` });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline; /);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(inline.rawPayload.equals(pdf)).toBe(true);
    const download = await s.applicant.call({ method: 'GET', url: `/api/applications/${app.id}/materials/${form.id}/file` });
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const one = await s.applicant.call({ method: 'GET', url: `/api/applications/${app.id}/materials.zip` });
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(one.rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual(['form-申请表.pdf', 'photo-厂房照片.png']);
    expect((await zip.file('form-申请表.pdf')!.async('nodebuffer')).equals(pdf)).toBe(true);
    expect((await zip.file('photo-厂房照片.png')!.async('nodebuffer')).equals(png)).toBe(true);

    const second = await makeApplication(s.applicant.call, s.item.id);
    await makeApplication(s.applicant.call, s.item.id, { submit: false }); // a draft: not in the filtered set
    const set = await s.officer.call({ method: 'GET', url: '/api/applications/materials.zip?status=submitted' });
    expect(set.statusCode, set.body).toBe(200);
    const all = await JSZip.loadAsync(set.rawPayload);
    const files = Object.values(all.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(files).toEqual([`${app.number}/form-申请表.pdf`, `${app.number}/photo-厂房照片.png`, `${second.number}/form-material.pdf`].sort());
    expect((await all.file(`${app.number}/photo-厂房照片.png`)!.async('nodebuffer')).equals(png)).toBe(true);
    // Applicants do not download the zone's archive.
    expect((await s.applicant.call({ method: 'GET', url: '/api/applications/materials.zip' })).statusCode).toBe(403);
  });

  it('a Word document goes where the item allows it', async () => {
    const s = await setup({ materials: [{ key: 'charter', name: '公司章程', required: true, fileTypes: ['pdf', 'docx'] }] });
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false, materials: [] });
    const res = await uploadMaterial(s.applicant.call, draft.id, 'charter', docxBytes('章程'), '章程.docx');
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Application).materials[0]).toMatchObject({ key: 'charter', type: 'docx', name: '章程.docx' });
  });
});

describe('visibility', () => {
  it('applicants see only their enterprise’s applications; officers only their zone’s', async () => {
    const s = await setup();
    const mine = await makeApplication(s.applicant.call, s.item.id);
    const neighbour = await makeApplicant(t.app, t.services, s.zone);
    const theirs = await makeApplication(neighbour.call, s.item.id);
    const colleague = await signedInUser(t.app, t.services, s.zone, ['enterprise_user'], { enterpriseId: s.applicant.enterprise.id });

    const listed = async (c: Caller) => ((await c.call({ method: 'GET', url: '/api/applications' })).json().items as ApplicationSummary[]).map((a) => a.id).sort();
    expect(await listed(s.applicant)).toEqual([mine.id]);
    expect(await listed(colleague)).toEqual([mine.id]); // the same enterprise
    expect(await listed(neighbour)).toEqual([theirs.id]);
    expect(await listed(s.officer)).toEqual([mine.id, theirs.id].sort());
    const foreign = await neighbour.call({ method: 'GET', url: `/api/applications/${mine.id}` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'not_found', details: { entity: 'application', id: mine.id } });
    expect((await applicationAction(neighbour.call, mine.id, 'withdraw')).statusCode).toBe(404);
    const material = (mine as Application).materials[0]!;
    expect((await neighbour.call({ method: 'GET', url: `/api/applications/${mine.id}/materials/${material.id}/file` })).statusCode).toBe(404);
    expect((await neighbour.call({ method: 'GET', url: `/api/applications/${mine.id}/materials.zip` })).statusCode).toBe(404);
    // A search does not reach past the visibility either.
    expect((await neighbour.call({ method: 'GET', url: `/api/applications?q=${mine.number}` })).json().total).toBe(0);

    const elsewhere = await setup();
    expect((await elsewhere.officer.call({ method: 'GET', url: `/api/applications/${mine.id}` })).statusCode).toBe(404);
    expect((await applicationAction(elsewhere.officer.call, mine.id, 'accept')).statusCode).toBe(404);
    expect(await listed(elsewhere.officer)).toEqual([]);
    expect((await traces(mine.id)).row.status).toBe('submitted');
  });

  it('lists filter by status, item, channel, open and search, and page', async () => {
    const s = await setup();
    const other = await makeApplicationItem(t.services, s.zone, { name: '特种设备使用登记' });
    const a = await makeApplication(s.applicant.call, s.item.id, { name: '张三' });
    const b = await makeApplication(s.applicant.call, other.id, { name: '李四' });
    const c = await makeApplication(s.applicant.call, s.item.id, { submit: false });
    await applicationAction(s.officer.call, b.id, 'accept');
    const ids = async (q: string) => ((await s.officer.call({ method: 'GET', url: `/api/applications?${q}` })).json().items as ApplicationSummary[]).map((x) => x.id).sort();
    expect(await ids('status=accepted')).toEqual([b.id]);
    expect(await ids(`itemId=${s.item.id}`)).toEqual([a.id, c.id].sort());
    expect(await ids('open=true')).toEqual([a.id, b.id].sort());
    expect(await ids(`q=${encodeURIComponent('李四')}`)).toEqual([b.id]);
    expect(await ids(`q=${a.number.toLowerCase()}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('特种设备')}`)).toEqual([b.id]);
    expect(await ids('channel=counter')).toEqual([]);
    const page = (await s.officer.call({ method: 'GET', url: '/api/applications?pageSize=2&page=2&sort=number:asc' })).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
  });
});

describe('the workbench’s filters and concurrent decisions', () => {
  it('filter by several statuses at once', async () => {
    const s = await setup();
    const [a, b, c] = [await makeApplication(s.applicant.call, s.item.id), await makeApplication(s.applicant.call, s.item.id), await makeApplication(s.applicant.call, s.item.id)];
    await applicationAction(s.officer.call, a.id, 'accept');
    await applicationAction(s.officer.call, b.id, 'accept');
    await applicationAction(s.officer.call, b.id, 'review');
    const ids = async (url: string) => ((await s.officer.call({ method: 'GET', url })).json().items as { id: string }[]).map((x) => x.id).sort();
    expect(await ids('/api/applications?status=accepted,under_review')).toEqual([a.id, b.id].sort());
    expect(await ids('/api/applications?status=submitted')).toEqual([c.id]);
    const bad = await s.officer.call({ method: 'GET', url: '/api/applications?status=accepted,nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^status/);
  });

  it('two officers deciding one application at once: one decision stands, the other gets 409', async () => {
    const s = await setup();
    const colleague = await signedInUser(t.app, t.services, s.zone, ['approval_officer']);
    const app = await makeApplication(s.applicant.call, s.item.id);
    await applicationAction(s.officer.call, app.id, 'accept');
    const [approve, deny] = await Promise.all([
      applicationAction(s.officer.call, app.id, 'approve'),
      applicationAction(colleague.call, app.id, 'deny', { reason: '材料不符合法定形式' }),
    ]);
    const codes = [approve.statusCode, deny.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = approve.statusCode === 409 ? approve : deny;
    expect(['state.stale', 'state.transition']).toContain(loser.json().error.code);
    const { row, events } = await traces(app.id);
    expect(['approved', 'denied']).toContain(row.status);
    // Exactly one decision in the history.
    expect(events.filter((e: { action: string }) => e.action === 'approve' || e.action === 'deny')).toHaveLength(1);
  });
});

describe('bulk acceptance and assignment', () => {
  it('accepts the submitted ones and says in the request language why the others failed', async () => {
    const s = await setup();
    const submitted = await makeApplication(s.applicant.call, s.item.id);
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false });
    const foreign = await setup();
    const theirs = await makeApplication(foreign.applicant.call, foreign.item.id);
    const res = await s.officer.call({ method: 'POST', url: '/api/applications/actions/accept', payload: { ids: [submitted.id, draft.id, theirs.id] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      accepted: [submitted.id],
      failed: [
        { id: draft.id, code: 'state.transition', message: '当前状态为“草稿”，不能执行“受理”' },
        { id: theirs.id, code: 'not_found', message: '未找到办件' },
      ],
    });
    expect((await traces(submitted.id)).row).toMatchObject({ status: 'accepted', accepted_on: '2020-02-24' });
    expect((await traces(theirs.id)).row.status).toBe('submitted');
    const en = await s.officer.call({ method: 'POST', url: '/api/applications/actions/accept', payload: { ids: [submitted.id] }, headers: EN });
    expect(en.json().failed).toEqual([{ id: submitted.id, code: 'state.transition', message: 'The application is "Accepted": "Accept" is not possible' }]);
    expect((await s.applicant.call({ method: 'POST', url: '/api/applications/actions/accept', payload: { ids: [draft.id] } })).statusCode).toBe(403);
  });

  it('assigns only to approval officers of the zone, and tells the assignee', async () => {
    const s = await setup();
    const app = await makeApplication(s.applicant.call, s.item.id);
    const colleague = await signedInUser(t.app, t.services, s.zone, ['approval_officer']);
    const leader = await signedInUser(t.app, t.services, s.zone, ['leader']);
    const elsewhere = await setup();
    const officers = (await s.officer.call({ method: 'GET', url: '/api/services/officers' })).json() as { id: string }[];
    expect(officers.map((o) => o.id).sort()).toEqual([s.officer.user.id, colleague.user.id].sort());
    for (const assigneeId of [leader.user.id, s.applicant.user.id, elsewhere.officer.user.id]) {
      const res = await s.officer.call({ method: 'PUT', url: `/api/applications/${app.id}/assignee`, payload: { assigneeId } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toEqual({ code: 'rule.assignee', message: '承办人须为本区的审批人员', details: { field: 'assigneeId' } });
    }
    const res = await s.officer.call({ method: 'PUT', url: `/api/applications/${app.id}/assignee`, payload: { assigneeId: colleague.user.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assigneeId: colleague.user.id, assigneeName: colleague.user.displayName });
    const bell = (await colleague.call({ method: 'GET', url: '/api/notifications' })).json();
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'application.assigned')).toEqual([
      expect.objectContaining({ kind: 'application.assigned', entityType: 'application', entityId: app.id, params: { number: app.number, itemName: s.item.name }, readAt: null }),
    ]);
    expect((await s.officer.call({ method: 'GET', url: `/api/applications?assigneeId=${colleague.user.id}` })).json().total).toBe(1);
    expect((await s.officer.call({ method: 'GET', url: '/api/applications?assigneeId=none' })).json().total).toBe(0);
    const cleared = await s.officer.call({ method: 'PUT', url: `/api/applications/${app.id}/assignee`, payload: { assigneeId: null } });
    expect(cleared.json().assigneeId).toBeNull();
    expect((await s.officer.call({ method: 'GET', url: '/api/applications?assigneeId=none' })).json().items.map((a: { id: string }) => a.id)).toEqual([app.id]);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', app.id).where('action', '=', 'application.assign').orderBy('id').execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      [{ assigneeId: null }, { assigneeId: colleague.user.id }],
      [{ assigneeId: colleague.user.id }, { assigneeId: null }],
    ]);
  });
});

describe('public progress lookup', () => {
  let n = 0;
  /** Each test its own client address, so the per-address limit is the test's own. */
  const address = () => `192.0.2.${++n}`;
  const lookup = (remoteAddress: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/applications/lookup', payload, remoteAddress });

  it('the right number and last 4 phone digits show the progress; a wrong pair and an unknown number answer alike', async () => {
    // Numbers are unique per zone only, and the lookup names no zone: a day and phone digits of this
    // run's own keep the other zones of a reused test database out of the way.
    const at = nineOn('2030-01-01') + Math.floor(Math.random() * 3000) * 86_400_000;
    clock.set(at);
    try {
      await lookupShowsProgress(at);
    } finally {
      clock.set(START);
    }
  });

  async function lookupShowsProgress(at: number) {
    const s = await setup();
    const last4 = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
    const app = await makeApplication(s.applicant.call, s.item.id, { phone: `1391234${last4}` });
    const accepted = (await applicationAction(s.officer.call, app.id, 'accept')).json() as Application;
    const ip = address();
    const res = await lookup(ip, { number: app.number.toLowerCase(), phoneLast4: last4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      number: app.number,
      itemName: s.item.name,
      department: s.item.department,
      status: 'accepted',
      submittedAt: at,
      dueDate: accepted.dueDate,
      completedOn: null,
      steps: [
        { at, toStatus: 'submitted' },
        { at, toStatus: 'accepted' },
      ],
    });
    // Nothing personal: no name, phone, enterprise or ids.
    expect(res.body).not.toContain(app.id);
    expect(res.body).not.toContain('王经办');
    const wrong = await lookup(ip, { number: app.number, phoneLast4: String((Number(last4) + 1) % 10_000).padStart(4, '0') });
    const unknown = await lookup(ip, { number: app.number.replace(/\d{6}$/, '999999'), phoneLast4: last4 });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual({ error: { code: 'rule.lookup_mismatch', message: '办件编号或手机号码后 4 位不正确' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(wrong.json());
    const malformed = await lookup(ip, { number: 'SV-1', phoneLast4: '12' });
    expect(malformed.statusCode).toBe(400);
    expect(accepted.dueDate).not.toBeNull();
  }

  it('the zone in the link tells two zones’ equal numbers apart; without it, neither answers', async () => {
    const at = nineOn('2030-01-01') + Math.floor(Math.random() * 3000) * 86_400_000;
    clock.set(at);
    try {
      const [a, b] = [await setup(), await setup()];
      const last4 = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
      const first = await makeApplication(a.applicant.call, a.item.id, { phone: `1391234${last4}` });
      const second = await makeApplication(b.applicant.call, b.item.id, { phone: `1371234${last4}` });
      expect(second.number).toBe(first.number);
      await applicationAction(a.officer.call, first.id, 'accept');
      const ip = address();
      const bare = await lookup(ip, { number: first.number, phoneLast4: last4 });
      expect(bare.statusCode).toBe(404);
      expect(bare.json().error.code).toBe('rule.lookup_ambiguous');
      const inA = await lookup(ip, { zone: a.zone.code.toLowerCase(), number: first.number, phoneLast4: last4 });
      expect(inA.statusCode, inA.body).toBe(200);
      expect(inA.json()).toMatchObject({ itemName: a.item.name, status: 'accepted' });
      const inB = await lookup(ip, { zone: b.zone.code, number: first.number, phoneLast4: last4 });
      expect(inB.json()).toMatchObject({ itemName: b.item.name, status: 'submitted' });
      const nowhere = await lookup(ip, { zone: 'NOSUCHZONE', number: first.number, phoneLast4: last4 });
      expect(nowhere.json().error.code).toBe('rule.lookup_mismatch');
    } finally {
      clock.set(START);
    }
  });

  it('allows 10 tries a minute from one address', async () => {
    const ip = address();
    for (let i = 0; i < 10; i++) expect((await lookup(ip, { number: 'SV-20200224-000001', phoneLast4: String(1000 + i) })).statusCode).toBe(404);
    const limited = await lookup(ip, { number: 'SV-20200224-000001', phoneLast4: '9999' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    // Another address is not affected.
    expect((await lookup(address(), { number: 'SV-20200224-000001', phoneLast4: '9999' })).statusCode).toBe(404);
  });
});

describe('drafts', () => {
  it('are changed and deleted by the applicant; a deleted draft is gone with its history', async () => {
    const s = await setup();
    const draft = await makeApplication(s.applicant.call, s.item.id, { submit: false });
    const patched = await s.applicant.call({ method: 'PATCH', url: `/api/applications/${draft.id}`, payload: { applicant: { name: '新经办人', phone: '13700001234' }, delivery: 'mail', mailAddress: '科创路 8 号' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ applicantName: '新经办人', applicantPhoneMasked: '137****1234', delivery: 'mail', mailAddress: '科创路 8 号' });
    const noAddress = await s.applicant.call({ method: 'PATCH', url: `/api/applications/${draft.id}`, payload: { mailAddress: null } });
    expect(noAddress.json().error.code).toBe('rule.mail_address_required');
    expect((await s.applicant.call({ method: 'DELETE', url: `/api/applications/${draft.id}` })).statusCode).toBe(200);
    expect((await s.applicant.call({ method: 'GET', url: `/api/applications/${draft.id}` })).statusCode).toBe(404);
    expect((await traces(draft.id).catch(() => null))).toBeNull();
    expect(await t.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', draft.id).orderBy('id').execute()).toEqual([
      { action: 'application.create' },
      { action: 'application.upload_material' },
      { action: 'application.update' },
      { action: 'application.delete' },
    ]);
  });
});

