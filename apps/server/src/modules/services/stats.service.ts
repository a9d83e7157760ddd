// Service statistics (办件统计), computed from the application rows of a period with the
// definitions in contracts' STATS_DEFINITIONS (and on the page): Ningbo's no-contact rate is
// completedOnline / received, Jining's fully-electronic rate completed online + e-signed +
// e-licensed / completed.
import type { Ratio, ServiceCategory, ServiceStats, ServiceStatsQuery } from '@shuangsheng/contracts';
import { CHANNELS, SERVICE_CATEGORIES } from '@shuangsheng/contracts';
import { addDays, todayIn, workingDayCounter } from '../../platform/calendar.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { makeApplicationsRepo } from './applications.repo.js';

export type ExtraCounts = { appointments: number; consultations: number; employmentRegistrations: number };
type Parts = { calendar: CalendarService; timeZone: string; extras: () => ((zoneId: string, f: { from: string; to: string; itemId?: string | undefined; department?: string | undefined }) => Promise<ExtraCounts>) | null };

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

type Counts = Map<string, number>;
function countBy<T>(rows: T[], key: (row: T) => string): Counts {
  const out: Counts = new Map();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}

/** Periods longer than this are refused: the figures are per day. */
const MAX_DAYS = 731;

export function makeStatsService(deps: Pick<Deps, 'database' | 'clock'>, parts: Parts) {
  const repo = makeApplicationsRepo(deps.database.db, deps.database.dialect);

  async function stats(ctx: Ctx, q: ServiceStatsQuery): Promise<ServiceStats> {
    if (addDays(q.from, MAX_DAYS) < q.to) throw new ValidationError([{ path: 'to', key: 'v.period_too_long', params: { days: MAX_DAYS } }]);
    const filter = { department: q.department, itemId: q.itemId, channel: q.channel };
    const rows = await repo.statsRows(ctx.zoneId, { from: q.from, to: q.to, ...filter });
    const corrected = await repo.correctedIds(ctx.zoneId);
    const inPeriod = (d: string | null) => d !== null && d >= q.from && d <= q.to;
    const received = rows.filter((r) => inPeriod(r.accepted_on));
    const completed = rows.filter((r) => r.status === 'approved' && inPeriod(r.completed_on));
    const noVisit = (r: (typeof rows)[number]) => r.channel === 'online' && (r.delivery === 'electronic' || r.delivery === 'mail');
    // Completed within the period too: a closed period's figures must not change when asked later.
    const completedOnline = received.filter((r) => r.status === 'approved' && inPeriod(r.completed_on) && noVisit(r));

    const licenced = await repo.licencedIds(ctx.zoneId, completed.map((r) => r.id));
    const fullyElectronic = (r: (typeof rows)[number]) => {
      const issuesLicence = (JSON.parse(r.item_json) as { licenceName: string | null }).licenceName !== null;
      const eLicensed = issuesLicence ? licenced.has(r.id) && r.delivery === 'electronic' : r.delivery === 'electronic';
      return r.channel === 'online' && r.e_signed === 1 && eLicensed;
    };
    const byCategory = SERVICE_CATEGORIES.flatMap((category: ServiceCategory) => {
      const of = completed.filter((r) => r.category === category);
      return of.length ? [{ category, rate: ratio(of.filter(fullyElectronic).length, of.length) }] : [];
    });

    // Working days from acceptance to completion, less those spent in correction.
    const earliest = completed.reduce((m, r) => (r.accepted_on && r.accepted_on < m ? r.accepted_on : m), q.from);
    const exceptions = completed.length ? await parts.calendar.exceptions(ctx.zoneId, earliest, q.to) : new Map();
    const between = workingDayCounter(earliest, q.to, exceptions);
    const totalDays = completed.reduce((sum, r) => sum + Math.max(0, between(r.accepted_on ?? r.completed_on!, r.completed_on!) - r.paused_days), 0);

    const today = todayIn(parts.timeZone, deps.clock.now());
    const asOf = q.to < today ? q.to : today;
    const extras = parts.extras();
    const extra = extras ? await extras(ctx.zoneId, { from: q.from, to: q.to, itemId: q.itemId, department: q.department }) : { appointments: 0, consultations: 0, employmentRegistrations: 0 };

    const receivedOn = countBy(received, (r) => r.accepted_on!);
    const completedOn = countBy(completed, (r) => r.completed_on!);
    const byDay: ServiceStats['byDay'] = [];
    for (let d = q.from; d <= q.to; d = addDays(d, 1)) byDay.push({ date: d, received: receivedOn.get(d) ?? 0, completed: completedOn.get(d) ?? 0 });
    const [receivedBy, completedBy, onlineBy] = [received, completed, completedOnline].map((list) => countBy(list, (r) => r.department)) as [Counts, Counts, Counts];
    const departments = [...new Set([...receivedBy.keys(), ...completedBy.keys()])].sort();
    const receivedByChannel = countBy(received, (r) => r.channel);
    return {
      from: q.from,
      to: q.to,
      received: received.length,
      completed: completed.length,
      completedOnline: completedOnline.length,
      noContactRate: ratio(completedOnline.length, received.length),
      fullyElectronicRate: ratio(completed.filter(fullyElectronic).length, completed.length),
      fullyElectronicByCategory: byCategory,
      avgWorkingDays: { totalDays, count: completed.length, value: completed.length ? totalDays / completed.length : null },
      overdueOpen: await repo.overdueOpen(ctx.zoneId, asOf, filter),
      completedLate: completed.filter((r) => r.due_date !== null && r.completed_on! > r.due_date).length,
      correctionRate: ratio(received.filter((r) => corrected.has(r.id)).length, received.length),
      appointments: extra.appointments,
      consultations: extra.consultations,
      employmentRegistrations: extra.employmentRegistrations,
      byDay,
      byDepartment: departments.map((department) => ({
        department,
        received: receivedBy.get(department) ?? 0,
        completed: completedBy.get(department) ?? 0,
        completedOnline: onlineBy.get(department) ?? 0,
      })),
      byChannel: CHANNELS.map((channel) => ({ channel, received: receivedByChannel.get(channel) ?? 0 })),
    };
  }

  return { stats };
}
export type StatsService = ReturnType<typeof makeStatsService>;
