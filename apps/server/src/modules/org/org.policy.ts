// Pure rules of the organisation: no I/O, table-tested in org.policy.test.ts.
import { GRID_LEVELS, type AssignmentKind, type GridLevel, type Role } from '@shuangsheng/contracts';

/** The level a child of `parent` has; null when the parent is already a group (the fourth level). */
export function childGridLevel(parent: GridLevel | null): GridLevel | null {
  if (parent === null) return 'zone';
  const i = GRID_LEVELS.indexOf(parent);
  return GRID_LEVELS[i + 1] ?? null;
}

/** Who may hold a responsibility: staff of the zone, with a role that fits the kind. */
export function mayHoldAssignment(kind: AssignmentKind, roles: readonly Role[], status: string): boolean {
  if (status !== 'active') return false;
  const fits: Record<AssignmentKind, Role[]> = {
    enterprise_commissioner: ['commissioner', 'zone_admin', 'approval_officer', 'policy_officer', 'labour_officer', 'investment_officer'],
    park_inspector: ['inspector', 'zone_admin', 'commissioner'],
    grid_official: ['commissioner', 'inspector', 'checkpoint_staff', 'zone_admin'],
  };
  return roles.some((r) => fits[kind].includes(r));
}

/** True when making `parentId` the parent of `teamId` would close a loop. */
export function wouldCycle(teamId: string, parentId: string | null, parentOf: (id: string) => string | null): boolean {
  let cur = parentId;
  const seen = new Set<string>();
  while (cur) {
    if (cur === teamId || seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf(cur);
  }
  return false;
}

/** A zone must keep at least one active administrator. */
export function leavesNoAdmin(activeAdminIds: readonly string[], userId: string, after: { roles: readonly Role[]; status: string }): boolean {
  const stillAdmin = after.status === 'active' && after.roles.includes('zone_admin');
  return !stillAdmin && activeAdminIds.length === 1 && activeAdminIds[0] === userId;
}
