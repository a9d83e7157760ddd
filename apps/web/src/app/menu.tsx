// The side menu: one entry per module page, shown to those with its permission. Modules add
// their entries here (key = route path, used for the `menu-<key>` test id).
import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, BuildOutlined, CalendarOutlined, CheckSquareOutlined, ClusterOutlined, DashboardOutlined, FileDoneOutlined, FileSearchOutlined,
  FormOutlined, HomeOutlined, IdcardOutlined, InboxOutlined, MessageOutlined, ProfileOutlined, ProjectOutlined, QuestionCircleOutlined, RocketOutlined, SafetyOutlined, ScheduleOutlined, SafetyCertificateOutlined, ShopOutlined, SolutionOutlined, TeamOutlined, UserOutlined,
  AlertOutlined, EnvironmentOutlined, HeatMapOutlined, NodeIndexOutlined, ScanOutlined, SettingOutlined, UnorderedListOutlined,
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
      { key: 'services-workbench', path: '/services/workbench', label: 'appWorkbench', icon: <InboxOutlined />, permission: 'services.handle' },
      { key: 'services-licences', path: '/services/licences', label: 'licences', icon: <SafetyCertificateOutlined />, permission: 'services.handle' },
      { key: 'services-stats', path: '/services/stats', label: 'serviceStats', icon: <BarChartOutlined />, permission: 'services.stats' },
      { key: 'services-items', path: '/services/items', label: 'serviceItems', icon: <FileSearchOutlined />, permission: 'services.catalogue.read' },
      { key: 'services-calendar', path: '/services/calendar', label: 'serviceCalendar', icon: <CalendarOutlined />, permission: 'calendar.read' },
      { key: 'services-appointments', path: '/services/appointments', label: 'appointments', icon: <ScheduleOutlined />, permission: 'services.handle' },
      { key: 'services-consultations', path: '/services/consultations', label: 'consultations', icon: <MessageOutlined />, permission: 'services.handle' },
      { key: 'services-faq', path: '/services/faq', label: 'faq', icon: <QuestionCircleOutlined /> },
      { key: 'services-agency', path: '/services/agency', label: 'agency', icon: <ProjectOutlined />, permission: 'services.agency.read' },
      { key: 'services-employment', path: '/services/employment', label: 'employment', icon: <IdcardOutlined />, permission: 'services.employment.read' },
    ],
  },
  { key: 'users', path: '/users', label: 'users', icon: <UserOutlined />, permission: 'users.read' },
  {
    key: 'resumption',
    path: '',
    label: 'resumption',
    icon: <RocketOutlined />,
    permission: 'resumption.read',
    children: [
      { key: 'resumption-workbench', path: '/resumption/workbench', label: 'resumptionWorkbench', icon: <InboxOutlined />, permission: 'resumption.commission' },
      { key: 'resumption-plans', path: '/resumption/plans', label: 'resumptionPlans', icon: <FileDoneOutlined />, permission: 'resumption.read' },
      { key: 'resumption-enterprises', path: '/resumption/enterprises', label: 'resumptionStatus', icon: <ShopOutlined />, permission: 'resumption.read' },
      { key: 'resumption-reports', path: '/resumption/reports', label: 'resumptionReports', icon: <CalendarOutlined />, permission: 'resumption.read' },
      { key: 'resumption-demands', path: '/resumption/demands', label: 'resumptionDemands', icon: <MessageOutlined />, permission: 'resumption.read' },
      { key: 'resumption-visits', path: '/resumption/visits', label: 'resumptionVisits', icon: <SolutionOutlined />, permission: 'resumption.read' },
      { key: 'resumption-supplies', path: '/resumption/supplies', label: 'resumptionSupplies', icon: <SafetyCertificateOutlined />, permission: 'resumption.read' },
      { key: 'resumption-projects', path: '/resumption/projects', label: 'resumptionProjects', icon: <ProjectOutlined />, permission: 'resumption.read' },
      { key: 'resumption-stats', path: '/resumption/stats', label: 'resumptionStats', icon: <BarChartOutlined />, permission: 'resumption.stats' },
      { key: 'resumption-settings', path: '/resumption/settings', label: 'resumptionSettings', icon: <FormOutlined />, permission: 'zones.manage' },
    ],
  },
  {
    key: 'inspections',
    path: '',
    label: 'inspections',
    icon: <SafetyOutlined />,
    permission: 'inspections.read',
    children: [
      { key: 'inspections-tasks', path: '/inspections/tasks', label: 'inspectionTasks', icon: <CheckSquareOutlined />, permission: 'inspections.inspect' },
      { key: 'inspections-rounds', path: '/inspections/rounds', label: 'inspectionRounds', icon: <ScheduleOutlined />, permission: 'inspections.read' },
      { key: 'inspections-ledger', path: '/inspections/ledger', label: 'inspectionLedger', icon: <ProfileOutlined />, permission: 'inspections.read' },
      { key: 'inspections-parks', path: '/inspections/parks', label: 'inspectionParks', icon: <BankOutlined />, permission: 'inspections.read' },
      { key: 'inspections-templates', path: '/inspections/templates', label: 'inspectionTemplates', icon: <FileSearchOutlined />, permission: 'inspections.read' },
      { key: 'inspections-census', path: '/inspections/census', label: 'inspectionCensus', icon: <TeamOutlined />, permission: 'inspections.read' },
      { key: 'inspections-stats', path: '/inspections/stats', label: 'inspectionStats', icon: <BarChartOutlined />, permission: 'inspections.stats' },
    ],
  },
  {
    key: 'checkpoints',
    path: '',
    label: 'checkpoints',
    icon: <ScanOutlined />,
    permission: 'checkpoints.read',
    children: [
      { key: 'checkpoints-entry', path: '/checkpoints/entry', label: 'checkpointEntry', icon: <FormOutlined />, permission: 'checkpoints.register' },
      { key: 'checkpoints-duty', path: '/checkpoints/duty', label: 'checkpointDuty', icon: <AlertOutlined />, permission: 'checkpoints.duty' },
      { key: 'checkpoints-list', path: '/checkpoints', label: 'checkpointList', icon: <EnvironmentOutlined />, permission: 'checkpoints.read' },
      { key: 'checkpoints-registrations', path: '/checkpoints/registrations', label: 'checkpointRegistrations', icon: <UnorderedListOutlined />, permission: 'checkpoints.read' },
      { key: 'checkpoints-passes', path: '/checkpoints/passes', label: 'checkpointPasses', icon: <IdcardOutlined />, permission: 'checkpoints.read' },
      { key: 'checkpoints-risk', path: '/checkpoints/risk', label: 'checkpointRisk', icon: <HeatMapOutlined />, permission: 'checkpoints.read' },
      { key: 'checkpoints-trace', path: '/checkpoints/trace', label: 'checkpointTrace', icon: <NodeIndexOutlined />, permission: 'trace' },
      { key: 'checkpoints-stats', path: '/checkpoints/stats', label: 'checkpointStats', icon: <BarChartOutlined />, permission: 'checkpoints.stats' },
      { key: 'checkpoints-settings', path: '/checkpoints/settings', label: 'checkpointSettings', icon: <SettingOutlined />, permission: 'checkpoints.manage' },
    ],
  },
  { key: 'assignments', path: '/assignments', label: 'assignments', icon: <SolutionOutlined />, permission: 'assignments.read' },
  { key: 'audit', path: '/audit', label: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** An enterprise user's menu: their own profile, and the catalogue of what they can apply for. */
export function enterpriseMenu(enterpriseId: string): MenuEntry[] {
  return [
    { key: 'my-enterprise', path: `/enterprises/${enterpriseId}`, label: 'myEnterprise', icon: <HomeOutlined /> },
    {
      key: 'resumption',
      path: '',
      label: 'resumption',
      icon: <RocketOutlined />,
      children: [
        { key: 'resumption-my', path: '/resumption/my', label: 'resumptionMy', icon: <RocketOutlined />, permission: 'resumption.file' },
        { key: 'resumption-reports', path: '/resumption/reports', label: 'resumptionReports', icon: <CalendarOutlined />, permission: 'resumption.file' },
        { key: 'resumption-demands', path: '/resumption/demands', label: 'resumptionDemands', icon: <MessageOutlined />, permission: 'resumption.file' },
        { key: 'resumption-supplies', path: '/resumption/supplies', label: 'resumptionSupplies', icon: <SafetyCertificateOutlined />, permission: 'resumption.file' },
      ],
    },
    {
      key: 'services',
      path: '',
      label: 'services',
      icon: <FileSearchOutlined />,
      children: [
        { key: 'services-apply', path: '/services/apply', label: 'apply', icon: <FormOutlined />, permission: 'services.apply' },
        { key: 'services-applications', path: '/services/applications', label: 'myApplications', icon: <FileDoneOutlined />, permission: 'services.apply' },
        { key: 'services-items', path: '/services/items', label: 'serviceItems', icon: <FileSearchOutlined />, permission: 'services.catalogue.read' },
        { key: 'services-appointments', path: '/services/appointments', label: 'appointments', icon: <ScheduleOutlined />, permission: 'services.apply' },
        { key: 'services-consultations', path: '/services/consultations', label: 'consultations', icon: <MessageOutlined />, permission: 'services.apply' },
        { key: 'services-faq', path: '/services/faq', label: 'faq', icon: <QuestionCircleOutlined /> },
        { key: 'services-agency', path: '/services/agency', label: 'agency', icon: <ProjectOutlined />, permission: 'services.apply' },
        { key: 'services-employment', path: '/services/employment', label: 'employment', icon: <IdcardOutlined />, permission: 'services.apply' },
      ],
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
