// Object rules of agency service (帮办代办), pure: who sees which cases, who writes them, and the
// stage a case is in (the first of the fixed plan not done yet).
import { AGENCY_STAGES, type AgencyStage, type StageStatus } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';

/**
 * The enterprise ids an actor is limited to, or null for the whole zone: staff with
 * services.agency.read see every case, an enterprise user the own enterprise's (read-only).
 */
export function visibleCaseEnterprises(actor: Actor): string[] | null {
  if (actor.userId === null || actor.permissions.has('services.agency.read')) return null;
  return actor.enterpriseId ? [actor.enterpriseId] : [];
}

export function canWriteCases(actor: Actor): boolean {
  return actor.userId === null || actor.permissions.has('services.agency.write');
}

/** The agent must be an active approval officer of the zone. */
export function canBeAgent(user: { status: string; roles: readonly string[] } | undefined): boolean {
  return !!user && user.status === 'active' && user.roles.includes('approval_officer');
}

/** The first stage of the plan that is not done; null once the project is in production. */
export function currentStage(stages: { stage: AgencyStage; status: StageStatus }[]): AgencyStage | null {
  const byStage = new Map(stages.map((s) => [s.stage, s.status]));
  return AGENCY_STAGES.find((s) => byStage.get(s) !== 'done') ?? null;
}
