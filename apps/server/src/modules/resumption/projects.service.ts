// PLACEHOLDER (H2): replaced by the real service.
import type { ResumptionParts, Scope } from './context.js';
import type { ResumptionModule } from './resumption.services.js';

export function makeProjectsService(_parts: ResumptionParts, _scope: Scope, _mod: ResumptionModule) {
  return {};
}
