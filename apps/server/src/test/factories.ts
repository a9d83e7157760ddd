// Factories that build data through the services (never raw SQL), so every rule and audit holds.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { creditCodeCheckChar, orgCodeCheckChar, residentIdCheckChar, ServiceItemInput, TIER_MIN_FEN, type EnterpriseInput, type Role, type ScaleTier } from '@shuangsheng/contracts';
import type { z } from 'zod';
import { systemCtx, type Ctx } from '../platform/context.js';
import type { Services } from '../services.js';
import type { Database } from '../db/connect.js';
import type { DB } from '../db/schema.js';

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let seq = 0;

export function uniq(prefix = ''): string {
  return `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
}

/** A credit code with a valid GB 32100 check character (and a valid GB 11714 org code inside). */
export function validCreditCode(): string {
  const bytes = randomBytes(6);
  const body = 'MA' + Array.from(bytes, (b) => CODE_CHARS[b % CODE_CHARS.length]).join('');
  const first17 = `91510300${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

export const PASSWORD = 'Passw0rd-for-tests';

export type TestZone = { id: string; code: string; ctx: Ctx };

export async function makeZone(services: Services, name = '测试高新区'): Promise<TestZone> {
  const zone = await services.org.zones.create({ code: uniq('T'), name });
  return { id: zone.id, code: zone.code, ctx: systemCtx(zone.id, 'test') };
}

export async function makeUser(services: Services, zone: TestZone, roles: Role[], opts: { enterpriseId?: string; password?: string } = {}) {
  return services.org.users.create(zone.ctx, {
    username: uniq('u').toLowerCase(),
    displayName: `用户${uniq()}`,
    roles,
    enterpriseId: opts.enterpriseId ?? null,
    password: opts.password ?? PASSWORD,
  });
}

export async function makePark(services: Services, zone: TestZone, name = `园区${uniq()}`) {
  return services.org.parks.create(zone.ctx, { name, address: '测试路 1 号', areaSqm: 10000, managerName: '张三', managerPhone: '13800138000' });
}

const TIER_OUTPUT: Record<ScaleTier, number> = {
  ten_billion: TIER_MIN_FEN.ten_billion + 1,
  billion: TIER_MIN_FEN.billion,
  hundred_million: TIER_MIN_FEN.hundred_million + 5_000_000,
  other: 3_000_000_00,
};

export async function makeEnterprise(services: Services, zone: TestZone, opts: Partial<EnterpriseInput> & { tier?: ScaleTier } = {}) {
  const { tier, ...rest } = opts;
  return services.enterprises.create(zone.ctx, {
    creditCode: validCreditCode(),
    name: `企业${uniq()}`,
    aboveScale: false,
    cityMonitored: false,
    outputLastYearFen: TIER_OUTPUT[tier ?? 'other'],
    ...rest,
  });
}

/** Signs in through the API and returns an inject helper that carries the session cookie. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD) {
  // A fresh address per sign-in: the per-address login throttle is for attackers, not test files.
  const remoteAddress = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]! % 250 + 1}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
  const cookieHeader = `ss_session=${cookie.value}`;
  const call = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...opts, headers: { cookie: cookieHeader, ...(opts.headers ?? {}) } });
  return { call, cookie: cookieHeader };
}

export type Caller = Awaited<ReturnType<typeof signIn>>;

/** A zone with an admin signed in: the usual start of an API test. */
export async function adminOf(app: FastifyInstance, services: Services) {
  const zone = await makeZone(services);
  const admin = await makeUser(services, zone, ['zone_admin']);
  const caller = await signIn(app, admin.username);
  return { zone, admin, ...caller };
}

// ---- more of the organisation, and looks at the raw tables

export async function makeBuilding(services: Services, zone: TestZone, parkId: string, name = `楼宇${uniq()}`) {
  return services.org.buildings.create(zone.ctx, { parkId, name, floors: 12, areaSqm: 8000 });
}

/** The zone-level grid unit every zone is created with. */
export async function rootGridUnit(services: Services, zone: TestZone) {
  const { items } = await services.org.grid.list(zone.ctx, { level: 'zone', page: 1, pageSize: 20 });
  if (items.length !== 1) throw new Error(`expected one root grid unit, found ${items.length}`);
  return items[0]!;
}

/** A grid unit under `parentId` (one level deeper), with a unique code. */
export async function makeGridUnit(services: Services, zone: TestZone, parentId: string, name = `网格${uniq()}`) {
  return services.org.grid.create(zone.ctx, { parentId, code: uniq('G'), name });
}

export async function makeTeam(services: Services, zone: TestZone, opts: Partial<Parameters<Services['org']['teams']['create']>[1]> = {}) {
  return services.org.teams.create(zone.ctx, { kind: 'working_group', name: `队伍${uniq()}`, memberIds: [], ...opts });
}

export type ZoneTable = Exclude<keyof DB, 'zones'>;

/** Rows of a table in one zone, straight from the database. */
export async function countRows(database: Database, table: ZoneTable, zoneId: string): Promise<number> {
  const r = await database.db
    .selectFrom(table as 'parks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('zone_id', '=', zoneId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Row counts of every zone-owned table, to show that a refused request wrote nothing. */
export async function zoneSnapshot(database: Database, zoneId: string): Promise<Record<ZoneTable, number>> {
  const tables: ZoneTable[] = ['parks', 'buildings', 'grid_units', 'enterprises', 'users', 'user_roles', 'teams', 'team_members', 'assignments', 'audit_log', 'service_items', 'calendar_days', 'files', 'appointment_slots', 'appointments', 'consultations', 'agency_cases', 'agency_stages', 'employment_registrations'];
  const out = {} as Record<ZoneTable, number>;
  for (const table of tables) out[table] = await countRows(database, table, zoneId);
  return out;
}

// ---- the service catalogue and the file store

/** A valid catalogue item (schema defaults filled in), with a unique code unless told. */
export function serviceItemInput(overrides: Partial<z.input<typeof ServiceItemInput>> = {}): ServiceItemInput {
  return ServiceItemInput.parse({
    code: uniq('SI-'),
    name: `事项${uniq()}`,
    department: '市场监督管理局',
    category: 'change_registration',
    applicantTypes: ['enterprise'],
    legalDays: 15,
    promisedDays: 3,
    materials: [{ key: 'm1', name: '申请书', required: true, fileTypes: ['pdf'] }],
    ...overrides,
  });
}

export async function makeServiceItem(services: Services, zone: TestZone, overrides: Partial<z.input<typeof ServiceItemInput>> = {}) {
  return services.catalogue.create(zone.ctx, serviceItemInput(overrides));
}

/** A catalogue template stored in the zone's file store. */
export async function makeTemplateFile(services: Services, zone: TestZone, bytes: Buffer, name: string) {
  return services.files.upload(zone.ctx, 'service_template', bytes, name);
}

let clientSeq = 0;
/** A client address of its own per sign-in, so the per-IP login limit (20 a minute) never trips in a busy file. */
function nextClientAddress(): string {
  clientSeq++;
  return `10.${(clientSeq >> 16) & 255}.${(clientSeq >> 8) & 255}.${clientSeq & 255}`;
}

/** Like signIn, from an address of its own. */
export async function signInAs(app: FastifyInstance, username: string, password = PASSWORD): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: nextClientAddress() });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
  const cookieHeader = `ss_session=${cookie.value}`;
  const call = (opts: InjectOptions): Promise<LightMyRequestResponse> => app.inject({ ...opts, headers: { cookie: cookieHeader, ...(opts.headers ?? {}) } });
  return { call, cookie: cookieHeader };
}

/** Like adminOf, signed in with signInAs. */
export async function newAdmin(app: FastifyInstance, services: Services) {
  const zone = await makeZone(services);
  const admin = await makeUser(services, zone, ['zone_admin']);
  const caller = await signInAs(app, admin.username);
  return { zone, admin, ...caller };
}

/** A user of the zone with these roles, signed in. */
export async function signedInUser(app: FastifyInstance, services: Services, zone: TestZone, roles: Role[], opts: { enterpriseId?: string } = {}) {
  const user = await makeUser(services, zone, roles, opts);
  return { user, ...(await signInAs(app, user.username)) };
}

// ---- appointments, consultations, agency cases (services extras)

/** An open appointment slot of an item (made for it when not given). */
export async function makeSlot(
  services: Services,
  zone: TestZone,
  opts: { itemId?: string; window?: string; date?: string; halfDay?: 'am' | 'pm'; capacity?: number } = {},
) {
  const itemId = opts.itemId ?? (await makeServiceItem(services, zone)).id;
  return services.servicesExtras.appointments.createSlot(zone.ctx, { itemId, window: opts.window ?? '3号窗口', date: opts.date ?? '2020-02-25', halfDay: opts.halfDay ?? 'am', capacity: opts.capacity ?? 5 });
}

/** An agency case for a new enterprise, with a new approval officer as its agent. */
export async function makeAgencyCase(services: Services, zone: TestZone, opts: { projectName?: string; enterpriseId?: string; agentId?: string; parkId?: string | null; investmentFen?: number } = {}) {
  const enterpriseId = opts.enterpriseId ?? (await makeEnterprise(services, zone)).id;
  const agentId = opts.agentId ?? (await makeUser(services, zone, ['approval_officer'])).id;
  return services.servicesExtras.agency.create(zone.ctx, {
    projectName: opts.projectName ?? `重点项目${uniq()}`,
    enterpriseId,
    agentId,
    parkId: opts.parkId ?? null,
    investmentFen: opts.investmentFen ?? 120_000_000_00,
  });
}

/** A valid GB 11643 resident ID number (Zigong area code, born 1990), different for each n. */
export function validResidentId(n = Math.floor(Math.random() * 1000)): string {
  const first17 = `51030219900101${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** Returning workers of an enterprise registered through the import (staff name it by credit code). */
export async function makeEmploymentRegistrations(services: Services, zone: TestZone, creditCode: string, people: { name: string; idNumber: string; phone: string; returnedOn: string }[]) {
  const { xlsxOf } = await import('./xlsx.js');
  const file = await xlsxOf(['姓名', '居民身份证号', '联系电话', '返岗日期', '企业统一社会信用代码'], people.map((p) => [p.name, p.idNumber, p.phone, p.returnedOn, creditCode]));
  const result = await services.servicesExtras.employmentImport(zone.ctx, file, { dryRun: false });
  if (result.errors.length) throw new Error(`registration import failed: ${JSON.stringify(result.errors)}`);
  return services.servicesExtras.employment.list(zone.ctx, { page: 1, pageSize: 200 });
}

// ---- applications (办件)

/** An item taking online applications: a required PDF form, an optional photo, a required text field. */
export async function makeApplicationItem(services: Services, zone: TestZone, overrides: Partial<z.input<typeof ServiceItemInput>> = {}) {
  return makeServiceItem(services, zone, {
    promisedDays: 3,
    materials: [
      { key: 'form', name: '申请表', required: true, fileTypes: ['pdf'] },
      { key: 'photo', name: '现场照片', required: false, fileTypes: ['jpeg', 'png'] },
    ],
    fields: [{ key: 'purpose', label: '申请事由', type: 'text', required: true }],
    ...overrides,
  });
}

/** An enterprise with one of its users signed in: an online applicant. */
export async function makeApplicant(app: FastifyInstance, services: Services, zone: TestZone) {
  const enterprise = await makeEnterprise(services, zone);
  return { enterprise, ...(await signedInUser(app, services, zone, ['enterprise_user'], { enterpriseId: enterprise.id })) };
}

/** Uploads one material of an application through the API (multipart field "file"). */
export async function uploadMaterial(call: Caller['call'], applicationId: string, key: string, bytes?: Buffer, filename = 'material.pdf') {
  const { pdfBytes } = await import('./files.js');
  const { multipart } = await import('./xlsx.js');
  const body = multipart(bytes ?? pdfBytes(`material ${key}`), { filename, contentType: 'application/octet-stream' });
  return call({ method: 'POST', url: `/api/applications/${applicationId}/materials/${key}`, payload: body.payload, headers: body.headers });
}

/** A state change through the API. */
export async function applicationAction(call: Caller['call'], applicationId: string, action: string, body: Record<string, unknown> = {}) {
  return call({ method: 'POST', url: `/api/applications/${applicationId}/actions/${action}`, payload: body });
}

/**
 * An online application of the item made through the API with the form and every required material
 * of makeApplicationItem's shape; submitted unless `submit: false`. Answers the application.
 */
export async function makeApplication(
  call: Caller['call'],
  itemId: string,
  opts: { phone?: string; name?: string; submit?: boolean; eSign?: boolean; form?: Record<string, unknown>; materials?: string[]; delivery?: 'electronic' | 'mail' | 'pickup' } = {},
) {
  const created = await call({
    method: 'POST',
    url: '/api/applications',
    payload: {
      itemId,
      applicant: { name: opts.name ?? '王经办', phone: opts.phone ?? '13812345678' },
      form: opts.form ?? { purpose: '复工复产' },
      ...(opts.delivery ? { delivery: opts.delivery, ...(opts.delivery === 'mail' ? { mailAddress: '高新区科创路 1 号' } : {}) } : {}),
    },
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  for (const key of opts.materials ?? ['form']) {
    const up = await uploadMaterial(call, id, key);
    if (up.statusCode !== 201) throw new Error(`upload ${key} failed: ${up.statusCode} ${up.body}`);
  }
  if (opts.submit === false) return (await call({ method: 'GET', url: `/api/applications/${id}` })).json();
  const submitted = await applicationAction(call, id, 'submit', opts.eSign ? { eSign: true } : {});
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json();
}

// ---- the service counter's desks and sheet uploads (services extras)

/** A new zone with its admin, a signed-in approval officer and an enterprise: where the counter's tests start. */
export async function makeServiceDesk(app: FastifyInstance, services: Services, opts: { enterpriseName?: string } = {}) {
  const admin = await newAdmin(app, services);
  const { zone } = admin;
  const officer = await signedInUser(app, services, zone, ['approval_officer']);
  const enterprise = await makeEnterprise(services, zone, opts.enterpriseName ? { name: opts.enterpriseName } : {});
  return { admin, zone, officer, enterprise };
}

/** A workbook uploaded to an import endpoint (`<base>/import?dryRun=`), as the console's import wizard sends it. */
export async function importSheet(call: Caller['call'], base: string, file: Buffer, dryRun: boolean, headers: Record<string, string> = {}) {
  const { multipart } = await import('./xlsx.js');
  const body = multipart(file);
  return call({ method: 'POST', url: `${base}/import?dryRun=${dryRun}`, payload: body.payload, headers: { ...body.headers, ...headers } });
}
