// Typed hooks of the inspection admin pages (/api/inspections/…): checklist templates and their
// versions, park plans, rounds with live coverage, the rectification ledger, the census and the
// statistics. Every write refreshes what is on screen.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Census,
  CensusInput,
  CensusPatch,
  CensusPrefill,
  FindingDemandInput,
  FindingDetail,
  InspectionPark,
  InspectionStats,
  ListResult,
  ParkPlanInput,
  Round,
  RoundInput,
  Task,
  TaskPhoto,
  Template,
  TemplateInput,
  TemplateVersion,
  TemplateVersionInput,
  Finding,
} from '@shuangsheng/contracts';
import { api, upload, type Query } from '../../../api/client';
import { useModuleGet, useWrite, type GetOptions, type InputOf, type OutputOf } from '../../../api/resource';

export const BASE = '/api/inspections';
const enc = encodeURIComponent;

export type Park = OutputOf<typeof InspectionPark>;
export type FindingFull = OutputOf<typeof FindingDetail>;
export type FindingEventRow = FindingFull['events'][number];
export type CensusRow = OutputOf<typeof Census>;
export type Prefill = OutputOf<typeof CensusPrefill>;
export type Photo = OutputOf<typeof TaskPhoto>;
export type Stats = InspectionStats;
export type { Finding, Round, Task, Template, TemplateVersion };

/** Lists come as `{items,…}`; a route answering a bare array is read the same way. */
function itemsOf<T>(r: ListResult<T> | T[]): ListResult<T> {
  return Array.isArray(r) ? { items: r, total: r.length, page: 1, pageSize: r.length } : r;
}

const useGet = <T,>(key: unknown[], path: string, query?: Query, opts?: GetOptions) => useModuleGet<T>('inspections', key, path, query, opts);


// ---- checklist templates (工作规范)
export const templateUrl = (id: string) => `${BASE}/templates/${enc(id)}`;
export const useTemplates = (query: Query) =>
  useQuery<ListResult<Template>>({
    queryKey: ['inspections', 'templates', query],
    queryFn: ({ signal }) => api.get<ListResult<Template> | Template[]>(`${BASE}/templates`, query, { signal }).then((r) => itemsOf<Template>(r)),
    placeholderData: keepPreviousData,
  });
export const useTemplate = (id: string | undefined) => useGet<Template>(['template', id], templateUrl(id ?? ''), undefined, { enabled: !!id, keepPrevious: false });
export const useTemplateVersion = (id: string | undefined, version: number | undefined) =>
  useGet<TemplateVersion>(['template-version', id, version], `${templateUrl(id ?? '')}/versions/${version ?? 0}`, undefined, { enabled: !!id && !!version, keepPrevious: false });
export const useCreateTemplate = () => useWrite((body: InputOf<typeof TemplateInput>) => api.post<Template>(`${BASE}/templates`, body));
export const usePublishVersion = () =>
  useWrite(({ id, body }: { id: string; body: InputOf<typeof TemplateVersionInput> }) => api.post<unknown>(`${templateUrl(id)}/versions`, body));

// ---- park plans
export const useInspectionParks = (query: Query, enabled = true) => useGet<ListResult<Park>>(['parks'], `${BASE}/parks`, query, { enabled });
/** Every park of the zone with its plan and inspector (the round form chooses among them). */
export const useAllInspectionParks = (enabled = true) => useGet<ListResult<Park>>(['parks', 'all'], `${BASE}/parks`, { pageSize: 200 }, { enabled });
export const useSavePlan = () => useWrite(({ parkId, body }: { parkId: string; body: InputOf<typeof ParkPlanInput> }) => api.put<unknown>(`${BASE}/parks/${enc(parkId)}/plan`, body));

// ---- rounds (巡查批次)
export const roundUrl = (id: string) => `${BASE}/rounds/${enc(id)}`;
export const useRounds = (query: Query) => useGet<ListResult<Round>>(['rounds'], `${BASE}/rounds`, query);
/** A round with its coverage, refetched every 15 s while on screen (inspectors submit as they go). */
export const useRound = (id: string | undefined) => useGet<Round>(['round', id], roundUrl(id ?? ''), undefined, { enabled: !!id, keepPrevious: false, refetchInterval: 15_000 });
export const useRoundTasks = (id: string | undefined) =>
  useQuery({
    queryKey: ['inspections', 'round-tasks', id],
    queryFn: ({ signal }) => api.get<ListResult<Task>>(`${BASE}/tasks`, { roundId: id, kind: 'inspection', pageSize: 200, sort: 'parkName:asc' }, { signal }),
    enabled: !!id,
    refetchInterval: 15_000,
  });
