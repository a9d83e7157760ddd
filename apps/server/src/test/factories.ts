// Factories that build data through the services (never raw SQL), so every rule and audit holds.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { creditCodeCheckChar, orgCodeCheckChar, TIER_MIN_FEN, type EnterpriseInput, type Role, type ScaleTier } from '@shuangsheng/contracts';
import { systemCtx, type Ctx } from '../platform/context.js';
import type { Services } from '../services.js';

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
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
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
