// Excel imports of users and of assignments of responsibility.
import { ASSIGNMENT_KINDS, ASSIGNMENT_LABELS, ENTERPRISE_ROLES, ROLE_LABELS, ROLES, Username, type AssignmentKind, type Role } from '@shuangsheng/contracts';
import type { AssignmentsTable, UsersTable } from '../../db/schema.js';
import { recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { generatePassword, hashPassword } from '../../platform/passwords.js';
import { parseYesNo, type ImportSpec, type SheetColumn } from '../../platform/sheet-import.js';
import { makeAssignmentsRepo } from './assignments.repo.js';
import { makeGridUnitsRepo } from './grid-units.repo.js';
import type { EnterpriseLookup } from './org.ports.js';
import { mayHoldAssignment } from './org.policy.js';
import { makeParksRepo } from './parks.repo.js';
import { makeUsersRepo } from './users.repo.js';
import { makeZonesRepo } from './zones.repo.js';
import { RuleError } from '../../platform/errors.js';

export const USER_COLUMNS: SheetColumn[] = [
  { key: 'username', zh: '用户名', en: 'Username', required: true, width: 16, hint: ['3–64 位字母、数字、点、下划线或短横线', '3–64 letters, digits, dots, underscores or hyphens'], example: 'zhangwei' },
  { key: 'displayName', zh: '姓名', en: 'Name', required: true, width: 16, example: '张伟（驻企特派员）' },
  { key: 'roles', zh: '角色', en: 'Roles', required: true, width: 30, hint: [`多个用逗号或顿号分隔：${ROLES.filter((r) => r !== 'platform_admin').map((r) => ROLE_LABELS[r][0]).join('、')}`, `Comma-separated: ${ROLES.filter((r) => r !== 'platform_admin').join(', ')}`], example: '驻企特派员/服务专员' },
  { key: 'enterprise', zh: '所属企业信用代码', en: 'Enterprise credit code', width: 22, hint: ['企业用户必填', 'Required for enterprise users'] },
  { key: 'status', zh: '状态', en: 'Status', width: 10, hint: ['启用 / 停用，默认启用', 'active / disabled (default active)'], example: '启用' },
];

export const ASSIGNMENT_COLUMNS: SheetColumn[] = [
  { key: 'kind', zh: '责任类型', en: 'Kind', required: true, width: 16, hint: ['驻企特派员 / 园区巡查员 / 网格员', 'enterprise_commissioner / park_inspector / grid_official'], example: '驻企特派员' },
  { key: 'target', zh: '责任对象', en: 'Target', required: true, width: 24, hint: ['企业填统一社会信用代码，园区填名称，网格填编码', 'Credit code of the enterprise, park name, or grid code'], example: '91510300MA62K1XQ4N' },
  { key: 'username', zh: '责任人用户名', en: 'Responsible username', required: true, width: 16, example: 'commissioner' },
  { key: 'primary', zh: '主责', en: 'Primary', width: 8, hint: ['是 / 否，默认是；同一对象只有一位主责人', 'yes / no (default yes); one primary per target'], example: '是' },
  { key: 'note', zh: '备注', en: 'Note', width: 24 },
];

const splitList = (v: string) => v.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);

function parseRole(v: string): Role | null {
  const s = v.trim();
  for (const r of ROLES) {
    const [zh, en] = ROLE_LABELS[r];
    if (s === r || s === zh || s.toLowerCase() === en.toLowerCase() || zh.split('/').includes(s)) return r;
  }
  return null;
}

type UserRow = { username: string; displayName: string; roles: Role[]; enterpriseId: string | null; status: 'active' | 'disabled' | null; present: Set<string> };
type ExistingUser = Pick<UsersTable, 'id' | 'username' | 'display_name' | 'enterprise_id' | 'status'> & { roles: string[] };

