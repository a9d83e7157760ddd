// The enterprise profile's 复工复产 tab (order 40). It has no single permission: staff read it with
// resumption.read and enterprise users their own with resumption.file (the registry takes one
// permission; every role that opens a profile holds one of the two, and the tab checks them).
import { lazy } from 'react';
import { registerProfileTab } from '../../enterprises/profileTabs';

const ResumptionTab = lazy(() => import('./ResumptionProfileTab'));

registerProfileTab({ key: 'resumption', label: 'resumptionOps.profile.tab', order: 40, render: (e) => <ResumptionTab enterprise={e} /> });
