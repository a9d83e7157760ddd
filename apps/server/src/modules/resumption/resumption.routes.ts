// Every route of the resumption module, under /api/resumption.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { settingsRoutes } from './settings.routes.js';
import { plansRoutes } from './plans.routes.js';
import { statusRoutes } from './status.routes.js';
import { reportsRoutes } from './reports.routes.js';
import { visitsRoutes } from './visits.routes.js';
import { demandsRoutes } from './demands.routes.js';
import { suppliesRoutes } from './supplies.routes.js';
import { projectsRoutes } from './projects.routes.js';
import { statsRoutes } from './stats.routes.js';
import { workbenchRoutes } from './workbench.routes.js';

export async function resumptionRoutes(app: FastifyInstance, opts: { services: Services }) {
  await settingsRoutes(app, opts);
  await plansRoutes(app, opts);
  await statusRoutes(app, opts);
  await reportsRoutes(app, opts);
  await visitsRoutes(app, opts);
  await demandsRoutes(app, opts);
  await suppliesRoutes(app, opts);
  await projectsRoutes(app, opts);
  await statsRoutes(app, opts);
  await workbenchRoutes(app, opts);
}
