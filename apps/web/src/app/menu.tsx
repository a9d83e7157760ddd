// The side menu: one entry per module page, shown to those with its permission. Modules add
// their entries here (key = route path, used for the `menu-<key>` test id).
import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, BankOutlined, BuildOutlined, CalendarOutlined, ClusterOutlined, DashboardOutlined, FileSearchOutlined, HomeOutlined, ShopOutlined,
  SolutionOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shuangsheng/contracts';
import type { Messages } from '../i18n/zh-CN';

export type MenuEntry = {
  key: string;
  path: string;
  label: keyof Messages['menu'];
  icon: ReactNode;
  permission?: Permission;
  /** A titled group of entries (always expanded). */
  children?: MenuEntry[];
};

export const MENU: MenuEntry[] = [
  { key: 'workbench', path: '/', label: 'workbench', icon: <DashboardOutlined /> },
  { key: 'enterprises', path: '/enterprises', label: 'enterprises', icon: <ShopOutlined />, permission: 'enterprises.read' },
  {
    key: 'org',
    path: '',
    label: 'org',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    children: [
      { key: 'parks', path: '/parks', label: 'parks', icon: <BankOutlined />, permission: 'org.read' },
      { key: 'buildings', path: '/buildings', label: 'buildings', icon: <BuildOutlined />, permission: 'org.read' },
      { key: 'grid', path: '/grid', label: 'grid', icon: <ClusterOutlined />, permission: 'org.read' },
      { key: 'teams', path: '/teams', label: 'teams', icon: <TeamOutlined />, permission: 'org.read' },
    ],
  },
  {
    key: 'services',
    path: '',
    label: 'services',
    icon: <FileSearchOutlined />,
    children: [
      { key: 'services-items', path: '/services/items', label: 'serviceItems', icon: <FileSearchOutlined />, permission: 'services.catalogue.read' },
      { key: 'services-calendar', path: '/services/calendar', label: 'serviceCalendar', icon: <CalendarOutlined />, permission: 'calendar.read' },
    ],
  },
  { key: 'users', path: '/users', label: 'users', icon: <UserOutlined />, permission: 'users.read' },
  { key: 'assignments', path: '/assignments', label: 'assignments', icon: <SolutionOutlined />, permission: 'assignments.read' },
  { key: 'audit', path: '/audit', label: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** An enterprise user's menu: their own profile, and the catalogue of what they can apply for. */
export function enterpriseMenu(enterpriseId: string): MenuEntry[] {
  return [
    { key: 'my-enterprise', path: `/enterprises/${enterpriseId}`, label: 'myEnterprise', icon: <HomeOutlined /> },
    {
      key: 'services',
      path: '',
      label: 'services',
      icon: <FileSearchOutlined />,
      children: [{ key: 'services-items', path: '/services/items', label: 'serviceItems', icon: <FileSearchOutlined />, permission: 'services.catalogue.read' }],
    },
  ];
}

/** The menu key of a location (the deepest entry whose path prefixes it). */
export function selectedKey(entries: MenuEntry[], pathname: string): string | undefined {
  let best: MenuEntry | undefined;
  const walk = (list: MenuEntry[]) => {
    for (const e of list) {
      if (e.children) walk(e.children);
      else if (e.path && (pathname === e.path || (e.path !== '/' && pathname.startsWith(`${e.path}/`)))) {
        if (!best || e.path.length > best.path.length) best = e;
      }
    }
  };
  walk(entries);
  return best?.key;
}
