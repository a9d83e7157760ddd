import { z } from 'zod';
import { Id, Instant, PageQuery, sortParam } from './common.js';

export const AuditEntry = z.object({
  id: Id,
  at: Instant,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilters = {
  q: PageQuery.q,
  actorId: Id.optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.coerce.number().int().min(0).optional().describe('epoch ms, inclusive'),
  to: z.coerce.number().int().min(0).optional().describe('epoch ms, exclusive'),
};
export const AuditListQuery = z.strictObject({ ...PageQuery, ...AuditFilters, sort: sortParam(['at']) });
export const AuditExportQuery = z.strictObject({ ...AuditFilters });
