// SQL of the commissioners' visits (走访记录): the log with its filters, and each enterprise's last visit.
import type { VisitListQuery } from '@shuangsheng/contracts';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf } from '../../db/paging.js';
import type { ResumptionVisitsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export type VisitFilter = Omit<VisitListQuery, 'page' | 'pageSize'> & {
  /** Only these enterprises (null: the whole zone). */
  onlyEnterprises: string[] | null;
  enterpriseMatches?: string[] | undefined;
};

export function makeVisitsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: VisitFilter) => {
    let q = db.selectFrom('resumption_visits').where('zone_id', '=', zoneId);
    if (f.onlyEnterprises) q = f.onlyEnterprises.length ? q.where('enterprise_id', 'in', f.onlyEnterprises) : q.where('id', '=', '-');
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseMatches ?? [];
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('content'), needle), containsText(dialect, eb.ref('policies_explained'), needle), ...(ids.length ? [eb('enterprise_id', 'in', ids)] : [])]));
    }
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.commissionerId) q = q.where('commissioner_id', '=', f.commissionerId);
    if (f.from) q = q.where('visit_date', '>=', f.from);
    if (f.to) q = q.where('visit_date', '<=', f.to);
    return q;
  };
  const ordered = (zoneId: string, f: VisitFilter) => filtered(zoneId, f).selectAll().orderBy('visit_date', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc');

  return {
    async list(zoneId: string, f: VisitFilter & { page: number; pageSize: number }) {
      const [rows, count] = await Promise.all([
        ordered(zoneId, f).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: VisitFilter): AsyncGenerator<ResumptionVisitsTable[]> {
      for (let page = 1; ; page++) {
        const rows = await ordered(zoneId, f).limit(500).offset((page - 1) * 500).execute();
        if (rows.length) yield rows;
        if (rows.length < 500) return;
      }
    },
    async insert(row: ResumptionVisitsTable) {
      await db.insertInto('resumption_visits').values(row).execute();
    },
    async lastVisits(zoneId: string, enterpriseIds?: string[]): Promise<{ enterpriseId: string; last: string }[]> {
      if (enterpriseIds && enterpriseIds.length === 0) return [];
      let q = db.selectFrom('resumption_visits').select((eb) => ['enterprise_id', eb.fn.max('visit_date').as('last')]).where('zone_id', '=', zoneId);
      if (enterpriseIds) q = q.where('enterprise_id', 'in', enterpriseIds);
      return (await q.groupBy('enterprise_id').execute()).map((r) => ({ enterpriseId: r.enterprise_id, last: String(r.last) }));
    },
  };
}
