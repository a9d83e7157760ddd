// Checkpoint QR registration (卡口登记): checkpoints with a QR code, the public phone form, staff
// entry, abnormal cases raised by a temperature ≥ 37.3 °C or a positive declaration (pushed live to
// the duty console), passes per floor (出入证), movement tracing (活动轨迹) with possible contacts
// (密接), risk zoning of grid units (分区分级分类), retention, and the statistics.
import { z } from 'zod';
import { DateString, Id, Instant, isPrintableText, Name, OptionalText, PageQuery, Ratio, sortParam } from './common.js';
import { ResidentId } from './applications.js';
import { RISK_LEVELS } from './inspections.js';
import { Phone } from './org.js';
import { isValidPlate } from './validators.js';

type Labels<T extends string> = Record<T, [zh: string, en: string]>;
const Lang = z.enum(['zh-CN', 'en-US']).optional();

// ---- vocabularies
export const CHECKPOINT_KINDS = ['highway_exit', 'city_road', 'park_gate', 'building_gate', 'community_gate', 'mobile_team'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
export const CHECKPOINT_KIND_LABELS: Labels<CheckpointKind> = {
  highway_exit: ['高速出入口', 'Highway exit'],
  city_road: ['城市道路', 'City road'],
  park_gate: ['园区门岗', 'Park gate'],
  building_gate: ['楼宇门岗', 'Building gate'],
  community_gate: ['小区门岗', 'Community gate'],
  mobile_team: ['流动排查', 'Mobile screening team'],
};
/** active ⇄ service point (服务点) → closed; a closed checkpoint may reopen. Every change is kept. */
export const CHECKPOINT_STATUSES = ['active', 'service_point', 'closed'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];
export const CHECKPOINT_STATUS_LABELS: Labels<CheckpointStatus> = {
  active: ['运行中', 'Active'],
  service_point: ['服务点', 'Service point'],
  closed: ['已撤除', 'Closed'],
};
export const ID_KINDS = ['resident_id', 'passport', 'other'] as const;
export type IdKind = (typeof ID_KINDS)[number];
export const ID_KIND_LABELS: Labels<IdKind> = { resident_id: ['居民身份证', 'Resident ID card'], passport: ['护照', 'Passport'], other: ['其他证件', 'Other document'] };
export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Labels<Direction> = { in: ['进入', 'In'], out: ['离开', 'Out'] };
export const REGISTRATION_SOURCES = ['public', 'staff', 'pass'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];
export const REGISTRATION_SOURCE_LABELS: Labels<RegistrationSource> = { public: ['扫码自助', 'Self (QR)'], staff: ['工作人员代登', 'By staff'], pass: ['出入证', 'Pass'] };
/** green: passed; yellow: a symptom or travel that needs attention; red: fever or contact with cases. */
export const SCREEN_RESULTS = ['green', 'yellow', 'red'] as const;
export type ScreenResult = (typeof SCREEN_RESULTS)[number];
export const SCREEN_RESULT_LABELS: Labels<ScreenResult> = { green: ['通过', 'Passed'], yellow: ['需关注', 'Needs attention'], red: ['异常，请配合处置', 'Abnormal: please follow staff instructions'] };
/** What raised a case: a measured temperature ≥ 37.3 °C, or a positive declaration. */
export const ALERT_REASONS = ['temperature', 'fever', 'cough', 'contact', 'high_risk_travel'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];
export const ALERT_REASON_LABELS: Labels<AlertReason> = {
  temperature: ['体温异常', 'High temperature'],
  fever: ['自述发热', 'Declared fever'],
  cough: ['咳嗽等症状', 'Cough or other symptoms'],
  contact: ['接触过病例', 'Contact with cases'],
  high_risk_travel: ['14 天内到过高风险地区', 'High-risk region within 14 days'],
};
/** The fever threshold (reference facts: 37.3 °C), in tenths of a degree. */
export const FEVER_TENTHS = 373;
/** open → transferred to a clinic → result recorded → closed; open may close directly with a result. */
export const CASE_STATUSES = ['open', 'transferred', 'resulted', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Labels<CaseStatus> = { open: ['待处置', 'Open'], transferred: ['已转诊', 'Transferred'], resulted: ['已出结果', 'Result recorded'], closed: ['已结案', 'Closed'] };
export const CASE_OUTCOMES = ['cleared', 'home_observation', 'isolated', 'hospitalised', 'other'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Labels<CaseOutcome> = {
  cleared: ['排除，正常通行', 'Cleared'],
  home_observation: ['居家观察', 'Home observation'],
  isolated: ['集中隔离', 'Central isolation'],
  hospitalised: ['收治入院', 'Hospitalised'],
  other: ['其他', 'Other'],
};
/** Four control classes of the zoned, graded, classified control (分区分级分类, Chongqing). */
export const CONTROL_CLASSES = ['closed', 'strict', 'checked', 'normal'] as const;
export type ControlClass = (typeof CONTROL_CLASSES)[number];
export const CONTROL_CLASS_LABELS: Labels<ControlClass> = {
  closed: ['封闭管控', 'Closed management'],
  strict: ['严格管控', 'Strict control'],
  checked: ['查验通行', 'Checked passage'],
  normal: ['常态防控', 'Normal prevention'],
};
/** The measures a class starts with; the zone may word its own. */
export const CONTROL_CLASS_MEASURES: Labels<ControlClass> = {
  closed: ['人员只进不出，实行封闭管理；生活物资统一配送；每日两次体温监测', 'Nobody leaves; supplies delivered; temperature twice a day'],
  strict: ['出入口只留一个，24 小时值守；凭证件出入并登记测温；外来人员车辆一律不得进入', 'One entrance guarded round the clock; passes, registration and temperature; no outside people or vehicles'],
  checked: ['出入口登记测温，查验健康码；外来人员登记事由', 'Registration and temperature at entrances; health code checked; visitors state their reason'],
  normal: ['落实常态化防控措施，公共区域每日消毒', 'Usual prevention; public areas disinfected daily'],
};
export const PASS_COLOURS = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'grey'] as const;
export type PassColour = (typeof PASS_COLOURS)[number];
export const PASS_COLOUR_LABELS: Labels<PassColour> = {
  red: ['红色', 'Red'],
  orange: ['橙色', 'Orange'],
  yellow: ['黄色', 'Yellow'],
  green: ['绿色', 'Green'],
  cyan: ['青色', 'Cyan'],
  blue: ['蓝色', 'Blue'],
  purple: ['紫色', 'Purple'],
  grey: ['灰色', 'Grey'],
};
/** The colour a floor's passes get unless the building chose another: floor 1 red, 2 orange, … */
export function defaultPassColour(floor: number): PassColour {
  return PASS_COLOURS[(((floor - 1) % PASS_COLOURS.length) + PASS_COLOURS.length) % PASS_COLOURS.length]!;
}
export const PASS_STATUSES = ['active', 'revoked'] as const;
export type PassStatus = (typeof PASS_STATUSES)[number];
export const PASS_STATUS_LABELS: Labels<PassStatus> = { active: ['有效', 'Valid'], revoked: ['已注销', 'Revoked'] };
export const TRACE_KEYS = ['idNumber', 'phone', 'plate'] as const;
export type TraceKey = (typeof TRACE_KEYS)[number];
export const TRACE_KEY_LABELS: Labels<TraceKey> = { idNumber: ['证件号码', 'ID number'], phone: ['手机号码', 'Phone'], plate: ['车牌号', 'Plate'] };

/**
 * The screening result of one person: red for a measured fever, a declared fever or contact with
 * cases; yellow for other symptoms or a high-risk region within 14 days; green otherwise.
 */
export function screenResult(h: HealthDeclaration, temperatureTenths: number | null | undefined): { result: ScreenResult; reasons: AlertReason[] } {
  const reasons: AlertReason[] = [];
  if (temperatureTenths != null && temperatureTenths >= FEVER_TENTHS) reasons.push('temperature');
  if (h.fever) reasons.push('fever');
  if (h.cough) reasons.push('cough');
  if (h.contact) reasons.push('contact');
  if (h.highRiskTravel) reasons.push('high_risk_travel');
  const red = reasons.some((r) => r === 'temperature' || r === 'fever' || r === 'contact');
  return { result: red ? 'red' : reasons.length ? 'yellow' : 'green', reasons };
}

// ---- field shapes
export const Plate = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s·•-]/g, ''))
  .refine(isValidPlate, { message: 'v.plate' });
