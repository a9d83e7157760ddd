// PLACEHOLDER (I2): replaced by the real routes.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function statsRoutes(_app: FastifyInstance, _opts: { services: Services }) {}
