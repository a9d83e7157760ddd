// Government services (一网通办, 不见面审批): the catalogue of service items (事项清单) and the
// working-day calendar their time limits are counted in.
import { z } from 'zod';
import { DateString, Id, Instant, Name, OptionalText, PageQuery, QueryBool, sortParam } from './common.js';
import { APPLICANT_TYPES, CALENDAR_DAY_KINDS, FIELD_TYPES, FILE_TYPES, SERVICE_CATEGORIES } from './domain.js';

/** Item codes are matched case-insensitively: stored upper-case. */
export const ServiceItemCode = z.string().trim().toUpperCase().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, { message: 'v.item_code' });

// The catalogue's sheet writes materials and fields one per line as `a|b|c`, options as `x,y`:
// names that held those separators would not read back the same.
const noSheetSeparators = (s: string) => !/[|；\r\n]/.test(s);
const SheetName = Name.refine(noSheetSeparators, { message: 'v.sheet_separators' });
const FieldOption = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((s) => !/[|；,，、\r\n]/.test(s), { message: 'v.option_separators' });

/** A document the applicant uploads (申请材料). */
export const ServiceMaterial = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { message: 'v.key' }),
  name: SheetName,
  required: z.boolean(),
  fileTypes: z.array(z.enum(FILE_TYPES)).min(1).max(FILE_TYPES.length),
  templateFileId: Id.nullable().default(null),
  note: OptionalText(200),
});
export type ServiceMaterial = z.infer<typeof ServiceMaterial>;

/** An extra form field of an item (the small field builder). */
export const ServiceField = z
  .strictObject({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, { message: 'v.key' }),
    label: SheetName,
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    options: z.array(FieldOption).max(50).optional(),
    help: OptionalText(200),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, { message: 'v.select_needs_options', path: ['options'] });
export type ServiceField = z.infer<typeof ServiceField>;

const uniqueKeys = (list: { key: string }[]) => new Set(list.map((x) => x.key)).size === list.length;

export const ServiceItemInput = z
  .strictObject({
    code: ServiceItemCode,
    name: Name,
    department: Name,
    category: z.enum(SERVICE_CATEGORIES),
    applicantTypes: z.array(z.enum(APPLICANT_TYPES)).min(1).max(2),
    /** 法定时限, in working days. */
    legalDays: z.number().int().min(0).max(365),
    /** 承诺时限, in working days; never more than the legal limit. */
    promisedDays: z.number().int().min(0).max(365),
    materials: z.array(ServiceMaterial).max(30).refine(uniqueKeys, { message: 'v.duplicate_keys' }).default([]),
    fields: z.array(ServiceField).max(40).refine(uniqueKeys, { message: 'v.duplicate_keys' }).default([]),
    onlineEnabled: z.boolean().default(true),
    /** 全程电子化: e-signature and e-licence. */
    fullyElectronic: z.boolean().default(false),
    /** 帮办代办 for key projects. */
    agencyEligible: z.boolean().default(false),
    /** The licence an approval issues (e.g. 营业执照); null when the item issues none. */
    licenceName: z.string().trim().min(1).max(50).nullable().default(null),
    /** The online filing guide (网上办事申报流程), Markdown. */
    guide: z.string().max(20_000).default(''),
  })
  .refine((i) => i.promisedDays <= i.legalDays, { message: 'v.promised_over_legal', path: ['promisedDays'] });
