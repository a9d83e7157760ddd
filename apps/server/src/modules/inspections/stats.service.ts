// PLACEHOLDER (I2): replaced by the real service.
import type { InspectionParts, Scope } from './context.js';
import type { InspectionsModule } from './inspections.services.js';

export function makeStatsService(_parts: InspectionParts, _scope: Scope, _mod: InspectionsModule) {
  return {};
}
