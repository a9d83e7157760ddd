// The few places where SQLite and PostgreSQL differ, hidden behind one helper each.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DialectName } from './connect.js';

/** Case-insensitive substring match with LIKE wildcards in the needle escaped. */
export function containsText(dialect: DialectName, column: Expression<string | null>, needle: string): Expression<SqlBool> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialect === 'postgres'
    ? sql<SqlBool>`${column} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}

type DbError = { code?: unknown; message?: unknown; constraint?: unknown };

/**
 * `zone_id` for a statement that finds its rows by their own index (ids, a group): compared as
 * `zone_id || ''`, which no index answers. SQLite has no statistics here and would otherwise take a
 * (zone_id, …) index and walk every row of the zone. The zone is still checked, in SQL.
 */
export const zoneIdNotIndexed = sql<string>`zone_id || ''`;

export function isUniqueViolation(err: unknown): boolean {
  const e = err as DbError;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as DbError;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up)
  '08000',
  '08001',
  '08003',
  '08006',
  'SQLITE_BUSY',
  // The registration writer's thread ended or failed (registrations.writer-thread.ts).
  'SS_WRITER_GONE',
]);

/** True when the database is away or too busy, as opposed to refusing the statement. */
export function isConnectionError(err: unknown): boolean {
  const e = err as DbError;
  if (typeof e?.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  const msg = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Cannot use a pool after calling end/i.test(msg);
}
