// PLACEHOLDER (I1): replaced by the real routes.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function tasksRoutes(_app: FastifyInstance, _opts: { services: Services }) {}
