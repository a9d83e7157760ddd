import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { changesOf } from './history';

// Labels as their keys, values as the catalogue would give them.
const t = ((key: string) => key) as unknown as TFunction;

describe('enterprise history', () => {
  it('shows readable names instead of ids and formats money and flags', () => {
    const before = { parkId: 'p1', parkName: '板仓工业园', outputLastYearFen: 10_000_000_000, aboveScale: false, updatedAt: 1 };
    const after = { parkId: 'p2', parkName: '生物医药产业园', outputLastYearFen: 186_918_000_000, aboveScale: true, updatedAt: 2 };
    expect(changesOf(before, after, t, 'zh-CN')).toEqual([
      { key: 'parkName', label: 'enterprises.park', before: '板仓工业园', after: '生物医药产业园' },
      { key: 'outputLastYearFen', label: 'enterprises.outputLastYear', before: '1.00 亿元', after: '18.69 亿元' },
      { key: 'aboveScale', label: 'enterprises.aboveScale', before: 'common.no', after: 'common.yes' },
    ]);
  });

  it('names ids of a creation when they are known, and leaves unchanged fields out', () => {
    const changes = changesOf(null, { parkId: 'p1', buildingId: 'b-0000000001', name: 'X' }, t, 'zh-CN', { p1: '板仓工业园' });
    expect(changes.map((c) => [c.key, c.after])).toEqual([
      ['parkId', '板仓工业园'],
      ['buildingId', '#000001'],
      ['name', 'X'],
    ]);
    expect(changesOf({ name: 'A' }, { name: 'A' }, t, 'zh-CN')).toEqual([]);
  });
});
