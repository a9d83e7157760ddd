// SQL of checkpoints (卡口): the rows, their status history, the tokens retired by rotation, and
// what the list shows beside each (today's rollups, open cases, grid unit and building names).
import type { CheckpointsTable, CheckpointStatusEventsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeCheckpointsRepo(db: Executor) {
  return {
    /** The names of the zone's checkpoints among `ids` (a trace's stops, a purge's report). */
    names: async (zoneId: string, ids: string[]): Promise<Map<string, string>> =>
      new Map(ids.length ? (await db.selectFrom('checkpoints').select(['id', 'name']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute()).map((c) => [c.id, c.name]) : []),
    async insert(row: CheckpointsTable) {
      await db.insertInto('checkpoints').values(row).execute();
    },
    async update(zoneId: string, id: string, set: Partial<CheckpointsTable>) {
      await db.updateTable('checkpoints').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    /**
     * Moves the status only when it is still `from` (a parallel change loses): the rows changed.
     */
    async setStatus(zoneId: string, id: string, from: string, to: string, at: number): Promise<number> {
      const r = await db.updateTable('checkpoints').set({ status: to, updated_at: at }).where('zone_id', '=', zoneId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    /** Replaces the token only when it is still `from`: the rows changed. */
    async setToken(zoneId: string, id: string, from: string, to: string, at: number): Promise<number> {
      const r = await db.updateTable('checkpoints').set({ token: to, updated_at: at }).where('zone_id', '=', zoneId).where('id', '=', id).where('token', '=', from).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    get: (zoneId: string, id: string) => db.selectFrom('checkpoints').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    all: (zoneId: string) => db.selectFrom('checkpoints').selectAll().where('zone_id', '=', zoneId).execute(),
    /** The public entry: a token names its zone (tokens are unique across zones). */
    byToken: (token: string) => db.selectFrom('checkpoints').selectAll().where('token', '=', token).executeTakeFirst(),
    revokedToken: (token: string) => db.selectFrom('checkpoint_revoked_tokens').selectAll().where('token', '=', token).executeTakeFirst(),
    async insertRevokedToken(row: { token: string; zone_id: string; checkpoint_id: string; revoked_at: number }) {
      await db.insertInto('checkpoint_revoked_tokens').values(row).execute();
    },
    async insertStatusEvent(row: CheckpointStatusEventsTable) {
      await db.insertInto('checkpoint_status_events').values(row).execute();
    },
    statusEvents: (zoneId: string, checkpointId: string) =>
      db.selectFrom('checkpoint_status_events').selectAll().where('zone_id', '=', zoneId).where('checkpoint_id', '=', checkpointId).orderBy('at', 'desc').orderBy('id', 'desc').execute(),
    zoneName: async (zoneId: string) => (await db.selectFrom('zones').select('name').where('id', '=', zoneId).executeTakeFirst())?.name ?? null,
    /** Names of grid units of the zone, by id. */
    async gridUnitNames(zoneId: string): Promise<Map<string, string>> {
      const rows = await db.selectFrom('grid_units').select(['id', 'name']).where('zone_id', '=', zoneId).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    gridUnitExists: async (zoneId: string, id: string) => !!(await db.selectFrom('grid_units').select('id').where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst()),
    building: (zoneId: string, id: string) => db.selectFrom('buildings').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async buildingNames(zoneId: string): Promise<Map<string, string>> {
      const rows = await db.selectFrom('buildings').select(['id', 'name']).where('zone_id', '=', zoneId).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** Persons and vehicles registered on a day, per checkpoint (from the day rollups). */
    async dayTotals(zoneId: string, day: string): Promise<Map<string, { persons: number; vehicles: number }>> {
      const rows = await db
        .selectFrom('checkpoint_day_rollups')
        .select(['checkpoint_id', (eb) => eb.fn.sum<number>('persons').as('persons'), (eb) => eb.fn.sum<number>('vehicles').as('vehicles')])
        .where('zone_id', '=', zoneId)
        .where('day', '=', day)
        .groupBy('checkpoint_id')
        .execute();
      return new Map(rows.map((r) => [r.checkpoint_id, { persons: Number(r.persons ?? 0), vehicles: Number(r.vehicles ?? 0) }]));
    },
    /** Abnormal cases not yet closed, per checkpoint. */
    async openCases(zoneId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('checkpoint_cases')
        .select(['checkpoint_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('zone_id', '=', zoneId)
        .where('status', '!=', 'closed')
        .groupBy('checkpoint_id')
        .execute();
      return new Map(rows.map((r) => [r.checkpoint_id, Number(r.n)]));
    },
  };
}
export type CheckpointsRepo = ReturnType<typeof makeCheckpointsRepo>;
