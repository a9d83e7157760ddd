// Park inspection and guidance (巡查指导): the standard specification (工作规范) as versioned
// checklist templates, park plans, inspection rounds (巡查批次) and their tasks, the record an
// inspector makes on a phone (park → building → enterprise), findings fixed on the spot (立行立改)
// or put in the rectification ledger (巡查台账) with daily follow-up visits (每日回访), the census of
// parks (园区摸排), and the statistics.
import { z } from 'zod';
import { DateString, Id, Instant, Name, OptionalText, PageQuery, QueryBool, Ratio, sortParam } from './common.js';
import { DEMAND_CATEGORIES } from './resumption.js';

type Labels<T extends string> = Record<T, [zh: string, en: string]>;
const Lang = z.enum(['zh-CN', 'en-US']).optional();

// ---- vocabularies
export const INSPECTION_PLACES = ['entrance', 'building', 'enterprise', 'inner'] as const;
export type InspectionPlace = (typeof INSPECTION_PLACES)[number];
export const INSPECTION_PLACE_LABELS: Labels<InspectionPlace> = {
  entrance: ['园区入口', 'Park entrance'],
  building: ['楼宇', 'Building'],
  enterprise: ['企业', 'Enterprise'],
  inner: ['园区内部', 'Inner area'],
};
/** check: pass / fail / not applicable; number: a value compared with a threshold. */
export const ITEM_KINDS = ['check', 'number'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Labels<ItemKind> = { check: ['是否符合', 'Pass / fail'], number: ['数值', 'Number'] };
/** gte: passes when value ≥ threshold (area per person); lte: when value ≤ threshold (temperature). */
export const COMPARATORS = ['gte', 'lte'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Labels<Severity> = { low: ['一般', 'Minor'], medium: ['较重', 'Moderate'], high: ['严重', 'Serious'] };
export const ANSWER_RESULTS = ['pass', 'fail', 'na'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];
export const ANSWER_RESULT_LABELS: Labels<AnswerResult> = { pass: ['符合', 'Pass'], fail: ['不符合', 'Fail'], na: ['不适用', 'Not applicable'] };
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Labels<RiskLevel> = { low: ['低风险', 'Low risk'], medium: ['中风险', 'Medium risk'], high: ['高风险', 'High risk'] };
export const PARK_SIZES = ['small', 'medium', 'large'] as const;
export type ParkSize = (typeof PARK_SIZES)[number];
export const PARK_SIZE_LABELS: Labels<ParkSize> = { small: ['小型', 'Small'], medium: ['中型', 'Medium'], large: ['大型', 'Large'] };
export const TASK_KINDS = ['inspection', 'follow_up'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Labels<TaskKind> = { inspection: ['巡查', 'Inspection'], follow_up: ['每日回访', 'Follow-up visit'] };
/** pending → in_progress (first answer) → submitted (locked). A pending task past its day is "missed" (derived). */
export const TASK_STATUSES = ['pending', 'in_progress', 'submitted'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Labels<TaskStatus> = { pending: ['待巡查', 'Pending'], in_progress: ['巡查中', 'In progress'], submitted: ['已提交', 'Submitted'] };
export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Labels<RoundStatus> = { open: ['进行中', 'Open'], closed: ['已结束', 'Closed'] };
export const FINDING_DISPOSITIONS = ['fixed_on_spot', 'ledger'] as const;
export type FindingDisposition = (typeof FINDING_DISPOSITIONS)[number];
export const FINDING_DISPOSITION_LABELS: Labels<FindingDisposition> = { fixed_on_spot: ['立行立改', 'Fixed on the spot'], ledger: ['列入台账', 'Into the ledger'] };
/** fixed_on_spot is final; ledger items are open until verified closed. */
export const FINDING_STATUSES = ['fixed_on_spot', 'open', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Labels<FindingStatus> = { fixed_on_spot: ['已立行立改', 'Fixed on the spot'], open: ['整改中', 'Open'], closed: ['已销号', 'Closed'] };

// ---- checklist templates (工作规范)
const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'v.key' });
export const ChecklistItem = z.strictObject({
  /** Stable across versions: answers and statistics follow an item by its key. */
  key: Key,
  place: z.enum(INSPECTION_PLACES),
  title: z.string().trim().min(2).max(200),
  kind: z.enum(ITEM_KINDS),
  /** For number items: the standard, how it compares, the unit, and the range an entry may take. */
  threshold: z.number().min(-1e6).max(1e6).nullable().optional(),
  comparator: z.enum(COMPARATORS).nullable().optional(),
  unit: z.string().trim().max(10).nullable().optional(),
  min: z.number().min(-1e6).max(1e6).nullable().optional(),
  max: z.number().min(-1e6).max(1e6).nullable().optional(),
  photoRequired: z.boolean().default(false),
  severity: z.enum(SEVERITIES).default('medium'),
  guidance: OptionalText(500),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;
/** Keys unique; number items need threshold, comparator and a sane [min, max] holding the threshold (checked by the server). */
export const ChecklistItems = z.array(ChecklistItem).min(1).max(200);
export const TemplateInput = z.strictObject({ name: Name, items: ChecklistItems, note: OptionalText(500) });
export const TemplateVersionInput = z.strictObject({ items: ChecklistItems, note: OptionalText(500) });
export const TemplateVersion = z.object({ id: Id, templateId: Id, version: z.number().int(), items: z.array(ChecklistItem), note: z.string().nullable(), createdBy: z.string().nullable(), createdAt: Instant });
export type TemplateVersion = z.infer<typeof TemplateVersion>;
export const Template = z.object({
  id: Id,
  name: z.string(),
  currentVersion: z.number().int(),
  current: TemplateVersion,
  versions: z.array(z.object({ id: Id, version: z.number().int(), note: z.string().nullable(), itemCount: z.number().int(), createdAt: Instant })),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Template = z.infer<typeof Template>;
export const TemplateListQuery = z.strictObject({ ...PageQuery });
export const TemplateExportQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional(), lang: Lang });

// ---- parks: plan (risk/size → frequency) and responsible inspector (org assignments, park_inspector)
export const ParkPlanInput = z.strictObject({ risk: z.enum(RISK_LEVELS), size: z.enum(PARK_SIZES), frequencyDays: z.number().int().min(1).max(90) });
export const InspectionPark = z.object({
  parkId: Id,
  parkName: z.string(),
  risk: z.enum(RISK_LEVELS).nullable(),
  size: z.enum(PARK_SIZES).nullable(),
  frequencyDays: z.number().int().nullable(),
  inspector: z.object({ id: Id, name: z.string() }).nullable(),
  buildings: z.number().int(),
  enterprises: z.number().int(),
  lastInspectedOn: DateString.nullable(),
  /** lastInspectedOn + frequencyDays (today when never inspected and planned). */
  nextDueOn: DateString.nullable(),
  openFindings: z.number().int(),
});
export const InspectionParkListQuery = z.strictObject({ ...PageQuery, risk: z.enum(RISK_LEVELS).optional(), due: QueryBool });

// ---- rounds (巡查批次)
export const RoundInput = z.strictObject({
  name: Name,
  roundDate: DateString,
  templateId: Id,
  /** Each park gets one task for its responsible inspector (a park without one is refused, naming it). */
  parkIds: z.array(Id).min(1).max(500),
});
export const Coverage = z.object({ parks: Ratio, buildings: Ratio, enterprises: Ratio });
export const Round = z.object({
  id: Id,
  name: z.string(),
  roundDate: DateString,
  templateId: Id,
  templateName: z.string(),
  templateVersion: z.number().int(),
  templateVersionId: Id,
  status: z.enum(ROUND_STATUSES),
  /** Inspected (a submitted task's places) of those in scope (the round's parks and their buildings and enterprises). */
  coverage: Coverage,
  tasks: z.object({ total: z.number().int(), submitted: z.number().int() }),
  createdAt: Instant,
});
export type Round = z.infer<typeof Round>;
export const RoundListQuery = z.strictObject({ ...PageQuery, status: z.enum(ROUND_STATUSES).optional(), from: DateString.optional(), to: DateString.optional() });
export const RoundActionParams = z.strictObject({ id: Id, action: z.enum(['close', 'reopen']) });

// ---- tasks and the inspection record
export const Task = z.object({
  id: Id,
  kind: z.enum(TASK_KINDS),
  roundId: Id.nullable(),
  roundName: z.string().nullable(),
  parkId: Id,
  parkName: z.string(),
  inspector: z.object({ id: Id, name: z.string() }).nullable(),
  dueDate: DateString,
  status: z.enum(TASK_STATUSES),
  /** Pending or in progress after its day. */
  missed: z.boolean(),
  findingId: Id.nullable(),
  findingNumber: z.string().nullable(),
  answered: z.number().int(),
  failed: z.number().int(),
  version: z.number().int(),
  startedAt: Instant.nullable(),
  submittedAt: Instant.nullable(),
  /** 政策宣贯: the policies explained to the park's enterprises on the visit. */
  policiesExplained: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;
export const TaskListQuery = z.strictObject({
  ...PageQuery,
  /** Only the signed-in inspector's tasks. */
  mine: QueryBool,
  kind: z.enum(TASK_KINDS).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  roundId: Id.optional(),
  parkId: Id.optional(),
  dueDate: DateString.optional(),
  missed: QueryBool,
  sort: sortParam(['dueDate', 'parkName', 'submittedAt'] as const),
});

export const PlaceInput = z.strictObject({
  place: z.enum(INSPECTION_PLACES),
  /** A building of the task's park (place building, or the building of an enterprise). */
  buildingId: Id.nullable().optional(),
  /** An enterprise of the task's park (place enterprise). */
  enterpriseId: Id.nullable().optional(),
});
/** What the inspector decides for a failed item (becomes a finding on submission). */
export const FindingDraft = z.strictObject({
  disposition: z.enum(FINDING_DISPOSITIONS),
  description: z.string().trim().min(2).max(1000),
  /** Fixed on the spot: a photo after the fix is required. */
  afterPhotoFileIds: z.array(Id).max(10).default([]),
  /** Into the ledger: who rectifies, how, by when (required then). */
  responsibleParty: z.string().trim().min(1).max(100).nullable().optional(),
  measure: z.string().trim().min(2).max(1000).nullable().optional(),
  deadline: DateString.nullable().optional(),
});
export type FindingDraft = z.infer<typeof FindingDraft>;
export const ChecklistAnswerInput = z.strictObject({
  placeId: Id,
  itemKey: Key,
  /** check items; number items take `value` and the result follows from the threshold. */
  result: z.enum(ANSWER_RESULTS).optional(),
  value: z.number().min(-1e6).max(1e6).nullable().optional(),
  note: OptionalText(1000),
  /** Photos uploaded to the task first (images). */
  photoFileIds: z.array(Id).max(10).default([]),
  finding: FindingDraft.nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  /** Optimistic lock on the task (optional). */
  version: z.number().int().min(1).optional(),
});
export type ChecklistAnswerInput = z.infer<typeof ChecklistAnswerInput>;
export const ChecklistAnswer = z.object({
  id: Id,
  placeId: Id,
  itemKey: z.string(),
  result: z.enum(ANSWER_RESULTS),
  value: z.number().nullable(),
  note: z.string().nullable(),
  photoFileIds: z.array(Id),
  finding: FindingDraft.nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  answeredAt: Instant,
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;
export const Place = z.object({ id: Id, place: z.enum(INSPECTION_PLACES), buildingId: Id.nullable(), enterpriseId: Id.nullable(), label: z.string(), answers: z.array(ChecklistAnswer) });
export type Place = z.infer<typeof Place>;
export const TaskPhoto = z.object({ id: Id, name: z.string(), type: z.string(), size: z.number().int(), width: z.number().int(), height: z.number().int(), createdAt: Instant });
export const FollowUpInput = z.strictObject({
  note: z.string().trim().min(2).max(1000),
  photoFileIds: z.array(Id).max(10).default([]),
  /** Verified rectified: closes the ledger item (an after-photo is required). */
  close: z.boolean().default(false),
  afterPhotoFileIds: z.array(Id).max(10).default([]),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

// ---- findings and the ledger
/** What a finding's history records (the follow-up job's escalations included). */
export const FINDING_EVENT_ACTIONS = ['create', 'follow_up', 'close', 'raise_demand', 'follow_up_missed', 'deadline_passed'] as const;
export type FindingEventAction = (typeof FINDING_EVENT_ACTIONS)[number];
export const FINDING_EVENT_ACTION_LABELS: Labels<FindingEventAction> = {
  create: ['发现问题', 'Found'],
  follow_up: ['回访', 'Follow-up visit'],
  close: ['验收销号', 'Verified closed'],
  raise_demand: ['转企业诉求', 'Raised an enterprise demand'],
  follow_up_missed: ['未按时回访，已上报', 'Follow-up missed, escalated'],
  deadline_passed: ['逾期未整改，已上报', 'Deadline passed, escalated'],
};
export const FindingEvent = z.object({ id: Id, action: z.string(), fromStatus: z.enum(FINDING_STATUSES).nullable(), toStatus: z.enum(FINDING_STATUSES), actorName: z.string(), comment: z.string().nullable(), photoFileIds: z.array(Id), at: Instant });
export const Finding = z.object({
  id: Id,
  number: z.string().describe('XC-YYYYMMDD-NNNN'),
  taskId: Id,
  roundId: Id.nullable(),
  roundName: z.string().nullable(),
  parkId: Id,
  parkName: z.string(),
  place: z.enum(INSPECTION_PLACES),
  placeLabel: z.string(),
  buildingId: Id.nullable(),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  itemKey: z.string(),
  itemTitle: z.string(),
  severity: z.enum(SEVERITIES),
  description: z.string(),
  value: z.number().nullable(),
  photoFileIds: z.array(Id),
  disposition: z.enum(FINDING_DISPOSITIONS),
  status: z.enum(FINDING_STATUSES),
  responsibleParty: z.string().nullable(),
  measure: z.string().nullable(),
  deadline: DateString.nullable(),
  /** Open and past its deadline. */
  overdue: z.boolean(),
  inspector: z.object({ id: Id, name: z.string() }).nullable(),
  afterPhotoFileIds: z.array(Id),
  foundOn: DateString,
  closedOn: DateString.nullable(),
  closeNote: z.string().nullable(),
  daysToClose: z.number().int().nullable(),
  followUps: z.number().int(),
  lastFollowUpOn: DateString.nullable(),
  demandId: Id.nullable(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Finding = z.infer<typeof Finding>;
export const FindingDetail = Finding.extend({ events: z.array(FindingEvent) });
export const FindingFilters = {
  q: PageQuery.q,
  status: z.enum(FINDING_STATUSES).optional(),
  disposition: z.enum(FINDING_DISPOSITIONS).optional(),
  parkId: Id.optional(),
  roundId: Id.optional(),
  severity: z.enum(SEVERITIES).optional(),
  itemKey: Key.optional(),
  overdue: QueryBool,
  /** Only ledger items (disposition ledger): the rectification ledger. */
  ledger: QueryBool,
  sort: sortParam(['foundOn', 'deadline', 'number', 'closedOn'] as const),
};
export const FindingListQuery = z.strictObject({ ...PageQuery, ...FindingFilters });
export const FindingExportQuery = z.strictObject({ ...FindingFilters, lang: Lang });
/** A task with what the phone page needs: the checklist version, places walked with answers, photos, and its findings (or, for a follow-up, the ledger item). */
export const TaskDetail = Task.extend({
  templateVersion: TemplateVersion.nullable(),
  places: z.array(Place),
  photos: z.array(TaskPhoto),
  note: z.string().nullable(),
  /** Follow-up: the ledger item visited. */
  finding: Finding.nullable(),
  /** Inspection: the findings its submission made. */
  findings: z.array(Finding),
});
export type TaskDetail = z.infer<typeof TaskDetail>;
export const TaskActionParams = z.strictObject({ id: Id, action: z.enum(['start', 'submit']) });
export const TaskActionBody = z.strictObject({ version: z.number().int().min(1).optional() });
/** What the inspector records on the task besides the checklist, while it is not submitted. */
export const TaskPatch = z.strictObject({
  /** 政策宣贯 (empty clears it). */
  policiesExplained: OptionalText(2000),
  /** Optimistic lock on the task (optional). */
  version: z.number().int().min(1).optional(),
});
export type TaskPatch = z.infer<typeof TaskPatch>;

export const FindingCloseInput = z.strictObject({ note: z.string().trim().min(2).max(1000), afterPhotoFileIds: z.array(Id).min(1).max(10) });
/** A finding that needs the enterprise's or the zone's help raises an enterprise demand (诉求). */
export const FindingDemandInput = z.strictObject({ category: z.enum(DEMAND_CATEGORIES), title: Name, description: z.string().trim().min(2).max(2000), department: OptionalText(100) });

// ---- census of parks (园区摸排)
export const CensusInput = z.strictObject({
  parkId: Id,
  roundId: Id.nullable().optional(),
  censusDate: DateString,
  enterprises: z.number().int().min(0).max(100_000),
  employees: z.number().int().min(0).max(10_000_000),
  staffLeft: z.number().int().min(0).max(10_000_000),
  staffReturned: z.number().int().min(0).max(10_000_000),
  enterprisesResumed: z.number().int().min(0).max(100_000),
  difficulties: OptionalText(2000),
});
export type CensusInput = z.infer<typeof CensusInput>;
/** A correction of a census entry (the park stays; the same cross-field rules on the result). */
export const CensusPatch = CensusInput.omit({ parkId: true }).partial().strict();
export type CensusPatch = z.infer<typeof CensusPatch>;
export const Census = CensusInput.extend({ id: Id, parkName: z.string(), roundName: z.string().nullable(), createdAt: Instant, updatedAt: Instant });
/** What the registry and the resumption module already know of a park on a date, to prefill the census. */
export const CensusPrefill = z.object({ parkId: Id, censusDate: DateString, enterprises: z.number().int(), employees: z.number().int(), enterprisesResumed: z.number().int() });
export const CensusListQuery = z.strictObject({ ...PageQuery, parkId: Id.optional(), roundId: Id.optional(), from: DateString.optional(), to: DateString.optional() });
export const CensusPrefillQuery = z.strictObject({ parkId: Id, date: DateString.optional() });

// ---- statistics
export const InspectionStatsQuery = z.strictObject({ from: DateString, to: DateString, lang: Lang });
export const InspectionStats = z.object({
  from: DateString,
  to: DateString,
  /** Per day: parks with a submitted inspection that day / parks in scope of the rounds of that day. */
  daily: z.array(z.object({ date: DateString, parks: Ratio })),
  /** Over the period: distinct parks inspected / distinct parks in scope. */
  parks: Ratio,
  /** Per item key: places where it passed / places where it was answered pass or fail (n/a left out). */
  items: z.array(z.object({ itemKey: z.string(), title: z.string(), place: z.enum(INSPECTION_PLACES), passRate: Ratio })),
  /** The items failing most often (count of fails), at most 10. */
  topFailing: z.array(z.object({ itemKey: z.string(), title: z.string(), fails: z.number().int() })),
  findings: z.object({ total: z.number().int(), fixedOnSpot: Ratio, ledgered: Ratio }),
  ledger: z.object({ open: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
  /** Σ days from found to closed / closed ledger items (closed in the period). */
  averageDaysToClose: Ratio,
  definitions: z.record(z.string(), z.string()),
});
export type InspectionStats = z.infer<typeof InspectionStats>;

export const INSPECTION_NOTIFICATION_KINDS = ['inspection.task_assigned', 'inspection.follow_up_due', 'inspection.follow_up_missed', 'inspection.deadline_passed', 'inspection.finding_closed'] as const;
