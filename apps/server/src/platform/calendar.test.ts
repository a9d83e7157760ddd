import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, isoWeekday, isWorkingDay, todayIn, workingDayCounter, workingDaysBetween, workingDaysInYear, type DayKind } from './calendar.js';
import { nationalCalendar } from '../modules/calendar/national.js';

const none = new Map<string, DayKind>();
const cn2020 = new Map(nationalCalendar('2020', true).map((d) => [d.date, d.kind] as const));
const cn2020plain = new Map(nationalCalendar('2020', false).map((d) => [d.date, d.kind] as const));

describe('the Monday–Friday rule', () => {
  it('knows weekdays and crosses months and leap days', () => {
    expect(isoWeekday('2020-02-24')).toBe(1);
    expect(isoWeekday('2020-02-23')).toBe(7);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(isWorkingDay('2020-02-22', none)).toBe(false);
    expect(isWorkingDay('2020-02-24', none)).toBe(true);
  });
  it('counts a limit from the day after the start, skipping weekends', () => {
    expect(addWorkingDays('2020-02-24', 0, none)).toBe('2020-02-24');
    expect(addWorkingDays('2020-02-24', 1, none)).toBe('2020-02-25');
    expect(addWorkingDays('2020-02-28', 1, none)).toBe('2020-03-02'); // Friday + 1 → Monday
    expect(addWorkingDays('2020-02-22', 5, none)).toBe('2020-02-28'); // accepted on a Saturday
    expect(workingDaysBetween('2020-02-24', '2020-03-02', none)).toBe(5);
    expect(workingDaysBetween('2020-03-02', '2020-02-24', none)).toBe(0);
  });
});

describe('the 2020 national calendar', () => {
  it('has 251 working days, 249 with the extended Spring Festival', () => {
    // 2020 has 262 weekdays; 18 of them are holidays (1 Jan; 24, 27–30 Jan; 6 Apr; 1, 4, 5 May;
    // 25, 26 Jun; 1, 2, 5–8 Oct) and 7 weekend days are swapped working days: 262 − 18 + 7 = 251.
    expect(workingDaysInYear(2020, cn2020plain)).toBe(251);
    // The extension (国办发明电〔2020〕1号): 31 Jan off, and the 1 Feb swap lapsed.
    expect(workingDaysInYear(2020, cn2020)).toBe(249);
  });
  it('stops the clock over the extended Spring Festival', () => {
    expect(isWorkingDay('2020-01-19', cn2020)).toBe(true); // Sunday, swapped working day
    expect(isWorkingDay('2020-01-31', cn2020)).toBe(false);
    expect(isWorkingDay('2020-02-01', cn2020)).toBe(false);
    expect(isWorkingDay('2020-02-03', cn2020)).toBe(true);
    // Accepted on Thursday 23 January with 3 working days: due Wednesday 5 February.
    expect(addWorkingDays('2020-01-23', 3, cn2020)).toBe('2020-02-05');
    expect(addWorkingDays('2020-01-23', 3, cn2020plain)).toBe('2020-02-03'); // 31 Jan and the 1 Feb swap count
  });
  it('counts the National Day week', () => {
    expect(addWorkingDays('2020-09-30', 1, cn2020)).toBe('2020-10-09');
    expect(isWorkingDay('2020-10-10', cn2020)).toBe(true); // Saturday, swapped
  });
});

it('tells the date in a time zone', () => {
  const ms = Date.UTC(2020, 1, 23, 17, 0); // 2020-02-24 01:00 in Beijing
  expect(todayIn('Asia/Shanghai', ms)).toBe('2020-02-24');
  expect(todayIn('Europe/Berlin', ms)).toBe('2020-02-23');
});

it('counts working days between many pairs from one pass, as workingDaysBetween does day by day', () => {
  const count = workingDayCounter('2020-01-01', '2020-12-31', cn2020);
  const days = Array.from({ length: 366 }, (_, i) => addDays('2020-01-01', i));
  for (let i = 0; i < 400; i++) {
    const a = days[(i * 37) % days.length]!;
    const b = days[(i * 53 + 11) % days.length]!;
    expect(count(a, b), `${a}..${b}`).toBe(workingDaysBetween(a, b, cn2020));
  }
  // Across the extended Spring Festival: accepted 23 Jan, decided 3 Feb — one working day.
  expect(count('2020-01-23', '2020-02-03')).toBe(1);
  // Outside the range it still answers, day by day.
  expect(count('2019-12-30', '2020-01-03')).toBe(workingDaysBetween('2019-12-30', '2020-01-03', cn2020));
});
