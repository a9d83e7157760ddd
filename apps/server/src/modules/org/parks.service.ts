import type { Park } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { ParkInput, ParkListQuery, ParkPatch } from '@shuangsheng/contracts';
import type { ParksTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { rethrowInUse, rethrowUnique } from '../../platform/tx.js';
import { makeParksRepo } from './parks.repo.js';
import { makeAssignmentsRepo } from './assignments.repo.js';
import type { EnterpriseLookup } from './org.ports.js';

type Row = ParksTable & { building_count: number | null };

export function makeParksService({ database, clock, pii }: Deps, enterprises: () => EnterpriseLookup) {
  const repo = makeParksRepo(database.db, database.dialect);

  const toPark = (r: Row, enterprises: number): Park => ({
    id: r.id,
    name: r.name,
    address: r.address,
    areaSqm: r.area_sqm,
    managerName: r.manager_name,
    managerPhoneMasked: r.manager_phone_enc ? maskPhone(pii.decrypt(r.manager_phone_enc)) : null,
    buildingCount: Number(r.building_count ?? 0),
    enterpriseCount: enterprises,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  async function get(ctx: Ctx, id: string): Promise<Park> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('park', id);
    const counts = await enterprises().count(ctx.zoneId, 'park_id', [id]);
    return toPark(row, counts.get(id) ?? 0);
  }

  async function list(ctx: Ctx, q: z.infer<typeof ParkListQuery>) {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    const counts = await enterprises().count(ctx.zoneId, 'park_id', rows.map((r) => r.id));
    return { items: rows.map((r) => toPark(r, counts.get(r.id) ?? 0)), total, page: q.page, pageSize: q.pageSize };
  }

  async function create(ctx: Ctx, input: z.infer<typeof ParkInput>): Promise<Park> {
    const now = clock.now();
    const phone = pii.protect(input.managerPhone);
    const row: ParksTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      name: input.name,
      address: input.address ?? null,
      area_sqm: input.areaSqm ?? null,
      manager_name: input.managerName ?? null,
      manager_phone_enc: phone.enc,
      manager_phone_idx: phone.idx,
      created_at: now,
      updated_at: now,
    };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeParksRepo(trx, database.dialect).insert(row);
        await recordAudit(trx, clock, ctx, { action: 'park.create', entityType: 'park', entityId: row.id, after: { ...input, managerPhone: maskPhone(input.managerPhone) } });
      })
      .catch((e) => rethrowUnique(e, 'name', input.name));
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: z.infer<typeof ParkPatch>): Promise<Park> {
    const before = await get(ctx, id);
    const set: Partial<ParksTable> = { updated_at: clock.now() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.address !== undefined) set.address = patch.address;
    if (patch.areaSqm !== undefined) set.area_sqm = patch.areaSqm;
    if (patch.managerName !== undefined) set.manager_name = patch.managerName;
    if (patch.managerPhone !== undefined) {
      const p = pii.protect(patch.managerPhone);
      set.manager_phone_enc = p.enc;
      set.manager_phone_idx = p.idx;
    }
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeParksRepo(trx, database.dialect).update(ctx.zoneId, id, set);
        const after = { ...before, ...patch, managerPhone: undefined, managerPhoneMasked: patch.managerPhone !== undefined ? maskPhone(patch.managerPhone) : before.managerPhoneMasked };
        const d = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
        await recordAudit(trx, clock, ctx, { action: 'park.update', entityType: 'park', entityId: id, ...d });
      })
      .catch((e) => rethrowUnique(e, 'name', patch.name ?? ''));
    return get(ctx, id);
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    const before = await get(ctx, id);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeAssignmentsRepo(trx, database.dialect).removeForTarget(ctx.zoneId, 'park_inspector', id);
        await makeParksRepo(trx, database.dialect).remove(ctx.zoneId, id);
        await recordAudit(trx, clock, ctx, { action: 'park.delete', entityType: 'park', entityId: id, before });
      })
      .catch((e) => rethrowInUse(e, 'park', before.buildingCount > 0 ? 'building' : 'enterprise'));
  }

  /** For other modules: the park exists in this zone (else a 422 naming the field). */
  async function exists(zoneId: string, id: string): Promise<boolean> {
    return (await repo.get(zoneId, id)) !== undefined;
  }

  async function revealManagerPhone(ctx: Ctx, id: string, reason: string): Promise<string | null> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('park', id);
    const phone = row.manager_phone_enc ? pii.decrypt(row.manager_phone_enc) : null;
    await recordAudit(database.db, clock, ctx, { action: 'park.reveal_phone', entityType: 'park', entityId: id, after: { reason } });
    return phone;
  }

  return { list, get, create, update, remove, exists, revealManagerPhone, byName: (zoneId: string) => repo.allNames(zoneId) };
}
export type ParksService = ReturnType<typeof makeParksService>;
