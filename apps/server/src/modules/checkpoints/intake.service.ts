// Intake (卡口登记): the public form behind a checkpoint's QR code, staff entry on behalf (with a
// repeat of a vehicle registered here, new passengers), and pass scans at building gates.
//
// The public POST is the high-volume path and stays lean: the checkpoint by token and the zone's
// settings come from memory, the rate limits count in memory, the only read is the Idempotency-Key
// lookup (when a key is sent), personal data is encrypted with a blind index, and the rows go to
// the group-commit writer, which answers after the commit. No audit row: the registration is its
// own record (created_by names the staff user on staff entries). Cases open in the same commit for
// every person whose screening is not green, and each is announced to the zone's duty consoles
// after the commit.
import { randomBytes } from 'node:crypto';
import {
  IdempotencyKey,
  REGISTRATION_SOURCE_LABELS,
  screenResult,
  type Direction,
  type HealthDeclaration,
  type IdKind,
  type Passenger,
  type PublicCheckpoint,
  type PublicRegistrationInput,
  type Registration,
  type RegistrationReceipt,
  type ScanInput,
  type ScreenResult,
  type StaffRegistrationInput,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { CheckpointRegistrationsTable, CheckpointsTable } from '../../db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, ConflictError, crossZoneReference, NotFoundError, RuleError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { createRateLimiter } from '../../platform/rate-limit.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { alertOf, reasonsOf } from './cases.service.js';
import { makeIntakeRepo } from './intake.repo.js';
import type { ByToken } from './checkpoints.service.js';
import { DuplicateSubmission, maskedOf, type CaseOpener, type CaseRow, type PlainPii, type RegistrationRow } from './registrations.writer.js';

/** What nobody declared (passengers, pass holders): only a measured temperature screens them. */
const NO_DECLARATION: HealthDeclaration = { fever: false, cough: false, contact: false, highRiskTravel: false };
/** Codes staff read out: no 0/O, 1/I. 32 characters, so a random byte's low five bits pick one. */
const CODE_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const RESULT_RANK: Record<ScreenResult, number> = { green: 0, yellow: 1, red: 2 };

/** Random bytes drawn a few thousand at a time: one call to the system's generator per 1,000 codes. */
let pool = Buffer.alloc(0);
let poolAt = 0;

/** Six characters staff can find a registration by (shared by the people registered together). */
export function newRegistrationCode(): string {
  if (poolAt + 6 > pool.length) {
    pool = randomBytes(6 * 1024);
    poolAt = 0;
  }
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_CHARS[pool[poolAt++]! & 31];
  return code;
}

/**
 * One person of a registration: personal data either already protected (a repeat copies the
 * driver's stored ciphertexts) or in plain text, which the writer protects where it runs.
 */
type Person = {
  name: string;
  idKind: IdKind;
  id: { enc: string; idx: string } | null;
  phone: { enc: string | null; idx: string | null } | null;
  /** The masked forms, with `id` and `phone` (the writer masks `plain` itself). */
  masked: { id: string | null; phone: string | null } | null;
  plain: PlainPii | null;
  /** Tenths of a degree. */
  temperature: number | null;
  health: HealthDeclaration;
};
/** People registered together (a vehicle's, or one person) and what they share. */
type Group = {
  checkpoint: Pick<CheckpointsTable, 'id' | 'zone_id' | 'name'>;
  source: 'public' | 'staff' | 'pass';
  direction: Direction;
  plate: string | null;
  originProvince: string | null;
  originCity: string | null;
  destination: string | null;
  reason: string | null;
  passId: string | null;
  createdBy: CaseOpener | null;
  key: string | null;
  people: Person[];
};

/** The Idempotency-Key header: absent, or valid (400 naming it otherwise). */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) throw new ValidationError([{ path: 'Idempotency-Key', key: 'v.idempotency_key' }]);
  return parsed.data;
}

type PublicCheckpointAnswer = z.infer<typeof PublicCheckpoint>;
const tenthsOf = (celsius: number | null | undefined): number | null => (celsius == null ? null : Math.round(celsius * 10));

