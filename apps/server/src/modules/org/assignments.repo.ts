import type { Executor } from '../../platform/context.js';
import type { AssignmentsTable } from '../../db/schema.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';

const SORT = { createdAt: 'assignments.created_at', kind: 'assignments.kind' } as const;

export type AssignmentFilter = {
  kind?: string | undefined;
  userId?: string | undefined;
  targetId?: string | undefined;
  targetIds?: string[] | undefined;
  primaryOnly?: boolean | undefined;
  q?: string | undefined;
  /** Targets whose names match `q` (resolved by the service across modules). */
  qTargetIds?: string[] | undefined;
};

export function makeAssignmentsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: AssignmentFilter) => {
    let q = db.selectFrom('assignments').innerJoin('users', 'users.id', 'assignments.user_id').where('assignments.zone_id', '=', zoneId);
    if (f.kind) q = q.where('assignments.kind', '=', f.kind);
    if (f.userId) q = q.where('assignments.user_id', '=', f.userId);
    if (f.targetId) q = q.where('assignments.target_id', '=', f.targetId);
    if (f.targetIds) q = q.where('assignments.target_id', 'in', f.targetIds.length ? f.targetIds : ['-']);
    if (f.primaryOnly) q = q.where('assignments.is_primary', '=', 1);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('users.display_name'), needle),
          containsText(dialect, eb.ref('users.username'), needle),
          containsText(dialect, eb.ref('assignments.note'), needle),
          ...(f.qTargetIds?.length ? [eb('assignments.target_id', 'in', f.qTargetIds)] : []),
        ]),
      );
    }
    return q;
  };
  return {
    async list(zoneId: string, f: AssignmentFilter & { page: number; pageSize: number; sort?: string | undefined }) {
      const base = filtered(zoneId, f);
      const [column, dir] = parseSort(f.sort, SORT, ['assignments.created_at', 'desc']);
      const [rows, count] = await Promise.all([
        base.selectAll('assignments').select(['users.display_name as user_name', 'users.username']).orderBy(column, dir).orderBy('assignments.id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) =>
      db
        .selectFrom('assignments')
        .innerJoin('users', 'users.id', 'assignments.user_id')
        .selectAll('assignments')
        .select(['users.display_name as user_name', 'users.username'])
        .where('assignments.zone_id', '=', zoneId)
        .where('assignments.id', '=', id)
        .executeTakeFirst(),
    async insert(row: AssignmentsTable) {
      await db.insertInto('assignments').values(row).execute();
    },
    async demotePrimary(zoneId: string, kind: string, targetId: string, now: number) {
      await db
        .updateTable('assignments')
        .set({ is_primary: 0, updated_at: now })
        .where('zone_id', '=', zoneId)
        .where('kind', '=', kind)
        .where('target_id', '=', targetId)
        .where('is_primary', '=', 1)
        .execute();
    },
    async update(zoneId: string, id: string, patch: Partial<AssignmentsTable>) {
      await db.updateTable('assignments').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async remove(zoneId: string, id: string) {
      await db.deleteFrom('assignments').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async removeForTarget(zoneId: string, kind: string, targetId: string) {
      await db.deleteFrom('assignments').where('zone_id', '=', zoneId).where('kind', '=', kind).where('target_id', '=', targetId).execute();
    },
  };
}
