// The zone's checkpoint settings: how long registrations are kept, the public rate limits and the
// contact window of tracing. The public path reads them per request, so they are kept in memory a
// few seconds (a change in this process is seen at once).
import type { CheckpointSettings, CheckpointSettingsPatch } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { CheckpointSettingsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { makeSettingsRepo } from './settings.repo.js';

export const CHECKPOINT_SETTINGS_DEFAULTS: CheckpointSettings = { retentionDays: 28, perIpPerMinute: 60, perCheckpointPerMinute: 3000, contactWindowMinutes: 30 };
const CACHE_MS = 5_000;

function fromRow(r: CheckpointSettingsTable | undefined): CheckpointSettings {
  if (!r) return { ...CHECKPOINT_SETTINGS_DEFAULTS };
  return { retentionDays: r.retention_days, perIpPerMinute: r.per_ip_per_minute, perCheckpointPerMinute: r.per_checkpoint_per_minute, contactWindowMinutes: r.contact_window_minutes };
}

export function makeSettingsService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  void scope;
  void mod;
  const { database, clock } = parts.deps;
  const repo = makeSettingsRepo(database.db);
  // By wall time, not the zone's clock: a test clock standing still must not freeze the cache.
  const cache = new Map<string, { value: CheckpointSettings; until: number }>();

  /** The zone's settings (defaults until changed); cached a few seconds. */
  async function of(zoneId: string): Promise<CheckpointSettings> {
    const hit = cache.get(zoneId);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = fromRow(await repo.get(zoneId));
    if (cache.size > 10_000) cache.clear();
    cache.set(zoneId, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  const get = async (ctx: Ctx): Promise<CheckpointSettings> => fromRow(await repo.get(ctx.zoneId));

  async function update(ctx: Ctx, patch: z.infer<typeof CheckpointSettingsPatch>): Promise<CheckpointSettings> {
    const before = await get(ctx);
    const after: CheckpointSettings = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const changes = diff<Record<string, unknown>>(before, after);
    if (Object.keys(changes.after).length === 0) return before;
    const columns = { retentionDays: 'retention_days', perIpPerMinute: 'per_ip_per_minute', perCheckpointPerMinute: 'per_checkpoint_per_minute', contactWindowMinutes: 'contact_window_minutes' } as const;
    const stored = await database.db.transaction().execute(async (trx) => {
      const tx = makeSettingsRepo(trx);
      // Only the changed columns: a parallel change of another setting stays.
      await tx.upsert(
        {
          zone_id: ctx.zoneId,
          retention_days: after.retentionDays,
          per_ip_per_minute: after.perIpPerMinute,
          per_checkpoint_per_minute: after.perCheckpointPerMinute,
          contact_window_minutes: after.contactWindowMinutes,
          updated_at: clock.now(),
        },
        (Object.keys(changes.after) as (keyof typeof columns)[]).map((k) => columns[k]),
      );
      await recordAudit(trx, clock, ctx, { action: 'checkpoint_settings.update', entityType: 'checkpoint_settings', entityId: ctx.zoneId, ...changes });
      return fromRow(await tx.get(ctx.zoneId));
    });
    cache.delete(ctx.zoneId);
    return stored;
  }

  return { of, get, update };
}
