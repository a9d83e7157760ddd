// The pure rules of agency cases: the stage a case is in, who may be the agent, who sees what.
import { describe, expect, it } from 'vitest';
import { AGENCY_STAGES, type StageStatus } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import { canBeAgent, currentStage, visibleCaseEnterprises } from './agency.policy.js';

const plan = (...statuses: StageStatus[]) => AGENCY_STAGES.map((stage, i) => ({ stage, status: statuses[i] ?? 'pending' }));

describe('the current stage', () => {
  it('is the first stage not done, whatever comes after', () => {
    expect(currentStage(plan())).toBe('project_approval');
    expect(currentStage(plan('done', 'in_progress'))).toBe('land_planning');
    expect(currentStage(plan('done', 'done', 'pending', 'done'))).toBe('engineering_planning');
    expect(currentStage(plan('done', 'done', 'done', 'done', 'done', 'done'))).toBeNull();
  });
});

describe('who', () => {
  const actor = (permissions: string[], enterpriseId: string | null = null): Actor =>
    ({ userId: 'u', username: 'u', displayName: 'u', homeZoneId: 'z', roles: [], permissions: new Set(permissions), enterpriseId }) as unknown as Actor;
  it('staff with agency read see every case, enterprise users their own, others none', () => {
    expect(visibleCaseEnterprises(actor(['services.agency.read']))).toBeNull();
    expect(visibleCaseEnterprises(actor(['services.apply'], 'e1'))).toEqual(['e1']);
    expect(visibleCaseEnterprises(actor(['services.apply']))).toEqual([]);
  });
  it('the agent is an active approval officer', () => {
    expect(canBeAgent({ status: 'active', roles: ['approval_officer'] })).toBe(true);
    expect(canBeAgent({ status: 'disabled', roles: ['approval_officer'] })).toBe(false);
    expect(canBeAgent({ status: 'active', roles: ['leader'] })).toBe(false);
    expect(canBeAgent(undefined)).toBe(false);
  });
});
