import type { Zone } from '@shuangsheng/contracts';
import type { ZonesTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { systemCtx, type Deps } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowUnique } from '../../platform/tx.js';
import { makeGridUnitsRepo } from './grid-units.repo.js';
import { makeZonesRepo } from './zones.repo.js';

const toZone = (r: ZonesTable): Zone => ({ id: r.id, code: r.code, name: r.name, timeZone: r.time_zone, createdAt: r.created_at });

export function makeZonesService({ database, clock }: Deps, defaults: { timeZone: string }) {
  const repo = makeZonesRepo(database.db);

  /** A new zone, with the root of its grid (the zone level) already in place. */
  async function create(input: { code: string; name: string; timeZone?: string }, actorName = 'cli'): Promise<Zone> {
    const now = clock.now();
    const row: ZonesTable = { id: newId(), code: input.code, name: input.name, time_zone: input.timeZone ?? defaults.timeZone, created_at: now, updated_at: now };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeZonesRepo(trx).insert(row);
        await makeGridUnitsRepo(trx).insert({ id: newId(), zone_id: row.id, parent_id: null, level: 'zone', code: input.code, name: input.name, created_at: now, updated_at: now });
        await recordAudit(trx, clock, systemCtx(row.id, actorName), { action: 'zone.create', entityType: 'zone', entityId: row.id, after: { code: input.code, name: input.name } });
      })
      .catch((e) => rethrowUnique(e, 'code', input.code));
    return toZone(row);
  }

  async function byCode(code: string): Promise<Zone> {
    const row = await repo.byCode(code);
    if (!row) throw new NotFoundError('zone', code);
    return toZone(row);
  }

  return {
    create,
    byCode,
    list: async () => (await repo.list()).map(toZone),
    /** The zone's time zone, for dates shown to its people. */
    timeZoneOf: async (zoneId: string) => (await repo.get(zoneId))?.time_zone ?? defaults.timeZone,
    count: () => repo.count(),
    /** The zone by id (for names printed on certificates); null when unknown. */
    find: async (zoneId: string) => {
      const row = await repo.get(zoneId);
      return row ? toZone(row) : null;
    },
  };
}
export type ZonesService = ReturnType<typeof makeZonesService>;
