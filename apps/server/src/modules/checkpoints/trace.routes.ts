// PLACEHOLDER: being written (issue 6).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function traceRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
