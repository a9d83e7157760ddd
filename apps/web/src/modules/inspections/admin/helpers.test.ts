import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '@shuangsheng/contracts';
import {
  cleanItem,
  daysBetween,
  findingTone,
  formatAverage,
  formatFraction,
  formatRate,
  hasChanges,
  isPastDue,
  itemIndexOf,
  itemsByPlace,
  moveWithinPlace,
  newItemKey,
  numberItemProblem,
  rangeOf,
  roundParkIds,
  standardOf,
  statsPeriod,
  suggestedFrequency,
  versionChanges,
  withoutInspector,
} from './helpers';
import { ledgerQuery } from './ledger';

const check = (key: string, place: ChecklistItem['place'], title = key): ChecklistItem => ({ key, place, title, kind: 'check', photoRequired: false, severity: 'medium', guidance: null });
const area: ChecklistItem = { key: 'office_area', place: 'enterprise', title: '人均办公面积', kind: 'number', threshold: 2.5, comparator: 'gte', unit: 'm²', min: 0, max: 100, photoRequired: false, severity: 'high', guidance: null };

describe('figures', () => {
  it('shows a rate to one decimal and its fraction', () => {
    expect(formatRate({ value: 41 / 50 })).toBe('82.0%');
    expect(formatRate({ value: null })).toBe('-');
    expect(formatFraction({ numerator: 1, denominator: 3 })).toBe('1 / 3');
    expect(formatFraction({ numerator: 1200, denominator: 4500 })).toBe('1,200 / 4,500');
  });
  it('averages days to close, nothing without closed items', () => {
    expect(formatAverage({ numerator: 7, denominator: 2 })).toBe('3.5');
    expect(formatAverage({ numerator: 0, denominator: 0 })).toBe('-');
  });
  it('colours an open finding past its deadline red', () => {
    expect(findingTone('open', true)).toBe('abnormal');
    expect(findingTone('open', false)).toBe('waiting');
    expect(findingTone('closed', true)).toBe('closed');
  });
});

describe('the checklist editor', () => {
  const items = [check('temp', 'entrance'), check('marks', 'building'), area, check('reg', 'entrance'), check('pub', 'inner')];

  it('groups items by place in the specification order, keeping list indexes', () => {
    const groups = itemsByPlace(items);
    expect(groups.map((g) => g.place)).toEqual(['entrance', 'building', 'enterprise', 'inner']);
    expect(groups[0]!.items.map((x) => [x.item.key, x.index])).toEqual([
      ['temp', 0],
      ['reg', 3],
    ]);
  });

  it('makes a key not yet used', () => {
    expect(newItemKey([check('entrance_1', 'entrance'), check('entrance_2', 'entrance')], 'entrance')).toBe('entrance_3');
    expect(newItemKey(items, 'building')).toBe('building_1');
  });

  it('writes the standard and range of a number item', () => {
    expect(standardOf(area)).toBe('≥ 2.5 m²');
    expect(standardOf({ ...area, comparator: 'lte', threshold: 37.3, unit: '℃' })).toBe('≤ 37.3 ℃');
    expect(standardOf(check('x', 'inner'))).toBeNull();
    expect(rangeOf(area)).toBe('0 – 100');
    expect(rangeOf({ ...area, min: null })).toBe('… – 100');
  });

  it('finds what a number item lacks, like the server', () => {
    expect(numberItemProblem(area)).toBeNull();
    expect(numberItemProblem({ ...area, threshold: null })).toBe('threshold');
    expect(numberItemProblem({ ...area, comparator: null })).toBe('comparator');
    expect(numberItemProblem({ ...area, threshold: 200 })).toBe('range');
    expect(numberItemProblem({ ...area, min: 10, max: 5, threshold: 7 })).toBe('range');
    expect(numberItemProblem(check('x', 'inner'))).toBeNull();
  });

  it('drops number fields from check items and trims text', () => {
    expect(cleanItem({ ...check('x', 'inner', ' 宣传 '), threshold: 3, guidance: '  ' })).toEqual({ key: 'x', place: 'inner', title: '宣传', kind: 'check', photoRequired: false, severity: 'medium', guidance: null });
    expect(cleanItem(area).threshold).toBe(2.5);
  });

  it('lists what a new version changes', () => {
    const draft = [check('temp', 'entrance', '测温'), { ...area, threshold: 3 }, check('reg', 'entrance'), check('lift', 'building', '电梯消毒')];
    const c = versionChanges(items, draft);
    expect(c.added).toEqual(['电梯消毒']);
    expect(c.removed).toEqual(['marks', 'pub']);
    expect(c.changed).toEqual(['测温', '人均办公面积']);
    expect(hasChanges(versionChanges(items, items))).toBe(false);
    const swapped = versionChanges(items, [items[3]!, items[1]!, items[2]!, items[0]!, items[4]!]);
    expect(swapped.moved).toBe(true);
    expect(hasChanges(swapped)).toBe(true);
  });

  it('moves an item among the items of its place only', () => {
    expect(moveWithinPlace(items, 3, -1).map((i) => i.key)).toEqual(['reg', 'marks', 'office_area', 'temp', 'pub']);
    expect(moveWithinPlace(items, 0, -1).map((i) => i.key)).toEqual(items.map((i) => i.key));
    expect(moveWithinPlace(items, 1, 1).map((i) => i.key)).toEqual(items.map((i) => i.key));
  });

  it('reads the item a server issue is about', () => {
    expect(itemIndexOf('items.3.threshold')).toBe(3);
    expect(itemIndexOf('items.12')).toBe(12);
    expect(itemIndexOf('note')).toBeNull();
  });
});

