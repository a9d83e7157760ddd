import type { ApplicationFilter } from '@shuangsheng/contracts';
import type { Executor } from '../../platform/context.js';
import type { ApplicationEventsTable, ApplicationMaterialsTable, ApplicationsTable, LicencesTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = { number: 'number', submittedAt: 'submitted_at', dueDate: 'due_date', status: 'status', updatedAt: 'updated_at' } as const;

export const OPEN_STATUSES = ['submitted', 'accepted', 'under_review', 'correction', 'resubmitted'] as const;
export const RUNNING_STATUSES = ['accepted', 'under_review', 'resubmitted'] as const;

/** Who the list is for: officers see the zone, applicants their enterprise's or their own. */
export type Visibility = { all: true } | { enterpriseId: string } | { createdBy: string };

/** The filter with what the service resolved: dates bounding "today" and "soon", enterprise ids a search matched. */
export type ResolvedFilter = ApplicationFilter & { today: string; soonUntil: string; enterpriseIds?: string[] };

export function makeApplicationsRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, who: Visibility, f: ResolvedFilter) => {
    let q = db.selectFrom('applications').where('zone_id', '=', zoneId);
    if ('enterpriseId' in who) q = q.where('enterprise_id', '=', who.enterpriseId);
    if ('createdBy' in who) q = q.where('created_by', '=', who.createdBy);
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseIds ?? [];
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('number'), needle.toUpperCase()),
          containsText(dialect, eb.ref('applicant_name'), needle),
          containsText(dialect, eb.ref('item_name'), needle),
          ...(ids.length ? [eb('enterprise_id', 'in', ids)] : []),
        ]),
      );
    }
    if (f.status) q = q.where('status', 'in', f.status);
    if (f.open === true) q = q.where('status', 'in', [...OPEN_STATUSES]);
    if (f.open === false) q = q.where('status', 'not in', [...OPEN_STATUSES]);
    if (f.itemId) q = q.where('item_id', '=', f.itemId);
    if (f.department) q = q.where('department', '=', f.department);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.assigneeId === 'none') q = q.where('assignee_id', 'is', null);
    else if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
    if (f.from) q = q.where('submitted_on', '>=', f.from);
    if (f.to) q = q.where('submitted_on', '<=', f.to);
    if (f.due) {
      q = q.where('status', 'in', [...RUNNING_STATUSES]);
      if (f.due === 'overdue') q = q.where('due_date', '<', f.today);
      if (f.due === 'today') q = q.where('due_date', '=', f.today);
      if (f.due === 'soon') q = q.where('due_date', '>', f.today).where('due_date', '<=', f.soonUntil);
    }
    return q;
  };

  return {
    async list(zoneId: string, who: Visibility, f: ResolvedFilter & { page: number; pageSize: number }) {
      const base = filtered(zoneId, who, f);
      const [column, dir] = parseSort(f.sort, SORT, ['updated_at', 'desc']);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, dir).orderBy('id', 'desc').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, who: Visibility, f: ResolvedFilter): AsyncGenerator<ApplicationsTable> {
      const [column, dir] = parseSort(f.sort, SORT, ['updated_at', 'desc']);
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, who, f).selectAll().orderBy(column, dir).orderBy('id', 'desc').limit(500).offset((page - 1) * 500).execute();
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    async queueCounts(zoneId: string, today: string, soonUntil: string, userId: string | null) {
      const byStatus = await db.selectFrom('applications').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('zone_id', '=', zoneId).groupBy('status').execute();
      const running = db.selectFrom('applications').where('zone_id', '=', zoneId).where('status', 'in', [...RUNNING_STATUSES]);
      const n = async (q: typeof running) => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const open = db.selectFrom('applications').where('zone_id', '=', zoneId).where('status', 'in', [...OPEN_STATUSES]);
      return {
        byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
        overdue: await n(running.where('due_date', '<', today)),
        dueToday: await n(running.where('due_date', '=', today)),
        dueSoon: await n(running.where('due_date', '>', today).where('due_date', '<=', soonUntil)),
        mine: userId ? await n(open.where('assignee_id', '=', userId)) : 0,
        unassigned: await n(open.where('assignee_id', 'is', null)),
      };
    },
    get: (zoneId: string, id: string) => db.selectFrom('applications').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    /** Public lookup by number: the zone is not known to the caller; numbers are unique per zone, so several may match. */
    byNumber: (number: string, zoneId?: string) => {
      const q = db.selectFrom('applications').selectAll().where('number', '=', number);
      return (zoneId ? q.where('zone_id', '=', zoneId) : q).execute();
    },
    async insert(row: ApplicationsTable) {
      await db.insertInto('applications').values(row).execute();
    },
    /** Writes only if nobody changed the application since it was read (same version): true if written. */
    async updateIfVersion(zoneId: string, id: string, version: number, set: Partial<ApplicationsTable>): Promise<boolean> {
      const res = await db
        .updateTable('applications')
        .set({ ...set, version: version + 1 })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async setNumber(zoneId: string, id: string, number: string) {
      await db.updateTable('applications').set({ number }).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async remove(zoneId: string, id: string) {
      await db.deleteFrom('application_events').where('zone_id', '=', zoneId).where('application_id', '=', id).execute();
      await db.deleteFrom('application_materials').where('zone_id', '=', zoneId).where('application_id', '=', id).execute();
      await db.deleteFrom('applications').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },

    // ---- materials
    currentMaterials: (zoneId: string, applicationIds: string[]) =>
      applicationIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('application_materials as m')
            .innerJoin('files as f', (j) => j.onRef('f.id', '=', 'm.file_id').onRef('f.zone_id', '=', 'm.zone_id'))
            .select(['m.id', 'm.application_id', 'm.material_key', 'm.file_id', 'm.uploaded_at', 'f.name', 'f.type', 'f.size', 'f.sha256'])
            .where('m.zone_id', '=', zoneId)
            .where('m.application_id', 'in', applicationIds)
            .where('m.replaced_at', 'is', null)
            .orderBy('m.uploaded_at')
            .orderBy('m.id')
            .execute(),
    async insertMaterial(row: ApplicationMaterialsTable) {
      await db.insertInto('application_materials').values(row).execute();
    },
    async replaceMaterials(zoneId: string, applicationId: string, key: string, at: number) {
      await db.updateTable('application_materials').set({ replaced_at: at }).where('zone_id', '=', zoneId).where('application_id', '=', applicationId).where('material_key', '=', key).where('replaced_at', 'is', null).execute();
    },
    async retireMaterial(zoneId: string, applicationId: string, id: string, at: number): Promise<boolean> {
      const res = await db.updateTable('application_materials').set({ replaced_at: at }).where('zone_id', '=', zoneId).where('application_id', '=', applicationId).where('id', '=', id).where('replaced_at', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    // ---- history
    async insertEvent(row: ApplicationEventsTable) {
      await db.insertInto('application_events').values(row).execute();
    },
    events: (zoneId: string, applicationId: string) =>
      db.selectFrom('application_events').selectAll().where('zone_id', '=', zoneId).where('application_id', '=', applicationId).orderBy('at').orderBy('id').execute(),
    /** The application's latest event of this action (ids are time-ordered UUIDv7s). */
    lastEvent: (zoneId: string, applicationId: string, action: string) =>
      db
        .selectFrom('application_events')
        .select(['id', 'at'])
        .where('zone_id', '=', zoneId)
        .where('application_id', '=', applicationId)
        .where('action', '=', action)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),

    // ---- licences
    async insertLicence(row: LicencesTable) {
      await db.insertInto('licences').values(row).execute();
    },
    licencesOf: (zoneId: string, applicationIds: string[]) =>
      applicationIds.length === 0 ? Promise.resolve([]) : db.selectFrom('licences').selectAll().where('zone_id', '=', zoneId).where('application_id', 'in', applicationIds).orderBy('created_at').execute(),
    licence: (zoneId: string, id: string) => db.selectFrom('licences').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    licenceByCode: (code: string) => db.selectFrom('licences').selectAll().where('code', '=', code).executeTakeFirst(),
    async setLicenceFile(zoneId: string, id: string, fileId: string): Promise<boolean> {
      const res = await db.updateTable('licences').set({ file_id: fileId }).where('zone_id', '=', zoneId).where('id', '=', id).where('file_id', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async revokeLicence(zoneId: string, id: string, set: Pick<LicencesTable, 'revoked_at' | 'revoked_by' | 'revoke_reason'>): Promise<boolean> {
      const res = await db.updateTable('licences').set({ ...set, status: 'revoked' }).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', 'valid').executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async listLicences(zoneId: string, f: { q?: string | undefined; status?: string | undefined; page: number; pageSize: number }) {
      let q = db.selectFrom('licences').where('zone_id', '=', zoneId);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.q) {
        const needle = f.q;
        q = q.where((eb) => eb.or([containsText(dialect, eb.ref('number'), needle), containsText(dialect, eb.ref('holder_name'), needle), containsText(dialect, eb.ref('item_name'), needle)]));
      }
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    // ---- statistics: the rows a period's figures are computed from
    statsRows(zoneId: string, f: { from: string; to: string; department?: string | undefined; itemId?: string | undefined; channel?: string | undefined }) {
      let q = db
        .selectFrom('applications')
        .select(['id', 'status', 'department', 'category', 'channel', 'delivery', 'e_signed', 'accepted_on', 'completed_on', 'due_date', 'paused_days', 'item_json'])
        .where('zone_id', '=', zoneId)
        .where((eb) => eb.or([eb.and([eb('accepted_on', '>=', f.from), eb('accepted_on', '<=', f.to)]), eb.and([eb('completed_on', '>=', f.from), eb('completed_on', '<=', f.to)])]));
      if (f.department) q = q.where('department', '=', f.department);
      if (f.itemId) q = q.where('item_id', '=', f.itemId);
      if (f.channel) q = q.where('channel', '=', f.channel);
      return q.execute();
    },
    /** Applications of the zone that were ever asked for a correction: read from the history, not kept as a count. */
    async correctedIds(zoneId: string): Promise<Set<string>> {
      const rows = await db.selectFrom('application_events').select('application_id').distinct().where('zone_id', '=', zoneId).where('action', '=', 'request_correction').execute();
      return new Set(rows.map((r) => r.application_id));
    },
    async licencedIds(zoneId: string, applicationIds: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < applicationIds.length; i += 2000) {
        const rows = await db.selectFrom('licences').select('application_id').distinct().where('zone_id', '=', zoneId).where('application_id', 'in', applicationIds.slice(i, i + 2000)).execute();
        for (const r of rows) out.add(r.application_id);
      }
      return out;
    },
    async overdueOpen(zoneId: string, asOf: string, f: { department?: string | undefined; itemId?: string | undefined; channel?: string | undefined }): Promise<number> {
      let q = db.selectFrom('applications').where('zone_id', '=', zoneId).where('status', 'in', [...RUNNING_STATUSES]).where('due_date', '<', asOf);
      if (f.department) q = q.where('department', '=', f.department);
      if (f.itemId) q = q.where('item_id', '=', f.itemId);
      if (f.channel) q = q.where('channel', '=', f.channel);
      return Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    },

    // ---- due-soon reminders
    dueBetween: (zoneId: string, from: string, to: string) =>
      db
        .selectFrom('applications')
        .selectAll()
        .where('zone_id', '=', zoneId)
        .where('status', 'in', [...RUNNING_STATUSES])
        .where('due_date', '>=', from)
        .where('due_date', '<=', to)
        .where((eb) => eb.or([eb('due_notified_on', 'is', null), eb('due_notified_on', '<', from)]))
        .execute(),
    async markDueNotified(zoneId: string, id: string, today: string) {
      await db.updateTable('applications').set({ due_notified_on: today }).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    zonesWithRunning: async (): Promise<string[]> =>
      (await db.selectFrom('applications').select('zone_id').distinct().where('status', 'in', [...RUNNING_STATUSES]).execute()).map((r) => r.zone_id),
  };
}
export type ApplicationsRepo = ReturnType<typeof makeApplicationsRepo>;

// Kept here for the services module's imports; the counter itself is shared by every module.
export { nextInSeries } from '../../db/counters.js';
