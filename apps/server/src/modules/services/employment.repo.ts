// SQL of employment registrations. ID numbers and phones are stored encrypted and found by their
// blind index only.
import type { EmploymentListQuery } from '@shuangsheng/contracts';
import type { EmploymentRegistrationsTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { Executor } from '../../platform/context.js';

const SORT = { returnedOn: 'returned_on', registeredOn: 'registered_on', name: 'name' } as const;

export type EmploymentFilter = Omit<EmploymentListQuery, 'page' | 'pageSize' | 'q'> & {
  name?: string | undefined;
  idNumberIdx?: string | undefined;
  phoneIdx?: string | undefined;
  onlyEnterprises?: string[] | undefined;
};

export function makeEmploymentRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: EmploymentFilter) => {
    let q = db.selectFrom('employment_registrations').where('zone_id', '=', zoneId);
    if (f.idNumberIdx) q = q.where('id_number_idx', '=', f.idNumberIdx);
    else if (f.phoneIdx) q = q.where('phone_idx', '=', f.phoneIdx);
    else if (f.name) {
      const needle = f.name;
      q = q.where((eb) => containsText(dialect, eb.ref('name'), needle));
    }
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.returnedFrom) q = q.where('returned_on', '>=', f.returnedFrom);
    if (f.returnedTo) q = q.where('returned_on', '<=', f.returnedTo);
    if (f.onlyEnterprises) q = f.onlyEnterprises.length ? q.where('enterprise_id', 'in', f.onlyEnterprises) : q.where('id', '=', '-');
    return q;
  };
  return {
    async list(zoneId: string, f: EmploymentFilter & { page: number; pageSize: number }) {
      const [column, dir] = parseSort(f.sort, SORT, ['returned_on', 'desc']);
      const base = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, dir).orderBy('id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: EmploymentFilter): AsyncGenerator<EmploymentRegistrationsTable> {
      const [column, dir] = parseSort(f.sort, SORT, ['returned_on', 'desc']);
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, f).selectAll().orderBy(column, dir).orderBy('id').limit(1000).offset((page - 1) * 1000).execute();
        yield* rows;
        if (rows.length < 1000) return;
      }
    },
    get: (zoneId: string, id: string) => db.selectFrom('employment_registrations').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** Registrations of these enterprises with these ID numbers (by blind index). */
    async byIdNumbers(zoneId: string, enterpriseIds: string[], idIdx: string[]): Promise<EmploymentRegistrationsTable[]> {
      if (enterpriseIds.length === 0 || idIdx.length === 0) return [];
      const out: EmploymentRegistrationsTable[] = [];
      for (let i = 0; i < idIdx.length; i += 500) {
        out.push(
          ...(await db
            .selectFrom('employment_registrations')
            .selectAll()
            .where('zone_id', '=', zoneId)
            .where('enterprise_id', 'in', enterpriseIds)
            .where('id_number_idx', 'in', idIdx.slice(i, i + 500))
            .execute()),
        );
      }
      return out;
    },
    async insert(rows: EmploymentRegistrationsTable[]) {
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('employment_registrations').values(rows.slice(i, i + 100)).execute();
    },
    async update(zoneId: string, id: string, set: Partial<EmploymentRegistrationsTable>) {
      await db.updateTable('employment_registrations').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async countRegistered(zoneId: string, from: string, to: string): Promise<number> {
      const r = await db
        .selectFrom('employment_registrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('zone_id', '=', zoneId)
        .where('registered_on', '>=', from)
        .where('registered_on', '<=', to)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
