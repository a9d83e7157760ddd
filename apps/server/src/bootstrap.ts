// Opens what the server and the CLI share: data directory, secret, database (migrated), deps.
import type { Config } from './config.js';
import { ensureDataDir } from './config.js';
import { connect, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Deps } from './platform/context.js';
import { createPii, loadSecret } from './platform/pii.js';
import { diskFileStore } from './platform/files.js';
import path from 'node:path';

export async function openDeps(config: Config, opts: { migrate?: boolean; clock?: Clock; onPoolError?: (err: Error) => void } = {}): Promise<Deps & { applied: string[] }> {
  ensureDataDir(config);
  const secret = loadSecret(config.dataDir, config.secret);
  const database: Database = connect({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, onPoolError: opts.onPoolError });
  let applied: string[] = [];
  if (opts.migrate !== false) {
    try {
      applied = await migrateToLatest(database);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return { database, clock: opts.clock ?? systemClock, pii: createPii(secret), files: diskFileStore(path.join(config.dataDir, 'files')), applied };
}
