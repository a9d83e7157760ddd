// Applications (办件) for service items: the applicant's draft, materials and form; the state
// machine the approval bureau moves them through; e-licences; public progress lookup and licence
// verification; notifications; statistics with their definitions.
import { z } from 'zod';
import { DateString, Id, Instant, Name, OptionalText, PageQuery, Ratio, sortParam } from './common.js';
import {
  APPLICANT_TYPES,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  CHANNELS,
  DELIVERIES,
  FILE_TYPES,
  LICENCE_STATUSES,
  SERVICE_CATEGORIES,
} from './domain.js';
import { Phone } from './org.js';
import { RESUMPTION_NOTIFICATION_KINDS } from './resumption.js';
import { INSPECTION_NOTIFICATION_KINDS } from './inspections.js';
import { isValidResidentId } from './validators.js';

/** Values of an item's extra form fields, by field key; checked against the item's definitions. */
export const FormValues = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));
export type FormValues = z.infer<typeof FormValues>;

export const ResidentId = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidResidentId, { message: 'v.resident_id' });

/** Who applies: enterprise users for their own enterprise, or a person (at the counter or by mail). */
export const ApplicantInput = z.strictObject({
  name: Name,
  phone: Phone,
  /** A person's resident ID (居民身份证号), GB 11643; not used for enterprises. */
  idNumber: ResidentId.nullable().optional(),
});

export const ApplicationCreateInput = z.strictObject({
  itemId: Id,
  applicantType: z.enum(APPLICANT_TYPES).default('enterprise'),
  /** Officers recording a counter or mail application name the enterprise; enterprise users apply for their own. */
  enterpriseId: Id.nullable().optional(),
  /** The contact person and phone: the phone's last 4 digits unlock the public progress lookup. */
  applicant: ApplicantInput,
  /** online for applicants; officers record counter and mail applications. */
  channel: z.enum(CHANNELS).default('online'),
  delivery: z.enum(DELIVERIES).default('electronic'),
  mailAddress: OptionalText(200),
  form: FormValues.default({}),
});
export type ApplicationCreateInput = z.infer<typeof ApplicationCreateInput>;

/** Changes to a draft (or, in correction, to the fields the officer marked). */
export const ApplicationPatch = z.strictObject({
  applicant: ApplicantInput.optional(),
  delivery: z.enum(DELIVERIES).optional(),
  mailAddress: OptionalText(200),
  form: FormValues.optional(),
});
export type ApplicationPatch = z.infer<typeof ApplicationPatch>;

/** One point of a correction request (补正): a material or a field, with guidance. */
export const CorrectionPoint = z.strictObject({
  target: z.enum(['material', 'field']),
  key: z.string().min(1).max(40),
  comment: z.string().trim().min(2).max(500),
});
export type CorrectionPoint = z.infer<typeof CorrectionPoint>;

export const ApplicationActionParams = z.strictObject({ id: Id, action: z.enum(APPLICATION_ACTIONS) });
/**
 * The body of a state change. `reason` is required to refuse and to deny, `corrections` (at least
 * one) to request a correction; `eSign` on submit signs a fully-electronic item's application.
 */
export const ApplicationActionBody = z.strictObject({
  comment: OptionalText(1000),
  reason: z.string().trim().min(2).max(1000).optional(),
  corrections: z.array(CorrectionPoint).min(1).max(50).optional(),
  eSign: z.boolean().optional(),
});
export type ApplicationActionBody = z.infer<typeof ApplicationActionBody>;

export const BulkAcceptBody = z.strictObject({ ids: z.array(Id).min(1).max(200) });
export const BulkAcceptResult = z.object({
  accepted: z.array(Id),
  failed: z.array(z.object({ id: Id, code: z.string(), message: z.string() })),
});
export const AssignBody = z.strictObject({ assigneeId: Id.nullable() });

export const ApplicationMaterial = z.object({
  id: Id,
  key: z.string(),
  fileId: Id,
  name: z.string(),
  type: z.enum(FILE_TYPES),
  size: z.number().int(),
  uploadedAt: Instant,
});
export type ApplicationMaterial = z.infer<typeof ApplicationMaterial>;
export const MaterialParams = z.strictObject({ id: Id, key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { message: 'v.key' }) });
export const MaterialIdParams = z.strictObject({ id: Id, materialId: Id });

