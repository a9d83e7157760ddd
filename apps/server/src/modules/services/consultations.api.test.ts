// 咨询 through the API: applicants ask (about an item or in general) and see their own questions,
// officers answer and publish answers to the FAQ, which anyone reads without signing in by the
// zone's code; state changes not allowed are 409 with the state; the statistics count by day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { makeEnterprise, makeServiceDesk, makeServiceItem, newAdmin, signedInUser, signInAs } from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

// 2020-02-24 01:00 UTC: 09:00 in Beijing.
const clock = testClock();
const NOW = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

async function setup() {
  const desk = await makeServiceDesk(t.app, t.services, { enterpriseName: '自贡硬质合金有限责任公司' });
  const applicant = await signedInUser(t.app, t.services, desk.zone, ['enterprise_user'], { enterpriseId: desk.enterprise.id });
  const item = await makeServiceItem(t.services, desk.zone, { name: '企业设立登记', department: '市场监督管理局' });
  return { ...desk, applicant, item };
}

const QUESTION = { title: '疫情期间营业执照可以网上办理吗？', question: '我公司拟在高新区设立分公司，疫情期间不便到现场，能否全程网上办理营业执照？' };
const ANSWER = '可以。登录“双胜”平台选择“企业设立登记”，在线填报并上传材料，审核通过后可领取电子营业执照，全程不见面。';

