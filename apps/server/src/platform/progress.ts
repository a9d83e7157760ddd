// Progress of long requests (large imports), kept in this process's memory: the client names a
// job id, polls it while its upload is processed, and the entry expires soon after.
export type Progress = { phase: 'reading' | 'checking' | 'saving' | 'done'; processed: number; total: number; updatedAt: number };

const TTL_MS = 10 * 60 * 1000;
const jobs = new Map<string, Progress>();

export function reportProgress(jobId: string | undefined, p: Omit<Progress, 'updatedAt'>): void {
  if (!jobId) return;
  const now = Date.now();
  jobs.set(jobId, { ...p, updatedAt: now });
  if (jobs.size > 1000) {
    for (const [id, v] of jobs) if (now - v.updatedAt > TTL_MS) jobs.delete(id);
  }
}

export function readProgress(jobId: string): Progress | null {
  const p = jobs.get(jobId);
  if (!p || Date.now() - p.updatedAt > TTL_MS) return null;
  return p;
}
