// SQL of appointments: slots (with their item's name) and bookings (with their slot). The booked
// count moves only through the conditional updates below, which is what keeps it within capacity.
import { sql } from 'kysely';
import type { BookingListQuery, SlotListQuery } from '@shuangsheng/contracts';
import type { AppointmentSlotsTable, AppointmentsTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { Executor } from '../../platform/context.js';

const SLOT_SORT = { date: 's.date', window: 's.service_window', capacity: 's.capacity', booked: 's.booked' } as const;
const BOOKING_SORT = { date: 's.date', createdAt: 'a.created_at', code: 'a.code' } as const;

export type SlotFilter = Omit<SlotListQuery, 'page' | 'pageSize'>;
export type BookingFilter = Omit<BookingListQuery, 'page' | 'pageSize' | 'mine'> & { userId?: string | undefined; phoneIdx?: string | undefined };
export type SlotRow = AppointmentSlotsTable & { item_name: string; department: string };
export type BookingRow = AppointmentsTable & { item_id: string; item_name: string; service_window: string; date: string; half_day: string };

export function makeAppointmentsRepo(db: Executor, dialect: DialectName) {
  const slots = (zoneId: string) =>
    db
      .selectFrom('appointment_slots as s')
      .innerJoin('service_items as i', (j) => j.onRef('i.id', '=', 's.item_id').onRef('i.zone_id', '=', 's.zone_id'))
      .where('s.zone_id', '=', zoneId);
  const slotColumns = [
    's.id', 's.zone_id', 's.item_id', 's.service_window', 's.date', 's.half_day', 's.capacity', 's.booked', 's.status', 's.created_at', 's.updated_at', 'i.name as item_name', 'i.department',
  ] as const;
  const filteredSlots = (zoneId: string, f: SlotFilter) => {
    let q = slots(zoneId);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('s.service_window'), needle), containsText(dialect, eb.ref('i.name'), needle)]));
    }
    if (f.itemId) q = q.where('s.item_id', '=', f.itemId);
    if (f.from) q = q.where('s.date', '>=', f.from);
    if (f.to) q = q.where('s.date', '<=', f.to);
    if (f.status) q = q.where('s.status', '=', f.status);
    if (f.available) q = q.where('s.status', '=', 'open').whereRef('s.booked', '<', 's.capacity');
    return q;
  };

  const bookings = (zoneId: string) =>
    db
      .selectFrom('appointments as a')
      .innerJoin('appointment_slots as s', (j) => j.onRef('s.id', '=', 'a.slot_id').onRef('s.zone_id', '=', 'a.zone_id'))
      .innerJoin('service_items as i', (j) => j.onRef('i.id', '=', 's.item_id').onRef('i.zone_id', '=', 's.zone_id'))
      .where('a.zone_id', '=', zoneId);
  const bookingColumns = [
    'a.id', 'a.zone_id', 'a.slot_id', 'a.code', 'a.user_id', 'a.enterprise_id', 'a.contact_name', 'a.contact_phone_enc', 'a.contact_phone_idx', 'a.note', 'a.status', 'a.active_user_id',
    'a.created_at', 'a.updated_at', 'a.cancelled_at', 'a.checked_in_at', 's.item_id', 's.service_window', 's.date', 's.half_day', 'i.name as item_name',
  ] as const;
  const filteredBookings = (zoneId: string, f: BookingFilter) => {
    let q = bookings(zoneId);
    if (f.q) {
      const needle = f.q;
      const code = needle.toUpperCase();
      q = q.where((eb) =>
        eb.or([
          eb('a.code', '=', code),
          containsText(dialect, eb.ref('a.contact_name'), needle),
          containsText(dialect, eb.ref('i.name'), needle),
          ...(f.phoneIdx ? [eb('a.contact_phone_idx', '=', f.phoneIdx)] : []),
        ]),
      );
    }
    if (f.itemId) q = q.where('s.item_id', '=', f.itemId);
    if (f.slotId) q = q.where('a.slot_id', '=', f.slotId);
    if (f.from) q = q.where('s.date', '>=', f.from);
    if (f.to) q = q.where('s.date', '<=', f.to);
    if (f.status) q = q.where('a.status', '=', f.status);
    if (f.userId) q = q.where('a.user_id', '=', f.userId);
    return q;
  };

  return {
    async listSlots(zoneId: string, f: SlotFilter & { page: number; pageSize: number }): Promise<{ rows: SlotRow[]; total: number }> {
      const [column, dir] = parseSort(f.sort, SLOT_SORT, ['s.date', 'asc']);
      const base = filteredSlots(zoneId, f);
      const [rows, count] = await Promise.all([
        base.select(slotColumns).orderBy(column, dir).orderBy('s.half_day').orderBy('s.service_window').orderBy('s.id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *streamSlots(zoneId: string, f: SlotFilter): AsyncGenerator<SlotRow> {
      const [column, dir] = parseSort(f.sort, SLOT_SORT, ['s.date', 'asc']);
      for (let page = 1; ; page++) {
        const rows = await filteredSlots(zoneId, f).select(slotColumns).orderBy(column, dir).orderBy('s.half_day').orderBy('s.service_window').orderBy('s.id').limit(500).offset((page - 1) * 500).execute();
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    getSlot: (zoneId: string, id: string): Promise<SlotRow | undefined> => slots(zoneId).select(slotColumns).where('s.id', '=', id).executeTakeFirst(),
    async slotKeys(zoneId: string, itemId: string, window: string, from: string, to: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('appointment_slots')
        .select(['date', 'half_day'])
        .where('zone_id', '=', zoneId)
        .where('item_id', '=', itemId)
        .where('service_window', '=', window)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .execute();
      return new Set(rows.map((r) => `${r.date}:${r.half_day}`));
    },
    async insertSlots(rows: AppointmentSlotsTable[]) {
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('appointment_slots').values(rows.slice(i, i + 100)).execute();
    },
    async updateSlot(zoneId: string, id: string, set: Partial<AppointmentSlotsTable>) {
      await db.updateTable('appointment_slots').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    /** Sets the capacity unless it would fall below the bookings made meanwhile; true when set. */
    async setCapacity(zoneId: string, id: string, capacity: number, now: number): Promise<boolean> {
      const r = await db.updateTable('appointment_slots').set({ capacity, updated_at: now }).where('zone_id', '=', zoneId).where('id', '=', id).where('booked', '<=', capacity).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Moves a slot from one status to another; false when it was not in `from` any more. */
    async setSlotStatus(zoneId: string, id: string, from: string, to: string, now: number): Promise<boolean> {
      const r = await db.updateTable('appointment_slots').set({ status: to, updated_at: now }).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Takes a place of an open slot with places left; false when there was none to take. */
    async takePlace(zoneId: string, id: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('appointment_slots')
        .set({ booked: sql<number>`booked + 1`, updated_at: now })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .whereRef('booked', '<', 'capacity')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async releasePlace(zoneId: string, id: string, now: number) {
      await db.updateTable('appointment_slots').set({ booked: sql<number>`booked - 1`, updated_at: now }).where('zone_id', '=', zoneId).where('id', '=', id).where('booked', '>', 0).execute();
    },

    async listBookings(zoneId: string, f: BookingFilter & { page: number; pageSize: number }): Promise<{ rows: BookingRow[]; total: number }> {
      const [column, dir] = parseSort(f.sort, BOOKING_SORT, ['s.date', 'desc']);
      const base = filteredBookings(zoneId, f);
      const [rows, count] = await Promise.all([
        base.select(bookingColumns).orderBy(column, dir).orderBy('s.half_day').orderBy('a.created_at').orderBy('a.id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *streamBookings(zoneId: string, f: BookingFilter): AsyncGenerator<BookingRow> {
      const [column, dir] = parseSort(f.sort, BOOKING_SORT, ['s.date', 'desc']);
      for (let page = 1; ; page++) {
        const rows = await filteredBookings(zoneId, f).select(bookingColumns).orderBy(column, dir).orderBy('s.half_day').orderBy('a.created_at').orderBy('a.id').limit(500).offset((page - 1) * 500).execute();
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    getBooking: (zoneId: string, id: string): Promise<BookingRow | undefined> => bookings(zoneId).select(bookingColumns).where('a.id', '=', id).executeTakeFirst(),
    activeBooking: (zoneId: string, slotId: string, userId: string) =>
      db.selectFrom('appointments').select('id').where('zone_id', '=', zoneId).where('slot_id', '=', slotId).where('active_user_id', '=', userId).executeTakeFirst(),
    insertBooking: (row: AppointmentsTable) => db.insertInto('appointments').values(row).execute(),
    /** Moves a booking from one status to another; false when it was not in `from` any more. */
    async setBookingStatus(zoneId: string, id: string, from: string, set: Partial<AppointmentsTable>): Promise<boolean> {
      const r = await db.updateTable('appointments').set(set).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Bookings not cancelled for slots dated in [from, to], of one item or one department. */
    async countActive(zoneId: string, from: string, to: string, f: { itemId?: string | undefined; department?: string | undefined }): Promise<number> {
      let q = bookings(zoneId).where('s.date', '>=', from).where('s.date', '<=', to).where('a.status', '<>', 'cancelled');
      if (f.itemId) q = q.where('s.item_id', '=', f.itemId);
      if (f.department) q = q.where('i.department', '=', f.department);
      const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
