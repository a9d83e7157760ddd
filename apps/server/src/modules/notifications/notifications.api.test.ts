// The bell: applicants hear of acceptance, correction and approval; the zone's approval officers
// (or the assignee) of submissions and resubmissions; unread counts, marking read one or all, and
// nobody else's notices; due-soon reminders once a day per application.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { applicationAction, makeApplicant, makeApplication, makeApplicationItem, newAdmin, signedInUser, signInAs, uploadMaterial, type Caller } from '../../test/factories.js';

const clock = testClock();
const START = clock.now(); // Monday 2020-02-24, 09:00 in Shanghai
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

async function setup(promisedDays = 3) {
  const admin = await newAdmin(t.app, t.services);
  const item = await makeApplicationItem(t.services, admin.zone, { promisedDays });
  const applicant = await makeApplicant(t.app, t.services, admin.zone);
  const officer = await signedInUser(t.app, t.services, admin.zone, ['approval_officer']);
  const colleague = await signedInUser(t.app, t.services, admin.zone, ['approval_officer']);
  return { ...admin, item, applicant, officer, colleague };
}

const bell = async (c: Caller, q = '') => (await c.call({ method: 'GET', url: `/api/notifications${q}` })).json() as { items: Notification[]; total: number };
const kinds = async (c: Caller) => (await bell(c)).items.map((n) => n.kind).reverse();
const unread = async (c: Caller) => (await c.call({ method: 'GET', url: '/api/notifications/unread-count' })).json().unread as number;