describe('park plans and rounds', () => {
  it('suggests a frequency from risk and size', () => {
    expect(suggestedFrequency('high', 'small')).toBe(1);
    expect(suggestedFrequency('medium', 'medium')).toBe(3);
    expect(suggestedFrequency('low', 'large')).toBe(3);
    expect(suggestedFrequency('high', 'large')).toBe(1);
  });
  it('is past due only after the day', () => {
    expect(isPastDue('2020-02-25', '2020-02-26')).toBe(true);
    expect(isPastDue('2020-02-26', '2020-02-26')).toBe(false);
    expect(isPastDue(null, '2020-02-26')).toBe(false);
  });

  const parks = [
    { parkId: 'a', risk: 'high' as const, inspector: { id: 'u1', name: '张' } },
    { parkId: 'b', risk: 'low' as const, inspector: null },
    { parkId: 'c', risk: null, inspector: { id: 'u2', name: '李' } },
  ];
  it('chooses the parks of a round by mode', () => {
    expect(roundParkIds(parks, 'all', [], [])).toEqual(['a', 'b', 'c']);
    expect(roundParkIds(parks, 'risk', ['high', 'low'], [])).toEqual(['a', 'b']);
    expect(roundParkIds(parks, 'pick', ['high'], ['c', 'a', 'zz'])).toEqual(['a', 'c']);
  });
  it('flags chosen parks without an inspector', () => {
    expect(withoutInspector(parks, ['a', 'b'])).toEqual(['b']);
    expect(withoutInspector(parks, ['a', 'c'])).toEqual([]);
  });
});

describe('the statistics period and the ledger query', () => {
  it('defaults to the last 30 days and orders a reversed pair', () => {
    expect(statsPeriod(new URLSearchParams(''), '2020-03-01')).toEqual({ from: '2020-02-01', to: '2020-03-01' });
    expect(statsPeriod(new URLSearchParams('from=2020-02-01&to=2020-02-26'), '2020-03-01')).toEqual({ from: '2020-02-01', to: '2020-02-26' });
    expect(statsPeriod(new URLSearchParams('from=2020-02-26&to=2020-02-01'), '2020-03-01')).toEqual({ from: '2020-02-01', to: '2020-02-26' });
    expect(statsPeriod(new URLSearchParams('from=nonsense'), '2020-03-01').from).toBe('2020-02-01');
    expect(daysBetween('2020-02-01', '2020-03-01')).toBe(29);
  });
  it('asks for ledger items unless fixed-on-the-spot ones are included', () => {
    expect(ledgerQuery({ parkId: 'p', overdue: true })).toEqual({ parkId: 'p', overdue: true, ledger: true });
    expect(ledgerQuery({ all: true, status: 'closed', overdue: false })).toEqual({ status: 'closed' });
  });
});
