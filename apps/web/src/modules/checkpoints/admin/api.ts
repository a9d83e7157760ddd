// Typed hooks of the checkpoint admin pages (/api/checkpoints/…): checkpoints with their QR code
// and poster, status changes and token rotation, risk levels of grid units, passes and floor
// colours, the registrations list, the zone's settings and the retention purges. Every write
// refreshes what is on screen.
import { useQuery } from '@tanstack/react-query';
import type {
  Building,
  Checkpoint,
  CheckpointDetail,
  CheckpointInput,
  CheckpointPatch,
  CheckpointSettings,
  CheckpointSettingsPatch,
  CheckpointStatusInput,
  FloorColour,
  FloorColourInput,
  GridRiskRow,
  ListResult,
  Pass,
  PassInput,
  PurgeReport,
  Registration,
  RiskHistoryEntry,
  RiskInput,
} from '@shuangsheng/contracts';
import { api, ApiError, filenameFromDisposition, type Query } from '../../../api/client';
import { currentLang } from '../../../api/lang';
import { useModuleGet, useWrite, type GetOptions, type InputOf, type OutputOf } from '../../../api/resource';

export const BASE = '/api/checkpoints';
const enc = encodeURIComponent;

export type CheckpointFull = OutputOf<typeof CheckpointDetail>;
export type StatusEvent = CheckpointFull['history'][number];
export type RiskRow = OutputOf<typeof GridRiskRow>;
export type RiskHistory = OutputOf<typeof RiskHistoryEntry>;
export type Colour = OutputOf<typeof FloorColour>;
export type Purge = OutputOf<typeof PurgeReport>;
export type { Checkpoint, CheckpointSettings, Pass, Registration };

const useGet = <T,>(key: unknown[], path: string, query?: Query, opts?: GetOptions) => useModuleGet<T>('checkpoints', key, path, query, opts);


async function failure(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code && body.error.message) return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  } catch {
    // not JSON
  }
  return new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

async function fetchBinary(path: string): Promise<Response> {
  const res = await fetch(path, { headers: { 'Accept-Language': currentLang() }, credentials: 'same-origin' });
  if (!res.ok) throw await failure(res);
  return res;
}

/** A generated file (poster, pass card) saved under the server's name. */
export async function saveFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetchBinary(path);
  const name = filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
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

/**
 * A QR image as a data URL. `version` (the address the code carries) is part of the key, so a
 * rotated token shows its new code at once.
 */
export function useQrImage(path: string | null, version: string | undefined) {
  return useQuery({
    queryKey: ['checkpoints', 'qr', path, version],
    queryFn: async () => {
      const blob = await (await fetchBinary(path!)).blob();
      return await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(new Error('qr'));
        reader.readAsDataURL(blob);
      });
    },
    enabled: !!path,
    staleTime: 5 * 60_000,
  });
}

// ---- checkpoints
export const checkpointUrl = (id: string) => `${BASE}/${enc(id)}`;
export const checkpointQrPath = (id: string) => `${checkpointUrl(id)}/qr.png`;
export const checkpointPosterPath = (id: string) => `${checkpointUrl(id)}/poster.pdf`;
export const useCheckpoints = (query: Query) => useGet<ListResult<Checkpoint>>(['list'], BASE, query);
/** The zone's checkpoints for selects (a zone has dozens). */
export const useCheckpointOptions = () => useGet<ListResult<Checkpoint>>(['options'], BASE, { pageSize: 200, sort: 'name:asc' }, { staleTime: 60_000 });
export const useCheckpoint = (id: string | undefined) => useGet<CheckpointFull>(['one', id], checkpointUrl(id ?? ''), undefined, { enabled: !!id, keepPrevious: false });
export const useCreateCheckpoint = () => useWrite((body: InputOf<typeof CheckpointInput>) => api.post<CheckpointFull>(BASE, body));
export const useUpdateCheckpoint = () => useWrite(({ id, patch }: { id: string; patch: InputOf<typeof CheckpointPatch> }) => api.patch<CheckpointFull>(checkpointUrl(id), patch));
export const useCheckpointStatus = () =>
  useWrite(({ id, body }: { id: string; body: InputOf<typeof CheckpointStatusInput> }) => api.post<CheckpointFull>(`${checkpointUrl(id)}/actions/status`, body));
