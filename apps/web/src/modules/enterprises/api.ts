// Typed hooks for the enterprise registry and profile.
import { useQuery } from '@tanstack/react-query';
import type { AuditEntry, Enterprise, EnterpriseInput, EnterprisePatch, ImportResult, ListResult } from '@shuangsheng/contracts';
import { api } from '../../api/client';
import { resource } from '../../api/resource';

export const enterprises = resource<Enterprise, EnterpriseInput, EnterprisePatch>('/api/enterprises', 'enterprises');
export type { ImportResult };

export function useEnterpriseHistory(id: string) {
  return useQuery({
    queryKey: ['enterprises', 'history', id],
    queryFn: ({ signal }) => api.get<AuditEntry[]>(`/api/enterprises/${id}/history`, undefined, { signal }),
  });
}

/** Enterprises that name this one as their leading enterprise (its supply chain). */
export function useSuppliers(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['enterprises', 'suppliers', id, page],
    queryFn: ({ signal }) => api.get<ListResult<Enterprise>>('/api/enterprises', { leadingEnterpriseId: id, page, pageSize: 10, sort: 'name:asc' }, { signal }),
    enabled,
  });
}

export function revealEnterprisePhone(id: string, reason: string): Promise<string | null> {
  return api.post<{ phone: string | null }>(`/api/enterprises/${id}/actions/reveal-phone`, { reason }).then((r) => r.phone);
}

/** Tier totals for the workbench: one count query per tier. */
export function useEnterpriseCount(query: Record<string, string | boolean>, enabled = true) {
  return useQuery({
    queryKey: ['enterprises', 'count', query],
    queryFn: ({ signal }) => api.get<ListResult<Enterprise>>('/api/enterprises', { ...query, pageSize: 1 }, { signal }).then((r) => r.total),
    enabled,
    staleTime: 30_000,
  });
}
