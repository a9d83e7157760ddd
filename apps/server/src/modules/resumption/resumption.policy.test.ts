// The pure rules of the resumption module: plan and demand transitions, what a plan lacks before
// submission, counts that contradict each other, the status derived on any date, who may act.
import { describe, expect, it } from 'vitest';
import { DEMAND_ACTIONS, DEMAND_STATUSES, PLAN_ACTIONS, PLAN_STATUSES, permissionsOf, type Role } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import { countIssues, demandTargetOf, mayActFor, missingForSubmission, planTargetOf, statusHistory, statusOn, type PlanFact, type PlanValues, type SuspensionFact } from './resumption.policy.js';

const evidence = (date = '2020-02-20') => ({ date, note: null, evidenceFileIds: ['f'] });
const complete: PlanValues = {
  plannedStartDate: '2020-02-25',
  employeesTotal: 100,
  plannedOnSite: 80,
  returnedToCity: 90,
  stillOutside: 10,
  fromHighRisk: 0,
  highRiskQuarantined: null,
  masks: 1000,
  thermometers: 5,
  disinfectantLitres: 20,
  suppliesDays: 7,
  measures: ['temperatureChecks'],
  fiveInPlace: { specialMeeting: evidence(), resumptionPlan: evidence(), fullInspection: evidence(), safetyEducation: evidence(), preShiftMeeting: evidence() },
  contactName: '王',
  hasContactPhone: true,
};

describe('plan transitions', () => {
  it('draft and returned plans are submitted; only submitted ones are decided', () => {
    const table = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, PLAN_STATUSES.map((s) => planTargetOf(a, s))]));
    // Columns: draft, submitted, returned, approved, refused.
    expect(table).toEqual({
      submit: ['submitted', null, 'submitted', null, null],
      approve: [null, 'approved', null, null, null],
      return: [null, 'returned', null, null, null],
      refuse: [null, 'refused', null, null, null],
    });
  });
});

describe('demand transitions', () => {
  it('open → in progress → resolved → confirmed, or reopened', () => {
    const table = Object.fromEntries(DEMAND_ACTIONS.map((a) => [a, DEMAND_STATUSES.map((s) => demandTargetOf(a, s))]));
    // Columns: open, in_progress, resolved, confirmed.
    expect(table).toEqual({
      start: ['in_progress', null, null, null],
      resolve: ['resolved', 'resolved', null, null],
      confirm: [null, null, 'confirmed', null],
      reopen: [null, null, 'open', null],
    });
  });
});

describe('what a plan lacks before submission', () => {
  it('nothing when complete', () => {
    expect(missingForSubmission(complete)).toEqual([]);
  });

  it('names each empty field, the measures, the phone and each of the five in place without date or evidence', () => {
    const missing = missingForSubmission({
      ...complete,
      employeesTotal: null,
      contactName: '',
      measures: [],
      hasContactPhone: false,
      fiveInPlace: { specialMeeting: evidence(), resumptionPlan: null, fullInspection: { date: '2020-02-20', note: null, evidenceFileIds: [] }, safetyEducation: evidence() },
    });
    expect(missing).toEqual(['employeesTotal', 'contactName', 'measures', 'contactPhone', 'fiveInPlace.resumptionPlan', 'fiveInPlace.fullInspection', 'fiveInPlace.preShiftMeeting']);
  });

  it('asks how many are in quarantine only when someone came from a high-risk region', () => {
    expect(missingForSubmission({ ...complete, fromHighRisk: 3, highRiskQuarantined: null })).toEqual(['highRiskQuarantined']);
    expect(missingForSubmission({ ...complete, fromHighRisk: 3, highRiskQuarantined: 0 })).toEqual([]);
    expect(missingForSubmission({ ...complete, fromHighRisk: 0, highRiskQuarantined: null })).toEqual([]);
  });
});

describe('counts that contradict each other', () => {
  it('none when consistent, or when the total is not known yet', () => {
    expect(countIssues(complete)).toEqual([]);
    expect(countIssues({ ...complete, employeesTotal: null, plannedOnSite: 5000 })).toEqual([]);
  });

  it('each part above the employees, the returned and the outside together above them, quarantined above the high-risk arrivals', () => {
    expect(countIssues({ ...complete, employeesTotal: 50, plannedOnSite: 51, returnedToCity: 40, stillOutside: 20, fromHighRisk: 2, highRiskQuarantined: 3 })).toEqual([
      { path: 'plannedOnSite', key: 'v.not_above', params: { other: 'employeesTotal', max: 50 } },
      { path: 'stillOutside', key: 'v.sum_not_above', params: { fields: 'returnedToCity + stillOutside', other: 'employeesTotal', max: 50 } },
      { path: 'highRiskQuarantined', key: 'v.not_above', params: { other: 'fromHighRisk', max: 2 } },
    ]);
    // Equal is fine.
    expect(countIssues({ ...complete, employeesTotal: 80, plannedOnSite: 80, returnedToCity: 70, stillOutside: 10 })).toEqual([]);
  });
});

