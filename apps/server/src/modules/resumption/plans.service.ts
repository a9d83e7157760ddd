// PLACEHOLDER (H1): replaced by the real service.
import type { ResumptionParts, Scope } from './context.js';
import type { ResumptionModule } from './resumption.services.js';

export function makePlansService(_parts: ResumptionParts, _scope: Scope, _mod: ResumptionModule) {
  return {};
}
