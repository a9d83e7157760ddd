// Assignments of responsibility: who is the commissioner (驻企特派员) of an enterprise, the inspector
// of a park, the official of a grid unit. One primary per target, kept by a partial unique index.
import type { z } from 'zod';
import type { Assignment, AssignmentInput, AssignmentKind, AssignmentListQuery, AssignmentPatch, Role } from '@shuangsheng/contracts';
import type { AssignmentsTable } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { ConflictError, crossZoneReference, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toBool } from '../../platform/tx.js';
import { makeAssignmentsRepo, type AssignmentFilter } from './assignments.repo.js';
import type { EnterpriseLookup } from './org.ports.js';
import { mayHoldAssignment } from './org.policy.js';
import type { GridUnitsService } from './grid-units.service.js';
import type { UsersService } from './users.service.js';
import { makeParksRepo } from './parks.repo.js';

type Row = AssignmentsTable & { user_name: string; username: string };

export function makeAssignmentsService(
  { database, clock }: Deps,
  parts: { users: UsersService; grid: GridUnitsService; enterprises: () => EnterpriseLookup },
) {
  const repo = makeAssignmentsRepo(database.db, database.dialect);
  const parks = makeParksRepo(database.db, database.dialect);

  /** Target id → display name and the code imports name it by, per kind. */
  async function targetNames(zoneId: string, kind: AssignmentKind, ids: string[]): Promise<Map<string, { name: string; code: string }>> {
    if (ids.length === 0) return new Map();
    switch (kind) {
      case 'enterprise_commissioner':
        return new Map([...(await parts.enterprises().refs(zoneId, ids))].map(([id, e]) => [id, { name: e.name, code: e.creditCode }]));
      case 'park_inspector':
        return new Map((await parks.allNames(zoneId)).filter((p) => ids.includes(p.id)).map((p) => [p.id, { name: p.name, code: p.name }]));
      case 'grid_official':
        return new Map((await parts.grid.loadAll(zoneId)).filter((g) => ids.includes(g.id)).map((g) => [g.id, { name: g.path, code: g.code }]));
    }
  }

  async function toAssignments(zoneId: string, rows: Row[]): Promise<Assignment[]> {
    const names = new Map<string, { name: string; code: string }>();
    for (const kind of new Set(rows.map((r) => r.kind as AssignmentKind))) {
      const m = await targetNames(zoneId, kind, rows.filter((r) => r.kind === kind).map((r) => r.target_id));
      for (const [k, v] of m) names.set(k, v);
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as AssignmentKind,
      userId: r.user_id,
      userName: r.user_name,
      username: r.username,
      targetId: r.target_id,
      targetName: names.get(r.target_id)?.name ?? '',
      targetCode: names.get(r.target_id)?.code ?? '',
      isPrimary: toBool(r.is_primary),
      note: r.note,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function get(ctx: Ctx, id: string): Promise<Assignment> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('assignment', id);
    return (await toAssignments(ctx.zoneId, [row]))[0]!;
  }

  /** Targets of any kind whose name or code contains the text. */
  async function matchingTargets(zoneId: string, text: string): Promise<string[]> {
    const needle = text.toLowerCase();
    const [enterprises, parkRows, units] = await Promise.all([parts.enterprises().search(zoneId, text), parks.allNames(zoneId), parts.grid.loadAll(zoneId)]);
    return [
      ...enterprises,
      ...parkRows.filter((p) => p.name.toLowerCase().includes(needle)).map((p) => p.id),
      // The path holds the ancestors' names: searching a street finds the officials of its groups.
      ...units.filter((g) => g.path.toLowerCase().includes(needle) || g.code.toLowerCase().includes(needle)).map((g) => g.id),
    ];
  }

  async function list(ctx: Ctx, q: z.infer<typeof AssignmentListQuery> & { targetIds?: string[] }) {
    const qTargetIds = q.q ? await matchingTargets(ctx.zoneId, q.q) : undefined;
    const { rows, total } = await repo.list(ctx.zoneId, { ...q, qTargetIds });
    return { items: await toAssignments(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** For other modules: primary holders of targets (e.g. each enterprise's commissioner). */
  async function primaries(ctx: Ctx, kind: AssignmentKind, filter: AssignmentFilter = {}) {
    const { rows } = await repo.list(ctx.zoneId, { ...filter, kind, primaryOnly: true, page: 1, pageSize: 100000 });
    return toAssignments(ctx.zoneId, rows);
  }

  async function create(ctx: Ctx, input: z.infer<typeof AssignmentInput>): Promise<Assignment> {
    const user = await parts.users.find(ctx.zoneId, input.userId);
    if (!user) throw crossZoneReference('userId');
    const roles = ((await parts.users.rolesOf([user.id])).get(user.id) ?? []) as Role[];
    if (!mayHoldAssignment(input.kind, roles, user.status)) throw new RuleError('rule.assignment_user', {}, { field: 'userId' });
    if ((await targetNames(ctx.zoneId, input.kind, [input.targetId])).size === 0) {
      throw crossZoneReference('targetId');
    }
    const now = clock.now();
    const row: AssignmentsTable = { id: newId(), zone_id: ctx.zoneId, kind: input.kind, user_id: input.userId, target_id: input.targetId, is_primary: input.isPrimary ? 1 : 0, note: input.note ?? null, created_at: now, updated_at: now };
    try {
      await database.db.transaction().execute(async (trx) => {
        const r = makeAssignmentsRepo(trx, database.dialect);
        if (input.isPrimary) await r.demotePrimary(ctx.zoneId, input.kind, input.targetId, now);
        await r.insert(row);
        await recordAudit(trx, clock, ctx, { action: 'assignment.create', entityType: 'assignment', entityId: row.id, after: input });
      });
    } catch (e) {
      // Same person twice, or another primary written at the same instant.
      if (isUniqueViolation(e)) {
        // Either this person already holds it, or another primary was written at the same instant.
        const holds = (await repo.list(ctx.zoneId, { kind: input.kind, targetId: input.targetId, userId: input.userId, page: 1, pageSize: 1 })).total > 0;
        throw holds
          ? new ConflictError('conflict.assignment_exists', { value: user.display_name }, { field: 'userId' })
          : new ConflictError('conflict.primary_taken', {}, { field: 'isPrimary' });
      }
      throw e;
    }
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: z.infer<typeof AssignmentPatch>): Promise<Assignment> {
    const before = await get(ctx, id);
    const now = clock.now();
    try {
      await database.db.transaction().execute(async (trx) => {
        const r = makeAssignmentsRepo(trx, database.dialect);
        if (patch.isPrimary === true && !before.isPrimary) await r.demotePrimary(ctx.zoneId, before.kind, before.targetId, now);
        const set: Partial<AssignmentsTable> = { updated_at: now };
        if (patch.isPrimary !== undefined) set.is_primary = patch.isPrimary ? 1 : 0;
        if (patch.note !== undefined) set.note = patch.note;
        await r.update(ctx.zoneId, id, set);
        const d = diff({ isPrimary: before.isPrimary, note: before.note }, { isPrimary: patch.isPrimary ?? before.isPrimary, note: patch.note !== undefined ? patch.note : before.note });
        await recordAudit(trx, clock, ctx, { action: 'assignment.update', entityType: 'assignment', entityId: id, ...d });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('conflict.primary_taken', {}, { field: 'isPrimary' });
      throw e;
    }
    return get(ctx, id);
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    const before = await get(ctx, id);
    await database.db.transaction().execute(async (trx) => {
      await makeAssignmentsRepo(trx, database.dialect).remove(ctx.zoneId, id);
      await recordAudit(trx, clock, ctx, { action: 'assignment.delete', entityType: 'assignment', entityId: id, before });
    });
  }

  /**
   * For other modules: who holds each target (all holders, primary first), e.g. the commissioners
   * of each enterprise. Targets without holders are absent.
   */
  async function holdersOf(zoneId: string, kind: AssignmentKind, targetIds?: string[]): Promise<Map<string, { userId: string; name: string; isPrimary: boolean }[]>> {
    if (targetIds && targetIds.length === 0) return new Map();
    const { rows } = await repo.list(zoneId, { kind, targetIds, page: 1, pageSize: 1_000_000 });
    const out = new Map<string, { userId: string; name: string; isPrimary: boolean }[]>();
    for (const r of rows) {
      const list = out.get(r.target_id) ?? [];
      list.push({ userId: r.user_id, name: r.user_name, isPrimary: toBool(r.is_primary) });
      out.set(r.target_id, list);
    }
    for (const list of out.values()) list.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    return out;
  }

  /** For other modules: the targets a user holds of one kind (primary or not). */
  async function targetsOf(zoneId: string, kind: AssignmentKind, userId: string): Promise<string[]> {
    const { rows } = await repo.list(zoneId, { kind, userId, page: 1, pageSize: 1_000_000 });
    return rows.map((r) => r.target_id);
  }

  return { list, get, create, update, remove, primaries, holdersOf, targetsOf };
}
export type AssignmentsService = ReturnType<typeof makeAssignmentsService>;
