import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, type AlertEvent } from '@shuangsheng/contracts';
import {
  addDays,
  caseActions,
  checkIdNumber,
  checkPhone,
  checkPlate,
  closeNeedsOutcome,
  contactsByStop,
  distinctPeople,
  formatFraction,
  formatRate,
  fullDay,
  inTimeOrder,
  isFever,
  mergeAlert,
  normalizeCode,
  normalizePlate,
  parseAlert,
  parseTemperature,
  periodOf,
  PROVINCES,
  provinceLabel,
  reconnectDelay,
  scannedPass,
  topWithOther,
  unseenCount,
} from './helpers';

const first17 = '51030219850312123';
const goodId = first17 + residentIdCheckChar(first17);
const badCheck = first17 + (residentIdCheckChar(first17) === '0' ? '1' : '0');

describe('fields checked while typed', () => {
  it('a resident ID: partial while digits are missing, then the check digit and the birth date decide', () => {
    expect(checkIdNumber('resident_id', '')).toEqual({ state: 'empty' });
    expect(checkIdNumber('resident_id', '5103')).toEqual({ state: 'partial' });
    expect(checkIdNumber('resident_id', first17)).toEqual({ state: 'partial' });
    expect(checkIdNumber('resident_id', goodId)).toEqual({ state: 'valid' });
    expect(checkIdNumber('resident_id', goodId.toLowerCase())).toEqual({ state: 'valid' });
    expect(checkIdNumber('resident_id', badCheck)).toEqual({ state: 'invalid', reason: 'checkDigit' });
    expect(checkIdNumber('resident_id', '510302198502301234')).toEqual({ state: 'invalid', reason: 'birthDate' });
    expect(checkIdNumber('resident_id', '5103A2')).toEqual({ state: 'invalid', reason: 'format' });
    expect(checkIdNumber('resident_id', goodId + '1')).toEqual({ state: 'invalid', reason: 'format' });
  });

  it('other documents: 5–20 letters or digits', () => {
    expect(checkIdNumber('passport', 'E1234')).toEqual({ state: 'valid' });
    expect(checkIdNumber('passport', 'E12')).toEqual({ state: 'partial' });
    expect(checkIdNumber('passport', 'E12-345')).toEqual({ state: 'invalid', reason: 'document' });
  });

  it('phones: a mobile or a landline; a mobile being typed is partial', () => {
    expect(checkPhone('13812345678')).toEqual({ state: 'valid' });
    expect(checkPhone('138 1234 5678')).toEqual({ state: 'valid' });
    expect(checkPhone('1381234')).toEqual({ state: 'partial' });
    expect(checkPhone('0813-1234567')).toEqual({ state: 'valid' });
    expect(checkPhone('23812345678')).toEqual({ state: 'invalid', reason: 'mobile' });
    expect(checkPhone('138123456789')).toEqual({ state: 'invalid', reason: 'mobile' });
  });

  it('plates: ordinary and new-energy, normalised as typed', () => {
    expect(normalizePlate('川c·12345')).toBe('川C12345');
    expect(checkPlate('川C12345')).toEqual({ state: 'valid' });
    expect(checkPlate('川cd12345')).toEqual({ state: 'valid' });
    expect(checkPlate('川C1')).toEqual({ state: 'partial' });
    expect(checkPlate('川CI2345')).toEqual({ state: 'invalid', reason: 'plate' });
    expect(checkPlate('XX123456')).toEqual({ state: 'invalid', reason: 'plate' });
  });
});

describe('temperatures as keyed in', () => {
  it('38.1, 38,1 and 381 are 38.1 °C; out of range or garbage is NaN; empty is null', () => {
    expect(parseTemperature('38.1')).toBe(38.1);
    expect(parseTemperature('38,1')).toBe(38.1);
    expect(parseTemperature('381')).toBe(38.1);
    expect(parseTemperature('36')).toBe(36);
    expect(parseTemperature(36.5)).toBe(36.5);
    expect(parseTemperature('')).toBeNull();
    expect(parseTemperature(null)).toBeNull();
    expect(parseTemperature('44')).toBeNaN();
    expect(parseTemperature('3')).toBeNaN();
    expect(parseTemperature('abc')).toBeNaN();
  });

  it('37.3 °C and above is a fever', () => {
    expect(isFever(37.3)).toBe(true);
    expect(isFever(37.2)).toBe(false);
    expect(isFever(38.1)).toBe(true);
    expect(isFever(null)).toBe(false);
    expect(isFever(Number.NaN)).toBe(false);
  });
});

describe('codes and scans', () => {
  it('a code is upper-cased without spaces; a scan is a URL or a token of 16+ characters', () => {
    expect(normalizeCode(' k7q 2md ')).toBe('K7Q2MD');
    expect(scannedPass('https://x/h5/p/abcdefghijklmnopqrstuvwx')).toBe('https://x/h5/p/abcdefghijklmnopqrstuvwx');
    expect(scannedPass('short')).toBeNull();
  });
});

