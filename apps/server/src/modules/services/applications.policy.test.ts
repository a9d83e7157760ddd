// The application rules alone: the transition table against a matrix written out here, whose side
// each action is, and the form check with its types and required values.
import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, ROLE_PERMISSIONS, type ApplicationAction, type ApplicationStatus, type ItemSnapshot, type Role } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import { availableActions, canSee, checkForm, mayTakeSide, transition } from './applications.policy.js';

// Rows: actions; columns: the state each leaves → the state it enters ('' = not allowed).
const S = APPLICATION_STATUSES;
const MATRIX: Record<ApplicationAction, string> = {
  //                  draft      submitted  accepted      refused under_review  correction   resubmitted   approved denied withdrawn
  submit:             'submitted |          |             |       |             |            |             |        |      |',
  accept:             '          | accepted |             |       |             |            |             |        |      |',
  refuse:             '          | refused  |             |       |             |            |             |        |      |',
  review:             '          |          | under_review|       |             |            | under_review|        |      |',
  request_correction: '          |          | correction  |       | correction  |            | correction  |        |      |',
  resubmit:           '          |          |             |       |             | resubmitted|             |        |      |',
  approve:            '          |          | approved    |       | approved    |            | approved    |        |      |',
  deny:               '          |          | denied      |       | denied      |            | denied      |        |      |',
  withdraw:           '          | withdrawn| withdrawn   |       | withdrawn   | withdrawn  | withdrawn   |        |      |',
};
const expected = (action: ApplicationAction, status: ApplicationStatus) => MATRIX[action].split('|')[S.indexOf(status)]!.trim() || null;

describe('transition', () => {
  const cases = APPLICATION_ACTIONS.flatMap((a) => S.map((s) => [a, s, expected(a, s)] as const));
  it('covers 9 actions × 10 states', () => expect(cases).toHaveLength(90));
  it.each(cases)('%s in %s → %s', (action, status, to) => {
    expect(transition(action, status)).toBe(to);
  });
  it('never leaves a final state', () => {
    for (const status of ['refused', 'approved', 'denied', 'withdrawn'] as const) for (const action of APPLICATION_ACTIONS) expect(transition(action, status)).toBeNull();
  });
});

const actor = (roles: Role[], o: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  username: 'u',
  displayName: 'U',
  homeZoneId: 'z',
  roles,
  permissions: new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r])),
  enterpriseId: null,
  ...o,
});

describe('sides', () => {
  const applicant = actor(['enterprise_user'], { enterpriseId: 'e1' });
  const officer = actor(['approval_officer'], { userId: 'o1' });
  const online = { enterpriseId: 'e1', createdBy: 'u1', channel: 'online' };
  const counter = { enterpriseId: 'e1', createdBy: 'o1', channel: 'counter' };

  it('applicants act for their enterprise only, officers take the officer side and walk-ins', () => {
    expect(mayTakeSide(applicant, online, 'applicant')).toBe(true);
    expect(mayTakeSide(applicant, { ...online, enterpriseId: 'e2' }, 'applicant')).toBe(false);
    expect(mayTakeSide(applicant, online, 'officer')).toBe(false);
    expect(mayTakeSide(officer, online, 'officer')).toBe(true);
    expect(mayTakeSide(officer, online, 'applicant')).toBe(false);
    expect(mayTakeSide(officer, counter, 'applicant')).toBe(true);
    expect(mayTakeSide(officer, { ...counter, channel: 'mail' }, 'applicant')).toBe(true);
  });

  it('who sees what, and what each may do now', () => {
    expect(canSee(applicant, online)).toBe(true);
    expect(canSee(applicant, { ...online, enterpriseId: 'e2' })).toBe(false);
    expect(canSee(actor(['leader'], { userId: 'l1' }), online)).toBe(false);
    expect(canSee(officer, { ...online, enterpriseId: 'e2' })).toBe(true);
    expect(availableActions(applicant, { ...online, status: 'correction' }).sort()).toEqual(['resubmit', 'withdraw']);
    expect(availableActions(officer, { ...online, status: 'correction' })).toEqual([]);
    expect(availableActions(officer, { ...online, status: 'resubmitted' }).sort()).toEqual(['approve', 'deny', 'request_correction', 'review']);
    expect(availableActions(officer, { ...counter, status: 'resubmitted' }).sort()).toEqual(['approve', 'deny', 'request_correction', 'review', 'withdraw']);
  });
});

describe('checkForm', () => {
  const fields: ItemSnapshot['fields'] = [
    { key: 'name', label: '名称', type: 'text', required: true },
    { key: 'capital', label: '注册资本', type: 'number', required: true },
    { key: 'founded', label: '成立日期', type: 'date', required: false },
    { key: 'kind', label: '类型', type: 'select', required: true, options: ['有限公司', '合伙企业'] },
    { key: 'agree', label: '承诺', type: 'checkbox', required: true },
  ];

  it('accepts values of the right types', () => {
    expect(checkForm(fields, { name: '双胜', capital: 100, founded: '2020-02-24', kind: '有限公司', agree: true }, true)).toEqual({ issues: [], missing: [] });
  });

  it('names unknown keys and wrong types by path, with the options of a select', () => {
    const { issues } = checkForm(fields, { name: 1, capital: '100', founded: '2020-02-30x', kind: '个体', agree: 'yes', colour: 'red' }, false);
    expect(issues).toEqual([
      { path: 'form.name', key: 'v.form_text' },
      { path: 'form.capital', key: 'v.form_number' },
      { path: 'form.founded', key: 'v.form_date' },
      { path: 'form.kind', key: 'v.form_option', params: { values: '有限公司、合伙企业' } },
      { path: 'form.agree', key: 'v.form_checkbox' },
      { path: 'form.colour', key: 'v.form_field_unknown' },
    ]);
    expect(checkForm(fields, { capital: Number.NaN }, false).issues).toEqual([{ path: 'form.capital', key: 'v.form_number' }]);
  });

  it('lists missing required values only when complete; an unchecked required box is missing', () => {
    expect(checkForm(fields, {}, false)).toEqual({ issues: [], missing: [] });
    expect(checkForm(fields, { name: '', capital: null, agree: false }, true)).toEqual({ issues: [], missing: ['名称', '注册资本', '类型', '承诺'] });
    expect(checkForm(fields, { name: '双胜', capital: 0, kind: '合伙企业', agree: true }, true).missing).toEqual([]);
  });
});