export const ApplicationEvent = z.object({
  id: Id,
  at: Instant,
  actorName: z.string().nullable(),
  action: z.string().describe('a state-machine action, or create / assign / issue_licence / revoke_licence'),
  fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
  toStatus: z.enum(APPLICATION_STATUSES).nullable(),
  comment: z.string().nullable(),
  corrections: z.array(CorrectionPoint).nullable(),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

export const Licence = z.object({
  id: Id,
  applicationId: Id,
  number: z.string().describe('the certificate number printed on it'),
  code: z.string().describe('the unguessable code in the QR and the verification address'),
  licenceName: z.string(),
  holderName: z.string(),
  itemName: z.string(),
  issuedOn: DateString,
  status: z.enum(LICENCE_STATUSES),
  revokedAt: Instant.nullable(),
  revokeReason: z.string().nullable(),
  verifyUrl: z.string(),
});
export type Licence = z.infer<typeof Licence>;
export const RevokeBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

/** "Due" as the workbench shows it, as of today in the zone. */
export const DUE_STATES = ['none', 'ok', 'soon', 'today', 'overdue', 'paused'] as const;

const applicationCore = {
  id: Id,
  number: z.string().nullable().describe('SV-YYYYMMDD-NNNNNN, given at submission; unique per zone'),
  status: z.enum(APPLICATION_STATUSES),
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  department: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  applicantType: z.enum(APPLICANT_TYPES),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  applicantName: z.string(),
  applicantPhoneMasked: z.string(),
  channel: z.enum(CHANNELS),
  delivery: z.enum(DELIVERIES),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  submittedAt: Instant.nullable(),
  acceptedOn: DateString.nullable(),
  dueDate: DateString.nullable().describe('accepted day + promised working days + the working days spent in correction'),
  dueState: z.enum(DUE_STATES),
  completedOn: DateString.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const ApplicationSummary = z.object(applicationCore);
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

/** The item as it was when the application was made: later catalogue edits do not change it. */
export const ItemSnapshot = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  legalDays: z.number().int(),
  promisedDays: z.number().int(),
  materials: z.array(z.object({ key: z.string(), name: z.string(), required: z.boolean(), fileTypes: z.array(z.enum(FILE_TYPES)), note: z.string().nullable().optional() })),
  fields: z.array(z.object({ key: z.string(), label: z.string(), type: z.string(), required: z.boolean(), options: z.array(z.string()).optional(), help: z.string().nullable().optional() })),
  fullyElectronic: z.boolean(),
  licenceName: z.string().nullable(),
});
export type ItemSnapshot = z.infer<typeof ItemSnapshot>;

export const Application = z.object({
  ...applicationCore,
  item: ItemSnapshot,
  mailAddress: z.string().nullable(),
  form: FormValues,
  eSigned: z.boolean(),
  refuseReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** The open correction request, while the status is `correction` (and kept after for reference). */
  corrections: z.array(CorrectionPoint),
  pausedDays: z.number().int().describe('working days the clock stood still in correction'),
  materials: z.array(ApplicationMaterial),
  events: z.array(ApplicationEvent),
  licence: Licence.nullable(),
  /** What the asking user may do now. */
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
});
export type Application = z.infer<typeof Application>;

export const APPLICATION_SORT = ['number', 'submittedAt', 'dueDate', 'status', 'updatedAt'] as const;
export const ApplicationFilters = {
  q: PageQuery.q.describe('number, applicant, enterprise or item name'),
  /** One status or several, comma-separated (accepted,under_review). */
  status: z
    .string()
    .transform((v) => v.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(APPLICATION_STATUSES)).min(1).max(APPLICATION_STATUSES.length))
    .optional()
    .describe('one status, or several comma-separated'),
  /** open = submitted … resubmitted (not final, not draft). */
  open: z.stringbool().optional(),
  itemId: Id.optional(),
  department: z.string().trim().max(100).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  /** An officer's id, or `none` for applications nobody has taken. */
  assigneeId: z.union([Id, z.literal('none')]).optional(),
  due: z.enum(['overdue', 'today', 'soon']).optional(),
  from: DateString.optional().describe('submitted on or after'),
  to: DateString.optional().describe('submitted on or before'),
  sort: sortParam(APPLICATION_SORT),
};
export const ApplicationListQuery = z.strictObject({ ...PageQuery, ...ApplicationFilters });
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;
export const ApplicationExportQuery = z.strictObject({ ...ApplicationFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });
export type ApplicationFilter = Omit<ApplicationListQuery, 'page' | 'pageSize'>;

/** Counts per status and due state for the workbench's queue tabs. */
export const ApplicationQueueCounts = z.object({
  byStatus: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
  dueToday: z.number().int(),
  dueSoon: z.number().int(),
  mine: z.number().int(),
  unassigned: z.number().int(),
});

// ---- public: progress lookup and licence verification (no login)
export const ProgressLookupBody = z.strictObject({
  /** The zone's code, from the link or QR the applicant was given; numbers are unique per zone. */
  zone: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'v.zone_code' }).optional(),
  number: z.string().trim().toUpperCase().regex(/^SV-\d{8}-\d{6}$/, { message: 'v.application_number' }),
  phoneLast4: z.string().regex(/^\d{4}$/, { message: 'v.phone_last4' }),
});
export const ApplicationProgress = z.object({
  number: z.string(),
  itemName: z.string(),
  department: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: Instant.nullable(),
  dueDate: DateString.nullable(),
  completedOn: DateString.nullable(),
  steps: z.array(z.object({ at: Instant, toStatus: z.enum(APPLICATION_STATUSES) })),
});
export type ApplicationProgress = z.infer<typeof ApplicationProgress>;
export const LicenceCodeParams = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'v.licence_code' }) });
export const LicenceVerification = z.object({
  genuine: z.boolean().describe('a licence with this code was issued by a zone on this platform'),
  status: z.enum(LICENCE_STATUSES).nullable(),
  zoneName: z.string().nullable(),
  licenceName: z.string().nullable(),
  number: z.string().nullable(),
  holderName: z.string().nullable(),
  itemName: z.string().nullable(),
  issuedOn: DateString.nullable(),
  revokedOn: DateString.nullable(),
});
export type LicenceVerification = z.infer<typeof LicenceVerification>;

