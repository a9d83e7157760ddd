import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, isValidPlate, isValidResidentId, orgCodeCheckChar, PHONE_RE, shortProvince } from './validators.js';

describe('credit code (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    // Published codes of well-known entities.
    for (const code of ['91110000100003495Y', '91350100M000100Y43', '911100001000128855', '91440300708461136T']) {
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });
  it('refuses a wrong check character, bad charset and wrong length', () => {
    expect(isValidCreditCode('91110000100003495X')).toBe(false);
    expect(isValidCreditCode('91110000100003495')).toBe(false);
    expect(isValidCreditCode('9111000010000349OY')).toBe(false); // O is not in the charset
    expect(isValidCreditCode('91110000100003495y')).toBe(false);
  });
  it('computes the check char that makes a code valid', () => {
    const first17 = '91510300' + '12345678' + orgCodeCheckChar('12345678');
    const code = first17 + creditCodeCheckChar(first17);
    expect(isValidCreditCode(code)).toBe(true);
  });
});

describe('resident ID (GB 11643)', () => {
  it('accepts a valid number and refuses a wrong check digit or date', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('110105194902300020')).toBe(false);
  });
});

describe('phones and plates', () => {
  it('knows mobiles and landlines', () => {
    expect(PHONE_RE.test('13812345678')).toBe(true);
    expect(PHONE_RE.test('0813-5201234')).toBe(true);
    expect(PHONE_RE.test('12812345678')).toBe(false);
  });
  it('knows ordinary and new-energy plates', () => {
    expect(isValidPlate('川C12345')).toBe(true);
    expect(isValidPlate('川CD12345')).toBe(true);
    expect(isValidPlate('川C12345D')).toBe(true);
    expect(isValidPlate('XC12345')).toBe(false);
    expect(isValidPlate('川CI2345')).toBe(false);
  });
});

describe('shortProvince', () => {
  it('counts a province the same whether typed in full or short', () => {
    expect(['四川省', '四川', '重庆市', '广西壮族自治区', '内蒙古自治区', '黑龙江省', '香港特别行政区', '新疆维吾尔自治区', ' 北京市 '].map(shortProvince)).toEqual(['四川', '四川', '重庆', '广西', '内蒙古', '黑龙江', '香港', '新疆', '北京']);
    expect(shortProvince('Sichuan')).toBe('Sichuan');
  });
});
