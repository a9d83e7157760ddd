// Typed hooks for parks, buildings, grid units, users, teams and assignments (org routes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assignment, AssignmentInput, AssignmentPatch, Building, BuildingInput, BuildingPatch, GridUnit, GridUnitInput, GridUnitPatch, Park, ParkInput, ParkPatch,
  ResetPasswordResult, Team, TeamInput, TeamPatch, User, UserCreated, UserInput, UserPatch,
} from '@shuangsheng/contracts';
import { api } from '../../api/client';
import { refreshAfterWrite, resource, type InputOf, type OutputOf } from '../../api/resource';

export const parks = resource<Park, InputOf<typeof ParkInput>, InputOf<typeof ParkPatch>>('/api/parks', 'parks');
export const buildings = resource<Building, InputOf<typeof BuildingInput>, InputOf<typeof BuildingPatch>>('/api/buildings', 'buildings');
export const gridUnits = resource<GridUnit, InputOf<typeof GridUnitInput>, InputOf<typeof GridUnitPatch>>('/api/grid-units', 'grid-units');
export const users = resource<User, InputOf<typeof UserInput>, InputOf<typeof UserPatch>>('/api/users', 'users');
export const teams = resource<Team, InputOf<typeof TeamInput>, InputOf<typeof TeamPatch>>('/api/teams', 'teams');
export const assignments = resource<Assignment, InputOf<typeof AssignmentInput>, InputOf<typeof AssignmentPatch>>('/api/assignments', 'assignments');

export type GridNode = GridUnit & { children: GridNode[] };
export type UserCreatedResult = OutputOf<typeof UserCreated>;
export type ResetResult = OutputOf<typeof ResetPasswordResult>;

/** Every park, for selects (a zone has a handful). */
export function useAllParks() {
  return useQuery({
    queryKey: ['parks', 'all'],
    queryFn: ({ signal }) => api.get<{ items: Park[] }>('/api/parks', { pageSize: 200, sort: 'name:asc' }, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** Buildings of one park, for cascading selects. */
export function useParkBuildings(parkId: string | null | undefined) {
  return useQuery({
    queryKey: ['buildings', 'of-park', parkId],
    queryFn: ({ signal }) => api.get<{ items: Building[] }>('/api/buildings', { parkId, pageSize: 200, sort: 'name:asc' }, { signal }).then((r) => r.items),
    enabled: !!parkId,
    staleTime: 60_000,
  });
}

export function useGridTree() {
  return useQuery({
    queryKey: ['grid-units', 'tree'],
    queryFn: ({ signal }) => api.get<GridNode[]>('/api/grid-units/tree', undefined, { signal }),
    staleTime: 60_000,
  });
}

/** Every team, for the parent select. */
export function useAllTeams() {
  return useQuery({
    queryKey: ['teams', 'all'],
    queryFn: ({ signal }) => api.get<{ items: Team[] }>('/api/teams', { pageSize: 200, sort: 'name:asc' }, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function revealParkPhone(id: string, reason: string): Promise<string | null> {
  return api.post<{ phone: string | null }>(`/api/parks/${id}/actions/reveal-phone`, { reason }).then((r) => r.phone);
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: InputOf<typeof UserInput>) => api.post<UserCreatedResult>('/api/users', input), onSuccess: () => refreshAfterWrite(qc) });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ResetResult>(`/api/users/${id}/actions/reset-password`, {}),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post<User>(`/api/users/${id}/actions/unlock`, {}), onSuccess: () => refreshAfterWrite(qc) });
}
