// Registrations (卡口登记记录) as staff see them: masked ID numbers and phones everywhere, the
// list with its filters and the Excel export, revealing a value (pii.reveal + a reason, audited),
// and the temperature staff measure after the person registered: it updates the row's result and
// its hour's rollup, and a fever (≥ 37.3 °C) opens a case (unless one is being followed up, which
// takes the measurement) and alerts the duty consoles after the commit.
import {
  screenResult,
  type AlertEvent,
  type Direction,
  type HealthDeclaration,
  type IdKind,
  type Registration,
  type RegistrationListQuery,
  type RegistrationSource,
  type RevealInput,
  type ScreenResult,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { addDays } from '../../platform/calendar.js';
import { dayStartIn } from '../../platform/time.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { alertOf, celsius, reasonsOf } from './cases.service.js';
import { makeCasesRepo } from './cases.repo.js';
import { maskedOf } from './registrations.writer.js';
import { makeRegistrationsRepo, type RegistrationFilter, type RegistrationRowNamed } from './registrations.repo.js';
import { addToRollup, openCase, type CaseRow } from './registrations.write.repo.js';

type ListQuery = z.infer<typeof RegistrationListQuery>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;

/** The health declaration of a stored row. */
export const healthOf = (r: { fever: number; cough: number; contact: number; high_risk_travel: number }): HealthDeclaration => ({
  fever: r.fever === 1,
  cough: r.cough === 1,
  contact: r.contact === 1,
  highRiskTravel: r.high_risk_travel === 1,
});

export function makeRegistrationsService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  const { deps } = parts;
  const { database, clock, pii } = deps;
  const repo = makeRegistrationsRepo(database.db, database.dialect);

  const decryptOrNull = (enc: string | null) => (enc ? pii.decrypt(enc) : null);
  /** The filters with their days (the zone's, as `day` and the statistics count them) as instants. */
  const windowed = ({ from, to, ...rest }: Filters): RegistrationFilter => ({
    ...rest,
    fromMs: from ? dayStartIn(from, parts.timeZone) : undefined,
    toMs: to ? dayStartIn(addDays(to, 1), parts.timeZone) : undefined,
  });

  function toRegistration(r: RegistrationRowNamed): Registration {
    const masked = maskedOf(r, pii);
    return {
      id: r.id,
      code: r.code,
      groupId: r.group_id,
      checkpointId: r.checkpoint_id,
      checkpointName: r.checkpoint_name ?? '',
      at: r.at,
      source: r.source as RegistrationSource,
      direction: r.direction as Direction,
      name: r.name,
      idKind: r.id_kind as IdKind,
      idNumberMasked: masked.id,
      phoneMasked: masked.phone,
      plate: r.plate,
      isVehicle: r.is_vehicle === 1,
      originProvince: r.origin_province,
      originCity: r.origin_city,
      destination: r.destination,
      reason: r.reason,
      health: healthOf(r),
      temperature: celsius(r.temperature),
      result: r.result as ScreenResult,
      reasons: reasonsOf(r.reasons),
      passId: r.pass_id,
      createdByName: r.created_by_name,
    };
  }

  async function list(ctx: Ctx, q: ListQuery): Promise<{ items: Registration[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...windowed(q), page: q.page, pageSize: q.pageSize });
    return { items: rows.map(toRegistration), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<Registration> {
    for await (const rows of repo.stream(ctx.zoneId, windowed(q))) yield* rows.map(toRegistration);
  }

  async function rowOf(ctx: Ctx, id: string): Promise<RegistrationRowNamed> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('checkpoint_registration', id);
    return row;
  }

  /** Registrations by id, in the order asked (ids of other zones are left out). */
  async function byIds(zoneId: string, ids: string[]): Promise<Registration[]> {
    const rows = new Map((await repo.byIds(zoneId, ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = rows.get(id);
      return r ? [toRegistration(r)] : [];
    });
  }

  /** The registration's ID number or phone in full, with the reason audited. */
  async function reveal(ctx: Ctx, id: string, input: z.infer<typeof RevealInput>): Promise<{ value: string | null }> {
    const row = await rowOf(ctx, id);
    const enc = input.field === 'idNumber' ? row.id_enc : row.phone_enc;
    await recordAudit(database.db, clock, ctx, { action: 'checkpoint_registration.reveal', entityType: 'checkpoint_registration', entityId: id, after: { field: input.field, reason: input.reason } });
    return { value: decryptOrNull(enc) };
  }

  /**
   * A temperature measured by staff (°C): the row's temperature, result and reasons; the rollup's
   * alerts follow the result; a case opens for a result that needs attention unless one is being
   * followed up (that one takes the new measurement); audited. Alerts go out after the commit.
   */
  async function setTemperature(ctx: Ctx, id: string, temperature: number): Promise<Registration> {
    const row = await rowOf(ctx, id);
    const tenths = Math.round(temperature * 10);
    const { result, reasons } = screenResult(healthOf(row), tenths);
    const reasonText = reasons.join(',');
    const cases = makeCasesRepo(database.db, database.dialect);
    const existing = await cases.byRegistration(ctx.zoneId, row.id);
    const active = existing && existing.status !== 'closed' ? existing : null;
    // A closed case ends its follow-up; a fever found afterwards is a new one.
    const opens = result !== 'green' && !active && (!existing || reasons.includes('temperature'));
    const now = clock.now();
    const alerts: AlertEvent[] = [];
    await database.db.transaction().execute(async (trx) => {
      const r = makeRegistrationsRepo(trx, database.dialect);
      if (!(await r.setTemperature(ctx.zoneId, row.id, { temperature: row.temperature, result: row.result }, { temperature: tenths, result, reasons: reasonText }))) {
        throw new ConflictError('state.stale_registration');
      }
      let caseNumber: string | null = null;
      const c = makeCasesRepo(trx, database.dialect);
      let open = opens;
      if (active) {
        // The case being followed up takes the measurement, unless it was closed since it was
        // read: then, as after a close, a fever opens a new case.
        const status = await c.remeasure(ctx.zoneId, active.id, { temperature: tenths, reasons: reasonText, result, updated_at: now });
        if (status) {
          await c.insertEvent({ id: newId(), zone_id: ctx.zoneId, case_id: active.id, action: 'temperature', from_status: status, to_status: status, note: `${temperature.toFixed(1)} ℃`, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, at: now });
          // A case that turns red (a fever on top of a symptom) is news to the duty console.
          if (result === 'red' && active.result !== 'red') alerts.push(alertOf({ ...active, temperature: tenths, reasons: reasonText, result }, active.number, row.checkpoint_name ?? ''));
        } else open = result !== 'green' && reasons.includes('temperature');
      }
      if (open) {
        const caseRow: CaseRow = {
          id: newId(),
          zone_id: ctx.zoneId,
          registration_id: row.id,
          checkpoint_id: row.checkpoint_id,
          at: now,
          name: row.name,
          id_enc: row.id_enc,
          id_idx: row.id_idx,
          phone_enc: row.phone_enc,
          phone_idx: row.phone_idx,
          plate: row.plate,
          temperature: tenths,
          reasons: reasonText,
          result,
          status: 'open',
          clinic: null,
          outcome: null,
          note: null,
          closed_at: null,
          created_at: now,
          updated_at: now,
        };
        caseNumber = await openCase(trx, caseRow, scope.today(), { id: ctx.actor.userId, name: ctx.actor.displayName });
        alerts.push(alertOf(caseRow, caseNumber, row.checkpoint_name ?? ''));
      }
      // The rollups after the case's number, as a commit of registrations takes them: the same
      // order of locks (registrations.write.repo.ts, byLevel), so the two never deadlock.
      const delta = Number(result !== 'green') - Number(row.result !== 'green');
      if (delta !== 0) {
        await addToRollup(trx, { zone_id: row.zone_id, checkpoint_id: row.checkpoint_id, day: row.day, hour: row.hour, province: row.origin_province ?? '', persons: 0, vehicles: 0, alerts: delta });
      }
      await recordAudit(trx, clock, ctx, {
        action: 'checkpoint_registration.temperature',
        entityType: 'checkpoint_registration',
        entityId: row.id,
        before: { temperature: celsius(row.temperature), result: row.result, reasons: reasonsOf(row.reasons) },
        after: { temperature, result, reasons, ...(caseNumber ? { caseNumber } : {}) },
      });
    });
    // The day's alerts changed: statistics kept in memory for a settled day read it again.
    mod.stats.invalidate(ctx.zoneId, row.day);
    for (const a of alerts) mod.cases.publishAlert(ctx.zoneId, a);
    return toRegistration(await rowOf(ctx, id));
  }

  return { list, exportRows, reveal, setTemperature, toRegistration, byIds, repo };
}
export type RegistrationsService = ReturnType<typeof makeRegistrationsService>;
