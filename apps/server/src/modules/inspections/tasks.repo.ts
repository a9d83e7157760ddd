// SQL of inspection tasks, the places walked and the answers given. A task's row is the lock of
// its record: every write first updates the row under a status condition, so answers, photos and
// places wait for (and then see) a parallel submission, and two submissions cannot both win.
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { InspectionAnswersTable, InspectionPlacesTable, InspectionTasksTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

const SORT = { dueDate: 't.due_date', parkName: 'pk.name', submittedAt: 't.submitted_at' } as const;

export type TaskFilter = {
  q?: string | undefined;
  inspectorId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  roundId?: string | undefined;
  parkId?: string | undefined;
  dueDate?: string | undefined;
  /** Missed (true) or not (false) as of this day. */
  missed?: { today: string; value: boolean } | undefined;
  sort?: string | undefined;
};

export function makeTasksRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: TaskFilter) => {
    let q = db
      .selectFrom('inspection_tasks as t')
      .innerJoin('parks as pk', (j) => j.onRef('pk.id', '=', 't.park_id').onRef('pk.zone_id', '=', 't.zone_id'))
      .where('t.zone_id', '=', zoneId);
    if (f.inspectorId) q = q.where('t.inspector_id', '=', f.inspectorId);
    if (f.kind) q = q.where('t.kind', '=', f.kind);
    if (f.status) q = q.where('t.status', '=', f.status);
    if (f.roundId) q = q.where('t.round_id', '=', f.roundId);
    if (f.parkId) q = q.where('t.park_id', '=', f.parkId);
    if (f.dueDate) q = q.where('t.due_date', '=', f.dueDate);
    if (f.missed) {
      const { today, value } = f.missed;
      q = value ? q.where('t.status', '<>', 'submitted').where('t.due_date', '<', today) : q.where((eb) => eb.or([eb('t.status', '=', 'submitted'), eb('t.due_date', '>=', today)]));
    }
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => containsText(dialect, eb.ref('pk.name'), needle));
    }
    return q;
  };

  return {
    async list(zoneId: string, f: TaskFilter & { page: number; pageSize: number }) {
      const [column, dir] = parseSort(f.sort, SORT, ['t.due_date', 'desc']);
      const [rows, count] = await Promise.all([
        filtered(zoneId, f).selectAll('t').orderBy(column, dir).orderBy('pk.name').orderBy('t.id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows as InspectionTasksTable[], total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => db.selectFrom('inspection_tasks').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** The tasks of rounds (their park and status), for coverage. */
    ofRounds: (zoneId: string, roundIds: string[]) =>
      roundIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('inspection_tasks').select(['id', 'round_id', 'park_id', 'status']).where('zone_id', '=', zoneId).where('round_id', 'in', roundIds).execute(),
    /** Places of the rounds' submitted tasks: the buildings and enterprises they covered. */
    coveredPlaces: (zoneId: string, roundIds: string[]) =>
      roundIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('inspection_places as p')
            .innerJoin('inspection_tasks as t', (j) => j.onRef('t.id', '=', 'p.task_id').onRef('t.zone_id', '=', 'p.zone_id'))
            .select(['t.round_id', 't.park_id', 'p.building_id', 'p.enterprise_id'])
            .distinct()
            .where('p.zone_id', '=', zoneId)
            .where('t.round_id', 'in', roundIds)
            .where('t.status', '=', 'submitted')
            .execute(),
    /** Answers and failed answers per task. */
    async counts(zoneId: string, taskIds: string[]): Promise<Map<string, { answered: number; failed: number }>> {
      if (taskIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('inspection_answers')
        .select(['task_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('result', '=', 'fail').then(1).else(0).end()).as('failed')])
        .where('zone_id', '=', zoneId)
        .where('task_id', 'in', taskIds)
        .groupBy('task_id')
        .execute();
      return new Map(rows.map((r) => [r.task_id, { answered: Number(r.n), failed: Number(r.failed ?? 0) }]));
    },
    places: (zoneId: string, taskId: string) => db.selectFrom('inspection_places').selectAll().where('zone_id', '=', zoneId).where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute(),
    place: (zoneId: string, taskId: string, placeId: string) =>
      db.selectFrom('inspection_places').selectAll().where('zone_id', '=', zoneId).where('task_id', '=', taskId).where('id', '=', placeId).executeTakeFirst(),
    findPlace(zoneId: string, taskId: string, p: { place: string; building_id: string | null; enterprise_id: string | null }) {
      let q = db.selectFrom('inspection_places').selectAll().where('zone_id', '=', zoneId).where('task_id', '=', taskId).where('place', '=', p.place);
      q = p.building_id === null ? q.where('building_id', 'is', null) : q.where('building_id', '=', p.building_id);
      q = p.enterprise_id === null ? q.where('enterprise_id', 'is', null) : q.where('enterprise_id', '=', p.enterprise_id);
      return q.orderBy('created_at').executeTakeFirst();
    },
    answers: (zoneId: string, taskId: string) => db.selectFrom('inspection_answers').selectAll().where('zone_id', '=', zoneId).where('task_id', '=', taskId).orderBy('answered_at').orderBy('id').execute(),
    answer: (zoneId: string, taskId: string, placeId: string, itemKey: string) =>
      db.selectFrom('inspection_answers').selectAll().where('zone_id', '=', zoneId).where('task_id', '=', taskId).where('place_id', '=', placeId).where('item_key', '=', itemKey).executeTakeFirst(),

    async insertTasks(rows: InspectionTasksTable[]) {
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('inspection_tasks').values(rows.slice(i, i + 200)).execute();
    },
    async insertPlace(row: InspectionPlacesTable) {
      await db.insertInto('inspection_places').values(row).execute();
    },
    /** One answer per task, place and item: a second answer replaces the first. */
    async upsertAnswer(row: InspectionAnswersTable) {
      const { id: _id, zone_id: _z, task_id: _t, place_id: _p, item_key: _k, ...set } = row;
      await db
        .insertInto('inspection_answers')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'task_id', 'place_id', 'item_key']).doUpdateSet(set))
        .execute();
    },
    /**
     * Changes the task only while it is in one of `statuses` (and at `version` when given); the
     * number of rows changed (0: it was not). `bump` moves the version on, `startAt` sets started_at
     * when it is not set yet. Inside a transaction this holds the task's row.
     */
    async updateIf(zoneId: string, id: string, statuses: readonly string[], set: Partial<InspectionTasksTable>, opts: { version?: number | undefined; bump?: boolean; startAt?: number } = {}): Promise<number> {
      let q = db
        .updateTable('inspection_tasks')
        .set((eb) => ({
          ...set,
          ...(opts.bump ? { version: eb('version', '+', 1) } : {}),
          ...(opts.startAt !== undefined ? { started_at: eb.fn.coalesce('started_at', eb.val(opts.startAt)) } : {}),
        }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', 'in', [...statuses]);
      if (opts.version !== undefined) q = q.where('version', '=', opts.version);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    /** Moves a pending task to in progress (first answer), bumping its version. */
    async startIfPending(zoneId: string, id: string, now: number) {
      await db
        .updateTable('inspection_tasks')
        .set((eb) => ({ status: 'in_progress', started_at: eb.fn.coalesce('started_at', eb.val(now)), version: eb('version', '+', 1), updated_at: now }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}
