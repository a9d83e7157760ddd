// The pure parts of employment registration: dates as people type them in a sheet, and masking.
import { describe, expect, it } from 'vitest';
import { maskResidentId, parseSheetDate } from './employment.policy.js';

describe('dates typed in a sheet', () => {
  it.each([
    ['2020-02-24', '2020-02-24'],
    ['2020/2/4', '2020-02-04'],
    ['2020.02.24', '2020-02-24'],
    ['2020年2月24日', '2020-02-24'],
    ['43885', '2020-02-24'],
    ['2020-02-30', null],
    ['2019-13-01', null],
    ['24/02/2020', null],
    ['明天', null],
    ['', null],
  ])('%s → %s', (text, date) => {
    expect(parseSheetDate(text)).toBe(date);
  });
});

it('masks an ID number to the first and last four', () => {
  expect(maskResidentId('510302199001011237')).toBe('5103**********1237');
  expect(maskResidentId('1234')).toBe('****');
});
