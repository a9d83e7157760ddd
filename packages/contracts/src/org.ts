import { z } from 'zod';
import { ROLES } from './access.js';
import { ASSIGNMENT_KINDS, GRID_LEVELS, TEAM_KINDS } from './domain.js';
import { Id, Instant, Name, OptionalText, PageQuery, sortParam } from './common.js';
import { PHONE_RE } from './validators.js';
import { NewPassword } from './auth.js';

export const Phone = z.string().trim().regex(PHONE_RE, { message: 'v.phone' });

// ---- zones
export const ZoneCode = z.string().trim().regex(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'v.zone_code' });
export const Zone = z.object({ id: Id, code: z.string(), name: z.string(), timeZone: z.string(), createdAt: Instant });
export type Zone = z.infer<typeof Zone>;

// ---- parks (产业园区)
export const ParkInput = z.strictObject({
  name: Name,
  address: OptionalText(200),
  areaSqm: z.number().int().min(0).max(1e9).nullable().optional(),
  managerName: OptionalText(50),
  managerPhone: Phone.nullable().optional(),
});
export const ParkPatch = ParkInput.partial();
export const Park = z.object({
  id: Id,
  name: z.string(),
  address: z.string().nullable(),
  areaSqm: z.number().nullable(),
  managerName: z.string().nullable(),
  managerPhoneMasked: z.string().nullable(),
  buildingCount: z.number().int(),
  enterpriseCount: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Park = z.infer<typeof Park>;
export const ParkListQuery = z.strictObject({ ...PageQuery, sort: sortParam(['name', 'areaSqm', 'createdAt']) });

// ---- buildings (楼宇)
export const BuildingInput = z.strictObject({
  parkId: Id,
  name: Name,
  floors: z.number().int().min(1).max(200).nullable().optional(),
  areaSqm: z.number().int().min(0).max(1e8).nullable().optional(),
});
export const BuildingPatch = BuildingInput.partial();
export const Building = z.object({
  id: Id,
  parkId: Id,
  parkName: z.string(),
  name: z.string(),
  floors: z.number().nullable(),
  areaSqm: z.number().nullable(),
  enterpriseCount: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Building = z.infer<typeof Building>;
export const BuildingListQuery = z.strictObject({
  ...PageQuery,
  parkId: Id.optional(),
  sort: sortParam(['name', 'floors', 'createdAt']),
});

// ---- grid units (网格): zone > street 街道 > community 社区/村 > group 组/小区
export const GridUnitInput = z.strictObject({
  parentId: Id.nullable(),
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'v.grid_code' }),
  name: Name,
});
export const GridUnitPatch = z.strictObject({ code: GridUnitInput.shape.code.optional(), name: Name.optional() });
export const GridUnit = z.object({
  id: Id,
  parentId: Id.nullable(),
  level: z.enum(GRID_LEVELS),
  code: z.string(),
  name: z.string(),
  path: z.string().describe('names from the root, joined by " / "'),
  childCount: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type GridUnit = z.infer<typeof GridUnit>;
export const GridUnitListQuery = z.strictObject({
  ...PageQuery,
  pageSize: z.coerce.number().int().min(1).max(2000).default(20),
  level: z.enum(GRID_LEVELS).optional(),
  parentId: Id.optional(),
  sort: sortParam(['code', 'name', 'createdAt']),
});

// ---- users
export const Username = z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,64}$/, { message: 'v.username' });
export const UserInput = z.strictObject({
  username: Username,
  displayName: Name,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  enterpriseId: Id.nullable().optional(),
  password: NewPassword.optional(),
});
export const UserPatch = z.strictObject({
  displayName: Name.optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  enterpriseId: Id.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  enterpriseCreditCode: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lastLoginAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type User = z.infer<typeof User>;
export const UserCreated = User.extend({ generatedPassword: z.string().optional() });
export const UserListQuery = z.strictObject({
  ...PageQuery,
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: sortParam(['username', 'displayName', 'createdAt', 'lastLoginAt']),
});
export const ResetPasswordBody = z.strictObject({ password: NewPassword.optional() });
export const ResetPasswordResult = z.object({ generatedPassword: z.string().optional() });

// ---- teams: the leading group (领导小组) and its working groups, service and inspection teams, task forces (专班)
export const TeamInput = z.strictObject({
  kind: z.enum(TEAM_KINDS),
  name: Name,
  parentId: Id.nullable().optional(),
  leaderId: Id.nullable().optional(),
  memberIds: z.array(Id).max(500).default([]),
  duties: OptionalText(500),
});
export const TeamPatch = z.strictObject({
  kind: z.enum(TEAM_KINDS).optional(),
  name: Name.optional(),
  parentId: Id.nullable().optional(),
  leaderId: Id.nullable().optional(),
  memberIds: z.array(Id).max(500).optional(),
  duties: OptionalText(500),
});
export const Team = z.object({
  id: Id,
  kind: z.enum(TEAM_KINDS),
  name: z.string(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  leaderId: Id.nullable(),
  leaderName: z.string().nullable(),
  duties: z.string().nullable(),
  members: z.array(z.object({ id: Id, displayName: z.string() })),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Team = z.infer<typeof Team>;
export const TeamListQuery = z.strictObject({ ...PageQuery, kind: z.enum(TEAM_KINDS).optional(), sort: sortParam(['name', 'kind', 'createdAt']) });

// ---- assignments of responsibility: who answers for which enterprise, park, grid unit
export const AssignmentInput = z.strictObject({
  kind: z.enum(ASSIGNMENT_KINDS),
  userId: Id,
  targetId: Id,
  isPrimary: z.boolean().default(true),
  note: OptionalText(200),
});
export const AssignmentPatch = z.strictObject({ isPrimary: z.boolean().optional(), note: OptionalText(200) });
export const Assignment = z.object({
  id: Id,
  kind: z.enum(ASSIGNMENT_KINDS),
  userId: Id,
  userName: z.string(),
  username: z.string(),
  targetId: Id,
  targetName: z.string(),
  targetCode: z.string().describe('credit code, park name or grid code: what the import names the target by'),
  isPrimary: z.boolean(),
  note: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Assignment = z.infer<typeof Assignment>;
export const AssignmentListQuery = z.strictObject({
  ...PageQuery,
  kind: z.enum(ASSIGNMENT_KINDS).optional(),
  userId: Id.optional(),
  targetId: Id.optional(),
  primaryOnly: z.stringbool().optional(),
  sort: sortParam(['createdAt', 'kind']),
});

