// The zone's resumption figures on a date (复工率 by tier, above-scale, city-monitored, supply
// chains, parks; staff return, capacity, major projects, open demands, a 14-day trend), read from
// the other parts and computed in stats.compute.ts; and the enterprises' rows behind them.
import type { EnterpriseResumption, ResumptionStats } from '@shuangsheng/contracts';
import type { Ctx } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import type { ResumptionParts, Scope } from './context.js';
import type { ResumptionModule } from './resumption.services.js';
import { computeStats, endOfDayIn, type DemandCounts } from './stats.compute.js';
import { statsWorkbook } from './stats.sheet.js';

/** No figure is asked for before this date (the zone's records start long after). */
export const STATS_MIN_DATE = '2000-01-01';

export function makeStatsService(parts: ResumptionParts, scope: Scope, mod: ResumptionModule) {
  /** asOf defaults to the zone's today; a future date or one before 2000 is a 400 naming asOf. */
  function asOfOf(asOf: string | undefined): string {
    const today = scope.today();
    const date = asOf ?? today;
    if (date > today) throw new ValidationError([{ path: 'asOf', key: 'v.date_future', params: { today } }]);
    if (date < STATS_MIN_DATE) throw new ValidationError([{ path: 'asOf', key: 'v.date_too_early', params: { min: STATS_MIN_DATE } }]);
    return date;
  }

  async function stats(ctx: Ctx, q: { asOf?: string | undefined }): Promise<ResumptionStats> {
    const asOf = asOfOf(q.asOf);
    const zoneId = ctx.zoneId;
    const briefs = await parts.enterprises.briefs(zoneId);
    const statusOn = await mod.status.statusReader(zoneId);
    const latestReports = await mod.reports.latestOnOrBefore(zoneId, asOf);
    const projects = await mod.projects.restartedBy(zoneId, asOf);
    const demands = await mod.demands.openByCategoryAt(zoneId, endOfDayIn(asOf, parts.timeZone));
    const openDemands: DemandCounts = {};
    for (const { category, open, overdue } of demands) openDemands[category] = { open, overdue };
    return computeStats({ asOf, enterprises: briefs, statusOn, latestReports, projects, openDemands, lang: ctx.lang });
  }

  /** The figures and the enterprises behind them as of the date, as a workbook. */
  async function workbook(ctx: Ctx, q: { asOf?: string | undefined }): Promise<{ asOf: string; buffer: Buffer }> {
    const figures = await stats(ctx, q);
    const rows: EnterpriseResumption[] = await mod.status.rows(ctx, figures.asOf, {});
    return { asOf: figures.asOf, buffer: await statsWorkbook(figures, rows, ctx.lang) };
  }

  return { stats, workbook };
}
