import type { z } from 'zod';
import type { Building, BuildingInput, BuildingListQuery, BuildingPatch } from '@shuangsheng/contracts';
import type { BuildingsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { crossZoneReference, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowInUse, rethrowUnique } from '../../platform/tx.js';
import { makeBuildingsRepo } from './buildings.repo.js';
import { makeParksRepo } from './parks.repo.js';
import type { EnterpriseLookup } from './org.ports.js';

type Row = BuildingsTable & { park_name: string };

export function makeBuildingsService({ database, clock }: Deps, enterprises: () => EnterpriseLookup) {
  const repo = makeBuildingsRepo(database.db, database.dialect);
  const parks = makeParksRepo(database.db, database.dialect);

  const toBuilding = (r: Row, enterprises: number): Building => ({
    id: r.id,
    parkId: r.park_id,
    parkName: r.park_name,
    name: r.name,
    floors: r.floors,
    areaSqm: r.area_sqm,
    enterpriseCount: enterprises,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  async function get(ctx: Ctx, id: string): Promise<Building> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('building', id);
    const counts = await enterprises().count(ctx.zoneId, 'building_id', [id]);
    return toBuilding(row, counts.get(id) ?? 0);
  }

  async function list(ctx: Ctx, q: z.infer<typeof BuildingListQuery>) {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    const counts = await enterprises().count(ctx.zoneId, 'building_id', rows.map((r) => r.id));
    return { items: rows.map((r) => toBuilding(r, counts.get(r.id) ?? 0)), total, page: q.page, pageSize: q.pageSize };
  }

  async function assertPark(ctx: Ctx, parkId: string) {
    if (!(await parks.get(ctx.zoneId, parkId))) throw crossZoneReference('parkId');
  }

  async function create(ctx: Ctx, input: z.infer<typeof BuildingInput>): Promise<Building> {
    await assertPark(ctx, input.parkId);
    const now = clock.now();
    const row: BuildingsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      park_id: input.parkId,
      name: input.name,
      floors: input.floors ?? null,
      area_sqm: input.areaSqm ?? null,
      created_at: now,
      updated_at: now,
    };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeBuildingsRepo(trx, database.dialect).insert(row);
        await recordAudit(trx, clock, ctx, { action: 'building.create', entityType: 'building', entityId: row.id, after: input });
      })
      .catch((e) => rethrowUnique(e, 'name', input.name));
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: z.infer<typeof BuildingPatch>): Promise<Building> {
    const before = await get(ctx, id);
    if (patch.parkId) await assertPark(ctx, patch.parkId);
    // Its enterprises name the park too; moving the building alone would split them.
    if (patch.parkId && patch.parkId !== before.parkId && before.enterpriseCount > 0) {
      throw new RuleError('rule.building_has_enterprises', {}, { field: 'parkId' });
    }
    const set: Partial<BuildingsTable> = { updated_at: clock.now() };
    if (patch.parkId !== undefined) set.park_id = patch.parkId;
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.floors !== undefined) set.floors = patch.floors;
    if (patch.areaSqm !== undefined) set.area_sqm = patch.areaSqm;
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeBuildingsRepo(trx, database.dialect).update(ctx.zoneId, id, set);
        const d = diff(before as unknown as Record<string, unknown>, { ...before, ...patch } as unknown as Record<string, unknown>);
        await recordAudit(trx, clock, ctx, { action: 'building.update', entityType: 'building', entityId: id, ...d });
      })
      .catch((e) => rethrowUnique(e, 'name', patch.name ?? before.name));
    return get(ctx, id);
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    const before = await get(ctx, id);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeBuildingsRepo(trx, database.dialect).remove(ctx.zoneId, id);
        await recordAudit(trx, clock, ctx, { action: 'building.delete', entityType: 'building', entityId: id, before });
      })
      .catch((e) => rethrowInUse(e, 'building', 'enterprise'));
  }

  return { list, get, create, update, remove, allInZone: (zoneId: string) => repo.allInZone(zoneId), find: (zoneId: string, id: string) => repo.get(zoneId, id) };
}
export type BuildingsService = ReturnType<typeof makeBuildingsService>;
