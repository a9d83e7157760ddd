// Typed hooks for the service catalogue (事项清单), the working-day calendar and stored files.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayKind, ServiceItem, ServiceItemInput, ServiceItemPatch, StoredFile } from '@shuangsheng/contracts';
import { api, upload } from '../../api/client';
import { refreshAfterWrite, resource, type InputOf } from '../../api/resource';

export const serviceItems = resource<ServiceItem, InputOf<typeof ServiceItemInput>, InputOf<typeof ServiceItemPatch>>('/api/service-items', 'service-items');
export type ServiceItemBody = InputOf<typeof ServiceItemInput>;

/** Departments named by the zone's items, for the filter and the editor's autocomplete. */
export function useDepartments() {
  return useQuery({
    queryKey: ['service-items', 'departments'],
    queryFn: ({ signal }) => api.get<string[]>('/api/service-items/departments', undefined, { signal }),
    staleTime: 60_000,
  });
}

export type CalendarDay = { date: string; kind: CalendarDayKind; name: string };
export type CalendarYear = { year: number; days: CalendarDay[]; workingDays: number };
export type DueDate = { from: string; days: number; due: string };

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => api.get<CalendarYear>('/api/calendar', { year }, { signal }),
  });
}

export function useSetCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: CalendarDay) => api.put<CalendarDay>(`/api/calendar/days/${date}`, { kind, name }),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

export function useClearCalendarDay() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (date: string) => api.del(`/api/calendar/days/${date}`), onSuccess: () => refreshAfterWrite(qc) });
}

export function useLoadNational() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: '2020') => api.post<CalendarYear>('/api/calendar/actions/load-national', { year, extendedSpringFestival: true }),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

export function useDueDate(from: string | null, days: number | null) {
  return useQuery({
    queryKey: ['calendar', 'due', from, days],
    queryFn: ({ signal }) => api.get<DueDate>('/api/calendar/due', { from, days }, { signal }),
    enabled: !!from && days !== null && days >= 0,
  });
}

/** A template file for a material (POST /api/files?purpose=service_template). */
export function uploadTemplate(file: File): Promise<StoredFile> {
  return upload<StoredFile>('/api/files', file, { query: { purpose: 'service_template' } });
}

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;
