// Policies explained to the park's enterprises during an inspection visit (政策宣贯): a free text
// the inspector records on the task.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_tasks').addColumn('policies_explained', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_tasks').dropColumn('policies_explained').execute();
}
