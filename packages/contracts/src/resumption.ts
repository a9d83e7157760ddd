// Resumption of work and production (复工复产): the enterprise's epidemic-prevention filing and
// resumption plan (one plan per enterprise, 一企一案) with the "five in place" (五个到位), its review
// by the commissioner and the approval team, daily reports, demands (诉求), the commissioners'
// visits, protective supplies, major projects, and the statistics the zone reports upward.
import { z } from 'zod';
import { DateString, Fen, Id, Instant, Name, OptionalText, PageQuery, QueryBool, Ratio, sortParam } from './common.js';
import { SCALE_TIERS } from './domain.js';
import { Phone } from './org.js';

type Labels<T extends string> = Record<T, [zh: string, en: string]>;

// ---- plans (复工申请)
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'refused'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Labels<PlanStatus> = {
  draft: ['草稿', 'Draft'],
  submitted: ['待审核', 'Submitted'],
  returned: ['退回补正', 'Returned for correction'],
  approved: ['已批准', 'Approved'],
  refused: ['不予批准', 'Refused'],
};
/** Plans that keep the enterprise from opening another: only a refused plan lets it file anew. */
export const PLAN_OPEN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'returned', 'approved'];
export const PLAN_EDITABLE_STATUSES: readonly PlanStatus[] = ['draft', 'returned'];

