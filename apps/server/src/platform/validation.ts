// Request validation with zod, and the localized wording of its issues. Messages are made when
// the error is answered, because only then is the request's language known.
import type { FastifySchemaCompiler } from 'fastify';
import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import { hasMessage, isPrintableText, translate, type Lang } from '@shuangsheng/contracts';
import { ValidationError, type FieldIssue } from './errors.js';

export class SchemaValidationError extends ValidationError {
  constructor(
    readonly zodIssues: $ZodIssue[],
    readonly part: string,
  ) {
    super([]);
  }
}

/**
 * The path of the first string in `data` with a control character, or null. Walked with a stack
 * of its own and parent links (a 1 MB body may nest arrays half a million deep); the path is
 * built only for the string found.
 */
function unprintablePath(data: unknown): PropertyKey[] | null {
  type Node = { value: unknown; key: PropertyKey | null; parent: Node | null };
  const todo: Node[] = [{ value: data, key: null, parent: null }];
  while (todo.length > 0) {
    const node = todo.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (isPrintableText(value)) continue;
      const path: PropertyKey[] = [];
      for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.push(n.key);
      return path.reverse();
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        todo.push({ value: child, key: Array.isArray(value) ? Number(key) : key, parent: node });
      }
    }
  }
  return null;
}

export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    // The body, query and params of every request, whatever their schema says: text with control
    // characters is refused here, before it can reach SQL. (Headers cannot carry them.)
    const unprintable = httpPart === 'headers' ? null : unprintablePath(data);
    if (unprintable) {
      const issue = { code: 'custom', path: unprintable, message: 'v.control_chars', input: undefined } as unknown as $ZodIssue;
      return { error: new SchemaValidationError([issue], httpPart ?? 'body') };
    }
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new SchemaValidationError(result.error.issues.map((issue) => asMissing(issue, data)), httpPart ?? 'body') };
  };

/**
 * A field the request left out is "required", whatever a coercion or enum made of its absence
 * (a missing `?year=` is coerced to NaN, a missing enum is "not one of").
 */
function asMissing(issue: $ZodIssue, data: unknown): $ZodIssue {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value') return issue;
  let value: unknown = data;
  for (const key of issue.path) {
    if (value === null || typeof value !== 'object') return issue;
    value = (value as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  return value === undefined ? ({ ...issue, code: 'invalid_type', input: undefined } as unknown as $ZodIssue) : issue;
}

type AnyIssue = $ZodIssue & Record<string, unknown>;

function typeName(lang: Lang, t: unknown): string {
  const key = `type.${String(t)}`;
  return hasMessage(key) ? translate(lang, key) : String(t);
}

/** One zod issue → one localized sentence about one field. */
export function describeIssue(issue: $ZodIssue, lang: Lang): { path: string; message: string } {
  const i = issue as AnyIssue;
  const path = issue.path.map(String).join('.');
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key, params);
  let message: string;
  if (hasMessage(issue.message)) {
    message = t(issue.message);
  } else {
    switch (issue.code) {
      case 'invalid_type':
        message = i.input === undefined ? t('v.required') : t('v.type', { expected: typeName(lang, i.expected) });
        break;
      case 'too_big': {
        const max = String(i.maximum);
        message = i.origin === 'string' ? t('v.too_long', { max }) : i.origin === 'array' ? t('v.array_too_long', { max }) : t('v.too_big', { max });
        break;
      }
      case 'too_small': {
        const min = String(i.minimum);
        if (i.origin === 'string') message = Number(i.minimum) === 1 ? t('v.required') : t('v.too_short', { min });
        else if (i.origin === 'array') message = t('v.array_too_short', { min });
        else message = t('v.too_small', { min });
        break;
      }
      case 'invalid_value':
        message = t('v.enum', { values: (i.values as unknown[]).map(String).join(', ') });
        break;
      case 'unrecognized_keys':
        message = t('v.unknown_keys', { keys: (i.keys as string[]).join(', ') });
        break;
      case 'invalid_format':
        message = i.format === 'uuid' ? t('v.uuid') : i.format === 'date' ? t('v.date') : t('v.format');
        break;
      case 'not_multiple_of':
        message = t('v.integer');
        break;
      default:
        message = t('v.invalid');
    }
  }
  return { path, message };
}

export function describeFieldIssue(issue: FieldIssue, lang: Lang): { path: string; message: string } {
  return { path: issue.path, message: translate(lang, issue.key, issue.params) };
}
