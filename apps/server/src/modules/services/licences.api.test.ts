// E-licences (电子证照) through the API: approval issues the licence (PDF stored, number per zone and
// year, unguessable code); the public verification says genuine and valid, or revoked and when;
// revoking twice is a conflict; a revoked licence can be issued again with a new code; the
// applicant downloads the PDF, nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, Licence } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { applicationAction, makeApplicant, makeApplication, makeApplicationItem, newAdmin, signedInUser, signInAs } from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

const clock = testClock();
const START = clock.now(); // 2020-02-24 09:00 in Shanghai
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

async function setup(licenceName: string | null = '营业执照') {
  const admin = await newAdmin(t.app, t.services);
  const item = await makeApplicationItem(t.services, admin.zone, { category: 'enterprise_establishment', licenceName });
  const applicant = await makeApplicant(t.app, t.services, admin.zone);
  const officer = await signedInUser(t.app, t.services, admin.zone, ['approval_officer']);
  return { ...admin, item, applicant, officer };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function approved(s: Setup): Promise<Application> {
  const app = await makeApplication(s.applicant.call, s.item.id);
  expect((await applicationAction(s.officer.call, app.id, 'accept')).statusCode).toBe(200);
  const res = await applicationAction(s.officer.call, app.id, 'approve', { comment: '准予设立登记' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Application;
}

const verify = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/licences/${code}` });

describe('issuing', () => {
  it('approval issues a numbered licence with an unguessable code, its PDF and the record of it', async () => {
    const s = await setup();
    const app = await approved(s);
    const licence = app.licence!;
    expect(licence).toEqual({
      id: expect.any(String),
      applicationId: app.id,
      number: `${s.zone.code}-2020-000001`,
      code: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      licenceName: '营业执照',
      holderName: s.applicant.enterprise.name,
      itemName: s.item.name,
      issuedOn: '2020-02-24',
      status: 'valid',
      revokedAt: null,
      revokeReason: null,
      verifyUrl: `http://127.0.0.1:3000/h5/verify/${licence.code}`,
    });
    expect(app.events.map((e) => e.action)).toEqual(['create', 'submit', 'accept', 'approve', 'issue_licence']);
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('zone_id', '=', s.zone.id).where('action', '=', 'licence.issue').execute();
    expect(audit).toEqual([{ action: 'licence.issue', entity_id: licence.id }]);
    // A second approval in the zone gets the next number; codes never repeat.
    const next = (await approved(s)).licence!;
    expect(next.number).toBe(`${s.zone.code}-2020-000002`);
    expect(next.code).not.toBe(licence.code);

    const pdf = await s.applicant.call({ method: 'GET', url: `/api/applications/${app.id}/licence.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(String(pdf.headers['content-disposition'])).toMatch(/^attachment; /);
    expect((await s.officer.call({ method: 'GET', url: `/api/applications/${app.id}/licence.pdf?inline=true` })).headers['content-disposition']).toMatch(/^inline; /);
    // Another enterprise of the zone does not get it.
    const neighbour = await makeApplicant(t.app, t.services, s.zone);
    expect((await neighbour.call({ method: 'GET', url: `/api/applications/${app.id}/licence.pdf` })).statusCode).toBe(404);
  });

  it('an item without a licence issues none, and none can be issued for it', async () => {
    const s = await setup(null);
    const app = await approved(s);
    expect(app.licence).toBeNull();
    expect(app.events.map((e) => e.action)).not.toContain('issue_licence');
    const res = await s.officer.call({ method: 'POST', url: `/api/applications/${app.id}/licence` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('rule.no_licence_item');
    expect((await s.applicant.call({ method: 'GET', url: `/api/applications/${app.id}/licence.pdf` })).statusCode).toBe(404);
  });
});

describe('verification, revocation and issuing again', () => {
  it('verifies genuine and valid, then revoked with the day; revoking twice is 409; a new licence is valid again', async () => {
    const s = await setup();
    const app = await approved(s);
    const first = app.licence!;
    const valid = await verify(first.code);
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toEqual({
      genuine: true,
      status: 'valid',
      zoneName: '测试高新区',
      licenceName: '营业执照',
      number: first.number,
      holderName: s.applicant.enterprise.name,
      itemName: s.item.name,
      issuedOn: '2020-02-24',
      revokedOn: null,
    });
    // Issuing again while one is valid is refused.
    const twice = await s.officer.call({ method: 'POST', url: `/api/applications/${app.id}/licence` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('rule.licence_exists');
    // The applicant cannot revoke.
    expect((await s.applicant.call({ method: 'POST', url: `/api/licences/${first.id}/actions/revoke`, payload: { reason: '自行注销' } })).statusCode).toBe(403);

    clock.set(Date.parse('2020-03-02T10:00:00+08:00'));
    try {
      const officer = await signInAs(t.app, s.officer.user.username);
      const revoked = await officer.call({ method: 'POST', url: `/api/licences/${first.id}/actions/revoke`, payload: { reason: '登记事项有误' } });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json() as Licence).toMatchObject({ id: first.id, status: 'revoked', revokedAt: clock.now(), revokeReason: '登记事项有误' });
      expect((await verify(first.code)).json()).toMatchObject({ genuine: true, status: 'revoked', revokedOn: '2020-03-02', number: first.number });
      const again = await officer.call({ method: 'POST', url: `/api/licences/${first.id}/actions/revoke`, payload: { reason: '再次注销' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'rule.already_revoked', details: { status: 'revoked' } });

      const reissued = await officer.call({ method: 'POST', url: `/api/applications/${app.id}/licence` });
      expect(reissued.statusCode, reissued.body).toBe(200);
      const second = (reissued.json() as Application).licence!;
      expect(second).toMatchObject({ status: 'valid', issuedOn: '2020-03-02', number: `${s.zone.code}-2020-000002` });
      expect(second.code).not.toBe(first.code);
      expect((await verify(second.code)).json()).toMatchObject({ genuine: true, status: 'valid', revokedOn: null });
      expect((await verify(first.code)).json()).toMatchObject({ status: 'revoked' });

      const listed = await officer.call({ method: 'GET', url: '/api/licences?status=revoked' });
      expect((listed.json().items as Licence[]).map((l) => l.id)).toEqual([first.id]);
      expect((await officer.call({ method: 'GET', url: '/api/licences' })).json().total).toBe(2);
      const actions = await t.deps.database.db.selectFrom('audit_log').select('action').where('zone_id', '=', s.zone.id).where('action', 'like', 'licence.%').orderBy('id').execute();
      expect(actions.map((a) => a.action)).toEqual(['licence.issue', 'licence.revoke', 'licence.issue']);
      const events = (await officer.call({ method: 'GET', url: `/api/applications/${app.id}` })).json().events as Application['events'];
      expect(events.slice(-3).map((e) => [e.action, e.comment])).toEqual([
        ['issue_licence', first.number],
        ['revoke_licence', '登记事项有误'],
        ['issue_licence', second.number],
      ]);
    } finally {
      clock.set(START);
    }
  });

  it('an unknown well-formed code is not genuine; a malformed one is a 400', async () => {
    const unknown = await verify('A'.repeat(32));
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ genuine: false, status: null, zoneName: null, licenceName: null, number: null, holderName: null, itemName: null, issuedOn: null, revokedOn: null });
    for (const bad of ['short', 'with%20space%20inside-xxxxxxxx', 'x'.repeat(65)]) {
      const res = await verify(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details, bad).toEqual([{ path: 'code', message: '核验码格式不正确' }]);
    }
  });

  it('is issued only for approved applications, and revoked only within the zone', async () => {
    const s = await setup();
    const app = await makeApplication(s.applicant.call, s.item.id);
    const res = await s.officer.call({ method: 'POST', url: `/api/applications/${app.id}/licence` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'rule.not_approved', details: { status: 'submitted' } });
    const theirs = (await approved(await setup())).licence!;
    const foreign = await s.officer.call({ method: 'POST', url: `/api/licences/${theirs.id}/actions/revoke`, payload: { reason: '越区注销' } });
    expect(foreign.statusCode).toBe(404);
    expect((await verify(theirs.code)).json().status).toBe('valid');
  });
});

describe('the licences list', () => {
  it('exports the filtered licences to Excel, with their status in the request language', async () => {
    const s = await setup();
    const kept = (await approved(s)).licence!;
    const revoked = (await approved(s)).licence!;
    expect((await s.officer.call({ method: 'POST', url: `/api/licences/${revoked.id}/actions/revoke`, payload: { reason: '企业申请注销' } })).statusCode).toBe(200);
    const all = await xlsxResponse(await s.officer.call({ method: 'GET', url: '/api/licences/export.xlsx' }));
    expect(column(all, '证照编号').sort()).toEqual([kept.number, revoked.number].sort());
    expect(column(all, '状态').sort()).toEqual(['已注销', '有效']);
    const valid = await xlsxResponse(await s.officer.call({ method: 'GET', url: '/api/licences/export.xlsx?status=valid&lang=en-US', headers: { 'accept-language': 'en-US' } }));
    expect(column(valid, 'Number')).toEqual([kept.number]);
    expect(column(valid, 'Status')).toEqual(['Valid']);
    expect((await s.applicant.call({ method: 'GET', url: '/api/licences/export.xlsx' })).statusCode).toBe(403);
  });
});
