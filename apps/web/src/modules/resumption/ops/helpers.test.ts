import { describe, expect, it } from 'vitest';
import { setTimeZone } from '../../../lib/format';
import {
  actionNeeds,
  demandActionsFor,
  dueAtOfDate,
  formatAveragePct,
  formatFraction,
  formatRate,
  hoursUntil,
  openByCategory,
  opsNoticeParams,
  opsNoticePath,
  opsNoticeWord,
  ratePct,
} from './helpers';
import { daysSince, workbenchView } from './workbench';

describe('demand actions', () => {
  it('gives handlers start/resolve and the enterprise confirm/reopen, by status', () => {
    const handler = { handles: true, enterprise: false };
    const enterprise = { handles: false, enterprise: true };
    const reader = { handles: false, enterprise: false };
    expect(demandActionsFor('open', handler)).toEqual(['start', 'resolve']);
    expect(demandActionsFor('in_progress', handler)).toEqual(['resolve']);
    expect(demandActionsFor('resolved', handler)).toEqual([]);
    expect(demandActionsFor('confirmed', handler)).toEqual([]);
    expect(demandActionsFor('open', enterprise)).toEqual([]);
    expect(demandActionsFor('resolved', enterprise)).toEqual(['confirm', 'reopen']);
    expect(demandActionsFor('confirmed', enterprise)).toEqual([]);
    expect(demandActionsFor('open', reader)).toEqual([]);
    expect(demandActionsFor('resolved', reader)).toEqual([]);
  });

  it('asks a resolution to resolve and a reason to reopen', () => {
    expect(actionNeeds('resolve')).toBe('resolution');
    expect(actionNeeds('reopen')).toBe('reason');
    expect(actionNeeds('start')).toBeNull();
    expect(actionNeeds('confirm')).toBeNull();
  });
});

describe('due times', () => {
  it('puts a picked due date at 23:59:59 in the zone', () => {
    setTimeZone('Asia/Shanghai');
    expect(new Date(dueAtOfDate('2020-02-24')).toISOString()).toBe('2020-02-24T15:59:59.000Z');
  });

  it('counts hours to a due time, negative when late', () => {
    const now = Date.UTC(2020, 1, 24, 0, 0);
    expect(hoursUntil(now + 90 * 60_000, now)).toBe(1.5);
    expect(hoursUntil(now - 3 * 3_600_000, now)).toBe(-3);
  });
});

describe('figures', () => {
  it('shows the Chongqing rates to one decimal with their fraction', () => {
    expect(formatRate({ value: 4 / 4 })).toBe('100.0%');
    expect(formatRate({ value: 10 / 11 })).toBe('90.9%');
    expect(formatRate({ value: 73 / 102 })).toBe('71.6%');
    expect(formatRate({ value: null })).toBe('-');
    expect(formatFraction({ numerator: 73, denominator: 102 })).toBe('73 / 102');
    expect(formatFraction({ numerator: 1234, denominator: 20000 })).toBe('1,234 / 20,000');
    expect(ratePct({ value: 0.7157 })).toBe(71.6);
    expect(ratePct({ value: null })).toBeNull();
  });

  it('reads the capacity figure as an average already in per cent', () => {
    expect(formatAveragePct({ value: 72.46 })).toBe('72.5%');
    expect(formatAveragePct({ value: null })).toBe('-');
  });

  it('lists every demand category in order, zeros included', () => {
    const rows = openByCategory([{ category: 'funding', open: 11, overdue: 2 }, { category: 'labour', open: 3, overdue: 0 }]);
    expect(rows.map((r) => r.category)).toEqual(['labour', 'supplies', 'funding', 'logistics', 'materials', 'policy', 'approval', 'other']);
    expect(rows[0]).toEqual({ category: 'labour', open: 3, overdue: 0 });
    expect(rows[2]).toEqual({ category: 'funding', open: 11, overdue: 2 });
    expect(rows[1]).toEqual({ category: 'supplies', open: 0, overdue: 0 });
  });
});

describe('bell', () => {
  it('names the message of demand and supply notices, and nothing of others', () => {
    expect(opsNoticeWord('demand.raised')).toBe('demandRaised');
    expect(opsNoticeWord('demand.escalated')).toBe('demandEscalated');
    expect(opsNoticeWord('supply.allocated')).toBe('supplyAllocated');
    expect(opsNoticeWord('application.accepted')).toBeNull();
    expect(opsNoticeWord('resumption.approved')).toBeNull();
  });

  it('leads to the demand or the supply requests', () => {
    expect(opsNoticePath({ kind: 'demand.raised', entityType: 'demand', entityId: 'd1' })).toBe('/resumption/demands/d1');
    expect(opsNoticePath({ kind: 'supply.allocated', entityType: 'supply_request', entityId: 'r1' })).toBe('/resumption/supplies?tab=requests');
    expect(opsNoticePath({ kind: 'application.accepted', entityType: 'application', entityId: 'a1' })).toBeNull();
  });

  it('fills missing params with nothing and ignores others', () => {
    expect(opsNoticeParams({ number: 'SQ-20200224-0001', extra: 'x' })).toEqual({ number: 'SQ-20200224-0001', title: '', enterpriseName: '', itemName: '', quantity: '', unit: '' });
  });
});

describe('workbench views', () => {
  const row = (name: string, o: Partial<Parameters<typeof workbenchView>[0][number]> = {}) => ({
    enterpriseName: name,
    planStatus: null,
    hoursLeft: null,
    reportMissingToday: false,
    openDemands: 0,
    overdueDemands: 0,
    lastVisitOn: '2020-02-20',
    ...o,
  });
  const rows = [
    row('A'),
    row('B', { planStatus: 'submitted', hoursLeft: 10 }),
    row('C', { planStatus: 'submitted', hoursLeft: 2 }),
    row('D', { reportMissingToday: true }),
    row('E', { openDemands: 2, overdueDemands: 1 }),
    row('F', { lastVisitOn: null }),
  ];

  it('puts the most urgent first: plans by hours left, missing reports, overdue demands', () => {
    expect(workbenchView(rows, 'all').map((r) => r.enterpriseName)).toEqual(['C', 'B', 'D', 'E', 'F', 'A']);
  });

  it('filters each view', () => {
    expect(workbenchView(rows, 'plans').map((r) => r.enterpriseName)).toEqual(['C', 'B']);
    expect(workbenchView(rows, 'reports').map((r) => r.enterpriseName)).toEqual(['D']);
    expect(workbenchView(rows, 'demands').map((r) => r.enterpriseName)).toEqual(['E']);
    expect(workbenchView(rows, 'overdue').map((r) => r.enterpriseName)).toEqual(['E']);
    expect(workbenchView(rows, 'unvisited').map((r) => r.enterpriseName)).toEqual(['F']);
  });

  it('counts days since a visit', () => {
    expect(daysSince('2020-02-20', '2020-02-24')).toBe(4);
    expect(daysSince('2020-02-24', '2020-02-24')).toBe(0);
    expect(daysSince('2020-02-28', '2020-03-01')).toBe(2);
  });
});