export function makeIntakeService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  const { deps, writer } = parts;
  const { database, clock } = deps;
  const repo = makeIntakeRepo(database.db);
  // Two limiters: a flood of distinct addresses that fills the address counters must not reset the
  // checkpoints' counters with them.
  const limiter = createRateLimiter(clock);
  const checkpointLimiter = createRateLimiter(clock);

  /** The checkpoint a QR token names (cached by the checkpoints part): unknown → 404, retired by rotation → 410. */
  const byToken = (token: string): Promise<ByToken> => mod.checkpoints.byToken(token);

  const personOf = (p: { name: string; idKind: IdKind; idNumber: string; phone?: string | null | undefined }, temperature: number | null, health: HealthDeclaration): Person => ({
    name: p.name,
    idKind: p.idKind,
    id: null,
    phone: null,
    masked: null,
    plain: { idNumber: p.idNumber, phone: p.phone ?? null },
    temperature,
    health,
  });
  const passengersOf = (list: Passenger[]): Person[] => list.map((p) => personOf(p, tenthsOf(p.temperature), NO_DECLARATION));

  /** The rows, the cases and the receipt of a group, at one instant. */
  function build(g: Group): { rows: RegistrationRow[]; cases: CaseRow[]; plain: (PlainPii | null)[]; receipt: RegistrationReceipt } {
    const at = clock.now();
    const { day, hour } = scope.dayHour(at);
    // The group is named by its first person's row (the registrant).
    const ids = g.people.map(() => newId());
    const groupId = ids[0]!;
    const code = newRegistrationCode();
    const rows: RegistrationRow[] = [];
    const plain = g.people.map((p) => p.plain);
    // Filled by the writer from `plain` where these are empty.
    const prot = (p: Person) => ({ id_enc: p.id?.enc ?? '', id_idx: p.id?.idx ?? '', phone_enc: p.phone?.enc ?? null, phone_idx: p.phone?.idx ?? null });
    const cases: CaseRow[] = [];
    const persons: RegistrationReceipt['persons'] = [];
    let worst: ScreenResult = 'green';
    g.people.forEach((p, i) => {
      const { result, reasons } = screenResult(p.health, p.temperature);
      const id = ids[i]!;
      const reasonText = reasons.join(',');
      rows.push({
        id,
        zone_id: g.checkpoint.zone_id,
        checkpoint_id: g.checkpoint.id,
        group_id: groupId,
        code,
        at,
        day,
        hour,
        source: g.source,
        direction: g.direction,
        name: p.name,
        id_kind: p.idKind,
        ...prot(p),
        id_masked: p.masked?.id ?? null,
        phone_masked: p.masked?.phone ?? null,
        plate: g.plate,
        is_vehicle: i === 0 && g.plate ? 1 : 0,
        origin_province: g.originProvince,
        origin_city: g.originCity,
        destination: g.destination,
        reason: g.reason,
        fever: Number(p.health.fever),
        cough: Number(p.health.cough),
        contact: Number(p.health.contact),
        high_risk_travel: Number(p.health.highRiskTravel),
        temperature: p.temperature,
        result,
        reasons: reasonText,
        pass_id: g.passId,
        created_by: g.createdBy?.id ?? null,
        idempotency_key: i === 0 ? g.key : null,
      });
      if (result !== 'green') {
        cases.push({
          id: newId(),
          zone_id: g.checkpoint.zone_id,
          registration_id: id,
          checkpoint_id: g.checkpoint.id,
          at,
          name: p.name,
          ...prot(p),
          plate: g.plate,
          temperature: p.temperature,
          reasons: reasonText,
          result,
          status: 'open',
          clinic: null,
          outcome: null,
          note: null,
          closed_at: null,
          created_at: at,
          updated_at: at,
        });
      }
      if (RESULT_RANK[result] > RESULT_RANK[worst]) worst = result;
      persons.push({ id, name: p.name, result, reasons });
    });
    const receipt: RegistrationReceipt = { id: rows[0]!.id, code, at, checkpointName: g.checkpoint.name, direction: g.direction, result: worst, persons, plate: g.plate, replayed: false };
    return { rows, cases, plain, receipt };
  }

  /** The receipt of rows already stored (a replay): the registrant first, as written. */
  function receiptOf(rows: CheckpointRegistrationsTable[], checkpointName: string): RegistrationReceipt {
    const first = rows[0]!;
    let worst: ScreenResult = 'green';
    for (const r of rows) if (RESULT_RANK[r.result as ScreenResult] > RESULT_RANK[worst]) worst = r.result as ScreenResult;
    return {
      id: first.id,
      code: first.code,
      at: first.at,
      checkpointName,
      direction: first.direction as Direction,
      result: worst,
      persons: rows.map((r) => ({ id: r.id, name: r.name, result: r.result as ScreenResult, reasons: reasonsOf(r.reasons) })),
      plate: first.plate,
      replayed: true,
    };
  }

  async function replayOf(checkpoint: Pick<CheckpointsTable, 'id' | 'zone_id' | 'name'>, key: string): Promise<RegistrationReceipt | null> {
    const rows = await repo.byKey(checkpoint.zone_id, checkpoint.id, key);
    return rows.length ? receiptOf(rows, checkpoint.name) : null;
  }

  /**
   * Writes a group through the group commit and announces its cases. A key already used at this
   * checkpoint (a retry, or a parallel twin) is found by the writer (one indexed statement per
   * commit, then the unique index): the answer is the first receipt, read back.
   */
  async function commit(g: Group): Promise<{ receipt: RegistrationReceipt; created: boolean }> {
    const { rows, cases, plain, receipt } = build(g);
    let written;
    try {
      written = await writer.submit({ rows, cases, plain, openedBy: g.createdBy ?? { id: null, name: REGISTRATION_SOURCE_LABELS[g.source][0] } });
    } catch (e) {
      if (g.key && (e instanceof DuplicateSubmission || isUniqueViolation(e))) {
        const prior = await replayOf(g.checkpoint, g.key);
        if (prior) return { receipt: prior, created: false };
      }
      throw e;
    }
    for (const c of cases) mod.cases.publishAlert(g.checkpoint.zone_id, alertOf(c, written.caseNumbers.get(c.id) ?? '', g.checkpoint.name));
    return { receipt, created: true };
  }

  function limit(on: typeof limiter, key: string, max: number): void {
    const d = on.hit(key, max);
    if (!d.ok) throw new AppError(429, 'too_many_requests', { seconds: d.retryAfterSeconds });
  }

  /** What the public page shows before the form (closed: a message instead of the form). */
  async function publicCheckpoint(token: string): Promise<PublicCheckpointAnswer> {
    const { checkpoint, zoneName, risk } = await byToken(token);
    return {
      name: checkpoint.name,
      kind: checkpoint.kind as PublicCheckpointAnswer['kind'],
      zoneName,
      status: checkpoint.status as PublicCheckpointAnswer['status'],
      open: checkpoint.status !== 'closed',
      risk: risk ? { level: risk.level, controlClass: risk.controlClass, measures: risk.measures } : null,
    };
  }

  /** The public form: limits per client address and per checkpoint (the zone's settings), then the commit. */
  async function registerPublic(token: string, input: PublicRegistrationInput, o: { key: string | null; ip: string }): Promise<{ receipt: RegistrationReceipt; created: boolean }> {
    const { checkpoint } = await byToken(token);
    if (checkpoint.status === 'closed') throw new ConflictError('checkpoint.closed', { name: checkpoint.name });
    const settings = await mod.settings.of(checkpoint.zone_id);
    limit(limiter, `ip\u0000${checkpoint.zone_id}\u0000${o.ip}`, settings.perIpPerMinute);
    limit(checkpointLimiter, `cp\u0000${checkpoint.id}`, settings.perCheckpointPerMinute);
    return commit({
      checkpoint,
      source: 'public',
      direction: input.direction,
      plate: input.plate ?? null,
      originProvince: input.originProvince,
      originCity: input.originCity,
      destination: input.destination,
      reason: input.reason,
      passId: null,
      createdBy: null,
      key: o.key,
      people: [personOf(input, null, input.health), ...passengersOf(input.passengers)],
    });
  }

  async function checkpointOf(ctx: Ctx, id: string): Promise<CheckpointsTable> {
    const cp = await repo.checkpoint(ctx.zoneId, id);
    if (!cp) throw new NotFoundError('checkpoint', id);
    return cp;
  }
  const assertOpen = (cp: CheckpointsTable) => {
    if (cp.status === 'closed') throw new ConflictError('checkpoint.closed', { name: cp.name });
  };

  /**
   * Staff entry on behalf: the full form with measured temperatures, or a repeat of a vehicle
   * registered at this checkpoint (its driver copied) with new passengers.
   */
  async function registerStaff(ctx: Ctx, checkpointId: string, input: StaffRegistrationInput, key: string | null): Promise<{ receipt: RegistrationReceipt; created: boolean }> {
    const cp = await checkpointOf(ctx, checkpointId);
    assertOpen(cp);
    const by: CaseOpener = { id: ctx.actor.userId, name: ctx.actor.displayName };
    const base = { checkpoint: cp, source: 'staff' as const, direction: input.direction, passId: null, createdBy: by, key };
    if ('repeatOf' in input) {
      const src = await repo.registration(ctx.zoneId, input.repeatOf);
      if (!src) throw crossZoneReference('repeatOf');
      if (src.checkpoint_id !== cp.id) throw new RuleError('checkpoint.repeat_elsewhere', {}, { field: 'repeatOf' });
      const head = (await repo.groupHead(ctx.zoneId, src.group_id)) ?? src;
      if (input.passengers.length && !head.plate) throw new ValidationError([{ path: 'passengers', key: 'v.plate_for_passengers' }]);
      const driver: Person = {
        name: head.name,
        idKind: head.id_kind as IdKind,
        id: { enc: head.id_enc, idx: head.id_idx },
        plain: null,
        phone: { enc: head.phone_enc, idx: head.phone_idx },
        masked: maskedOf(head, deps.pii),
        temperature: tenthsOf(input.temperature),
        health: input.health,
      };
      return commit({
        ...base,
        plate: head.plate,
        originProvince: head.origin_province,
        originCity: head.origin_city,
        destination: head.destination,
        reason: head.reason,
        people: [driver, ...passengersOf(input.passengers)],
      });
    }
    return commit({
      ...base,
      plate: input.plate ?? null,
      originProvince: input.originProvince,
      originCity: input.originCity,
      destination: input.destination,
      reason: input.reason,
      people: [personOf(input, tenthsOf(input.temperature), input.health), ...passengersOf(input.passengers)],
    });
  }

  /** A pass scanned at a building gate: the holder registered from the pass, no typing. */
  async function scan(ctx: Ctx, checkpointId: string, input: z.infer<typeof ScanInput>): Promise<RegistrationReceipt> {
    const cp = await checkpointOf(ctx, checkpointId);
    assertOpen(cp);
    if (cp.kind !== 'building_gate') throw new RuleError('checkpoint.not_building_gate');
    // Unknown 404; revoked or expired 422.
    const { pass } = await mod.passes.forScan(ctx.zoneId, input.code);
    if (pass.building_id !== cp.building_id) throw new RuleError('checkpoint.pass_other_building', { building: (await repo.buildingName(ctx.zoneId, pass.building_id)) ?? '' }, { field: 'code' });
    const holder: Person = {
      name: pass.holder_name,
      idKind: pass.id_kind as IdKind,
      id: { enc: pass.id_enc, idx: pass.id_idx },
      phone: { enc: pass.phone_enc, idx: pass.phone_idx },
      masked: { id: maskIdNumber(deps.pii.decrypt(pass.id_enc)), phone: maskPhone(pass.phone_enc ? deps.pii.decrypt(pass.phone_enc) : null) },
      plain: null,
      temperature: tenthsOf(input.temperature),
      health: NO_DECLARATION,
    };
    const { receipt } = await commit({
      checkpoint: cp,
      source: 'pass',
      direction: input.direction,
      plate: null,
      originProvince: null,
      originCity: null,
      destination: null,
      reason: null,
      passId: pass.id,
      createdBy: { id: ctx.actor.userId, name: ctx.actor.displayName },
      key: null,
      people: [holder],
    });
    return receipt;
  }

  /** The latest vehicles registered at a checkpoint (of a plate, if given), for a staff repeat. */
  async function recentVehicles(ctx: Ctx, checkpointId: string, plate: string | undefined): Promise<{ items: Registration[] }> {
    const cp = await checkpointOf(ctx, checkpointId);
    const ids = await repo.recentVehicles(ctx.zoneId, cp.id, plate, 20);
    return { items: await mod.registrations.byIds(ctx.zoneId, ids.map((r) => r.id)) };
  }

  return { publicCheckpoint, registerPublic, registerStaff, scan, recentVehicles, limiter };
}
export type IntakeService = ReturnType<typeof makeIntakeService>;