describe('notifications', () => {
  it('tell the applicant and the officers what they wait for', async () => {
    const s = await setup();
    const app = await makeApplication(s.applicant.call, s.item.id);
    // Submitted: every approval officer of the zone, nobody else.
    expect(await kinds(s.officer)).toEqual(['application.submitted']);
    expect(await kinds(s.colleague)).toEqual(['application.submitted']);
    expect(await kinds(s)).toEqual([]);
    expect(await kinds(s.applicant)).toEqual([]);
    const [notice] = (await bell(s.officer)).items;
    expect(notice).toEqual({ id: expect.any(String), kind: 'application.submitted', params: { number: app.number, itemName: s.item.name }, entityType: 'application', entityId: app.id, readAt: null, createdAt: START });

    await applicationAction(s.officer.call, app.id, 'accept');
    await applicationAction(s.officer.call, app.id, 'request_correction', { corrections: [{ target: 'material', key: 'form', comment: '请盖章' }] });
    expect(await kinds(s.applicant)).toEqual(['application.accepted', 'application.correction']);
    await uploadMaterial(s.applicant.call, app.id, 'form');
    await applicationAction(s.applicant.call, app.id, 'resubmit');
    // Resubmitted: the officer who took it (the assignee), not the whole bureau.
    expect(await kinds(s.officer)).toEqual(['application.submitted', 'application.resubmitted']);
    expect(await kinds(s.colleague)).toEqual(['application.submitted']);
    await applicationAction(s.officer.call, app.id, 'approve');
    expect(await kinds(s.applicant)).toEqual(['application.accepted', 'application.correction', 'application.approved']);
    expect(await unread(s.applicant)).toBe(3);

    // A refusal and a denial are told as well; nobody is told of their own action.
    const refused = await makeApplication(s.applicant.call, s.item.id);
    await applicationAction(s.officer.call, refused.id, 'refuse', { reason: '不属于受理范围' });
    expect((await bell(s.applicant)).items[0]).toMatchObject({ kind: 'application.refused', entityId: refused.id });
    expect((await bell(s.officer)).items.map((n) => n.kind)).not.toContain('application.refused');
  });

  it('are marked read one by one or all at once, and only one’s own', async () => {
    const s = await setup();
    for (let i = 0; i < 3; i++) await makeApplication(s.applicant.call, s.item.id);
    expect(await unread(s.officer)).toBe(3);
    const [first, second] = (await bell(s.officer)).items;
    const read = await s.officer.call({ method: 'POST', url: `/api/notifications/${first!.id}/actions/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ok: true });
    expect(await unread(s.officer)).toBe(2);
    expect(await unread(s.colleague)).toBe(3);
    expect((await bell(s.officer, '?unread=false')).items.map((n) => [n.id, n.readAt])).toEqual([[first!.id, START]]);
    expect((await bell(s.officer, '?unread=true')).total).toBe(2);
    // Another user's notice, here or in another zone, is not found and stays unread.
    const colleagues = (await bell(s.colleague)).items[0]!;
    const foreign = await s.officer.call({ method: 'POST', url: `/api/notifications/${colleagues.id}/actions/read` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'not_found', details: { entity: 'notification', id: colleagues.id } });
    const elsewhere = await setup();
    expect((await elsewhere.officer.call({ method: 'POST', url: `/api/notifications/${second!.id}/actions/read` })).statusCode).toBe(404);
    expect(await unread(s.colleague)).toBe(3);

    expect((await s.officer.call({ method: 'POST', url: '/api/notifications/actions/read-all' })).json()).toEqual({ ok: true });
    expect(await unread(s.officer)).toBe(0);
    expect(await unread(s.colleague)).toBe(3);
    // Reading writes no audit record.
    const audit = await t.deps.database.db.selectFrom('audit_log').select('action').where('zone_id', '=', s.zone.id).where('action', 'like', 'notification%').execute();
    expect(audit).toEqual([]);
    // Paging.
    expect(await bell(s.colleague, '?pageSize=2&page=2')).toMatchObject({ total: 3, items: [expect.objectContaining({ kind: 'application.submitted' })] });
  });

  it('remind of limits due today or the next working day, once a day per application', async () => {
    clock.set(Date.parse('2020-03-05T09:00:00+08:00')); // Thursday
    try {
      const s = await setup(1);
      const longer = await makeApplicationItem(t.services, s.zone, { promisedDays: 3 });
      const dueTomorrow = await makeApplication(s.applicant.call, s.item.id);
      const dueLater = await makeApplication(s.applicant.call, longer.id);
      await applicationAction(s.officer.call, dueTomorrow.id, 'accept'); // due Fri 6 March
      await applicationAction(s.officer.call, dueLater.id, 'accept'); // due Tue 10 March
      await s.officer.call({ method: 'POST', url: '/api/notifications/actions/read-all' });
      const dueSoon = async (c: Caller) => (await bell(c)).items.filter((n) => n.kind === 'application.due_soon');

      expect(await t.services.applications.notifyDueSoon(s.zone.id)).toBe(1);
      expect(await t.services.applications.notifyDueSoon(s.zone.id)).toBe(0); // once a day
      expect(await dueSoon(s.officer)).toEqual([expect.objectContaining({ entityId: dueTomorrow.id, params: { number: dueTomorrow.number, itemName: s.item.name, dueDate: '2020-03-06' } })]);
      // The assignee only; the applicant hears nothing of it.
      expect(await dueSoon(s.colleague)).toEqual([]);
      expect(await dueSoon(s.applicant)).toEqual([]);

      clock.set(Date.parse('2020-03-06T09:00:00+08:00')); // Friday: the first is due today; the next working day is Monday
      expect(await t.services.applications.notifyDueSoon(s.zone.id)).toBe(1);
      clock.set(Date.parse('2020-03-09T09:00:00+08:00')); // Monday: the second is due tomorrow
      expect(await t.services.applications.notifyDueSoon(s.zone.id)).toBe(1);
      const officer = await signInAs(t.app, s.officer.user.username);
      expect((await dueSoon(officer)).map((n) => n.entityId)).toEqual([dueLater.id, dueTomorrow.id, dueTomorrow.id]);
      // Nothing in another zone.
      expect(await t.services.applications.notifyDueSoon((await newAdmin(t.app, t.services)).zone.id)).toBe(0);
    } finally {
      clock.set(START);
    }
  });

  it('need a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);
  });
});
