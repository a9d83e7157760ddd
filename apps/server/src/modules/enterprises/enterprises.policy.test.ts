// Who sees which enterprise: staff the whole zone, an enterprise user only their own.
import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import { canSeeEnterprise, visibleEnterpriseIds } from './enterprises.policy.js';

const actor = (roles: Role[], enterpriseId: string | null = null): Actor => ({
  userId: 'u1',
  username: 'u1',
  displayName: 'U1',
  homeZoneId: 'z1',
  roles,
  permissions: permissionsOf(roles),
  enterpriseId,
});

describe('visibleEnterpriseIds', () => {
  it.each<[string, Actor, string[] | null]>([
    ['a zone admin sees the zone', actor(['zone_admin']), null],
    ['a leader sees the zone', actor(['leader']), null],
    ['a commissioner sees the zone', actor(['commissioner']), null],
    ['a platform admin sees the zone it reads', actor(['platform_admin']), null],
    ['an enterprise user sees the own enterprise', actor(['enterprise_user'], 'e1'), ['e1']],
    ['an enterprise user without an enterprise sees nothing', actor(['enterprise_user'], null), []],
    ['a staff role beside it widens the view', actor(['enterprise_user', 'leader'], 'e1'), null],
    ['no roles at all is no enterprise user', actor([]), []],
  ])('%s', (_label, who, expected) => {
    expect(visibleEnterpriseIds(who)).toEqual(expected);
  });
});

describe('canSeeEnterprise', () => {
  it.each<[string, Actor, string, boolean]>([
    ['staff, any enterprise', actor(['inspector']), 'e2', true],
    ['enterprise user, own', actor(['enterprise_user'], 'e1'), 'e1', true],
    ['enterprise user, another', actor(['enterprise_user'], 'e1'), 'e2', false],
    ['enterprise user without enterprise', actor(['enterprise_user'], null), 'e1', false],
  ])('%s → %s', (_label, who, id, expected) => {
    expect(canSeeEnterprise(who, id)).toBe(expected);
  });
});
