// Logical backup and restore that work on both dialects (and across them): gzip'd NDJSON, one line
// per row, tables in foreign-key order. Secrets are not in it: keep DATA_DIR/secret.key (or
// SHUANGSHENG_SECRET) with the backup, or encrypted personal data cannot be read after a restore.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from './connect.js';
import { SELF_REFERENCES, TABLES_IN_ORDER } from './migrate.js';

type Table = (typeof TABLES_IN_ORDER)[number];
type Row = Record<string, unknown>;
export type TableCounts = Record<string, number>;

const FORMAT = 'shuangsheng-backup';
const PAGE = 1000;

/** Primary-key columns of each table, for stable keyset paging. */
export const KEYS: Record<Table, string[]> = {
  zones: ['id'],
  parks: ['id'],
  buildings: ['id'],
  grid_units: ['id'],
  enterprises: ['id'],
  users: ['id'],
  user_roles: ['user_id', 'role'],
  sessions: ['id'],
  teams: ['id'],
  team_members: ['team_id', 'user_id'],
  assignments: ['id'],
  audit_log: ['id'],
  service_items: ['id'],
  calendar_days: ['zone_id', 'date'],
  files: ['id'],
  number_counters: ['zone_id', 'series', 'day'],
  applications: ['id'],
  application_materials: ['id'],
  application_events: ['id'],
  licences: ['id'],
  notifications: ['id'],
  appointment_slots: ['id'],
  appointments: ['id'],
  consultations: ['id'],
  agency_cases: ['id'],
  agency_stages: ['id'],
  employment_registrations: ['id'],
  resumption_settings: ['zone_id'],
  resumption_plans: ['id'],
  resumption_plan_files: ['plan_id', 'file_id'],
  resumption_plan_events: ['id'],
  resumption_site_checks: ['id'],
  resumption_suspensions: ['id'],
  resumption_daily_reports: ['id'],
  resumption_reminders: ['zone_id', 'kind', 'target_id', 'day'],
  resumption_visits: ['id'],
  resumption_demands: ['id'],
  resumption_demand_events: ['id'],
  supply_items: ['id'],
  supply_requests: ['id'],
  supply_movements: ['id'],
  major_projects: ['id'],
  inspection_templates: ['id'],
  inspection_template_versions: ['id'],
  inspection_park_plans: ['zone_id', 'park_id'],
  inspection_rounds: ['id'],
  inspection_tasks: ['id'],
  inspection_places: ['id'],
  inspection_answers: ['id'],
  inspection_findings: ['id'],
  inspection_finding_events: ['id'],
  inspection_escalations: ['zone_id', 'finding_id', 'kind', 'day'],
  inspection_census: ['id'],
  checkpoints: ['id'],
  checkpoint_revoked_tokens: ['token'],
  checkpoint_status_events: ['id'],
  checkpoint_settings: ['zone_id'],
  checkpoint_passes: ['id'],
  pass_floor_colours: ['zone_id', 'building_id', 'floor'],
  checkpoint_registrations: ['id'],
  checkpoint_rollups: ['zone_id', 'checkpoint_id', 'day', 'hour', 'province'],
  checkpoint_day_rollups: ['zone_id', 'day', 'checkpoint_id', 'province'],
  checkpoint_hour_rollups: ['zone_id', 'day', 'hour'],
  checkpoint_cases: ['id'],
  checkpoint_case_events: ['id'],
  grid_risk_levels: ['id'],
  checkpoint_purges: ['zone_id', 'day'],
};

// The tables are named dynamically here, which Kysely's typed builder cannot express.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = any;

async function appliedMigrations(database: Database): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
  return rows.rows.map((r) => r.name);
}

export async function countRows(database: Database): Promise<TableCounts> {
  const counts: TableCounts = {};
  for (const t of TABLES_IN_ORDER) {
    const r = await (database.db as AnyDb).selectFrom(t).select((eb: AnyDb) => eb.fn.countAll().as('n')).executeTakeFirst();
    counts[t] = Number(r.n);
  }
  return counts;
}

