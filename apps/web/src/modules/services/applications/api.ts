// Typed hooks for applications (办件), the officer's queues, licences and notifications. Every
// write refreshes what is on screen (lists, the application, the queue counts, the bell).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Application,
  ApplicationAction,
  ApplicationActionBody,
  ApplicationCreateInput,
  ApplicationPatch,
  ApplicationSummary,
  Licence,
  ListResult,
  Notification,
} from '@shuangsheng/contracts';
import { api, upload, type Query } from '../../../api/client';
import { refreshAfterWrite, type InputOf } from '../../../api/resource';

export const APPLICATIONS = '/api/applications';
export type CreateBody = InputOf<typeof ApplicationCreateInput>;
export type QueueCounts = { byStatus: Partial<Record<string, number>>; overdue: number; dueToday: number; dueSoon: number; mine: number; unassigned: number };
export type BulkAcceptResult = { accepted: string[]; failed: { id: string; code: string; message: string }[] };
export type Officer = { id: string; displayName: string };

export const appUrl = (id: string) => `${APPLICATIONS}/${encodeURIComponent(id)}`;
export const materialFileUrl = (appId: string, materialId: string, inline = false) =>
  `${appUrl(appId)}/materials/${encodeURIComponent(materialId)}/file${inline ? '?inline=true' : ''}`;

export function useApplications(query: Query, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['applications', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<ApplicationSummary>>(APPLICATIONS, query, { signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useQueues() {
  return useQuery({
    queryKey: ['applications', 'queues'],
    queryFn: ({ signal }) => api.get<QueueCounts>(`${APPLICATIONS}/queues`, undefined, { signal }),
    refetchInterval: 60_000,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['applications', 'one', id],
    queryFn: ({ signal }) => api.get<Application>(appUrl(id!), undefined, { signal }),
    enabled: !!id,
  });
}

/** A write on one application: the answer replaces it in the cache, then everything refreshes. */
function useAppWrite<V>(fn: (v: V) => Promise<Application>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (app) => {
      if (app && typeof app === 'object' && 'id' in app) qc.setQueryData(['applications', 'one', app.id], app);
      return refreshAfterWrite(qc);
    },
  });
}

export function useCreateApplication() {
  return useAppWrite((input: CreateBody) => api.post<Application>(APPLICATIONS, input));
}

export function usePatchApplication(id: string) {
  return useAppWrite((patch: ApplicationPatch) => api.patch<Application>(appUrl(id), patch));
}

export function useDeleteDraft() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(appUrl(id)), onSuccess: () => refreshAfterWrite(qc) });
}

export function useUploadMaterial(id: string) {
  return useAppWrite(({ key, file }: { key: string; file: File }) => upload<Application>(`${appUrl(id)}/materials/${encodeURIComponent(key)}`, file));
}

export function useRemoveMaterial(id: string) {
  return useAppWrite((materialId: string) => api.del<Application>(`${appUrl(id)}/materials/${encodeURIComponent(materialId)}`));
}

export function useAction(id: string) {
  return useAppWrite(({ action, body = {} }: { action: ApplicationAction; body?: ApplicationActionBody }) =>
    api.post<Application>(`${appUrl(id)}/actions/${action}`, body),
  );
}

export function useBulkAccept() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<BulkAcceptResult>(`${APPLICATIONS}/actions/accept`, { ids }),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

export function useAssign(id: string) {
  return useAppWrite((assigneeId: string | null) => api.put<Application>(`${appUrl(id)}/assignee`, { assigneeId }));
}

export function useOfficers(enabled = true) {
  return useQuery({
    queryKey: ['services', 'officers'],
    queryFn: ({ signal }) => api.get<Officer[]>('/api/services/officers', undefined, { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useIssueLicence(id: string) {
  return useAppWrite(() => api.post<Application>(`${appUrl(id)}/licence`));
}

// ---- licences (证照管理)
export function useLicences(query: Query) {
  return useQuery({
    queryKey: ['licences', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Licence>>('/api/licences', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRevokeLicence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<Licence>(`/api/licences/${encodeURIComponent(id)}/actions/revoke`, { reason }),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

// ---- notifications (the bell)
export const UNREAD_KEY = ['notifications', 'unread'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/notifications/unread-count', undefined, { signal }).then((r) => r.unread),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ signal }) => api.get<ListResult<Notification>>('/api/notifications', { pageSize: 20 }, { signal }),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? api.post('/api/notifications/actions/read-all') : api.post(`/api/notifications/${encodeURIComponent(id)}/actions/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
