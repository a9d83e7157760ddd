import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@shuangsheng/contracts';
import {
  countIssuesOf,
  filingNoticeParams,
  filingNoticePath,
  filingNoticeWord,
  formatHours,
  groupUpdates,
  formNameOf,
  missingOf,
  percent,
  slaState,
  stepOf,
  tabOf,
  tabStatus,
  toFormValues,
  toPatch,
  type PlanFormValues,
} from './helpers';

const five = (date: string | null, evidence: string[]) => ({ date: date ? dayjs(date) : null, note: null, evidenceFileIds: evidence });

function complete(): PlanFormValues {
  return {
    plannedStartDate: dayjs('2020-02-10'),
    employeesTotal: 120,
    plannedOnSite: 80,
    returnedToCity: 90,
    stillOutside: 30,
    fromHighRisk: 0,
    highRiskQuarantined: null,
    masks: 2000,
    thermometers: 20,
    disinfectantLitres: 50,
    suppliesDays: 7,
    measures: ['temperatureChecks'],
    measureFileIds: [],
    fiveInPlace: {
      specialMeeting: five('2020-02-05', ['f1']),
      resumptionPlan: five('2020-02-05', ['f2']),
      fullInspection: five('2020-02-06', ['f3']),
      safetyEducation: five('2020-02-07', ['f4']),
      preShiftMeeting: five('2020-02-08', ['f5']),
    },
    contactName: '王经理',
    contactPhone: '13812345678',
  };
}

describe('what a plan still misses', () => {
  it('nothing when every field and all five in place have a date and evidence', () => {
    expect(missingOf(complete(), false)).toEqual([]);
  });

  it('names each of the five without evidence or date, and the scalars left empty', () => {
    const v = complete();
    v.fiveInPlace!.safetyEducation = five('2020-02-07', []);
    v.fiveInPlace!.preShiftMeeting = five(null, ['f5']);
    v.employeesTotal = null;
    v.contactName = '  ';
    expect(missingOf(v, false)).toEqual(['employeesTotal', 'contactName', 'fiveInPlace.safetyEducation', 'fiveInPlace.preShiftMeeting']);
  });

  it('wants the quarantine count only when someone came from a high-risk region, and a phone unless one is kept', () => {
    const v = { ...complete(), fromHighRisk: 3, contactPhone: null };
    expect(missingOf(v, false)).toEqual(['highRiskQuarantined', 'contactPhone']);
    expect(missingOf(v, true)).toEqual(['highRiskQuarantined']);
    expect(missingOf({ ...v, highRiskQuarantined: 0 }, true)).toEqual([]);
  });

  it('wants at least one measure', () => {
    expect(missingOf({ ...complete(), measures: [] }, false)).toEqual(['measures']);
  });
});

describe('counts that contradict each other', () => {
  it('on-site above the employees is named on plannedOnSite with the maximum', () => {
    expect(countIssuesOf({ ...complete(), plannedOnSite: 121 })).toEqual([{ path: 'plannedOnSite', other: 'employeesTotal', max: 120 }]);
  });

  it('returned plus still outside above the employees is named on stillOutside', () => {
    expect(countIssuesOf({ ...complete(), returnedToCity: 100, stillOutside: 30 })).toEqual([{ path: 'stillOutside', other: 'employeesTotal', max: 120, sum: true }]);
  });

  it('more in quarantine than came from high-risk regions', () => {
    expect(countIssuesOf({ ...complete(), fromHighRisk: 2, highRiskQuarantined: 3 })).toEqual([{ path: 'highRiskQuarantined', other: 'fromHighRisk', max: 2 }]);
  });

  it('no total, no check against it', () => {
    expect(countIssuesOf({ ...complete(), employeesTotal: null, plannedOnSite: 5000 })).toEqual([]);
  });
});

