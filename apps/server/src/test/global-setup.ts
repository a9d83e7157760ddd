// Integration tests run against SQLite (a file per app) or a real PostgreSQL server
// (TEST_DB=postgres with TEST_DATABASE_URL from scripts/ensure-postgres.sh), migrated once here.
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';

export default async function setup(): Promise<void> {
  if (process.env.TEST_DB !== 'postgres') return;
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (see scripts/ensure-postgres.sh)');
  const database = connect({ dataDir: '.', databaseUrl: url });
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
}
