// SQLite's query plan of a compiled Kysely query, with its parameters bound: for tests that hold a
// query to its index (SQLite has no statistics to choose by, and a wrong choice walks the zone).
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export async function sqlitePlan(db: Kysely<DB>, q: CompiledQuery): Promise<string> {
  const r = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
  return r.rows.map((row) => row.detail).join('\n');
}