export type ServiceItemInput = z.infer<typeof ServiceItemInput>;
export const ServiceItemPatch = z
  .strictObject({
    code: ServiceItemCode.optional(),
    name: Name.optional(),
    department: Name.optional(),
    category: z.enum(SERVICE_CATEGORIES).optional(),
    applicantTypes: z.array(z.enum(APPLICANT_TYPES)).min(1).max(2).optional(),
    legalDays: z.number().int().min(0).max(365).optional(),
    promisedDays: z.number().int().min(0).max(365).optional(),
    materials: z.array(ServiceMaterial).max(30).refine(uniqueKeys, { message: 'v.duplicate_keys' }).optional(),
    fields: z.array(ServiceField).max(40).refine(uniqueKeys, { message: 'v.duplicate_keys' }).optional(),
    onlineEnabled: z.boolean().optional(),
    fullyElectronic: z.boolean().optional(),
    agencyEligible: z.boolean().optional(),
    licenceName: z.string().trim().min(1).max(50).nullable().optional(),
    guide: z.string().max(20_000).optional(),
  });
export type ServiceItemPatch = z.infer<typeof ServiceItemPatch>;

export const ServiceItem = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  department: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  applicantTypes: z.array(z.enum(APPLICANT_TYPES)),
  legalDays: z.number().int(),
  promisedDays: z.number().int(),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      required: z.boolean(),
      fileTypes: z.array(z.enum(FILE_TYPES)),
      templateFileId: z.string().nullable(),
      templateFileName: z.string().nullable(),
      note: z.string().nullable().optional(),
    }),
  ),
  fields: z.array(ServiceField),
  onlineEnabled: z.boolean(),
  fullyElectronic: z.boolean(),
  agencyEligible: z.boolean(),
  licenceName: z.string().nullable(),
  guide: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ServiceItem = z.infer<typeof ServiceItem>;

export const SERVICE_ITEM_SORT = ['code', 'name', 'department', 'promisedDays', 'updatedAt'] as const;
export const ServiceItemFilters = {
  q: PageQuery.q,
  category: z.enum(SERVICE_CATEGORIES).optional(),
  department: z.string().trim().max(100).optional(),
  applicantType: z.enum(APPLICANT_TYPES).optional(),
  onlineEnabled: QueryBool,
  fullyElectronic: QueryBool,
  agencyEligible: QueryBool,
  sort: sortParam(SERVICE_ITEM_SORT),
};
export const ServiceItemListQuery = z.strictObject({ ...PageQuery, ...ServiceItemFilters });
export type ServiceItemListQuery = z.infer<typeof ServiceItemListQuery>;
export const ServiceItemExportQuery = z.strictObject({ ...ServiceItemFilters, lang: z.enum(['zh-CN', 'en-US']).optional() });

// ---- the working-day calendar
/** A day of the calendar: the years it keeps (and counts limits over) are 2000 to 2100. */
const CalendarDate = DateString.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'v.calendar_date' });
export const CalendarDay = z.object({ date: DateString, kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarYearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarYear = z.object({
  year: z.number().int(),
  /** Days that differ from Monday–Friday: holidays and swapped working days (调休). */
  days: z.array(CalendarDay),
  workingDays: z.number().int().describe('working days in the year after the exceptions'),
});
export const CalendarDayInput = z.strictObject({ kind: z.enum(CALENDAR_DAY_KINDS), name: z.string().trim().min(1).max(40) });
export const CalendarDateParams = z.strictObject({ date: CalendarDate });
export const DueDateQuery = z.strictObject({
  from: CalendarDate.describe('the day the clock starts (acceptance day, not counted)'),
  days: z.coerce.number().int().min(0).max(1000),
});
export const DueDate = z.object({ from: DateString, days: z.number().int(), due: DateString });
export const NATIONAL_CALENDARS = ['2020'] as const;
export const LoadNationalBody = z.strictObject({ year: z.enum(NATIONAL_CALENDARS), extendedSpringFestival: z.boolean().default(true) });

// ---- stored files (templates now, application materials later)
export const FILE_PURPOSES = ['service_template'] as const;
export const StoredFile = z.object({
  id: Id,
  name: z.string(),
  type: z.enum(FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: Instant,
});
export type StoredFile = z.infer<typeof StoredFile>;
export const FileUploadQuery = z.strictObject({ purpose: z.enum(FILE_PURPOSES) });
