import { describe, expect, it } from 'vitest';
import { CONTROL_CLASS_MEASURES, type GridRisk } from '@shuangsheng/contracts';
import {
  countLevels,
  defaultMeasures,
  documentProblem,
  editorFloors,
  flattenTree,
  historyInOrder,
  gridPaths,
  floorColour,
  floorLabel,
  formatTemperature,
  isDefaultMeasures,
  nextStatuses,
  rangeQuery,
  riskTree,
  suggestedClass,
  suggestedStatus,
} from './helpers';

const risk = (gridUnitId: string, level: GridRisk['level']): GridRisk => ({ gridUnitId, gridUnitName: gridUnitId, level, controlClass: suggestedClass(level), measures: 'm', since: '2020-02-01' });
const row = (id: string, parentId: string | null, r: GridRisk | null = null) => ({ gridUnitId: id, parentId, risk: r });

describe('checkpoint status', () => {
  it('offers every other status and suggests the usual next step', () => {
    expect(nextStatuses('active')).toEqual(['service_point', 'closed']);
    expect(nextStatuses('closed')).toEqual(['active', 'service_point']);
    expect(suggestedStatus('active')).toBe('service_point');
    expect(suggestedStatus('service_point')).toBe('closed');
    expect(suggestedStatus('closed')).toBe('active');
  });
});

describe('status history', () => {
  it('lists events oldest first, the creation first within the same instant', () => {
    const events = [
      { id: 'b', at: 5, fromStatus: 'active', toStatus: 'closed' },
      { id: 'a', at: 5, fromStatus: null, toStatus: 'active' },
      { id: 'c', at: 9, fromStatus: 'closed', toStatus: 'active' },
    ];
    expect(historyInOrder([events[2]!, events[0]!, events[1]!]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('risk tree', () => {
  const rows = [
    row('street', null, risk('street', 'medium')),
    row('c1', 'street'),
    row('c2', 'street', risk('c2', 'high')),
    row('g1', 'c1'),
    row('g2', 'c2'),
    row('other', null),
    row('orphan', 'missing'),
  ];
  const tree = riskTree(rows);

  it('nests units under their parents; a unit whose parent is absent is a root', () => {
    expect(tree.map((n) => n.key)).toEqual(['street', 'other', 'orphan']);
    expect(tree[0]!.children!.map((n) => n.key)).toEqual(['c1', 'c2']);
    expect(tree[0]!.children![0]!.children!.map((n) => n.key)).toEqual(['g1']);
    expect(tree[1]!.children).toBeUndefined();
  });

  it('gives each unit its own level or the nearest one above, marked inherited', () => {
    const flat = Object.fromEntries(flattenTree(tree).map((n) => [n.key, n]));
    expect(flat.street!.effective?.level).toBe('medium');
    expect(flat.street!.inherited).toBe(false);
    expect(flat.c1!.effective?.level).toBe('medium');
    expect(flat.c1!.inherited).toBe(true);
    expect(flat.g1!.effective?.gridUnitId).toBe('street');
    expect(flat.c2!.effective?.level).toBe('high');
    expect(flat.c2!.inherited).toBe(false);
    expect(flat.g2!.effective?.level).toBe('high');
    expect(flat.other!.effective).toBeNull();
    expect(flat.other!.inherited).toBe(false);
  });

  it('counts units per level that applies, and those with none', () => {
    expect(countLevels(tree)).toEqual({ high: 2, medium: 3, low: 0, none: 2 });
  });

  it('survives a cycle in the data', () => {
    const cyclic = riskTree([row('a', null), row('b', 'c'), row('c', 'b')]);
    expect(flattenTree(cyclic).map((n) => n.key)).toEqual(['a']);
  });
});

describe('grid paths', () => {
  it('names each unit from the street down, leaving the zone out', () => {
    type Unit = { id: string; name: string; level: string; children: Unit[] };
    const n = (id: string, level: string, children: Unit[] = []): Unit => ({ id, name: id, level, children });
    const paths = gridPaths([n('Z', 'zone', [n('S', 'street', [n('C', 'community', [n('G', 'group')])])])]);
    expect(paths.get('G')).toEqual(['S', 'C', 'G']);
    expect(paths.get('S')).toEqual(['S']);
    expect(paths.get('Z')).toEqual(['Z']);
  });
});

describe('control classes', () => {
  it('suggests a class for a level', () => {
    expect(suggestedClass('high')).toBe('strict');
    expect(suggestedClass('medium')).toBe('checked');
    expect(suggestedClass('low')).toBe('normal');
  });
  it('fills in the standard measures in the UI language and recognises them', () => {
    expect(defaultMeasures('closed', 'zh-CN')).toBe(CONTROL_CLASS_MEASURES.closed[0]);
    expect(defaultMeasures('closed', 'en-US')).toBe(CONTROL_CLASS_MEASURES.closed[1]);
    expect(isDefaultMeasures(CONTROL_CLASS_MEASURES.strict[0])).toBe(true);
    expect(isDefaultMeasures(` ${CONTROL_CLASS_MEASURES.normal[1]} `)).toBe(true);
    expect(isDefaultMeasures('')).toBe(true);
    expect(isDefaultMeasures('只留南门，24 小时值守')).toBe(false);
  });
});

describe('passes', () => {
  it('takes the building’s floor colour, else the default order', () => {
    expect(floorColour(1, [])).toBe('red');
    expect(floorColour(3, [])).toBe('yellow');
    expect(floorColour(9, [])).toBe('red');
    expect(floorColour(3, [{ floor: 3, colour: 'blue' }])).toBe('blue');
    expect(floorColour(-1, [])).toBe('purple');
  });
  it('lists the building’s floors, coloured and added ones too', () => {
    expect(editorFloors(3, [])).toEqual([1, 2, 3]);
    expect(editorFloors(null, []).length).toBe(10);
    expect(editorFloors(2, [{ floor: -1 }, { floor: 5 }], [7, 2])).toEqual([-1, 1, 2, 5, 7]);
  });
  it('names floors', () => {
    expect(floorLabel(3, 'zh-CN')).toBe('3 层');
    expect(floorLabel(-2, 'zh-CN')).toBe('地下 2 层');
    expect(floorLabel(3, 'en-US')).toBe('Floor 3');
    expect(floorLabel(-2, 'en-US')).toBe('B2');
  });
  it('checks document numbers by kind', () => {
    expect(documentProblem('resident_id', '11010519491231002X')).toBeNull();
    expect(documentProblem('resident_id', '110105194912310021')).toBe('resident_id');
    expect(documentProblem('passport', 'E12345678')).toBeNull();
    expect(documentProblem('other', 'ab-12')).toBe('document');
    expect(documentProblem('resident_id', '')).toBeNull();
  });
});

describe('registrations', () => {
  it('shows temperatures to one decimal', () => {
    expect(formatTemperature(38.1)).toBe('38.1 °C');
    expect(formatTemperature(37)).toBe('37.0 °C');
    expect(formatTemperature(null)).toBe('-');
  });
  it('turns a date range into from/to, keeping a half-open one', () => {
    const d = (s: string) => ({ format: () => s });
    expect(rangeQuery([d('2020-02-01'), d('2020-02-14')])).toEqual({ from: '2020-02-01', to: '2020-02-14' });
    expect(rangeQuery([null, d('2020-02-14')])).toEqual({ to: '2020-02-14' });
    expect(rangeQuery(null)).toEqual({});
  });
});