describe('the status derived on a date', () => {
  const submitted = (on: string): PlanFact => ({ status: 'submitted', submittedOn: on, approvedOn: null });
  const approved = (filed: string, on: string): PlanFact => ({ status: 'approved', submittedOn: filed, approvedOn: on });
  const suspension = (from: string, to: string | null = null, reason = '停工'): SuspensionFact => ({ suspendedOn: from, resumedOn: to, reason });

  it('not filed without a submitted plan (a draft does not count)', () => {
    expect(statusOn([], [], '2020-03-01')).toEqual({ status: 'not_filed', since: null });
    expect(statusOn([{ status: 'draft', submittedOn: null, approvedOn: null }], [], '2020-03-01')).toEqual({ status: 'not_filed', since: null });
    expect(statusHistory([], [])).toEqual([]);
  });

  it('filed from the first submission, resumed from the approval date, suspended inside a suspension, resumed after', () => {
    const plans = [approved('2020-02-10', '2020-02-12')];
    const suspensions = [suspension('2020-02-18', '2020-02-20', '发热'), suspension('2020-03-01')];
    expect(statusHistory(plans, suspensions)).toEqual([
      { status: 'filed', from: '2020-02-10', to: '2020-02-12', reason: null },
      { status: 'resumed', from: '2020-02-12', to: '2020-02-18', reason: null },
      { status: 'suspended', from: '2020-02-18', to: '2020-02-20', reason: '发热' },
      { status: 'resumed', from: '2020-02-20', to: '2020-03-01', reason: null },
      { status: 'suspended', from: '2020-03-01', to: null, reason: '停工' },
    ]);
    const on = (d: string) => statusOn(plans, suspensions, d);
    expect([on('2020-02-09'), on('2020-02-10'), on('2020-02-11'), on('2020-02-12'), on('2020-02-19'), on('2020-02-20'), on('2020-03-05')]).toEqual([
      { status: 'not_filed', since: null },
      { status: 'filed', since: '2020-02-10' },
      { status: 'filed', since: '2020-02-10' },
      { status: 'resumed', since: '2020-02-12' },
      { status: 'suspended', since: '2020-02-18' },
      { status: 'resumed', since: '2020-02-20' },
      { status: 'suspended', since: '2020-03-01' },
    ]);
  });

  it('filed and approved on one day is resumed that day', () => {
    expect(statusHistory([approved('2020-02-12', '2020-02-12')], [])).toEqual([{ status: 'resumed', from: '2020-02-12', to: null, reason: null }]);
  });

  it('a refused plan still counts as filed; a later approved plan resumes from its approval', () => {
    const plans: PlanFact[] = [{ status: 'refused', submittedOn: '2020-02-05', approvedOn: null }, approved('2020-02-15', '2020-02-17')];
    expect(statusHistory(plans, []).map((p) => [p.status, p.from, p.to])).toEqual([['filed', '2020-02-05', '2020-02-17'], ['resumed', '2020-02-17', null]]);
    expect(statusOn([{ status: 'refused', submittedOn: '2020-02-05', approvedOn: null }], [], '2020-03-01')).toEqual({ status: 'filed', since: '2020-02-05' });
    expect(statusOn([submitted('2020-02-05'), { status: 'returned', submittedOn: '2020-02-03', approvedOn: null }], [], '2020-02-04')).toEqual({ status: 'filed', since: '2020-02-03' });
  });

  it('a suspension lifted the day it began, or before the approval, leaves no suspended day', () => {
    const plans = [approved('2020-02-10', '2020-02-12')];
    expect(statusHistory(plans, [suspension('2020-02-15', '2020-02-15')]).map((p) => p.status)).toEqual(['filed', 'resumed']);
    expect(statusHistory(plans, [suspension('2020-02-01', '2020-02-11')]).map((p) => p.status)).toEqual(['filed', 'resumed']);
    // Still open from before the approval: suspended from the approval on.
    expect(statusHistory(plans, [suspension('2020-02-01')]).map((p) => [p.status, p.from])).toEqual([['filed', '2020-02-10'], ['suspended', '2020-02-12']]);
    // Resumed and suspended again the same day: suspended.
    expect(statusOn(plans, [suspension('2020-02-14', '2020-02-16'), suspension('2020-02-16')], '2020-02-16')).toEqual({ status: 'suspended', since: '2020-02-14' });
  });

  it('suspensions without an approved plan mean nothing', () => {
    expect(statusHistory([submitted('2020-02-10')], [suspension('2020-02-11')])).toEqual([{ status: 'filed', from: '2020-02-10', to: null, reason: null }]);
  });
});

describe('who may act for an enterprise', () => {
  const actor = (roles: Role[], over: Partial<Actor> = {}): Actor => ({ userId: 'u', username: 'u', displayName: 'u', homeZoneId: 'z', roles, permissions: permissionsOf(roles), enterpriseId: null, ...over });

  it('enterprise users for their own; commissioners when assigned; the approval team and the admin for any; jobs always', () => {
    expect(mayActFor(actor(['enterprise_user'], { enterpriseId: 'e1' }), 'e1', false)).toBe(true);
    expect(mayActFor(actor(['enterprise_user'], { enterpriseId: 'e1' }), 'e2', true)).toBe(false);
    expect(mayActFor(actor(['commissioner']), 'e1', true)).toBe(true);
    expect(mayActFor(actor(['commissioner']), 'e1', false)).toBe(false);
    expect(mayActFor(actor(['approval_officer']), 'e1', false)).toBe(true);
    expect(mayActFor(actor(['zone_admin']), 'e1', false)).toBe(true);
    expect(mayActFor(actor(['policy_officer']), 'e1', false)).toBe(false);
    expect(mayActFor(actor(['policy_officer']), 'e1', false, ['policy_officer'])).toBe(true);
    expect(mayActFor(actor(['zone_admin'], { userId: null }), 'e1', false)).toBe(true);
  });
});
