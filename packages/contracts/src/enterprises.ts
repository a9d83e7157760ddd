import { z } from 'zod';
import { Fen, Id, Instant, Name, OptionalText, PageQuery, QueryBool, sortParam } from './common.js';
import { Phone } from './org.js';
import { isValidCreditCode } from './validators.js';
import { INDUSTRY_CODES, SCALE_TIERS } from './domain.js';

export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: 'v.credit_code' });

export const EnterpriseInput = z.strictObject({
  creditCode: CreditCode,
  name: Name,
  parkId: Id.nullable().optional(),
  buildingId: Id.nullable().optional(),
  gridUnitId: Id.nullable().optional(),
  industry: z.enum(INDUSTRY_CODES).nullable().optional(),
  outputLastYearFen: Fen.nullable().optional(),
  taxLastYearFen: Fen.nullable().optional(),
  aboveScale: z.boolean().default(false),
  cityMonitored: z.boolean().default(false),
  leadingEnterpriseId: Id.nullable().optional(),
  employees: z.number().int().min(0).max(1_000_000).nullable().optional(),
  legalRepresentative: OptionalText(50),
  contactName: OptionalText(50),
  contactPhone: Phone.nullable().optional(),
  address: OptionalText(200),
});
export type EnterpriseInput = z.infer<typeof EnterpriseInput>;
/** Only the fields sent change: the flags' create-time defaults must not reach a patch. */
export const EnterprisePatch = EnterpriseInput.extend({ aboveScale: z.boolean().optional(), cityMonitored: z.boolean().optional() }).partial();
export type EnterprisePatch = z.infer<typeof EnterprisePatch>;

export const Enterprise = z.object({
  id: Id,
  creditCode: z.string(),
  name: z.string(),
  parkId: Id.nullable(),
  parkName: z.string().nullable(),
  buildingId: Id.nullable(),
  buildingName: z.string().nullable(),
  gridUnitId: Id.nullable(),
  gridUnitName: z.string().nullable(),
  gridUnitCode: z.string().nullable(),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  outputLastYearFen: z.number().nullable(),
  taxLastYearFen: z.number().nullable(),
  tier: z.enum(SCALE_TIERS).describe('derived from outputLastYearFen, never stored'),
  aboveScale: z.boolean(),
  cityMonitored: z.boolean(),
  leadingEnterpriseId: Id.nullable(),
  leadingEnterpriseName: z.string().nullable(),
  leadingEnterpriseCreditCode: z.string().nullable(),
  supplierCount: z.number().int().describe('enterprises whose leading enterprise this is (its supply chain)'),
  employees: z.number().nullable(),
  legalRepresentative: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Enterprise = z.infer<typeof Enterprise>;

export const ENTERPRISE_SORT = ['name', 'creditCode', 'outputLastYearFen', 'taxLastYearFen', 'employees', 'createdAt', 'updatedAt'] as const;
export const EnterpriseFilters = {
  q: PageQuery.q,
  parkId: Id.optional(),
  buildingId: Id.optional(),
  gridUnitId: Id.optional(),
  tier: z.enum(SCALE_TIERS).optional(),
  industry: z.enum(INDUSTRY_CODES).optional(),
  aboveScale: QueryBool,
  cityMonitored: QueryBool,
  leadingEnterpriseId: Id.optional(),
  sort: sortParam(ENTERPRISE_SORT),
};
export const EnterpriseListQuery = z.strictObject({ ...PageQuery, ...EnterpriseFilters });
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;
export const EnterpriseExportQuery = z.strictObject({ ...EnterpriseFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

export const RevealedPhone = z.object({ phone: z.string().nullable() });
