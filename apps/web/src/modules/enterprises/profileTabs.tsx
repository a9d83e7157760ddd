// The tabs of the one-enterprise profile (一企一档) are a registry that other modules extend:
// resumption adds its filings, inspections its findings, policies its payouts, and so on.
//
//   import { lazy } from 'react';
//   import { registerProfileTab } from '../enterprises/profileTabs';
//   const DailyReports = lazy(() => import('./profile/DailyReportsTab'));
//   registerProfileTab({ key: 'daily-reports', label: 'resumption.dailyReports', permission: 'resumption.read',
//     order: 40, render: (e) => <DailyReports enterprise={e} /> });
//
// Register from a small module imported by src/app/extensions.ts, and keep `render` lazy (as
// above) so the registration stays out of the page chunks. The tab's button gets the test id
// `profile-tab-<key>`; the active tab is kept in the URL (`?tab=<key>`).
import type { ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import type { Enterprise, Permission } from '@shuangsheng/contracts';

export type ProfileTab = {
  /** Unique, URL-safe: the `?tab=` value and the `profile-tab-<key>` test id. */
  key: string;
  /** i18n key of the tab's label (present in both zh-CN and en-US). */
  label: ParseKeys;
  /** Shown only to users holding this permission. */
  permission?: Permission;
  /** Shown only for enterprises this accepts (e.g. only leading enterprises). */
  when?: (enterprise: Enterprise) => boolean;
  /** Ascending; the foundation uses 10 (basic), 20 (responsible), 30 (supply chain), 90 (history). */
  order: number;
  render: (enterprise: Enterprise) => ReactNode;
};

const registry = new Map<string, ProfileTab>();

/** Adds a tab, or replaces the one with the same key. */
export function registerProfileTab(tab: ProfileTab): void {
  if (!/^[a-z0-9-]+$/.test(tab.key)) throw new Error(`profile tab key must be kebab-case: ${tab.key}`);
  registry.set(tab.key, tab);
}

export function unregisterProfileTab(key: string): void {
  registry.delete(key);
}

/** The tabs this user sees for this enterprise, in order. */
export function profileTabsFor(enterprise: Enterprise, can: (p: Permission | undefined) => boolean): ProfileTab[] {
  return [...registry.values()].filter((tab) => can(tab.permission) && (!tab.when || tab.when(enterprise))).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
