// The platform's fixed vocabularies and pure rules, without zod: the web console imports these
// without pulling any schema into its bundle. Re-exported from index.ts.

export const PASSWORD_MIN = 10;

// ---- organisation
export const GRID_LEVELS = ['zone', 'street', 'community', 'group'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];
export const GRID_LEVEL_LABELS: Record<GridLevel, [zh: string, en: string]> = {
  zone: ['高新区', 'Zone'],
  street: ['街道', 'Street'],
  community: ['社区/村', 'Community'],
  group: ['组/小区', 'Group'],
};
export const TEAM_KINDS = ['leading_group', 'working_group', 'service_team', 'inspection_team', 'task_force'] as const;
export const TEAM_KIND_LABELS: Record<(typeof TEAM_KINDS)[number], [zh: string, en: string]> = {
  leading_group: ['领导小组', 'Leading group'],
  working_group: ['工作组', 'Working group'],
  service_team: ['服务队', 'Service team'],
  inspection_team: ['巡查组', 'Inspection team'],
  task_force: ['专班', 'Task force'],
};

export const ASSIGNMENT_KINDS = ['enterprise_commissioner', 'park_inspector', 'grid_official'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
/** Assignment kinds as users read them. */
export const ASSIGNMENT_LABELS: Record<AssignmentKind, [zh: string, en: string]> = {
  enterprise_commissioner: ['驻企特派员', 'Enterprise commissioner'],
  park_inspector: ['园区巡查员', 'Park inspector'],
  grid_official: ['网格员', 'Grid official'],
};

// ---- enterprises
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
export const SCALE_TIER_LABELS: Record<ScaleTier, [zh: string, en: string]> = {
  ten_billion: ['百亿级', '≥10 bn yuan'],
  billion: ['十亿级', '≥1 bn yuan'],
  hundred_million: ['亿元以上', '≥100 m yuan'],
  other: ['其他', 'Other'],
};
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


// ---- government services (一网通办): catalogue and calendar
export const SERVICE_CATEGORIES = [
  'enterprise_establishment',
  'change_registration',
  'employment_registration',
  'real_estate',
  'tax',
  'vehicle_driver',
  'construction_permit',
  'public_service',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, [zh: string, en: string]> = {
  enterprise_establishment: ['企业开办', 'Enterprise establishment'],
  change_registration: ['变更登记', 'Change registration'],
  employment_registration: ['就业登记', 'Employment registration'],
  real_estate: ['不动产', 'Real estate'],
  tax: ['税务', 'Tax'],
  vehicle_driver: ['车驾管', 'Vehicles and drivers'],
  construction_permit: ['工程建设', 'Construction permits'],
  public_service: ['公共服务', 'Public services'],
};
export const APPLICANT_TYPES = ['enterprise', 'person'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, [zh: string, en: string]> = {
  enterprise: ['企业', 'Enterprise'],
  person: ['个人', 'Person'],
};
/** File types a material may be uploaded as; decided by magic bytes, not by the name. */
export const FILE_TYPES = ['pdf', 'jpeg', 'png', 'xlsx', 'docx'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export const FIELD_TYPES = ['text', 'number', 'date', 'select', 'checkbox'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const FIELD_TYPE_LABELS: Record<FieldType, [zh: string, en: string]> = {
  text: ['文本', 'Text'],
  number: ['数字', 'Number'],
  date: ['日期', 'Date'],
  select: ['下拉选择', 'Select'],
  checkbox: ['勾选', 'Checkbox'],
};
/** A calendar day that differs from the Monday–Friday rule: a holiday, or a swapped working day (调休). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

// ---- applications (办件): the state machine's states, channels and delivery
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'accepted', // 受理: the clock starts
  'refused', // 不予受理
  'under_review',
  'correction', // 补正: waiting for the applicant; the clock stops
  'resubmitted',
  'approved', // 办结
  'denied', // 不予许可
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, [zh: string, en: string]> = {
  draft: ['草稿', 'Draft'],
  submitted: ['已提交', 'Submitted'],
  accepted: ['已受理', 'Accepted'],
  refused: ['不予受理', 'Refused'],
  under_review: ['审查中', 'Under review'],
  correction: ['待补正', 'Correction requested'],
  resubmitted: ['已补正', 'Resubmitted'],
  approved: ['已办结', 'Approved'],
  denied: ['不予许可', 'Denied'],
  withdrawn: ['已撤回', 'Withdrawn'],
};
/** States in which the legal clock runs (accepted, not yet decided, not waiting for correction). */
export const CLOCK_RUNNING_STATUSES: readonly ApplicationStatus[] = ['accepted', 'under_review', 'resubmitted'];
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['refused', 'approved', 'denied', 'withdrawn'];

export const APPLICATION_ACTIONS = ['submit', 'accept', 'refuse', 'review', 'request_correction', 'resubmit', 'approve', 'deny', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, [zh: string, en: string]> = {
  submit: ['提交', 'Submit'],
  accept: ['受理', 'Accept'],
  refuse: ['不予受理', 'Refuse'],
  review: ['开始审查', 'Start review'],
  request_correction: ['要求补正', 'Request correction'],
  resubmit: ['补正后重新提交', 'Resubmit'],
  approve: ['批准办结', 'Approve'],
  deny: ['不予许可', 'Deny'],
  withdraw: ['撤回', 'Withdraw'],
};

export const CHANNELS = ['online', 'counter', 'mail'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, [zh: string, en: string]> = {
  online: ['网上申请', 'Online'],
  counter: ['窗口受理', 'At the counter'],
  mail: ['邮寄申请', 'By mail'],
};
export const DELIVERIES = ['electronic', 'mail', 'pickup'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, [zh: string, en: string]> = {
  electronic: ['电子送达', 'Electronic'],
  mail: ['邮寄送达', 'By mail'],
  pickup: ['窗口领取', 'Pick-up at the counter'],
};
export const LICENCE_STATUSES = ['valid', 'revoked'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export const LICENCE_STATUS_LABELS: Record<LicenceStatus, [zh: string, en: string]> = {
  valid: ['有效', 'Valid'],
  revoked: ['已注销', 'Revoked'],
};
