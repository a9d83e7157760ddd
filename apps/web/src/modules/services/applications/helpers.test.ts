import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  acceptOf,
  assigneeQuery,
  correctionPoints,
  editableFieldKeys,
  formatSize,
  isOpen,
  missingRequired,
  notificationParams,
  notificationPath,
  notificationWord,
  pointFor,
  previewKind,
  progressUrl,
  tabCount,
  tabOf,
  tabQuery,
  toApiForm,
  toFormState,
  toggleDraft,
  weakPoints,
  whoOf,
  type ItemField,
} from './helpers';

const fields: ItemField[] = [
  { key: 'capital', label: '注册资本', type: 'number', required: true },
  { key: 'since', label: '成立日期', type: 'date', required: false },
  { key: 'kind', label: '类型', type: 'select', required: true, options: ['A', 'B'] },
  { key: 'agree', label: '同意', type: 'checkbox', required: true },
  { key: 'note', label: '备注', type: 'text', required: false },
];
const materials = [
  { key: 'licence', name: '营业执照', required: true, fileTypes: ['pdf' as const] },
  { key: 'photo', name: '照片', required: false, fileTypes: ['jpeg' as const, 'png' as const] },
];

describe('form values', () => {
  it('round-trips dates, numbers, checkboxes and blanks', () => {
    const state = toFormState(fields, { capital: 100, since: '2020-02-03', kind: 'A', agree: true, note: 'x' });
    expect(dayjs.isDayjs(state.since)).toBe(true);
    expect(toApiForm(fields, state)).toEqual({ capital: 100, since: '2020-02-03', kind: 'A', agree: true, note: 'x' });
  });

  it('sends blanks as null, unchecked boxes as false, trims text and drops unknown keys', () => {
    expect(toApiForm(fields, { note: '  hi ', stray: 1, capital: '' })).toEqual({ capital: null, since: null, kind: null, agree: false, note: 'hi' });
  });

  it('ignores a malformed date from the server', () => {
    expect(toFormState(fields, { since: 'not a date' })).toEqual({});
  });
});

describe('missingRequired', () => {
  it('lists required materials not uploaded and required fields left empty', () => {
    expect(missingRequired({ materials, fields }, [{ key: 'photo' }], { capital: 0, kind: ' ' })).toEqual({ materials: ['licence'], fields: ['kind'] });
    expect(missingRequired({ materials, fields }, [{ key: 'licence' }], { capital: 1, kind: 'B' })).toEqual({ materials: [], fields: [] });
  });
});

describe('correction points', () => {
  it('keeps the item order and each point its own comment', () => {
    let d = toggleDraft({}, 'field', 'kind', true);
    d = toggleDraft(d, 'material', 'photo', true);
    d = toggleDraft(d, 'material', 'licence', true);
    d = { ...d, 'material:licence': ' 请加盖公章 ', 'material:photo': '模糊' };
    expect(correctionPoints({ materials, fields }, d)).toEqual([
      { target: 'material', key: 'licence', comment: '请加盖公章' },
      { target: 'material', key: 'photo', comment: '模糊' },
      { target: 'field', key: 'kind', comment: '' },
    ]);
    expect(weakPoints(correctionPoints({ materials, fields }, d))).toEqual(['field:kind']);
  });

  it('unchecking removes the point, checking twice keeps the comment', () => {
    const d = { 'material:licence': 'abc' };
    expect(toggleDraft(d, 'material', 'licence', true)).toBe(d);
    expect(toggleDraft(d, 'material', 'licence', false)).toEqual({});
  });

  it('shows points only while the application waits for the correction', () => {
    const corrections = [{ target: 'material' as const, key: 'licence', comment: '盖章' }];
    expect(pointFor({ status: 'correction', corrections }, 'material', 'licence')?.comment).toBe('盖章');
    expect(pointFor({ status: 'resubmitted', corrections }, 'material', 'licence')).toBeUndefined();
    expect(pointFor({ status: 'correction', corrections }, 'field', 'licence')).toBeUndefined();
  });

  it('lets a draft change every field and a correction only the marked ones', () => {
    expect([...editableFieldKeys({ status: 'draft', corrections: [] }, fields)]).toHaveLength(5);
    expect([...editableFieldKeys({ status: 'correction', corrections: [{ target: 'field', key: 'kind', comment: 'xx' }] }, fields)]).toEqual(['kind']);
    expect([...editableFieldKeys({ status: 'accepted', corrections: [] }, fields)]).toEqual([]);
  });
});