const alert = (caseId: string, at = 1): AlertEvent => ({ caseId, number: `YC-${caseId}`, checkpointId: 'c', checkpointName: '自贡东', at, name: '张三', temperature: 38.1, reasons: ['temperature'], result: 'red' });

describe('live alerts', () => {
  it('newest first, one line per case, at most max, counted until seen', () => {
    let list = mergeAlert([], alert('a'), 1);
    list = mergeAlert(list, alert('b'), 2);
    list = mergeAlert(list, alert('a', 3), 3);
    expect(list.map((a) => a.caseId)).toEqual(['a', 'b']);
    expect(unseenCount(list)).toBe(2);
    list = list.map((a) => (a.caseId === 'b' ? { ...a, seen: true } : a));
    expect(unseenCount(list)).toBe(1);
    let many = list;
    for (let i = 0; i < 60; i++) many = mergeAlert(many, alert(`x${i}`), i, 50);
    expect(many).toHaveLength(50);
  });

  it('parses an alert event; noise is ignored', () => {
    expect(parseAlert(JSON.stringify(alert('a')))?.caseId).toBe('a');
    expect(parseAlert('not json')).toBeNull();
    expect(parseAlert('{"hello":1}')).toBeNull();
  });

  it('waits longer after each failed reconnect, up to 30 s', () => {
    expect(reconnectDelay(0)).toBe(2000);
    expect(reconnectDelay(1)).toBe(4000);
    expect(reconnectDelay(10)).toBe(30_000);
  });
});

describe('case actions', () => {
  it('follow open → transferred → resulted → closed, an open case closing directly', () => {
    expect(caseActions('open')).toEqual(['transfer', 'close']);
    expect(caseActions('transferred')).toEqual(['result']);
    expect(caseActions('resulted')).toEqual(['close']);
    expect(caseActions('closed')).toEqual([]);
    expect(closeNeedsOutcome('open', null)).toBe(true);
    expect(closeNeedsOutcome('resulted', 'cleared')).toBe(false);
  });
});

describe('tracing', () => {
  const c = (id: string, near: string, minutesApart: number, at: number, idm: string | null = null) => ({ id, nearRegistrationId: near, minutesApart, at, idNumberMasked: idm, name: id, phoneMasked: null });
  it('groups contacts by stop, nearest first', () => {
    const g = contactsByStop([c('x', 's1', 20, 5), c('y', 's1', -3, 1), c('z', 's2', 0, 9)]);
    expect(g.get('s1')!.map((x) => x.id)).toEqual(['y', 'x']);
    expect(g.get('s2')!.map((x) => x.id)).toEqual(['z']);
    expect(g.get('s3')).toBeUndefined();
  });
  it('stops in time order; distinct people among contacts', () => {
    expect(inTimeOrder([{ at: 3 }, { at: 1 }, { at: 2 }]).map((s) => s.at)).toEqual([1, 2, 3]);
    expect(distinctPeople([c('a', 's', 1, 1, '5103**1'), c('b', 's2', 1, 1, '5103**1'), c('c', 's', 1, 1, '5103**2')])).toBe(2);
  });
});

describe('periods and figures', () => {
  it('the period from the URL or the last 14 days; reversed ranges put right', () => {
    expect(periodOf(new URLSearchParams(''), '2020-02-20')).toEqual({ from: '2020-02-07', to: '2020-02-20' });
    expect(periodOf(new URLSearchParams('from=2020-02-10&to=2020-02-01'), '2020-02-20')).toEqual({ from: '2020-02-01', to: '2020-02-10' });
    expect(periodOf(new URLSearchParams('from=bad&to=2020-02-01'), '2020-02-20', 7)).toEqual({ from: '2020-02-14', to: '2020-02-20' });
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
  });
  it('rates with one decimal and their fraction', () => {
    expect(formatRate({ value: 0.0123 })).toBe('1.2%');
    expect(formatRate({ value: null })).toBe('-');
    expect(formatFraction({ numerator: 12, denominator: 166760 })).toBe('12 / 166,760');
  });
  it('every hour of the day; the top rows and the rest summed', () => {
    const day = fullDay([{ hour: 8, persons: 5, vehicles: 2, alerts: 1 }]);
    expect(day).toHaveLength(24);
    expect(day[8]).toEqual({ hour: 8, persons: 5, vehicles: 2, alerts: 1 });
    expect(day[0]!.persons).toBe(0);
    const rows = topWithOther([{ n: 1 }, { n: 5 }, { n: 3 }, { n: 2 }], 2, (r) => r.n, (sum) => ({ n: sum }));
    expect(rows.map((r) => r.n)).toEqual([5, 3, 3]);
  });
  it('34 provincial units; labels in English', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(provinceLabel('四川省', 'en-US')).toBe('Sichuan');
    expect(provinceLabel('四川', 'en-US')).toBe('Sichuan');
    expect(provinceLabel('内蒙古自治区', 'en-US')).toBe('Inner Mongolia');
    expect(provinceLabel('四川省', 'zh-CN')).toBe('四川省');
    expect(provinceLabel('火星', 'en-US')).toBe('火星');
  });
});
