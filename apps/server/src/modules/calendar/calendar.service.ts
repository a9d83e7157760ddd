// The zone's working-day calendar: its exceptions to Monday–Friday, edited by the zone admin, and
// the due dates time limits give (ARCHITECTURE §7).
import type { CalendarDay } from '@shuangsheng/contracts';
import { recordAudit, recordAuditMany } from '../../platform/audit.js';
import { addDays, addWorkingDays, workingDaysInYear, type Exceptions } from '../../platform/calendar.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { makeCalendarRepo } from './calendar.repo.js';
import { nationalCalendar } from './national.js';

const toDay = (r: { date: string; kind: 'holiday' | 'workday'; name: string }): CalendarDay => ({ date: r.date, kind: r.kind, name: r.name });

export function makeCalendarService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const repo = makeCalendarRepo(database.db);

  async function exceptions(zoneId: string, from: string, to: string): Promise<Exceptions> {
    return new Map((await repo.between(zoneId, from, to)).map((d) => [d.date, d.kind]));
  }

  async function year(ctx: Ctx, y: number) {
    const rows = await repo.between(ctx.zoneId, `${y}-01-01`, `${y}-12-31`);
    return { year: y, days: rows.map(toDay), workingDays: workingDaysInYear(y, new Map(rows.map((d) => [d.date, d.kind]))) };
  }

  async function setDay(ctx: Ctx, date: string, input: { kind: 'holiday' | 'workday'; name: string }): Promise<CalendarDay> {
    const before = await repo.get(ctx.zoneId, date);
    const now = clock.now();
    await database.db.transaction().execute(async (trx) => {
      await makeCalendarRepo(trx).upsert({ zone_id: ctx.zoneId, date, kind: input.kind, name: input.name, created_at: now, updated_at: now });
      await recordAudit(trx, clock, ctx, { action: 'calendar.set_day', entityType: 'calendar_day', entityId: date, before: before ? toDay(before) : null, after: { date, ...input } });
    });
    return { date, ...input };
  }

  async function clearDay(ctx: Ctx, date: string): Promise<void> {
    const before = await repo.get(ctx.zoneId, date);
    if (!before) return;
    await database.db.transaction().execute(async (trx) => {
      await makeCalendarRepo(trx).remove(ctx.zoneId, date);
      await recordAudit(trx, clock, ctx, { action: 'calendar.clear_day', entityType: 'calendar_day', entityId: date, before: toDay(before) });
    });
  }

  /**
   * Writes the national schedule of a year over the zone's own entries for those days; the zone's
   * other days stay.
   */
  async function loadNational(ctx: Ctx, y: '2020', extended: boolean) {
    const days = nationalCalendar(y, extended);
    const chosen = new Set(days.map((d) => d.date));
    // What only the other variant has (the 1 Feb swap, the days off to 2 Feb) must not survive an
    // earlier load of it; an entry the zone made itself on such a day is no national one and stays.
    const lapsed = nationalCalendar(y, !extended).filter((d) => !chosen.has(d.date));
    const now = clock.now();
    await database.db.transaction().execute(async (trx) => {
      const r = makeCalendarRepo(trx);
      for (const old of await r.between(ctx.zoneId, `${y}-01-01`, `${y}-12-31`)) {
        if (lapsed.some((d) => d.date === old.date && d.kind === old.kind && d.name === old.name)) await r.remove(ctx.zoneId, old.date);
      }
      for (const d of days) await r.upsert({ zone_id: ctx.zoneId, date: d.date, kind: d.kind, name: d.name, created_at: now, updated_at: now });
      await recordAuditMany(trx, clock, ctx, [{ action: 'calendar.load_national', entityType: 'calendar_day', entityId: y, after: { year: y, extendedSpringFestival: extended, days: days.length } }]);
    });
    return year(ctx, Number(y));
  }

  /** The due date of `days` working days counted from `from` (exclusive). */
  async function dueDate(zoneId: string, from: string, days: number): Promise<string> {
    // Enough calendar to hold the limit most of the time: two calendar weeks per working week,
    // plus holidays. A date past what was read was counted without the zone's exceptions there
    // (a closure of many weeks): read on to it and count again.
    let horizon = addDays(from, Math.ceil(days * 1.6) + 60);
    for (;;) {
      const due = addWorkingDays(from, days, await exceptions(zoneId, from, horizon));
      if (due <= horizon) return due;
      horizon = addDays(due, 60);
    }
  }

  return { year, setDay, clearDay, loadNational, dueDate, exceptions };
}
export type CalendarService = ReturnType<typeof makeCalendarService>;
