// Abnormal cases (异常情况台账): a registration with a temperature ≥ 37.3 °C or a positive
// declaration opens one (in the registration's commit, or when staff enter a temperature later);
// the duty console gets it live (`alert` events over SSE, published after the commit) and follows
// it up: transferred to a clinic → result recorded → closed, or closed directly with an outcome.
// Each move is guarded by the status read (a parallel move loses with 409), kept as an event and
// audited. The person is shown masked; revealing the ID number or phone needs pii.reveal and a
// reason, and is audited.
import {
  CASE_STATUS_LABELS,
  labelIn,
  type AbnormalCase,
  type AlertEvent,
  type AlertReason,
  type CaseActionInput,
  type CaseDetail as CaseDetailSchema,
  type CaseListQuery,
  type CaseOutcome,
  type CaseStatus,
  type Lang,
  type RevealInput,
  type ScreenResult,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import { addDays } from '../../platform/calendar.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { endOfDayIn } from '../resumption/stats.compute.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { makeCasesRepo, type CaseFilter, type CaseRowNamed } from './cases.repo.js';
import type { CaseRow } from './registrations.writer.js';

type ListQuery = z.infer<typeof CaseListQuery>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;
export type CaseAction = 'transfer' | 'result' | 'close';

/** The words of the follow-up actions, for state errors and the timeline. */
export const CASE_ACTION_LABELS: Record<CaseAction | 'open' | 'temperature', [string, string]> = {
  open: ['登记异常', 'Raised'],
  transfer: ['转诊', 'Transfer to a clinic'],
  result: ['记录结果', 'Record the result'],
  close: ['结案', 'Close'],
  temperature: ['复测体温', 'Temperature measured'],
};

/** Alert reasons as stored (comma-separated) and back. */
export const reasonsOf = (s: string): AlertReason[] => (s ? (s.split(',') as AlertReason[]) : []);
/** Tenths of a degree → °C. */
export const celsius = (tenths: number | null): number | null => (tenths === null ? null : tenths / 10);

/** What the duty console receives when a case opens (or turns red). */
export function alertOf(c: Pick<CaseRow, 'id' | 'checkpoint_id' | 'at' | 'name' | 'temperature' | 'reasons' | 'result'>, number: string, checkpointName: string): AlertEvent {
  return { caseId: c.id, number, checkpointId: c.checkpoint_id, checkpointName, at: c.at, name: c.name, temperature: celsius(c.temperature), reasons: reasonsOf(c.reasons), result: c.result as ScreenResult };
}

export function makeCasesService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  void scope;
  void mod;
  const { deps, events, timeZone } = parts;
  const { database, clock, pii } = deps;
  const repo = makeCasesRepo(database.db, database.dialect);

  const decryptOrNull = (enc: string | null) => (enc ? pii.decrypt(enc) : null);

  function toCase(r: CaseRowNamed): AbnormalCase {
    return {
      id: r.id,
      number: r.number,
      registrationId: r.registration_id,
      checkpointId: r.checkpoint_id,
      checkpointName: r.checkpoint_name ?? '',
      at: r.at,
      name: r.name,
      idNumberMasked: maskIdNumber(decryptOrNull(r.id_enc)),
      phoneMasked: maskPhone(decryptOrNull(r.phone_enc)),
      plate: r.plate,
      temperature: celsius(r.temperature),
      reasons: reasonsOf(r.reasons),
      result: r.result as ScreenResult,
      status: r.status as CaseStatus,
      clinic: r.clinic,
      outcome: r.outcome as CaseOutcome | null,
      note: r.note,
      closedAt: r.closed_at,
      updatedAt: r.updated_at,
    };
  }

  function filterOf(q: Filters): CaseFilter {
    const { from, to, ...rest } = q;
    return { ...rest, fromMs: from ? endOfDayIn(addDays(from, -1), timeZone) : undefined, toMs: to ? endOfDayIn(to, timeZone) : undefined };
  }

  async function list(ctx: Ctx, q: ListQuery): Promise<{ items: AbnormalCase[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...filterOf(q), page: q.page, pageSize: q.pageSize });
    return { items: rows.map(toCase), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<AbnormalCase> {
    for await (const rows of repo.stream(ctx.zoneId, filterOf(q))) yield* rows.map(toCase);
  }

  async function rowOf(ctx: Ctx, id: string): Promise<CaseRowNamed> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('checkpoint_case', id);
    return row;
  }

  async function detailOf(ctx: Ctx, row: CaseRowNamed): Promise<CaseDetail> {
    const evs = await repo.events(ctx.zoneId, row.id);
    return {
      ...toCase(row),
      events: evs.map((e) => ({ id: e.id, action: e.action, fromStatus: e.from_status as CaseStatus | null, toStatus: e.to_status as CaseStatus, note: e.note, actorName: e.actor_name, at: e.at })),
    };
  }

  const get = async (ctx: Ctx, id: string): Promise<CaseDetail> => detailOf(ctx, await rowOf(ctx, id));

  function stateError(lang: Lang, status: string, action: CaseAction): ConflictError {
    return new ConflictError('state.case', { status: labelIn(lang, CASE_STATUS_LABELS[status as CaseStatus]), action: labelIn(lang, CASE_ACTION_LABELS[action]) }, { status });
  }

  /** Where an action leads from a status, or null when it may not be taken there. */
  function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
    if (action === 'transfer') return status === 'open' ? 'transferred' : null;
    if (action === 'result') return status === 'transferred' ? 'resulted' : null;
    return status === 'open' || status === 'resulted' ? 'closed' : null;
  }

  /**
   * transfer (open → transferred, clinic required), result (transferred → resulted, outcome
   * required), close (resulted → closed; open → closed with an outcome). Other moves 409.
   */
  async function act(ctx: Ctx, id: string, action: CaseAction, input: z.infer<typeof CaseActionInput>): Promise<CaseDetail> {
    const row = await rowOf(ctx, id);
    const from = row.status as CaseStatus;
    const to = nextStatus(from, action);
    if (!to) throw stateError(ctx.lang, from, action);
    const clinic = input.clinic?.trim() || null;
    const outcome = input.outcome ?? null;
    const note = input.note?.trim() || null;
    if (action === 'transfer' && !clinic) throw new ValidationError([{ path: 'clinic', key: 'v.clinic_required' }]);
    if (action === 'result' && !outcome) throw new ValidationError([{ path: 'outcome', key: 'v.outcome_required' }]);
    if (action === 'close' && from === 'open' && !outcome) throw new ValidationError([{ path: 'outcome', key: 'v.outcome_required' }]);
    const now = clock.now();
    const set = {
      status: to,
      updated_at: now,
      ...(clinic ? { clinic } : {}),
      ...(outcome ? { outcome } : {}),
      ...(note ? { note } : {}),
      ...(to === 'closed' ? { closed_at: now } : {}),
    };
    await database.db.transaction().execute(async (trx) => {
      const r = makeCasesRepo(trx, database.dialect);
      if (!(await r.move(ctx.zoneId, id, from, set))) {
        const current = await r.get(ctx.zoneId, id);
        throw stateError(ctx.lang, current?.status ?? from, action);
      }
      await r.insertEvent({ id: newId(), zone_id: ctx.zoneId, case_id: id, action, from_status: from, to_status: to, note: [clinic, outcome, note].filter(Boolean).join(' · ') || null, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, at: now });
      await recordAudit(trx, clock, ctx, {
        action: `checkpoint_case.${action}`,
        entityType: 'checkpoint_case',
        entityId: id,
        before: { status: from, clinic: row.clinic, outcome: row.outcome },
        after: { status: to, clinic: clinic ?? row.clinic, outcome: outcome ?? row.outcome, note },
      });
    });
    return get(ctx, id);
  }

  /** The case's ID number or phone in full, with the reason audited. */
  async function reveal(ctx: Ctx, id: string, input: z.infer<typeof RevealInput>): Promise<{ value: string | null }> {
    const row = await rowOf(ctx, id);
    const enc = input.field === 'idNumber' ? row.id_enc : row.phone_enc;
    await recordAudit(database.db, clock, ctx, { action: 'checkpoint_case.reveal', entityType: 'checkpoint_case', entityId: id, after: { field: input.field, reason: input.reason } });
    return { value: decryptOrNull(enc) };
  }

  /** Tells the zone's open duty consoles (call after the commit). */
  function publishAlert(zoneId: string, alert: AlertEvent): void {
    events.publish(zoneId, { type: 'alert', data: alert });
  }

  return { list, exportRows, get, act, reveal, publishAlert, toCase, repo };
}
export type CasesService = ReturnType<typeof makeCasesService>;
