// Object rules of appointments (预约办), pure: who sees and changes which booking, which state
// changes a slot and a booking allow, and when a half-day has passed.
import type { BookingAction, BookingStatus, HalfDay, SlotAction, SlotStatus } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';

/** Officers of the approval bureau see every booking of the zone; applicants only their own. */
export function seesAllBookings(actor: Actor): boolean {
  return actor.permissions.has('services.handle') || actor.userId === null;
}

export function canSeeBooking(actor: Actor, booking: { userId: string | null }): boolean {
  return seesAllBookings(actor) || (actor.userId !== null && booking.userId === actor.userId);
}

/** Check-in and no-show are the officers'; whoever sees a booking may cancel it (applicants their own, officers any, e.g. on the phone). */
export function canActOnBooking(actor: Actor, action: BookingAction): boolean {
  return action === 'cancel' || seesAllBookings(actor);
}

const SLOT_TRANSITIONS: Record<SlotAction, [from: SlotStatus, to: SlotStatus]> = { close: ['open', 'closed'], reopen: ['closed', 'open'] };
/** The status a slot action leads to, or null when the slot's status does not allow it. */
export function slotTransition(action: SlotAction, status: SlotStatus): SlotStatus | null {
  const [from, to] = SLOT_TRANSITIONS[action];
  return status === from ? to : null;
}

const BOOKING_TARGET: Record<BookingAction, BookingStatus> = { cancel: 'cancelled', 'check-in': 'checked_in', 'no-show': 'no_show' };
/** Every action starts from an active, not yet handled booking. */
export function bookingTransition(action: BookingAction, status: BookingStatus): BookingStatus | null {
  return status === 'booked' ? BOOKING_TARGET[action] : null;
}

/** Morning slots end at noon, afternoon slots at 18:00 (zone time). */
const END_HOUR: Record<HalfDay, number> = { am: 12, pm: 18 };

/** The half-day is over: a slot of it can no longer be booked or cancelled. */
export function slotHasPassed(slot: { date: string; halfDay: HalfDay }, today: string, hour: number): boolean {
  if (slot.date !== today) return slot.date < today;
  return hour >= END_HOUR[slot.halfDay];
}

/** Check-in and no-show are recorded on the slot's day or later, never before. */
export function slotDayReached(slot: { date: string }, today: string): boolean {
  return slot.date <= today;
}

const CODE_CHARS = 'ACDEFGHJKLMNPQRTUVWXY3479';
/** A short booking code (6 characters, no look-alikes such as 0/O, 1/I, 5/S) from random bytes. */
export function bookingCode(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_CHARS[bytes[i]! % CODE_CHARS.length];
  return code;
}
