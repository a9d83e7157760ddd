// The organisation's pure rules, table by table.
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_KINDS, ROLES, type AssignmentKind, type GridLevel, type Role } from '@shuangsheng/contracts';
import { childGridLevel, leavesNoAdmin, mayHoldAssignment, wouldCycle } from './org.policy.js';

describe('childGridLevel: zone > street > community > group', () => {
  it.each<[GridLevel | null, GridLevel | null]>([
    [null, 'zone'],
    ['zone', 'street'],
    ['street', 'community'],
    ['community', 'group'],
    ['group', null],
  ])('a child of %s is %s', (parent, child) => {
    expect(childGridLevel(parent)).toBe(child);
  });
});

describe('mayHoldAssignment', () => {
  const fits: Record<AssignmentKind, Role[]> = {
    enterprise_commissioner: ['commissioner', 'zone_admin', 'approval_officer', 'policy_officer', 'labour_officer', 'investment_officer'],
    park_inspector: ['inspector', 'zone_admin', 'commissioner'],
    grid_official: ['commissioner', 'inspector', 'checkpoint_staff', 'zone_admin'],
  };

  it('every role against every kind, for an active user', () => {
    for (const kind of ASSIGNMENT_KINDS) {
      for (const role of ROLES) {
        expect(mayHoldAssignment(kind, [role], 'active'), `${role} as ${kind}`).toBe(fits[kind].includes(role));
      }
    }
  });

  it('never leaders, enterprise users or platform admins; never a disabled user', () => {
    for (const kind of ASSIGNMENT_KINDS) {
      expect(mayHoldAssignment(kind, ['leader', 'enterprise_user', 'platform_admin'], 'active')).toBe(false);
      expect(mayHoldAssignment(kind, ['zone_admin', 'commissioner', 'inspector'], 'disabled')).toBe(false);
      expect(mayHoldAssignment(kind, [], 'active')).toBe(false);
    }
  });

  it('one fitting role among others is enough', () => {
    expect(mayHoldAssignment('park_inspector', ['leader', 'inspector'], 'active')).toBe(true);
  });
});

describe('wouldCycle', () => {
  // a → b → c (c's parent is b, b's parent is a); d stands alone
  const parents: Record<string, string | null> = { a: null, b: 'a', c: 'b', d: null };
  const parentOf = (id: string) => parents[id] ?? null;

  it.each<[string, string | null, boolean]>([
    ['a', null, false],
    ['a', 'a', true], // itself
    ['a', 'b', true], // its child
    ['a', 'c', true], // its grandchild
    ['c', 'a', false], // an ancestor
    ['d', 'c', false],
    ['b', 'd', false],
    ['new', 'c', false], // a team not yet saved
  ])('making %s a child of %s: %s', (team, parent, expected) => {
    expect(wouldCycle(team, parent, parentOf)).toBe(expected);
  });

  it('stops on a loop already in the data instead of running forever', () => {
    const loop: Record<string, string> = { x: 'y', y: 'x' };
    expect(wouldCycle('z', 'x', (id) => loop[id] ?? null)).toBe(true);
  });
});

describe('leavesNoAdmin', () => {
  const admin = { roles: ['zone_admin'] as Role[], status: 'active' };
  const demoted = { roles: ['leader'] as Role[], status: 'active' };
  const disabled = { roles: ['zone_admin'] as Role[], status: 'disabled' };

  it.each<[string, string[], string, { roles: Role[]; status: string }, boolean]>([
    ['demoting the only admin', ['u1'], 'u1', demoted, true],
    ['disabling the only admin', ['u1'], 'u1', disabled, true],
    ['renaming the only admin', ['u1'], 'u1', admin, false],
    ['demoting one of two admins', ['u1', 'u2'], 'u1', demoted, false],
    ['demoting a user who is not an active admin', ['u1'], 'u9', demoted, false],
    ['a zone without any active admin left alone', [], 'u1', demoted, false],
  ])('%s → %s', (_label, activeAdmins, userId, after, expected) => {
    expect(leavesNoAdmin(activeAdmins, userId, after)).toBe(expected);
  });
});
