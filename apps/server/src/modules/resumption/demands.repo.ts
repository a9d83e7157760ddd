// SQL of demands (诉求) and their events: the ledger with its filters, state changes guarded by
// the version read, escalation marked once, and the counts other parts (workbench, statistics) read.
import type { DemandListQuery } from '@shuangsheng/contracts';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { ResumptionDemandEventsTable, ResumptionDemandsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';
import { OPEN_DEMAND_STATUSES } from './resumption.policy.js';

const SORT = { createdAt: 'created_at', dueAt: 'due_at', updatedAt: 'updated_at', number: 'number' } as const;
const OPEN = [...OPEN_DEMAND_STATUSES];

/** The list's filter with what the service resolved: the enterprises visible or matched, and now. */
export type DemandFilter = Omit<DemandListQuery, 'page' | 'pageSize' | 'mine' | 'parkId'> & {
  now: number;
  /** Only these enterprises (null: the whole zone). */
  onlyEnterprises: string[] | null;
  /** Enterprises whose name or credit code matches `q`. */
  enterpriseMatches?: string[] | undefined;
};

export function makeDemandsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: DemandFilter) => {
    let q = db.selectFrom('resumption_demands').where('zone_id', '=', zoneId);
    if (f.onlyEnterprises) q = f.onlyEnterprises.length ? q.where('enterprise_id', 'in', f.onlyEnterprises) : q.where('id', '=', '-');
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseMatches ?? [];
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('number'), needle.toUpperCase()),
          containsText(dialect, eb.ref('title'), needle),
          containsText(dialect, eb.ref('description'), needle),
          ...(ids.length ? [eb('enterprise_id', 'in', ids)] : []),
        ]),
      );
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.department) q = q.where('department', '=', f.department);
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.overdue === true) q = q.where('status', 'in', OPEN).where('due_at', '<', f.now);
    if (f.overdue === false) q = q.where((eb) => eb.or([eb('status', 'not in', OPEN), eb('due_at', '>=', f.now)]));
    if (f.escalated === true) q = q.where('escalated_at', 'is not', null);
    if (f.escalated === false) q = q.where('escalated_at', 'is', null);
    return q;
  };

  return {
    async list(zoneId: string, f: DemandFilter & { page: number; pageSize: number }) {
      const [column, dir] = parseSort(f.sort, SORT, ['created_at', 'desc']);
      const base = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, dir).orderBy('id', dir).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: DemandFilter): AsyncGenerator<ResumptionDemandsTable[]> {
      const [column, dir] = parseSort(f.sort, SORT, ['created_at', 'desc']);
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, f).selectAll().orderBy(column, dir).orderBy('id', dir).limit(500).offset((page - 1) * 500).execute();
        if (rows.length) yield rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string) => db.selectFrom('resumption_demands').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async insert(row: ResumptionDemandsTable) {
      await db.insertInto('resumption_demands').values(row).execute();
    },
    /** Writes only if nobody changed the demand since it was read (same version): true if written. */
    async updateIfVersion(zoneId: string, id: string, version: number, set: Partial<ResumptionDemandsTable>): Promise<boolean> {
      const res = await db
        .updateTable('resumption_demands')
        .set({ ...set, version: version + 1 })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async insertEvent(row: ResumptionDemandEventsTable) {
      await db.insertInto('resumption_demand_events').values(row).execute();
    },
    events: (zoneId: string, demandId: string) =>
      db.selectFrom('resumption_demand_events').selectAll().where('zone_id', '=', zoneId).where('demand_id', '=', demandId).orderBy('at').orderBy('id').execute(),
    async byVisits(zoneId: string, visitIds: string[]): Promise<{ id: string; visit_id: string | null }[]> {
      if (visitIds.length === 0) return [];
      return db.selectFrom('resumption_demands').select(['id', 'visit_id']).where('zone_id', '=', zoneId).where('visit_id', 'in', visitIds).orderBy('number').execute();
    },

    // ---- escalation
    overdueUnescalated: (zoneId: string, now: number) =>
      db.selectFrom('resumption_demands').selectAll().where('zone_id', '=', zoneId).where('status', 'in', OPEN).where('due_at', '<', now).where('escalated_at', 'is', null).orderBy('due_at').execute(),
    /** Marks the demand escalated unless a parallel run did (or it was solved meanwhile): true if marked. */
    async markEscalated(zoneId: string, id: string, now: number): Promise<boolean> {
      const res = await db
        .updateTable('resumption_demands')
        .set({ escalated_at: now, updated_at: now })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('escalated_at', 'is', null)
        .where('status', 'in', OPEN)
        .where('due_at', '<', now)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    // ---- figures for other parts
    async openCounts(zoneId: string, now: number, enterpriseIds?: string[]) {
      if (enterpriseIds && enterpriseIds.length === 0) return [];
      let q = db
        .selectFrom('resumption_demands')
        .select((eb) => [
          'enterprise_id',
          eb.fn.countAll<number>().as('open'),
          eb.fn.sum<number>(eb.case().when('due_at', '<', now).then(1).else(0).end()).as('overdue'),
        ])
        .where('zone_id', '=', zoneId)
        .where('status', 'in', OPEN);
      if (enterpriseIds) q = q.where('enterprise_id', 'in', enterpriseIds);
      return (await q.groupBy('enterprise_id').execute()).map((r) => ({ enterpriseId: r.enterprise_id, open: Number(r.open), overdue: Number(r.overdue ?? 0) }));
    },
    createdBy: (zoneId: string, atMs: number) =>
      db.selectFrom('resumption_demands').select(['id', 'category', 'due_at']).where('zone_id', '=', zoneId).where('created_at', '<=', atMs).execute(),
    /** Every status event up to an instant, oldest first: the last one of a demand is its status then. */
    eventsUpTo: (zoneId: string, atMs: number) =>
      db.selectFrom('resumption_demand_events').select(['demand_id', 'to_status']).where('zone_id', '=', zoneId).where('at', '<=', atMs).orderBy('at').orderBy('id').execute(),
  };
}
export type DemandsRepo = ReturnType<typeof makeDemandsRepo>;
