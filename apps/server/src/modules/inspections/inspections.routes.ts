// Every route of the inspections module, under /api/inspections.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { templatesRoutes } from './templates.routes.js';
import { parksRoutes } from './parks.routes.js';
import { roundsRoutes } from './rounds.routes.js';
import { tasksRoutes } from './tasks.routes.js';
import { findingsRoutes } from './findings.routes.js';
import { followUpsRoutes } from './followups.routes.js';
import { censusRoutes } from './census.routes.js';
import { statsRoutes } from './stats.routes.js';

export async function inspectionsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await templatesRoutes(app, opts);
  await parksRoutes(app, opts);
  await roundsRoutes(app, opts);
  await tasksRoutes(app, opts);
  await findingsRoutes(app, opts);
  await followUpsRoutes(app, opts);
  await censusRoutes(app, opts);
  await statsRoutes(app, opts);
}
