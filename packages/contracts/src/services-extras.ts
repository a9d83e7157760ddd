// Government services, the counter's other business: appointments (预约办), consultations (咨询)
// and the FAQ, agency-service cases (帮办代办) and batch employment registration (就业登记).
import { z } from 'zod';
import { DateString, Fen, Id, Instant, Name, OptionalText, PageQuery, QueryBool, isPrintableText, sortParam } from './common.js';
import { Phone } from './org.js';

const Lang = z.enum(['zh-CN', 'en-US']).optional();
const Text = (min: number, max: number) => z.string().trim().min(min).max(max).refine(isPrintableText, { message: 'v.control_chars' });
/** A date range of a filter: either end may be left open. */
const DateRange = { from: DateString.optional(), to: DateString.optional() };

// ---- appointments (预约办)
export const HALF_DAYS = ['am', 'pm'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];
export const HALF_DAY_LABELS: Record<HalfDay, [zh: string, en: string]> = { am: ['上午', 'Morning'], pm: ['下午', 'Afternoon'] };
export const SLOT_STATUSES = ['open', 'closed'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];
export const SLOT_STATUS_LABELS: Record<SlotStatus, [zh: string, en: string]> = { open: ['可预约', 'Open'], closed: ['已关闭', 'Closed'] };
export const BOOKING_STATUSES = ['booked', 'checked_in', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, [zh: string, en: string]> = {
  booked: ['已预约', 'Booked'],
  checked_in: ['已签到', 'Checked in'],
  no_show: ['未到', 'No-show'],
  cancelled: ['已取消', 'Cancelled'],
};
export const SLOT_ACTIONS = ['close', 'reopen'] as const;
export type SlotAction = (typeof SLOT_ACTIONS)[number];
export const SLOT_ACTION_LABELS: Record<SlotAction, [zh: string, en: string]> = { close: ['关闭', 'Close'], reopen: ['重新开放', 'Reopen'] };
export const BOOKING_ACTIONS = ['cancel', 'check-in', 'no-show'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
export const BOOKING_ACTION_LABELS: Record<BookingAction, [zh: string, en: string]> = { cancel: ['取消', 'Cancel'], 'check-in': ['签到', 'Check in'], 'no-show': ['标记未到', 'Mark as no-show'] };

/** A service window (办事窗口), e.g. 3号窗口. */
const ServiceWindow = Text(1, 30);
const Capacity = z.number().int().min(1).max(500);

export const SlotInput = z.strictObject({ itemId: Id, window: ServiceWindow, date: DateString, halfDay: z.enum(HALF_DAYS), capacity: Capacity });
export type SlotInput = z.infer<typeof SlotInput>;
export const SlotPatch = z.strictObject({ window: ServiceWindow.optional(), capacity: Capacity.optional() });
export type SlotPatch = z.infer<typeof SlotPatch>;
/** Slots for every working day of a range (at most 92 days), both half-days unless told. */
export const SlotBulkInput = z
  .strictObject({
    itemId: Id,
    window: ServiceWindow,
    from: DateString,
    to: DateString,
    halfDays: z.array(z.enum(HALF_DAYS)).min(1).max(2).default(['am', 'pm']),
    capacity: Capacity,
  })
  .refine((b) => b.to >= b.from, { message: 'v.range', path: ['to'] })
  .refine((b) => (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 <= 92, { message: 'v.range_too_long', path: ['to'] });
export type SlotBulkInput = z.infer<typeof SlotBulkInput>;
export const SlotBulkResult = z.object({ created: z.number().int(), skippedNonWorking: z.number().int(), skippedExisting: z.number().int() });

export const Slot = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  department: z.string(),
  window: z.string(),
  date: DateString,
  halfDay: z.enum(HALF_DAYS),
  capacity: z.number().int(),
  booked: z.number().int(),
  status: z.enum(SLOT_STATUSES),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Slot = z.infer<typeof Slot>;
export const SLOT_SORT = ['date', 'window', 'capacity', 'booked'] as const;
export const SlotFilters = {
  /** Part of the window or of the item's name. */
  q: PageQuery.q,
  itemId: Id.optional(),
  ...DateRange,
  status: z.enum(SLOT_STATUSES).optional(),
  /** Only slots with places left. */
  available: QueryBool,
  sort: sortParam(SLOT_SORT),
};
export const SlotListQuery = z.strictObject({ ...PageQuery, ...SlotFilters });
export type SlotListQuery = z.infer<typeof SlotListQuery>;
export const SlotExportQuery = z.strictObject({ ...SlotFilters, lang: Lang });

export const BookingInput = z.strictObject({ slotId: Id, contactName: Name, contactPhone: Phone, note: OptionalText(200) });
export type BookingInput = z.infer<typeof BookingInput>;
export const Booking = z.object({
  id: Id,
  /** Short code the applicant shows at the window. */
  code: z.string(),
  slotId: Id,
  itemId: Id,
  itemName: z.string(),
  window: z.string(),
  date: DateString,
  halfDay: z.enum(HALF_DAYS),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  createdAt: Instant,
  cancelledAt: Instant.nullable(),
  checkedInAt: Instant.nullable(),
});
export type Booking = z.infer<typeof Booking>;
export const BOOKING_SORT = ['date', 'createdAt', 'code'] as const;
export const BookingFilters = {
  q: PageQuery.q,
  itemId: Id.optional(),
  slotId: Id.optional(),
  ...DateRange,
  status: z.enum(BOOKING_STATUSES).optional(),
  /** Only the caller's own bookings (what applicants always get). */
  mine: QueryBool,
  sort: sortParam(BOOKING_SORT),
};
export const BookingListQuery = z.strictObject({ ...PageQuery, ...BookingFilters });
export type BookingListQuery = z.infer<typeof BookingListQuery>;
export const BookingExportQuery = z.strictObject({ ...BookingFilters, lang: Lang });

// ---- consultations (咨询) and the FAQ
export const CONSULTATION_STATUSES = ['open', 'answered'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, [zh: string, en: string]> = { open: ['待答复', 'Awaiting answer'], answered: ['已答复', 'Answered'] };
export const CONSULTATION_ACTIONS = ['publish', 'unpublish'] as const;
export type ConsultationAction = 'answer' | (typeof CONSULTATION_ACTIONS)[number];
export const CONSULTATION_ACTION_LABELS: Record<ConsultationAction, [zh: string, en: string]> = { answer: ['答复', 'Answer'], publish: ['发布', 'Publish'], unpublish: ['撤下', 'Unpublish'] };
/** Whether an answer is in the public FAQ (常见问题). */
export const FAQ_STATE_LABELS: Record<'published' | 'unpublished', [zh: string, en: string]> = { published: ['已发布', 'Published'], unpublished: ['未发布', 'Not published'] };

export const ConsultationInput = z.strictObject({ itemId: Id.nullable().optional(), title: Text(2, 100), question: Text(2, 2000) });
export type ConsultationInput = z.infer<typeof ConsultationInput>;
export const AnswerInput = z.strictObject({ answer: Text(2, 5000) });
export const Consultation = z.object({
  id: Id,
  itemId: Id.nullable(),
  itemName: z.string().nullable(),
  title: z.string(),
  question: z.string(),
  askedBy: Id.nullable(),
  askerName: z.string(),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  askedOn: DateString,
  status: z.enum(CONSULTATION_STATUSES),
  answer: z.string().nullable(),
  answererName: z.string().nullable(),
  answeredAt: Instant.nullable(),
  published: z.boolean(),
  publishedAt: Instant.nullable(),
  createdAt: Instant,
});
export type Consultation = z.infer<typeof Consultation>;
export const CONSULTATION_SORT = ['askedOn', 'answeredAt'] as const;
export const ConsultationFilters = {
  q: PageQuery.q,
  itemId: Id.optional(),
  status: z.enum(CONSULTATION_STATUSES).optional(),
  published: QueryBool,
  ...DateRange,
  sort: sortParam(CONSULTATION_SORT),
};
export const ConsultationListQuery = z.strictObject({ ...PageQuery, ...ConsultationFilters });
export type ConsultationListQuery = z.infer<typeof ConsultationListQuery>;
export const ConsultationExportQuery = z.strictObject({ ...ConsultationFilters, lang: Lang });

export const FaqEntry = z.object({ id: Id, itemId: Id.nullable(), itemName: z.string().nullable(), title: z.string(), question: z.string(), answer: z.string(), publishedAt: Instant });
export type FaqEntry = z.infer<typeof FaqEntry>;
export const FaqQuery = z.strictObject({
  ...PageQuery,
  /** The zone's code; signed-in callers may leave it out (their own zone). */
  zone: z.string().trim().min(2).max(32).optional(),
  itemId: Id.optional(),
});
export type FaqQuery = z.infer<typeof FaqQuery>;

// ---- agency service (帮办代办) for key construction projects
export const AGENCY_STAGES = ['project_approval', 'land_planning', 'engineering_planning', 'construction_permit', 'completion_acceptance', 'production'] as const;
export type AgencyStage = (typeof AGENCY_STAGES)[number];
export const AGENCY_STAGE_LABELS: Record<AgencyStage, [zh: string, en: string]> = {
  project_approval: ['立项', 'Project approval'],
  land_planning: ['用地规划', 'Land and planning'],
  engineering_planning: ['工程规划', 'Engineering planning'],
  construction_permit: ['施工许可', 'Construction permit'],
  completion_acceptance: ['竣工验收', 'Completion acceptance'],
  production: ['投产', 'Production'],
};
export const STAGE_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];
/** The `completed` stage filter: every stage done, the project in production. */
export const AGENCY_COMPLETED_LABEL: [zh: string, en: string] = ['已投产', 'In production'];
/** Agency service is always free of charge. */
export const AGENCY_FEE_LABEL: [zh: string, en: string] = ['免费', 'Free of charge'];
export const STAGE_STATUS_LABELS: Record<StageStatus, [zh: string, en: string]> = { pending: ['未开始', 'Pending'], in_progress: ['办理中', 'In progress'], done: ['已完成', 'Done'] };

export const AgencyCaseInput = z.strictObject({
  projectName: Name,
  enterpriseId: Id,
  investmentFen: Fen,
  parkId: Id.nullable().optional(),
  /** The agent (帮办员): an approval officer of the zone. */
  agentId: Id,
  note: OptionalText(500),
});
export type AgencyCaseInput = z.infer<typeof AgencyCaseInput>;
export const AgencyCasePatch = z.strictObject({
  projectName: Name.optional(),
  enterpriseId: Id.optional(),
  investmentFen: Fen.optional(),
  parkId: Id.nullable().optional(),
  agentId: Id.optional(),
  note: OptionalText(500),
});
export type AgencyCasePatch = z.infer<typeof AgencyCasePatch>;
export const AgencyStagePatch = z.strictObject({
  stage: z.enum(AGENCY_STAGES),
  status: z.enum(STAGE_STATUSES).optional(),
  plannedOn: DateString.nullable().optional(),
  actualOn: DateString.nullable().optional(),
  note: OptionalText(500),
  applicationIds: z.array(Id).max(30).optional(),
});
export type AgencyStagePatch = z.infer<typeof AgencyStagePatch>;

export const LinkedApplication = z.object({ id: Id, number: z.string().nullable(), itemName: z.string(), status: z.string() });
export const AgencyStageView = z.object({
  stage: z.enum(AGENCY_STAGES),
  status: z.enum(STAGE_STATUSES),
  plannedOn: DateString.nullable(),
  actualOn: DateString.nullable(),
  note: z.string().nullable(),
  applications: z.array(LinkedApplication),
});
export type AgencyStageView = z.infer<typeof AgencyStageView>;
export const AgencyCase = z.object({
  id: Id,
  projectName: z.string(),
  enterpriseId: Id,
  enterpriseName: z.string().nullable(),
  investmentFen: z.number().int(),
  parkId: Id.nullable(),
  parkName: z.string().nullable(),
  agentId: Id,
  agentName: z.string().nullable(),
  /** Agency service is always free of charge (免费). */
  free: z.literal(true),
  note: z.string().nullable(),
  /** The first stage not done; null when the project is in production. */
  currentStage: z.enum(AGENCY_STAGES).nullable(),
  stages: z.array(AgencyStageView),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AgencyCase = z.infer<typeof AgencyCase>;
export const AGENCY_SORT = ['projectName', 'investmentFen', 'createdAt', 'updatedAt'] as const;
export const AgencyFilters = {
  q: PageQuery.q,
  /** The stage a case is in; `completed` for cases with every stage done. */
  stage: z.enum([...AGENCY_STAGES, 'completed']).optional(),
  agentId: Id.optional(),
  parkId: Id.optional(),
  enterpriseId: Id.optional(),
  sort: sortParam(AGENCY_SORT),
};
export const AgencyListQuery = z.strictObject({ ...PageQuery, ...AgencyFilters });
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;
export const AgencyExportQuery = z.strictObject({ ...AgencyFilters, lang: Lang });

// ---- batch employment registration (线上就业登记) of returning workers
export const EmploymentRegistration = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string().nullable(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  returnedOn: DateString,
  registeredOn: DateString,
  createdAt: Instant,
  updatedAt: Instant,
});
export type EmploymentRegistration = z.infer<typeof EmploymentRegistration>;
export const EMPLOYMENT_SORT = ['returnedOn', 'registeredOn', 'name'] as const;
export const EmploymentFilters = {
  /** A name fragment, or an exact resident ID number or phone (found through the blind index). */
  q: PageQuery.q,
  enterpriseId: Id.optional(),
  returnedFrom: DateString.optional(),
  returnedTo: DateString.optional(),
  sort: sortParam(EMPLOYMENT_SORT),
};
export const EmploymentListQuery = z.strictObject({ ...PageQuery, ...EmploymentFilters });
export type EmploymentListQuery = z.infer<typeof EmploymentListQuery>;
export const EmploymentExportQuery = z.strictObject({ ...EmploymentFilters, lang: Lang });
export const RevealedPerson = z.object({ idNumber: z.string(), phone: z.string() });

// ---- counts for the services statistics
export const ServicesExtrasCounts = z.object({ appointments: z.number().int(), consultations: z.number().int(), employmentRegistrations: z.number().int() });
export type ServicesExtrasCounts = z.infer<typeof ServicesExtrasCounts>;
