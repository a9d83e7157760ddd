// SQL of consultations (咨询) and the public FAQ, with the name of the service item asked about.
import type { ConsultationListQuery } from '@shuangsheng/contracts';
import type { ConsultationsTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { Executor } from '../../platform/context.js';

const SORT = { askedOn: 'c.asked_on', answeredAt: 'c.answered_at' } as const;

export type ConsultationFilter = Omit<ConsultationListQuery, 'page' | 'pageSize'> & { askedBy?: string | undefined };
export type ConsultationRow = ConsultationsTable & { item_name: string | null };

export function makeConsultationsRepo(db: Executor, dialect: DialectName) {
  const base = (zoneId: string) =>
    db
      .selectFrom('consultations as c')
      .leftJoin('service_items as i', (j) => j.onRef('i.id', '=', 'c.item_id').onRef('i.zone_id', '=', 'c.zone_id'))
      .where('c.zone_id', '=', zoneId);
  const filtered = (zoneId: string, f: ConsultationFilter) => {
    let q = base(zoneId);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('c.title'), needle), containsText(dialect, eb.ref('c.question'), needle), containsText(dialect, eb.ref('c.answer'), needle), containsText(dialect, eb.ref('c.asker_name'), needle)]));
    }
    if (f.itemId) q = q.where('c.item_id', '=', f.itemId);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.published !== undefined) q = q.where('c.published', '=', f.published ? 1 : 0);
    if (f.from) q = q.where('c.asked_on', '>=', f.from);
    if (f.to) q = q.where('c.asked_on', '<=', f.to);
    if (f.askedBy) q = q.where('c.asked_by', '=', f.askedBy);
    return q;
  };
  const columns = (q: ReturnType<typeof base>) => q.selectAll('c').select('i.name as item_name');
  return {
    async list(zoneId: string, f: ConsultationFilter & { page: number; pageSize: number }): Promise<{ rows: ConsultationRow[]; total: number }> {
      const [column, dir] = parseSort(f.sort, SORT, ['c.asked_on', 'desc']);
      const q = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        columns(q).orderBy(column, dir).orderBy('c.created_at', 'desc').orderBy('c.id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: ConsultationFilter): AsyncGenerator<ConsultationRow> {
      const [column, dir] = parseSort(f.sort, SORT, ['c.asked_on', 'desc']);
      for (let page = 1; ; page++) {
        const rows = await columns(filtered(zoneId, f)).orderBy(column, dir).orderBy('c.created_at', 'desc').orderBy('c.id').limit(500).offset((page - 1) * 500).execute();
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string): Promise<ConsultationRow | undefined> => columns(base(zoneId)).where('c.id', '=', id).executeTakeFirst(),
    insert: (row: ConsultationsTable) => db.insertInto('consultations').values(row).execute(),
    async insertMany(rows: ConsultationsTable[]) {
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('consultations').values(rows.slice(i, i + 100)).execute();
    },
    /** Writes the new state if the row is still in the state read; false when someone was quicker. */
    async update(zoneId: string, id: string, expected: { status: string; published: number }, set: Partial<ConsultationsTable>): Promise<boolean> {
      const r = await db
        .updateTable('consultations')
        .set(set)
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', '=', expected.status)
        .where('published', '=', expected.published)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async faq(zoneId: string, f: { q?: string | undefined; itemId?: string | undefined; page: number; pageSize: number }) {
      const q = filtered(zoneId, { q: f.q, itemId: f.itemId, published: true });
      const [rows, count] = await Promise.all([
        columns(q).orderBy('c.published_at', 'desc').orderBy('c.id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async countAsked(zoneId: string, from: string, to: string, f: { itemId?: string | undefined; department?: string | undefined }): Promise<number> {
      let q = base(zoneId).where('c.asked_on', '>=', from).where('c.asked_on', '<=', to);
      if (f.itemId) q = q.where('c.item_id', '=', f.itemId);
      if (f.department) q = q.where('i.department', '=', f.department);
      const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
