// HTTP for zones, users, teams and assignments of responsibility.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ASSIGNMENT_LABELS, Assignment, AssignmentInput, AssignmentListQuery, AssignmentPatch, IdParams, listOf, Ok, ResetPasswordBody, ResetPasswordResult, Team, TeamInput, TeamListQuery,
  ROLE_LABELS, TEAM_KIND_LABELS, TeamPatch, User, UserCreated, UserInput, UserListQuery, UserPatch, Zone, labelIn } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { allPages, errors, importRoutes, sendXlsx, typed } from '../../platform/routes.js';
import { exportColumns, yesNoWord } from '../../platform/sheet-import.js';
import { zonedTime } from '../../platform/time.js';
import { ASSIGNMENT_COLUMNS, USER_COLUMNS } from './people.import.js';
import type { Services } from '../../services.js';

const ExportLang = z.object({ lang: z.enum(['zh-CN', 'en-US']).optional() });

export async function peopleRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const { users, teams, assignments, zones } = services.org;

  api.get('/api/zones', {
    config: { permission: 'zones.read' },
    schema: { tags: ['org'], summary: 'All zones (platform admin); read one with the X-Zone header', response: { 200: z.array(Zone), ...errors } },
    handler: () => zones.list(),
  });

  // ---- users
  api.get('/api/users', {
    config: { permission: 'users.read' },
    schema: { tags: ['org'], querystring: UserListQuery, response: { 200: listOf(User), ...errors } },
    handler: (req) => users.list(requireCtx(req), req.query),
  });
  api.get('/api/users/export.xlsx', {
    config: { permission: 'users.read' },
    schema: { tags: ['org'], querystring: UserListQuery.omit({ page: true, pageSize: true }).extend(ExportLang.shape) },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => users.list(ctx, { ...req.query, page, pageSize: 200 }));
      const en = req.lang === 'en-US';
      const timeZone = await zones.timeZoneOf(ctx.zoneId);
      const columns = exportColumns<User>(USER_COLUMNS, {
        username: (u) => u.username,
        displayName: (u) => u.displayName,
        roles: (u) => u.roles.map((r) => ROLE_LABELS[r][en ? 1 : 0]).join(en ? ', ' : '、'),
        enterprise: (u) => u.enterpriseCreditCode,
        status: (u) => (u.status === 'active' ? (en ? 'active' : '启用') : en ? 'disabled' : '停用'),
      }, [
        { key: 'enterpriseName', zh: '所属企业', en: 'Enterprise', width: 28, value: (u) => u.enterpriseName },
        { key: 'lastLoginAt', zh: '最近登录', en: 'Last sign-in', width: 18, value: (u) => (u.lastLoginAt ? zonedTime(u.lastLoginAt, timeZone) : null) },
      ]);
      return sendXlsx(reply, 'users', xlsxStream(en ? 'Users' : '用户', columns, rows, req.lang));
    },
  });
  api.post('/api/users', {
    config: { permission: 'users.manage' },
    schema: { tags: ['org'], summary: 'Create a user; without a password one is generated and returned once', body: UserInput, response: { 201: UserCreated, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await users.create(requireCtx(req), req.body)),
  });
  api.get('/api/users/:id', {
    config: { permission: 'users.read' },
    schema: { tags: ['org'], params: IdParams, response: { 200: User, ...errors } },
    handler: (req) => users.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/users/:id', {
    config: { permission: 'users.manage' },
    schema: { tags: ['org'], params: IdParams, body: UserPatch, response: { 200: User, ...errors } },
    handler: (req) => users.update(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/users/:id/actions/reset-password', {
    config: { permission: 'users.manage' },
    schema: { tags: ['org'], summary: 'Set or generate a new password; signs the user out', params: IdParams, body: ResetPasswordBody, response: { 200: ResetPasswordResult, ...errors } },
    handler: (req) => users.resetPassword(requireCtx(req), req.params.id, req.body.password),
  });
  api.post('/api/users/:id/actions/unlock', {
    config: { permission: 'users.manage' },
    schema: { tags: ['org'], summary: 'Lift a sign-in lockout', params: IdParams, response: { 200: User, ...errors } },
    handler: (req) => users.unlock(requireCtx(req), req.params.id),
  });

  importRoutes(app, { base: '/api/users', tag: 'org', permission: 'users.manage', sheetName: ['用户', 'Users'], columns: USER_COLUMNS, run: services.org.imports.users });

  // ---- teams
  api.get('/api/teams', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], summary: 'Leading group, working groups, service and inspection teams, task forces', querystring: TeamListQuery, response: { 200: listOf(Team), ...errors } },
    handler: (req) => teams.list(requireCtx(req), req.query),
  });
  api.get('/api/teams/export.xlsx', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], querystring: TeamListQuery.omit({ page: true, pageSize: true }).extend(ExportLang.shape) },
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => teams.list(ctx, { ...req.query, page, pageSize: 200 }));
      return sendXlsx(reply, 'teams', xlsxStream('队伍', [
        { key: 'name', zh: '名称', en: 'Name', width: 24, value: (t: Team) => t.name },
        { key: 'kind', zh: '类型', en: 'Kind', value: (t: Team) => labelIn(req.lang, TEAM_KIND_LABELS[t.kind]) },
        { key: 'parent', zh: '上级', en: 'Parent', width: 20, value: (t: Team) => t.parentName },
        { key: 'leader', zh: '负责人', en: 'Leader', value: (t: Team) => t.leaderName },
        { key: 'members', zh: '成员', en: 'Members', width: 40, value: (t: Team) => t.members.map((m) => m.displayName).join('、') },
        { key: 'duties', zh: '职责', en: 'Duties', width: 40, value: (t: Team) => t.duties },
      ], rows, req.lang));
    },
  });
  api.post('/api/teams', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], body: TeamInput, response: { 201: Team, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await teams.create(requireCtx(req), req.body)),
  });
  api.get('/api/teams/:id', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Team, ...errors } },
    handler: (req) => teams.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/teams/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, body: TeamPatch, response: { 200: Team, ...errors } },
    handler: (req) => teams.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/teams/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await teams.remove(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });

  // ---- assignments
  api.get('/api/assignments', {
    config: { permission: 'assignments.read' },
    schema: { tags: ['org'], summary: 'Who answers for which enterprise, park or grid unit', querystring: AssignmentListQuery, response: { 200: listOf(Assignment), ...errors } },
    handler: (req) => assignments.list(requireCtx(req), req.query),
  });
  api.get('/api/assignments/export.xlsx', {
    config: { permission: 'assignments.read' },
    schema: { tags: ['org'], querystring: AssignmentListQuery.omit({ page: true, pageSize: true }).extend(ExportLang.shape) },
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => assignments.list(ctx, { ...req.query, page, pageSize: 200 }));
      const en = req.lang === 'en-US';
      const columns = exportColumns<Assignment>(ASSIGNMENT_COLUMNS, {
        kind: (a) => ASSIGNMENT_LABELS[a.kind][en ? 1 : 0],
        target: (a) => a.targetCode,
        username: (a) => a.username,
        primary: (a) => yesNoWord(a.isPrimary, req.lang),
        note: (a) => a.note,
      }, [
        { key: 'targetName', zh: '责任对象名称', en: 'Target name', width: 36, value: (a) => a.targetName },
        { key: 'userName', zh: '责任人姓名', en: 'Responsible', width: 20, value: (a) => a.userName },
      ]);
      return sendXlsx(reply, 'assignments', xlsxStream(en ? 'Assignments' : '责任分工', columns, rows, req.lang));
    },
  });
  importRoutes(app, { base: '/api/assignments', tag: 'org', permission: 'assignments.write', sheetName: ['责任分工', 'Assignments'], columns: ASSIGNMENT_COLUMNS, run: services.org.imports.assignments });
  api.post('/api/assignments', {
    config: { permission: 'assignments.write' },
    schema: { tags: ['org'], summary: 'Assign; a new primary replaces the previous one', body: AssignmentInput, response: { 201: Assignment, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await assignments.create(requireCtx(req), req.body)),
  });
  api.get('/api/assignments/:id', {
    config: { permission: 'assignments.read' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Assignment, ...errors } },
    handler: (req) => assignments.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/assignments/:id', {
    config: { permission: 'assignments.write' },
    schema: { tags: ['org'], params: IdParams, body: AssignmentPatch, response: { 200: Assignment, ...errors } },
    handler: (req) => assignments.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/assignments/:id', {
    config: { permission: 'assignments.write' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await assignments.remove(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });
}
