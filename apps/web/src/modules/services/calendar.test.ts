import { describe, expect, it } from 'vitest';
import { dayKind, monthGrid, weekdayIndex, workingDaysOf } from './calendar';

describe('calendar grid', () => {
  it('starts weeks on Monday', () => {
    // 2020-02-01 was a Saturday, 2020-06-01 a Monday.
    const feb = monthGrid(2020, 2);
    expect(feb[0]).toEqual([null, null, null, null, null, '2020-02-01', '2020-02-02']);
    expect(feb.at(-1)).toEqual(['2020-02-24', '2020-02-25', '2020-02-26', '2020-02-27', '2020-02-28', '2020-02-29', null]);
    expect(monthGrid(2020, 6)[0]![0]).toBe('2020-06-01');
    expect(monthGrid(2021, 2)).toHaveLength(4);
  });

  it('tells weekends, holidays and swapped working days apart', () => {
    expect(weekdayIndex('2020-01-19')).toBe(6);
    expect(dayKind('2020-01-19', undefined)).toBe('weekend');
    expect(dayKind('2020-01-19', 'workday')).toBe('workday');
    expect(dayKind('2020-01-27', 'holiday')).toBe('holiday');
    expect(dayKind('2020-01-20', undefined)).toBe('normal');
  });

  it('counts working days', () => {
    expect(workingDaysOf(2021, new Map())).toBe(261);
    expect(workingDaysOf(2020, new Map([['2020-01-01', 'holiday'], ['2020-01-19', 'workday']]))).toBe(262);
  });
});
