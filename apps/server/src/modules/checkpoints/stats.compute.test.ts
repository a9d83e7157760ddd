// The pure part of the checkpoint statistics: the zone's days as instants, and the figures summed
// from rollups (totals, per checkpoint, day, hour, province, level; cases; the alert rate).
import { describe, expect, it } from 'vitest';
import { computeStats, datesFromTo, daysBetween, ratio } from './stats.compute.js';
import { dayStartIn } from '../../platform/time.js';
import { maskPlate, normalisePlate } from './trace.service.js';

describe('the zone’s days', () => {
  it('begin at midnight in the zone’s time zone, also across a change of offset', () => {
    expect(dayStartIn('2020-02-24', 'Asia/Shanghai')).toBe(Date.parse('2020-02-23T16:00:00Z'));
    expect(dayStartIn('2020-03-08', 'America/New_York')).toBe(Date.parse('2020-03-08T05:00:00Z'));
    expect(dayStartIn('2020-03-09', 'America/New_York')).toBe(Date.parse('2020-03-09T04:00:00Z'));
    expect(dayStartIn('2020-02-24', 'UTC')).toBe(Date.parse('2020-02-24T00:00:00Z'));
  });

  it('are listed from one date to another, both in', () => {
    expect(datesFromTo('2020-02-27', '2020-03-02')).toEqual(['2020-02-27', '2020-02-28', '2020-02-29', '2020-03-01', '2020-03-02']);
    expect(daysBetween('2020-01-01', '2020-12-31')).toBe(365);
    expect(datesFromTo('2020-03-02', '2020-03-01')).toEqual([]);
  });
});

describe('the figures', () => {
  const cp = (id: string, name: string, level: 'low' | 'high' | null, status = 'active') => ({ id, name, kind: 'highway_exit', status, level });
  it('sum the rollups by checkpoint, day, hour and province, with the alert rate and the cases', () => {
    const s = computeStats({
      from: '2020-02-01',
      to: '2020-02-03',
      lang: 'en-US',
      cpDays: [
        { day: '2020-02-01', checkpoint_id: 'a', persons: 10, vehicles: 4, alerts: 1 },
        { day: '2020-02-03', checkpoint_id: 'a', persons: 5, vehicles: 2, alerts: 0 },
        { day: '2020-02-03', checkpoint_id: 'b', persons: 5, vehicles: 0, alerts: 1 },
      ],
      hours: [
        { hour: 8, persons: 12, vehicles: 4, alerts: 1 },
        { hour: 8, persons: 3, vehicles: 1, alerts: 0 },
        { hour: 23, persons: 5, vehicles: 1, alerts: 1 },
      ],
      provinces: [
        { province: '四川省', persons: 8, vehicles: 3 },
        { province: '重庆市', persons: 9, vehicles: 2 },
        { province: '四川省', persons: 3, vehicles: 1 },
      ],
      checkpoints: [cp('a', '自贡东 高速出口', 'high'), cp('b', '板仓园区 东门', 'low'), cp('c', '旧卡口', null, 'closed')],
      caseStatuses: [{ status: 'open', n: 1 }, { status: 'closed', n: 2 }],
      caseReasons: [{ reasons: 'temperature,fever', n: 1 }, { reasons: 'cough', n: 2 }],
    });
    expect(s).toMatchObject({ persons: 20, vehicles: 6, alerts: 2, alertRate: { numerator: 2, denominator: 20, value: 0.1 } });
    expect(s.byCheckpoint.map((c) => [c.name, c.persons])).toEqual([['自贡东 高速出口', 15], ['板仓园区 东门', 5], ['旧卡口', 0]]);
    expect(s.byDay.map((d) => d.persons)).toEqual([10, 0, 10]);
    expect(s.byHour[8]).toEqual({ hour: 8, persons: 15, vehicles: 5, alerts: 1 });
    expect(s.byProvince).toEqual([{ province: '四川省', persons: 11, vehicles: 4 }, { province: '重庆市', persons: 9, vehicles: 2 }]);
    expect(s.byRisk).toEqual([{ level: 'high', checkpoints: 1, persons: 15 }, { level: 'low', checkpoints: 1, persons: 5 }, { level: null, checkpoints: 1, persons: 0 }]);
    expect(s.cases).toEqual({ total: 3, open: 1, transferred: 0, resulted: 0, closed: 2, byReason: [{ reason: 'temperature', count: 1 }, { reason: 'fever', count: 1 }, { reason: 'cough', count: 2 }] });
    expect(s.checkpoints).toEqual({ active: 2, servicePoint: 0, closed: 1 });
    expect(s.definitions.alertRate).toBe('Alert rate = alerts / person-times screened.');
  });

  it('give no rate when nobody was screened', () => {
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(ratio(1, 3)).toEqual({ numerator: 1, denominator: 3, value: 0.3333 });
  });
});

describe('plates in a trace', () => {
  it('are compared as written on the plate and masked in the audit log', () => {
    expect(normalisePlate('川c 123·45')).toBe('川C12345');
    expect(maskPlate('川C12345')).toBe('川C***45');
    expect(maskPlate('川AD12345')).toBe('川A****45');
  });
});