describe('form values and the API', () => {
  it('sends every field, an item of the five only with its date, and the phone only when typed', () => {
    const v = complete();
    v.fiveInPlace!.preShiftMeeting = five(null, ['f5']);
    v.contactPhone = '';
    v.quarantineNote = '  ';
    const body = toPatch(v, 3);
    expect(body.plannedStartDate).toBe('2020-02-10');
    expect(body.fiveInPlace?.specialMeeting).toEqual({ date: '2020-02-05', note: null, evidenceFileIds: ['f1'] });
    expect(body.fiveInPlace?.preShiftMeeting).toBeNull();
    expect(body.quarantineNote).toBeNull();
    expect('contactPhone' in body).toBe(false);
    expect(body.version).toBe(3);
  });

  it('reads a plan back into the form (the phone stays empty: it is masked)', () => {
    const fields = {
      ...toPatch(complete()),
      highRiskQuarantined: null,
      quarantineNote: null,
      measuresNote: null,
      contactPhoneMasked: '138****5678',
    } as unknown as Plan['fields'];
    const v = toFormValues({ fields: { ...fields, fiveInPlace: { ...fields.fiveInPlace, preShiftMeeting: null } } });
    expect(v.plannedStartDate?.format('YYYY-MM-DD')).toBe('2020-02-10');
    expect(v.fiveInPlace?.preShiftMeeting).toEqual({ date: null, note: null, evidenceFileIds: [] });
    expect(v.contactPhone).toBeNull();
    expect(missingOf(v, true)).toEqual(['fiveInPlace.preShiftMeeting']);
  });

  it('puts a missing item of the five on its date, or on its evidence once dated', () => {
    const v = complete();
    v.fiveInPlace!.safetyEducation = five(null, []);
    expect(formNameOf('fiveInPlace.safetyEducation', v)).toEqual(['fiveInPlace', 'safetyEducation', 'date']);
    v.fiveInPlace!.safetyEducation = five('2020-02-07', []);
    expect(formNameOf('fiveInPlace.safetyEducation', v)).toEqual(['fiveInPlace', 'safetyEducation', 'evidenceFileIds']);
    expect(formNameOf('fiveInPlace.safetyEducation.date', v)).toEqual(['fiveInPlace', 'safetyEducation', 'date']);
    expect(formNameOf('plannedOnSite', v)).toEqual(['plannedOnSite']);
  });

  it('knows the step of each path', () => {
    expect(stepOf('employeesTotal')).toBe('basic');
    expect(stepOf('suppliesDays')).toBe('supplies');
    expect(stepOf('measureFileIds')).toBe('measures');
    expect(stepOf('fiveInPlace.preShiftMeeting')).toBe('five');
    expect(stepOf('contactPhone')).toBe('contact');
  });
});

describe('the SLA and rates', () => {
  it('late below zero, soon under four hours, nothing when not waiting', () => {
    expect(slaState(null)).toBe('none');
    expect(slaState(-0.1)).toBe('late');
    expect(slaState(3.9)).toBe('soon');
    expect(slaState(4)).toBe('ok');
    expect(formatHours(-2.04)).toBe('2.0');
    expect(formatHours(5.55)).toBe('5.6');
  });

  it('rates to one decimal', () => {
    expect(percent(73 / 102)).toBe('71.6%');
    expect(percent(10 / 11)).toBe('90.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('-');
  });

  it('the queue tabs', () => {
    expect(tabOf(undefined, 'submitted')).toBe('submitted');
    expect(tabOf('approved', 'submitted')).toBe('approved');
    expect(tabOf('nonsense', 'submitted')).toBe('submitted');
    expect(tabStatus('all')).toBeUndefined();
    expect(tabStatus('returned')).toBe('returned');
  });
});

describe('notifications', () => {
  it('words, params and links of the filing kinds only', () => {
    expect(filingNoticeWord('resumption.report_missing')).toBe('reportMissing');
    expect(filingNoticeWord('demand.raised')).toBeNull();
    expect(filingNoticeParams({ number: 'FG-1' })).toEqual({ number: 'FG-1', enterpriseName: '', date: '', reason: '' });
    expect(filingNoticePath({ kind: 'resumption.approved', entityType: 'resumption_plan', entityId: 'p1' }, true)).toBe('/resumption/plans/p1');
    expect(filingNoticePath({ kind: 'resumption.suspended', entityType: 'enterprise', entityId: 'e1' }, true)).toBe('/resumption/my');
    expect(filingNoticePath({ kind: 'resumption.suspended', entityType: 'enterprise', entityId: 'e1' }, false)).toBe('/enterprises/e1');
    expect(filingNoticePath({ kind: 'resumption.report_missing', entityType: 'enterprise', entityId: 'e1' }, false)).toBe('/resumption/reports?tab=missing');
    expect(filingNoticePath({ kind: 'demand.raised', entityType: 'demand', entityId: 'd1' }, false)).toBeNull();
  });
});

describe('the timeline', () => {
  it('folds a run of draft saves by one person into one entry', () => {
    const ev = (id: string, action: string, at: number, actorName = '李娜') => ({ id, action, fromStatus: null, toStatus: 'draft' as const, actorName, comment: null, at });
    const grouped = groupUpdates([ev('5', 'submit', 50), ev('4', 'update', 40), ev('3', 'update', 30), ev('2', 'update', 20, '黄志刚'), ev('1', 'create', 10)]);
    expect(grouped.map((e) => [e.id, e.times, e.firstAt])).toEqual([
      ['5', 1, 50],
      ['4', 2, 30],
      ['2', 1, 20],
      ['1', 1, 10],
    ]);
  });
});
