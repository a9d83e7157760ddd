// The access hook (ARCHITECTURE §5): every route declares `config.permission` or
// `config.public`; this resolves the session, refuses what the role may not do, and refuses
// state-changing requests from another origin. Object rules stay in the services' policies.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Lang, Permission } from '@shuangsheng/contracts';
import type { AuthService } from '../modules/auth/auth.service.js';
import { SESSION_COOKIE } from '../modules/auth/auth.service.js';
import type { Ctx } from './context.js';
import { AppError, ForbiddenError, UnauthenticatedError } from './errors.js';
import { langOf } from './i18n.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs; a list means any one of them (the service applies the object rules). */
    permission?: Permission | readonly Permission[];
    public?: boolean;
  }
  interface FastifyRequest {
    lang: Lang;
    /** Set when a valid session came with the request. */
    ctx: Ctx | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** Every route as registered, for the test that checks each declares its access. */
    registeredRoutes: RouteOptions[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Header a platform admin uses to read another zone (its code). */
export const ZONE_HEADER = 'x-zone';

function originAllowed(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return false;
  if (!origin) return true; // not a browser cross-origin request: no cookie can ride along
  if (origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const bare = (h: string | undefined) => (h ?? '').replace(/:(80|443)$/, '').toLowerCase();
  if (bare(host) === bare(request.headers.host)) return true;
  return publicUrl !== undefined && bare(new URL(publicUrl).host) === bare(host);
}

export function requireCtx(request: FastifyRequest): Ctx {
  if (!request.ctx) throw new UnauthenticatedError();
  return request.ctx;
}

/** On the root, where every route is seen: each must say its permission or be public (checked when ready). */
export function installAccess(app: FastifyInstance): void {
  app.decorate('registeredRoutes', [] as RouteOptions[]);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRoute', (route) => {
    app.registeredRoutes.push(route);
  });

  app.addHook('onReady', async () => {
    const bare = app.registeredRoutes.filter((r) => !r.config?.permission && !r.config?.public);
    if (bare.length > 0) {
      throw new Error(`routes without a permission or public: ${bare.map((r) => `${String(r.method)} ${r.url}`).join(', ')}`);
    }
  });

}

/**
 * Whether the session a long-lived answer (a server-sent event stream) was opened with still allows
 * it: the same user, signed in, holding `permission`, and — reading another zone than their own —
 * `zones.read`, as when the request was let in. Asked again before each event.
 */
export async function sessionStillAllows(auth: AuthService, request: FastifyRequest, permission: Permission): Promise<boolean> {
  const token = request.cookies?.[SESSION_COOKIE];
  const ctx = request.ctx;
  if (!token || !ctx) return false;
  const session = await auth.resolveSession(token);
  if (!session || session.actor.userId !== ctx.actor.userId) return false;
  const held = session.actor.permissions;
  return held.has(permission) && (ctx.zoneId === session.actor.homeZoneId || held.has('zones.read'));
}

/**
 * The access check of each request of `scope` (the context of every route but the public
 * registration POST, which has a leaner one: `publicRequestCheck`): language, origin of unsafe
 * methods, the session from its cookie, the route's permission.
 */
export function checkRequests(scope: FastifyInstance, auth: AuthService, opts: { publicUrl: string | undefined }): void {
  /** The session's actor and zone on the request (a cookie was sent). */
  async function attachSession(request: FastifyRequest, token: string): Promise<void> {
    const session = await auth.resolveSession(token);
    if (!session) return;
    let zoneId = session.actor.homeZoneId;
    const wanted = request.headers[ZONE_HEADER];
    if (typeof wanted === 'string' && wanted && session.actor.permissions.has('zones.read')) {
      const zone = await auth.findZoneByCode(wanted);
      if (!zone) throw new AppError(404, 'not_found', { entity: 'zone' });
      zoneId = zone.id;
    }
    request.sessionId = session.sessionId;
    request.ctx = { actor: session.actor, zoneId, requestId: request.id, ip: request.ip, lang: request.lang };
  }

  /** Whether the request may reach its route: the refusal, or undefined. */
  function refusal(request: FastifyRequest): Error | undefined {
    const config = request.routeOptions.config;
    // Unknown paths go to the not-found handler, which serves the console or a JSON 404.
    if (config.public || request.is404) return undefined;
    if (!request.ctx) return new UnauthenticatedError();
    const permission = config.permission;
    const held = request.ctx.actor.permissions;
    const allowed = typeof permission === 'string' ? held.has(permission) : (permission?.some((p) => held.has(p)) ?? false);
    if (!allowed) return new ForbiddenError();
    // Reading another zone never grants writing it.
    if (request.ctx.zoneId !== request.ctx.actor.homeZoneId && UNSAFE.has(request.method)) return new ForbiddenError();
    return undefined;
  }

  // A callback hook, not an async one: without a session cookie (the public pages, the QR
  // registrations) it decides at once, without a promise on every request.
  scope.addHook('onRequest', (request, _reply, done) => {
    request.lang = langOf(request);
    if (UNSAFE.has(request.method) && !originAllowed(request, opts.publicUrl)) {
      done(new AppError(403, 'cross_origin'));
      return;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) {
      done(refusal(request));
      return;
    }
    attachSession(request, token).then(
      () => done(refusal(request)),
      (err: Error) => done(err),
    );
  });
}

/**
 * The check of a public route's request that never carries a session (the QR registration POST):
 * the language, and the origin of an unsafe method. No cookie parsing, no session lookup. Its
 * answers are JSON for a script, not pages: of the browser headers only nosniff applies.
 */
export function publicRequestCheck(scope: FastifyInstance, opts: { publicUrl: string | undefined }): void {
  scope.addHook('onRequest', (request, reply, done) => {
    request.lang = langOf(request);
    void reply.header('x-content-type-options', 'nosniff');
    if (UNSAFE.has(request.method) && !originAllowed(request, opts.publicUrl)) done(new AppError(403, 'cross_origin'));
    // Nothing here checks a session: a route registered here by mistake without `public` is refused.
    else if (!request.routeOptions.config.public && !request.is404) done(new UnauthenticatedError());
    else done();
  });
}
