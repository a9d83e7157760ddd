// Routes. Each module's pages load lazily; the sign-in page and the layout are in the main chunk.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { Permission } from '@shuangsheng/contracts';
import { createBrowserRouter, Navigate } from 'react-router';
import { configureApi } from '../api/client';
import { NoPermission, PageSkeleton } from '../components/PageStates';
import { AppLayout } from './AppLayout';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { queryClient } from './query-client';
import { isEnterpriseOnly, ME_KEY, useCan, useSession } from './session';

const WorkbenchPage = lazy(() => import('../modules/workbench/WorkbenchPage'));
const MyTasksPage = lazy(() => import('../modules/inspections/field/MyTasksPage'));
const TaskPage = lazy(() => import('../modules/inspections/field/TaskPage'));
const TemplatesPage = lazy(() => import('../modules/inspections/admin/TemplatesPage'));
const TemplatePage = lazy(() => import('../modules/inspections/admin/TemplatePage'));
const TemplateImportPage = lazy(() => import('../modules/inspections/admin/TemplateImportPage'));
const InspectionParksPage = lazy(() => import('../modules/inspections/admin/InspectionParksPage'));
const RoundsPage = lazy(() => import('../modules/inspections/admin/RoundsPage'));
const RoundPage = lazy(() => import('../modules/inspections/admin/RoundPage'));
const LedgerPage = lazy(() => import('../modules/inspections/admin/LedgerPage'));
const FindingPage = lazy(() => import('../modules/inspections/admin/FindingPage'));
const LedgerPrintPage = lazy(() => import('../modules/inspections/admin/LedgerPrintPage'));
const CensusPage = lazy(() => import('../modules/inspections/admin/CensusPage'));
const InspectionStatsPage = lazy(() => import('../modules/inspections/admin/InspectionStatsPage'));
const CheckpointsPage = lazy(() => import('../modules/checkpoints/admin/CheckpointsPage'));
const CheckpointPage = lazy(() => import('../modules/checkpoints/admin/CheckpointPage'));
const CheckpointRiskPage = lazy(() => import('../modules/checkpoints/admin/RiskPage'));
const PassesPage = lazy(() => import('../modules/checkpoints/admin/PassesPage'));
const RegistrationsPage = lazy(() => import('../modules/checkpoints/admin/RegistrationsPage'));
const CheckpointSettingsPage = lazy(() => import('../modules/checkpoints/admin/SettingsPage'));
const EntryPage = lazy(() => import('../modules/checkpoints/duty/EntryPage'));
const DutyPage = lazy(() => import('../modules/checkpoints/duty/DutyPage'));
const CasePage = lazy(() => import('../modules/checkpoints/duty/CasePage'));
const TracePage = lazy(() => import('../modules/checkpoints/duty/TracePage'));
const CheckpointStatsPage = lazy(() => import('../modules/checkpoints/duty/CheckpointStatsPage'));
const MyResumptionPage = lazy(() => import('../modules/resumption/filing/MyResumptionPage'));
const PlansPage = lazy(() => import('../modules/resumption/filing/PlansPage'));
const PlanPage = lazy(() => import('../modules/resumption/filing/PlanPage'));
const PlanEditPage = lazy(() => import('../modules/resumption/filing/PlanEditPage'));
const EnterpriseStatusPage = lazy(() => import('../modules/resumption/filing/EnterpriseStatusPage'));
const DailyReportsPage = lazy(() => import('../modules/resumption/filing/DailyReportsPage'));
const ResumptionSettingsPage = lazy(() => import('../modules/resumption/filing/ResumptionSettingsPage'));
const CommissionerWorkbenchPage = lazy(() => import('../modules/resumption/ops/CommissionerWorkbenchPage'));
const VisitsPage = lazy(() => import('../modules/resumption/ops/VisitsPage'));
const DemandsPage = lazy(() => import('../modules/resumption/ops/DemandsPage'));
const DemandPage = lazy(() => import('../modules/resumption/ops/DemandPage'));
const SuppliesPage = lazy(() => import('../modules/resumption/ops/SuppliesPage'));
const ProjectsPage = lazy(() => import('../modules/resumption/ops/ProjectsPage'));
const ResumptionStatsPage = lazy(() => import('../modules/resumption/ops/ResumptionStatsPage'));
const EnterprisesPage = lazy(() => import('../modules/enterprises/pages/EnterprisesPage'));
const EnterpriseImportPage = lazy(() => import('../modules/enterprises/pages/EnterpriseImportPage'));
const EnterpriseProfilePage = lazy(() => import('../modules/enterprises/pages/EnterpriseProfilePage'));
const ParksPage = lazy(() => import('../modules/org/pages/ParksPage'));
const BuildingsPage = lazy(() => import('../modules/org/pages/BuildingsPage'));
const GridPage = lazy(() => import('../modules/org/pages/GridPage'));
const UsersPage = lazy(() => import('../modules/org/pages/UsersPage'));
const TeamsPage = lazy(() => import('../modules/org/pages/TeamsPage'));
const AssignmentsPage = lazy(() => import('../modules/org/pages/AssignmentsPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const ServiceItemsPage = lazy(() => import('../modules/services/pages/ServiceItemsPage'));
const ServiceItemPage = lazy(() => import('../modules/services/pages/ServiceItemPage'));
const ServiceItemEditPage = lazy(() => import('../modules/services/pages/ServiceItemEditPage'));
const ServiceImportPage = lazy(() => import('../modules/services/pages/ServiceImportPage'));
const CalendarPage = lazy(() => import('../modules/services/pages/CalendarPage'));
const AppointmentsPage = lazy(() => import('../modules/services/extras/pages/AppointmentsPage'));
const ConsultationsPage = lazy(() => import('../modules/services/extras/pages/ConsultationsPage'));
const FaqPage = lazy(() => import('../modules/services/extras/pages/FaqPage'));
const AgencyCasesPage = lazy(() => import('../modules/services/extras/pages/AgencyCasesPage'));
const AgencyCasePage = lazy(() => import('../modules/services/extras/pages/AgencyCasePage'));
const EmploymentPage = lazy(() => import('../modules/services/extras/pages/EmploymentPage'));
const EmploymentImportPage = lazy(() => import('../modules/services/extras/pages/EmploymentImportPage'));
const ApplyPage = lazy(() => import('../modules/services/applications/pages/ApplyPage'));
const ApplyStartPage = lazy(() => import('../modules/services/applications/pages/ApplyStartPage'));
const MyApplicationsPage = lazy(() => import('../modules/services/applications/pages/MyApplicationsPage'));
const ApplicationPage = lazy(() => import('../modules/services/applications/pages/ApplicationPage'));
const ApplicationsWorkbenchPage = lazy(() => import('../modules/services/applications/pages/WorkbenchPage'));
const LicencesPage = lazy(() => import('../modules/services/applications/pages/LicencesPage'));
const StatsPage = lazy(() => import('../modules/services/stats/StatsPage'));
const orgImport = (name: 'ParksImportPage' | 'BuildingsImportPage' | 'GridImportPage' | 'UsersImportPage' | 'AssignmentsImportPage') =>
  lazy(() => import('../modules/org/pages/OrgImportPage').then((m) => ({ default: m[name] })));
const ParksImportPage = orgImport('ParksImportPage');
const BuildingsImportPage = orgImport('BuildingsImportPage');
const GridImportPage = orgImport('GridImportPage');
const UsersImportPage = orgImport('UsersImportPage');
const AssignmentsImportPage = orgImport('AssignmentsImportPage');

/** A lazily loaded page behind the permission it needs (any of them, for a list). */
function page(Page: ComponentType, permission?: Permission | readonly Permission[]): ReactNode {
  return (
    <Guard permission={permission}>
      <Suspense fallback={<PageSkeleton />}>
        <Page />
      </Suspense>
    </Guard>
  );
}

function Guard({ permission, children }: { permission?: Permission | readonly Permission[] | undefined; children: ReactNode }) {
  const can = useCan();
  const allowed = Array.isArray(permission) ? permission.some((p: Permission) => can(p)) : can(permission as Permission | undefined);
  return allowed ? children : <NoPermission />;
}

/** Home: the workbench for staff, their own profile for an enterprise user. */
function Home() {
  const me = useSession();
  if (isEnterpriseOnly(me)) return <Navigate to={`/enterprises/${me.enterpriseId}`} replace />;
  return page(WorkbenchPage);
}

/** The registry; an enterprise user goes to their own profile instead. */
function Registry() {
  const me = useSession();
  if (isEnterpriseOnly(me)) return <Navigate to={`/enterprises/${me.enterpriseId}`} replace />;
  return page(EnterprisesPage, 'enterprises.read');
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'enterprises', element: <Registry /> },
      { path: 'enterprises/import', element: page(EnterpriseImportPage, 'enterprises.import') },
      { path: 'enterprises/:id', element: page(EnterpriseProfilePage, 'enterprises.read') },
      { path: 'parks', element: page(ParksPage, 'org.read') },
      { path: 'parks/import', element: page(ParksImportPage, 'org.write') },
      { path: 'buildings', element: page(BuildingsPage, 'org.read') },
      { path: 'buildings/import', element: page(BuildingsImportPage, 'org.write') },
      { path: 'grid', element: page(GridPage, 'org.read') },
      { path: 'grid/import', element: page(GridImportPage, 'org.write') },
      { path: 'users', element: page(UsersPage, 'users.read') },
      { path: 'users/import', element: page(UsersImportPage, 'users.manage') },
      { path: 'teams', element: page(TeamsPage, 'org.read') },
      { path: 'assignments', element: page(AssignmentsPage, 'assignments.read') },
      { path: 'assignments/import', element: page(AssignmentsImportPage, 'assignments.write') },
      { path: 'audit', element: page(AuditPage, 'audit.read') },
      { path: 'services/items', element: page(ServiceItemsPage, 'services.catalogue.read') },
      { path: 'services/items/new', element: page(ServiceItemEditPage, 'services.catalogue.write') },
      { path: 'services/items/import', element: page(ServiceImportPage, 'services.catalogue.write') },
      { path: 'services/items/:id', element: page(ServiceItemPage, 'services.catalogue.read') },
      { path: 'services/items/:id/edit', element: page(ServiceItemEditPage, 'services.catalogue.write') },
      { path: 'services/calendar', element: page(CalendarPage, 'calendar.read') },
      { path: 'services/appointments', element: page(AppointmentsPage, ['services.apply', 'services.handle']) },
      { path: 'services/appointments/bookings', element: page(AppointmentsPage, ['services.apply', 'services.handle']) },
      { path: 'services/consultations', element: page(ConsultationsPage, ['services.apply', 'services.handle']) },
      { path: 'services/faq', element: page(FaqPage) },
      { path: 'services/agency', element: page(AgencyCasesPage, ['services.agency.read', 'services.apply']) },
      { path: 'services/agency/:id', element: page(AgencyCasePage, ['services.agency.read', 'services.apply']) },
      { path: 'services/employment', element: page(EmploymentPage, ['services.employment.read', 'services.apply']) },
      { path: 'services/employment/import', element: page(EmploymentImportPage, 'services.apply') },
      { path: 'services/apply', element: page(ApplyPage, 'services.apply') },
      { path: 'services/apply/:itemId', element: page(ApplyStartPage, 'services.apply') },
      { path: 'services/applications', element: page(MyApplicationsPage, ['services.apply', 'services.handle']) },
      { path: 'services/applications/:id', element: page(ApplicationPage, ['services.apply', 'services.handle']) },
      { path: 'services/workbench', element: page(ApplicationsWorkbenchPage, 'services.handle') },
      { path: 'services/licences', element: page(LicencesPage, 'services.handle') },
      { path: 'services/stats', element: page(StatsPage, 'services.stats') },
      { path: 'resumption/my', element: page(MyResumptionPage, 'resumption.file') },
      { path: 'resumption/plans', element: page(PlansPage, ['resumption.read', 'resumption.file']) },
      { path: 'resumption/plans/:id', element: page(PlanPage, ['resumption.read', 'resumption.file']) },
      { path: 'resumption/plans/:id/edit', element: page(PlanEditPage, ['resumption.file', 'resumption.review']) },
      { path: 'resumption/enterprises', element: page(EnterpriseStatusPage, 'resumption.read') },
      { path: 'resumption/reports', element: page(DailyReportsPage, ['resumption.read', 'resumption.file']) },
      { path: 'resumption/settings', element: page(ResumptionSettingsPage, 'zones.manage') },
      { path: 'resumption/workbench', element: page(CommissionerWorkbenchPage, 'resumption.read') },
      { path: 'resumption/visits', element: page(VisitsPage, 'resumption.read') },
      { path: 'resumption/demands', element: page(DemandsPage, ['resumption.read', 'resumption.file']) },
      { path: 'resumption/demands/:id', element: page(DemandPage, ['resumption.read', 'resumption.file']) },
      { path: 'resumption/supplies', element: page(SuppliesPage, ['resumption.read', 'resumption.file']) },
      { path: 'resumption/projects', element: page(ProjectsPage, 'resumption.read') },
      { path: 'resumption/stats', element: page(ResumptionStatsPage, 'resumption.stats') },
      { path: 'inspections/tasks', element: page(MyTasksPage, 'inspections.read') },
      { path: 'inspections/tasks/:id', element: page(TaskPage, 'inspections.read') },
      { path: 'inspections/templates', element: page(TemplatesPage, 'inspections.read') },
      { path: 'inspections/templates/:id/import', element: page(TemplateImportPage, 'inspections.manage') },
      { path: 'inspections/templates/:id', element: page(TemplatePage, 'inspections.read') },
      { path: 'inspections/parks', element: page(InspectionParksPage, 'inspections.read') },
      { path: 'inspections/rounds', element: page(RoundsPage, 'inspections.read') },
      { path: 'inspections/rounds/:id', element: page(RoundPage, 'inspections.read') },
      { path: 'inspections/ledger', element: page(LedgerPage, 'inspections.read') },
      { path: 'inspections/ledger/print', element: page(LedgerPrintPage, 'inspections.read') },
      { path: 'inspections/ledger/:id', element: page(FindingPage, 'inspections.read') },
      { path: 'inspections/census', element: page(CensusPage, 'inspections.read') },
      { path: 'inspections/stats', element: page(InspectionStatsPage, 'inspections.stats') },
      { path: 'checkpoints', element: page(CheckpointsPage, 'checkpoints.read') },
      { path: 'checkpoints/risk', element: page(CheckpointRiskPage, 'checkpoints.read') },
      { path: 'checkpoints/passes', element: page(PassesPage, 'checkpoints.read') },
      { path: 'checkpoints/registrations', element: page(RegistrationsPage, 'checkpoints.read') },
      { path: 'checkpoints/settings', element: page(CheckpointSettingsPage, 'checkpoints.manage') },
      { path: 'checkpoints/entry', element: page(EntryPage, 'checkpoints.register') },
      { path: 'checkpoints/duty', element: page(DutyPage, 'checkpoints.duty') },
      { path: 'checkpoints/cases/:id', element: page(CasePage, 'checkpoints.duty') },
      { path: 'checkpoints/trace', element: page(TracePage, 'trace') },
      { path: 'checkpoints/stats', element: page(CheckpointStatsPage, 'checkpoints.stats') },
      { path: 'checkpoints/:id', element: page(CheckpointPage, 'checkpoints.read') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** Where the user was, to come back after signing in. */
export function returnPath(): string {
  const { pathname, search } = window.location;
  return pathname + search;
}

configureApi({
  onUnauthorized: () => {
    if (window.location.pathname === '/login') return;
    const next = returnPath();
    queryClient.setQueryData(ME_KEY, undefined);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    void router.navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
  },
});
