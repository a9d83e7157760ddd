import type { FastifyInstance } from 'fastify';
import { ChangePasswordBody, LoginBody, Me, Ok } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { errors, typed } from '../../platform/routes.js';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, type AuthService } from './auth.service.js';

/** Sign-in attempts per IP and minute, before the per-account lockout applies. */
export const LOGIN_RATE = { max: 20, timeWindow: 60_000 };

export async function authRoutes(app: FastifyInstance, { auth, secureCookies }: { auth: AuthService; secureCookies: boolean }) {
  const api = typed(app);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };

  api.post('/api/auth/login', {
    config: {
      public: true,
      rateLimit: {
        ...LOGIN_RATE,
        errorResponseBuilder: (_req: unknown, ctx: { ttl: number }) =>
          new AppError(429, 'too_many_requests', { seconds: Math.ceil(ctx.ttl / 1000) }),
      },
    },
    schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: Ok, ...errors, 429: errors[400] } },
    handler: async (request, reply) => {
      const { token } = await auth.login({
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      void reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS / 1000 });
      return { ok: true as const };
    },
  });

  api.post('/api/auth/logout', {
    config: { permission: 'auth.self' },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok, ...errors } },
    handler: async (request, reply) => {
      await auth.logout(requireCtx(request), request.sessionId!);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  });

  api.get('/api/auth/me', {
    config: { permission: 'auth.self' },
    schema: { tags: ['auth'], summary: 'The signed-in user, zone and roles', response: { 200: Me, ...errors } },
    handler: async (request) => auth.me(requireCtx(request)),
  });

  api.post('/api/auth/change-password', {
    config: { permission: 'auth.self' },
    schema: { tags: ['auth'], summary: 'Change own password; signs out other sessions', body: ChangePasswordBody, response: { 200: Ok, ...errors } },
    handler: async (request) => {
      await auth.changePassword(requireCtx(request), request.sessionId!, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  });
}