/** submit: enterprise (or its commissioner on its behalf); approve/return/refuse: reviewers. */
export const PLAN_ACTIONS = ['submit', 'approve', 'return', 'refuse'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
export const PLAN_ACTION_LABELS: Labels<PlanAction> = {
  submit: ['提交', 'Submit'],
  approve: ['批准复工', 'Approve'],
  return: ['退回补正', 'Return for correction'],
  refuse: ['不予批准', 'Refuse'],
};

/** The "five in place" (五个到位) before restarting: each needs a date and evidence. */
export const FIVE_IN_PLACE = ['specialMeeting', 'resumptionPlan', 'fullInspection', 'safetyEducation', 'preShiftMeeting'] as const;
export type FiveInPlaceKey = (typeof FIVE_IN_PLACE)[number];
export const FIVE_IN_PLACE_LABELS: Labels<FiveInPlaceKey> = {
  specialMeeting: ['召开一次专题会议', 'One special meeting'],
  resumptionPlan: ['制定一套复工方案', 'One resumption plan'],
  fullInspection: ['开展一次全面检查', 'One full inspection'],
  safetyEducation: ['进行一次安全教育', 'One safety-education session'],
  preShiftMeeting: ['召开一次班前会', 'One pre-shift meeting'],
};

/** Prevention measures of the plan (国发明电〔2020〕4号 and the provinces' filing forms). */
export const PREVENTION_MEASURES = ['temperatureChecks', 'staggeredCanteen', 'shuttleBuses', 'isolationRoom', 'cleaningSchedule', 'emergencyPlan'] as const;
export type PreventionMeasure = (typeof PREVENTION_MEASURES)[number];
export const PREVENTION_MEASURE_LABELS: Labels<PreventionMeasure> = {
  temperatureChecks: ['入口体温检测', 'Temperature checks at entrances'],
  staggeredCanteen: ['食堂错峰分餐', 'Staggered canteen'],
  shuttleBuses: ['通勤班车（载客不超过 50%）', 'Shuttle buses (at most 50% full)'],
  isolationRoom: ['临时隔离观察室', 'Isolation observation room'],
  cleaningSchedule: ['清洁消毒制度', 'Cleaning and disinfection schedule'],
  emergencyPlan: ['应急处置预案', 'Emergency plan'],
};

/** Attachments are files uploaded to the plan (`POST /plans/:id/files`), referenced by id. */
const FileIds = z.array(Id).max(20);

export const FiveInPlaceEntry = z.strictObject({
  date: DateString,
  note: OptionalText(500),
  evidenceFileIds: FileIds.default([]),
});
export type FiveInPlaceEntry = z.infer<typeof FiveInPlaceEntry>;

const Count = z.number().int().min(0).max(1_000_000);

/**
 * The plan's content. Every field may be missing in a draft; `submit` checks completeness (each
 * missing field is named in a 400) and the counts against each other (on-site ≤ employees …).
 */
export const PlanFields = z.strictObject({
  plannedStartDate: DateString.nullable().optional(),
  employeesTotal: Count.nullable().optional(),
  plannedOnSite: Count.nullable().optional(),
  returnedToCity: Count.nullable().optional(),
  stillOutside: Count.nullable().optional(),
  /** Staff who were in high-risk regions within 14 days, and how many of them are in quarantine. */
  fromHighRisk: Count.nullable().optional(),
  highRiskQuarantined: Count.nullable().optional(),
  quarantineNote: OptionalText(500),
  masks: Count.nullable().optional(),
  thermometers: Count.nullable().optional(),
  disinfectantLitres: Count.nullable().optional(),
  /** Days the stock of protective supplies covers (provinces asked for at least 3). */
  suppliesDays: z.number().int().min(0).max(365).nullable().optional(),
  measures: z.array(z.enum(PREVENTION_MEASURES)).max(PREVENTION_MEASURES.length).optional(),
  measuresNote: OptionalText(2000),
  measureFileIds: FileIds.optional(),
  fiveInPlace: z.strictObject(Object.fromEntries(FIVE_IN_PLACE.map((k) => [k, FiveInPlaceEntry.nullable().optional()])) as Record<FiveInPlaceKey, z.ZodOptional<z.ZodNullable<typeof FiveInPlaceEntry>>>).optional(),
  contactName: OptionalText(50),
  contactPhone: Phone.nullable().optional(),
});
export type PlanFields = z.infer<typeof PlanFields>;

/** Officers (the commissioner helping draft) name the enterprise; enterprise users file for their own. */
export const PlanCreateInput = PlanFields.extend({ enterpriseId: Id.optional() });
export type PlanCreateInput = z.infer<typeof PlanCreateInput>;
/** Changes to a draft or a returned plan; `version` (optional) refuses a stale edit with 409. */
export const PlanPatch = PlanFields.extend({ version: z.number().int().min(1).optional() });
export type PlanPatch = z.infer<typeof PlanPatch>;

export const PlanActionParams = z.strictObject({ id: Id, action: z.enum(PLAN_ACTIONS) });
/** `reason` is required to return and to refuse; `conditions` on approve make it "approved with conditions". */
export const PlanActionBody = z.strictObject({
  comment: OptionalText(1000),
  reason: z.string().trim().min(2).max(1000).optional(),
  conditions: z.array(z.string().trim().min(2).max(300)).max(20).optional(),
  version: z.number().int().min(1).optional(),
});
export type PlanActionBody = z.infer<typeof PlanActionBody>;

export const SiteCheckInput = z.strictObject({
  checkDate: DateString,
  /** Defaults to the signed-in officer. */
  inspectorName: Name.optional(),
  findings: z.string().trim().min(2).max(2000),
  /** Photos uploaded to the plan first (images only). */
  photoFileIds: FileIds.default([]),
  passed: z.boolean().default(true),
});
export type SiteCheckInput = z.infer<typeof SiteCheckInput>;

export const PlanFile = z.object({ id: Id, name: z.string(), type: z.string(), size: z.number().int(), createdAt: Instant });
export const SiteCheck = z.object({
  id: Id,
  checkDate: DateString,
  inspectorUserId: Id.nullable(),
  inspectorName: z.string(),
  findings: z.string(),
  passed: z.boolean(),
  photos: z.array(PlanFile),
  createdAt: Instant,
});
export type SiteCheck = z.infer<typeof SiteCheck>;

export const PlanEvent = z.object({
  id: Id,
  action: z.string().describe('create, update, submit, approve, return, refuse, site_check'),
  fromStatus: z.enum(PLAN_STATUSES).nullable(),
  toStatus: z.enum(PLAN_STATUSES),
  actorName: z.string(),
  comment: z.string().nullable(),
  at: Instant,
});

const UserRef = z.object({ id: Id, name: z.string() });

export const Plan = z.object({
  id: Id,
  number: z.string().nullable().describe('FG-YYYYMMDD-NNNN, given on first submission'),
  enterpriseId: Id,
  enterpriseName: z.string(),
  creditCode: z.string(),
  parkName: z.string().nullable(),
  tier: z.enum(SCALE_TIERS),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  fields: z.object({
    plannedStartDate: DateString.nullable(),
    employeesTotal: z.number().nullable(),
    plannedOnSite: z.number().nullable(),
    returnedToCity: z.number().nullable(),
    stillOutside: z.number().nullable(),
    fromHighRisk: z.number().nullable(),
    highRiskQuarantined: z.number().nullable(),
    quarantineNote: z.string().nullable(),
    masks: z.number().nullable(),
    thermometers: z.number().nullable(),
    disinfectantLitres: z.number().nullable(),
    suppliesDays: z.number().nullable(),
    measures: z.array(z.enum(PREVENTION_MEASURES)),
    measuresNote: z.string().nullable(),
    measureFileIds: z.array(Id),
    fiveInPlace: z.record(z.enum(FIVE_IN_PLACE), FiveInPlaceEntry.nullable()),
    contactName: z.string().nullable(),
    contactPhoneMasked: z.string().nullable(),
  }),
  /** Field paths still missing for submission (`fiveInPlace.safetyEducation`, `employeesTotal` …). */
  missing: z.array(z.string()),
  conditions: z.array(z.string()),
  decisionReason: z.string().nullable(),
  submittedAt: Instant.nullable(),
  slaDueAt: Instant.nullable().describe('submission + the zone SLA in hours; null unless submitted'),
  hoursLeft: z.number().nullable().describe('hours until slaDueAt at the time of the answer, negative when late, one decimal'),
  decidedAt: Instant.nullable(),
  decidedBy: UserRef.nullable(),
  /** The calendar date from which the enterprise counts as resumed. */
  approvedOn: DateString.nullable(),
  commissioner: UserRef.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Plan = z.infer<typeof Plan>;
export const PlanDetail = Plan.extend({ events: z.array(PlanEvent), siteChecks: z.array(SiteCheck), files: z.array(PlanFile) });
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PLAN_SORT = ['submittedAt', 'slaDueAt', 'updatedAt', 'enterpriseName', 'number'] as const;
export const PlanFilters = {
  q: PageQuery.q,
  status: z.enum(PLAN_STATUSES).optional(),
  parkId: Id.optional(),
  enterpriseId: Id.optional(),
  /** Only the plans of enterprises the signed-in commissioner is assigned to. */
  mine: QueryBool,
  /** Submitted plans whose SLA has passed. */
  overdue: QueryBool,
  sort: sortParam(PLAN_SORT),
};
export const PlanListQuery = z.strictObject({ ...PageQuery, ...PlanFilters });
export type PlanListQuery = z.infer<typeof PlanListQuery>;
export const PlanExportQuery = z.strictObject({ ...PlanFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

// ---- the enterprise's derived status (never typed)
export const ENTERPRISE_RESUMPTION_STATUSES = ['not_filed', 'filed', 'resumed', 'suspended'] as const;
export type EnterpriseResumptionStatus = (typeof ENTERPRISE_RESUMPTION_STATUSES)[number];
export const ENTERPRISE_RESUMPTION_STATUS_LABELS: Labels<EnterpriseResumptionStatus> = {
  not_filed: ['未报备', 'Not filed'],
  filed: ['已报备', 'Filed'],
  resumed: ['已复工', 'Resumed'],
  suspended: ['已停工', 'Suspended'],
};

export const SuspendInput = z.strictObject({ reason: z.string().trim().min(2).max(1000), date: DateString.optional() });
export const ResumeInput = z.strictObject({ comment: OptionalText(1000), date: DateString.optional() });
export type SuspendInput = z.infer<typeof SuspendInput>;
export type ResumeInput = z.infer<typeof ResumeInput>;
export const EnterpriseActionParams = z.strictObject({ id: Id, action: z.enum(['suspend', 'resume']) });

/**
 * One enterprise's position on a date: status from its plans and suspensions; the rates from its
 * latest daily report on or before that date (while resumed).
 */
export const EnterpriseResumption = z.object({
  enterpriseId: Id,
  enterpriseName: z.string(),
  creditCode: z.string(),
  parkId: Id.nullable(),
  parkName: z.string().nullable(),
  tier: z.enum(SCALE_TIERS),
  aboveScale: z.boolean(),
  cityMonitored: z.boolean(),
  employees: z.number().nullable().describe('the registry figure, else the approved plan\'s'),
  status: z.enum(ENTERPRISE_RESUMPTION_STATUSES),
  /** Since when the current status holds (null for not filed). */
  since: DateString.nullable(),
  planId: Id.nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  latestReportDate: DateString.nullable(),
  staffOnSite: z.number().nullable(),
  capacityPct: z.number().nullable(),
  staffReturnRate: z.number().nullable().describe('staffOnSite / employees, 0..1'),
  commissioner: UserRef.nullable(),
});
export type EnterpriseResumption = z.infer<typeof EnterpriseResumption>;
export const EnterpriseResumptionQuery = z.strictObject({
  ...PageQuery,
  asOf: DateString.optional(),
  status: z.enum(ENTERPRISE_RESUMPTION_STATUSES).optional(),
  parkId: Id.optional(),
  tier: z.enum(SCALE_TIERS).optional(),
  mine: QueryBool,
});
export const StatusPeriod = z.object({ status: z.enum(ENTERPRISE_RESUMPTION_STATUSES), from: DateString, to: DateString.nullable(), reason: z.string().nullable() });
export type StatusPeriod = z.infer<typeof StatusPeriod>;
export const EnterpriseResumptionExportQuery = EnterpriseResumptionQuery.omit({ page: true, pageSize: true }).extend({ lang: z.enum(['zh-CN', 'en-US']).optional() }).strict();
/** One enterprise's position today and its periods of status, oldest first (answer of history, suspend and resume). */
export const EnterpriseResumptionHistory = z.object({ current: EnterpriseResumption, history: z.array(StatusPeriod) });
export type EnterpriseResumptionHistory = z.infer<typeof EnterpriseResumptionHistory>;

// ---- daily reports (复工日报)
export const DailyReportInput = z.strictObject({
  /** Officers name the enterprise; enterprise users report for their own. */
  enterpriseId: Id.optional(),
  reportDate: DateString,
  staffOnSite: Count,
  /** Whole per cent, 0–100. */
  capacityPct: z.number().int().min(0).max(100),
  suppliesDaysLeft: z.number().int().min(0).max(365),
  abnormalTemperature: z.number().int().min(0).max(1_000_000),
  note: OptionalText(1000),
});
export type DailyReportInput = z.infer<typeof DailyReportInput>;
export const DailyReport = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  parkName: z.string().nullable(),
  reportDate: DateString,
  staffOnSite: z.number().int(),
  employees: z.number().nullable(),
  capacityPct: z.number(),
  suppliesDaysLeft: z.number().int(),
  abnormalTemperature: z.number().int(),
  note: z.string().nullable(),
  reportedBy: z.string(),
  /** True when this report replaced an earlier one of the same day. */
  replaced: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type DailyReport = z.infer<typeof DailyReport>;
export const DailyReportFilters = {
  q: PageQuery.q,
  enterpriseId: Id.optional(),
  parkId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  /** Reports with at least one person of abnormal temperature. */
  abnormal: QueryBool,
  sort: sortParam(['reportDate', 'enterpriseName', 'capacityPct', 'staffOnSite'] as const),
};
export const DailyReportListQuery = z.strictObject({ ...PageQuery, ...DailyReportFilters });
export type DailyReportListQuery = z.infer<typeof DailyReportListQuery>;
export const DailyReportExportQuery = z.strictObject({ ...DailyReportFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });
/** Resumed enterprises with no report for the date. */
export const MissingReportsQuery = z.strictObject({ date: DateString.optional(), mine: QueryBool });
export const MissingReport = z.object({ enterpriseId: Id, enterpriseName: z.string(), parkName: z.string().nullable(), commissioner: UserRef.nullable(), lastReportDate: DateString.nullable() });
export type MissingReport = z.infer<typeof MissingReport>;

// ---- visits (走访记录)
export const DEMAND_CATEGORIES = ['labour', 'supplies', 'funding', 'logistics', 'materials', 'policy', 'approval', 'other'] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];
export const DEMAND_CATEGORY_LABELS: Labels<DemandCategory> = {
  labour: ['用工', 'Labour'],
  supplies: ['防疫物资', 'Protective supplies'],
  funding: ['资金融资', 'Funding and financing'],
  logistics: ['物流', 'Logistics'],
  materials: ['原材料', 'Raw materials'],
  policy: ['政策', 'Policy'],
  approval: ['审批', 'Approval'],
  other: ['其他', 'Other'],
};

export const DemandInput = z.strictObject({
  /** Officers name the enterprise; enterprise users raise for their own. */
  enterpriseId: Id.optional(),
  category: z.enum(DEMAND_CATEGORIES),
  title: Name,
  description: z.string().trim().min(2).max(2000),
  /** The handling department (牵头部门); set or changed by officers. */
  department: OptionalText(100),
  /** When it must be solved; defaults to now + the zone's demand hours. */
  dueAt: Instant.optional(),
});
export type DemandInput = z.infer<typeof DemandInput>;

export const VisitInput = z.strictObject({
  enterpriseId: Id,
  visitDate: DateString,
  content: z.string().trim().min(2).max(2000),
  /** Policies explained on the visit (政策宣贯). */
  policiesExplained: OptionalText(1000),
  /** Problems found: each becomes a demand logged by the commissioner. */
  problems: z.array(DemandInput.omit({ enterpriseId: true })).max(20).default([]),
});
export type VisitInput = z.infer<typeof VisitInput>;
export const Visit = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  visitDate: DateString,
  commissioner: UserRef,
  content: z.string(),
  policiesExplained: z.string().nullable(),
  demandIds: z.array(Id),
  createdAt: Instant,
});
export type Visit = z.infer<typeof Visit>;
export const VisitFilters = {
  q: PageQuery.q,
  enterpriseId: Id.optional(),
  commissionerId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
};
export const VisitListQuery = z.strictObject({ ...PageQuery, ...VisitFilters });
export type VisitListQuery = z.infer<typeof VisitListQuery>;
export const VisitExportQuery = z.strictObject({ ...VisitFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

// ---- demands (诉求)
export const DEMAND_STATUSES = ['open', 'in_progress', 'resolved', 'confirmed'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DEMAND_STATUS_LABELS: Labels<DemandStatus> = {
  open: ['待办理', 'Open'],
  in_progress: ['办理中', 'In progress'],
  resolved: ['已解决', 'Resolved'],
  confirmed: ['已确认', 'Confirmed'],
};
/** start: officers; resolve: officers (resolution required); confirm / reopen: the enterprise (reopen needs a reason). */
export const DEMAND_ACTIONS = ['start', 'resolve', 'confirm', 'reopen'] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];
export const DEMAND_ACTION_LABELS: Labels<DemandAction> = {
  start: ['开始办理', 'Start'],
  resolve: ['办结', 'Resolve'],
  confirm: ['确认解决', 'Confirm'],
  reopen: ['重新打开', 'Reopen'],
};
export const DEMAND_SOURCES = ['enterprise', 'commissioner', 'visit'] as const;
/** How the demand came in (提出方式), for the ledger. */
export const DEMAND_SOURCE_LABELS: Labels<(typeof DEMAND_SOURCES)[number]> = {
  enterprise: ['企业提出', 'Raised by the enterprise'],
  commissioner: ['特派员代提', 'Logged by the commissioner'],
  visit: ['走访发现', 'Found on a visit'],
};
export const DemandPatch = z.strictObject({
  category: z.enum(DEMAND_CATEGORIES).optional(),
  department: OptionalText(100),
  dueAt: Instant.optional(),
  version: z.number().int().min(1).optional(),
});
export const DemandActionParams = z.strictObject({ id: Id, action: z.enum(DEMAND_ACTIONS) });
export const DemandActionBody = z.strictObject({
  comment: OptionalText(1000),
  /** Required to resolve. */
  resolution: z.string().trim().min(2).max(2000).optional(),
  /** Required to reopen. */
  reason: z.string().trim().min(2).max(1000).optional(),
  version: z.number().int().min(1).optional(),
});
export const DemandEvent = z.object({ id: Id, action: z.string(), fromStatus: z.enum(DEMAND_STATUSES).nullable(), toStatus: z.enum(DEMAND_STATUSES), actorName: z.string(), comment: z.string().nullable(), at: Instant });
export const Demand = z.object({
  id: Id,
  number: z.string().describe('SQ-YYYYMMDD-NNNN'),
  enterpriseId: Id,
  enterpriseName: z.string(),
  parkName: z.string().nullable(),
  category: z.enum(DEMAND_CATEGORIES),
  title: z.string(),
  description: z.string(),
  department: z.string().nullable(),
  status: z.enum(DEMAND_STATUSES),
  source: z.enum(DEMAND_SOURCES),
  visitId: Id.nullable(),
  raisedBy: z.string(),
  dueAt: Instant,
  overdue: z.boolean().describe('not resolved or confirmed and past dueAt'),
  escalatedAt: Instant.nullable(),
  resolution: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  reopenCount: z.number().int(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Demand = z.infer<typeof Demand>;
export const DemandDetail = Demand.extend({ events: z.array(DemandEvent) });
export const DemandFilters = {
  q: PageQuery.q,
  status: z.enum(DEMAND_STATUSES).optional(),
  category: z.enum(DEMAND_CATEGORIES).optional(),
  department: z.string().trim().max(100).optional(),
  enterpriseId: Id.optional(),
  parkId: Id.optional(),
  overdue: QueryBool,
  escalated: QueryBool,
  mine: QueryBool,
  sort: sortParam(['createdAt', 'dueAt', 'updatedAt', 'number'] as const),
};
export const DemandListQuery = z.strictObject({ ...PageQuery, ...DemandFilters });
export type DemandListQuery = z.infer<typeof DemandListQuery>;
export const DemandExportQuery = z.strictObject({ ...DemandFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

// ---- commissioner's workbench
export const CommissionerEnterprise = z.object({
  enterpriseId: Id,
  enterpriseName: z.string(),
  parkName: z.string().nullable(),
  isPrimary: z.boolean(),
  status: z.enum(ENTERPRISE_RESUMPTION_STATUSES),
  planId: Id.nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  hoursLeft: z.number().nullable(),
  lastVisitOn: DateString.nullable(),
  openDemands: z.number().int(),
  overdueDemands: z.number().int(),
  /** Resumed today and no report for today. */
  reportMissingToday: z.boolean(),
});
export const CommissionerWorkbench = z.object({
  today: DateString,
  commissioner: UserRef,
  enterprises: z.array(CommissionerEnterprise),
  counts: z.object({ enterprises: z.number().int(), plansWaiting: z.number().int(), reportsMissing: z.number().int(), openDemands: z.number().int(), overdueDemands: z.number().int() }),
});
export const WorkbenchQuery = z.strictObject({ commissionerId: Id.optional() });

// ---- protective supplies (防护物资)
export const SupplyItemInput = z.strictObject({ name: Name, unit: z.string().trim().min(1).max(20), note: OptionalText(500) });
export const SupplyItem = z.object({ id: Id, name: z.string(), unit: z.string(), stock: z.number().int(), allocated: z.number().int(), requested: z.number().int().describe('open requests\' remaining quantity'), note: z.string().nullable(), createdAt: Instant, updatedAt: Instant });
export type SupplyItem = z.infer<typeof SupplyItem>;
export const StockInInput = z.strictObject({ quantity: z.number().int().min(1).max(100_000_000), source: z.string().trim().min(1).max(200), note: OptionalText(500) });
export const SUPPLY_REQUEST_STATUSES = ['open', 'partial', 'allocated', 'refused'] as const;
export type SupplyRequestStatus = (typeof SUPPLY_REQUEST_STATUSES)[number];
export const SUPPLY_REQUEST_STATUS_LABELS: Labels<SupplyRequestStatus> = {
  open: ['待分配', 'Open'],
  partial: ['部分分配', 'Partly allocated'],
  allocated: ['已分配', 'Allocated'],
  refused: ['未予分配', 'Refused'],
};
export const SupplyRequestInput = z.strictObject({ enterpriseId: Id.optional(), itemId: Id, quantity: z.number().int().min(1).max(10_000_000), reason: z.string().trim().min(2).max(500) });
export const SupplyRequest = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  itemId: Id,
  itemName: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  allocated: z.number().int(),
  reason: z.string(),
  status: z.enum(SUPPLY_REQUEST_STATUSES),
  refusal: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type SupplyRequest = z.infer<typeof SupplyRequest>;
export const SupplyRequestActionParams = z.strictObject({ id: Id, action: z.enum(['allocate', 'refuse']) });
export const SUPPLY_REQUEST_ACTION_LABELS: Labels<'allocate' | 'refuse'> = { allocate: ['分配', 'Allocate'], refuse: ['不予分配', 'Refuse'] };
/** allocate: `quantity` (≤ what remains of the request and ≤ stock); refuse: `reason`. */
export const SupplyRequestActionBody = z.strictObject({ quantity: z.number().int().min(1).max(10_000_000).optional(), reason: z.string().trim().min(2).max(500).optional() });
export const SupplyRequestFilters = { q: PageQuery.q, status: z.enum(SUPPLY_REQUEST_STATUSES).optional(), itemId: Id.optional(), enterpriseId: Id.optional() };
export const SupplyRequestListQuery = z.strictObject({ ...PageQuery, ...SupplyRequestFilters });
export const SUPPLY_MOVEMENT_KINDS = ['stock_in', 'allocation'] as const;
export const SUPPLY_MOVEMENT_LABELS: Labels<(typeof SUPPLY_MOVEMENT_KINDS)[number]> = { stock_in: ['入库', 'Stock in'], allocation: ['分配', 'Allocation'] };
export const SupplyMovement = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  unit: z.string(),
  kind: z.enum(SUPPLY_MOVEMENT_KINDS),
  quantity: z.number().int().describe('positive in, negative out'),
  balance: z.number().int().describe('stock after this movement'),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  requestId: Id.nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string(),
  at: Instant,
});
export const SupplyLedgerFilters = { itemId: Id.optional(), enterpriseId: Id.optional(), kind: z.enum(SUPPLY_MOVEMENT_KINDS).optional(), from: DateString.optional(), to: DateString.optional() };
export const SupplyLedgerQuery = z.strictObject({ ...PageQuery, ...SupplyLedgerFilters });
export const SupplyLedgerExportQuery = z.strictObject({ ...SupplyLedgerFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

// ---- major projects (重大项目)
export const PROJECT_STATUSES = ['not_restarted', 'restarted'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Labels<ProjectStatus> = { not_restarted: ['未复工', 'Not restarted'], restarted: ['已复工', 'Restarted'] };
export const ProjectInput = z.strictObject({
  name: Name,
  ownerEnterpriseId: Id.nullable().optional(),
  investmentFen: Fen,
  parkId: Id.nullable().optional(),
  note: OptionalText(1000),
});
export const ProjectPatch = ProjectInput.partial();
/** restart: `date` (not in the future); undo: back to not restarted. */
export const ProjectActionParams = z.strictObject({ id: Id, action: z.enum(['restart', 'undo_restart']) });
export const PROJECT_ACTION_LABELS: Labels<'restart' | 'undo_restart'> = { restart: ['复工', 'Restart'], undo_restart: ['撤销复工', 'Undo restart'] };
export const ProjectActionBody = z.strictObject({ date: DateString.optional(), comment: OptionalText(500) });
export const Project = z.object({
  id: Id,
  name: z.string(),
  ownerEnterpriseId: Id.nullable(),
  ownerEnterpriseName: z.string().nullable(),
  investmentFen: z.number(),
  parkId: Id.nullable(),
  parkName: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  restartDate: DateString.nullable(),
  note: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Project = z.infer<typeof Project>;
export const ProjectFilters = { q: PageQuery.q, status: z.enum(PROJECT_STATUSES).optional(), parkId: Id.optional(), sort: sortParam(['name', 'investmentFen', 'restartDate', 'createdAt'] as const) };
export const ProjectListQuery = z.strictObject({ ...PageQuery, ...ProjectFilters });
export const ProjectExportQuery = z.strictObject({ ...ProjectFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

// ---- the zone's settings for this module
export const ResumptionSettings = z.object({
  /** Hours a submitted plan waits at most (24-hour service). */
  slaHours: z.number().int().min(1).max(720),
  /** Local hour (0–23) by which resumed enterprises send the day's report; after it they are reminded. */
  reportCutoffHour: z.number().int().min(0).max(23),
  /** Default hours to solve a demand. */
  demandHours: z.number().int().min(1).max(8760),
});
export type ResumptionSettings = z.infer<typeof ResumptionSettings>;
export const ResumptionSettingsPatch = ResumptionSettings.partial().strict();
export const DEFAULT_RESUMPTION_SETTINGS: ResumptionSettings = { slaHours: 24, reportCutoffHour: 12, demandHours: 72 };

// ---- the enterprise's profile tab
export const EnterpriseResumptionProfile = z.object({
  current: EnterpriseResumption,
  history: z.array(StatusPeriod),
  plans: z.array(Plan),
  reports: z.array(DailyReport).describe('the latest 60'),
  demands: z.array(Demand),
  visits: z.array(Visit),
});

// ---- statistics
// Every figure is a Ratio (common.ts): numerator, denominator, value = n/d or null when d = 0.
export const ResumptionStatsQuery = z.strictObject({ asOf: DateString.optional(), lang: z.enum(['zh-CN', 'en-US']).optional() });
export const ResumptionStats = z.object({
  asOf: DateString,
  enterprises: z.object({ total: z.number().int(), byStatus: z.record(z.enum(ENTERPRISE_RESUMPTION_STATUSES), z.number().int()) }),
  /** Enterprises resumed on asOf / enterprises in the zone. */
  overall: Ratio,
  tiers: z.array(z.object({ tier: z.enum(SCALE_TIERS), ratio: Ratio })),
  aboveScale: Ratio,
  cityMonitored: Ratio,
  supplyChains: z.array(z.object({ leadingEnterpriseId: Id, leadingEnterpriseName: z.string(), ratio: Ratio })),
  parks: z.array(z.object({ parkId: Id.nullable(), parkName: z.string().nullable(), ratio: Ratio })),
  /** Σ staff on site (latest report ≤ asOf of each resumed enterprise) / Σ employees of the zone's enterprises with a known headcount. */
  staffReturn: Ratio,
  /** Σ capacity % / number of resumed enterprises with a report; the value is the average in % (0–100). */
  capacity: Ratio,
  /** Major projects restarted on or before asOf / all major projects. */
  majorProjects: Ratio,
  /** Demands not yet resolved or confirmed at the end of asOf, by category. */
  openDemands: z.array(z.object({ category: z.enum(DEMAND_CATEGORIES), open: z.number().int(), overdue: z.number().int() })),
  /** The overall rate on each of the 14 days up to asOf. */
  trend: z.array(z.object({ date: DateString, resumed: z.number().int(), total: z.number().int() })),
  definitions: z.record(z.string(), z.string()),
});
export type ResumptionStats = z.infer<typeof ResumptionStats>;

// ---- notifications of this module (merged into the bell's kinds)
export const RESUMPTION_NOTIFICATION_KINDS = [
  'resumption.submitted',
  'resumption.approved',
  'resumption.returned',
  'resumption.refused',
  'resumption.suspended',
  'resumption.resumed',
  'resumption.report_missing',
  'demand.raised',
  'demand.resolved',
  'demand.reopened',
  'demand.confirmed',
  'demand.escalated',
  'supply.allocated',
] as const;
