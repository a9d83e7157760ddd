// Users, teams and assignments of responsibility through the API: generated passwords, resets,
// lockout and unlock, the last administrator, team trees without cycles, and one primary per
// target — also when many requests race for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Team, User } from '@shuangsheng/contracts';
import { makeTestApp, type TestApp } from '../../test/harness.js';
import {
  countRows, makeEnterprise, makeGridUnit, makePark, makeTeam, makeUser, newAdmin, PASSWORD, rootGridUnit, signedInUser, zoneSnapshot, type TestZone,
} from '../../test/factories.js';
import { column, xlsxResponse } from '../../test/xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

let address = 0;
/** A sign-in attempt from an address of its own (the per-IP limit is not what is tested here). */
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.200.${++address >> 8}.${address & 255}` });

async function activeAdmins(zone: TestZone): Promise<string[]> {
  const rows = await t.deps.database.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.zone_id', '=', zone.id)
    .where('users.status', '=', 'active')
    .where('user_roles.role', '=', 'zone_admin')
    .execute();
  return rows.map((r) => r.id);
}

describe('users', () => {
  it('generates a password when none is given, returns it once, and it signs in', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const res = await call({ method: 'POST', url: '/api/users', payload: { username: 'li.na', displayName: '李娜', roles: ['commissioner', 'inspector'] } });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ username: 'li.na', displayName: '李娜', roles: ['commissioner', 'inspector'], enterpriseId: null, status: 'active', locked: false, lastLoginAt: null });
    expect(created.generatedPassword).toMatch(/^[A-Za-z][A-Za-z0-9]{12}\d$/);
    expect((await login('li.na', created.generatedPassword)).statusCode).toBe(200);

    const again = await call({ method: 'GET', url: `/api/users/${created.id}` });
    expect(again.json()).not.toHaveProperty('generatedPassword');
    expect(again.json().lastLoginAt).toEqual(expect.any(Number));
    const list = await call({ method: 'GET', url: '/api/users?q=li.na' });
    expect(JSON.stringify(list.json())).not.toContain(created.generatedPassword);

    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).where('action', '=', 'user.create').where('entity_id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({ username: 'li.na', displayName: '李娜', roles: ['commissioner', 'inspector'], enterpriseId: null });

    const chosen = await call({ method: 'POST', url: '/api/users', payload: { username: 'wang.jian', displayName: '王建', roles: ['leader'], password: 'Chosen-pass-2020' } });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json()).not.toHaveProperty('generatedPassword');
    expect((await login('wang.jian', 'Chosen-pass-2020')).statusCode).toBe(200);
  });

  it('an enterprise user needs an enterprise of the zone', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const before = await zoneSnapshot(t.deps.database, zone.id);
    const res = await call({ method: 'POST', url: '/api/users', payload: { username: 'qiye01', displayName: '企业联络员', roles: ['enterprise_user'] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({ code: 'rule.enterprise_role_needs_enterprise', message: '企业用户必须关联企业', details: { field: 'enterpriseId' } });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);

    const e = await makeEnterprise(t.services, zone, { name: '联络公司' });
    const ok = await call({ method: 'POST', url: '/api/users', payload: { username: 'qiye01', displayName: '企业联络员', roles: ['enterprise_user'], enterpriseId: e.id } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ enterpriseId: e.id, enterpriseName: '联络公司' });
    // An enterprise user seeing the whole zone as staff would defeat the point: one or the other.
    const both = await call({ method: 'PATCH', url: `/api/users/${ok.json().id}`, payload: { roles: ['enterprise_user', 'commissioner'] } });
    expect(both.statusCode).toBe(422);
    expect(both.json().error).toMatchObject({ code: 'rule.enterprise_role_alone', details: { field: 'roles' } });
    const weak = await call({ method: 'POST', url: `/api/users/${ok.json().id}/actions/reset-password`, payload: { password: 'onlyletters' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([{ path: 'password', message: '密码至少 10 位，且须同时包含字母和数字' }]);
    const unlink = await call({ method: 'PATCH', url: `/api/users/${ok.json().id}`, payload: { enterpriseId: null } });
    expect(unlink.statusCode).toBe(422);
    expect(unlink.json().error.code).toBe('rule.enterprise_role_needs_enterprise');
  });

  it('refuses a taken username (409) and a platform admin made by a zone admin (403)', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const existing = await makeUser(t.services, zone, ['leader']);
    const dup = await call({ method: 'POST', url: '/api/users', payload: { username: existing.username, displayName: '重名', roles: ['leader'] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toEqual({ code: 'conflict.duplicate', message: `用户名“${existing.username}”已存在`, details: { field: 'username' } });
    const pa = await call({ method: 'POST', url: '/api/users', payload: { username: 'sneaky.pa', displayName: '越权', roles: ['platform_admin'] } });
    expect(pa.statusCode).toBe(403);
    const promote = await call({ method: 'PATCH', url: `/api/users/${existing.id}`, payload: { roles: ['platform_admin'] } });
    expect(promote.statusCode).toBe(403);
    expect((await t.services.org.users.get(zone.ctx, existing.id)).roles).toEqual(['leader']);
  });

  it('resets a password: a new one is generated, the old one stops working and the user is signed out', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const user = await signedInUser(t.app, t.services, zone, ['commissioner']);
    expect((await user.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const res = await call({ method: 'POST', url: `/api/users/${user.user.id}/actions/reset-password`, payload: {} });
    expect(res.statusCode).toBe(200);
    const { generatedPassword } = res.json();
    expect(generatedPassword).toMatch(/^[A-Za-z][A-Za-z0-9]{12}\d$/);
    expect((await user.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login(user.user.username, PASSWORD)).statusCode).toBe(401);
    expect((await login(user.user.username, generatedPassword)).statusCode).toBe(200);

    const chosen = await call({ method: 'POST', url: `/api/users/${user.user.id}/actions/reset-password`, payload: { password: 'Another-pass-42' } });
    expect(chosen.json()).toEqual({});
    expect((await login(user.user.username, 'Another-pass-42')).statusCode).toBe(200);
    const audit = await t.deps.database.db.selectFrom('audit_log').selectAll().where('zone_id', '=', zone.id).where('action', '=', 'user.reset_password').execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/Another-pass-42|scrypt\$/);
    expect(JSON.stringify(audit)).not.toContain(generatedPassword);
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const user = await makeUser(t.services, zone, ['inspector']);
    for (let i = 0; i < 5; i++) expect((await login(user.username, 'wrong-password-1')).statusCode).toBe(401);
    const locked = await login(user.username, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.locked');
    expect((await call({ method: 'GET', url: `/api/users/${user.id}` })).json().locked).toBe(true);

    const res = await call({ method: 'POST', url: `/api/users/${user.id}/actions/unlock` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, locked: false });
    expect((await login(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('keeps the last active administrator: no self-disable, no demoting or disabling the last one', async () => {
    const { call, zone, admin } = await newAdmin(t.app, t.services);
    const demote = await call({ method: 'PATCH', url: `/api/users/${admin.id}`, payload: { roles: ['leader'] } });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().error).toEqual({ code: 'rule.last_admin', message: '不能停用或降级本区最后一位管理员', details: { field: 'roles' } });
    const self = await call({ method: 'PATCH', url: `/api/users/${admin.id}`, payload: { status: 'disabled' } });
    expect(self.statusCode).toBe(422);
    expect(self.json().error).toEqual({ code: 'rule.self_disable', message: '不能停用自己的账号', details: { field: 'status' } });

    const second = await signedInUser(t.app, t.services, zone, ['zone_admin']);
    const disabled = await call({ method: 'PATCH', url: `/api/users/${second.user.id}`, payload: { status: 'disabled' } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await second.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    // A disabled administrator does not count.
    expect((await call({ method: 'PATCH', url: `/api/users/${admin.id}`, payload: { roles: ['leader'] } })).statusCode).toBe(422);
    expect((await call({ method: 'PATCH', url: `/api/users/${second.user.id}`, payload: { status: 'active' } })).statusCode).toBe(200);
    const stepDown = await call({ method: 'PATCH', url: `/api/users/${admin.id}`, payload: { roles: ['leader'] } });
    expect(stepDown.statusCode).toBe(200);
    expect(await activeAdmins(zone)).toEqual([second.user.id]);
  });

  it('two administrators demoting each other at once leave one administrator', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await newAdmin(t.app, t.services);
      const b = await signedInUser(t.app, t.services, a.zone, ['zone_admin']);
      const [ra, rb] = await Promise.all([
        a.call({ method: 'PATCH', url: `/api/users/${b.user.id}`, payload: { roles: ['leader'] } }),
        b.call({ method: 'PATCH', url: `/api/users/${a.admin.id}`, payload: { roles: ['leader'] } }),
      ]);
      // The loser is refused by the rule (422), or — when its session is read after the winner
      // committed — for no longer being an administrator at all (403).
      const statuses = [ra.statusCode, rb.statusCode].sort();
      expect(statuses[0], `round ${round}: ${ra.body} ${rb.body}`).toBe(200);
      expect([403, 422], `round ${round}: ${ra.body} ${rb.body}`).toContain(statuses[1]);
      expect(await activeAdmins(a.zone)).toHaveLength(1);
    }
  });

  it('lists by role, status and text, and exports the same rows', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const i1 = await makeUser(t.services, zone, ['inspector']);
    const i2 = await makeUser(t.services, zone, ['inspector', 'commissioner']);
    await makeUser(t.services, zone, ['leader']);
    await t.services.org.users.update(zone.ctx, i2.id, { status: 'disabled' });
    const ids = async (q: string) => (await call({ method: 'GET', url: `/api/users?${q}` })).json().items.map((u: User) => u.id).sort();
    expect(await ids('role=inspector')).toEqual([i1.id, i2.id].sort());
    expect(await ids('role=inspector&status=active')).toEqual([i1.id]);
    expect(await ids(`q=${i2.username}`)).toEqual([i2.id]);
    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/users/export.xlsx?role=inspector' }));
    expect(column(sheet, '用户名').sort()).toEqual([i1.username, i2.username].sort());
  });
});

describe('teams', () => {
  it('builds the leading group with working groups, leaders and members', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const head = await makeUser(t.services, zone, ['leader']);
    const m1 = await makeUser(t.services, zone, ['commissioner']);
    const m2 = await makeUser(t.services, zone, ['inspector']);
    const res = await call({
      method: 'POST',
      url: '/api/teams',
      payload: { kind: 'leading_group', name: '疫情防控和经济运行领导小组', leaderId: head.id, memberIds: [m2.id, m1.id, m1.id], duties: '统筹' },
    });
    expect(res.statusCode).toBe(201);
    const leading = res.json() as Team;
    expect(leading).toMatchObject({ kind: 'leading_group', parentId: null, parentName: null, leaderId: head.id, leaderName: head.displayName, duties: '统筹' });
    expect(leading.members).toEqual([m1, m2].map((m) => ({ id: m.id, displayName: m.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')));

    const wg = await call({ method: 'POST', url: '/api/teams', payload: { kind: 'working_group', name: '复工复产组', parentId: leading.id, leaderId: m1.id } });
    expect(wg.statusCode).toBe(201);
    expect(wg.json()).toMatchObject({ parentId: leading.id, parentName: '疫情防控和经济运行领导小组', leaderName: m1.displayName, members: [] });
    const groups = await call({ method: 'GET', url: '/api/teams?kind=working_group' });
    expect(groups.json().items.map((x: Team) => x.name)).toEqual(['复工复产组']);

    const replaced = await call({ method: 'PATCH', url: `/api/teams/${leading.id}`, payload: { memberIds: [m2.id] } });
    expect(replaced.json().members).toEqual([{ id: m2.id, displayName: m2.displayName }]);
    expect(await countRows(t.deps.database, 'team_members', zone.id)).toBe(1);
    const dup = await call({ method: 'POST', url: '/api/teams', payload: { kind: 'task_force', name: '复工复产组' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual({ field: 'name' });
  });

  it('refuses a parent that would close a loop', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const top = await makeTeam(t.services, zone, { kind: 'leading_group' });
    const mid = await makeTeam(t.services, zone, { parentId: top.id });
    const low = await makeTeam(t.services, zone, { parentId: mid.id });
    for (const parentId of [low.id, mid.id, top.id]) {
      const res = await call({ method: 'PATCH', url: `/api/teams/${top.id}`, payload: { parentId } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toEqual({ code: 'rule.team_cycle', message: '上级队伍不能是自身或其下级', details: { field: 'parentId' } });
    }
    expect((await call({ method: 'GET', url: `/api/teams/${top.id}` })).json().parentId).toBeNull();
    const ok = await call({ method: 'PATCH', url: `/api/teams/${low.id}`, payload: { parentId: top.id } });
    expect(ok.json()).toMatchObject({ parentId: top.id, parentName: top.name });
  });

  it('deletes a team without sub-teams, with its members; not one with sub-teams', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const member = await makeUser(t.services, zone, ['inspector']);
    const top = await makeTeam(t.services, zone, { kind: 'leading_group', memberIds: [member.id] });
    const child = await makeTeam(t.services, zone, { parentId: top.id, memberIds: [member.id] });
    const busy = await call({ method: 'DELETE', url: `/api/teams/${top.id}` });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toBe('队伍仍被引用（队伍），不能删除');
    expect(await countRows(t.deps.database, 'team_members', zone.id)).toBe(2);
    expect((await call({ method: 'DELETE', url: `/api/teams/${child.id}` })).statusCode).toBe(200);
    expect((await call({ method: 'DELETE', url: `/api/teams/${top.id}` })).statusCode).toBe(200);
    expect(await countRows(t.deps.database, 'teams', zone.id)).toBe(0);
    expect(await countRows(t.deps.database, 'team_members', zone.id)).toBe(0);
  });

  it('exports the teams of a kind', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const a = await makeUser(t.services, zone, ['inspector']);
    await makeTeam(t.services, zone, { kind: 'inspection_team', name: '巡查一队', memberIds: [a.id] });
    await makeTeam(t.services, zone, { kind: 'service_team', name: '服务一队' });
    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/teams/export.xlsx?kind=inspection_team' }));
    expect(column(sheet, '名称')).toEqual(['巡查一队']);
    expect(column(sheet, '成员')).toEqual([a.displayName]);
  });
});

describe('assignments of responsibility', () => {
  it('names a commissioner of an enterprise, an inspector of a park and an official of a grid unit', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone, { name: '被服务企业' });
    const park = await makePark(t.services, zone, '被巡查园区');
    const grid = await makeGridUnit(t.services, zone, (await rootGridUnit(t.services, zone)).id, '东街道');
    const c = await makeUser(t.services, zone, ['commissioner']);
    const i = await makeUser(t.services, zone, ['inspector']);
    const cases: [string, string, string][] = [
      ['enterprise_commissioner', e.id, '被服务企业'],
      ['park_inspector', park.id, '被巡查园区'],
      ['grid_official', grid.id, '测试高新区 / 东街道'],
    ];
    for (const [kind, targetId, targetName] of cases) {
      const userId = kind === 'park_inspector' ? i.id : c.id;
      const res = await call({ method: 'POST', url: '/api/assignments', payload: { kind, userId, targetId, note: '分工' } });
      expect(res.statusCode, kind).toBe(201);
      expect(res.json()).toMatchObject({ kind, userId, targetId, targetName, isPrimary: true, note: '分工' });
    }
    const mine = await call({ method: 'GET', url: `/api/assignments?userId=${c.id}&sort=kind:asc` });
    expect(mine.json().items.map((a: Assignment) => a.kind)).toEqual(['enterprise_commissioner', 'grid_official']);
  });

  it('a new primary demotes the old one, on create and on patch; a secondary demotes nobody', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone);
    const [u1, u2, u3] = await Promise.all([1, 2, 3].map(() => makeUser(t.services, zone, ['commissioner'])));
    const post = async (userId: string, isPrimary: boolean) =>
      (await call({ method: 'POST', url: '/api/assignments', payload: { kind: 'enterprise_commissioner', userId, targetId: e.id, isPrimary } })).json() as Assignment;
    const a1 = await post(u1!.id, true);
    const a2 = await post(u2!.id, true);
    const a3 = await post(u3!.id, false);
    const primaries = async () => (await call({ method: 'GET', url: `/api/assignments?targetId=${e.id}&primaryOnly=true` })).json().items.map((a: Assignment) => a.id);
    expect(await primaries()).toEqual([a2.id]);
    expect((await call({ method: 'GET', url: `/api/assignments/${a1.id}` })).json().isPrimary).toBe(false);
    const promoted = await call({ method: 'PATCH', url: `/api/assignments/${a3.id}`, payload: { isPrimary: true } });
    expect(promoted.json().isPrimary).toBe(true);
    expect(await primaries()).toEqual([a3.id]);
    expect((await call({ method: 'GET', url: `/api/assignments?targetId=${e.id}` })).json().total).toBe(3);
  });

  it('refuses the same person twice, an unfit user, and a target of another kind', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone);
    const park = await makePark(t.services, zone);
    const c = await makeUser(t.services, zone, ['commissioner']);
    const leader = await makeUser(t.services, zone, ['leader']);
    const gone = await makeUser(t.services, zone, ['inspector']);
    await t.services.org.users.update(zone.ctx, gone.id, { status: 'disabled' });
    await call({ method: 'POST', url: '/api/assignments', payload: { kind: 'enterprise_commissioner', userId: c.id, targetId: e.id } });
    const before = await zoneSnapshot(t.deps.database, zone.id);

    const twice = await call({ method: 'POST', url: '/api/assignments', payload: { kind: 'enterprise_commissioner', userId: c.id, targetId: e.id, isPrimary: false } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toEqual({ code: 'conflict.assignment_exists', message: `${c.displayName}已负责该对象`, details: { field: 'userId' } });
    for (const userId of [leader.id, gone.id]) {
      const unfit = await call({ method: 'POST', url: '/api/assignments', payload: { kind: 'park_inspector', userId, targetId: park.id } });
      expect(unfit.statusCode).toBe(422);
      expect(unfit.json().error).toEqual({ code: 'rule.assignment_user', message: '该用户不能承担此项责任（须为本区工作人员）', details: { field: 'userId' } });
    }
    const wrongKind = await call({ method: 'POST', url: '/api/assignments', payload: { kind: 'enterprise_commissioner', userId: c.id, targetId: park.id } });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().error.details).toEqual({ field: 'targetId' });
    expect(await zoneSnapshot(t.deps.database, zone.id)).toEqual(before);
  });

  it('keeps exactly one primary when ten requests race to be it', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const e = await makeEnterprise(t.services, zone);
    const users = await Promise.all(Array.from({ length: 10 }, () => makeUser(t.services, zone, ['commissioner'])));
    const responses = await Promise.all(
      users.map((u) => call({ method: 'POST', url: '/api/assignments', payload: { kind: 'enterprise_commissioner', userId: u.id, targetId: e.id, isPrimary: true } })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 201 || s === 409), statuses.join(',')).toBe(true);
    for (const r of responses.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('conflict.primary_taken');
    const rows = await t.deps.database.db.selectFrom('assignments').selectAll().where('zone_id', '=', zone.id).where('target_id', '=', e.id).execute();
    expect(rows).toHaveLength(statuses.filter((s) => s === 201).length);
    const primaries = rows.filter((r) => Number(r.is_primary) === 1);
    expect(primaries).toHaveLength(1);
    const createdIds = responses.filter((r) => r.statusCode === 201).map((r) => r.json().id);
    expect(createdIds).toContain(primaries[0]!.id);
  });

  it('deletes an assignment and exports the filtered list', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const park = await makePark(t.services, zone, '导出园区');
    const e = await makeEnterprise(t.services, zone, { name: '导出企业' });
    const i = await makeUser(t.services, zone, ['inspector', 'commissioner']);
    const a = await t.services.org.assignments.create(zone.ctx, { kind: 'park_inspector', userId: i.id, targetId: park.id, isPrimary: true });
    const b = await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: i.id, targetId: e.id, isPrimary: true });
    const sheet = await xlsxResponse(await call({ method: 'GET', url: '/api/assignments/export.xlsx?kind=park_inspector' }));
    expect(sheet.rows).toHaveLength(1);
    expect(column(sheet, '责任对象')).toEqual(['导出园区']);
    expect(column(sheet, '主责')).toEqual(['是']);
    expect((await call({ method: 'DELETE', url: `/api/assignments/${a.id}` })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: `/api/assignments/${a.id}` })).statusCode).toBe(404);
    expect((await call({ method: 'GET', url: '/api/assignments' })).json().items.map((x: Assignment) => x.id)).toEqual([b.id]);
  });
});

describe('finding who answers for what', () => {
  it('searches assignments by the target’s name or code and by the person', async () => {
    const { call, zone } = await newAdmin(t.app, t.services);
    const c = await t.services.org.users.create(zone.ctx, { username: 'huang.zg', displayName: '黄志刚', roles: ['commissioner', 'inspector'], password: PASSWORD });
    const other = await makeUser(t.services, zone, ['commissioner']);
    const e = await makeEnterprise(t.services, zone, { name: '华西能源装备公司' });
    const park = await makePark(t.services, zone, '板仓工业园');
    const unit = await makeGridUnit(t.services, zone, (await rootGridUnit(t.services, zone)).id, '卧龙社区');
    const a1 = await t.services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId: c.id, targetId: e.id, isPrimary: true });
    const a2 = await t.services.org.assignments.create(zone.ctx, { kind: 'park_inspector', userId: c.id, targetId: park.id, isPrimary: true });
    const a3 = await t.services.org.assignments.create(zone.ctx, { kind: 'grid_official', userId: other.id, targetId: unit.id, isPrimary: true, note: '夜间值守' });
    const ids = async (q: string) =>
      ((await call({ method: 'GET', url: `/api/assignments?q=${encodeURIComponent(q)}` })).json().items as Assignment[]).map((a) => a.id).sort();
    expect(await ids('华西')).toEqual([a1.id]);
    expect(await ids(e.creditCode.slice(8, 14))).toEqual([a1.id]);
    expect(await ids('板仓')).toEqual([a2.id]);
    expect(await ids('卧龙')).toEqual([a3.id]);
    expect(await ids('黄志刚')).toEqual([a1.id, a2.id].sort());
    expect(await ids('huang')).toEqual([a1.id, a2.id].sort());
    expect(await ids('夜间')).toEqual([a3.id]);
    expect(await ids('没有这个')).toEqual([]);
  });
});
