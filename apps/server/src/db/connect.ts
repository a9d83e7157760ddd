// Opens the database named by the configuration: SQLite in DATA_DIR by default, PostgreSQL when
// DATABASE_URL says so. Everything above this file is dialect-blind except db/dialect.ts.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Resolves true when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

// int8 (COUNT, BIGINT epoch-ms and fen columns) as number: values stay below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric (SUM over bigint) as number for the same reason.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export type ConnectOptions = {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Override the SQLite file (tests use one file per worker). */
  sqliteFile?: string;
  poolSize?: number;
  onPoolError?: (err: Error) => void;
};

export function connect(opts: ConnectOptions): Database {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.onPoolError);
  return connectSqlite(opts.sqliteFile ?? path.join(opts.dataDir, 'shuangsheng.db'));
}

function connectSqlite(file: string): Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL in WAL mode survives a process crash; only a power cut may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    ping: async () => sqlite.open && sqlite.prepare('select 1 as ok').get() !== undefined,
    close: async () => {
      await db.destroy();
    },
  };
}

function connectPostgres(url: string, max: number, onPoolError?: (err: Error) => void): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A vanished server must give a quick 503, not a hanging request.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30000,
  });
  // An idle client losing its server emits here; without a listener the process would exit.
  pool.on('error', (err) => onPoolError?.(err));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
}
