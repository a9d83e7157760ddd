// The inspections module (巡查指导) assembled: each part gets the shared parts, the scope and the
// module itself, so parts call each other (`mod.findings.…`) without an order of construction
// (decision 22). Parts annotate what they return from other parts to keep the types acyclic.
import type { InspectionParts } from './context.js';
import { makeScope } from './context.js';
import { makeTemplatesService } from './templates.service.js';
import { makeParksService } from './parks.service.js';
import { makeRoundsService } from './rounds.service.js';
import { makeTasksService } from './tasks.service.js';
import { makeFindingsService } from './findings.service.js';
import { makeFollowUpsService } from './followups.service.js';
import { makeCensusService } from './census.service.js';
import { makeStatsService } from './stats.service.js';

export type InspectionsModule = {
  templates: ReturnType<typeof makeTemplatesService>;
  parks: ReturnType<typeof makeParksService>;
  rounds: ReturnType<typeof makeRoundsService>;
  tasks: ReturnType<typeof makeTasksService>;
  findings: ReturnType<typeof makeFindingsService>;
  followups: ReturnType<typeof makeFollowUpsService>;
  census: ReturnType<typeof makeCensusService>;
  stats: ReturnType<typeof makeStatsService>;
};

export function makeInspectionsServices(parts: InspectionParts) {
  const scope = makeScope(parts);
  const mod = {} as InspectionsModule;
  mod.templates = makeTemplatesService(parts, scope, mod);
  mod.parks = makeParksService(parts, scope, mod);
  mod.rounds = makeRoundsService(parts, scope, mod);
  mod.tasks = makeTasksService(parts, scope, mod);
  mod.findings = makeFindingsService(parts, scope, mod);
  mod.followups = makeFollowUpsService(parts, scope, mod);
  mod.census = makeCensusService(parts, scope, mod);
  mod.stats = makeStatsService(parts, scope, mod);
  return { ...mod, scope };
}
export type InspectionsServices = ReturnType<typeof makeInspectionsServices>;
