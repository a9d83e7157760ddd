// The pure rules of appointments: when a half-day has passed, which state changes are allowed,
// and the booking code's alphabet.
import { describe, expect, it } from 'vitest';
import { bookingCode, bookingTransition, slotDayReached, slotHasPassed, slotTransition } from './appointments.policy.js';

describe('a half-day has passed', () => {
  it.each([
    ['2020-02-23', 'pm', 9, true],
    ['2020-02-24', 'am', 11, false],
    ['2020-02-24', 'am', 12, true],
    ['2020-02-24', 'pm', 17, false],
    ['2020-02-24', 'pm', 18, true],
    ['2020-02-25', 'am', 23, false],
  ] as const)('%s %s at %i:00 → %s', (date, halfDay, hour, passed) => {
    expect(slotHasPassed({ date, halfDay }, '2020-02-24', hour)).toBe(passed);
  });
  it('check-in waits for the day', () => {
    expect(slotDayReached({ date: '2020-02-25' }, '2020-02-24')).toBe(false);
    expect(slotDayReached({ date: '2020-02-24' }, '2020-02-24')).toBe(true);
  });
});

describe('state changes', () => {
  it('slots close when open and reopen when closed', () => {
    expect(slotTransition('close', 'open')).toBe('closed');
    expect(slotTransition('close', 'closed')).toBeNull();
    expect(slotTransition('reopen', 'closed')).toBe('open');
    expect(slotTransition('reopen', 'open')).toBeNull();
  });
  it('bookings are handled once, from booked only', () => {
    expect(bookingTransition('cancel', 'booked')).toBe('cancelled');
    expect(bookingTransition('check-in', 'booked')).toBe('checked_in');
    expect(bookingTransition('no-show', 'booked')).toBe('no_show');
    for (const status of ['cancelled', 'checked_in', 'no_show'] as const) {
      for (const action of ['cancel', 'check-in', 'no-show'] as const) expect(bookingTransition(action, status), `${action} ${status}`).toBeNull();
    }
  });
});

it('booking codes are 6 characters without look-alikes', () => {
  expect(bookingCode(new Uint8Array([0, 1, 2, 3, 4, 255]))).toMatch(/^[ACDEFGHJKLMNPQRTUVWXY3479]{6}$/);
  expect(bookingCode(new Uint8Array([0, 0, 0, 0, 0, 0]))).toBe('AAAAAA');
});