// ---- notifications (the bell)
export const NOTIFICATION_KINDS = [
  'application.accepted',
  'application.refused',
  'application.correction',
  'application.approved',
  'application.denied',
  'application.resubmitted',
  'application.submitted',
  'application.due_soon',
  'application.assigned',
  ...RESUMPTION_NOTIFICATION_KINDS,
  ...INSPECTION_NOTIFICATION_KINDS,
] as const;
export const Notification = z.object({
  id: Id,
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.string()),
  entityType: z.string(),
  entityId: Id,
  readAt: Instant.nullable(),
  createdAt: Instant,
});
export type Notification = z.infer<typeof Notification>;
export const NotificationListQuery = z.strictObject({ unread: z.stringbool().optional(), page: PageQuery.page, pageSize: PageQuery.pageSize });
export const UnreadCount = z.object({ unread: z.number().int() });

// ---- statistics
export const ServiceStatsQuery = z
  .strictObject({
    from: DateString,
    to: DateString,
    department: z.string().trim().max(100).optional(),
    itemId: Id.optional(),
    channel: z.enum(CHANNELS).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'v.range', path: ['to'] });
export type ServiceStatsQuery = z.infer<typeof ServiceStatsQuery>;
export const ServiceStatsExportQuery = z.strictObject({
  from: DateString,
  to: DateString,
  department: z.string().trim().max(100).optional(),
  itemId: Id.optional(),
  channel: z.enum(CHANNELS).optional(),
  lang: z.enum(['zh-CN', 'en-US']).optional(),
});

/** A rate given exactly: value = numerator / denominator (null when the denominator is 0). */

export const STATS_DEFINITIONS = {
  received: 'applications accepted (受理) with the acceptance day in [from, to]',
  completed: 'applications approved (办结) with the completion day in [from, to]',
  completedOnline: 'of the received, those approved (办结) that came through the online channel and were delivered electronically or by mail: nobody came to a counter',
  noContactRate: 'completedOnline / received',
  fullyElectronicRate: 'completed that were online, e-signed and whose licence was issued electronically / all completed, per item category (an item that issues no licence counts as e-licensed when delivered electronically)',
  avgWorkingDays: 'mean over the completed of the working days from acceptance to completion, less the working days spent in correction',
  overdueOpen: 'accepted, not yet decided, and past the due date on `to` (or today, if earlier)',
  completedLate: 'completed after their due date',
  correctionRate: 'received that were asked for a correction (补正) at least once / received',
  appointments: 'appointments booked for a day in [from, to], not cancelled',
  consultations: 'consultations asked in [from, to]',
  employmentRegistrations: 'returning workers registered (就业登记) online in [from, to]',
} as const;

export const ServiceStats = z.object({
  from: DateString,
  to: DateString,
  received: z.number().int().describe(STATS_DEFINITIONS.received),
  completed: z.number().int().describe(STATS_DEFINITIONS.completed),
  completedOnline: z.number().int().describe(STATS_DEFINITIONS.completedOnline),
  noContactRate: Ratio.describe(STATS_DEFINITIONS.noContactRate),
  fullyElectronicRate: Ratio.describe('over all categories; ' + STATS_DEFINITIONS.fullyElectronicRate),
  fullyElectronicByCategory: z.array(z.object({ category: z.enum(SERVICE_CATEGORIES), rate: Ratio })),
  avgWorkingDays: z.object({ totalDays: z.number().int(), count: z.number().int(), value: z.number().nullable() }).describe(STATS_DEFINITIONS.avgWorkingDays),
  overdueOpen: z.number().int().describe(STATS_DEFINITIONS.overdueOpen),
  completedLate: z.number().int().describe(STATS_DEFINITIONS.completedLate),
  correctionRate: Ratio.describe(STATS_DEFINITIONS.correctionRate),
  appointments: z.number().int().describe(STATS_DEFINITIONS.appointments),
  consultations: z.number().int().describe(STATS_DEFINITIONS.consultations),
  employmentRegistrations: z.number().int().describe(STATS_DEFINITIONS.employmentRegistrations),
  byDay: z.array(z.object({ date: DateString, received: z.number().int(), completed: z.number().int() })),
  byDepartment: z.array(z.object({ department: z.string(), received: z.number().int(), completed: z.number().int(), completedOnline: z.number().int() })),
  byChannel: z.array(z.object({ channel: z.enum(CHANNELS), received: z.number().int() })),
});
export type ServiceStats = z.infer<typeof ServiceStats>;
