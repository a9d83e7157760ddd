// 预约办 through the API: officers open slots (one by one, or for every working day of a range by
// the zone calendar), applicants book a place and cancel their own, officers check in and mark
// no-shows; never more bookings than places, also when a dozen people book at once; past and
// closed slots refused with a reason; lists, filters, export and the statistics count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Slot } from '@shuangsheng/contracts';
import { makeTestApp, testClock, type TestApp } from '../../test/harness.js';
import { countRows, makeEnterprise, makeServiceDesk, makeServiceItem, makeSlot, newAdmin, signedInUser, signInAs, type TestZone } from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

// Monday 2020-02-24, 09:00 in Beijing.
const clock = testClock();
const NINE_AM = clock.now();
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(async () => t.close());

const EN = { 'accept-language': 'en-US' };

async function setup() {
  const desk = await makeServiceDesk(t.app, t.services, { enterpriseName: '自贡华西能源工业股份有限公司' });
  const applicant = await signedInUser(t.app, t.services, desk.zone, ['enterprise_user'], { enterpriseId: desk.enterprise.id });
  const item = await makeServiceItem(t.services, desk.zone, { name: '建设工程规划许可证核发', department: '自然资源和规划局' });
  return { ...desk, applicant, item };
}

const booking = (slotId: string, contactName = '王强') => ({ slotId, contactName, contactPhone: '13980001234' });

async function slotOf(zone: TestZone, id: string): Promise<Slot> {
  return t.services.servicesExtras.appointments.getSlot(zone.ctx, id);
}

