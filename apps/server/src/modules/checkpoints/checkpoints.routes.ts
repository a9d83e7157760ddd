// Every route of the checkpoints module: /api/checkpoints/… (staff) and /api/public/… (the QR pages).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { checkpointRoutes } from './checkpoint.routes.js';
import { riskRoutes } from './risk.routes.js';
import { passesRoutes } from './passes.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { intakeRoutes } from './intake.routes.js';
import { registrationsRoutes } from './registrations.routes.js';
import { casesRoutes } from './cases.routes.js';
import { traceRoutes } from './trace.routes.js';
import { retentionRoutes } from './retention.routes.js';
import { statsRoutes } from './stats.routes.js';

export async function checkpointsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await checkpointRoutes(app, opts);
  await riskRoutes(app, opts);
  await passesRoutes(app, opts);
  await settingsRoutes(app, opts);
  await intakeRoutes(app, opts);
  await registrationsRoutes(app, opts);
  await casesRoutes(app, opts);
  await traceRoutes(app, opts);
  await retentionRoutes(app, opts);
  await statsRoutes(app, opts);
}
