// Typed hooks for the inspector's phone pages (/api/inspections/…): my tasks, one task with its
// checklist version, places, answers and photos, the answers saved one by one as they are given,
// submission, the follow-up visit, and the ledger item a follow-up visits (with its history).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Building, ChecklistAnswerInput, Enterprise, FindingDetail, FollowUpInput, ListResult, PlaceInput, Task, TaskDetail, TaskPatch, TaskPhoto } from '@shuangsheng/contracts';
import { api, ApiError, upload, type Query } from '../../../api/client';
import { refreshAfterWrite, type InputOf, type OutputOf } from '../../../api/resource';

export const BASE = '/api/inspections';
const enc = encodeURIComponent;

export type TaskFull = OutputOf<typeof TaskDetail>;
export type PlaceRow = TaskFull['places'][number];
export type AnswerRow = PlaceRow['answers'][number];
export type Photo = OutputOf<typeof TaskPhoto>;
export type FindingRow = TaskFull['findings'][number];
export type FindingFull = OutputOf<typeof FindingDetail>;
export type AnswerInput = InputOf<typeof ChecklistAnswerInput>;
export type { Task };

export const taskKey = (id: string) => ['inspections', 'task', id] as const;
export const taskUrl = (id: string) => `${BASE}/tasks/${enc(id)}`;
/** A photo of a task (the image itself, resized by the server). */
export const taskPhotoUrl = (taskId: string, fileId: string) => `${taskUrl(taskId)}/photos/${enc(fileId)}`;
/** A photo of a finding (before, after, or of a follow-up visit). */
export const findingPhotoUrl = (findingId: string, fileId: string) => `${BASE}/findings/${enc(findingId)}/photos/${enc(fileId)}`;

// ---- my tasks
export function useTasks(query: Query, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['inspections', 'tasks', query],
    queryFn: ({ signal }) => api.get<ListResult<Task>>(`${BASE}/tasks`, query, { signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

// ---- one task
export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKey(id ?? ''),
    queryFn: ({ signal }) => api.get<TaskFull>(taskUrl(id ?? ''), undefined, { signal }),
    enabled: !!id,
  });
}

/** Buildings and enterprises of the task's park, to pick the places walked. */
export function useParkBuildings(parkId: string | undefined) {
  return useQuery({
    queryKey: ['inspections', 'park-buildings', parkId],
    queryFn: ({ signal }) => api.get<ListResult<Building>>('/api/buildings', { parkId, pageSize: 200, sort: 'name:asc' }, { signal }).then((r) => r.items),
    enabled: !!parkId,
    staleTime: 5 * 60_000,
  });
}
export function useParkEnterprises(parkId: string | undefined) {
  return useQuery({
    queryKey: ['inspections', 'park-enterprises', parkId],
    queryFn: ({ signal }) => api.get<ListResult<Enterprise>>('/api/enterprises', { parkId, pageSize: 200, sort: 'name:asc' }, { signal }).then((r) => r.items),
    enabled: !!parkId,
    staleTime: 5 * 60_000,
  });
}

/** Adds a place walked (the same place twice returns the one there is); the task refreshes. */
export function useAddPlace(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InputOf<typeof PlaceInput>) => api.post<PlaceRow>(`${taskUrl(taskId)}/places`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKey(taskId) }),
  });
}

/**
 * Saves one answer at once. The saved answer goes straight into the task on screen (no reload of
 * the whole task per tap); the counts on the task list follow on the next visit.
 */
export function useSaveAnswer(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput) => api.put<AnswerRow>(`${taskUrl(taskId)}/answers`, body),
    onSuccess: (saved) => {
      qc.setQueryData<TaskFull>(taskKey(taskId), (old) => (old ? withAnswer(old, saved) : old));
      void qc.invalidateQueries({ queryKey: ['inspections', 'tasks'] });
    },
    // Submitted meanwhile (another device, the admin): show the task as it is now, locked.
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: taskKey(taskId) });
    },
  });
}

/** The task with one answer replaced or added (by place and item). */
export function withAnswer(task: TaskFull, saved: AnswerRow): TaskFull {
  const places = task.places.map((p) => {
    if (p.id !== saved.placeId) return p;
    const rest = p.answers.filter((a) => a.itemKey !== saved.itemKey);
    return { ...p, answers: [...rest, saved] };
  });
  const status = task.status === 'pending' ? 'in_progress' : task.status;
  const answers = places.flatMap((p) => p.answers);
  return { ...task, status, places, answered: answers.length, failed: answers.filter((a) => a.result === 'fail').length };
}

/** Uploads one photo to the task (JPEG/PNG; resized by the server). */
export function uploadTaskPhoto(taskId: string, file: File, onProgress?: (pct: number) => void): Promise<Photo> {
  return upload<Photo>(`${taskUrl(taskId)}/photos`, file, { onUploadProgress: (loaded, total) => onProgress?.(total ? Math.round((loaded / total) * 100) : 0) });
}

/** Keeps a new photo in the task on screen (so thumbnails know it before the next refetch). */
export function useRememberPhoto(taskId: string) {
  const qc = useQueryClient();
  return (photo: Photo) =>
    qc.setQueryData<TaskFull>(taskKey(taskId), (old) => (old && !old.photos.some((p) => p.id === photo.id) ? { ...old, photos: [...old.photos, photo] } : old));
}

/** Saves what else the visit recorded (政策宣贯); the task on screen becomes the one the server answers. */
export function usePatchTask(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InputOf<typeof TaskPatch>) => api.patch<TaskFull>(taskUrl(taskId), body),
    onSuccess: (saved) => {
      qc.setQueryData<TaskFull>(taskKey(taskId), saved);
      void qc.invalidateQueries({ queryKey: ['inspections', 'tasks'] });
    },
    // Submitted meanwhile: show the task as it is now, locked.
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: taskKey(taskId) });
    },
  });
}

export function useTaskAction(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'start' | 'submit'; version?: number }) => api.post<Partial<TaskFull>>(`${taskUrl(taskId)}/actions/${action}`, version ? { version } : {}),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

// ---- follow-up visits (每日回访)
export function useFollowUp(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InputOf<typeof FollowUpInput>) => api.post<unknown>(`${taskUrl(taskId)}/follow-up`, body),
    onSuccess: () => refreshAfterWrite(qc),
  });
}

/** The ledger item with its history. */
export function useFinding(id: string | null | undefined) {
  return useQuery({
    queryKey: ['inspections', 'finding', id],
    queryFn: ({ signal }) => api.get<FindingFull>(`${BASE}/findings/${enc(id ?? '')}`, undefined, { signal }),
    enabled: !!id,
  });
}
