// The statements of the registration path: rows with their hourly rollups, cases with their first
// event and number, and the Idempotency-Keys already stored. Always in the caller's transaction
// (the group-commit writer's, or a service's).
import { shortProvince } from '@shuangsheng/contracts';
import { nextInSeries } from '../../db/counters.js';
import type { CheckpointCasesTable, CheckpointRegistrationsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';

export type RegistrationRow = CheckpointRegistrationsTable;
/** A case to open with the registration; its number is drawn inside the commit. */
export type CaseRow = Omit<CheckpointCasesTable, 'number'>;
/** Who opened the cases of an item (the case's first event): the staff user, or none for the public form. */
export type CaseOpener = { id: string | null; name: string };

/** Rows per INSERT statement: 33 columns × 30 stays under SQLite's 999-variable floor of old builds. */
const ROWS_PER_INSERT = 30;

/** Which of the (checkpoint, Idempotency-Key) pairs of these first rows are stored already, as `checkpoint\0key`. */
export async function storedKeys(trx: Executor, groupFirsts: RegistrationRow[]): Promise<Set<string>> {
  const firsts = groupFirsts.filter((r) => r.idempotency_key);
  if (!firsts.length) return new Set();
  // The zones are compared here, not in SQL: with `zone_id in (…)` added, SQLite's planner takes
  // the (zone, checkpoint, at) index and walks every row of the checkpoint instead of the unique one.
  const zones = new Set(firsts.map((r) => r.zone_id));
  const rows = await trx
    .selectFrom('checkpoint_registrations')
    .select(['zone_id', 'checkpoint_id', 'idempotency_key'])
    .where('checkpoint_id', 'in', [...new Set(firsts.map((r) => r.checkpoint_id))])
    .where('idempotency_key', 'in', firsts.map((r) => r.idempotency_key!))
    .execute();
  return new Set(rows.filter((r) => zones.has(r.zone_id)).map((r) => `${r.checkpoint_id}\u0000${r.idempotency_key}`));
}

/**
 * Opens a case in the caller's transaction: its number YC-YYYYMMDD-NNNN of `day` (the zone's
 * daily series) and its first event. Returns the number.
 */
export async function openCase(trx: Executor, c: CaseRow, day: string, by: CaseOpener): Promise<string> {
  const n = await nextInSeries(trx, c.zone_id, 'checkpoint_case', day);
  const number = `YC-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
  await trx.insertInto('checkpoint_cases').values({ ...c, number }).execute();
  await trx
    .insertInto('checkpoint_case_events')
    .values({ id: newId(), zone_id: c.zone_id, case_id: c.id, action: 'open', from_status: null, to_status: c.status, note: null, actor_id: by.id, actor_name: by.name, at: c.created_at })
    .execute();
  return number;
}

/** Inserts the rows and adds them to the hourly rollups, in the caller's transaction. */
export async function writeRows(trx: Executor, given: RegistrationRow[]): Promise<void> {
  // One name per province (四川省 and 四川 are one row of the statistics, whoever typed them).
  const rows = given.map((r) => (r.origin_province ? { ...r, origin_province: shortProvince(r.origin_province) } : r));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('checkpoint_registrations').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  }
  const sums = new Map<string, { zone_id: string; checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number }>();
  for (const r of rows) {
    const province = r.origin_province ?? '';
    const key = `${r.zone_id}\u0000${r.checkpoint_id}\u0000${r.day}\u0000${r.hour}\u0000${province}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { zone_id: r.zone_id, checkpoint_id: r.checkpoint_id, day: r.day, hour: r.hour, province, persons: 0, vehicles: 0, alerts: 0 }));
    s.persons += 1;
    s.vehicles += r.is_vehicle;
    s.alerts += r.result === 'green' ? 0 : 1;
  }
  for (const s of sums.values()) await addToRollup(trx, s);
}

/**
 * Adds to one hourly rollup (creating it). Negative figures take back (a registration whose
 * result a later temperature changed).
 */
export async function addToRollup(
  trx: Executor,
  s: { zone_id: string; checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number },
): Promise<void> {
  await trx
    .insertInto('checkpoint_rollups')
    .values(s)
    .onConflict((oc) =>
      oc.columns(['zone_id', 'checkpoint_id', 'day', 'hour', 'province']).doUpdateSet((eb) => ({
        persons: eb('checkpoint_rollups.persons', '+', eb.ref('excluded.persons')),
        vehicles: eb('checkpoint_rollups.vehicles', '+', eb.ref('excluded.vehicles')),
        alerts: eb('checkpoint_rollups.alerts', '+', eb.ref('excluded.alerts')),
      })),
    )
    .execute();
}
