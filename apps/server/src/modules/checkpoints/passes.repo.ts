// SQL of passes (出入证) and the colour each building gives its floors.
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import type { CheckpointPassesTable, PassFloorColoursTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export type PassFilter = {
  buildingId?: string | undefined;
  floor?: number | undefined;
  status?: string | undefined;
  /** A number or name fragment. */
  q?: string | undefined;
  /** Blind index of q, matched against ID numbers and phones (a whole number finds its holder). */
  qIdx?: string | undefined;
};

export function makePassesRepo(db: Executor, dialect: DialectName) {
  function filtered(zoneId: string, f: PassFilter) {
    let query = db.selectFrom('checkpoint_passes').where('zone_id', '=', zoneId);
    if (f.buildingId) query = query.where('building_id', '=', f.buildingId);
    if (f.floor !== undefined) query = query.where('floor', '=', f.floor);
    if (f.status) query = query.where('status', '=', f.status);
    if (f.q) {
      const needle = f.q;
      const idx = f.qIdx;
      query = query.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('number'), needle),
          containsText(dialect, eb.ref('holder_name'), needle),
          ...(idx ? [eb('id_idx', '=', idx), eb('phone_idx', '=', idx)] : []),
        ]),
      );
    }
    return query;
  }

  return {
    async insert(row: CheckpointPassesTable) {
      await db.insertInto('checkpoint_passes').values(row).execute();
    },
    get: (zoneId: string, id: string) => db.selectFrom('checkpoint_passes').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    byToken: (zoneId: string, token: string) => db.selectFrom('checkpoint_passes').selectAll().where('zone_id', '=', zoneId).where('token', '=', token).executeTakeFirst(),
    /** The public page: a token names its zone (tokens are unique across zones). */
    byTokenAnyZone: (token: string) => db.selectFrom('checkpoint_passes').selectAll().where('token', '=', token).executeTakeFirst(),
    /** Revokes only an active pass: the rows changed (0 when someone revoked it first). */
    async revoke(zoneId: string, id: string, reason: string, at: number): Promise<number> {
      const r = await db
        .updateTable('checkpoint_passes')
        .set({ status: 'revoked', revoked_reason: reason, revoked_at: at, updated_at: at })
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async list(zoneId: string, f: PassFilter, page: number, pageSize: number): Promise<{ rows: CheckpointPassesTable[]; total: number }> {
      const { n } = await filtered(zoneId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered(zoneId, f).selectAll().orderBy('created_at', 'desc').orderBy('number', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
      return { rows, total: Number(n) };
    },
    /** Every pass the filter finds, newest first, a page of rows at a time (exports). */
    async *stream(zoneId: string, f: PassFilter, chunk = 500): AsyncGenerator<CheckpointPassesTable[]> {
      for (let offset = 0; ; offset += chunk) {
        const rows = await filtered(zoneId, f).selectAll().orderBy('created_at', 'desc').orderBy('number', 'desc').limit(chunk).offset(offset).execute();
        if (rows.length) yield rows;
        if (rows.length < chunk) return;
      }
    },
    /** When each pass was last scanned at a gate (its latest registration). */
    async lastScans(zoneId: string, passIds: string[]): Promise<Map<string, number>> {
      if (passIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('checkpoint_registrations')
        .select(['pass_id', (eb) => eb.fn.max('at').as('at')])
        .where('zone_id', '=', zoneId)
        .where('source', '=', 'pass')
        .where('pass_id', 'in', passIds)
        .groupBy('pass_id')
        .execute();
      return new Map(rows.flatMap((r) => (r.pass_id && r.at !== null ? [[r.pass_id, Number(r.at)] as [string, number]] : [])));
    },
    building: (zoneId: string, id: string) => db.selectFrom('buildings').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async buildingNames(zoneId: string, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('buildings').select(['id', 'name']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    enterpriseExists: async (zoneId: string, id: string) => !!(await db.selectFrom('enterprises').select('id').where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst()),
    async enterpriseNames(zoneId: string, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('enterprises').select(['id', 'name']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    zoneName: async (zoneId: string) => (await db.selectFrom('zones').select('name').where('id', '=', zoneId).executeTakeFirst())?.name ?? '',
    floorColours: (zoneId: string, buildingId: string) => db.selectFrom('pass_floor_colours').selectAll().where('zone_id', '=', zoneId).where('building_id', '=', buildingId).orderBy('floor').execute(),
    floorColour: (zoneId: string, buildingId: string, floor: number) =>
      db.selectFrom('pass_floor_colours').selectAll().where('zone_id', '=', zoneId).where('building_id', '=', buildingId).where('floor', '=', floor).executeTakeFirst(),
    async upsertFloorColour(row: PassFloorColoursTable) {
      await db
        .insertInto('pass_floor_colours')
        .values(row)
        .onConflict((oc) => oc.columns(['zone_id', 'building_id', 'floor']).doUpdateSet({ colour: row.colour, updated_at: row.updated_at }))
        .execute();
    },
  };
}
