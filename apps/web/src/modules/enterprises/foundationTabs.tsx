// The enterprise module's own profile tabs: basic info, responsible commissioners, supply chain,
// change history. Renderers load with the profile page, not with the app.
import { lazy } from 'react';
import { registerProfileTab } from './profileTabs';

const BasicTab = lazy(() => import('./tabs/BasicTab'));
const ResponsibleTab = lazy(() => import('./tabs/ResponsibleTab'));
const SupplyChainTab = lazy(() => import('./tabs/SupplyChainTab'));
const HistoryTab = lazy(() => import('./tabs/HistoryTab'));

registerProfileTab({ key: 'basic', label: 'profile.basic', order: 10, render: (e) => <BasicTab enterprise={e} /> });
registerProfileTab({ key: 'responsible', label: 'profile.responsible', permission: 'assignments.read', order: 20, render: (e) => <ResponsibleTab enterprise={e} /> });
registerProfileTab({ key: 'supply-chain', label: 'profile.supplyChain', order: 30, render: (e) => <SupplyChainTab enterprise={e} /> });
registerProfileTab({ key: 'history', label: 'profile.history', order: 90, render: (e) => <HistoryTab enterprise={e} /> });
