import { z } from 'zod';
import { Fen, Id, Instant, Name, OptionalText, PageQuery, QueryBool, sortParam } from './common.js';
import { Phone } from './org.js';
import { isValidCreditCode } from './validators.js';

/** GB/T 4754-2017 sections (门类), letter → names. */
export const INDUSTRY_SECTIONS = {
  A: ['农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'],
  B: ['采矿业', 'Mining'],
  C: ['制造业', 'Manufacturing'],
  D: ['电力、热力、燃气及水生产和供应业', 'Electricity, heat, gas and water supply'],
  E: ['建筑业', 'Construction'],
  F: ['批发和零售业', 'Wholesale and retail trade'],
  G: ['交通运输、仓储和邮政业', 'Transport, storage and postal services'],
  H: ['住宿和餐饮业', 'Accommodation and catering'],
  I: ['信息传输、软件和信息技术服务业', 'Information transmission, software and IT services'],
  J: ['金融业', 'Finance'],
  K: ['房地产业', 'Real estate'],
  L: ['租赁和商务服务业', 'Leasing and business services'],
  M: ['科学研究和技术服务业', 'Scientific research and technical services'],
  N: ['水利、环境和公共设施管理业', 'Water, environment and public facilities management'],
  O: ['居民服务、修理和其他服务业', 'Resident services, repair and other services'],
  P: ['教育', 'Education'],
  Q: ['卫生和社会工作', 'Health and social work'],
  R: ['文化、体育和娱乐业', 'Culture, sports and entertainment'],
  S: ['公共管理、社会保障和社会组织', 'Public administration, social security and social organisations'],
  T: ['国际组织', 'International organisations'],
} as const;
export type IndustrySection = keyof typeof INDUSTRY_SECTIONS;
export const INDUSTRY_CODES = Object.keys(INDUSTRY_SECTIONS) as [IndustrySection, ...IndustrySection[]];

/**
 * Scale tiers watched by the zone (Chongqing's three classes), derived from last year's output:
 * ≥ 10 billion yuan 百亿级, ≥ 1 billion 十亿级, ≥ 100 million 亿元以上, else 其他.
 */
export const SCALE_TIERS = ['ten_billion', 'billion', 'hundred_million', 'other'] as const;
export type ScaleTier = (typeof SCALE_TIERS)[number];
const YUAN = 100; // fen per yuan
/** Lower bound of each tier in fen (inclusive); `other` has none. */
export const TIER_MIN_FEN: Record<Exclude<ScaleTier, 'other'>, number> = {
  ten_billion: 10_000_000_000 * YUAN,
  billion: 1_000_000_000 * YUAN,
  hundred_million: 100_000_000 * YUAN,
};
export function tierOf(outputFen: number | null | undefined): ScaleTier {
  const v = outputFen ?? 0;
  if (v >= TIER_MIN_FEN.ten_billion) return 'ten_billion';
  if (v >= TIER_MIN_FEN.billion) return 'billion';
  if (v >= TIER_MIN_FEN.hundred_million) return 'hundred_million';
  return 'other';
}
/** [min, max) fen range of a tier, for index-friendly filtering. */
export function tierRange(tier: ScaleTier): { min: number | null; max: number | null } {
  switch (tier) {
    case 'ten_billion':
      return { min: TIER_MIN_FEN.ten_billion, max: null };
    case 'billion':
      return { min: TIER_MIN_FEN.billion, max: TIER_MIN_FEN.ten_billion };
    case 'hundred_million':
      return { min: TIER_MIN_FEN.hundred_million, max: TIER_MIN_FEN.billion };
    case 'other':
      return { min: null, max: TIER_MIN_FEN.hundred_million };
  }
}

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
