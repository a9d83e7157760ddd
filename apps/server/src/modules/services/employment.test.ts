// Who sees which registrations (dates in sheets are platform/sheet-import.test.ts's, masking
// platform/pii.test.ts's).
import { expect, it } from 'vitest';
import type { Actor } from '../../platform/context.js';
import { visibleRegistrationEnterprises } from './employment.policy.js';

const actor = (permissions: string[], enterpriseId: string | null = null, userId: string | null = 'u'): Actor =>
  ({ userId, username: 'u', displayName: 'u', homeZoneId: 'z', roles: [], permissions: new Set(permissions), enterpriseId }) as unknown as Actor;

it('officers and the system see the zone, enterprise users their own enterprise, others nothing', () => {
  expect(visibleRegistrationEnterprises(actor(['services.employment.read']))).toBeNull();
  expect(visibleRegistrationEnterprises(actor([], null, null))).toBeNull();
  expect(visibleRegistrationEnterprises(actor(['services.apply'], 'e1'))).toEqual(['e1']);
  expect(visibleRegistrationEnterprises(actor(['services.apply']))).toEqual([]);
});
