// PLACEHOLDER: being written (issue 6).
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';

export function makeRegistrationsService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  void parts;
  void scope;
  void mod;
  return {};
}
