import { describe, expect, it } from 'vitest';
import type { ChecklistItem, FindingDraft } from '@shuangsheng/contracts';
import {
  addDays,
  draftLacks,
  inRange,
  inspectionNoticeParams,
  inspectionNoticePath,
  inspectionNoticeWord,
  issueTarget,
  itemsFor,
  missingForSubmission,
  numberResult,
  placeKindsOf,
  placeProgress,
  rangeText,
  standardText,
  taskProgress,
  taskTone,
} from './helpers';

const check = (key: string, place: ChecklistItem['place'], extra: Partial<ChecklistItem> = {}): ChecklistItem => ({ key, place, title: key, kind: 'check', photoRequired: false, severity: 'medium', ...extra });
const area: ChecklistItem = { key: 'area', place: 'enterprise', title: '人均办公面积', kind: 'number', threshold: 2.5, comparator: 'gte', unit: 'm²', min: 0, max: 100, photoRequired: false, severity: 'medium' };
const temp: ChecklistItem = { key: 'temp', place: 'entrance', title: '体温', kind: 'number', threshold: 37.3, comparator: 'lte', unit: '℃', min: 34, max: 43, photoRequired: false, severity: 'high' };
const ITEMS = [check('thermo', 'entrance', { photoRequired: true }), temp, check('marks', 'building'), area, check('signs', 'enterprise')];

const ledger = (patch: Partial<FindingDraft> = {}): FindingDraft => ({ disposition: 'ledger', description: '未设 1 米线', afterPhotoFileIds: [], responsibleParty: '物业', measure: '补设地贴', deadline: '2020-02-29', ...patch });
const fixed = (photos: string[]): FindingDraft => ({ disposition: 'fixed_on_spot', description: '已整改', afterPhotoFileIds: photos });

describe('number items', () => {
  it('pass when the value meets the threshold in the item’s direction', () => {
    expect(numberResult(area, 2.5)).toBe('pass');
    expect(numberResult(area, 2.4)).toBe('fail');
    expect(numberResult(temp, 37.3)).toBe('pass');
    expect(numberResult(temp, 37.4)).toBe('fail');
    expect(numberResult({ threshold: null, comparator: null }, 1)).toBe('pass');
  });
  it('take entries within their range only', () => {
    expect(inRange(area, 0)).toBe(true);
    expect(inRange(area, 100)).toBe(true);
    expect(inRange(area, 100.1)).toBe(false);
    expect(inRange(area, -1)).toBe(false);
    expect(inRange({ min: null, max: null }, 1e6)).toBe(true);
  });
  it('show their standard and range', () => {
    expect(standardText(area)).toBe('≥ 2.5 m²');
    expect(standardText(temp)).toBe('≤ 37.3 ℃');
    expect(rangeText(area)).toBe('0 – 100 m²');
    expect(rangeText({ min: 1, max: null, unit: null })).toBe('≥ 1');
    expect(rangeText({ min: null, max: null, unit: 'm' })).toBe('');
  });
});

describe('places', () => {
  it('ask the items of their kind, walked entrance → building → enterprise → inner', () => {
    expect(itemsFor(ITEMS, 'enterprise').map((i) => i.key)).toEqual(['area', 'signs']);
    expect(placeKindsOf(ITEMS)).toEqual(['entrance', 'building', 'enterprise']);
  });
  it('count answered, total and failed items', () => {
    const p = placeProgress({ place: 'enterprise', answers: [{ itemKey: 'area', result: 'fail', value: 1, photoFileIds: [], finding: null }] }, ITEMS);
    expect(p).toEqual({ answered: 1, total: 2, failed: 1, done: false });
    const done = placeProgress(
      {
        place: 'enterprise',
        answers: [
          { itemKey: 'area', result: 'pass', value: 3, photoFileIds: [], finding: null },
          { itemKey: 'signs', result: 'na', value: null, photoFileIds: [], finding: null },
        ],
      },
      ITEMS,
    );
    expect(done).toEqual({ answered: 2, total: 2, failed: 0, done: true });
  });
});

describe('a task’s progress', () => {
  it('expects the places walked plus one of each kind not opened yet', () => {
    expect(taskProgress([], ITEMS)).toEqual({ answered: 0, expected: 5 });
    const walked = taskProgress(
      [
        { place: 'building', answers: [{ itemKey: 'marks', result: 'pass', value: null, photoFileIds: [], finding: null }] },
        { place: 'building', answers: [] },
      ],
      ITEMS,
    );
    // two buildings (1 item each), the entrance (2) and an enterprise (2) still to come
    expect(walked).toEqual({ answered: 1, expected: 6 });
  });
});

