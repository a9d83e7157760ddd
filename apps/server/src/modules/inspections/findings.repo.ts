// SQL of findings (巡查问题) and the rectification ledger (巡查台账): the list with its filters and
// names joined, state changes guarded by the version read, the events timeline, follow-up counts,
// and the figures other parts read.
import type { FindingListQuery } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { InspectionFindingEventsTable, InspectionFindingsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

const SORT = { foundOn: 'inspection_findings.found_on', deadline: 'inspection_findings.deadline', number: 'inspection_findings.number', closedOn: 'inspection_findings.closed_on' } as const;

/** The list's filter with what the service resolved: today (for overdue) and the enterprises matching `q`. */
export type FindingFilter = Omit<z.infer<typeof FindingListQuery>, 'page' | 'pageSize'> & { today: string; enterpriseMatches?: string[] | undefined };

/** A finding with the names the ledger shows. */
export type FindingRow = InspectionFindingsTable & { park_name: string | null; round_name: string | null; enterprise_name: string | null; inspector_name: string | null };

export function makeFindingsRepo(db: Executor, dialect: DialectName) {
  const joined = (zoneId: string) =>
    db
      .selectFrom('inspection_findings')
      .leftJoin('parks', (j) => j.onRef('parks.id', '=', 'inspection_findings.park_id').on('parks.zone_id', '=', zoneId))
      .leftJoin('inspection_rounds', (j) => j.onRef('inspection_rounds.id', '=', 'inspection_findings.round_id').on('inspection_rounds.zone_id', '=', zoneId))
      .leftJoin('enterprises', (j) => j.onRef('enterprises.id', '=', 'inspection_findings.enterprise_id').on('enterprises.zone_id', '=', zoneId))
      .leftJoin('users', (j) => j.onRef('users.id', '=', 'inspection_findings.inspector_id').on('users.zone_id', '=', zoneId))
      .where('inspection_findings.zone_id', '=', zoneId);

  const withNames = <Q extends ReturnType<typeof joined>>(q: Q) =>
    q.selectAll('inspection_findings').select(['parks.name as park_name', 'inspection_rounds.name as round_name', 'enterprises.name as enterprise_name', 'users.display_name as inspector_name']);

  const filtered = (zoneId: string, f: FindingFilter) => {
    let q = joined(zoneId);
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseMatches ?? [];
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('inspection_findings.number'), needle.toUpperCase()),
          containsText(dialect, eb.ref('inspection_findings.description'), needle),
          containsText(dialect, eb.ref('inspection_findings.item_title'), needle),
          containsText(dialect, eb.ref('inspection_findings.place_label'), needle),
          containsText(dialect, eb.ref('inspection_findings.responsible_party'), needle),
          ...(ids.length ? [eb('inspection_findings.enterprise_id', 'in', ids)] : []),
        ]),
      );
    }
    if (f.status) q = q.where('inspection_findings.status', '=', f.status);
    if (f.disposition) q = q.where('inspection_findings.disposition', '=', f.disposition);
    if (f.ledger === true) q = q.where('inspection_findings.disposition', '=', 'ledger');
    if (f.ledger === false) q = q.where('inspection_findings.disposition', '<>', 'ledger');
    if (f.parkId) q = q.where('inspection_findings.park_id', '=', f.parkId);
    if (f.roundId) q = q.where('inspection_findings.round_id', '=', f.roundId);
    if (f.severity) q = q.where('inspection_findings.severity', '=', f.severity);
    if (f.itemKey) q = q.where('inspection_findings.item_key', '=', f.itemKey);
    if (f.overdue === true) q = q.where('inspection_findings.status', '=', 'open').where('inspection_findings.deadline', '<', f.today);
    if (f.overdue === false)
      q = q.where((eb) => eb.or([eb('inspection_findings.status', '<>', 'open'), eb('inspection_findings.deadline', 'is', null), eb('inspection_findings.deadline', '>=', f.today)]));
    return q;
  };

  return {
    async list(zoneId: string, f: FindingFilter & { page: number; pageSize: number }): Promise<{ rows: FindingRow[]; total: number }> {
      const [column, dir] = parseSort(f.sort, SORT, ['inspection_findings.number', 'desc']);
      const base = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        withNames(base).orderBy(column, dir).orderBy('inspection_findings.number', dir).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: FindingFilter): AsyncGenerator<FindingRow[]> {
      const [column, dir] = parseSort(f.sort, SORT, ['inspection_findings.number', 'asc']);
      for (let page = 1; ; page++) {
        const rows = await withNames(filtered(zoneId, f)).orderBy(column, dir).orderBy('inspection_findings.number', dir).limit(500).offset((page - 1) * 500).execute();
        if (rows.length) yield rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string): Promise<FindingRow | undefined> => withNames(joined(zoneId)).where('inspection_findings.id', '=', id).executeTakeFirst(),
    byIds: (zoneId: string, ids: string[]): Promise<FindingRow[]> => (ids.length ? withNames(joined(zoneId)).where('inspection_findings.id', 'in', ids).orderBy('inspection_findings.number').execute() : Promise.resolve([])),
    byTask: (zoneId: string, taskId: string): Promise<FindingRow[]> => withNames(joined(zoneId)).where('inspection_findings.task_id', '=', taskId).orderBy('inspection_findings.number').execute(),
    numbersOf: (zoneId: string, ids: string[]) =>
      ids.length ? db.selectFrom('inspection_findings').select(['id', 'number']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute() : Promise.resolve([]),
    async insert(row: InspectionFindingsTable) {
      await db.insertInto('inspection_findings').values(row).execute();
    },
    /** Writes only if nobody changed the finding since it was read (same version): true if written. */
    async updateIfVersion(zoneId: string, id: string, version: number, set: Partial<InspectionFindingsTable>): Promise<boolean> {
      const res = await db
        .updateTable('inspection_findings')
        .set({ ...set, version: version + 1 })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async insertEvent(row: InspectionFindingEventsTable) {
      await db.insertInto('inspection_finding_events').values(row).execute();
    },
    events: (zoneId: string, findingId: string) =>
      db.selectFrom('inspection_finding_events').selectAll().where('zone_id', '=', zoneId).where('finding_id', '=', findingId).orderBy('at').orderBy('id').execute(),

    /** Submitted follow-up visits per finding: how many, and the day of the latest. */
    async followUpCounts(zoneId: string, findingIds: string[]): Promise<Map<string, { count: number; last: string | null }>> {
      if (findingIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('inspection_tasks')
        .select((eb) => ['finding_id', eb.fn.countAll<number>().as('n'), eb.fn.max('due_date').as('last')])
        .where('zone_id', '=', zoneId)
        .where('kind', '=', 'follow_up')
        .where('status', '=', 'submitted')
        .where('finding_id', 'in', findingIds)
        .groupBy('finding_id')
        .execute();
      return new Map(rows.map((r) => [r.finding_id ?? '', { count: Number(r.n), last: (r.last as string | null) ?? null }]));
    },
    /** The photos uploaded to a finding's inspection task and to its follow-up tasks (JSON arrays of TaskPhoto). */
    taskPhotos: (zoneId: string, taskId: string, findingId: string) =>
      db
        .selectFrom('inspection_tasks')
        .select(['id', 'photos_json'])
        .where('zone_id', '=', zoneId)
        .where((eb) => eb.or([eb('id', '=', taskId), eb.and([eb('kind', '=', 'follow_up'), eb('finding_id', '=', findingId)])]))
        .execute(),
    /**
     * The follow-up visits of a finding just closed: those nobody started are no longer needed
     * (deleted); those with photos taken were made, and are submitted with the closing note.
     */
    async settleFollowUps(zoneId: string, findingId: string, now: number, note: string): Promise<void> {
      await db
        .deleteFrom('inspection_tasks')
        .where('zone_id', '=', zoneId)
        .where('kind', '=', 'follow_up')
        .where('finding_id', '=', findingId)
        .where('status', '=', 'pending')
        .where('photos_json', '=', '[]')
        .execute();
      await db
        .updateTable('inspection_tasks')
        .set((eb) => ({ status: 'submitted', submitted_at: now, started_at: eb.fn.coalesce('started_at', eb.val(now)), note, version: eb('version', '+', 1), updated_at: now }))
        .where('zone_id', '=', zoneId)
        .where('kind', '=', 'follow_up')
        .where('finding_id', '=', findingId)
        .where('status', '<>', 'submitted')
        .execute();
    },

    // ---- reading through the caller's transaction (submission)
    names: async (zoneId: string, parkId: string, roundId: string | null, enterpriseIds: string[], inspectorId: string | null) => {
      const [park, round, ents, user] = await Promise.all([
        db.selectFrom('parks').select('name').where('zone_id', '=', zoneId).where('id', '=', parkId).executeTakeFirst(),
        roundId ? db.selectFrom('inspection_rounds').select('name').where('zone_id', '=', zoneId).where('id', '=', roundId).executeTakeFirst() : Promise.resolve(undefined),
        enterpriseIds.length ? db.selectFrom('enterprises').select(['id', 'name']).where('zone_id', '=', zoneId).where('id', 'in', enterpriseIds).execute() : Promise.resolve([]),
        inspectorId ? db.selectFrom('users').select('display_name').where('zone_id', '=', zoneId).where('id', '=', inspectorId).executeTakeFirst() : Promise.resolve(undefined),
      ]);
      return { park: park?.name ?? null, round: round?.name ?? null, enterprises: new Map(ents.map((e) => [e.id, e.name])), inspector: user?.display_name ?? null };
    },

    // ---- figures for other parts
    async openCountsByPark(zoneId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('inspection_findings')
        .select((eb) => ['park_id', eb.fn.countAll<number>().as('n')])
        .where('zone_id', '=', zoneId)
        .where('status', '=', 'open')
        .groupBy('park_id')
        .execute();
      return new Map(rows.map((r) => [r.park_id, Number(r.n)]));
    },
  };
}
export type FindingsRepo = ReturnType<typeof makeFindingsRepo>;