export function userImportSpec({ database, clock }: Deps, enterprises: () => EnterpriseLookup): ImportSpec<UserRow, ExistingUser> {
  let enterpriseByCode = new Map<string, string>();
  let adminIds: string[] = [];
  return {
    columns: USER_COLUMNS,
    keyColumn: 'username',
    prepare: async () => undefined,
    parse(r) {
      const username = Username.safeParse(r.cell('username'), { reportInput: true });
      if (!username.success) r.failIssues(username.error.issues, () => 'username');
      const displayName = r.cell('displayName');
      if (!displayName) r.fail('displayName', 'v.required');
      else if (displayName.length > 100) r.fail('displayName', 'v.too_long', { max: 100 });
      const roles: Role[] = [];
      for (const item of splitList(r.cell('roles'))) {
        const role = parseRole(item);
        if (!role) r.fail('roles', 'import.bad_roles', { value: item });
        else if (role === 'platform_admin') r.fail('roles', 'import.platform_admin');
        else if (!roles.includes(role)) roles.push(role);
      }
      if (!r.has('roles')) r.fail('roles', 'v.required');
      let status: UserRow['status'] = null;
      if (r.has('status')) {
        const s = r.cell('status').toLowerCase();
        status = ['启用', 'active', '正常'].includes(s) ? 'active' : ['停用', 'disabled', '禁用'].includes(s) ? 'disabled' : null;
        if (!status) r.fail('status', 'import.bad_status');
      }
      if (!username.success) return undefined;
      return { username: username.data, displayName, roles, enterpriseId: r.has('enterprise') ? r.cell('enterprise').toUpperCase() : null, status, present: new Set(['enterprise', 'status'].filter((k) => r.present(k))) };
    },
    keyOf: (v) => v.username,
    async existing(ctx, keys) {
      const repo = makeUsersRepo(database.db, database.dialect);
      const { rows } = await repo.list(ctx.zoneId, { page: 1, pageSize: 100000 });
      const roles = await repo.rolesOf(rows.map((u) => u.id));
      adminIds = await repo.activeAdminIds(ctx.zoneId);
      const wanted = new Set(keys);
      return new Map(rows.filter((u) => wanted.has(u.username)).map((u) => [u.username, { ...u, roles: roles.get(u.id) ?? [] }]));
    },
    async crossCheck(ctx, planned, existing, fail) {
      const codes = [...new Set(planned.flatMap((p) => (p.value.enterpriseId ? [p.value.enterpriseId] : [])))];
      enterpriseByCode = await enterprises().idsByCreditCode(ctx.zoneId, codes);
      const admins = new Set(adminIds);
      for (const p of planned) {
        const v = p.value;
        if (v.enterpriseId && !enterpriseByCode.has(v.enterpriseId)) fail(p.row, 'enterprise', 'import.unknown_enterprise', { value: v.enterpriseId });
        const old = existing.get(v.username);
        const enterpriseAfter = v.present.has('enterprise') ? v.enterpriseId : (old?.enterprise_id ?? null);
        const isEnterprise = v.roles.some((role) => ENTERPRISE_ROLES.includes(role));
        if (isEnterprise && !enterpriseAfter) fail(p.row, 'enterprise', 'rule.enterprise_role_needs_enterprise');
        if (isEnterprise && v.roles.some((role) => !ENTERPRISE_ROLES.includes(role))) fail(p.row, 'roles', 'rule.enterprise_role_alone');
        if (old && old.roles.includes('platform_admin')) fail(p.row, 'roles', 'import.platform_admin');
        // Who stays an active zone admin after this file.
        if (old) {
          const active = (v.status ?? old.status) === 'active';
          if (active && v.roles.includes('zone_admin')) admins.add(old.id);
          else admins.delete(old.id);
        }
      }
      const newAdmins = planned.some((p) => !existing.has(p.value.username) && p.value.roles.includes('zone_admin') && p.value.status !== 'disabled');
      if (admins.size === 0 && !newAdmins) {
        const last = planned.find((p) => existing.has(p.value.username));
        if (last) fail(last.row, 'roles', 'rule.last_admin');
      }
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeUsersRepo(trx, database.dialect);
      const now = clock.now();
      const audits: AuditEntry[] = [];
      const credentials: { username: string; password: string }[] = [];
      for (const { value: v } of planned) {
        const old = existing.get(v.username);
        const enterpriseId = v.enterpriseId ? enterpriseByCode.get(v.enterpriseId)! : null;
        if (!old) {
          const password = generatePassword();
          const id = newId();
          await repo.insert({ id, zone_id: ctx.zoneId, username: v.username, display_name: v.displayName, password_hash: await hashPassword(password), enterprise_id: enterpriseId, status: v.status ?? 'active', failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now }, v.roles);
          credentials.push({ username: v.username, password });
          audits.push({ action: 'user.import_create', entityType: 'user', entityId: id, after: { username: v.username, displayName: v.displayName, roles: v.roles, enterpriseId } });
        } else {
          const set: Partial<UsersTable> = { display_name: v.displayName, updated_at: now };
          if (v.present.has('enterprise')) set.enterprise_id = enterpriseId;
          if (v.status) set.status = v.status;
          await repo.update(ctx.zoneId, old.id, set);
          await repo.setRoles(ctx.zoneId, old.id, v.roles);
          if (v.status === 'disabled') await repo.deleteSessions(old.id);
          audits.push({ action: 'user.import_update', entityType: 'user', entityId: old.id, before: { displayName: old.display_name, roles: old.roles, status: old.status }, after: { displayName: v.displayName, roles: v.roles, status: v.status ?? old.status } });
        }
      }
      // Re-checked under the zone lock: a concurrent change may have removed the other admins.
      await makeZonesRepo(trx).lock(ctx.zoneId);
      if ((await repo.activeAdminIds(ctx.zoneId)).length === 0) throw new RuleError('rule.last_admin', {}, { field: 'roles' });
      await recordAuditMany(trx, clock, ctx, audits);
      // New users' generated passwords are shown once, to the importing admin only.
      return { credentials };
    },
  };

}

