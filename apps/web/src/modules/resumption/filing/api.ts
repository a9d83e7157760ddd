// Typed hooks for the resumption filing (复工申请), its review, the enterprises' derived status,
// daily reports (复工日报) and the zone's settings. Every write refreshes what is on screen.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DailyReport,
  DailyReportInput,
  EnterpriseResumption,
  EnterpriseResumptionHistory,
  ListResult,
  MissingReport,
  Plan,
  PlanAction,
  PlanActionBody,
  PlanCreateInput,
  PlanDetail,
  PlanFile,
  PlanPatch,
  ResumptionSettings,
  SiteCheck,
  SiteCheckInput,
} from '@shuangsheng/contracts';
import { api, upload, type Query } from '../../../api/client';
import { refreshAfterWrite, type InputOf, type OutputOf } from '../../../api/resource';

export const BASE = '/api/resumption';
export const PLANS = `${BASE}/plans`;
export const ENTERPRISES = `${BASE}/enterprises`;
export const REPORTS = `${BASE}/daily-reports`;
export const SETTINGS = `${BASE}/settings`;

export type PlanFileRow = OutputOf<typeof PlanFile>;
export type MissingReportRow = OutputOf<typeof MissingReport>;
export type EnterpriseHistory = EnterpriseResumptionHistory;
export type PlanCreateBody = InputOf<typeof PlanCreateInput>;
export type PlanPatchBody = InputOf<typeof PlanPatch>;
export type SiteCheckBody = InputOf<typeof SiteCheckInput>;
export type DailyReportBody = InputOf<typeof DailyReportInput>;

export const planUrl = (id: string) => `${PLANS}/${encodeURIComponent(id)}`;
export const planFileUrl = (planId: string, fileId: string) => `${planUrl(planId)}/files/${encodeURIComponent(fileId)}`;

// ---- settings
export function useSettings(enabled = true) {
  return useQuery({
    queryKey: ['resumption', 'settings'],
    queryFn: ({ signal }) => api.get<ResumptionSettings>(SETTINGS, undefined, { signal }),
    enabled,
  });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (patch: Partial<ResumptionSettings>) => api.patch<ResumptionSettings>(SETTINGS, patch), onSuccess: () => refreshAfterWrite(qc) });
}

// ---- plans
export function usePlans(query: Query, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['resumption-plans', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Plan>>(PLANS, query, { signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** Only the total of a list (tab counts): one row asked. */
export function usePlanCount(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['resumption-plans', 'count', query],
    queryFn: ({ signal }) => api.get<ListResult<Plan>>(PLANS, { ...query, page: 1, pageSize: 1 }, { signal }).then((r) => r.total),
    enabled,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: ['resumption-plans', 'one', id],
    queryFn: ({ signal }) => api.get<PlanDetail>(planUrl(id!), undefined, { signal }),
    enabled: !!id,
  });
}

/** A write on one plan: the answer replaces it in the cache, then everything refreshes. */
function usePlanWrite<V, R extends object>(fn: (v: V) => Promise<R>, opts: { refresh?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      if ('events' in r && 'id' in r) qc.setQueryData(['resumption-plans', 'one', (r as unknown as PlanDetail).id], r);
      return opts.refresh === false ? undefined : refreshAfterWrite(qc);
    },
  });
}

export function useCreatePlan() {
  return usePlanWrite((body: PlanCreateBody) => api.post<Plan>(PLANS, body));
}

/** Saves a draft; the edit page refreshes the rest itself when it leaves. */
export function usePatchPlan(id: string) {
  return usePlanWrite((patch: PlanPatchBody) => api.patch<PlanDetail>(planUrl(id), patch), { refresh: false });
}

export function useUploadPlanFile(id: string) {
  return useMutation({ mutationFn: (file: File) => upload<PlanFileRow>(`${planUrl(id)}/files`, file) });
}

export function usePlanAction(id: string) {
  return usePlanWrite(({ action, body = {} }: { action: PlanAction; body?: PlanActionBody }) => api.post<PlanDetail>(`${planUrl(id)}/actions/${action}`, body));
}

export function useRecordSiteCheck(id: string) {
  return usePlanWrite((body: SiteCheckBody) => api.post<SiteCheck>(`${planUrl(id)}/site-checks`, body));
}

// ---- enterprises' status
export function useEnterpriseStatuses(query: Query) {
  return useQuery({
    queryKey: ['resumption-enterprises', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<EnterpriseResumption>>(ENTERPRISES, query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterpriseStatusCount(query: Query) {
  return useQuery({
    queryKey: ['resumption-enterprises', 'count', query],
    queryFn: ({ signal }) => api.get<ListResult<EnterpriseResumption>>(ENTERPRISES, { ...query, page: 1, pageSize: 1 }, { signal }).then((r) => r.total),
  });
}

export function useEnterpriseHistory(id: string | null | undefined) {
  return useQuery({
    queryKey: ['resumption-enterprises', 'history', id],
    queryFn: ({ signal }) => api.get<EnterpriseHistory>(`${ENTERPRISES}/${encodeURIComponent(id!)}/history`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useEnterpriseAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'suspend' | 'resume'; body: { reason?: string; comment?: string | null; date?: string } }) =>
      api.post<EnterpriseHistory>(`${ENTERPRISES}/${encodeURIComponent(id)}/actions/${action}`, body),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

// ---- daily reports
export function useDailyReports(query: Query, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['resumption-reports', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<DailyReport>>(REPORTS, query, { signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useMissingReports(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['resumption-reports', 'missing', query],
    queryFn: ({ signal }) => api.get<MissingReportRow[]>(`${REPORTS}/missing`, query, { signal }),
    enabled,
  });
}

export function useSubmitReport() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: DailyReportBody) => api.put<DailyReport>(REPORTS, body), onSuccess: () => refreshAfterWrite(qc) });
}
