// The masked forms of a registration's ID number and phone (5103**********1234, 138****5678),
// written with the row: every screen shows these, and decrypting two values a row cost a trace
// of 200 contacts ~3 ms. The masked form is what any user may see; the number itself stays
// encrypted. Rows written before this migration have NULL here and are masked by decrypting.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('checkpoint_registrations').addColumn('id_masked', 'text').execute();
  await db.schema.alterTable('checkpoint_registrations').addColumn('phone_masked', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('checkpoint_registrations').dropColumn('phone_masked').execute();
  await db.schema.alterTable('checkpoint_registrations').dropColumn('id_masked').execute();
}