async function* tableRows(database: Database, table: Table): AsyncGenerator<Row> {
  const keys = KEYS[table];
  for (let offset = 0; ; offset += PAGE) {
    let q = (database.db as AnyDb).selectFrom(table).selectAll();
    for (const k of keys) q = q.orderBy(k);
    const rows: Row[] = await q.limit(PAGE).offset(offset).execute();
    yield* rows;
    if (rows.length < PAGE) return;
  }
}

export async function backup(database: Database, file: string): Promise<TableCounts> {
  const counts = await countRows(database);
  const migrations = await appliedMigrations(database);
  async function* lines(): AsyncGenerator<string> {
    yield JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), dialect: database.dialect, migrations, counts }) + '\n';
    for (const t of TABLES_IN_ORDER) {
      for await (const row of tableRows(database, t)) yield JSON.stringify({ t, r: row }) + '\n';
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  return counts;
}

/** Parents before children for a self-referencing table. */
function parentsFirst(rows: Row[], column: string): Row[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const done = new Set<string>();
  const out: Row[] = [];
  const visit = (r: Row, depth: number) => {
    const id = r.id as string;
    if (done.has(id) || depth > 64) return;
    const parent = r[column] as string | null;
    if (parent && byId.has(parent)) visit(byId.get(parent)!, depth + 1);
    done.add(id);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

/** Restores into an empty, migrated database; refuses anything else. Returns the row counts. */
export async function restore(database: Database, file: string): Promise<TableCounts> {
  const existing = await countRows(database);
  const nonEmpty = Object.entries(existing).filter(([, n]) => n > 0).map(([t]) => t);
  if (nonEmpty.length > 0) throw new Error(`restore needs an empty database; these tables have rows: ${nonEmpty.join(', ')}`);

  // Read before the transaction: on SQLite the transaction holds the only connection.
  const here = await appliedMigrations(database);
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: { format?: string; migrations?: string[]; counts?: TableCounts } | null = null;
  const held = new Map<Table, Row[]>(); // self-referencing tables are inserted whole, parents first
  let batch: Row[] = [];
  let batchTable: Table | null = null;

  await database.db.transaction().execute(async (trx) => {
    const flush = async () => {
      if (!batchTable || batch.length === 0) return;
      for (let i = 0; i < batch.length; i += 200) await (trx as AnyDb).insertInto(batchTable).values(batch.slice(i, i + 200)).execute();
      batch = [];
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const obj = JSON.parse(line) as { t?: Table; r?: Row; format?: string };
      if (!header) {
        if (obj.format !== FORMAT) throw new Error('not a Shuangsheng backup file');
        header = obj as unknown as typeof header;
        const missing = (header!.migrations ?? []).filter((m) => !here.includes(m));
        if (missing.length > 0) throw new Error(`the backup needs migrations this version does not have: ${missing.join(', ')}`);
        continue;
      }
      const table = obj.t!;
      if (!(TABLES_IN_ORDER as readonly string[]).includes(table)) throw new Error(`unknown table in backup: ${table}`);
      if (SELF_REFERENCES[table]) {
        held.set(table, [...(held.get(table) ?? []), obj.r!]);
        continue;
      }
      if (table !== batchTable) {
        await flush();
        // Self-referencing tables that come before this one go in now, in order.
        for (const t of TABLES_IN_ORDER.slice(0, TABLES_IN_ORDER.indexOf(table))) await insertHeld(t);
        batchTable = table;
      }
      batch.push(obj.r!);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    for (const t of TABLES_IN_ORDER) await insertHeld(t);

    async function insertHeld(t: Table) {
      const rows = held.get(t);
      if (!rows) return;
      held.delete(t);
      const ordered = parentsFirst(rows, SELF_REFERENCES[t]!);
      for (let i = 0; i < ordered.length; i += 200) await (trx as AnyDb).insertInto(t).values(ordered.slice(i, i + 200)).execute();
    }
  });
  if (!header) throw new Error('empty backup file');
  return countRows(database);
}
