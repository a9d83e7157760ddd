// The zone's settings of the resumption module: the plans' SLA, the daily reports' cut-off hour,
// the demands' default hours. Absent until an admin changes them (the defaults hold).
import type { ResumptionSettings } from '@shuangsheng/contracts';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { ResumptionParts, Scope } from './context.js';
import type { ResumptionModule } from './resumption.services.js';
import { makeSettingsRepo } from './settings.repo.js';

export function makeSettingsService(parts: ResumptionParts, scope: Scope, _mod: ResumptionModule) {
  const { database, clock } = parts.deps;

  const get = (ctx: Ctx): Promise<ResumptionSettings> => scope.settings(ctx.zoneId);

  async function update(ctx: Ctx, patch: Partial<ResumptionSettings>): Promise<ResumptionSettings> {
    const before = await scope.settings(ctx.zoneId);
    const after: ResumptionSettings = {
      slaHours: patch.slaHours ?? before.slaHours,
      reportCutoffHour: patch.reportCutoffHour ?? before.reportCutoffHour,
      demandHours: patch.demandHours ?? before.demandHours,
    };
    const changes = diff(before, after);
    if (Object.keys(changes.after).length === 0) return before;
    await database.db.transaction().execute(async (trx) => {
      await makeSettingsRepo(trx).put({ zone_id: ctx.zoneId, sla_hours: after.slaHours, report_cutoff_hour: after.reportCutoffHour, demand_hours: after.demandHours, updated_at: clock.now() });
      await recordAudit(trx, clock, ctx, { action: 'resumption_settings.update', entityType: 'zone', entityId: ctx.zoneId, ...changes });
    });
    return after;
  }

  return { get, update };
}
export type SettingsService = ReturnType<typeof makeSettingsService>;