/** Passports and other documents: letters and digits, 5–20. */
const OtherDocument = z.string().trim().regex(/^[A-Za-z0-9]{5,20}$/, { message: 'v.document_number' });
/** Temperature in °C as people write it (36.5), 34.0–43.0. Stored in tenths. */
export const Temperature = z.number().min(34, { message: 'v.temperature' }).max(43, { message: 'v.temperature' });
export const HealthDeclaration = z.strictObject({
  fever: z.boolean(),
  cough: z.boolean(),
  contact: z.boolean(),
  highRiskTravel: z.boolean(),
});
export type HealthDeclaration = z.infer<typeof HealthDeclaration>;
const PersonName = z.string().trim().min(1).max(50).refine(isPrintableText, { message: 'v.control_chars' });
const PlaceText = (max: number) => z.string().trim().min(1).max(max).refine(isPrintableText, { message: 'v.control_chars' });

/** A person: the document number is checked against its kind (GB 11643 for resident IDs). */
const personShape = {
  name: PersonName,
  idKind: z.enum(ID_KINDS),
  // Upper case: a resident ID's check character X, passports' letters.
  idNumber: z.string().trim().min(1).max(20).transform((s) => s.toUpperCase()),
  phone: Phone,
};
function checkDocument(p: { idKind: IdKind; idNumber: string }, ctx: z.RefinementCtx, at: (string | number)[]) {
  const parsed = p.idKind === 'resident_id' ? ResidentId.safeParse(p.idNumber) : OtherDocument.safeParse(p.idNumber);
  if (!parsed.success) ctx.addIssue({ code: 'custom', path: [...at, 'idNumber'], message: parsed.error.issues[0]?.message ?? 'v.document_number' });
}
export const Passenger = z.strictObject({ ...personShape, phone: Phone.nullable().optional(), temperature: Temperature.nullable().optional() });
export type Passenger = z.infer<typeof Passenger>;
const registrationShape = {
  ...personShape,
  plate: Plate.nullable().optional(),
  passengers: z.array(Passenger).max(8).default([]),
  originProvince: PlaceText(20),
  originCity: PlaceText(30),
  destination: PlaceText(100),
  reason: PlaceText(100),
  direction: z.enum(DIRECTIONS),
  health: HealthDeclaration,
};
function checkPeople(v: { idKind: IdKind; idNumber: string; plate?: string | null | undefined; passengers: { idKind: IdKind; idNumber: string }[] }, ctx: z.RefinementCtx) {
  checkDocument(v, ctx, []);
  v.passengers.forEach((p, i) => checkDocument(p, ctx, ['passengers', i]));
  if (v.passengers.length && !v.plate) ctx.addIssue({ code: 'custom', path: ['plate'], message: 'v.plate_for_passengers' });
}
/** The public form (no login). */
export const PublicRegistrationInput = z.strictObject({ ...registrationShape, lang: Lang }).superRefine(checkPeople);
export type PublicRegistrationInput = z.infer<typeof PublicRegistrationInput>;
/** Staff entry: the same, with measured temperatures; or a repeat of a vehicle already registered here with new passengers. */
export const StaffRegistrationInput = z.union([
  z.strictObject({ ...registrationShape, temperature: Temperature.nullable().optional() }).superRefine(checkPeople),
  z.strictObject({
    repeatOf: Id,
    direction: z.enum(DIRECTIONS),
    temperature: Temperature.nullable().optional(),
    health: HealthDeclaration,
    passengers: z.array(Passenger).max(8).default([]),
  }).superRefine((v, ctx) => v.passengers.forEach((p, i) => checkDocument(p, ctx, ['passengers', i]))),
]);
export type StaffRegistrationInput = z.infer<typeof StaffRegistrationInput>;
/** `Idempotency-Key` header: the page makes one per submission and sends it again on a retry. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, { message: 'v.idempotency_key' });

// ---- checkpoints
export const CheckpointInput = z.strictObject({
  name: Name,
  kind: z.enum(CHECKPOINT_KINDS),
  gridUnitId: Id.nullable().optional(),
  /** The building whose passes a building-gate checkpoint reads. */
  buildingId: Id.nullable().optional(),
  location: OptionalText(200),
});
export type CheckpointInput = z.infer<typeof CheckpointInput>;
export const CheckpointPatch = CheckpointInput.partial().strict();
export const CheckpointStatusInput = z.strictObject({ status: z.enum(CHECKPOINT_STATUSES), reason: z.string().trim().min(2).max(200) });
export const CheckpointStatusEvent = z.object({ id: Id, fromStatus: z.enum(CHECKPOINT_STATUSES).nullable(), toStatus: z.enum(CHECKPOINT_STATUSES), reason: z.string().nullable(), actorName: z.string(), at: Instant });
export const GridRisk = z.object({ gridUnitId: Id, gridUnitName: z.string(), level: z.enum(RISK_LEVELS), controlClass: z.enum(CONTROL_CLASSES), measures: z.string(), since: DateString });
export type GridRisk = z.infer<typeof GridRisk>;
export const Checkpoint = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(CHECKPOINT_KINDS),
  gridUnitId: Id.nullable(),
  gridUnitName: z.string().nullable(),
  buildingId: Id.nullable(),
  buildingName: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(CHECKPOINT_STATUSES),
  /** The public registration address the QR code carries (holds the unguessable token). */
  qrUrl: z.string(),
  /** The level of its grid unit, or of the nearest unit above with one. */
  risk: GridRisk.nullable(),
  /** Registrations today (person-times) and open abnormal cases. */
  today: z.object({ persons: z.number().int(), vehicles: z.number().int(), openCases: z.number().int() }),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Checkpoint = z.infer<typeof Checkpoint>;
