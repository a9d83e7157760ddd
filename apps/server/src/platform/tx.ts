// Small helpers for services writing inside a transaction.
import { ConflictError } from './errors.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/dialect.js';

/** Turns a unique-index violation into a 409 naming the field and value. */
export function rethrowUnique(err: unknown, field: string, value: string): never {
  if (isUniqueViolation(err)) throw new ConflictError('conflict.duplicate', { field, value }, { field });
  throw err;
}

/** Turns a foreign-key violation on delete into a 409 "still referenced". */
export function rethrowInUse(err: unknown, entity: string, detail: string): never {
  if (isForeignKeyViolation(err)) throw new ConflictError('conflict.in_use', { entity, detail });
  throw err;
}

export const toBool = (v: number | null | undefined): boolean => v === 1;
export const toFlag = (v: boolean | null | undefined): number => (v ? 1 : 0);