function parseKind(v: string): AssignmentKind | null {
  const s = v.trim();
  for (const k of ASSIGNMENT_KINDS) {
    const [zh, en] = ASSIGNMENT_LABELS[k];
    if (s === k || s === zh || s.toLowerCase() === en.toLowerCase()) return k;
  }
  // Synonyms officials use for the same duties.
  if (['服务专员', '驻厂员', '特派员'].includes(s)) return 'enterprise_commissioner';
  if (['巡查员', '巡查人员'].includes(s)) return 'park_inspector';
  if (['网格长', '网格员'].includes(s)) return 'grid_official';
  return null;
}

type AssignmentRow = { kind: AssignmentKind; targetId: string; userId: string; isPrimary: boolean; note: string | null; notePresent: boolean };

export function assignmentImportSpec({ database, clock }: Deps, enterprises: () => EnterpriseLookup): ImportSpec<AssignmentRow, AssignmentsTable> {
  let users = new Map<string, { id: string; roles: Role[]; status: string }>();
  let parks = new Map<string, string>();
  let grid = new Map<string, string>();
  let enterpriseByCode = new Map<string, string>();
  let targetsSeen: string[] = [];
  return {
    columns: ASSIGNMENT_COLUMNS,
    keyColumn: 'target',
    async prepare(ctx) {
      const repo = makeUsersRepo(database.db, database.dialect);
      const { rows } = await repo.list(ctx.zoneId, { page: 1, pageSize: 100000 });
      const roles = await repo.rolesOf(rows.map((u) => u.id));
      users = new Map(rows.map((u) => [u.username, { id: u.id, roles: (roles.get(u.id) ?? []) as Role[], status: u.status }]));
      parks = new Map((await makeParksRepo(database.db, database.dialect).allNames(ctx.zoneId)).map((p) => [p.name, p.id]));
      grid = new Map((await makeGridUnitsRepo(database.db).all(ctx.zoneId)).map((g) => [g.code, g.id]));
      targetsSeen = [];
      enterpriseByCode = new Map();
    },
    parse(r) {
      const kind = parseKind(r.cell('kind'));
      if (!kind) r.fail('kind', r.has('kind') ? 'import.bad_kind' : 'v.required');
      const user = users.get(r.cell('username'));
      if (!r.has('username')) r.fail('username', 'v.required');
      else if (!user) r.fail('username', 'import.unknown_user', { value: r.cell('username') });
      else if (kind && !mayHoldAssignment(kind, user.roles, user.status)) r.fail('username', 'rule.assignment_user');
      const target = r.cell('target');
      if (!target) r.fail('target', 'v.required');
      let targetId: string | undefined;
      if (kind === 'park_inspector') targetId = parks.get(target);
      else if (kind === 'grid_official') targetId = grid.get(target);
      else if (kind === 'enterprise_commissioner') {
        // Enterprises are resolved in crossCheck (one query for the file); keep the code for now.
        targetId = `credit:${target.toUpperCase()}`;
        targetsSeen.push(target.toUpperCase());
      }
      if (target && kind && !targetId) r.fail('target', 'import.unknown_target', { value: target });
      const isPrimary = r.has('primary') ? parseYesNo(r.cell('primary')) : true;
      if (isPrimary === null) r.fail('primary', 'import.bad_bool');
      const note = r.cell('note');
      if (note.length > 200) r.fail('note', 'v.too_long', { max: 200 });
      if (!kind || !user || !targetId || isPrimary === null) return undefined;
      return { kind, targetId, userId: user.id, isPrimary, note: note || null, notePresent: r.present('note') };
    },
    keyOf: (v) => `${v.kind}\u0000${v.targetId}\u0000${v.userId}`,
    async existing(ctx) {
      enterpriseByCode = await enterprises().idsByCreditCode(ctx.zoneId, [...new Set(targetsSeen)]);
      const { rows } = await makeAssignmentsRepo(database.db, database.dialect).list(ctx.zoneId, { page: 1, pageSize: 100000 });
      const map = new Map<string, AssignmentsTable>();
      for (const a of rows) {
        map.set(`${a.kind}\u0000${a.target_id}\u0000${a.user_id}`, a);
        // The same record under the credit-code key rows carry before resolution.
        for (const [code, id] of enterpriseByCode) if (id === a.target_id) map.set(`${a.kind}\u0000credit:${code}\u0000${a.user_id}`, a);
      }
      return map;
    },
    crossCheck(_ctx, planned, _existing, fail) {
      const primaryRow = new Map<string, number>();
      for (const p of planned) {
        if (p.value.targetId.startsWith('credit:')) {
          const code = p.value.targetId.slice('credit:'.length);
          const id = enterpriseByCode.get(code);
          if (!id) {
            fail(p.row, 'target', 'import.unknown_enterprise', { value: code });
            continue;
          }
        }
        if (!p.value.isPrimary) continue;
        const target = `${p.value.kind}\u0000${p.value.targetId}`;
        const first = primaryRow.get(target);
        if (first !== undefined) fail(p.row, 'primary', 'import.two_primaries', { row: first });
        else primaryRow.set(target, p.row);
      }
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeAssignmentsRepo(trx, database.dialect);
      const now = clock.now();
      const audits: AuditEntry[] = [];
      for (const { key, value: v } of planned) {
        const targetId = v.targetId.startsWith('credit:') ? enterpriseByCode.get(v.targetId.slice(7))! : v.targetId;
        const old = existing.get(key);
        if (v.isPrimary && !old?.is_primary) await repo.demotePrimary(ctx.zoneId, v.kind, targetId, now);
        if (!old) {
          const id = newId();
          await repo.insert({ id, zone_id: ctx.zoneId, kind: v.kind, user_id: v.userId, target_id: targetId, is_primary: v.isPrimary ? 1 : 0, note: v.note, created_at: now, updated_at: now });
          audits.push({ action: 'assignment.import_create', entityType: 'assignment', entityId: id, after: { kind: v.kind, userId: v.userId, targetId, isPrimary: v.isPrimary, note: v.note } });
        } else {
          await repo.update(ctx.zoneId, old.id, { is_primary: v.isPrimary ? 1 : 0, ...(v.notePresent ? { note: v.note } : {}), updated_at: now });
          audits.push({ action: 'assignment.import_update', entityType: 'assignment', entityId: old.id, before: { isPrimary: old.is_primary === 1, note: old.note }, after: { isPrimary: v.isPrimary, note: v.notePresent ? v.note : old.note } });
        }
      }
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}
