// SQL of the registry of major projects (重大项目) and their restart.
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { MajorProjectsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

const SORT = { name: 'name', investmentFen: 'investment_fen', restartDate: 'restart_date', createdAt: 'created_at' } as const;

export type ProjectFilter = { q?: string | undefined; status?: string | undefined; parkId?: string | undefined; sort?: string | undefined; enterpriseMatches?: string[] | undefined };

export function makeProjectsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: ProjectFilter) => {
    let q = db.selectFrom('major_projects').where('zone_id', '=', zoneId);
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseMatches ?? [];
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('name'), needle), containsText(dialect, eb.ref('note'), needle), ...(ids.length ? [eb('owner_enterprise_id', 'in', ids)] : [])]));
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.parkId) q = q.where('park_id', '=', f.parkId);
    return q;
  };
  return {
    async list(zoneId: string, f: ProjectFilter & { page: number; pageSize: number }) {
      const [column, dir] = parseSort(f.sort, SORT, ['created_at', 'desc']);
      const [rows, count] = await Promise.all([
        filtered(zoneId, f).selectAll().orderBy(column, dir).orderBy('id', dir).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => db.selectFrom('major_projects').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async insert(row: MajorProjectsTable) {
      await db.insertInto('major_projects').values(row).execute();
    },
    /** Writes only while the project is in the status read (a parallel restart or undo comes first): true if written. */
    async updateIfStatus(zoneId: string, id: string, status: string, set: Partial<MajorProjectsTable>): Promise<boolean> {
      const r = await db.updateTable('major_projects').set(set).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', status).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async update(zoneId: string, id: string, set: Partial<MajorProjectsTable>) {
      await db.updateTable('major_projects').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async counts(zoneId: string, asOf: string): Promise<{ restarted: number; total: number }> {
      const r = await db
        .selectFrom('major_projects')
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.sum<number>(eb.case().when(eb.and([eb('status', '=', 'restarted'), eb('restart_date', '<=', asOf)])).then(1).else(0).end()).as('restarted'),
        ])
        .where('zone_id', '=', zoneId)
        .executeTakeFirstOrThrow();
      return { restarted: Number(r.restarted ?? 0), total: Number(r.total) };
    },
  };
}
