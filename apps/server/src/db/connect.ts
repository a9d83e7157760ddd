// Opens the database named by the configuration: SQLite in DATA_DIR by default, PostgreSQL when
// DATABASE_URL says so. Everything above this file is dialect-blind except db/dialect.ts.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Resolves true when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** How to open another connection to the same database (the registration writer's thread). */
  location: { sqliteFile: string } | { databaseUrl: string };
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
  return connectSqlite(path.resolve(opts.sqliteFile ?? path.join(opts.dataDir, 'shuangsheng.db')));
}

/**
 * Transactions begin IMMEDIATE: the registration writer writes through a connection of its own (in
 * a worker thread), and a deferred transaction that read first could not take the write lock after
 * the other connection committed (SQLITE_BUSY at once, whatever the busy timeout). Taking the lock
 * at BEGIN makes the second writer wait its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * WAL pages after which a commit copies the log back into the database file (a checkpoint), per
 * connection. The registration writer's thread commits most and checkpoints first, every ~40 MB
 * (a quarter of the cost of SQLite's default 1,000 pages per row written: pages changed again
 * between checkpoints are copied once); the request thread's connection only when the log grew
 * twice that without it, so that its requests do not wait for a copy.
 */
export const WAL_CHECKPOINT_PAGES = { writerThread: 10_000, requestThread: 20_000 };

/** A SQLite connection with the platform's settings; `busyTimeoutMs` is how long a writer waits for another's lock. */
export function openSqlite(file: string, busyTimeoutMs = 5000, walCheckpointPages = WAL_CHECKPOINT_PAGES.requestThread): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  sqlite.pragma(`wal_autocheckpoint = ${walCheckpointPages}`);
  // NORMAL in WAL mode survives a process crash; only a power cut may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  // 256 MB of page cache (pages are allocated as used): the default 2 MB made every trace read most
  // of its pages through a system call (16.9 ms a search at 5 M registrations, 9 ms with this).
  sqlite.pragma('cache_size = -262144');
  return sqlite;
}

export function connectSqlite(file: string, busyTimeoutMs?: number, walCheckpointPages?: number): Database {
  return sqliteDatabase(openSqlite(file, busyTimeoutMs, walCheckpointPages), file);
}

/** Statements kept prepared per connection (the most recently used). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, with its statements kept prepared: Kysely prepares every query
 * anew, and SQLite's prepare (parsing and planning) cost as much as running a small indexed query
 * — a trace by plate runs some fifty of them. At most STATEMENT_CACHE_SIZE, the least recently used
 * dropped. A statement being iterated (a streamed export) cannot run again until it is done, so
 * `iterate` always gets one of its own.
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  const prepared = (sql: string): SQLite.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      // Most recently used last: a Map keeps insertion order.
      cache.delete(sql);
    } else {
      stmt = sqlite.prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = prepared(sql);
      return {
        reader: stmt.reader,
        all: (parameters) => stmt.all(parameters),
        run: (parameters) => stmt.run(parameters),
        iterate: (parameters) => sqlite.prepare(sql).iterate(parameters) as IterableIterator<unknown>,
      };
    },
  };
}

/** The platform's Database over an open SQLite connection (the writer thread keeps the handle for its prepared statements). */
export function sqliteDatabase(sqlite: SQLite.Database, file: string): Database {
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    location: { sqliteFile: file },
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
    location: { databaseUrl: url },
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
