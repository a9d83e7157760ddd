// The resumption module (复工复产) assembled: each part gets the shared parts, the scope and the
// module itself, so parts call each other (`mod.status.statusesOn(…)`) without an order of
// construction. Parts annotate what they return from other parts to keep the types acyclic.
import type { ResumptionParts } from './context.js';
import { makeScope } from './context.js';
import { makeSettingsService } from './settings.service.js';
import { makePlansService } from './plans.service.js';
import { makeStatusService } from './status.service.js';
import { makeReportsService } from './reports.service.js';
import { makeVisitsService } from './visits.service.js';
import { makeDemandsService } from './demands.service.js';
import { makeSuppliesService } from './supplies.service.js';
import { makeProjectsService } from './projects.service.js';
import { makeStatsService } from './stats.service.js';
import { makeWorkbenchService } from './workbench.service.js';

export type ResumptionModule = {
  settings: ReturnType<typeof makeSettingsService>;
  plans: ReturnType<typeof makePlansService>;
  status: ReturnType<typeof makeStatusService>;
  reports: ReturnType<typeof makeReportsService>;
  visits: ReturnType<typeof makeVisitsService>;
  demands: ReturnType<typeof makeDemandsService>;
  supplies: ReturnType<typeof makeSuppliesService>;
  projects: ReturnType<typeof makeProjectsService>;
  stats: ReturnType<typeof makeStatsService>;
  workbench: ReturnType<typeof makeWorkbenchService>;
};

export function makeResumptionServices(parts: ResumptionParts) {
  const scope = makeScope(parts);
  const mod = {} as ResumptionModule;
  mod.settings = makeSettingsService(parts, scope, mod);
  mod.plans = makePlansService(parts, scope, mod);
  mod.status = makeStatusService(parts, scope, mod);
  mod.reports = makeReportsService(parts, scope, mod);
  mod.visits = makeVisitsService(parts, scope, mod);
  mod.demands = makeDemandsService(parts, scope, mod);
  mod.supplies = makeSuppliesService(parts, scope, mod);
  mod.projects = makeProjectsService(parts, scope, mod);
  mod.stats = makeStatsService(parts, scope, mod);
  mod.workbench = makeWorkbenchService(parts, scope, mod);
  /**
   * The hourly work of every zone: reminders of missing daily reports (after the zone's cut-off)
   * and escalation of overdue demands. Both remember what they did, so reruns and restarts repeat
   * nothing; one zone's failure does not stop the others.
   */
  async function hourly(onlyZoneIds?: string[]): Promise<{ zoneId: string; error: unknown }[]> {
    const failures: { zoneId: string; error: unknown }[] = [];
    const zoneIds = onlyZoneIds ?? (await parts.org.zones.list()).map((z) => z.id);
    for (const zoneId of zoneIds) {
      try {
        await mod.reports.remindMissing(zoneId);
        await mod.demands.escalateOverdue(zoneId);
      } catch (error) {
        failures.push({ zoneId, error });
      }
    }
    return failures;
  }
  return { ...mod, scope, jobs: { hourly } };
}
export type ResumptionServices = ReturnType<typeof makeResumptionServices>;
