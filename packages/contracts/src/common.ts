import { z } from 'zod';

/** UUIDv7 ids are made by the application (ARCHITECTURE §4). */
export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

/** Calendar date in the zone's time zone. */
export const DateString = z.iso.date();
/** Epoch milliseconds. */
export const Instant = z.number().int().nonnegative();
/** Money is integer fen (分). */
export const Fen = z.number().int().min(0).max(9e15);

/**
 * False when text holds a C0 control character other than tab and line breaks, or DEL: none
 * belongs in what people type, and PostgreSQL cannot store NUL at all.
 */
export function isPrintableText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

export const Name = z.string().trim().min(1).max(100).refine(isPrintableText, { message: 'v.control_chars' });
export const OptionalText = (max: number) => z.string().trim().max(max).refine(isPrintableText, { message: 'v.control_chars' }).nullable().optional();

export const PageQuery = {
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** `sort=field:asc|desc` over a fixed list of fields. */
export function sortParam<const F extends readonly [string, ...string[]]>(fields: F) {
  return z
    .string()
    .regex(new RegExp(`^(${fields.join('|')}):(asc|desc)$`), { message: 'v.sort' })
    .optional()
    .describe(`field:asc|desc, field one of ${fields.join(', ')}`);
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export type ListResult<T> = { items: T[]; total: number; page: number; pageSize: number };

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Boolean flags in query strings: true/false/1/0. */
export const QueryBool = z.stringbool().optional();

export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const ImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ImportRowError),
  /** Users created by an import: their generated passwords, shown once. */
  credentials: z.array(z.object({ username: z.string(), password: z.string() })).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;
export const ImportQuery = z.strictObject({ dryRun: z.stringbool().default(true) });

export const RevealBody = z.strictObject({ reason: z.string().trim().min(4).max(200) });

export const Ok = z.object({ ok: z.literal(true) });

/** A figure computed from rows: value = numerator / denominator, null when the denominator is 0. */
export const Ratio = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable() });
export type Ratio = z.infer<typeof Ratio>;
