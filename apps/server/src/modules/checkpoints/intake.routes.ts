// Intake routes: the public page behind a checkpoint's QR code (no login) and staff entry at a
// checkpoint (on behalf, repeat of a vehicle, pass scan).
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { IdParams, parseCanonicalRegistration, QR_TOKEN_RE, Plate, PublicCheckpoint, PublicRegistrationInput, Registration, RegistrationReceipt, ScanInput, StaffRegistrationInput, TokenParams } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { errors, typed } from '../../platform/routes.js';
import { validatorCompiler } from '../../platform/validation.js';
import type { Services } from '../../services.js';
import { idempotencyKeyOf } from './intake.service.js';

const KEY_NOTE = 'Send an Idempotency-Key header (8–100 of A–Z a–z 0–9 _ -) and repeat it on a retry: a key already used at this checkpoint answers 200 with the first receipt (replayed: true).';
const RecentQuery = z.strictObject({ plate: Plate.optional() });

/**
 * The staff body is one of two forms; a union names no field when both fail (a missing name, say).
 * The form is chosen by `repeatOf`, and only its issues are reported, each naming its field.
 */
const [FullForm, RepeatForm] = StaffRegistrationInput.options;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the route's own schema type is whatever it declares
const staffBodyValidator: FastifySchemaCompiler<any> = (route) => {
  if (route.httpPart !== 'body') return validatorCompiler(route);
  const full = validatorCompiler({ ...route, schema: FullForm! });
  const repeat = validatorCompiler({ ...route, schema: RepeatForm! });
  return (data) => (data !== null && typeof data === 'object' && 'repeatOf' in data ? repeat(data) : full(data));
};

/**
 * The public POST's checks: the page's canonical bodies (and any well-formed token) take the fast
 * path, which gives what the schemas give (checkpoints-fast.test.ts); the rest go to the schemas,
 * which also word the errors.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the route's own schema type is whatever it declares
const publicIntakeValidator: FastifySchemaCompiler<any> = (route) => {
  const bySchema = validatorCompiler(route);
  if (route.httpPart === 'params') {
    return (data) => {
      const token = (data as { token?: unknown } | null)?.token;
      return typeof token === 'string' && QR_TOKEN_RE.test(token) && Object.keys(data as object).length === 1 ? { value: data } : bySchema(data);
    };
  }
  if (route.httpPart !== 'body') return bySchema;
  return (data) => {
    const value = parseCanonicalRegistration(data);
    return value ? { value } : bySchema(data);
  };
};

/**
 * The public registration POST, registered by app.ts in a context of its own (none of the console's
 * hooks: no cookies, no session, no page headers).
 */
export async function publicRegistrationRoute(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  api.post('/api/public/checkpoints/:token/registrations', {
    config: { public: true },
    // The hot path. Its answer is built to the contract already, so it is sent without a second check.
    serializerCompiler: () => (data) => JSON.stringify(data),
    validatorCompiler: publicIntakeValidator,
    schema: {
      tags: ['checkpoints'],
      summary: 'Register at a checkpoint from its QR code (no login): the person, a vehicle with passengers, origin, destination, health declaration',
      description: `${KEY_NOTE} Limits per client address and per checkpoint per minute (the zone's settings) answer 429 with Retry-After. A closed checkpoint answers 409.`,
      params: TokenParams,
      body: PublicRegistrationInput,
      response: { 201: RegistrationReceipt, 200: RegistrationReceipt, 410: errors[404], 429: errors[404], ...errors },
    },
    handler: async (req, reply) => {
      const key = idempotencyKeyOf(req.headers['idempotency-key']);
      const { receipt, created } = await services.checkpoints.intake.registerPublic(req.params.token, req.body, { key, ip: req.ip });
      return reply.status(created ? 201 : 200).send(receipt);
    },
  });
}

export async function intakeRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.intake;

  api.get('/api/public/checkpoints/:token', {
    config: { public: true },
    schema: { tags: ['checkpoints'], summary: 'What the QR page shows before the form: the checkpoint, its zone and risk level; open=false when closed (unknown 404, retired QR 410)', params: TokenParams, response: { 200: PublicCheckpoint, 410: errors[404], ...errors } },
    handler: (req) => svc.publicCheckpoint(req.params.token),
  });

  api.post('/api/checkpoints/:id/registrations', {
    config: { permission: 'checkpoints.register' },
    validatorCompiler: staffBodyValidator,
    schema: {
      tags: ['checkpoints'],
      summary: 'Staff entry on behalf (with measured temperatures), or a repeat of a vehicle registered here (repeatOf) with new passengers',
      description: KEY_NOTE,
      params: IdParams,
      body: StaffRegistrationInput,
      response: { 201: RegistrationReceipt, 200: RegistrationReceipt, ...errors },
    },
    handler: async (req, reply) => {
      const key = idempotencyKeyOf(req.headers['idempotency-key']);
      const { receipt, created } = await svc.registerStaff(requireCtx(req), req.params.id, req.body, key);
      return reply.status(created ? 201 : 200).send(receipt);
    },
  });

  api.get('/api/checkpoints/:id/vehicles/recent', {
    config: { permission: 'checkpoints.register' },
    schema: { tags: ['checkpoints'], summary: 'The latest vehicles registered at this checkpoint (of one plate if given), to repeat one', params: IdParams, querystring: RecentQuery, response: { 200: z.object({ items: z.array(Registration) }), ...errors } },
    handler: (req) => svc.recentVehicles(requireCtx(req), req.params.id, req.query.plate),
  });

  api.post('/api/checkpoints/:id/actions/scan', {
    config: { permission: 'checkpoints.register' },
    schema: {
      tags: ['checkpoints'],
      summary: 'Scan a pass (出入证) at a building gate: the holder is registered from the pass (422 at another building or kind of checkpoint, revoked or expired)',
      params: IdParams,
      body: ScanInput,
      response: { 201: RegistrationReceipt, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.scan(requireCtx(req), req.params.id, req.body)),
  });
}
