// Typed TanStack Query hooks for a REST resource of the API (list, one, create, update, delete).
// Any write refreshes the lists and records on screen: counts (buildings of a park, enterprises
// of a building) move with them.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ListResult } from '@shuangsheng/contracts';
import { api, type Query } from './client';

/** The input type of a zod schema from contracts, without importing zod. */
export type InputOf<S extends { _zod: { input: unknown } }> = S['_zod']['input'];
/** The output type of a zod schema. */
export type OutputOf<S extends { _zod: { output: unknown } }> = S['_zod']['output'];

/** After a write: refetch everything but the session. */
export function refreshAfterWrite(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
}

export function resource<T, In, Patch = Partial<In>>(base: string, key: string) {
  return {
    key,
    base,
    useList(query: Query, opts: { enabled?: boolean } = {}) {
      return useQuery({
        queryKey: [key, 'list', query],
        queryFn: ({ signal }) => api.get<ListResult<T>>(base, query, { signal }),
        placeholderData: keepPreviousData,
        enabled: opts.enabled ?? true,
      });
    },
    useOne(id: string | undefined) {
      return useQuery({
        queryKey: [key, 'one', id],
        queryFn: ({ signal }) => api.get<T>(`${base}/${id}`, undefined, { signal }),
        enabled: !!id,
      });
    },
    useCreate() {
      const qc = useQueryClient();
      return useMutation({ mutationFn: (input: In) => api.post<T>(base, input), onSuccess: () => refreshAfterWrite(qc) });
    },
    useUpdate() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ id, patch }: { id: string; patch: Patch }) => api.patch<T>(`${base}/${id}`, patch),
        onSuccess: () => refreshAfterWrite(qc),
      });
    },
    useRemove() {
      const qc = useQueryClient();
      return useMutation({ mutationFn: (id: string) => api.del(`${base}/${id}`), onSuccess: () => refreshAfterWrite(qc) });
    },
  };
}

export type GetOptions = { enabled?: boolean; keepPrevious?: boolean; staleTime?: number; refetchInterval?: number };

/**
 * A module's read of `path` (with `query`), cached under its module's key: the previous answer
 * stays on screen while a new filter loads unless `keepPrevious` is false.
 */
export function useModuleGet<T>(moduleKey: string, key: unknown[], path: string, query?: Query, opts: GetOptions = {}) {
  return useQuery({
    queryKey: [moduleKey, ...key, query ?? {}],
    queryFn: ({ signal }) => api.get<T>(path, query, { signal }),
    placeholderData: opts.keepPrevious === false ? undefined : keepPreviousData,
    enabled: opts.enabled ?? true,
    staleTime: opts.staleTime,
    refetchInterval: opts.refetchInterval,
  });
}

/** A write, then everything on screen refreshes. */
export function useWrite<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshAfterWrite(qc) });
}
