// Registration rows for tests of tracing, retention and statistics, written fast: rows are built
// here (personal data protected as the intake does, through deps.pii) and inserted through the
// registration writer's writeRows, which keeps the hourly rollups in the same transaction — the
// path every registration takes, minus HTTP. People can be protected once and reused, so tens of
// thousands of rows cost no more encryption than a handful.
import { randomBytes, randomUUID } from 'node:crypto';
import { residentIdCheckChar } from '@shuangsheng/contracts';
import { writeRows, type RegistrationRow } from '../modules/checkpoints/registrations.writer.js';
import type { TestApp } from './harness.js';
import { maskIdNumber, maskPhone } from '../platform/pii.js';
import type { TestZone } from './factories.js';

type T = Pick<TestApp, 'deps' | 'services'>;

/** A person with the ciphertexts and blind indexes of their ID number and phone, made once. */
export type ProtectedPerson = {
  name: string;
  idNumber: string;
  phone: string | null;
  id: { enc: string; idx: string };
  phoneP: { enc: string | null; idx: string | null };
};

/** A valid resident ID number for any n up to 10⁷ (Zigong's area code, born on a day of 1990). */
export function residentId(n: number): string {
  const day = 1 + (Math.floor(n / 1000) % 28);
  const month = 1 + (Math.floor(n / 28_000) % 12);
  const first17 = `510302${1990}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export function protectPerson(t: T, p: { name: string; idNumber: string; phone?: string | null }): ProtectedPerson {
  const id = t.deps.pii.protect(p.idNumber) as { enc: string; idx: string };
  return { name: p.name, idNumber: p.idNumber, phone: p.phone ?? null, id, phoneP: t.deps.pii.protect(p.phone ?? null) };
}

/** `n` distinct people (ID numbers from `start`, phones 139…), protected. */
export function people(t: T, n: number, start = 0): ProtectedPerson[] {
  return Array.from({ length: n }, (_, i) => protectPerson(t, { name: `人员${start + i}`, idNumber: residentId(start + i), phone: `139${String(start + i).padStart(8, '0')}` }));
}

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// Random bytes drawn 24 KiB at a time: one small randomBytes call per row costs more than the row.
let pool = Buffer.alloc(0);
let at = 0;
export function registrationCode(): string {
  if (at + 6 > pool.length) {
    pool = randomBytes(24_576);
    at = 0;
  }
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_CHARS[pool[at++]! % CODE_CHARS.length];
  return code;
}

export type RowSpec = {
  checkpointId: string;
  at: number;
  person: ProtectedPerson;
  plate?: string | null;
  isVehicle?: boolean;
  groupId?: string;
  /** The six characters shown to staff (shared by the people registered together). */
  code?: string;
  province?: string | null;
  result?: 'green' | 'yellow' | 'red';
  reasons?: string[];
  temperature?: number | null;
  direction?: 'in' | 'out';
  source?: 'public' | 'staff' | 'pass';
};

/** One registration row as the intake writes it (day and hour in the zone's time zone). */
export function registrationRow(t: T, zone: Pick<TestZone, 'id'>, s: RowSpec): RegistrationRow {
  const { day, hour } = t.services.checkpoints.scope.dayHour(s.at);
  const result = s.result ?? 'green';
  return {
    // Random UUIDs: unique like the intake's time-ordered ones, and far cheaper by the hundred thousand.
    id: randomUUID(),
    zone_id: zone.id,
    checkpoint_id: s.checkpointId,
    group_id: s.groupId ?? randomUUID(),
    code: s.code ?? registrationCode(),
    at: s.at,
    day,
    hour,
    source: s.source ?? 'public',
    direction: s.direction ?? 'in',
    name: s.person.name,
    id_kind: 'resident_id',
    id_enc: s.person.id.enc,
    id_idx: s.person.id.idx,
    phone_enc: s.person.phoneP.enc,
    phone_idx: s.person.phoneP.idx,
    id_masked: maskIdNumber(s.person.idNumber),
    phone_masked: maskPhone(s.person.phone),
    plate: s.plate ?? null,
    is_vehicle: (s.isVehicle ?? Boolean(s.plate)) ? 1 : 0,
    origin_province: s.province === undefined ? '四川省' : s.province,
    origin_city: s.province === null ? null : '自贡市',
    destination: '自贡高新区',
    reason: '返岗',
    fever: s.reasons?.includes('fever') ? 1 : 0,
    cough: s.reasons?.includes('cough') ? 1 : 0,
    contact: s.reasons?.includes('contact') ? 1 : 0,
    high_risk_travel: s.reasons?.includes('high_risk_travel') ? 1 : 0,
    temperature: s.temperature === undefined || s.temperature === null ? null : Math.round(s.temperature * 10),
    result,
    reasons: (s.reasons ?? []).join(','),
    pass_id: null,
    created_by: null,
    idempotency_key: null,
  };
}

/**
 * A vehicle's registration: the driver's row counts the vehicle, the passengers share its group
 * and plate (as the intake writes a car with passengers).
 */
export function vehicleRows(t: T, zone: Pick<TestZone, 'id'>, s: Omit<RowSpec, 'person' | 'isVehicle' | 'groupId'> & { plate: string; people: ProtectedPerson[] }): RegistrationRow[] {
  const groupId = randomUUID();
  const code = registrationCode();
  return s.people.map((person, i) => registrationRow(t, zone, { ...s, person, groupId, code, isVehicle: i === 0 }));
}

/** Inserts rows (and their rollups) through writeRows, `perTransaction` rows per transaction. */
export async function insertRegistrations(t: T, rows: RegistrationRow[], perTransaction = 5_000): Promise<void> {
  for (let i = 0; i < rows.length; i += perTransaction) {
    const chunk = rows.slice(i, i + perTransaction);
    await t.deps.database.db.transaction().execute((trx) => writeRows(trx, chunk));
  }
}

/**
 * The zone's day and hour rollups as sums of its hourly rollups (migration 0010), each as sorted
 * lines, beside what the tables hold: the two sides of a test that the levels agree.
 */
export async function rollupLevels(t: T, zoneId: string) {
  const db = t.deps.database.db;
  const hourly = await db.selectFrom('checkpoint_rollups').selectAll().where('zone_id', '=', zoneId).execute();
  const sum = (key: (r: (typeof hourly)[number]) => string) => {
    const m = new Map<string, [number, number, number]>();
    for (const r of hourly) {
      const s = m.get(key(r)) ?? [0, 0, 0];
      m.set(key(r), [s[0] + Number(r.persons), s[1] + Number(r.vehicles), s[2] + Number(r.alerts)]);
    }
    return [...m].map(([k, s]) => `${k} ${s.join(' ')}`).sort();
  };
  const days = await db.selectFrom('checkpoint_day_rollups').selectAll().where('zone_id', '=', zoneId).execute();
  const hours = await db.selectFrom('checkpoint_hour_rollups').selectAll().where('zone_id', '=', zoneId).execute();
  const line = (k: string, r: { persons: number; vehicles: number; alerts: number }) => `${k} ${Number(r.persons)} ${Number(r.vehicles)} ${Number(r.alerts)}`;
  return {
    hourlyRows: hourly.length,
    expected: { days: sum((r) => `${r.checkpoint_id} ${r.day} ${r.province}`), hours: sum((r) => `${r.day} ${Number(r.hour)}`) },
    stored: { days: days.map((r) => line(`${r.checkpoint_id} ${r.day} ${r.province}`, r)).sort(), hours: hours.map((r) => line(`${r.day} ${Number(r.hour)}`, r)).sort() },
  };
}
