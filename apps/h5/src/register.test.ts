// The checks the registration page makes on the phone before anything is sent.
import { residentIdCheckChar } from '@shuangsheng/contracts';
import { describe, expect, it } from 'vitest';
import { blank, documentError, noHealth, validate } from './register';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const GOOD = id('51030219850312201');

describe('documentError', () => {
  it('accepts a resident ID with the GB 11643 check digit, in either case of X', () => {
    expect(documentError('resident_id', GOOD)).toBeNull();
    const x = ['11010519491231002', '51030219900101123', '51030219900101124', '51030219900101125'].map(id).find((v) => v.endsWith('X'))!;
    expect(x).toBeDefined();
    expect(documentError('resident_id', ` ${x.toLowerCase()} `)).toBeNull();
  });
  it('says which part of a resident ID is wrong', () => {
    expect(documentError('resident_id', '')).toBe('required');
    expect(documentError('resident_id', GOOD.slice(0, 17))).toBe('idLength');
    expect(documentError('resident_id', GOOD.slice(0, 10) + '0231' + GOOD.slice(14))).toBe('idDate');
    expect(documentError('resident_id', GOOD.slice(0, 17) + (GOOD[17] === '1' ? '2' : '1'))).toBe('idCheck');
  });
  it('takes 5–20 letters or digits for passports and other documents', () => {
    expect(documentError('passport', 'E12345678')).toBeNull();
    expect(documentError('other', 'E12')).toBe('docBad');
    expect(documentError('passport', 'E1234-5678')).toBe('docBad');
  });
});

describe('validate', () => {
  const filled = () => ({
    ...blank(),
    name: '张三',
    idNumber: GOOD,
    phone: '13812345678',
    direction: 'in' as const,
    originProvince: '四川',
    originCity: '成都',
    destination: '自贡',
    reason: '返岗复工',
  });
  const no = { fever: false, cough: false, contact: false, highRiskTravel: false };

  it('passes a complete form and names every missing field', () => {
    expect(validate(filled(), no)).toEqual({});
    expect(Object.keys(validate(blank(), noHealth())).sort()).toEqual(
      ['destination', 'direction', 'health.contact', 'health.cough', 'health.fever', 'health.highRiskTravel', 'idNumber', 'name', 'originCity', 'originProvince', 'phone', 'reason'].sort(),
    );
  });
  it('checks the plate against its kind, and passengers with their optional phone', () => {
    const d = { ...filled(), car: true, plateProvince: '川', plateRest: 'c12345' };
    expect(validate(d, no)).toEqual({});
    expect(validate({ ...d, plateKind: 'new' }, no)).toHaveProperty('plate');
    expect(validate({ ...d, plateKind: 'new', plateRest: 'CD12345' }, no)).toEqual({});
    expect(validate({ ...d, plateRest: 'C1234' }, no)).toHaveProperty('plate');
    const withPassenger = { ...d, passengers: [{ name: '王小丽', idKind: 'passport' as const, idNumber: 'E1234567', phone: '' }] };
    expect(validate(withPassenger, no)).toEqual({});
    expect(validate({ ...withPassenger, passengers: [{ ...withPassenger.passengers[0]!, phone: '12345' }] }, no)).toHaveProperty(['passengers.0.phone']);
  });
});
