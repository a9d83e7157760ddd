// Typed hooks of the checkpoint duty pages (/api/checkpoints/…): the checkpoints a desk works at,
// staff entry (on behalf, repeat vehicle, pass scan, a temperature on a self-registration), the
// abnormal-case ledger and its follow-up, movement tracing and the statistics. Writes refresh what
// is on screen.
import { useMutation } from '@tanstack/react-query';
import type {
  AbnormalCase,
  CaseActionInput,
  CaseDetail,
  Checkpoint,
  CheckpointStats,
  ListResult,
  Registration,
  RegistrationReceipt,
  RevealInput,
  ScanInput,
  StaffRegistrationInput,
  TraceInput,
  TraceResult,
} from '@shuangsheng/contracts';
import { api, ApiError, filenameFromDisposition, NETWORK_ERROR, type Query } from '../../../api/client';
import { currentLang } from '../../../api/lang';
import { useModuleGet, useWrite, type GetOptions, type InputOf, type OutputOf } from '../../../api/resource';
import type { CaseAction } from './helpers';

export const BASE = '/api/checkpoints';
export const ALERT_STREAM_URL = `${BASE}/alerts/stream`;
const enc = encodeURIComponent;

export type CaseFull = OutputOf<typeof CaseDetail>;
export type CaseEventRow = CaseFull['events'][number];
export type StaffInput = InputOf<typeof StaffRegistrationInput>;
export type Trace = TraceResult;
export type TraceRequest = InputOf<typeof TraceInput>;
export type { AbnormalCase, Checkpoint, CheckpointStats, Registration, RegistrationReceipt };

const useGet = <T,>(key: unknown[], path: string, query?: Query, opts?: GetOptions) => useModuleGet<T>('checkpoints-duty', key, path, query, opts);


// ---- checkpoints (the desk picks one)
/** The zone's checkpoints by name (a zone has tens, not thousands). */
export const useCheckpointOptions = () => useGet<ListResult<Checkpoint>>(['checkpoints', 'options'], BASE, { pageSize: 200, sort: 'name:asc' }, { staleTime: 60_000 });

// ---- staff entry
export const useStaffRegister = () =>
  useWrite(({ checkpointId, body }: { checkpointId: string; body: StaffInput }) => api.post<RegistrationReceipt>(`${BASE}/${enc(checkpointId)}/registrations`, body));
export const useScanPass = () =>
  useWrite(({ checkpointId, body }: { checkpointId: string; body: InputOf<typeof ScanInput> }) => api.post<RegistrationReceipt>(`${BASE}/${enc(checkpointId)}/actions/scan`, body));
/** The last registrations of a plate at this checkpoint (for "repeat vehicle"). */
export const fetchRecentVehicle = (checkpointId: string, plate: string, signal?: AbortSignal) =>
  api.get<{ items: Registration[] }>(`${BASE}/${enc(checkpointId)}/vehicles/recent`, { plate }, { signal });
/** Registrations matching a six-character code (or a plate): `q` searches both. */
export const searchRegistrations = (query: Query, signal?: AbortSignal) => api.get<ListResult<Registration>>(`${BASE}/registrations`, query, { signal });
export const useEnterTemperature = () =>
  useWrite(({ id, temperature }: { id: string; temperature: number }) => api.post<Registration>(`${BASE}/registrations/${enc(id)}/actions/temperature`, { temperature }));
/** The latest registrations at a checkpoint (the desk's recent list). */
export const useRecentAtCheckpoint = (checkpointId: string | null) =>
  useGet<ListResult<Registration>>(['registrations', 'recent', checkpointId], `${BASE}/registrations`, { checkpointId: checkpointId ?? undefined, pageSize: 8, sort: 'at:desc' }, { enabled: !!checkpointId });

// ---- abnormal cases (异常情况台账)
export const caseUrl = (id: string) => `${BASE}/cases/${enc(id)}`;
export const useCases = (query: Query) => useGet<ListResult<AbnormalCase>>(['cases'], `${BASE}/cases`, query);
export const useCase = (id: string | undefined) => useGet<CaseFull>(['case', id], caseUrl(id ?? ''), undefined, { enabled: !!id, keepPrevious: false });
export const useCaseAction = () =>
  useWrite(({ id, action, body }: { id: string; action: CaseAction; body: InputOf<typeof CaseActionInput> }) => api.post<CaseFull>(`${caseUrl(id)}/actions/${action}`, body));
export const revealCase = (id: string, body: InputOf<typeof RevealInput>) => api.post<{ value: string | null }>(`${caseUrl(id)}/actions/reveal`, body).then((r) => r.value);
export const revealRegistration = (id: string, body: InputOf<typeof RevealInput>) =>
  api.post<{ value: string | null }>(`${BASE}/registrations/${enc(id)}/actions/reveal`, body).then((r) => r.value);

// ---- movement tracing (活动轨迹)
export const useTrace = () => useMutation({ mutationFn: (body: TraceRequest) => api.post<Trace>(`${BASE}/trace`, body) });

/** POSTs a body and saves the file the server answers with (the trace export carries its reason in the body, not the URL). */
export async function postDownload(path: string, body: unknown, fallbackName = 'export.xlsx'): Promise<string> {
  const lang = currentLang();
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, NETWORK_ERROR, (e as Error).message);
  }
  if (!res.ok) {
    type Payload = { error?: { code?: string; message?: string; details?: unknown } } | null;
    const payload = (await res.json().catch(() => null)) as Payload;
    const e = payload?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? (res.statusText || `HTTP ${res.status}`), e?.details);
  }
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
export const exportTrace = (body: TraceRequest) => postDownload(`${BASE}/trace/export.xlsx`, { ...body, lang: currentLang() }, 'trace.xlsx');

// ---- statistics
export const useCheckpointStats = (from: string, to: string, checkpointId?: string) =>
  useGet<CheckpointStats>(['stats'], `${BASE}/stats`, { from, to, checkpointId });
