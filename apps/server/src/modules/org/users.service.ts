import type { z } from 'zod';
import { ENTERPRISE_ROLES, type Role, type User, type UserInput, type UserListQuery, type UserPatch } from '@shuangsheng/contracts';
import type { UsersTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { crossZoneReference, ForbiddenError, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { generatePassword, hashPassword } from '../../platform/passwords.js';
import { rethrowUnique } from '../../platform/tx.js';
import type { EnterpriseLookup } from './org.ports.js';
import { leavesNoAdmin } from './org.policy.js';
import { makeUsersRepo } from './users.repo.js';
import { makeZonesRepo } from './zones.repo.js';

type Row = Pick<UsersTable, 'id' | 'username' | 'display_name' | 'enterprise_id' | 'status' | 'locked_until' | 'last_login_at' | 'created_at' | 'updated_at'>;

export function makeUsersService({ database, clock }: Deps, enterprises: () => EnterpriseLookup) {
  const repo = makeUsersRepo(database.db, database.dialect);

  async function toUsers(zoneId: string, rows: Row[]): Promise<User[]> {
    const roles = await repo.rolesOf(rows.map((r) => r.id));
    const refs = await enterprises().refs(zoneId, rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])));
    const now = clock.now();
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      roles: (roles.get(r.id) ?? []) as Role[],
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_id ? (refs.get(r.enterprise_id)?.name ?? null) : null,
      enterpriseCreditCode: r.enterprise_id ? (refs.get(r.enterprise_id)?.creditCode ?? null) : null,
      status: r.status,
      locked: r.locked_until !== null && r.locked_until > now,
      lastLoginAt: r.last_login_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function get(ctx: Ctx, id: string): Promise<User> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('user', id);
    return (await toUsers(ctx.zoneId, [row]))[0]!;
  }

  async function list(ctx: Ctx, q: z.infer<typeof UserListQuery>) {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    return { items: await toUsers(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function assertEnterprise(ctx: Ctx, roles: readonly Role[], enterpriseId: string | null | undefined) {
    const needs = roles.some((r) => ENTERPRISE_ROLES.includes(r));
    // Staff see the whole zone, enterprise users only their own enterprise: never both at once.
    if (needs && roles.some((r) => !ENTERPRISE_ROLES.includes(r))) throw new RuleError('rule.enterprise_role_alone', {}, { field: 'roles' });
    if (needs && !enterpriseId) throw new RuleError('rule.enterprise_role_needs_enterprise', {}, { field: 'enterpriseId' });
    if (enterpriseId && (await enterprises().names(ctx.zoneId, [enterpriseId])).size === 0) {
      throw crossZoneReference('enterpriseId');
    }
  }

  async function create(ctx: Ctx, input: z.infer<typeof UserInput>): Promise<User & { generatedPassword?: string }> {
    const roles = [...new Set(input.roles)];
    if (roles.includes('platform_admin') && !ctx.actor.roles.includes('platform_admin') && ctx.actor.userId !== null) {
      throw new ForbiddenError();
    }
    await assertEnterprise(ctx, roles, input.enterpriseId);
    const generated = input.password ? undefined : generatePassword();
    const now = clock.now();
    const row: UsersTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password ?? generated!),
      enterprise_id: input.enterpriseId ?? null,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeUsersRepo(trx, database.dialect).insert(row, roles);
        await recordAudit(trx, clock, ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          after: { username: input.username, displayName: input.displayName, roles, enterpriseId: input.enterpriseId ?? null },
        });
      })
      .catch((e) => rethrowUnique(e, 'username', input.username));
    const user = await get(ctx, row.id);
    return generated ? { ...user, generatedPassword: generated } : user;
  }

  async function update(ctx: Ctx, id: string, patch: z.infer<typeof UserPatch>): Promise<User> {
    const before = await get(ctx, id);
    const roles = patch.roles ? [...new Set(patch.roles)] : before.roles;
    const status = patch.status ?? before.status;
    const enterpriseId = patch.enterpriseId !== undefined ? patch.enterpriseId : before.enterpriseId;
    if (id === ctx.actor.userId && status === 'disabled') throw new RuleError('rule.self_disable', {}, { field: 'status' });
    if (roles.includes('platform_admin') !== before.roles.includes('platform_admin')) throw new ForbiddenError();
    await assertEnterprise(ctx, roles, enterpriseId);
    const set: Partial<UsersTable> = { updated_at: clock.now() };
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.enterpriseId !== undefined) set.enterprise_id = patch.enterpriseId;
    if (patch.status !== undefined) set.status = patch.status;
    await database.db.transaction().execute(async (trx) => {
      const r = makeUsersRepo(trx, database.dialect);
      // Two admins demoting each other at once must not both succeed: the zone's row is held
      // first, so the second transaction reads the administrators only after the first commits.
      await makeZonesRepo(trx).lock(ctx.zoneId);
      if (leavesNoAdmin(await r.activeAdminIds(ctx.zoneId), id, { roles, status })) {
        throw new RuleError('rule.last_admin', {}, { field: patch.status ? 'status' : 'roles' });
      }
      await r.update(ctx.zoneId, id, set);
      if (patch.roles) await r.setRoles(ctx.zoneId, id, roles);
      if (status === 'disabled') await r.deleteSessions(id);
      const d = diff(
        { displayName: before.displayName, roles: before.roles, status: before.status, enterpriseId: before.enterpriseId },
        { displayName: patch.displayName ?? before.displayName, roles, status, enterpriseId },
      );
      await recordAudit(trx, clock, ctx, { action: 'user.update', entityType: 'user', entityId: id, ...d });
    });
    return get(ctx, id);
  }

  async function resetPassword(ctx: Ctx, id: string, password: string | undefined): Promise<{ generatedPassword?: string }> {
    await get(ctx, id);
    const generated = password ? undefined : generatePassword();
    const hash = await hashPassword(password ?? generated!);
    await database.db.transaction().execute(async (trx) => {
      const r = makeUsersRepo(trx, database.dialect);
      await r.update(ctx.zoneId, id, { password_hash: hash, password_changed_at: clock.now(), updated_at: clock.now(), failed_logins: 0, locked_until: null });
      await r.deleteSessions(id);
      await recordAudit(trx, clock, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id });
    });
    return generated ? { generatedPassword: generated } : {};
  }

  async function unlock(ctx: Ctx, id: string): Promise<User> {
    await get(ctx, id);
    await database.db.transaction().execute(async (trx) => {
      await makeUsersRepo(trx, database.dialect).update(ctx.zoneId, id, { failed_logins: 0, locked_until: null, updated_at: clock.now() });
      await recordAudit(trx, clock, ctx, { action: 'user.unlock', entityType: 'user', entityId: id });
    });
    return get(ctx, id);
  }

  return { list, get, create, update, resetPassword, unlock, namesOf: (zoneId: string, ids: string[]) => repo.namesOf(zoneId, ids), rolesOf: (ids: string[]) => repo.rolesOf(ids), activeWithRole: (zoneId: string, role: Role, enterpriseId?: string) => repo.activeWithRole(zoneId, role, enterpriseId), find: (zoneId: string, id: string) => repo.get(zoneId, id) };
}
export type UsersService = ReturnType<typeof makeUsersService>;
