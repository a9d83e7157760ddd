// The scale tier derived from last year's output, exactly at its boundaries, and the fen ranges
// the registry filters by, which must agree with it; plus the enterprise input schema.
import { describe, expect, it } from 'vitest';
import { CreditCode, EnterpriseInput, EnterprisePatch } from './enterprises.js';
import { SCALE_TIERS, TIER_MIN_FEN, tierOf, tierRange, type ScaleTier } from './domain.js';

const YUAN = 100;
const HUNDRED_MILLION = 100_000_000 * YUAN; // 亿元
const BILLION = 1_000_000_000 * YUAN; // 十亿
const TEN_BILLION = 10_000_000_000 * YUAN; // 百亿

describe('tierOf', () => {
  it('has its bounds in fen: 1 亿, 10 亿 and 100 亿 yuan', () => {
    expect(TIER_MIN_FEN).toEqual({ hundred_million: HUNDRED_MILLION, billion: BILLION, ten_billion: TEN_BILLION });
  });

  it.each<[number | null | undefined, ScaleTier]>([
    [null, 'other'],
    [undefined, 'other'],
    [0, 'other'],
    [HUNDRED_MILLION - 1, 'other'],
    [HUNDRED_MILLION, 'hundred_million'],
    [HUNDRED_MILLION + 1, 'hundred_million'],
    [BILLION - 1, 'hundred_million'],
    [BILLION, 'billion'],
    [BILLION + 1, 'billion'],
    [TEN_BILLION - 1, 'billion'],
    [TEN_BILLION, 'ten_billion'],
    [TEN_BILLION + 1, 'ten_billion'],
    [9e15, 'ten_billion'],
  ])('%s fen is %s', (fen, tier) => {
    expect(tierOf(fen)).toBe(tier);
  });
});

describe('tierRange', () => {
  it.each<[ScaleTier, { min: number | null; max: number | null }]>([
    ['ten_billion', { min: TEN_BILLION, max: null }],
    ['billion', { min: BILLION, max: TEN_BILLION }],
    ['hundred_million', { min: HUNDRED_MILLION, max: BILLION }],
    ['other', { min: null, max: HUNDRED_MILLION }],
  ])('%s is [%o)', (tier, range) => {
    expect(tierRange(tier)).toEqual(range);
  });

  it('agrees with tierOf on every boundary and beside it: each value falls in exactly its own range', () => {
    const values = [0, 1, HUNDRED_MILLION - 1, HUNDRED_MILLION, BILLION - 1, BILLION, TEN_BILLION - 1, TEN_BILLION, 9e15];
    for (const v of values) {
      const holders = SCALE_TIERS.filter((tier) => {
        const { min, max } = tierRange(tier);
        return (min === null || v >= min) && (max === null || v < max);
      });
      expect(holders, `${v}`).toEqual([tierOf(v)]);
    }
  });
});

describe('EnterpriseInput', () => {
  const code = '91110000100003495Y';

  it('trims and upper-cases the credit code and checks its check character', () => {
    expect(CreditCode.parse(` ${code.toLowerCase()} `)).toBe(code);
    expect(CreditCode.safeParse('91110000100003495X').success).toBe(false);
    expect(CreditCode.safeParse('9111000010000349OY').success).toBe(false);
  });

  it('defaults the flags and refuses unknown fields', () => {
    expect(EnterpriseInput.parse({ creditCode: code, name: ' 某公司 ' })).toEqual({ creditCode: code, name: '某公司', aboveScale: false, cityMonitored: false });
    const r = EnterpriseInput.safeParse({ creditCode: code, name: '某公司', tier: 'billion' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['tier'] });
  });

  it('keeps money in whole fen within bounds', () => {
    expect(EnterpriseInput.safeParse({ creditCode: code, name: 'x', outputLastYearFen: 1.5 }).success).toBe(false);
    expect(EnterpriseInput.safeParse({ creditCode: code, name: 'x', outputLastYearFen: -1 }).success).toBe(false);
    expect(EnterpriseInput.safeParse({ creditCode: code, name: 'x', outputLastYearFen: 9e15 + 1 }).success).toBe(false);
    expect(EnterpriseInput.safeParse({ creditCode: code, name: 'x', outputLastYearFen: 9e15 }).success).toBe(true);
  });

  it('a patch may leave everything out, but not add the defaults of a create', () => {
    expect(EnterprisePatch.parse({})).toEqual({});
    expect(EnterprisePatch.parse({ employees: null })).toEqual({ employees: null });
  });
});
