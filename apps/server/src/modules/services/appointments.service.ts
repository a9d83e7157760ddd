// 预约办 Appointments: officers open slots per item, service window and half-day with a capacity;
// applicants book a place (never more than the capacity, also when many book at once), cancel
// their own; officers check people in or mark them absent. Each booking gets a short code.
import { randomBytes } from 'node:crypto';
import {
  BOOKING_ACTION_LABELS, BOOKING_STATUS_LABELS, HALF_DAY_LABELS, labelIn, PHONE_RE, SLOT_ACTION_LABELS, SLOT_STATUS_LABELS, type Booking, type BookingAction, type BookingInput, type BookingListQuery,
  type BookingStatus, type HalfDay, type Slot, type SlotAction, type SlotBulkInput, type SlotInput, type SlotListQuery, type SlotPatch, type SlotStatus,
} from '@shuangsheng/contracts';
import type { AppointmentSlotsTable, AppointmentsTable } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { diff, recordAudit } from '../../platform/audit.js';
import { addDays, isWorkingDay, todayIn, type Exceptions } from '../../platform/calendar.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { ConflictError, crossZoneReference, ForbiddenError, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { makeAppointmentsRepo, type BookingFilter, type BookingRow, type SlotFilter, type SlotRow } from './appointments.repo.js';
import { bookingCode, bookingTransition, canActOnBooking, canSeeBooking, seesAllBookings, slotDayReached, slotHasPassed, slotTransition } from './appointments.policy.js';

/** What appointments need from other modules. */
export type AppointmentPorts = {
  timeZoneOf(zoneId: string): Promise<string>;
  exceptions(zoneId: string, from: string, to: string): Promise<Exceptions>;
  itemExists(zoneId: string, id: string): Promise<boolean>;
  userNames(zoneId: string, ids: string[]): Promise<Map<string, string>>;
  enterpriseNames(zoneId: string, ids: string[]): Promise<Map<string, string>>;
};