export const useRotateToken = () => useWrite((id: string) => api.post<CheckpointFull>(`${checkpointUrl(id)}/actions/rotate-token`, {}));

// ---- risk zoning
/** Every grid unit with its level (a zone has at most a few hundred; read page by page). */
export function useRiskRows() {
  return useQuery({
    queryKey: ['checkpoints', 'risk', 'all'],
    queryFn: async ({ signal }) => {
      const items: RiskRow[] = [];
      for (let page = 1; page <= 50; page += 1) {
        const r = await api.get<ListResult<RiskRow>>(`${BASE}/risk`, { page, pageSize: 200 }, { signal });
        items.push(...r.items);
        if (items.length >= r.total || r.items.length === 0) break;
      }
      return items;
    },
  });
}
export const useSetRisk = () => useWrite(({ gridUnitId, body }: { gridUnitId: string; body: InputOf<typeof RiskInput> }) => api.put<RiskRow>(`${BASE}/risk/${enc(gridUnitId)}`, body));
export const useRiskHistory = (gridUnitId: string | null) =>
  useGet<{ items: RiskHistory[] }>(['risk-history', gridUnitId], `${BASE}/risk/${enc(gridUnitId ?? '')}/history`, undefined, { enabled: !!gridUnitId, keepPrevious: false });

// ---- passes (出入证)
export const passUrl = (id: string) => `${BASE}/passes/${enc(id)}`;
export const passQrPath = (id: string) => `${passUrl(id)}/qr.png`;
export const passCardPath = (id: string) => `${passUrl(id)}/card.pdf`;
export const usePasses = (query: Query) => useGet<ListResult<Pass>>(['passes'], `${BASE}/passes`, query);
export const useIssuePass = () => useWrite((body: InputOf<typeof PassInput>) => api.post<Pass>(`${BASE}/passes`, body));
export const useRevokePass = () => useWrite(({ id, reason }: { id: string; reason: string }) => api.post<Pass>(`${passUrl(id)}/actions/revoke`, { reason }));
export const revealPass = (id: string, field: 'idNumber' | 'phone', reason: string) =>
  api.post<{ value: string | null }>(`${passUrl(id)}/actions/reveal`, { field, reason }).then((r) => r.value);
export const useFloorColours = (buildingId: string | null | undefined) =>
  useGet<{ items: Colour[] }>(['floor-colours', buildingId], `${BASE}/floor-colours`, { buildingId: buildingId ?? '' }, { enabled: !!buildingId, keepPrevious: false });
export const useSetFloorColour = () => useWrite((body: InputOf<typeof FloorColourInput>) => api.put<Colour>(`${BASE}/floor-colours`, body));

/** Every building of the zone (park · building), for the pass pages' selects. */
export function useAllBuildings() {
  return useQuery({
    queryKey: ['buildings', 'all'],
    queryFn: async ({ signal }) => {
      const items: Building[] = [];
      for (let page = 1; page <= 20; page += 1) {
        const r = await api.get<ListResult<Building>>('/api/buildings', { page, pageSize: 200, sort: 'name:asc' }, { signal });
        items.push(...r.items);
        if (items.length >= r.total || r.items.length === 0) break;
      }
      return items;
    },
    staleTime: 60_000,
  });
}

// ---- registrations (masked)
export const useRegistrations = (query: Query) => useGet<ListResult<Registration>>(['registrations'], `${BASE}/registrations`, query);
export const revealRegistration = (id: string, field: 'idNumber' | 'phone', reason: string) =>
  api.post<{ value: string | null }>(`${BASE}/registrations/${enc(id)}/actions/reveal`, { field, reason }).then((r) => r.value);

// ---- settings and retention
export const useCheckpointSettings = () => useGet<CheckpointSettings>(['settings'], `${BASE}/settings`, undefined, { keepPrevious: false });
export const useSaveCheckpointSettings = () => useWrite((body: InputOf<typeof CheckpointSettingsPatch>) => api.patch<CheckpointSettings>(`${BASE}/settings`, body));
export const usePurges = () => useGet<{ items: Purge[] }>(['purges'], `${BASE}/retention/purges`, undefined, { keepPrevious: false });
export const useRunPurge = () => useWrite(() => api.post<Purge>(`${BASE}/retention/actions/purge`, {}));
