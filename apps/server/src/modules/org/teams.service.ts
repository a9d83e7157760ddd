import type { z } from 'zod';
import type { Team, TeamInput, TeamListQuery, TeamPatch } from '@shuangsheng/contracts';
import type { TeamsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { crossZoneReference, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowInUse, rethrowUnique } from '../../platform/tx.js';
import { wouldCycle } from './org.policy.js';
import { makeTeamsRepo } from './teams.repo.js';
import type { UsersService } from './users.service.js';

export function makeTeamsService({ database, clock }: Deps, users: UsersService) {
  const repo = makeTeamsRepo(database.db, database.dialect);

  async function toTeams(zoneId: string, rows: TeamsTable[]): Promise<Team[]> {
    const members = await repo.membersOf(rows.map((r) => r.id));
    const userIds = new Set<string>();
    for (const r of rows) {
      if (r.leader_id) userIds.add(r.leader_id);
      for (const m of members.get(r.id) ?? []) userIds.add(m);
    }
    const names = await users.namesOf(zoneId, [...userIds]);
    const parents = new Map((await repo.parents(zoneId)).map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as Team['kind'],
      name: r.name,
      parentId: r.parent_id,
      parentName: r.parent_id ? (parents.get(r.parent_id) ?? null) : null,
      leaderId: r.leader_id,
      leaderName: r.leader_id ? (names.get(r.leader_id) ?? null) : null,
      duties: r.duties,
      members: (members.get(r.id) ?? []).map((id) => ({ id, displayName: names.get(id) ?? '' })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function get(ctx: Ctx, id: string): Promise<Team> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('team', id);
    return (await toTeams(ctx.zoneId, [row]))[0]!;
  }

  async function list(ctx: Ctx, q: z.infer<typeof TeamListQuery>) {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    return { items: await toTeams(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function assertPeople(ctx: Ctx, leaderId: string | null | undefined, memberIds: string[] | undefined) {
    const ids = [...new Set([...(leaderId ? [leaderId] : []), ...(memberIds ?? [])])];
    const found = await users.namesOf(ctx.zoneId, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) {
      const field = missing === leaderId ? 'leaderId' : 'memberIds';
      throw crossZoneReference(field);
    }
  }

  async function assertParent(ctx: Ctx, teamId: string, parentId: string | null | undefined) {
    if (!parentId) return;
    const all = await repo.parents(ctx.zoneId);
    const parentOf = new Map(all.map((t) => [t.id, t.parent_id]));
    if (!parentOf.has(parentId)) throw crossZoneReference('parentId');
    if (wouldCycle(teamId, parentId, (id) => parentOf.get(id) ?? null)) throw new RuleError('rule.team_cycle', {}, { field: 'parentId' });
  }

  async function create(ctx: Ctx, input: z.infer<typeof TeamInput>): Promise<Team> {
    const id = newId();
    await assertPeople(ctx, input.leaderId, input.memberIds);
    await assertParent(ctx, id, input.parentId);
    const now = clock.now();
    const row: TeamsTable = { id, zone_id: ctx.zoneId, kind: input.kind, name: input.name, parent_id: input.parentId ?? null, leader_id: input.leaderId ?? null, duties: input.duties ?? null, created_at: now, updated_at: now };
    await database.db
      .transaction()
      .execute(async (trx) => {
        const r = makeTeamsRepo(trx, database.dialect);
        await r.insert(row);
        await r.setMembers(ctx.zoneId, id, [...new Set(input.memberIds)]);
        await recordAudit(trx, clock, ctx, { action: 'team.create', entityType: 'team', entityId: id, after: input });
      })
      .catch((e) => rethrowUnique(e, 'name', input.name));
    return get(ctx, id);
  }

  async function update(ctx: Ctx, id: string, patch: z.infer<typeof TeamPatch>): Promise<Team> {
    const before = await get(ctx, id);
    await assertPeople(ctx, patch.leaderId, patch.memberIds);
    if (patch.parentId !== undefined) await assertParent(ctx, id, patch.parentId);
    const set: Partial<TeamsTable> = { updated_at: clock.now() };
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.parentId !== undefined) set.parent_id = patch.parentId;
    if (patch.leaderId !== undefined) set.leader_id = patch.leaderId;
    if (patch.duties !== undefined) set.duties = patch.duties;
    await database.db
      .transaction()
      .execute(async (trx) => {
        const r = makeTeamsRepo(trx, database.dialect);
        await r.update(ctx.zoneId, id, set);
        if (patch.memberIds) await r.setMembers(ctx.zoneId, id, [...new Set(patch.memberIds)]);
        const beforeShape = { kind: before.kind, name: before.name, parentId: before.parentId, leaderId: before.leaderId, duties: before.duties, memberIds: before.members.map((m) => m.id).sort() };
        const afterShape = { ...beforeShape, ...patch, memberIds: patch.memberIds ? [...new Set(patch.memberIds)].sort() : beforeShape.memberIds };
        await recordAudit(trx, clock, ctx, { action: 'team.update', entityType: 'team', entityId: id, ...diff(beforeShape, afterShape) });
      })
      .catch((e) => rethrowUnique(e, 'name', patch.name ?? before.name));
    return get(ctx, id);
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    const before = await get(ctx, id);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeTeamsRepo(trx, database.dialect).remove(ctx.zoneId, id);
        await recordAudit(trx, clock, ctx, { action: 'team.delete', entityType: 'team', entityId: id, before });
      })
      .catch((e) => rethrowInUse(e, 'team', 'team'));
  }

  return { list, get, create, update, remove };
}
export type TeamsService = ReturnType<typeof makeTeamsService>;
