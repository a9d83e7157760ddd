import { describe, expect, it } from 'vitest';
import type { Enterprise, Permission } from '@shuangsheng/contracts';
import { profileTabsFor, registerProfileTab, unregisterProfileTab } from './profileTabs';

const e = { id: 'x', outputLastYearFen: 0 } as Enterprise;
const all = () => true;

describe('profile tab registry', () => {
  it('orders tabs, filters by permission and condition, replaces by key', () => {
    registerProfileTab({ key: 't-late', label: 'profile.history', order: 90, render: () => null });
    registerProfileTab({ key: 't-early', label: 'profile.basic', order: 10, render: () => null });
    registerProfileTab({ key: 't-secret', label: 'profile.basic', order: 20, permission: 'audit.read', render: () => null });
    registerProfileTab({ key: 't-never', label: 'profile.basic', order: 30, when: () => false, render: () => null });
    expect(profileTabsFor(e, all).map((t) => t.key)).toEqual(['t-early', 't-secret', 't-late']);
    const can = (p: Permission | undefined) => p !== 'audit.read';
    expect(profileTabsFor(e, can).map((t) => t.key)).toEqual(['t-early', 't-late']);
    registerProfileTab({ key: 't-early', label: 'profile.basic', order: 100, render: () => null });
    expect(profileTabsFor(e, all).map((t) => t.key)).toEqual(['t-secret', 't-late', 't-early']);
    for (const k of ['t-late', 't-early', 't-secret', 't-never']) unregisterProfileTab(k);
    expect(profileTabsFor(e, all)).toEqual([]);
  });

  it('refuses keys that cannot be test ids', () => {
    expect(() => registerProfileTab({ key: 'Bad Key', label: 'profile.basic', order: 1, render: () => null })).toThrow();
  });
});
