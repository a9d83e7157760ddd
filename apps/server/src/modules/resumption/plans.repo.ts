// Resumption plans (复工申请) with their files, timeline and site checks. One open plan per
// enterprise is kept by the unique (zone_id, open_enterprise_id) constraint.
import type { PlanStatus } from '@shuangsheng/contracts';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { ResumptionPlanEventsTable, ResumptionPlanFilesTable, ResumptionPlansTable, ResumptionSiteChecksTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

const SORT = { submittedAt: 'p.submitted_at', slaDueAt: 'p.sla_due_at', updatedAt: 'p.updated_at', enterpriseName: 'e.name', number: 'p.number' } as const;

/** What a plan list is narrowed to (the service resolved visibility into `enterpriseIds`). */
export type PlanFilter = {
  q?: string | undefined;
  status?: PlanStatus | undefined;
  parkId?: string | undefined;
  enterpriseId?: string | undefined;
  /** null: every enterprise of the zone. */
  enterpriseIds: string[] | null;
  /** Submitted plans whose SLA ends before this instant. */
  overdueAt?: number | undefined;
  sort?: string | undefined;
};

export function makePlansRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: PlanFilter) => {
    let q = db
      .selectFrom('resumption_plans as p')
      .innerJoin('enterprises as e', (j) => j.onRef('e.id', '=', 'p.enterprise_id').onRef('e.zone_id', '=', 'p.zone_id'))
      .where('p.zone_id', '=', zoneId);
    if (f.enterpriseIds) q = f.enterpriseIds.length ? q.where('p.enterprise_id', 'in', f.enterpriseIds) : q.where((eb) => eb.val(1), '=', 0);
    if (f.enterpriseId) q = q.where('p.enterprise_id', '=', f.enterpriseId);
    if (f.status) q = q.where('p.status', '=', f.status);
    if (f.parkId) q = q.where('e.park_id', '=', f.parkId);
    if (f.overdueAt !== undefined) q = q.where('p.status', '=', 'submitted').where('p.sla_due_at', '<', f.overdueAt);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('p.number'), needle.toUpperCase()), containsText(dialect, eb.ref('e.name'), needle), containsText(dialect, eb.ref('e.credit_code'), needle.toUpperCase())]));
    }
    return q;
  };

  const ordered = (zoneId: string, f: PlanFilter) => {
    const q = filtered(zoneId, f).selectAll('p');
    if (f.sort) {
      const [column, dir] = parseSort(f.sort, SORT, ['p.updated_at', 'desc']);
      return q.orderBy(column, dir).orderBy('p.id', 'desc');
    }
    // The reviewers' queue: submitted plans first, the one whose SLA ends first on top.
    return q
      .orderBy((eb) => eb.case().when('p.status', '=', 'submitted').then(0).else(1).end())
      .orderBy('p.sla_due_at', 'asc')
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id', 'desc');
  };

  return {
    async list(zoneId: string, f: PlanFilter & { page: number; pageSize: number }) {
      const [rows, count] = await Promise.all([
        ordered(zoneId, f).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows as ResumptionPlansTable[], total: Number(count.n) };
    },
    async *stream(zoneId: string, f: PlanFilter): AsyncGenerator<ResumptionPlansTable> {
      for (let page = 1; ; page++) {
        const rows = (await ordered(zoneId, f).limit(500).offset((page - 1) * 500).execute()) as ResumptionPlansTable[];
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string) => db.selectFrom('resumption_plans').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** The enterprise's open plan (draft, submitted, returned or approved), if any. */
    openOf: (zoneId: string, enterpriseId: string) =>
      db.selectFrom('resumption_plans').selectAll().where('zone_id', '=', zoneId).where('open_enterprise_id', '=', enterpriseId).executeTakeFirst(),
    /** Every plan of the enterprise, newest first. */
    ofEnterprise: (zoneId: string, enterpriseId: string) =>
      db.selectFrom('resumption_plans').selectAll().where('zone_id', '=', zoneId).where('enterprise_id', '=', enterpriseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    /** What the derived status needs of every plan of the zone (or of some enterprises). */
    facts(zoneId: string, enterpriseIds?: string[]) {
      let q = db
        .selectFrom('resumption_plans')
        .select(['id', 'enterprise_id', 'status', 'open_enterprise_id', 'approved_on', 'employees_total', 'created_at'])
        .where('zone_id', '=', zoneId);
      if (enterpriseIds) q = q.where('enterprise_id', 'in', enterpriseIds.length ? enterpriseIds : ['']);
      return q.orderBy('created_at').orderBy('id').execute();
    },
    /** The first submission of each plan (a returned plan submitted again keeps its first). */
    async firstSubmissions(zoneId: string, planIds?: string[]): Promise<Map<string, number>> {
      let q = db
        .selectFrom('resumption_plan_events')
        .select(['plan_id', (eb) => eb.fn.min<number>('at').as('at')])
        .where('zone_id', '=', zoneId)
        .where('action', '=', 'submit');
      if (planIds) q = q.where('plan_id', 'in', planIds.length ? planIds : ['']);
      const rows = await q.groupBy('plan_id').execute();
      return new Map(rows.map((r) => [r.plan_id, Number(r.at)]));
    },
    async insert(row: ResumptionPlansTable) {
      await db.insertInto('resumption_plans').values(row).execute();
    },
    /** Writes only if nobody changed the plan since it was read (same version): true if written. */
    async updateIfVersion(zoneId: string, id: string, version: number, set: Partial<ResumptionPlansTable>): Promise<boolean> {
      const res = await db
        .updateTable('resumption_plans')
        .set({ ...set, version: version + 1 })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async setNumber(zoneId: string, id: string, number: string) {
      await db.updateTable('resumption_plans').set({ number }).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },

    // ---- files
    async insertFile(row: ResumptionPlanFilesTable) {
      await db.insertInto('resumption_plan_files').values(row).execute();
    },
    files: (zoneId: string, planIds: string[]) =>
      planIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('resumption_plan_files as pf')
            .innerJoin('files as f', (j) => j.onRef('f.id', '=', 'pf.file_id').onRef('f.zone_id', '=', 'pf.zone_id'))
            .select(['pf.plan_id', 'f.id', 'f.name', 'f.type', 'f.size', 'pf.created_at'])
            .where('pf.zone_id', '=', zoneId)
            .where('pf.plan_id', 'in', planIds)
            .orderBy('pf.created_at')
            .orderBy('f.id')
            .execute(),

    // ---- timeline and site checks
    async insertEvent(row: ResumptionPlanEventsTable) {
      await db.insertInto('resumption_plan_events').values(row).execute();
    },
    events: (zoneId: string, planId: string) =>
      db.selectFrom('resumption_plan_events').selectAll().where('zone_id', '=', zoneId).where('plan_id', '=', planId).orderBy('at').orderBy('id').execute(),
    async insertSiteCheck(row: ResumptionSiteChecksTable) {
      await db.insertInto('resumption_site_checks').values(row).execute();
    },
    siteChecks: (zoneId: string, planId: string) =>
      db.selectFrom('resumption_site_checks').selectAll().where('zone_id', '=', zoneId).where('plan_id', '=', planId).orderBy('check_date').orderBy('created_at').orderBy('id').execute(),
  };
}
export type PlansRepo = ReturnType<typeof makePlansRepo>;