describe('queues', () => {
  const byStatus = { submitted: 3, accepted: 2, under_review: 1, correction: 4, resubmitted: 1, approved: 9, refused: 1, denied: 2, withdrawn: 1, draft: 7 };
  it('counts each tab as the sum of its statuses', () => {
    expect(tabCount('open', byStatus)).toBe(11);
    expect(tabCount('in_review', byStatus)).toBe(3);
    expect(tabCount('closed', byStatus)).toBe(4);
    expect(tabCount('submitted', byStatus)).toBe(3);
    expect(tabCount('in_review', {})).toBe(0);
    expect(tabCount('all', byStatus)).toBeNull();
  });
  it('maps tabs to comma-separated statuses and URLs back to tabs', () => {
    expect(tabQuery('open')).toEqual({ status: 'submitted,accepted,under_review,correction,resubmitted' });
    expect(tabQuery('in_review')).toEqual({ status: 'accepted,under_review' });
    expect(tabQuery('closed')).toEqual({ status: 'refused,denied,withdrawn' });
    expect(tabQuery('correction')).toEqual({ status: 'correction' });
    expect(tabQuery('all')).toEqual({});
    expect(tabOf({ tab: 'closed', status: 'denied' })).toBe('closed');
    expect(tabOf({ tab: 'accepted' })).toBe('in_review');
    expect(tabOf({ status: 'under_review' })).toBe('in_review');
    expect(tabOf({ status: 'withdrawn' })).toBe('closed');
    expect(tabOf({ tab: 'nonsense' })).toBe('open');
    expect(tabOf({})).toBe('open');
  });
  it('filters by the officer or by nobody', () => {
    expect(assigneeQuery('mine', 'u1')).toEqual({ assigneeId: 'u1' });
    expect(assigneeQuery('unassigned', 'u1')).toEqual({ assigneeId: 'none' });
    expect(assigneeQuery(undefined, 'u1')).toEqual({});
    expect(whoOf('unassigned')).toBe('unassigned');
    expect(whoOf('x')).toBeUndefined();
  });
  it('knows open statuses', () => {
    expect(isOpen('correction')).toBe(true);
    expect(isOpen('draft')).toBe(false);
    expect(isOpen('approved')).toBe(false);
  });
});

describe('progress link', () => {
  it('names the zone and the number for the public lookup', () => {
    expect(progressUrl('https://sz.example.cn/', 'GX', 'SV-20200203-000001')).toBe('https://sz.example.cn/h5/progress?zone=GX&number=SV-20200203-000001');
    expect(progressUrl('http://localhost:3455', 'A&B', 'SV 1')).toBe('http://localhost:3455/h5/progress?zone=A%26B&number=SV+1');
  });
});

describe('files and notifications', () => {
  it('previews images and PDF only', () => {
    expect(previewKind('png')).toBe('image');
    expect(previewKind('pdf')).toBe('pdf');
    expect(previewKind('docx')).toBeNull();
    expect(acceptOf(['pdf', 'jpeg'])).toBe('.pdf,.jpg,.jpeg');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
  it('turns a notification into a message key, params and a path', () => {
    expect(notificationWord('application.due_soon')).toBe('dueSoon');
    expect(notificationWord('application.accepted')).toBe('accepted');
    expect(notificationParams({ params: { number: 'SV-1' } })).toEqual({ number: 'SV-1', itemName: '', dueDate: '' });
    expect(notificationPath({ entityType: 'application', entityId: 'a b' })).toBe('/services/applications/a%20b');
    expect(notificationPath({ entityType: 'other', entityId: 'x' })).toBeNull();
  });
});
