// Typed hooks for the commissioner's workbench, visits, demands (诉求), protective supplies, major
// projects, the statistics and the enterprise's resumption profile (/api/resumption/…). Every
// write refreshes what is on screen (lists, the demand, the workbench counts, the bell).
import type {
  CommissionerWorkbench,
  Demand,
  DemandAction,
  DemandActionBody,
  DemandDetail,
  DemandInput,
  DemandPatch,
  EnterpriseResumptionProfile,
  ListResult,
  Project,
  ProjectActionBody,
  ProjectInput,
  ProjectPatch,
  ResumptionSettings,
  ResumptionStats,
  StockInInput,
  SupplyItem,
  SupplyItemInput,
  SupplyMovement,
  SupplyRequest,
  SupplyRequestActionBody,
  SupplyRequestInput,
  Visit,
  VisitInput,
} from '@shuangsheng/contracts';
import { api, type Query } from '../../../api/client';
import { useModuleGet, useWrite, type GetOptions, type InputOf, type OutputOf } from '../../../api/resource';

export const BASE = '/api/resumption';
const enc = encodeURIComponent;

export type WorkbenchData = OutputOf<typeof CommissionerWorkbench>;
export type WorkbenchRow = WorkbenchData['enterprises'][number];
export type DemandFull = OutputOf<typeof DemandDetail>;
export type DemandEventRow = DemandFull['events'][number];
export type Movement = OutputOf<typeof SupplyMovement>;
export type Profile = OutputOf<typeof EnterpriseResumptionProfile>;
export type Stats = ResumptionStats;
export type { Demand, Project, SupplyItem, SupplyRequest, Visit };

const useGet = <T,>(key: unknown[], path: string, query?: Query, opts?: GetOptions) => useModuleGet<T>('resumption', key, path, query, opts);


// ---- settings (read for the default demand hours)
export const useResumptionSettings = () => useGet<ResumptionSettings>(['settings'], `${BASE}/settings`);

// ---- workbench
export const useWorkbench = (commissionerId: string | undefined, enabled = true) =>
  useGet<WorkbenchData>(['workbench'], `${BASE}/workbench`, commissionerId ? { commissionerId } : {}, { enabled });

// ---- visits (走访记录)
export const useVisits = (query: Query) => useGet<ListResult<Visit>>(['visits'], `${BASE}/visits`, query);
export const useRecordVisit = () => useWrite((body: InputOf<typeof VisitInput>) => api.post<Visit>(`${BASE}/visits`, body));

// ---- demands (诉求)
export const demandUrl = (id: string) => `${BASE}/demands/${enc(id)}`;
export const useDemands = (query: Query, enabled = true) => useGet<ListResult<Demand>>(['demands'], `${BASE}/demands`, query, { enabled });
export const useDemand = (id: string | undefined) => useGet<DemandFull>(['demand', id], demandUrl(id ?? ''), undefined, { enabled: !!id, keepPrevious: false });
export const useRaiseDemand = () => useWrite((body: InputOf<typeof DemandInput>) => api.post<Demand>(`${BASE}/demands`, body));
export const usePatchDemand = () => useWrite(({ id, patch }: { id: string; patch: InputOf<typeof DemandPatch> }) => api.patch<DemandFull>(demandUrl(id), patch));
export const useDemandAction = () =>
  useWrite(({ id, action, body = {} }: { id: string; action: DemandAction; body?: InputOf<typeof DemandActionBody> }) => api.post<DemandFull>(`${demandUrl(id)}/actions/${action}`, body));

// ---- protective supplies (防护物资)
export const useSupplyItems = (enabled = true) => useGet<SupplyItem[]>(['supply-items'], `${BASE}/supplies/items`, undefined, { enabled });
export const useCreateSupplyItem = () => useWrite((body: InputOf<typeof SupplyItemInput>) => api.post<SupplyItem>(`${BASE}/supplies/items`, body));
export const useUpdateSupplyItem = () =>
  useWrite(({ id, patch }: { id: string; patch: Partial<InputOf<typeof SupplyItemInput>> }) => api.patch<SupplyItem>(`${BASE}/supplies/items/${enc(id)}`, patch));
export const useStockIn = () => useWrite(({ id, body }: { id: string; body: InputOf<typeof StockInInput> }) => api.post<SupplyItem>(`${BASE}/supplies/items/${enc(id)}/stock-in`, body));
export const useSupplyRequests = (query: Query) => useGet<ListResult<SupplyRequest>>(['supply-requests'], `${BASE}/supplies/requests`, query);
export const useRequestSupplies = () => useWrite((body: InputOf<typeof SupplyRequestInput>) => api.post<SupplyRequest>(`${BASE}/supplies/requests`, body));
export const useSupplyRequestAction = () =>
  useWrite(({ id, action, body }: { id: string; action: 'allocate' | 'refuse'; body: InputOf<typeof SupplyRequestActionBody> }) =>
    api.post<SupplyRequest>(`${BASE}/supplies/requests/${enc(id)}/actions/${action}`, body),
  );
export const useSupplyLedger = (query: Query, enabled = true) => useGet<ListResult<Movement>>(['supply-ledger'], `${BASE}/supplies/ledger`, query, { enabled });

// ---- major projects (重大项目)
export const useProjects = (query: Query) => useGet<ListResult<Project>>(['projects'], `${BASE}/projects`, query);
export const useCreateProject = () => useWrite((body: InputOf<typeof ProjectInput>) => api.post<Project>(`${BASE}/projects`, body));
export const useUpdateProject = () => useWrite(({ id, patch }: { id: string; patch: InputOf<typeof ProjectPatch> }) => api.patch<Project>(`${BASE}/projects/${enc(id)}`, patch));
export const useProjectAction = () =>
  useWrite(({ id, action, body = {} }: { id: string; action: 'restart' | 'undo_restart'; body?: InputOf<typeof ProjectActionBody> }) =>
    api.post<Project>(`${BASE}/projects/${enc(id)}/actions/${action}`, body),
  );

// ---- statistics and the profile tab
export const useResumptionStats = (asOf: string | undefined) => useGet<Stats>(['stats'], `${BASE}/stats`, asOf ? { asOf } : {});
export const useResumptionProfile = (enterpriseId: string) => useGet<Profile>(['profile', enterpriseId], `${BASE}/enterprises/${enc(enterpriseId)}/profile`, undefined, { keepPrevious: false });
