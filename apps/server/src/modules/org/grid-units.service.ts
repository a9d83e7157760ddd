import type { z } from 'zod';
import type { GridUnit, GridUnitInput, GridUnitListQuery, GridUnitPatch } from '@shuangsheng/contracts';
import type { GridUnitsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { ConflictError, crossZoneReference, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowInUse, rethrowUnique } from '../../platform/tx.js';
import { makeAssignmentsRepo } from './assignments.repo.js';
import { makeGridUnitsRepo } from './grid-units.repo.js';
import { childGridLevel } from './org.policy.js';

type Row = GridUnitsTable & { child_count: number | null };
export type GridNode = GridUnit & { children: GridNode[] };

export function makeGridUnitsService({ database, clock }: Deps) {
  const repo = makeGridUnitsRepo(database.db);

  /** All units of a zone with their paths, in code order. */
  async function loadAll(zoneId: string): Promise<GridUnit[]> {
    const rows = (await repo.all(zoneId)) as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pathOf = (r: Row): string => {
      const names: string[] = [];
      let cur: Row | undefined = r;
      for (let guard = 0; cur && guard < 8; guard++) {
        names.unshift(cur.name);
        cur = cur.parent_id ? byId.get(cur.parent_id) : undefined;
      }
      return names.join(' / ');
    };
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      level: r.level,
      code: r.code,
      name: r.name,
      path: pathOf(r),
      childCount: Number(r.child_count ?? 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function get(ctx: Ctx, id: string): Promise<GridUnit> {
    const unit = (await loadAll(ctx.zoneId)).find((u) => u.id === id);
    if (!unit) throw new NotFoundError('grid_unit', id);
    return unit;
  }

  async function list(ctx: Ctx, q: z.infer<typeof GridUnitListQuery>) {
    let units = await loadAll(ctx.zoneId);
    if (q.level) units = units.filter((u) => u.level === q.level);
    if (q.parentId) units = units.filter((u) => u.parentId === q.parentId);
    if (q.q) {
      const needle = q.q.toLowerCase();
      units = units.filter((u) => u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle));
    }
    const [field, dir] = (q.sort ?? 'code:asc').split(':') as ['code' | 'name' | 'createdAt', 'asc' | 'desc'];
    units.sort((a, b) => {
      const c = field === 'createdAt' ? a.createdAt - b.createdAt : a[field].localeCompare(b[field], 'zh-CN');
      return dir === 'asc' ? c : -c;
    });
    const start = (q.page - 1) * q.pageSize;
    return { items: units.slice(start, start + q.pageSize), total: units.length, page: q.page, pageSize: q.pageSize };
  }

  async function tree(ctx: Ctx): Promise<GridNode[]> {
    const units = await loadAll(ctx.zoneId);
    const nodes = new Map<string, GridNode>(units.map((u) => [u.id, { ...u, children: [] }]));
    const roots: GridNode[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    return roots;
  }

  async function create(ctx: Ctx, input: z.infer<typeof GridUnitInput>): Promise<GridUnit> {
    let level;
    if (input.parentId) {
      const parent = await repo.get(ctx.zoneId, input.parentId);
      if (!parent) throw crossZoneReference('parentId');
      level = childGridLevel(parent.level);
      if (!level) throw new RuleError('rule.grid_depth', {}, { field: 'parentId' });
    } else {
      if (await repo.findRoot(ctx.zoneId)) throw new ConflictError('rule.grid_root_exists');
      level = childGridLevel(null)!;
    }
    const now = clock.now();
    const row: GridUnitsTable = { id: newId(), zone_id: ctx.zoneId, parent_id: input.parentId, level, code: input.code, name: input.name, created_at: now, updated_at: now };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeGridUnitsRepo(trx).insert(row);
        await recordAudit(trx, clock, ctx, { action: 'grid_unit.create', entityType: 'grid_unit', entityId: row.id, after: { ...input, level } });
      })
      .catch((e) => rethrowUnique(e, 'code', input.code));
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: z.infer<typeof GridUnitPatch>): Promise<GridUnit> {
    const before = await get(ctx, id);
    const set: Partial<GridUnitsTable> = { updated_at: clock.now() };
    if (patch.code !== undefined) set.code = patch.code;
    if (patch.name !== undefined) set.name = patch.name;
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeGridUnitsRepo(trx).update(ctx.zoneId, id, set);
        const d = diff({ code: before.code, name: before.name }, { code: patch.code ?? before.code, name: patch.name ?? before.name });
        await recordAudit(trx, clock, ctx, { action: 'grid_unit.update', entityType: 'grid_unit', entityId: id, ...d });
      })
      .catch((e) => rethrowUnique(e, 'code', patch.code ?? ''));
    return get(ctx, id);
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    const before = await get(ctx, id);
    if (before.level === 'zone') throw new RuleError('rule.grid_root_fixed', {}, { field: 'id' });
    if (before.childCount > 0) throw new ConflictError('conflict.in_use', { entity: 'grid_unit', detail: 'grid_unit' });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeAssignmentsRepo(trx, database.dialect).removeForTarget(ctx.zoneId, 'grid_official', id);
        await makeGridUnitsRepo(trx).remove(ctx.zoneId, id);
        await recordAudit(trx, clock, ctx, { action: 'grid_unit.delete', entityType: 'grid_unit', entityId: id, before });
      })
      .catch((e) => rethrowInUse(e, 'grid_unit', 'enterprise'));
  }

  return { list, get, tree, create, update, remove, loadAll };
}
export type GridUnitsService = ReturnType<typeof makeGridUnitsService>;
