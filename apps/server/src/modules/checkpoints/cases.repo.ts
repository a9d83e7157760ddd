// SQL of abnormal cases (异常情况台账): the ledger with its filters, one case with its events,
// moves of the status guarded by the status read (a parallel move loses), and the case a
// registration raised.
import type { CaseListQuery } from '@shuangsheng/contracts';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { CheckpointCaseEventsTable, CheckpointCasesTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

/** The ledger's filter with the days turned into instants of the zone: [fromMs, toMs). */
export type CaseFilter = Omit<z.infer<typeof CaseListQuery>, 'page' | 'pageSize' | 'from' | 'to'> & { fromMs?: number | undefined; toMs?: number | undefined };
export type CaseRowNamed = CheckpointCasesTable & { checkpoint_name: string | null };

const SORT = { at: 'checkpoint_cases.at', updatedAt: 'checkpoint_cases.updated_at' } as const;

export function makeCasesRepo(db: Executor, dialect: DialectName) {
  const joined = (zoneId: string) =>
    db
      .selectFrom('checkpoint_cases')
      .leftJoin('checkpoints', (j) => j.onRef('checkpoints.id', '=', 'checkpoint_cases.checkpoint_id').on('checkpoints.zone_id', '=', zoneId))
      .where('checkpoint_cases.zone_id', '=', zoneId);
  const withNames = <Q extends ReturnType<typeof joined>>(q: Q) => q.selectAll('checkpoint_cases').select('checkpoints.name as checkpoint_name');

  const filtered = (zoneId: string, f: CaseFilter) => {
    let q = joined(zoneId);
    if (f.status) q = q.where('checkpoint_cases.status', '=', f.status);
    if (f.checkpointId) q = q.where('checkpoint_cases.checkpoint_id', '=', f.checkpointId);
    // Reasons are stored comma-separated; none is part of another's name, but match whole words anyway.
    if (f.reason) q = q.where(sql<SqlBool>`',' || checkpoint_cases.reasons || ',' like ${`%,${f.reason},%`}`);
    if (f.fromMs !== undefined) q = q.where('checkpoint_cases.at', '>=', f.fromMs);
    if (f.toMs !== undefined) q = q.where('checkpoint_cases.at', '<', f.toMs);
    if (f.q) {
      const needle = f.q;
      const plate = needle.toUpperCase().replace(/[\s·•-]/g, '');
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('checkpoint_cases.number'), needle.toUpperCase()),
          containsText(dialect, eb.ref('checkpoint_cases.name'), needle),
          ...(plate ? [containsText(dialect, eb.ref('checkpoint_cases.plate'), plate)] : []),
        ]),
      );
    }
    return q;
  };

  return {
    async list(zoneId: string, f: CaseFilter & { page: number; pageSize: number }): Promise<{ rows: CaseRowNamed[]; total: number }> {
      const [column, dir] = parseSort(f.sort, SORT, ['checkpoint_cases.at', 'desc']);
      const base = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        withNames(base).orderBy(column, dir).orderBy('checkpoint_cases.number', dir).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: CaseFilter): AsyncGenerator<CaseRowNamed[]> {
      for (let page = 1; ; page++) {
        const rows = await withNames(filtered(zoneId, f)).orderBy('checkpoint_cases.at', 'asc').orderBy('checkpoint_cases.number', 'asc').limit(500).offset((page - 1) * 500).execute();
        if (rows.length) yield rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string): Promise<CaseRowNamed | undefined> => withNames(joined(zoneId)).where('checkpoint_cases.id', '=', id).executeTakeFirst(),
    events: (zoneId: string, caseId: string) =>
      db.selectFrom('checkpoint_case_events').selectAll().where('zone_id', '=', zoneId).where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    /** The case a registration raised (the latest, should there be several). */
    byRegistration: (zoneId: string, registrationId: string) =>
      db.selectFrom('checkpoint_cases').selectAll().where('zone_id', '=', zoneId).where('registration_id', '=', registrationId).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
    /** Moves a case only if it is still in `from`: true if moved. */
    async move(zoneId: string, id: string, from: string, set: Partial<CheckpointCasesTable>): Promise<boolean> {
      const r = await db.updateTable('checkpoint_cases').set(set).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /**
     * A case still being followed up takes a later measurement (temperature, reasons, result): its
     * status, or null when it was closed meanwhile (a closed case keeps what it was closed with).
     */
    async remeasure(zoneId: string, id: string, set: { temperature: number; reasons: string; result: string; updated_at: number }): Promise<string | null> {
      const r = await db.updateTable('checkpoint_cases').set(set).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '!=', 'closed').returning('status').executeTakeFirst();
      return r?.status ?? null;
    },
    async insertEvent(row: CheckpointCaseEventsTable): Promise<void> {
      await db.insertInto('checkpoint_case_events').values(row).execute();
    },
  };
}
export type CasesRepo = ReturnType<typeof makeCasesRepo>;