export const useStartRound = () => useWrite((body: InputOf<typeof RoundInput>) => api.post<Round>(`${BASE}/rounds`, body));
export const useRoundAction = () => useWrite(({ id, action }: { id: string; action: 'close' | 'reopen' }) => api.post<Round>(`${roundUrl(id)}/actions/${action}`, {}));

// ---- findings and the rectification ledger (巡查台账)
export const findingUrl = (id: string) => `${BASE}/findings/${enc(id)}`;
export const findingPhotoUrl = (findingId: string, fileId: string) => `${findingUrl(findingId)}/photos/${enc(fileId)}`;
export const useFindings = (query: Query, enabled = true) => useGet<ListResult<Finding>>(['findings'], `${BASE}/findings`, query, { enabled });
export const useFinding = (id: string | undefined) => useGet<FindingFull>(['finding', id], findingUrl(id ?? ''), undefined, { enabled: !!id, keepPrevious: false });
export const useCloseFinding = () => useWrite(({ id, note, afterPhotoFileIds }: { id: string; note: string; afterPhotoFileIds: string[] }) => api.post<unknown>(`${findingUrl(id)}/actions/close`, { note, afterPhotoFileIds }));
export const useRaiseFindingDemand = () =>
  useWrite(({ id, body }: { id: string; body: InputOf<typeof FindingDemandInput> }) => api.post<unknown>(`${findingUrl(id)}/actions/raise-demand`, body));
/** An image uploaded to a task (the finding's), resized by the server; its id goes with the close. */
export const uploadTaskPhoto = (taskId: string, file: File) => upload<Photo>(`${BASE}/tasks/${enc(taskId)}/photos`, file);
export const useRunFollowUps = () => useWrite(() => api.post<{ created: number; escalated: number }>(`${BASE}/jobs/follow-ups/run`, {}));

// ---- census (园区摸排)
export const useCensus = (query: Query) => useGet<ListResult<CensusRow>>(['census'], `${BASE}/census`, query);
/** A new entry, or a correction (the park of an entry does not change). */
export const useSaveCensus = () =>
  useWrite(({ id, body }: { id: string | null; body: InputOf<typeof CensusInput> }) => {
    if (!id) return api.post<CensusRow>(`${BASE}/census`, body);
    const { parkId: _park, ...patch } = body;
    return api.patch<CensusRow>(`${BASE}/census/${enc(id)}`, patch satisfies InputOf<typeof CensusPatch>);
  });
export const fetchPrefill = (parkId: string, date: string) => api.get<Prefill>(`${BASE}/census/prefill`, { parkId, date });

// ---- statistics
export const useInspectionStats = (from: string, to: string) => useGet<Stats>(['stats'], `${BASE}/stats`, { from, to });

/** Checklist items of every template (current versions), by key, for the ledger's item filter. */
export function useItemOptions() {
  const templates = useTemplates({ pageSize: 100 });
  const seen = new Map<string, string>();
  for (const tpl of templates.data?.items ?? []) for (const item of tpl.current.items) if (!seen.has(item.key)) seen.set(item.key, item.title);
  return { options: [...seen].map(([value, label]) => ({ value, label })), loading: templates.isPending };
}

/** Rounds for a filter (the latest first). */
export const useRoundOptions = () => useGet<ListResult<Round>>(['rounds', 'options'], `${BASE}/rounds`, { pageSize: 100 });

/**
 * Where the console uploads after-photos for closing a finding: its follow-up task that is still
 * open (the inspection task itself is locked once submitted; the server takes photos of either).
 */
export const useOpenFollowUpTask = (finding: Pick<Finding, 'id' | 'parkId'>, enabled = true) =>
  useQuery({
    queryKey: ['inspections', 'open-follow-up', finding.id],
    queryFn: ({ signal }) =>
      api
        .get<ListResult<Task>>(`${BASE}/tasks`, { kind: 'follow_up', parkId: finding.parkId, pageSize: 200, sort: 'dueDate:desc' }, { signal })
        .then((r) => r.items.find((t) => t.findingId === finding.id && t.status !== 'submitted') ?? null),
    enabled,
  });