describe('what a failed item’s disposition lacks', () => {
  it('follows the server’s rule', () => {
    expect(draftLacks(null, '2020-02-26')).toEqual(['disposition']);
    expect(draftLacks(fixed([]), '2020-02-26')).toEqual(['afterPhoto']);
    expect(draftLacks(fixed(['p1']), '2020-02-26')).toEqual([]);
    expect(draftLacks(ledger(), '2020-02-26')).toEqual([]);
    expect(draftLacks(ledger({ measure: null }), '2020-02-26')).toEqual(['ledgerFields']);
    expect(draftLacks(ledger({ deadline: '2020-02-25' }), '2020-02-26')).toEqual(['deadlineBeforeFound']);
    expect(draftLacks(ledger({ description: ' x ' }), '2020-02-26')).toEqual(['description']);
  });
});

describe('before submission', () => {
  const task = (places: Parameters<typeof missingForSubmission>[0]['places']) => ({ dueDate: '2020-02-26', places });
  it('nothing answered blocks', () => {
    expect(missingForSubmission(task([]), ITEMS).blocking).toEqual([{ kind: 'noPlaces' }]);
    expect(missingForSubmission(task([{ id: 'e', place: 'entrance', label: '入口', answers: [] }]), ITEMS).blocking).toEqual([{ kind: 'noPlaces' }]);
  });
  it('blocks on failed items without a complete disposition and on missing required photos; unanswered items only remind', () => {
    const { blocking, reminders } = missingForSubmission(
      task([
        {
          id: 'e',
          place: 'entrance',
          label: '园区入口',
          answers: [{ itemKey: 'thermo', result: 'fail', value: null, photoFileIds: [], finding: fixed([]) }],
        },
        {
          id: 'b',
          place: 'building',
          label: '1 号楼',
          answers: [{ itemKey: 'marks', result: 'fail', value: null, photoFileIds: [], finding: ledger() }],
        },
      ]),
      ITEMS,
    );
    expect(blocking).toEqual([
      { kind: 'photo', placeId: 'e', placeLabel: '园区入口', itemKey: 'thermo', itemTitle: 'thermo' },
      { kind: 'draft', placeId: 'e', placeLabel: '园区入口', itemKey: 'thermo', itemTitle: 'thermo', lacks: ['afterPhoto'] },
    ]);
    expect(reminders).toEqual([{ kind: 'unanswered', placeId: 'e', placeLabel: '园区入口', count: 1 }]);
  });
  it('a not-applicable photo item needs no photo', () => {
    const r = missingForSubmission(task([{ id: 'e', place: 'entrance', label: '入口', answers: [{ itemKey: 'thermo', result: 'na', value: null, photoFileIds: [], finding: null }, { itemKey: 'temp', result: 'pass', value: 36.5, photoFileIds: [], finding: null }] }]), ITEMS);
    expect(r).toEqual({ blocking: [], reminders: [] });
  });
  it('maps the server’s field paths back to place and item', () => {
    expect(issueTarget('answers.p1.marks.finding.deadline')).toEqual({ placeId: 'p1', itemKey: 'marks', field: 'finding.deadline' });
    expect(issueTarget('answers.p1.marks')).toEqual({ placeId: 'p1', itemKey: 'marks', field: null });
    expect(issueTarget('version')).toBeNull();
  });
});

describe('tasks and notices', () => {
  it('colours tasks: submitted green, missed red, in progress blue, pending orange', () => {
    expect(taskTone({ status: 'submitted', missed: false })).toBe('done');
    expect(taskTone({ status: 'pending', missed: true })).toBe('abnormal');
    expect(taskTone({ status: 'in_progress', missed: false })).toBe('progress');
    expect(taskTone({ status: 'pending', missed: false })).toBe('waiting');
  });
  it('adds days across months and years', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
  it('words and paths of inspection notices', () => {
    expect(inspectionNoticeWord('inspection.follow_up_due')).toBe('followUpDue');
    expect(inspectionNoticeWord('demand.assigned')).toBeNull();
    expect(inspectionNoticePath({ kind: 'inspection.task_assigned', entityType: 'inspection_task', entityId: 't1' })).toBe('/inspections/tasks/t1');
    expect(inspectionNoticePath({ kind: 'inspection.deadline_passed', entityType: 'inspection_finding', entityId: 'f1' })).toBe('/inspections/ledger/f1');
    expect(inspectionNoticePath({ kind: 'demand.assigned', entityType: 'demand', entityId: 'd' })).toBeNull();
    expect(inspectionNoticeParams({ parkName: 'A 园', count: 2, other: 'x' })).toMatchObject({ parkName: 'A 园', count: '2', number: '' });
  });
});