describe('asking and answering', () => {
  it('an applicant asks about an item; the question is dated in the zone’s day; an officer answers', async () => {
    const { applicant, officer, enterprise, item } = await setup();
    const res = await applicant.call({ method: 'POST', url: '/api/consultations', payload: { ...QUESTION, itemId: item.id } });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Consultation;
    expect(c).toEqual({
      id: expect.any(String), itemId: item.id, itemName: '企业设立登记', ...QUESTION, askedBy: applicant.user.id, askerName: applicant.user.displayName, enterpriseId: enterprise.id,
      enterpriseName: '自贡硬质合金有限责任公司', askedOn: '2020-02-24', status: 'open', answer: null, answererName: null, answeredAt: null, published: false, publishedAt: null, createdAt: NOW,
    });
    const answered = await officer.call({ method: 'POST', url: `/api/consultations/${c.id}/actions/answer`, payload: { answer: ANSWER } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answer: ANSWER, answererName: officer.user.displayName, answeredAt: NOW });
    // The applicant reads the answer; they may not answer.
    expect((await applicant.call({ method: 'GET', url: `/api/consultations/${c.id}` })).json()).toMatchObject({ answer: ANSWER });
    expect((await applicant.call({ method: 'POST', url: `/api/consultations/${c.id}/actions/answer`, payload: { answer: '自己回答' } })).statusCode).toBe(403);
    // General questions need no item; officers do not ask.
    expect((await applicant.call({ method: 'POST', url: '/api/consultations', payload: { title: '复工备案', question: '复工需要备案吗？' } })).json()).toMatchObject({ itemId: null, itemName: null });
    expect((await officer.call({ method: 'POST', url: '/api/consultations', payload: QUESTION })).statusCode).toBe(403);
  });

  it('a question asked at 23:30 UTC counts for the next day in Beijing', async () => {
    const { applicant, zone } = await setup();
    clock.set(Date.UTC(2020, 1, 24, 23, 30));
    try {
      const late = await signInAs(t.app, applicant.user.username);
      const c = (await late.call({ method: 'POST', url: '/api/consultations', payload: QUESTION })).json() as Consultation;
      expect(c.askedOn).toBe('2020-02-25');
      expect((await t.services.servicesExtras.counts(zone.id, { from: '2020-02-25', to: '2020-02-25' })).consultations).toBe(1);
      expect((await t.services.servicesExtras.counts(zone.id, { from: '2020-02-01', to: '2020-02-24' })).consultations).toBe(0);
    } finally {
      clock.set(NOW);
    }
  });

  it('refuses empty or over-long text and another zone’s item, naming the field', async () => {
    const { applicant, officer } = await setup();
    const short = await applicant.call({ method: 'POST', url: '/api/consultations', payload: { title: '问', question: '？' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      { path: 'title', message: '至少 2 个字符' },
      { path: 'question', message: '至少 2 个字符' },
    ]);
    const other = await newAdmin(t.app, t.services);
    const theirs = await makeServiceItem(t.services, other.zone);
    const cross = await applicant.call({ method: 'POST', url: '/api/consultations', payload: { ...QUESTION, itemId: theirs.id } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toEqual({ code: 'rule.cross_zone_reference', message: '事项指向的记录不存在或不属于本高新区', details: { field: 'itemId' } });
    const c = (await applicant.call({ method: 'POST', url: '/api/consultations', payload: QUESTION })).json() as Consultation;
    const long = await officer.call({ method: 'POST', url: `/api/consultations/${c.id}/actions/answer`, payload: { answer: '答'.repeat(5001) } });
    expect(long.json().error.details).toEqual([{ path: 'answer', message: '不能超过 5000 个字符' }]);
  });
});

describe('the FAQ', () => {
  it('publishes answered consultations only; public readers find them by zone code without signing in', async () => {
    const { applicant, officer, zone, item } = await setup();
    const a = (await applicant.call({ method: 'POST', url: '/api/consultations', payload: { ...QUESTION, itemId: item.id } })).json() as Consultation;
    const b = (await applicant.call({ method: 'POST', url: '/api/consultations', payload: { title: '社保缓缴怎么申请', question: '受疫情影响，社保费可以缓缴吗？' } })).json() as Consultation;
    const early = await officer.call({ method: 'POST', url: `/api/consultations/${a.id}/actions/publish` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({ code: 'state.consultation', message: '咨询当前为“待答复”，不能发布', details: { status: 'open', published: false } });
    await officer.call({ method: 'POST', url: `/api/consultations/${a.id}/actions/answer`, payload: { answer: ANSWER } });
    const published = await officer.call({ method: 'POST', url: `/api/consultations/${a.id}/actions/publish` });
    expect(published.json()).toMatchObject({ published: true, publishedAt: NOW });
    const twice = await officer.call({ method: 'POST', url: `/api/consultations/${a.id}/actions/publish`, headers: { 'accept-language': 'en-US' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('The consultation is "Published": "Publish" is not possible');

    const faq = await t.app.inject({ method: 'GET', url: `/api/public/faq?zone=${zone.code}` });
    expect(faq.statusCode, faq.body).toBe(200);
    expect(faq.json()).toEqual({ items: [{ id: a.id, itemId: item.id, itemName: '企业设立登记', ...QUESTION, answer: ANSWER, publishedAt: NOW }], total: 1, page: 1, pageSize: 20 });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/faq?zone=${zone.code}&q=${encodeURIComponent('社保')}` })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/faq' })).json().error.details).toEqual([{ path: 'zone', message: '必填' }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/faq?zone=NOSUCHZONE' })).statusCode).toBe(404);
    // Signed in, the own zone is the default.
    expect((await applicant.call({ method: 'GET', url: '/api/public/faq' })).json().total).toBe(1);
    // Another zone's FAQ holds none of this zone's answers.
    const other = await newAdmin(t.app, t.services);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/faq?zone=${other.zone.code}` })).json().total).toBe(0);

    const off = await officer.call({ method: 'POST', url: `/api/consultations/${a.id}/actions/unpublish` });
    expect(off.json()).toMatchObject({ published: false, publishedAt: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/faq?zone=${zone.code}` })).json().total).toBe(0);
    expect((await officer.call({ method: 'POST', url: `/api/consultations/${b.id}/actions/unpublish` })).statusCode).toBe(409);
  });
});

describe('lists', () => {
  it('applicants see their own; officers the zone’s, filtered and exported; another applicant’s is a 404', async () => {
    const { applicant, officer, zone } = await setup();
    const other = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: (await makeEnterprise(t.services, zone)).id });
    const mine = (await applicant.call({ method: 'POST', url: '/api/consultations', payload: QUESTION })).json() as Consultation;
    const theirs = (await other.call({ method: 'POST', url: '/api/consultations', payload: { title: '用工补贴', question: '返岗员工有补贴吗？' } })).json() as Consultation;
    await officer.call({ method: 'POST', url: `/api/consultations/${theirs.id}/actions/answer`, payload: { answer: '有，详见惠企政策。' } });
    expect((await applicant.call({ method: 'GET', url: '/api/consultations' })).json().items.map((c: Consultation) => c.id)).toEqual([mine.id]);
    expect((await applicant.call({ method: 'GET', url: `/api/consultations/${theirs.id}` })).statusCode).toBe(404);
    const titles = async (q: string) => (await officer.call({ method: 'GET', url: `/api/consultations?${q}` })).json().items.map((c: Consultation) => c.title).sort();
    expect(await titles('')).toEqual(['用工补贴', QUESTION.title].sort());
    expect(await titles('status=open')).toEqual([QUESTION.title]);
    expect(await titles(`q=${encodeURIComponent('补贴')}`)).toEqual(['用工补贴']);
    expect(await titles('from=2020-02-25')).toEqual([]);
    const sheet = await xlsxResponse(await officer.call({ method: 'GET', url: '/api/consultations/export.xlsx?status=answered' }));
    expect(column(sheet, '标题')).toEqual(['用工补贴']);
    expect(column(sheet, '状态')).toEqual(['已答复']);
    expect(column(sheet, '常见问题')).toEqual(['未发布']);
    expect((await applicant.call({ method: 'GET', url: '/api/consultations/export.xlsx' })).statusCode).toBe(403);
  });
});