export function makeAppointmentsService(deps: Deps, ports: AppointmentPorts) {
  const { database, clock, pii } = deps;
  const repo = makeAppointmentsRepo(database.db, database.dialect);
  const txRepo = (trx: Parameters<typeof makeAppointmentsRepo>[0]) => makeAppointmentsRepo(trx, database.dialect);

  /** Today and the hour in the zone's time zone. */
  async function zoneNow(zoneId: string): Promise<{ today: string; hour: number }> {
    const tz = await ports.timeZoneOf(zoneId);
    const now = clock.now();
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(new Date(now)));
    return { today: todayIn(tz, now), hour };
  }

  const toSlot = (r: SlotRow): Slot => ({
    id: r.id,
    itemId: r.item_id,
    itemName: r.item_name,
    department: r.department,
    window: r.service_window,
    date: r.date,
    halfDay: r.half_day as HalfDay,
    capacity: r.capacity,
    booked: r.booked,
    status: r.status as SlotStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  async function hydrateBookings(zoneId: string, rows: BookingRow[]): Promise<Booking[]> {
    const [users, enterprises] = await Promise.all([
      ports.userNames(zoneId, [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))]),
      ports.enterpriseNames(zoneId, [...new Set(rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])))]),
    ]);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      slotId: r.slot_id,
      itemId: r.item_id,
      itemName: r.item_name,
      window: r.service_window,
      date: r.date,
      halfDay: r.half_day as HalfDay,
      userId: r.user_id,
      userName: r.user_id ? (users.get(r.user_id) ?? null) : null,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_id ? (enterprises.get(r.enterprise_id) ?? null) : null,
      contactName: r.contact_name,
      contactPhoneMasked: r.contact_phone_enc ? maskPhone(pii.decrypt(r.contact_phone_enc)) : null,
      note: r.note,
      status: r.status as BookingStatus,
      createdAt: r.created_at,
      cancelledAt: r.cancelled_at,
      checkedInAt: r.checked_in_at,
    }));
  }

  // ---- slots
  async function listSlots(ctx: Ctx, q: SlotListQuery) {
    const { rows, total } = await repo.listSlots(ctx.zoneId, q);
    return { items: rows.map(toSlot), total, page: q.page, pageSize: q.pageSize };
  }
  async function* exportSlots(ctx: Ctx, q: SlotFilter): AsyncGenerator<Slot> {
    for await (const r of repo.streamSlots(ctx.zoneId, q)) yield toSlot(r);
  }

  async function getSlot(ctx: Ctx, id: string): Promise<Slot> {
    const row = await repo.getSlot(ctx.zoneId, id);
    if (!row) throw new NotFoundError('appointment_slot', id);
    return toSlot(row);
  }

  async function checkItem(ctx: Ctx, itemId: string) {
    if (!(await ports.itemExists(ctx.zoneId, itemId))) throw crossZoneReference('itemId');
  }

  const slotRow = (ctx: Ctx, input: { itemId: string; window: string; date: string; halfDay: HalfDay; capacity: number }, now: number): AppointmentSlotsTable => ({
    id: newId(),
    zone_id: ctx.zoneId,
    item_id: input.itemId,
    service_window: input.window,
    date: input.date,
    half_day: input.halfDay,
    capacity: input.capacity,
    booked: 0,
    status: 'open',
    created_at: now,
    updated_at: now,
  });

  const slotExists = (ctx: Ctx, s: { window: string; date: string; halfDay: HalfDay }) =>
    new ConflictError('conflict.slot_exists', { window: s.window, date: s.date, halfDay: labelIn(ctx.lang, HALF_DAY_LABELS[s.halfDay]) }, { field: 'date' });

  async function createSlot(ctx: Ctx, input: SlotInput): Promise<Slot> {
    await checkItem(ctx, input.itemId);
    const row = slotRow(ctx, input, clock.now());
    await database.db
      .transaction()
      .execute(async (trx) => {
        await txRepo(trx).insertSlots([row]);
        await recordAudit(trx, clock, ctx, { action: 'appointment_slot.create', entityType: 'appointment_slot', entityId: row.id, after: input });
      })
      .catch((e) => {
        if (isUniqueViolation(e)) throw slotExists(ctx, input);
        throw e;
      });
    return getSlot(ctx, row.id);
  }

  /** Slots on every working day of the range (the zone's calendar), skipping those that exist. */
  async function bulkCreateSlots(ctx: Ctx, input: SlotBulkInput) {
    await checkItem(ctx, input.itemId);
    const exceptions = await ports.exceptions(ctx.zoneId, input.from, input.to);
    const existing = await repo.slotKeys(ctx.zoneId, input.itemId, input.window, input.from, input.to);
    const now = clock.now();
    const rows: AppointmentSlotsTable[] = [];
    let skippedNonWorking = 0;
    let skippedExisting = 0;
    const halfDays = [...new Set(input.halfDays)];
    for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
      if (!isWorkingDay(date, exceptions)) {
        skippedNonWorking++;
        continue;
      }
      for (const halfDay of halfDays) {
        if (existing.has(`${date}:${halfDay}`)) skippedExisting++;
        else rows.push(slotRow(ctx, { itemId: input.itemId, window: input.window, date, halfDay, capacity: input.capacity }, now));
      }
    }
    await database.db
      .transaction()
      .execute(async (trx) => {
        await txRepo(trx).insertSlots(rows);
        await recordAudit(trx, clock, ctx, { action: 'appointment_slot.bulk_create', entityType: 'appointment_slot', entityId: rows[0]?.id ?? null, after: { ...input, created: rows.length } });
      })
      .catch((e) => {
        // Someone made one of these slots meanwhile: the officer runs it again, nothing was written.
        if (isUniqueViolation(e)) throw new ConflictError('conflict.slot_exists', { window: input.window, date: input.from, halfDay: '' }, { field: 'from' });
        throw e;
      });
    return { created: rows.length, skippedNonWorking, skippedExisting };
  }

  async function updateSlot(ctx: Ctx, id: string, patch: SlotPatch): Promise<Slot> {
    const before = await getSlot(ctx, id);
    const now = clock.now();
    await database.db
      .transaction()
      .execute(async (trx) => {
        const r = txRepo(trx);
        if (patch.capacity !== undefined && !(await r.setCapacity(ctx.zoneId, id, patch.capacity, now))) {
          const current = await r.getSlot(ctx.zoneId, id);
          throw new RuleError('rule.capacity_below_booked', { booked: current?.booked ?? before.booked }, { field: 'capacity', booked: current?.booked ?? before.booked });
        }
        if (patch.window !== undefined) await r.updateSlot(ctx.zoneId, id, { service_window: patch.window, updated_at: now });
        const d = diff({ window: before.window, capacity: before.capacity }, { window: patch.window ?? before.window, capacity: patch.capacity ?? before.capacity });
        await recordAudit(trx, clock, ctx, { action: 'appointment_slot.update', entityType: 'appointment_slot', entityId: id, ...d });
      })
      .catch((e) => {
        if (isUniqueViolation(e)) throw slotExists(ctx, { window: patch.window ?? before.window, date: before.date, halfDay: before.halfDay });
        throw e;
      });
    return getSlot(ctx, id);
  }

  async function slotAction(ctx: Ctx, id: string, action: SlotAction): Promise<Slot> {
    const before = await getSlot(ctx, id);
    const refuse = (status: SlotStatus) =>
      new ConflictError('state.slot', { status: labelIn(ctx.lang, SLOT_STATUS_LABELS[status]), action: labelIn(ctx.lang, SLOT_ACTION_LABELS[action]) }, { status });
    const to = slotTransition(action, before.status);
    if (!to) throw refuse(before.status);
    await database.db.transaction().execute(async (trx) => {
      if (!(await txRepo(trx).setSlotStatus(ctx.zoneId, id, before.status, to, clock.now()))) throw refuse(to);
      await recordAudit(trx, clock, ctx, { action: `appointment_slot.${action}`, entityType: 'appointment_slot', entityId: id, before: { status: before.status }, after: { status: to } });
    });
    return getSlot(ctx, id);
  }

  // ---- bookings
  function filterFor(ctx: Ctx, q: Omit<BookingListQuery, 'page' | 'pageSize'>): BookingFilter {
    const { mine, ...rest } = q;
    const own = mine || !seesAllBookings(ctx.actor);
    const phone = q.q?.replace(/[\s-]/g, '');
    return { ...rest, userId: own ? (ctx.actor.userId ?? '-') : undefined, phoneIdx: phone && PHONE_RE.test(phone) ? pii.blindIndex(phone) : undefined };
  }

  async function listBookings(ctx: Ctx, q: BookingListQuery) {
    const { rows, total } = await repo.listBookings(ctx.zoneId, { ...filterFor(ctx, q), page: q.page, pageSize: q.pageSize });
    return { items: await hydrateBookings(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }
  async function* exportBookings(ctx: Ctx, q: Omit<BookingListQuery, 'page' | 'pageSize'>): AsyncGenerator<Booking> {
    let batch: BookingRow[] = [];
    for await (const r of repo.streamBookings(ctx.zoneId, filterFor(ctx, q))) {
      batch.push(r);
      if (batch.length === 500) {
        yield* await hydrateBookings(ctx.zoneId, batch);
        batch = [];
      }
    }
    yield* await hydrateBookings(ctx.zoneId, batch);
  }

  async function getBooking(ctx: Ctx, id: string): Promise<Booking> {
    const row = await repo.getBooking(ctx.zoneId, id);
    // Another applicant's booking is as invisible as another zone's.
    if (!row || !canSeeBooking(ctx.actor, { userId: row.user_id })) throw new NotFoundError('appointment', id);
    return (await hydrateBookings(ctx.zoneId, [row]))[0]!;
  }

  async function book(ctx: Ctx, input: BookingInput): Promise<Booking> {
    const slot = await repo.getSlot(ctx.zoneId, input.slotId);
    if (!slot) throw crossZoneReference('slotId');
    const { today, hour } = await zoneNow(ctx.zoneId);
    if (slotHasPassed({ date: slot.date, halfDay: slot.half_day as HalfDay }, today, hour)) throw new RuleError('rule.slot_past', {}, { field: 'slotId' });
    const phone = pii.protect(input.contactPhone);
    for (let attempt = 0; ; attempt++) {
      const id = newId();
      const now = clock.now();
      const row: AppointmentsTable = {
        id,
        zone_id: ctx.zoneId,
        slot_id: slot.id,
        code: bookingCode(randomBytes(6)),
        user_id: ctx.actor.userId,
        enterprise_id: ctx.actor.enterpriseId,
        contact_name: input.contactName,
        contact_phone_enc: phone.enc,
        contact_phone_idx: phone.idx,
        note: input.note ?? null,
        status: 'booked',
        active_user_id: ctx.actor.userId ?? id,
        created_at: now,
        updated_at: now,
        cancelled_at: null,
        checked_in_at: null,
      };
      try {
        await database.db.transaction().execute(async (trx) => {
          const r = txRepo(trx);
          // The conditional update locks the slot row: whoever comes next sees this booking.
          if (!(await r.takePlace(ctx.zoneId, slot.id, now))) {
            const current = (await r.getSlot(ctx.zoneId, slot.id))!;
            if (current.status !== 'open') throw new RuleError('rule.slot_closed', {}, { field: 'slotId' });
            throw new ConflictError('conflict.slot_full', { booked: current.booked, capacity: current.capacity }, { field: 'slotId', booked: current.booked, capacity: current.capacity });
          }
          if (ctx.actor.userId && (await r.activeBooking(ctx.zoneId, slot.id, ctx.actor.userId))) throw new ConflictError('conflict.already_booked', {}, { field: 'slotId' });
          await r.insertBooking(row);
          await recordAudit(trx, clock, ctx, {
            action: 'appointment.create',
            entityType: 'appointment',
            entityId: id,
            after: { slotId: slot.id, code: row.code, date: slot.date, halfDay: slot.half_day, window: slot.service_window, contactName: input.contactName, contactPhone: maskPhone(input.contactPhone) },
          });
        });
        return getBooking(ctx, id);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        if (ctx.actor.userId && (await repo.activeBooking(ctx.zoneId, slot.id, ctx.actor.userId))) throw new ConflictError('conflict.already_booked', {}, { field: 'slotId' });
        // A code that another booking of the zone has: draw again.
        if (attempt >= 4) throw e;
      }
    }
  }

  async function bookingAction(ctx: Ctx, id: string, action: BookingAction): Promise<Booking> {
    const before = await getBooking(ctx, id);
    if (!canActOnBooking(ctx.actor, action)) throw new ForbiddenError();
    const refuse = (status: BookingStatus) =>
      new ConflictError('state.booking', { status: labelIn(ctx.lang, BOOKING_STATUS_LABELS[status]), action: labelIn(ctx.lang, BOOKING_ACTION_LABELS[action]) }, { status });
    const to = bookingTransition(action, before.status);
    if (!to) throw refuse(before.status);
    const { today, hour } = await zoneNow(ctx.zoneId);
    if (action === 'cancel' && slotHasPassed(before, today, hour)) throw new RuleError('rule.slot_past', {}, { field: 'slotId' });
    if (action !== 'cancel' && !slotDayReached(before, today)) throw new RuleError('rule.booking_too_early', {}, { field: 'slotId' });
    const now = clock.now();
    const set: Partial<AppointmentsTable> =
      to === 'cancelled' ? { status: to, active_user_id: null, cancelled_at: now, updated_at: now } : to === 'checked_in' ? { status: to, checked_in_at: now, updated_at: now } : { status: to, updated_at: now };
    await database.db.transaction().execute(async (trx) => {
      const r = txRepo(trx);
      if (!(await r.setBookingStatus(ctx.zoneId, id, before.status, set))) {
        const current = await r.getBooking(ctx.zoneId, id);
        throw refuse((current?.status ?? before.status) as BookingStatus);
      }
      if (to === 'cancelled') await r.releasePlace(ctx.zoneId, before.slotId, now);
      await recordAudit(trx, clock, ctx, { action: `appointment.${action.replace('-', '_')}`, entityType: 'appointment', entityId: id, before: { status: before.status }, after: { status: to } });
    });
    return getBooking(ctx, id);
  }

  return {
    listSlots,
    exportSlots,
    getSlot,
    createSlot,
    bulkCreateSlots,
    updateSlot,
    slotAction,
    listBookings,
    exportBookings,
    getBooking,
    book,
    bookingAction,
    count: (zoneId: string, from: string, to: string, f: { itemId?: string | undefined; department?: string | undefined }) => repo.countActive(zoneId, from, to, f),
    repo,
  };
}
export type AppointmentsService = ReturnType<typeof makeAppointmentsService>;
