import { describe, expect, it } from 'vitest';
import { daysBetween, fillDays, formatDays, formatFraction, formatRate } from './format';

describe('stats formats', () => {
  it('shows rates to one decimal and the fraction', () => {
    expect(formatRate({ value: 73 / 102 })).toBe('71.6%');
    expect(formatRate({ value: 1 })).toBe('100.0%');
    expect(formatRate({ value: 0 })).toBe('0.0%');
    expect(formatRate({ value: null })).toBe('-');
    expect(formatFraction({ numerator: 1234, denominator: 5678 })).toBe('1,234 / 5,678');
  });
  it('shows days to one decimal', () => {
    expect(formatDays(3.456)).toBe('3.5');
    expect(formatDays(null)).toBe('-');
  });
  it('spans the period day by day, filling gaps with zeros', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toEqual(['2020-02-28', '2020-02-29', '2020-03-01']);
    expect(daysBetween('2020-02-03', '2020-02-16')).toHaveLength(14);
    expect(daysBetween('2020-02-05', '2020-02-03')).toEqual([]);
    expect(fillDays('2020-02-03', '2020-02-05', [{ date: '2020-02-04', received: 2, completed: 1 }])).toEqual([
      { date: '2020-02-03', received: 0, completed: 0 },
      { date: '2020-02-04', received: 2, completed: 1 },
      { date: '2020-02-05', received: 0, completed: 0 },
    ]);
  });
});
