// buildApp(deps): plugins, then every module's routes. No listening, no process concerns: tests
// drive the result through app.inject, main.ts puts it on a port.
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Deps } from './platform/context.js';
import { checkRequests, installAccess, publicRequestCheck } from './platform/access.js';
import { installErrorHandler } from './platform/error-handler.js';
import { langOf } from './platform/i18n.js';
import { newRequestId } from './platform/ids.js';
import { typed } from './platform/routes.js';
import { validatorCompiler } from './platform/validation.js';
import { translate } from '@shuangsheng/contracts';
import { makeServices, type Services } from './services.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { catalogueRoutes } from './modules/services/catalogue.routes.js';
import { appointmentRoutes } from './modules/services/appointments.routes.js';
import { consultationRoutes } from './modules/services/consultations.routes.js';
import { agencyRoutes } from './modules/services/agency.routes.js';
import { employmentRoutes } from './modules/services/employment.routes.js';
import { applicationRoutes } from './modules/services/applications.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { resumptionRoutes } from './modules/resumption/resumption.routes.js';
import { inspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { checkpointsRoutes } from './modules/checkpoints/checkpoints.routes.js';
import { publicRegistrationRoute } from './modules/checkpoints/intake.routes.js';
import { serializeRequest } from './platform/log.js';

export type AppOptions = {
  deps: Deps;
  config: Pick<Config, 'version' | 'publicUrl' | 'logLevel' | 'timeZone'>;
  /** Built front ends to serve; missing directories are skipped. */
  staticRoots?: { web?: string; h5?: string };
  logger?: boolean;
  /** Where the log goes (tests read it); standard output by default. */
  logStream?: NodeJS.WritableStream;
};

/** Largest upload accepted anywhere (Excel imports). */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_STATIC_ROOTS = {
  web: path.resolve(here, '../../web/dist'),
  h5: path.resolve(here, '../../h5/dist'),
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance & { services: Services }> {
  const { deps, config } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'], serializers: { req: serializeRequest }, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : newRequestId();
    },
    bodyLimit: 1024 * 1024,
    // nginx on the same host may forward the client's address.
    trustProxy: '127.0.0.1',
    // Fastify's own JSON schema checks are not used: zod does validation.
    ajv: { customOptions: { strict: false } },
    // A URL that cannot even be routed (bad percent-encoding) still gets our error shape.
    frameworkErrors: (err, request, reply: FastifyReply) => {
      const lang = langOf(request as FastifyRequest);
      void reply.status(400).send({ error: { code: 'bad_request', message: translate(lang, 'bad_request', { detail: err.message }) } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = makeServices(deps, config);
  app.decorate('services', services);
  // Registrations still in the writer are committed before the server lets go of the database.
  app.addHook('onClose', async () => {
    await services.checkpoints.writer.close?.();
  });

  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Shuangsheng 双胜 API', version: config.version, description: 'Epidemic prevention and economic recovery for a high-tech zone.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ss_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  installAccess(app);
  installErrorHandler(app);

  // Set when the request arrives, so that every answer carries it (a synchronous hook: this runs on
  // every request, the public registration POST included).
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  // The public registration POST (the QR form; the busiest route) in a context of its own: none of
  // the hooks below (cookies, helmet's page headers, multipart, the session check) run for it. Its
  // answer is JSON for a script: nosniff is set by the route.
  await app.register(async (lean) => {
    publicRequestCheck(lean, { publicUrl: config.publicUrl });
    await publicRegistrationRoute(lean, { services });
  });

  // Everything else: the console's and the phone pages' API, documents, built pages, the 404s.
  await app.register(async (app) => {
    await app.register(cookie);
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          // Ant Design writes its styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'script-src': ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10 }, throwFileSizeLimit: true });
    checkRequests(app, services.auth, { publicUrl: config.publicUrl });

    // Documentation and built pages are public by nature; their plugins' routes say so here.
    await app.register(async (pub) => {
      pub.addHook('onRoute', (route) => {
        route.config = { ...(route.config ?? {}), public: true };
      });
      await pub.register(swaggerUi, { routePrefix: '/api/docs' });
      pub.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      const roots = opts.staticRoots ?? DEFAULT_STATIC_ROOTS;
      if (roots.web && existsSync(path.join(roots.web, 'index.html'))) {
        await pub.register(fastifyStatic, { root: roots.web, prefix: '/', index: 'index.html', wildcard: false, maxAge: 0 });
      }
      if (roots.h5 && existsSync(path.join(roots.h5, 'index.html'))) {
        await pub.register(fastifyStatic, { root: roots.h5, prefix: '/h5/', decorateReply: false, wildcard: false, redirect: true });
      }
    });

    const api = typed(app);
    api.get('/api/health', {
      config: { public: true },
      schema: {
        tags: ['ops'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
          503: z.object({ status: z.literal('unavailable'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
        },
      },
      handler: async (_request, reply) => {
        const db = deps.database.dialect;
        if (await deps.database.ping()) return { status: 'ok' as const, db, version: config.version };
        return reply.status(503).send({ status: 'unavailable' as const, db, version: config.version });
      },
    });

    await app.register(authRoutes, { auth: services.auth, secureCookies: config.publicUrl?.startsWith('https:') ?? false });
    await app.register(orgRoutes, { services });
    await app.register(enterpriseRoutes, { services });
    await app.register(auditRoutes, { services });
    await app.register(filesRoutes, { services });
    await app.register(calendarRoutes, { services });
    await app.register(catalogueRoutes, { services });
    await app.register(appointmentRoutes, { services });
    await app.register(consultationRoutes, { services });
    await app.register(agencyRoutes, { services });
    await app.register(employmentRoutes, { services });
    await app.register(applicationRoutes, { services });
    await app.register(notificationRoutes, { services });
    await app.register(resumptionRoutes, { services });
    await app.register(inspectionsRoutes, { services });
    await app.register(checkpointsRoutes, { services });

    const roots = opts.staticRoots ?? DEFAULT_STATIC_ROOTS;
    app.setNotFoundHandler(async (request, reply) => {
      const url = request.url.split('?')[0]!;
      if (request.method === 'GET' && !url.startsWith('/api/')) {
        // Client-side routes of the console and the h5 pages answer with their index page.
        const root = url.startsWith('/h5/') ? roots.h5 : roots.web;
        const index = root ? path.join(root, 'index.html') : null;
        if (index && existsSync(index)) {
          return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(createReadStream(index));
        }
      }
      return reply.status(404).send({ error: { code: 'route_not_found', message: translate(request.lang, 'route_not_found') } });
    });

  });

  return app as FastifyInstance & { services: Services };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
