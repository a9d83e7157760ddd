// SQL of registrations (卡口登记记录): the list with its filters (checkpoint, a window, direction,
// result, source, and q = a six-character code, a name fragment or a plate), the export in pages,
// one row with its names, and the later temperature of a row with its rollup corrected.
import type { RegistrationListQuery } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { CheckpointRegistrationsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

/**
 * The list's filters, with its days as instants: [fromMs, toMs) of the zone's calendar days, so that
 * the (zone, at) and (zone, checkpoint, at) indexes find the window (a filter on the `day` column
 * had no index and read every row of the zone: 1.5 s for one day among 5 million rows).
 */
export type RegistrationFilter = Omit<z.infer<typeof RegistrationListQuery>, 'page' | 'pageSize' | 'from' | 'to'> & { fromMs?: number | undefined; toMs?: number | undefined };
/** A registration with the names its answer shows. */
export type RegistrationRowNamed = CheckpointRegistrationsTable & { checkpoint_name: string | null; created_by_name: string | null };

const SORT = { at: 'checkpoint_registrations.at' } as const;
/** What a code looks like: six of the characters codes are made of. */
const CODE_RE = /^[0-9A-Z]{6}$/;

export function makeRegistrationsRepo(db: Executor, dialect: DialectName) {
  const joined = (zoneId: string) =>
    db
      .selectFrom('checkpoint_registrations')
      .leftJoin('checkpoints', (j) => j.onRef('checkpoints.id', '=', 'checkpoint_registrations.checkpoint_id').on('checkpoints.zone_id', '=', zoneId))
      .leftJoin('users', (j) => j.onRef('users.id', '=', 'checkpoint_registrations.created_by').on('users.zone_id', '=', zoneId))
      .where('checkpoint_registrations.zone_id', '=', zoneId);
  const withNames = <Q extends ReturnType<typeof joined>>(q: Q) =>
    q.selectAll('checkpoint_registrations').select(['checkpoints.name as checkpoint_name', 'users.display_name as created_by_name']);

  const filtered = (zoneId: string, f: RegistrationFilter) => {
    let q = joined(zoneId);
    if (f.checkpointId) q = q.where('checkpoint_registrations.checkpoint_id', '=', f.checkpointId);
    if (f.fromMs !== undefined) q = q.where('checkpoint_registrations.at', '>=', f.fromMs);
    if (f.toMs !== undefined) q = q.where('checkpoint_registrations.at', '<', f.toMs);
    if (f.direction) q = q.where('checkpoint_registrations.direction', '=', f.direction);
    if (f.result) q = q.where('checkpoint_registrations.result', '=', f.result);
    if (f.source) q = q.where('checkpoint_registrations.source', '=', f.source);
    if (f.q) {
      const needle = f.q;
      const upper = needle.toUpperCase();
      const plate = upper.replace(/[\s·•-]/g, '');
      q = q.where((eb) =>
        eb.or([
          ...(CODE_RE.test(upper) ? [eb('checkpoint_registrations.code', '=', upper)] : []),
          containsText(dialect, eb.ref('checkpoint_registrations.name'), needle),
          ...(plate ? [containsText(dialect, eb.ref('checkpoint_registrations.plate'), plate)] : []),
        ]),
      );
    }
    return q;
  };

  /** A page of the list, and the count of all it filters. */
  const pageQuery = (zoneId: string, f: RegistrationFilter & { page: number; pageSize: number }) => {
    const [column, dir] = parseSort(f.sort, SORT, ['checkpoint_registrations.at', 'desc']);
    return withNames(filtered(zoneId, f)).orderBy(column, dir).orderBy('checkpoint_registrations.id', dir).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize));
  };
  const countQuery = (zoneId: string, f: RegistrationFilter) => filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n'));

  return {
    pageQuery,
    countQuery,
    async list(zoneId: string, f: RegistrationFilter & { page: number; pageSize: number }): Promise<{ rows: RegistrationRowNamed[]; total: number }> {
      const [rows, count] = await Promise.all([pageQuery(zoneId, f).execute(), countQuery(zoneId, f).executeTakeFirstOrThrow()]);
      return { rows, total: Number(count.n) };
    },
    /** The filtered rows in time order, a page of 500 at a time (keyset on at, id). */
    async *stream(zoneId: string, f: RegistrationFilter): AsyncGenerator<RegistrationRowNamed[]> {
      let after: { at: number; id: string } | null = null;
      for (;;) {
        let q = withNames(filtered(zoneId, f));
        if (after) {
          const { at, id } = after;
          q = q.where((eb) => eb.or([eb('checkpoint_registrations.at', '>', at), eb.and([eb('checkpoint_registrations.at', '=', at), eb('checkpoint_registrations.id', '>', id)])]));
        }
        const rows = await q.orderBy('checkpoint_registrations.at', 'asc').orderBy('checkpoint_registrations.id', 'asc').limit(500).execute();
        if (rows.length) yield rows;
        if (rows.length < 500) return;
        const last = rows[rows.length - 1]!;
        after = { at: last.at, id: last.id };
      }
    },
    get: (zoneId: string, id: string): Promise<RegistrationRowNamed | undefined> => withNames(joined(zoneId)).where('checkpoint_registrations.id', '=', id).executeTakeFirst(),
    byIds: (zoneId: string, ids: string[]): Promise<RegistrationRowNamed[]> =>
      ids.length ? withNames(joined(zoneId)).where('checkpoint_registrations.id', 'in', ids).execute() : Promise.resolve([]),
    /**
     * Sets a row's temperature and result only if they are still what was read (a parallel entry
     * loses): true if written.
     */
    async setTemperature(zoneId: string, id: string, was: { temperature: number | null; result: string }, set: { temperature: number; result: string; reasons: string }): Promise<boolean> {
      let q = db.updateTable('checkpoint_registrations').set(set).where('zone_id', '=', zoneId).where('id', '=', id).where('result', '=', was.result);
      q = was.temperature === null ? q.where('temperature', 'is', null) : q.where('temperature', '=', was.temperature);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type RegistrationsRepo = ReturnType<typeof makeRegistrationsRepo>;
