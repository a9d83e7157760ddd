// The checkpoints module (卡口登记) assembled: each part gets the shared parts, the scope and the
// module itself, so parts call each other (`mod.cases.…`) without an order of construction
// (decision 22). Parts annotate what they return from other parts to keep the types acyclic.
import type { CheckpointParts } from './context.js';
import { makeScope } from './context.js';
import { makeCheckpointsService } from './checkpoints.service.js';
import { makeRiskService } from './risk.service.js';
import { makePassesService } from './passes.service.js';
import { makeSettingsService } from './settings.service.js';
import { makeIntakeService } from './intake.service.js';
import { makeRegistrationsService } from './registrations.service.js';
import { makeCasesService } from './cases.service.js';
import { makeTraceService } from './trace.service.js';
import { makeRetentionService } from './retention.service.js';
import { makeStatsService } from './stats.service.js';

export type CheckpointsModule = {
  checkpoints: ReturnType<typeof makeCheckpointsService>;
  risk: ReturnType<typeof makeRiskService>;
  passes: ReturnType<typeof makePassesService>;
  settings: ReturnType<typeof makeSettingsService>;
  intake: ReturnType<typeof makeIntakeService>;
  registrations: ReturnType<typeof makeRegistrationsService>;
  cases: ReturnType<typeof makeCasesService>;
  trace: ReturnType<typeof makeTraceService>;
  retention: ReturnType<typeof makeRetentionService>;
  stats: ReturnType<typeof makeStatsService>;
};

export function makeCheckpointsServices(parts: CheckpointParts) {
  const scope = makeScope(parts);
  const mod = {} as CheckpointsModule;
  mod.checkpoints = makeCheckpointsService(parts, scope, mod);
  mod.risk = makeRiskService(parts, scope, mod);
  mod.passes = makePassesService(parts, scope, mod);
  mod.settings = makeSettingsService(parts, scope, mod);
  mod.intake = makeIntakeService(parts, scope, mod);
  mod.registrations = makeRegistrationsService(parts, scope, mod);
  mod.cases = makeCasesService(parts, scope, mod);
  mod.trace = makeTraceService(parts, scope, mod);
  mod.retention = makeRetentionService(parts, scope, mod);
  mod.stats = makeStatsService(parts, scope, mod);
  return { ...mod, scope, events: parts.events, writer: parts.writer };
}
export type CheckpointsServices = ReturnType<typeof makeCheckpointsServices>;