export const CheckpointDetail = Checkpoint.extend({ history: z.array(CheckpointStatusEvent) });
export const CheckpointListQuery = z.strictObject({
  ...PageQuery,
  kind: z.enum(CHECKPOINT_KINDS).optional(),
  status: z.enum(CHECKPOINT_STATUSES).optional(),
  gridUnitId: Id.optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  sort: sortParam(['name', 'createdAt', 'status']),
});
export const CheckpointExportQuery = CheckpointListQuery.omit({ page: true, pageSize: true }).extend({ lang: Lang }).strict();
/** A checkpoint's or a pass's QR token. */
export const QR_TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;
export const TokenParams = z.strictObject({ token: z.string().regex(QR_TOKEN_RE, { message: 'v.token' }) });

/** What the public page needs to show the form, or why it cannot. */
export const PublicCheckpoint = z.object({
  name: z.string(),
  kind: z.enum(CHECKPOINT_KINDS),
  zoneName: z.string(),
  status: z.enum(CHECKPOINT_STATUSES),
  /** False when closed: the page shows a message instead of a form. */
  open: z.boolean(),
  risk: z.object({ level: z.enum(RISK_LEVELS), controlClass: z.enum(CONTROL_CLASSES), measures: z.string() }).nullable(),
});
export const RegistrationReceipt = z.object({
  /** The registrant's registration. */
  id: Id,
  /** Six characters staff can find the registration by. */
  code: z.string(),
  at: Instant,
  checkpointName: z.string(),
  direction: z.enum(DIRECTIONS),
  /** The worst result of the people registered together. */
  result: z.enum(SCREEN_RESULTS),
  persons: z.array(z.object({ id: Id, name: z.string(), result: z.enum(SCREEN_RESULTS), reasons: z.array(z.enum(ALERT_REASONS)) })),
  plate: z.string().nullable(),
  /** True when this answer repeats the first one for the same Idempotency-Key. */
  replayed: z.boolean(),
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceipt>;

// ---- registrations (masked)
export const Registration = z.object({
  id: Id,
  code: z.string(),
  groupId: Id,
  checkpointId: Id,
  checkpointName: z.string(),
  at: Instant,
  source: z.enum(REGISTRATION_SOURCES),
  direction: z.enum(DIRECTIONS),
  name: z.string(),
  idKind: z.enum(ID_KINDS),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  plate: z.string().nullable(),
  /** Whether this row counts the vehicle (its first person); passengers share the plate. */
  isVehicle: z.boolean(),
  originProvince: z.string().nullable(),
  originCity: z.string().nullable(),
  destination: z.string().nullable(),
  reason: z.string().nullable(),
  health: HealthDeclaration,
  temperature: z.number().nullable(),
  result: z.enum(SCREEN_RESULTS),
  reasons: z.array(z.enum(ALERT_REASONS)),
  passId: Id.nullable(),
  createdByName: z.string().nullable(),
});
export type Registration = z.infer<typeof Registration>;
const RegistrationFilters = {
  checkpointId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  direction: z.enum(DIRECTIONS).optional(),
  result: z.enum(SCREEN_RESULTS).optional(),
  source: z.enum(REGISTRATION_SOURCES).optional(),
  /** A registration's six-character code, a name fragment or a plate. */
  q: z.string().trim().max(50).optional(),
};
export const RegistrationListQuery = z.strictObject({ ...PageQuery, ...RegistrationFilters, sort: sortParam(['at']) });
export const RegistrationExportQuery = z.strictObject({ ...RegistrationFilters, lang: Lang });
export const TemperatureInput = z.strictObject({ temperature: Temperature });
export const RevealInput = z.strictObject({ field: z.enum(['idNumber', 'phone']), reason: z.string().trim().min(4).max(200) });
export const Revealed = z.object({ value: z.string().nullable() });

// ---- abnormal cases (异常情况台账)
export const CaseEvent = z.object({ id: Id, action: z.string(), fromStatus: z.enum(CASE_STATUSES).nullable(), toStatus: z.enum(CASE_STATUSES), note: z.string().nullable(), actorName: z.string(), at: Instant });
export const AbnormalCase = z.object({
  id: Id,
  number: z.string(),
  registrationId: Id.nullable(),
  checkpointId: Id,
  checkpointName: z.string(),
  at: Instant,
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  plate: z.string().nullable(),
  temperature: z.number().nullable(),
  reasons: z.array(z.enum(ALERT_REASONS)),
  result: z.enum(SCREEN_RESULTS),
  status: z.enum(CASE_STATUSES),
  clinic: z.string().nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  note: z.string().nullable(),
  closedAt: Instant.nullable(),
  updatedAt: Instant,
});
export type AbnormalCase = z.infer<typeof AbnormalCase>;
export const CaseDetail = AbnormalCase.extend({ events: z.array(CaseEvent) });
const CaseFilters = {
  status: z.enum(CASE_STATUSES).optional(),
  checkpointId: Id.optional(),
  reason: z.enum(ALERT_REASONS).optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  q: z.string().trim().max(50).optional(),
};
export const CaseListQuery = z.strictObject({ ...PageQuery, ...CaseFilters, sort: sortParam(['at', 'updatedAt']) });
export const CaseExportQuery = z.strictObject({ ...CaseFilters, lang: Lang });
export const CaseActionParams = z.strictObject({ id: Id, action: z.enum(['transfer', 'result', 'close']) });
/** transfer: clinic required; result: outcome required; close: outcome required when closing an open case. */
export const CaseActionInput = z.strictObject({
  clinic: OptionalText(100),
  outcome: z.enum(CASE_OUTCOMES).nullable().optional(),
  note: OptionalText(500),
});
/** What the duty console receives over server-sent events (`event: alert`). */
export const AlertEvent = z.object({ caseId: Id, number: z.string(), checkpointId: Id, checkpointName: z.string(), at: Instant, name: z.string(), temperature: z.number().nullable(), reasons: z.array(z.enum(ALERT_REASONS)), result: z.enum(SCREEN_RESULTS) });
export type AlertEvent = z.infer<typeof AlertEvent>;

// ---- passes (出入证)
export const PassInput = z.strictObject({
  buildingId: Id,
  floor: z.number().int().min(-5).max(200),
  enterpriseId: Id.nullable().optional(),
  holderName: PersonName,
  idKind: z.enum(ID_KINDS),
  idNumber: z.string().trim().min(1).max(20).transform((s) => s.toUpperCase()),
  phone: Phone,
  validUntil: DateString.nullable().optional(),
}).superRefine((v, ctx) => checkDocument(v, ctx, []));
export type PassInput = z.infer<typeof PassInput>;
export const Pass = z.object({
  id: Id,
  number: z.string(),
  buildingId: Id,
  buildingName: z.string(),
  floor: z.number().int(),
  colour: z.enum(PASS_COLOURS),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  holderName: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: z.enum(PASS_STATUSES),
  validUntil: DateString.nullable(),
  revokedReason: z.string().nullable(),
  /** The address its QR code carries. */
  qrUrl: z.string(),
  lastScanAt: Instant.nullable(),
  createdAt: Instant,
});
export type Pass = z.infer<typeof Pass>;
const PassFilters = { buildingId: Id.optional(), floor: z.coerce.number().int().optional(), status: z.enum(PASS_STATUSES).optional(), q: z.string().trim().max(50).optional() };
export const PassListQuery = z.strictObject({ ...PageQuery, ...PassFilters });
export const PassExportQuery = z.strictObject({ ...PassFilters, lang: Lang });
export const PassRevokeInput = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const FloorColourInput = z.strictObject({ buildingId: Id, floor: z.number().int().min(-5).max(200), colour: z.enum(PASS_COLOURS) });
export const FloorColour = z.object({ buildingId: Id, floor: z.number().int(), colour: z.enum(PASS_COLOURS) });
/** A scanned pass QR: its address or its bare token. */
export const ScanInput = z.strictObject({ code: z.string().trim().min(16).max(300), direction: z.enum(DIRECTIONS), temperature: Temperature.nullable().optional() });
export const PublicPass = z.object({ holderName: z.string(), buildingName: z.string(), floor: z.number().int(), colour: z.enum(PASS_COLOURS), status: z.enum(PASS_STATUSES), validUntil: DateString.nullable(), valid: z.boolean() });

// ---- movement tracing (活动轨迹)
export const TraceInput = z
  .strictObject({
    by: z.enum(TRACE_KEYS),
    value: z.string().trim().min(1).max(30),
    from: DateString,
    to: DateString,
    /** Possible contacts: others registered at the same checkpoint within ± this many minutes. */
    windowMinutes: z.number().int().min(1).max(240).default(30),
    reason: z.string().trim().min(4).max(200),
    lang: Lang,
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.range' });
    if (v.by === 'plate' && !isValidPlate(v.value.toUpperCase().replace(/[\s·•-]/g, ''))) ctx.addIssue({ code: 'custom', path: ['value'], message: 'v.plate' });
  });
export type TraceInput = z.infer<typeof TraceInput>;
export const TraceStop = Registration.pick({ id: true, code: true, checkpointId: true, checkpointName: true, at: true, direction: true, name: true, idNumberMasked: true, phoneMasked: true, plate: true, temperature: true, result: true, source: true });
export const TraceContact = TraceStop.extend({ nearRegistrationId: Id, minutesApart: z.number().int() });
export const TraceResult = z.object({ stops: z.array(TraceStop), contacts: z.array(TraceContact), truncated: z.boolean() });
export type TraceResult = z.infer<typeof TraceResult>;

// ---- risk zoning (分区分级分类)
export const RiskInput = z.strictObject({
  level: z.enum(RISK_LEVELS),
  controlClass: z.enum(CONTROL_CLASSES),
  measures: z.string().trim().min(2).max(1000),
  since: DateString.optional(),
  reason: z.string().trim().min(2).max(200),
});
export const RiskHistoryEntry = z.object({ id: Id, level: z.enum(RISK_LEVELS), controlClass: z.enum(CONTROL_CLASSES), measures: z.string(), since: DateString, reason: z.string(), actorName: z.string(), at: Instant });
export const GridRiskRow = z.object({
  gridUnitId: Id,
  gridUnitName: z.string(),
  gridUnitCode: z.string(),
  level: z.enum(['zone', 'street', 'community', 'group']),
  parentId: Id.nullable(),
  /** Its own current level, if set. */
  risk: GridRisk.nullable(),
  checkpoints: z.number().int(),
});
export const GridRiskListQuery = z.strictObject({ ...PageQuery, risk: z.enum(RISK_LEVELS).optional() });
/**
 * The list's filters without paging, plus the sheet's language: every matching unit as Excel.
 * `shown` filters by the level a unit shows — its own or the one it inherits ('none': neither), as
 * the console's page does; `risk` by its own level only, as the list.
 */
export const GridRiskExportQuery = z.strictObject({ q: PageQuery.q, risk: z.enum(RISK_LEVELS).optional(), shown: z.enum([...RISK_LEVELS, 'none']).optional(), lang: Lang });

// ---- settings
export const CheckpointSettings = z.object({
  retentionDays: z.number().int().min(1).max(365),
  /** Public registrations per minute from one address (carriers put many phones behind one). */
  perIpPerMinute: z.number().int().min(1).max(100000),
  perCheckpointPerMinute: z.number().int().min(1).max(1000000),
  contactWindowMinutes: z.number().int().min(1).max(240),
});
export type CheckpointSettings = z.infer<typeof CheckpointSettings>;
export const CheckpointSettingsPatch = CheckpointSettings.partial().strict();
export const PurgeReport = z.object({ day: DateString, cutoff: Instant, removed: z.number().int(), casesAnonymised: z.number().int(), byCheckpoint: z.array(z.object({ checkpointId: Id, name: z.string(), removed: z.number().int() })) });

// ---- statistics
export const CheckpointStatsQuery = z.strictObject({ from: DateString, to: DateString, checkpointId: Id.optional(), lang: Lang });
const Screened = { persons: z.number().int(), vehicles: z.number().int(), alerts: z.number().int() };
export const CheckpointStats = z.object({
  from: DateString,
  to: DateString,
  /** Person-times screened (人次) and vehicles (辆次): from the hourly rollups, which survive the purge. */
  persons: z.number().int(),
  vehicles: z.number().int(),
  alerts: z.number().int(),
  /** Registrations that raised an alert / person-times. */
  alertRate: Ratio,
  byCheckpoint: z.array(z.object({ checkpointId: Id, name: z.string(), kind: z.enum(CHECKPOINT_KINDS), status: z.enum(CHECKPOINT_STATUSES), ...Screened })),
  byDay: z.array(z.object({ day: DateString, ...Screened })),
  byHour: z.array(z.object({ hour: z.number().int(), ...Screened })),
  byProvince: z.array(z.object({ province: z.string(), persons: z.number().int(), vehicles: z.number().int() })),
  byRisk: z.array(z.object({ level: z.enum(RISK_LEVELS).nullable(), checkpoints: z.number().int(), persons: z.number().int() })),
  cases: z.object({ total: z.number().int(), open: z.number().int(), transferred: z.number().int(), resulted: z.number().int(), closed: z.number().int(), byReason: z.array(z.object({ reason: z.enum(ALERT_REASONS), count: z.number().int() })) }),
  checkpoints: z.object({ active: z.number().int(), servicePoint: z.number().int(), closed: z.number().int() }),
  definitions: z.record(z.string(), z.string()),
});
export type CheckpointStats = z.infer<typeof CheckpointStats>;

export const CHECKPOINT_NOTIFICATION_KINDS = ['checkpoint.alert'] as const;
