// 咨询 Consultations: applicants ask (about a service item or in general), officers answer; an
// answer may be published to the zone's FAQ, which anyone can read without signing in.
import {
  CONSULTATION_ACTION_LABELS, CONSULTATION_STATUS_LABELS, FAQ_STATE_LABELS, labelIn, type Consultation, type ConsultationAction, type ConsultationInput, type ConsultationListQuery, type ConsultationStatus,
  type FaqEntry, type FaqQuery,
} from '@shuangsheng/contracts';
import type { ConsultationsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { todayIn } from '../../platform/calendar.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { ConflictError, crossZoneReference, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canSeeConsultation, consultationTransition, handlesConsultations } from './consultations.policy.js';
import { makeConsultationsRepo, type ConsultationFilter, type ConsultationRow } from './consultations.repo.js';

export type ConsultationPorts = {
  timeZoneOf(zoneId: string): Promise<string>;
  itemExists(zoneId: string, id: string): Promise<boolean>;
  enterpriseNames(zoneId: string, ids: string[]): Promise<Map<string, string>>;
  /** The zone of a code, or null. */
  zoneIdByCode(code: string): Promise<string | null>;
};

export function makeConsultationsService(deps: Deps, ports: ConsultationPorts) {
  const { database, clock } = deps;
  const repo = makeConsultationsRepo(database.db, database.dialect);

  async function hydrate(zoneId: string, rows: ConsultationRow[]): Promise<Consultation[]> {
    const names = await ports.enterpriseNames(zoneId, [...new Set(rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])))]);
    return rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      itemName: r.item_name,
      title: r.title,
      question: r.question,
      askedBy: r.asked_by,
      askerName: r.asker_name,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_id ? (names.get(r.enterprise_id) ?? null) : null,
      askedOn: r.asked_on,
      status: r.status as ConsultationStatus,
      answer: r.answer,
      answererName: r.answerer_name,
      answeredAt: r.answered_at,
      published: r.published === 1,
      publishedAt: r.published_at,
      createdAt: r.created_at,
    }));
  }

  const filterFor = (ctx: Ctx, q: Omit<ConsultationListQuery, 'page' | 'pageSize'>): ConsultationFilter =>
    handlesConsultations(ctx.actor) ? q : { ...q, askedBy: ctx.actor.userId ?? '-' };

  async function list(ctx: Ctx, q: ConsultationListQuery) {
    const { rows, total } = await repo.list(ctx.zoneId, { ...filterFor(ctx, q), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }
  async function* exportRows(ctx: Ctx, q: Omit<ConsultationListQuery, 'page' | 'pageSize'>): AsyncGenerator<Consultation> {
    let batch: ConsultationRow[] = [];
    for await (const r of repo.stream(ctx.zoneId, filterFor(ctx, q))) {
      batch.push(r);
      if (batch.length === 500) {
        yield* await hydrate(ctx.zoneId, batch);
        batch = [];
      }
    }
    yield* await hydrate(ctx.zoneId, batch);
  }

  async function get(ctx: Ctx, id: string): Promise<Consultation> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row || !canSeeConsultation(ctx.actor, { askedBy: row.asked_by })) throw new NotFoundError('consultation', id);
    return (await hydrate(ctx.zoneId, [row]))[0]!;
  }

  /** The row of a new question, asked today in the zone's time zone (askedOn counts it). */
  async function toRow(ctx: Ctx, input: ConsultationInput, now: number): Promise<ConsultationsTable> {
    return {
      id: newId(),
      zone_id: ctx.zoneId,
      item_id: input.itemId ?? null,
      title: input.title,
      question: input.question,
      asked_by: ctx.actor.userId,
      asker_name: ctx.actor.displayName,
      enterprise_id: ctx.actor.enterpriseId,
      asked_on: todayIn(await ports.timeZoneOf(ctx.zoneId), now),
      status: 'open',
      answer: null,
      answered_by: null,
      answerer_name: null,
      answered_at: null,
      published: 0,
      published_at: null,
      created_at: now,
      updated_at: now,
    };
  }

  async function ask(ctx: Ctx, input: ConsultationInput): Promise<Consultation> {
    if (input.itemId && !(await ports.itemExists(ctx.zoneId, input.itemId))) throw crossZoneReference('itemId');
    const row = await toRow(ctx, input, clock.now());
    await database.db.transaction().execute(async (trx) => {
      await makeConsultationsRepo(trx, database.dialect).insert(row);
      await recordAudit(trx, clock, ctx, { action: 'consultation.create', entityType: 'consultation', entityId: row.id, after: input });
    });
    return get(ctx, row.id);
  }

  async function act(ctx: Ctx, id: string, action: ConsultationAction, answer?: string): Promise<Consultation> {
    if (!handlesConsultations(ctx.actor)) throw new ForbiddenError();
    const before = await get(ctx, id);
    const refuse = (status: ConsultationStatus, published: boolean) => {
      const shown = labelIn(ctx.lang, published ? FAQ_STATE_LABELS.published : CONSULTATION_STATUS_LABELS[status]);
      return new ConflictError('state.consultation', { status: shown, action: labelIn(ctx.lang, CONSULTATION_ACTION_LABELS[action]) }, { status, published });
    };
    const next = consultationTransition(action, before);
    if (!next) throw refuse(before.status, before.published);
    const now = clock.now();
    const set: Partial<ConsultationsTable> = { status: next.status, published: next.published ? 1 : 0, updated_at: now };
    if (action === 'answer') Object.assign(set, { answer, answered_by: ctx.actor.userId, answerer_name: ctx.actor.displayName, answered_at: now });
    if (action === 'publish') set.published_at = now;
    if (action === 'unpublish') set.published_at = null;
    await database.db.transaction().execute(async (trx) => {
      const r = makeConsultationsRepo(trx, database.dialect);
      if (!(await r.update(ctx.zoneId, id, { status: before.status, published: before.published ? 1 : 0 }, set))) {
        const current = (await r.get(ctx.zoneId, id))!;
        throw refuse(current.status as ConsultationStatus, current.published === 1);
      }
      await recordAudit(trx, clock, ctx, {
        action: `consultation.${action}`,
        entityType: 'consultation',
        entityId: id,
        before: action === 'answer' ? { status: before.status, answer: before.answer } : { published: before.published },
        after: action === 'answer' ? { status: next.status, answer } : { published: next.published },
      });
    });
    return get(ctx, id);
  }

  /** The public FAQ: the zone of the code given, else the caller's own zone. */
  async function faq(ctx: Ctx | null, q: FaqQuery) {
    const zoneId = q.zone ? await ports.zoneIdByCode(q.zone.toUpperCase()) : (ctx?.zoneId ?? null);
    if (!zoneId) {
      if (q.zone) throw new NotFoundError('zone', q.zone);
      throw new ValidationError([{ path: 'zone', key: 'v.required' }]);
    }
    const { rows, total } = await repo.faq(zoneId, q);
    const items: FaqEntry[] = rows.map((r) => ({ id: r.id, itemId: r.item_id, itemName: r.item_name, title: r.title, question: r.question, answer: r.answer ?? '', publishedAt: r.published_at ?? r.updated_at }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  return {
    list,
    exportRows,
    get,
    ask,
    answer: (ctx: Ctx, id: string, text: string) => act(ctx, id, 'answer', text),
    publish: (ctx: Ctx, id: string) => act(ctx, id, 'publish'),
    unpublish: (ctx: Ctx, id: string) => act(ctx, id, 'unpublish'),
    faq,
    toRow,
    count: (zoneId: string, from: string, to: string, f: { itemId?: string | undefined; department?: string | undefined }) => repo.countAsked(zoneId, from, to, f),
    repo,
  };
}
export type ConsultationsService = ReturnType<typeof makeConsultationsService>;
