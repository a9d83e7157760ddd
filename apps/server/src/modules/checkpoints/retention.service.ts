// Retention (保存期限): registrations older than the zone's retention period (default 28 days) are
// purged by a daily job. The cutoff is the start of (today − retentionDays) in the zone's time
// zone; registrations before it are deleted in chunks, the abnormal cases lose their link to them
// (they keep their own copy of the person) and the closed ones among them lose the ID number and
// phone. One report per zone and day (checkpoint_purges): a second run the same day removes
// nothing more and answers the first run's report. The hourly rollups are not touched, so the
// statistics of purged days still answer.
import type { PurgeReport } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { CheckpointPurgesTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { addDays } from '../../platform/calendar.js';
import { systemCtx, type Ctx } from '../../platform/context.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { makeCheckpointsRepo } from './checkpoints.repo.js';
import { makeRetentionRepo } from './retention.repo.js';
import { zhCompare } from './stats.compute.js';
import { dayStartIn } from '../../platform/time.js';

type Report = z.infer<typeof PurgeReport>;

/** Registrations deleted per transaction. */
const CHUNK = 2_000;
/** Reports listed (the most recent days). */
const LISTED = 90;

function toReport(r: CheckpointPurgesTable): Report {
  return { day: r.day, cutoff: r.cutoff, removed: r.removed, casesAnonymised: r.cases_anonymised, byCheckpoint: JSON.parse(r.detail_json) as Report['byCheckpoint'] };
}

export function makeRetentionService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  const { deps, timeZone } = parts;
  const { database, clock } = deps;
  const repo = makeRetentionRepo(database.db);
  const checkpoints = makeCheckpointsRepo(database.db);
  // One purge of a zone at a time in this process (the job and an admin's "run now").
  const running = new Map<string, Promise<Report>>();

  async function purgeNow(zoneId: string, by: Ctx | undefined): Promise<Report> {
    const day = scope.today();
    const done = await repo.purgeOf(zoneId, day);
    if (done) return toReport(done);
    const { retentionDays } = await mod.settings.of(zoneId);
    const cutoff = dayStartIn(addDays(day, -retentionDays), timeZone);
    // Chunk by chunk (each its own short transaction: the registration path is never held up long),
    // counted per checkpoint on the way.
    const perCheckpoint = new Map<string, number>();
    let removed = 0;
    for (;;) {
      const chunk = await repo.before(zoneId, cutoff, CHUNK);
      if (!chunk.length) break;
      const ids = chunk.map((r) => r.id);
      removed += await database.db.transaction().execute(async (trx) => {
        const r = makeRetentionRepo(trx);
        await r.unlinkCases(zoneId, ids);
        return r.deleteRegistrations(zoneId, ids);
      });
      for (const r of chunk) perCheckpoint.set(r.checkpoint_id, (perCheckpoint.get(r.checkpoint_id) ?? 0) + 1);
      if (chunk.length < CHUNK) break;
    }
    const names = await checkpoints.names(zoneId, [...perCheckpoint.keys()]);
    const byCheckpoint = [...perCheckpoint]
      .map(([checkpointId, n]) => ({ checkpointId, name: names.get(checkpointId) ?? '', removed: n }))
      .sort((a, b) => b.removed - a.removed || zhCompare(a.name, b.name));
    const ctx = by ?? systemCtx(zoneId, 'checkpoints.retention');
    return database.db.transaction().execute(async (trx) => {
      const r = makeRetentionRepo(trx);
      const now = clock.now();
      const casesAnonymised = await r.anonymiseClosedCases(zoneId, cutoff, now);
      const report: Report = { day, cutoff, removed, casesAnonymised, byCheckpoint };
      if (!(await r.insertPurge({ zone_id: zoneId, day, cutoff, removed, cases_anonymised: casesAnonymised, detail_json: JSON.stringify(byCheckpoint), at: now }))) {
        // Another process recorded the day first: its report stands.
        return toReport((await r.purgeOf(zoneId, day))!);
      }
      await recordAudit(trx, clock, ctx, { action: 'checkpoint.purge', entityType: 'zone', entityId: zoneId, after: { day, cutoff, retentionDays, removed, casesAnonymised } });
      return report;
    });
  }

  /** Today's purge of a zone (idempotent per day); `by` is the admin who ran it now, else the system. */
  function purge(zoneId: string, by?: Ctx): Promise<Report> {
    const current = running.get(zoneId);
    if (current) return current;
    const p = purgeNow(zoneId, by).finally(() => running.delete(zoneId));
    running.set(zoneId, p);
    return p;
  }

  /** The reports of the last days, most recent first. */
  async function purges(ctx: Ctx): Promise<{ items: Report[] }> {
    return { items: (await repo.purges(ctx.zoneId, LISTED)).map(toReport) };
  }

  /**
   * The daily purge of every zone with checkpoints (main.ts runs it hourly: the day's report makes
   * later runs of the day do nothing); one zone's failure does not stop the others.
   */
  async function daily(onlyZoneIds?: string[]): Promise<{ zoneId: string; error: unknown }[]> {
    const failures: { zoneId: string; error: unknown }[] = [];
    const zoneIds = onlyZoneIds ?? (await repo.zonesWithCheckpoints());
    for (const zoneId of zoneIds) {
      try {
        await purge(zoneId);
      } catch (error) {
        failures.push({ zoneId, error });
      }
    }
    return failures;
  }

  return { purge, purges, jobs: { daily } };
}
export type RetentionService = ReturnType<typeof makeRetentionService>;
