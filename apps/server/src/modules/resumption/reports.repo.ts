// Daily reports of resumed enterprises (复工日报): one row per enterprise and day, kept by the
// unique (zone_id, enterprise_id, report_date) constraint; and the reminders sent when one is missing.
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { ResumptionDailyReportsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

const SORT = { reportDate: 'r.report_date', enterpriseName: 'e.name', capacityPct: 'r.capacity_pct', staffOnSite: 'r.staff_on_site' } as const;

export type ReportFilter = {
  q?: string | undefined;
  enterpriseId?: string | undefined;
  parkId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  abnormal?: boolean | undefined;
  sort?: string | undefined;
  /** null: every enterprise of the zone. */
  enterpriseIds: string[] | null;
};

export type ReportRow = ResumptionDailyReportsTable & { enterprise_name: string; park_id: string | null; enterprise_employees: number | null };

export function makeReportsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: ReportFilter) => {
    let q = db
      .selectFrom('resumption_daily_reports as r')
      .innerJoin('enterprises as e', (j) => j.onRef('e.id', '=', 'r.enterprise_id').onRef('e.zone_id', '=', 'r.zone_id'))
      .where('r.zone_id', '=', zoneId);
    if (f.enterpriseIds) q = f.enterpriseIds.length ? q.where('r.enterprise_id', 'in', f.enterpriseIds) : q.where((eb) => eb.val(1), '=', 0);
    if (f.enterpriseId) q = q.where('r.enterprise_id', '=', f.enterpriseId);
    if (f.parkId) q = q.where('e.park_id', '=', f.parkId);
    if (f.from) q = q.where('r.report_date', '>=', f.from);
    if (f.to) q = q.where('r.report_date', '<=', f.to);
    if (f.abnormal === true) q = q.where('r.abnormal_temperature', '>', 0);
    if (f.abnormal === false) q = q.where('r.abnormal_temperature', '=', 0);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('e.name'), needle), containsText(dialect, eb.ref('e.credit_code'), needle.toUpperCase())]));
    }
    return q;
  };
  const ordered = (zoneId: string, f: ReportFilter) => {
    const q = filtered(zoneId, f).selectAll('r').select(['e.name as enterprise_name', 'e.park_id', 'e.employees as enterprise_employees']);
    const [column, dir] = parseSort(f.sort, SORT, ['r.report_date', 'desc']);
    return q.orderBy(column, dir).orderBy('e.name').orderBy('r.id');
  };

  return {
    async list(zoneId: string, f: ReportFilter & { page: number; pageSize: number }) {
      const [rows, count] = await Promise.all([
        ordered(zoneId, f).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows as ReportRow[], total: Number(count.n) };
    },
    async *stream(zoneId: string, f: ReportFilter): AsyncGenerator<ReportRow> {
      for (let page = 1; ; page++) {
        const rows = (await ordered(zoneId, f).limit(500).offset((page - 1) * 500).execute()) as ReportRow[];
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    byDay: (zoneId: string, enterpriseId: string, day: string) =>
      db.selectFrom('resumption_daily_reports').selectAll().where('zone_id', '=', zoneId).where('enterprise_id', '=', enterpriseId).where('report_date', '=', day).executeTakeFirst(),
    /** Inserts the day's first report; false when the enterprise already has one that day (it is left alone). */
    async insertIfNone(row: ResumptionDailyReportsTable): Promise<boolean> {
      const inserted = await db
        .insertInto('resumption_daily_reports')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'enterprise_id', 'report_date']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async replace(zoneId: string, id: string, set: Pick<ResumptionDailyReportsTable, 'staff_on_site' | 'capacity_pct' | 'supplies_days_left' | 'abnormal_temperature' | 'note' | 'reported_by' | 'reported_by_name' | 'updated_at'>) {
      await db
        .updateTable('resumption_daily_reports')
        .set((eb) => ({ ...set, replace_count: eb('replace_count', '+', 1) }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .execute();
    },
    /** Each enterprise's latest report on or before the date. */
    latestOnOrBefore(zoneId: string, asOf: string, enterpriseIds?: string[]) {
      let q = db
        .selectFrom('resumption_daily_reports as r')
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('resumption_daily_reports')
              .select(['enterprise_id', (x) => x.fn.max('report_date').as('last')])
              .where('zone_id', '=', zoneId)
              .where('report_date', '<=', asOf)
              .groupBy('enterprise_id')
              .as('m'),
          (j) => j.onRef('m.enterprise_id', '=', 'r.enterprise_id').onRef('m.last', '=', 'r.report_date'),
        )
        .select(['r.enterprise_id', 'r.report_date', 'r.staff_on_site', 'r.capacity_pct', 'r.supplies_days_left', 'r.abnormal_temperature'])
        .where('r.zone_id', '=', zoneId);
      if (enterpriseIds) q = q.where('r.enterprise_id', 'in', enterpriseIds.length ? enterpriseIds : ['']);
      return q.execute();
    },
    async reportedOn(zoneId: string, day: string): Promise<Set<string>> {
      const rows = await db.selectFrom('resumption_daily_reports').select('enterprise_id').where('zone_id', '=', zoneId).where('report_date', '=', day).execute();
      return new Set(rows.map((r) => r.enterprise_id));
    },

    // ---- reminders: one per kind, target and day
    async remindedOn(zoneId: string, kind: string, day: string): Promise<Set<string>> {
      const rows = await db.selectFrom('resumption_reminders').select('target_id').where('zone_id', '=', zoneId).where('kind', '=', kind).where('day', '=', day).execute();
      return new Set(rows.map((r) => r.target_id));
    },
    /** Records the reminder; false when it was already sent that day. */
    async remindOnce(zoneId: string, kind: string, targetId: string, day: string, at: number): Promise<boolean> {
      const inserted = await db
        .insertInto('resumption_reminders')
        .values({ zone_id: zoneId, kind, target_id: targetId, day, created_at: at })
        .onConflict((oc) => oc.columns(['zone_id', 'kind', 'target_id', 'day']).doNothing())
        .returning('target_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
  };
}
