import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, fenToWan, formatDate, formatDateTime, formatFen, formatNumber, setTimeZone, timeZone, wanToFen, zoneDayEnd, zoneDayStart } from './format';

describe('formatNumber', () => {
  it('groups thousands and shows a dash for nothing', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('-');
    expect(formatNumber(undefined)).toBe('-');
  });
});

describe('formatFen', () => {
  it('shows sums below 1 亿元 in 万元 with two decimals', () => {
    expect(formatFen(729_237_900)).toBe('729.24 万元'); // 7,292,379 元
    expect(formatFen(1_000_000)).toBe('1.00 万元');
    expect(formatFen(0)).toBe('0.00 万元');
    expect(formatFen(9_999_990_000)).toBe('9,999.99 万元');
    expect(formatFen(9_999_999_900)).toBe('1.00 亿元');
  });
  it('shows sums from 1 亿元 in 亿元', () => {
    expect(formatFen(10_000_000_000)).toBe('1.00 亿元');
    expect(formatFen(186_918_000_000)).toBe('18.69 亿元');
    expect(formatFen(1_234_500_000_000_000)).toBe('123,450.00 亿元');
  });
  it('uses million and billion in English', () => {
    expect(formatFen(186_918_000_000, 'en-US')).toBe('¥1.87 bn');
    expect(formatFen(14_440_000_000, 'en-US')).toBe('¥144.40 m');
    expect(formatFen(729_237_900, 'en-US')).toBe('¥7.29 m');
    expect(formatFen(5_000_000, 'en-US')).toBe('¥50.00 k');
    expect(formatFen(123_45, 'en-US')).toBe('¥123.45');
  });
  it('shows a dash for no value', () => {
    expect(formatFen(null)).toBe('-');
  });
});

describe('万元 ↔ fen', () => {
  it('converts 万元 typed in a form to integer fen', () => {
    expect(wanToFen(1)).toBe(1_000_000);
    expect(wanToFen(1234.56)).toBe(1_234_560_000);
    expect(wanToFen(0.01)).toBe(10_000);
    expect(wanToFen(null)).toBeNull();
  });
  it('round-trips', () => {
    expect(wanToFen(fenToWan(186_918_000_000))).toBe(186_918_000_000);
    expect(fenToWan(null)).toBeNull();
  });
});

describe('dates in the zone (Asia/Shanghai)', () => {
  const ms = Date.UTC(2020, 1, 24, 6, 5); // 14:05 in Shanghai
  it('formats dates and times', () => {
    expect(formatDate(ms)).toBe('2020-02-24');
    expect(formatDateTime(ms)).toBe('2020-02-24 14:05');
    expect(formatDateTime(Date.UTC(2020, 1, 23, 16, 0))).toBe('2020-02-24 00:00');
    expect(formatDate(null)).toBe('-');
  });
  it('gives day bounds for filters', () => {
    expect(zoneDayStart('2020-02-24')).toBe(Date.UTC(2020, 1, 23, 16, 0));
    expect(zoneDayEnd('2020-02-24')).toBe(Date.UTC(2020, 1, 24, 16, 0));
  });
});

describe('dates in another zone', () => {
  afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

  it('follows the zone the session names', () => {
    setTimeZone('Asia/Kolkata'); // UTC+5:30
    expect(formatDateTime(Date.UTC(2020, 1, 24, 6, 5))).toBe('2020-02-24 11:35');
    expect(zoneDayStart('2020-02-24')).toBe(Date.UTC(2020, 1, 23, 18, 30));
  });

  it('gives day bounds across daylight saving (a 23-hour day)', () => {
    setTimeZone('Europe/Berlin');
    expect(formatDateTime(Date.UTC(2024, 2, 31, 1, 0))).toBe('2024-03-31 03:00');
    expect(zoneDayStart('2024-03-31')).toBe(Date.UTC(2024, 2, 30, 23, 0));
    expect(zoneDayEnd('2024-03-31')).toBe(Date.UTC(2024, 2, 31, 22, 0));
    expect(zoneDayEnd('2024-12-31')).toBe(Date.UTC(2024, 11, 31, 23, 0));
  });

  it('keeps the zone in use when a name is unknown', () => {
    setTimeZone('Mars/Olympus_Mons');
    expect(timeZone()).toBe(DEFAULT_TIME_ZONE);
    setTimeZone(null);
    expect(timeZone()).toBe(DEFAULT_TIME_ZONE);
  });
});