describe('slots', () => {
  it('an officer opens a slot; the same item, window and half-day twice is a 409; another zone’s item a 422', async () => {
    const { officer, item, zone } = await setup();
    const res = await officer.call({ method: 'POST', url: '/api/appointment-slots', payload: { itemId: item.id, window: ' 3号窗口 ', date: '2020-02-25', halfDay: 'am', capacity: 8 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String), itemId: item.id, itemName: '建设工程规划许可证核发', department: '自然资源和规划局', window: '3号窗口', date: '2020-02-25', halfDay: 'am', capacity: 8, booked: 0,
      status: 'open', createdAt: NINE_AM, updatedAt: NINE_AM,
    });
    const dup = await officer.call({ method: 'POST', url: '/api/appointment-slots', payload: { itemId: item.id, window: '3号窗口', date: '2020-02-25', halfDay: 'am', capacity: 2 } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toEqual({ code: 'conflict.slot_exists', message: '2020-02-25 上午 3号窗口 已有预约时段', details: { field: 'date' } });
    // The afternoon, or another window, is another slot.
    expect((await officer.call({ method: 'POST', url: '/api/appointment-slots', payload: { itemId: item.id, window: '3号窗口', date: '2020-02-25', halfDay: 'pm', capacity: 2 } })).statusCode).toBe(201);
    expect((await officer.call({ method: 'POST', url: '/api/appointment-slots', payload: { itemId: item.id, window: '4号窗口', date: '2020-02-25', halfDay: 'am', capacity: 2 } })).statusCode).toBe(201);

    const other = await newAdmin(t.app, t.services);
    const theirs = await makeServiceItem(t.services, other.zone);
    const cross = await officer.call({ method: 'POST', url: '/api/appointment-slots', payload: { itemId: theirs.id, window: '1号窗口', date: '2020-02-25', halfDay: 'am', capacity: 2 } });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toEqual({ code: 'rule.cross_zone_reference', message: '事项指向的记录不存在或不属于本高新区', details: { field: 'itemId' } });
    expect(await countRows(t.deps.database, 'appointment_slots', zone.id)).toBe(3);
  });

  it('bulk creation makes slots on working days only (zone holidays off, swapped working days on) and skips existing ones', async () => {
    const { officer, item, zone } = await setup();
    await t.services.calendar.setDay(zone.ctx, '2020-02-26', { kind: 'holiday', name: '区内调休' });
    await t.services.calendar.setDay(zone.ctx, '2020-03-01', { kind: 'workday', name: '调休上班' });
    await makeSlot(t.services, zone, { itemId: item.id, window: '5号窗口', date: '2020-02-27', halfDay: 'pm' });
    const payload = { itemId: item.id, window: '5号窗口', from: '2020-02-24', to: '2020-03-01', capacity: 10 };
    const res = await officer.call({ method: 'POST', url: '/api/appointment-slots/bulk', payload });
    expect(res.statusCode, res.body).toBe(201);
    // Mon, Tue, Thu, Fri and the Sunday worked: 5 days × 2 half-days, less the one that existed.
    expect(res.json()).toEqual({ created: 9, skippedNonWorking: 2, skippedExisting: 1 });
    const list = (await officer.call({ method: 'GET', url: `/api/appointment-slots?itemId=${item.id}&pageSize=50&sort=date:asc` })).json();
    expect(list.total).toBe(10);
    expect([...new Set(list.items.map((s: Slot) => s.date))]).toEqual(['2020-02-24', '2020-02-25', '2020-02-27', '2020-02-28', '2020-03-01']);
    const again = await officer.call({ method: 'POST', url: '/api/appointment-slots/bulk', payload: { ...payload, halfDays: ['am'] } });
    expect(again.json()).toEqual({ created: 0, skippedNonWorking: 2, skippedExisting: 5 });
    const tooLong = await officer.call({ method: 'POST', url: '/api/appointment-slots/bulk', payload: { ...payload, to: '2020-06-30' } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toEqual([{ path: 'to', message: '一次最多 92 天' }]);
    const backwards = await officer.call({ method: 'POST', url: '/api/appointment-slots/bulk', headers: EN, payload: { ...payload, to: '2020-02-20' } });
    expect(backwards.json().error.details).toEqual([{ path: 'to', message: 'The end date cannot be before the start date' }]);
  });

  it('close and reopen with 409 and the current status when repeated; capacity never below the bookings', async () => {
    const { officer, applicant, zone } = await setup();
    const slot = await makeSlot(t.services, zone, { capacity: 3 });
    await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) });
    const close = await officer.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/close` });
    expect(close.json()).toMatchObject({ status: 'closed', booked: 1 });
    const again = await officer.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/close` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'state.slot', message: '时段当前为“已关闭”，不能关闭', details: { status: 'closed' } });
    const enAgain = await officer.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/close`, headers: EN });
    expect(enAgain.json().error.message).toBe('The slot is "Closed": "Close" is not possible');
    // A closed slot takes no booking.
    const other = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: (await makeEnterprise(t.services, zone)).id });
    const refused = await other.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toEqual({ code: 'rule.slot_closed', message: '该时段已关闭预约', details: { field: 'slotId' } });
    expect((await officer.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/reopen` })).json()).toMatchObject({ status: 'open' });
    expect((await other.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) })).statusCode).toBe(201);

    const below = await officer.call({ method: 'PATCH', url: `/api/appointment-slots/${slot.id}`, payload: { capacity: 1, window: '6号窗口' } });
    expect(below.statusCode).toBe(422);
    expect(below.json().error).toEqual({ code: 'rule.capacity_below_booked', message: '名额不能少于已预约人数（2）', details: { field: 'capacity', booked: 2 } });
    expect(await slotOf(zone, slot.id)).toMatchObject({ capacity: 3, window: '3号窗口' });
    const ok = await officer.call({ method: 'PATCH', url: `/api/appointment-slots/${slot.id}`, payload: { capacity: 2, window: '6号窗口' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ capacity: 2, window: '6号窗口', booked: 2 });
    // Applicants read slots but do not make or change them.
    expect((await applicant.call({ method: 'GET', url: '/api/appointment-slots?available=true' })).statusCode).toBe(200);
    expect((await applicant.call({ method: 'PATCH', url: `/api/appointment-slots/${slot.id}`, payload: { capacity: 9 } })).statusCode).toBe(403);
    expect((await applicant.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/close` })).statusCode).toBe(403);
  });
});

describe('booking', () => {
  it('gives a short code, counts the place, one active booking per person and slot, cancel frees the place', async () => {
    const { applicant, enterprise, zone, item } = await setup();
    const slot = await makeSlot(t.services, zone, { itemId: item.id, capacity: 2 });
    const res = await applicant.call({ method: 'POST', url: '/api/appointments', payload: { ...booking(slot.id), note: '带齐规划总平图' } });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json() as Booking;
    expect(b).toEqual({
      id: expect.any(String), code: expect.stringMatching(/^[ACDEFGHJKLMNPQRTUVWXY3479]{6}$/), slotId: slot.id, itemId: item.id, itemName: '建设工程规划许可证核发', window: '3号窗口',
      date: '2020-02-25', halfDay: 'am', userId: applicant.user.id, userName: applicant.user.displayName, enterpriseId: enterprise.id, enterpriseName: '自贡华西能源工业股份有限公司',
      contactName: '王强', contactPhoneMasked: '139****1234', note: '带齐规划总平图', status: 'booked', createdAt: NINE_AM, cancelledAt: null, checkedInAt: null,
    });
    expect((await slotOf(zone, slot.id)).booked).toBe(1);
    const twice = await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toEqual({ code: 'conflict.already_booked', message: '您已预约该时段', details: { field: 'slotId' } });
    expect((await slotOf(zone, slot.id)).booked).toBe(1);

    const cancel = await applicant.call({ method: 'POST', url: `/api/appointments/${b.id}/actions/cancel` });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', cancelledAt: NINE_AM });
    expect((await slotOf(zone, slot.id)).booked).toBe(0);
    const cancelAgain = await applicant.call({ method: 'POST', url: `/api/appointments/${b.id}/actions/cancel` });
    expect(cancelAgain.statusCode).toBe(409);
    expect(cancelAgain.json().error).toEqual({ code: 'state.booking', message: '预约当前为“已取消”，不能取消', details: { status: 'cancelled' } });
    expect((await slotOf(zone, slot.id)).booked).toBe(0);
    // After cancelling, booking again is fine.
    expect((await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) })).statusCode).toBe(201);
    // The phone is stored encrypted, and not in the audit log.
    const stored = await t.deps.database.db.selectFrom('appointments').select(['contact_phone_enc', 'contact_phone_idx']).where('zone_id', '=', zone.id).execute();
    expect(JSON.stringify(stored)).not.toContain('13980001234');
    const audit = await t.deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('zone_id', '=', zone.id).where('entity_type', '=', 'appointment').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['appointment.cancel', 'appointment.create', 'appointment.create']);
    expect(JSON.stringify(audit)).not.toContain('13980001234');
  });

  it('refuses a slot whose half-day has passed, with the reason in the request’s language', async () => {
    const { applicant, zone, item } = await setup();
    const yesterday = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-23' });
    const thisMorning = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-24', halfDay: 'am' });
    const thisAfternoon = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-24', halfDay: 'pm' });
    const past = await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(yesterday.id) });
    expect(past.statusCode).toBe(422);
    expect(past.json().error).toEqual({ code: 'rule.slot_past', message: '该时段已过，不能预约', details: { field: 'slotId' } });
    const en = await applicant.call({ method: 'POST', url: '/api/appointments', headers: EN, payload: booking(yesterday.id) });
    expect(en.json().error.message).toBe('This time slot has passed and cannot be booked');
    // At 09:00 the morning is still open; at 13:00 only the afternoon.
    expect((await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(thisMorning.id) })).statusCode).toBe(201);
    clock.set(NINE_AM + 4 * 3600_000);
    try {
      const other = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: (await makeEnterprise(t.services, zone)).id });
      expect((await other.call({ method: 'POST', url: '/api/appointments', payload: booking(thisMorning.id) })).json().error.code).toBe('rule.slot_past');
      expect((await other.call({ method: 'POST', url: '/api/appointments', payload: booking(thisAfternoon.id) })).statusCode).toBe(201);
    } finally {
      clock.set(NINE_AM);
    }
  });

  it('never over capacity: 12 people booking a slot of 5 at once, exactly 5 get a place', async () => {
    const { zone, item } = await setup();
    const slot = await makeSlot(t.services, zone, { itemId: item.id, capacity: 5 });
    const enterprise = await makeEnterprise(t.services, zone);
    const people = await Promise.all(Array.from({ length: 12 }, () => signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: enterprise.id })));
    const results = await Promise.all(people.map((p, i) => p.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id, `申请人${i}`) })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error).toEqual({ code: 'conflict.slot_full', message: '该时段已约满（5/5）', details: { field: 'slotId', booked: 5, capacity: 5 } });
    expect((await slotOf(zone, slot.id)).booked).toBe(5);
    expect(await countRows(t.deps.database, 'appointments', zone.id)).toBe(5);
    const codesGiven = results.filter((r) => r.statusCode === 201).map((r) => r.json().code);
    expect(new Set(codesGiven).size).toBe(5);
  });

  it('one person pressing twice at once gets one booking', async () => {
    const { applicant, zone, item } = await setup();
    const slot = await makeSlot(t.services, zone, { itemId: item.id, capacity: 5 });
    const results = await Promise.all(Array.from({ length: 4 }, () => applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect((await slotOf(zone, slot.id)).booked).toBe(1);
  });
});

describe('at the window', () => {
  it('officers check in and mark no-shows on the day, not before; applicants may not; a handled booking cannot be cancelled', async () => {
    const { applicant, officer, zone, item } = await setup();
    const today = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-24', halfDay: 'pm' });
    const tomorrow = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-25' });
    const a = (await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(today.id) })).json() as Booking;
    const b = (await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(tomorrow.id) })).json() as Booking;
    expect((await applicant.call({ method: 'POST', url: `/api/appointments/${a.id}/actions/check-in` })).statusCode).toBe(403);
    const early = await officer.call({ method: 'POST', url: `/api/appointments/${b.id}/actions/check-in` });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toEqual({ code: 'rule.booking_too_early', message: '预约时段当天才能签到或标记未到', details: { field: 'slotId' } });
    const checked = await officer.call({ method: 'POST', url: `/api/appointments/${a.id}/actions/check-in` });
    expect(checked.json()).toMatchObject({ status: 'checked_in', checkedInAt: NINE_AM });
    const cancel = await applicant.call({ method: 'POST', url: `/api/appointments/${a.id}/actions/cancel` });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error).toEqual({ code: 'state.booking', message: '预约当前为“已签到”，不能取消', details: { status: 'checked_in' } });
    const noShow = await officer.call({ method: 'POST', url: `/api/appointments/${a.id}/actions/no-show` });
    expect(noShow.statusCode).toBe(409);
    expect((await slotOf(zone, today.id)).booked).toBe(1);
    clock.set(NINE_AM + 86_400_000);
    try {
      // A new day, a new sign-in (sessions expire when idle).
      const nextDay = await signInAs(t.app, officer.user.username);
      expect((await nextDay.call({ method: 'POST', url: `/api/appointments/${b.id}/actions/no-show` })).json()).toMatchObject({ status: 'no_show' });
    } finally {
      clock.set(NINE_AM);
    }
  });

  it('applicants see only their own bookings; another applicant’s booking is a 404; officers list, filter and export them all', async () => {
    const { applicant, officer, zone, item } = await setup();
    const other = await signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: (await makeEnterprise(t.services, zone, { name: '四川省自贡运输机械集团股份有限公司' })).id });
    const s1 = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-25' });
    const s2 = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-27', halfDay: 'pm', window: '1号窗口' });
    const mine = (await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(s1.id, '王强') })).json() as Booking;
    const theirs = (await other.call({ method: 'POST', url: '/api/appointments', payload: { ...booking(s2.id, '李娟'), contactPhone: '13551234567' } })).json() as Booking;
    const own = (await applicant.call({ method: 'GET', url: '/api/appointments' })).json();
    expect(own.items.map((x: Booking) => x.id)).toEqual([mine.id]);
    const peek = await applicant.call({ method: 'GET', url: `/api/appointments/${theirs.id}` });
    expect(peek.statusCode).toBe(404);
    expect(peek.json().error).toMatchObject({ code: 'not_found', message: '未找到预约' });
    expect((await applicant.call({ method: 'POST', url: `/api/appointments/${theirs.id}/actions/cancel` })).statusCode).toBe(404);
    expect((await applicant.call({ method: 'GET', url: '/api/appointments/export.xlsx' })).statusCode).toBe(403);

    const all = async (q: string) => (await officer.call({ method: 'GET', url: `/api/appointments?${q}` })).json().items.map((x: Booking) => x.contactName);
    expect(await all('sort=date:asc')).toEqual(['王强', '李娟']);
    expect(await all('from=2020-02-26')).toEqual(['李娟']);
    expect(await all(`q=${theirs.code}`)).toEqual(['李娟']);
    expect(await all('q=13551234567')).toEqual(['李娟']);
    expect(await all(`slotId=${s1.id}`)).toEqual(['王强']);
    expect(await all('status=cancelled')).toEqual([]);
    expect(await all('mine=true')).toEqual([]);
    const sheet = await xlsxResponse(await officer.call({ method: 'GET', url: '/api/appointments/export.xlsx?sort=date:asc' }));
    expect(column(sheet, '联系人')).toEqual(['王强', '李娟']);
    expect(column(sheet, '联系电话')).toEqual(['139****1234', '135****4567']);
    expect(column(sheet, '时段')).toEqual(['上午', '下午']);
    const slots = await xlsxResponse(await officer.call({ method: 'GET', url: '/api/appointment-slots/export.xlsx?sort=date:asc', headers: EN }));
    expect(column(slots, 'Window')).toEqual(['3号窗口', '1号窗口']);
    expect(column(slots, 'Booked')).toEqual(['1', '1']);
  });
});

describe('the booked count', () => {
  /** The slot's counter against its rows: bookings not cancelled. */
  async function expectCounterTrue(zone: TestZone, slotId: string, booked: number) {
    const rows = await t.deps.database.db.selectFrom('appointments').select('status').where('zone_id', '=', zone.id).where('slot_id', '=', slotId).execute();
    expect(rows.filter((r) => r.status !== 'cancelled').length, 'bookings not cancelled').toBe(booked);
    expect((await slotOf(zone, slotId)).booked, 'the slot’s counter').toBe(booked);
  }

  it('stays the number of bookings not cancelled through cancel, check-in, no-show, close, reopen and refused repeats', async () => {
    const { applicant, officer, zone, item } = await setup();
    const slot = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-24', halfDay: 'pm', capacity: 3 });
    const enterprise = await makeEnterprise(t.services, zone);
    const [p2, p3, p4] = await Promise.all([1, 2, 3].map(() => signedInUser(t.app, t.services, zone, ['enterprise_user'], { enterpriseId: enterprise.id })));
    const book = async (who: { call: typeof applicant.call }) => (await who.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) })).json() as Booking;
    const act = (id: string, action: string) => officer.call({ method: 'POST', url: `/api/appointments/${id}/actions/${action}` });
    const a = await book(applicant);
    const b = await book(p2!);
    const c = await book(p3!);
    await expectCounterTrue(zone, slot.id, 3);
    expect((await p4!.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) })).statusCode).toBe(409);
    // Two cancels of one booking at once free one place, not two.
    const cancels = await Promise.all([applicant.call({ method: 'POST', url: `/api/appointments/${a.id}/actions/cancel` }), act(a.id, 'cancel')]);
    expect(cancels.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    await expectCounterTrue(zone, slot.id, 2);
    // Check-in and no-show keep the place (the person came, or held it); repeats are refused and change nothing.
    expect((await act(b.id, 'check-in')).statusCode).toBe(200);
    expect((await act(c.id, 'no-show')).statusCode).toBe(200);
    for (const [id, action] of [[b.id, 'cancel'], [c.id, 'cancel'], [c.id, 'no-show'], [a.id, 'cancel']] as const) expect((await act(id, action)).statusCode, `${action}`).toBe(409);
    await expectCounterTrue(zone, slot.id, 2);
    // Closing and reopening the slot leaves its bookings and the count alone; the freed place is taken again.
    expect((await officer.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/close` })).statusCode).toBe(200);
    expect((await officer.call({ method: 'POST', url: `/api/appointment-slots/${slot.id}/actions/reopen` })).statusCode).toBe(200);
    await expectCounterTrue(zone, slot.id, 2);
    expect((await p4!.call({ method: 'POST', url: '/api/appointments', payload: booking(slot.id) })).statusCode).toBe(201);
    await expectCounterTrue(zone, slot.id, 3);
  });
});

describe('the statistics count', () => {
  it('counts bookings not cancelled by the slot’s date, item and department', async () => {
    const { applicant, zone, item } = await setup();
    const other = await makeServiceItem(t.services, zone, { department: '住房和城乡建设局' });
    const a = await makeSlot(t.services, zone, { itemId: item.id, date: '2020-02-25' });
    const b = await makeSlot(t.services, zone, { itemId: other.id, date: '2020-02-26' });
    const c = await makeSlot(t.services, zone, { itemId: other.id, date: '2020-03-02' });
    await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(a.id) });
    await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(b.id) });
    const cancelled = (await applicant.call({ method: 'POST', url: '/api/appointments', payload: booking(c.id) })).json() as Booking;
    await applicant.call({ method: 'POST', url: `/api/appointments/${cancelled.id}/actions/cancel` });
    const count = (f: object) => t.services.servicesExtras.counts(zone.id, { from: '2020-02-01', to: '2020-03-31', ...f });
    expect((await count({})).appointments).toBe(2);
    expect((await count({ itemId: item.id })).appointments).toBe(1);
    expect((await count({ department: '住房和城乡建设局' })).appointments).toBe(1);
    expect((await count({ to: '2020-02-25' })).appointments).toBe(1);
  });
});
