// Applications (办件): drafts with the item's form and materials, the state machine from submission
// to approval (受理, 补正, 办结 …) with every transition recorded, numbering per zone and day, due
// dates in working days that stand still during correction, and the e-licence an approval issues.
import { createHash } from 'node:crypto';
import type {
  Application,
  ApplicationAction,
  ApplicationActionBody,
  ApplicationCreateInput,
  ApplicationEvent,
  ApplicationListQuery,
  ApplicationProgress,
  ApplicationPatch,
  ApplicationStatus,
  ApplicationSummary,
  CorrectionPoint,
  FormValues,
  ItemSnapshot,
} from '@shuangsheng/contracts';
import { APPLICATION_ACTION_LABELS, APPLICATION_STATUS_LABELS, APPLICANT_TYPE_LABELS, entityName, translate, type FileType, labelIn } from '@shuangsheng/contracts';
import type { ApplicationEventsTable, ApplicationsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { todayIn, workingDaysBetween } from '../../platform/calendar.js';
import { systemCtx, type Ctx, type Deps, type Executor } from '../../platform/context.js';
import { AppError, ConflictError, crossZoneReference, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { toBool } from '../../platform/tx.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { FilesService } from '../files/files.service.js';
import type { OrgServices } from '../org/org.services.js';
import { notify, type Notice } from '../notifications/notifications.service.js';
import type { CatalogueService } from './catalogue.service.js';
import { availableActions, canSee, checkForm, EDITABLE, isOfficer, mayTakeSide, transition, TRANSITIONS } from './applications.policy.js';
import { makeApplicationsRepo, nextInSeries, RUNNING_STATUSES, type ResolvedFilter, type Visibility } from './applications.repo.js';
import type { LicencesService } from './licences.service.js';

type Parts = {
  catalogue: CatalogueService;
  files: FilesService;
  calendar: CalendarService;
  enterprises: EnterprisesService;
  org: OrgServices;
  licences: () => LicencesService;
  timeZone: string;
  /** false: licence PDFs are drawn on first download (the demo's history of hundreds). */
  drawLicencesNow?: boolean;
};

/** `SV-20200203-000123`: the day of submission and its sequence in the zone. */
export function applicationNumber(day: string, seq: number): string {
  return `SV-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
}

export function makeApplicationsService(deps: Deps, parts: Parts) {
  const { database, clock, pii } = deps;
  const repo = makeApplicationsRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeApplicationsRepo(trx, database.dialect);
  const today = () => todayIn(parts.timeZone, clock.now());

  // ---- reading
  async function soonUntil(zoneId: string, day: string) {
    return parts.calendar.dueDate(zoneId, day, 2);
  }

  function dueStateOf(row: ApplicationsTable, day: string, soon: string): ApplicationSummary['dueState'] {
    if (row.status === 'correction') return 'paused';
    if (!row.due_date || !(RUNNING_STATUSES as readonly string[]).includes(row.status)) return 'none';
    if (row.due_date < day) return 'overdue';
    if (row.due_date === day) return 'today';
    return row.due_date <= soon ? 'soon' : 'ok';
  }

  async function summaries(zoneId: string, rows: ApplicationsTable[]): Promise<ApplicationSummary[]> {
    const day = today();
    const soon = await soonUntil(zoneId, day);
    const enterpriseNames = await parts.enterprises.lookup.names(zoneId, [...new Set(rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])))]);
    const userNames = await parts.org.users.namesOf(zoneId, [...new Set(rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])))]);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status as ApplicationStatus,
      itemId: r.item_id,
      itemCode: r.item_code,
      itemName: r.item_name,
      department: r.department,
      category: r.category as ApplicationSummary['category'],
      applicantType: r.applicant_type as ApplicationSummary['applicantType'],
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_id ? (enterpriseNames.get(r.enterprise_id) ?? null) : null,
      applicantName: r.applicant_name,
      applicantPhoneMasked: maskPhone(pii.decrypt(r.applicant_phone_enc)) ?? '',
      channel: r.channel as ApplicationSummary['channel'],
      delivery: r.delivery as ApplicationSummary['delivery'],
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_id ? (userNames.get(r.assignee_id) ?? null) : null,
      submittedAt: r.submitted_at,
      acceptedOn: r.accepted_on,
      dueDate: r.due_date,
      dueState: dueStateOf(r, day, soon),
      completedOn: r.completed_on,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  const visibility = (ctx: Ctx): Visibility =>
    isOfficer(ctx.actor) ? { all: true } : ctx.actor.enterpriseId ? { enterpriseId: ctx.actor.enterpriseId } : { createdBy: ctx.actor.userId ?? '' };

  async function resolve(ctx: Ctx, f: Omit<ApplicationListQuery, 'page' | 'pageSize'>): Promise<ResolvedFilter> {
    const day = today();
    const enterpriseIds = f.q && isOfficer(ctx.actor) ? await parts.enterprises.lookup.search(ctx.zoneId, f.q) : undefined;
    return { ...f, today: day, soonUntil: await soonUntil(ctx.zoneId, day), ...(enterpriseIds ? { enterpriseIds } : {}) };
  }

  async function list(ctx: Ctx, q: ApplicationListQuery) {
    const { rows, total } = await repo.list(ctx.zoneId, visibility(ctx), { ...(await resolve(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await summaries(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Omit<ApplicationListQuery, 'page' | 'pageSize'>): AsyncGenerator<ApplicationSummary> {
    const f = await resolve(ctx, q);
    for await (const row of repo.stream(ctx.zoneId, visibility(ctx), f)) yield* await summaries(ctx.zoneId, [row]);
  }

  /** Current materials of the filtered applications, for the archive zip. */
  async function* materialsOf(ctx: Ctx, q: Omit<ApplicationListQuery, 'page' | 'pageSize'>) {
    const f = await resolve(ctx, q);
    for await (const row of repo.stream(ctx.zoneId, visibility(ctx), f)) {
      for (const m of await repo.currentMaterials(ctx.zoneId, [row.id])) yield { application: row, material: m };
    }
  }

  async function queues(ctx: Ctx) {
    const day = today();
    return repo.queueCounts(ctx.zoneId, day, await soonUntil(ctx.zoneId, day), ctx.actor.userId);
  }

  /** The row, if it exists in the zone and the actor may see it (404 otherwise: no probing). */
  async function visibleRow(ctx: Ctx, id: string): Promise<ApplicationsTable> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row || !canSee(ctx.actor, facts(row))) throw new NotFoundError('application', id);
    return row;
  }

  const facts = (r: ApplicationsTable) => ({ enterpriseId: r.enterprise_id, createdBy: r.created_by, channel: r.channel, status: r.status as ApplicationStatus });

  async function get(ctx: Ctx, id: string): Promise<Application> {
    return hydrate(ctx, await visibleRow(ctx, id));
  }

  async function hydrate(ctx: Ctx, row: ApplicationsTable): Promise<Application> {
    const [summary] = await summaries(ctx.zoneId, [row]);
    const materials = await repo.currentMaterials(ctx.zoneId, [row.id]);
    const events = await repo.events(ctx.zoneId, row.id);
    const licences = await repo.licencesOf(ctx.zoneId, [row.id]);
    const current = licences.filter((l) => l.status === 'valid').at(-1) ?? licences.at(-1) ?? null;
    return {
      ...summary!,
      item: JSON.parse(row.item_json) as ItemSnapshot,
      mailAddress: row.mail_address,
      form: JSON.parse(row.form_json) as FormValues,
      eSigned: toBool(row.e_signed),
      refuseReason: row.refuse_reason,
      decisionReason: row.decision_reason,
      corrections: JSON.parse(row.corrections_json) as CorrectionPoint[],
      pausedDays: row.paused_days,
      materials: materials.map((m) => ({ id: m.id, key: m.material_key, fileId: m.file_id, name: m.name, type: m.type as FileType, size: Number(m.size), uploadedAt: m.uploaded_at })),
      events: events.map(toEvent),
      licence: current ? parts.licences().toLicence(current) : null,
      actions: availableActions(ctx.actor, facts(row)),
    };
  }

  const toEvent = (e: ApplicationEventsTable): ApplicationEvent => ({
    id: e.id,
    at: e.at,
    actorName: e.actor_name,
    action: e.action,
    fromStatus: e.from_status as ApplicationStatus | null,
    toStatus: e.to_status as ApplicationStatus | null,
    comment: e.comment,
    corrections: e.corrections_json ? (JSON.parse(e.corrections_json) as CorrectionPoint[]) : null,
  });

  async function event(trx: Executor, ctx: Ctx, applicationId: string, e: { action: string; from?: string | null; to?: string | null; comment?: string | null; corrections?: CorrectionPoint[] | null }) {
    await repoIn(trx).insertEvent({
      id: newId(),
      zone_id: ctx.zoneId,
      application_id: applicationId,
      at: clock.now(),
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      action: e.action,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      comment: e.comment ?? null,
      corrections_json: e.corrections ? JSON.stringify(e.corrections) : null,
    });
  }

  // ---- drafts
  function snapshotOf(item: Awaited<ReturnType<CatalogueService['get']>>): ItemSnapshot {
    return {
      code: item.code,
      name: item.name,
      department: item.department,
      category: item.category,
      legalDays: item.legalDays,
      promisedDays: item.promisedDays,
      materials: item.materials.map((m) => ({ key: m.key, name: m.name, required: m.required, fileTypes: m.fileTypes, note: m.note ?? null })),
      fields: item.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, ...(f.options ? { options: f.options } : {}), help: f.help ?? null })),
      fullyElectronic: item.fullyElectronic,
      licenceName: item.licenceName,
    };
  }

  function assertForm(fields: ItemSnapshot['fields'], form: FormValues) {
    const { issues } = checkForm(fields, form, false);
    if (issues.length) throw new ValidationError(issues);
  }

  async function create(ctx: Ctx, input: ApplicationCreateInput): Promise<Application> {
    const officer = isOfficer(ctx.actor);
    const item = await parts.catalogue.get(ctx, input.itemId).catch((e: unknown) => {
      if (e instanceof NotFoundError) throw crossZoneReference('itemId');
      throw e;
    });
    if (input.channel === 'online' && !item.onlineEnabled) throw new RuleError('rule.item_offline', {}, { field: 'itemId' });
    if (!item.applicantTypes.includes(input.applicantType)) {
      throw new RuleError('rule.applicant_type', { type: labelIn(ctx.lang, APPLICANT_TYPE_LABELS[input.applicantType]) }, { field: 'applicantType' });
    }
    // Applicants apply online; officers record what came to the counter or by mail.
    if (!officer && input.channel !== 'online') throw new RuleError('rule.channel_officer_only', {}, { field: 'channel' });
    if (officer && ctx.actor.enterpriseId === null && input.channel === 'online') throw new RuleError('rule.channel_officer_only', {}, { field: 'channel' });
    let enterpriseId: string | null = null;
    if (input.applicantType === 'enterprise') {
      if (ctx.actor.enterpriseId) {
        if (input.enterpriseId && input.enterpriseId !== ctx.actor.enterpriseId) throw new RuleError('rule.own_enterprise_only', {}, { field: 'enterpriseId' });
        enterpriseId = ctx.actor.enterpriseId;
      } else {
        if (!input.enterpriseId) throw new RuleError('rule.enterprise_required', {}, { field: 'enterpriseId' });
        const names = await parts.enterprises.lookup.names(ctx.zoneId, [input.enterpriseId]);
        if (!names.has(input.enterpriseId)) throw crossZoneReference('enterpriseId');
        enterpriseId = input.enterpriseId;
      }
    } else if (!input.applicant.idNumber) {
      throw new RuleError('rule.person_id_required', {}, { field: 'applicant.idNumber' });
    }
    if (input.delivery === 'mail' && !input.mailAddress) throw new RuleError('rule.mail_address_required', {}, { field: 'mailAddress' });
    const snapshot = snapshotOf(item);
    assertForm(snapshot.fields, input.form);

    const now = clock.now();
    const phone = pii.protect(input.applicant.phone);
    const idNumber = pii.protect(input.applicantType === 'person' ? input.applicant.idNumber : null);
    const row: ApplicationsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      number: null,
      status: 'draft',
      item_id: item.id,
      item_code: item.code,
      item_name: item.name,
      department: item.department,
      category: item.category,
      item_json: JSON.stringify(snapshot),
      applicant_type: input.applicantType,
      enterprise_id: enterpriseId,
      applicant_name: input.applicant.name,
      applicant_phone_enc: phone.enc!,
      applicant_phone_idx: phone.idx!,
      applicant_id_enc: idNumber.enc,
      applicant_id_idx: idNumber.idx,
      created_by: ctx.actor.userId,
      channel: input.channel,
      delivery: input.delivery,
      mail_address: input.mailAddress ?? null,
      form_json: JSON.stringify(input.form),
      e_signed: 0,
      signature_sha256: null,
      assignee_id: null,
      corrections_json: '[]',
      paused_since: null,
      paused_days: 0,
      refuse_reason: null,
      decision_reason: null,
      submitted_at: null,
      submitted_on: null,
      accepted_on: null,
      due_date: null,
      due_notified_on: null,
      completed_on: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await database.db.transaction().execute(async (trx) => {
      await repoIn(trx).insert(row);
      await event(trx, ctx, row.id, { action: 'create', to: 'draft' });
      await recordAudit(trx, clock, ctx, {
        action: 'application.create',
        entityType: 'application',
        entityId: row.id,
        after: { itemCode: item.code, applicantType: input.applicantType, enterpriseId, applicantName: input.applicant.name, applicantPhone: maskPhone(input.applicant.phone), channel: input.channel, delivery: input.delivery },
      });
    });
    return hydrate(ctx, row);
  }

  /** An application the actor may change as the applicant (or an officer for a walk-in), in an editable state. */
  async function editableRow(ctx: Ctx, id: string): Promise<ApplicationsTable> {
    const row = await visibleRow(ctx, id);
    if (!mayTakeSide(ctx.actor, facts(row), 'applicant')) throw new ForbiddenError();
    if (!EDITABLE.includes(row.status as ApplicationStatus)) throw new ConflictError('rule.not_editable', {}, { status: row.status });
    return row;
  }

  async function write(trx: Executor, row: ApplicationsTable, set: Partial<ApplicationsTable>) {
    const ok = await repoIn(trx).updateIfVersion(row.zone_id, row.id, row.version, { ...set, updated_at: clock.now() });
    if (!ok) {
      const now = await repoIn(trx).get(row.zone_id, row.id);
      throw new ConflictError('state.stale', { status: now?.status ?? row.status }, { status: now?.status ?? row.status });
    }
  }

  async function update(ctx: Ctx, id: string, patch: ApplicationPatch): Promise<Application> {
    const row = await editableRow(ctx, id);
    const snapshot = JSON.parse(row.item_json) as ItemSnapshot;
    const set: Partial<ApplicationsTable> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (patch.form) {
      const form = { ...(JSON.parse(row.form_json) as FormValues), ...patch.form };
      assertForm(snapshot.fields, form);
      set.form_json = JSON.stringify(form);
      before.form = JSON.parse(row.form_json);
      after.form = form;
    }
    if (patch.delivery) {
      set.delivery = patch.delivery;
      before.delivery = row.delivery;
      after.delivery = patch.delivery;
    }
    if (patch.mailAddress !== undefined) {
      set.mail_address = patch.mailAddress;
      before.mailAddress = row.mail_address;
      after.mailAddress = patch.mailAddress;
    }
    if ((patch.delivery ?? row.delivery) === 'mail' && !(patch.mailAddress !== undefined ? patch.mailAddress : row.mail_address)) {
      throw new RuleError('rule.mail_address_required', {}, { field: 'mailAddress' });
    }
    if (patch.applicant) {
      if (row.applicant_type === 'person' && !patch.applicant.idNumber) throw new RuleError('rule.person_id_required', {}, { field: 'applicant.idNumber' });
      const phone = pii.protect(patch.applicant.phone);
      const idn = pii.protect(row.applicant_type === 'person' ? patch.applicant.idNumber : null);
      Object.assign(set, { applicant_name: patch.applicant.name, applicant_phone_enc: phone.enc!, applicant_phone_idx: phone.idx!, applicant_id_enc: idn.enc, applicant_id_idx: idn.idx });
      before.applicant = { name: row.applicant_name, phone: maskPhone(pii.decrypt(row.applicant_phone_enc)) };
      after.applicant = { name: patch.applicant.name, phone: maskPhone(patch.applicant.phone) };
    }
    await database.db.transaction().execute(async (trx) => {
      await write(trx, row, set);
      await recordAudit(trx, clock, ctx, { action: 'application.update', entityType: 'application', entityId: id, before, after });
    });
    return get(ctx, id);
  }

  async function removeDraft(ctx: Ctx, id: string): Promise<void> {
    const row = await visibleRow(ctx, id);
    if (!mayTakeSide(ctx.actor, facts(row), 'applicant')) throw new ForbiddenError();
    if (row.status !== 'draft') throw new ConflictError('rule.draft_only_delete', {}, { status: row.status });
    await database.db.transaction().execute(async (trx) => {
      await repoIn(trx).remove(ctx.zoneId, id);
      await recordAudit(trx, clock, ctx, { action: 'application.delete', entityType: 'application', entityId: id, before: { itemCode: row.item_code, status: row.status } });
    });
  }

  async function uploadMaterial(ctx: Ctx, id: string, key: string, bytes: Buffer, filename: string | undefined): Promise<Application> {
    const row = await editableRow(ctx, id);
    const snapshot = JSON.parse(row.item_json) as ItemSnapshot;
    const material = snapshot.materials.find((m) => m.key === key);
    if (!material) throw new RuleError('rule.material_unknown', { key }, { field: 'key' });
    await database.db.transaction().execute(async (trx) => {
      const stored = await parts.files.storeIn(trx, ctx, 'application_material', bytes, filename);
      if (!material.fileTypes.includes(stored.type)) {
        throw new AppError(415, 'rule.material_file_type', { name: material.name, types: material.fileTypes.join(', ') }, { field: 'file', allowed: material.fileTypes });
      }
      const at = clock.now();
      await repoIn(trx).replaceMaterials(ctx.zoneId, id, key, at);
      await repoIn(trx).insertMaterial({ id: newId(), zone_id: ctx.zoneId, application_id: id, material_key: key, file_id: stored.id, uploaded_by: ctx.actor.userId, uploaded_at: at, replaced_at: null });
      await write(trx, row, {});
      await recordAudit(trx, clock, ctx, { action: 'application.upload_material', entityType: 'application', entityId: id, after: { key, name: stored.name, type: stored.type, size: stored.size, sha256: stored.sha256 } });
    });
    return get(ctx, id);
  }

  async function removeMaterial(ctx: Ctx, id: string, materialId: string): Promise<Application> {
    const row = await editableRow(ctx, id);
    await database.db.transaction().execute(async (trx) => {
      if (!(await repoIn(trx).retireMaterial(ctx.zoneId, id, materialId, clock.now()))) throw new NotFoundError('application_material', materialId);
      await write(trx, row, {});
      await recordAudit(trx, clock, ctx, { action: 'application.remove_material', entityType: 'application', entityId: id, before: { materialId } });
    });
    return get(ctx, id);
  }

  /** A material's bytes, for the applicant and for officers (inline preview or download). */
  async function openMaterial(ctx: Ctx, id: string, materialId: string) {
    const row = await visibleRow(ctx, id);
    const material = (await repo.currentMaterials(ctx.zoneId, [row.id])).find((m) => m.id === materialId);
    if (!material) throw new NotFoundError('application_material', materialId);
    return parts.files.openAuthorized(ctx.zoneId, material.file_id);
  }

  // ---- the state machine
  async function recipients(zoneId: string, row: ApplicationsTable, to: 'applicant' | 'officers'): Promise<string[]> {
    if (to === 'applicant') {
      // The user who applied; a walk-in recorded by an officer has nobody to tell in the console.
      if (!row.created_by) return [];
      const roles = await parts.org.users.rolesOf([row.created_by]);
      return (roles.get(row.created_by) ?? []).includes('enterprise_user') ? [row.created_by] : [];
    }
    if (row.assignee_id) return [row.assignee_id];
    return (await officersOf(zoneId)).map((o) => o.id);
  }

  async function officersOf(zoneId: string): Promise<{ id: string; displayName: string }[]> {
    const { items } = await parts.org.users.list(systemCtx(zoneId, 'services'), { role: 'approval_officer', status: 'active', page: 1, pageSize: 200 });
    return items.map((u) => ({ id: u.id, displayName: u.displayName }));
  }

  async function act(ctx: Ctx, id: string, action: ApplicationAction, body: ApplicationActionBody): Promise<Application> {
    const row = await visibleRow(ctx, id);
    const from = row.status as ApplicationStatus;
    const rule = TRANSITIONS[action];
    if (!mayTakeSide(ctx.actor, facts(row), rule.by)) throw new ForbiddenError();
    const to = transition(action, from);
    if (!to) {
      throw new ConflictError('state.transition', { status: labelIn(ctx.lang, APPLICATION_STATUS_LABELS[from]), action: labelIn(ctx.lang, APPLICATION_ACTION_LABELS[action]) }, { status: from });
    }
    const snapshot = JSON.parse(row.item_json) as ItemSnapshot;
    const day = today();
    const set: Partial<ApplicationsTable> = { status: to };
    const notices: { to: 'applicant' | 'officers'; kind: Notice['kind'] }[] = [];
    let corrections: CorrectionPoint[] | null = null;
    let issueLicence = false;

    switch (action) {
      case 'submit': {
        const materials = await repo.currentMaterials(ctx.zoneId, [row.id]);
        const have = new Set(materials.map((m) => m.material_key));
        const missingMaterials = snapshot.materials.filter((m) => m.required && !have.has(m.key)).map((m) => m.name);
        if (missingMaterials.length) throw new RuleError('rule.missing_materials', { names: missingMaterials.join('、') }, { materials: missingMaterials });
        const { issues, missing } = checkForm(snapshot.fields, JSON.parse(row.form_json) as FormValues, true);
        if (issues.length) throw new ValidationError(issues);
        if (missing.length) throw new RuleError('rule.missing_fields', { names: missing.join('、') }, { fields: missing });
        if (snapshot.fullyElectronic && row.channel === 'online' && body.eSign !== true) throw new RuleError('rule.esign_required', {}, { field: 'eSign' });
        if (body.eSign === true) {
          set.e_signed = 1;
          set.signature_sha256 = createHash('sha256')
            .update(JSON.stringify({ form: row.form_json, materials: materials.map((m) => [m.material_key, m.sha256]), signer: ctx.actor.userId, at: clock.now() }))
            .digest('hex');
        }
        set.submitted_at = clock.now();
        set.submitted_on = day;
        notices.push({ to: 'officers', kind: 'application.submitted' });
        break;
      }
      case 'accept':
        set.accepted_on = day;
        set.due_date = await parts.calendar.dueDate(ctx.zoneId, day, snapshot.promisedDays);
        set.assignee_id = row.assignee_id ?? ctx.actor.userId;
        notices.push({ to: 'applicant', kind: 'application.accepted' });
        break;
      case 'refuse':
        if (!body.reason) throw new ValidationError([{ path: 'reason', key: 'v.required' }]);
        set.refuse_reason = body.reason;
        set.completed_on = day;
        notices.push({ to: 'applicant', kind: 'application.refused' });
        break;
      case 'review':
        set.assignee_id = row.assignee_id ?? ctx.actor.userId;
        break;
      case 'request_correction': {
        if (!body.corrections?.length) throw new ValidationError([{ path: 'corrections', key: 'v.required' }]);
        for (const [i, c] of body.corrections.entries()) {
          const known = c.target === 'material' ? snapshot.materials.some((m) => m.key === c.key) : snapshot.fields.some((f) => f.key === c.key);
          if (!known) throw new RuleError('rule.correction_unknown_key', { key: c.key }, { field: `corrections.${i}.key` });
        }
        corrections = body.corrections;
        set.corrections_json = JSON.stringify(corrections);
        set.paused_since = day;
        set.assignee_id = row.assignee_id ?? ctx.actor.userId;
        notices.push({ to: 'applicant', kind: 'application.correction' });
        break;
      }
      case 'resubmit': {
        // Every material the officer marked must have been uploaded again since the request.
        const asked = (await repo.lastEvent(ctx.zoneId, row.id, 'request_correction')) ?? { id: '', at: 0 };
        const materials = await repo.currentMaterials(ctx.zoneId, [row.id]);
        // Uploaded after the request: a later instant, or the same millisecond and a later (time-ordered) id.
        const newer = (m: { id: string; uploaded_at: number }) => m.uploaded_at > asked.at || (m.uploaded_at === asked.at && m.id > asked.id);
        const pending = (JSON.parse(row.corrections_json) as CorrectionPoint[])
          .filter((c) => c.target === 'material' && !materials.some((m) => m.material_key === c.key && newer(m)))
          .map((c) => snapshot.materials.find((m) => m.key === c.key)?.name ?? c.key);
        if (pending.length) throw new RuleError('rule.correction_not_addressed', { names: pending.join('、') }, { materials: pending });
        const missingMaterials = snapshot.materials.filter((m) => m.required && !materials.some((x) => x.material_key === m.key)).map((m) => m.name);
        if (missingMaterials.length) throw new RuleError('rule.missing_materials', { names: missingMaterials.join('、') }, { materials: missingMaterials });
        // The clock stood still from the request to today: the due date moves by those working days.
        const since = row.paused_since ?? day;
        const exceptions = await parts.calendar.exceptions(ctx.zoneId, since, day);
        const paused = workingDaysBetween(since, day, exceptions);
        set.paused_days = row.paused_days + paused;
        set.paused_since = null;
        if (row.due_date) set.due_date = await parts.calendar.dueDate(ctx.zoneId, row.due_date, paused);
        notices.push({ to: 'officers', kind: 'application.resubmitted' });
        break;
      }
      case 'approve':
        set.completed_on = day;
        set.decision_reason = body.comment ?? null;
        issueLicence = snapshot.licenceName !== null;
        notices.push({ to: 'applicant', kind: 'application.approved' });
        break;
      case 'deny':
        if (!body.reason) throw new ValidationError([{ path: 'reason', key: 'v.required' }]);
        set.decision_reason = body.reason;
        set.completed_on = day;
        notices.push({ to: 'applicant', kind: 'application.denied' });
        break;
      case 'withdraw':
        set.completed_on = day;
        break;
    }

    // Everything read from other tables is read before the transaction: on SQLite it holds the
    // only connection, and a read outside it would wait for it forever.
    const after = { ...row, ...set };
    const deliveries = await Promise.all(notices.map(async (n) => ({ kind: n.kind, users: (await recipients(ctx.zoneId, after, n.to)).filter((u) => u !== ctx.actor.userId) })));
    const licenceFacts = issueLicence ? await parts.licences().factsFor(ctx, after) : null;

    await database.db.transaction().execute(async (trx) => {
      await write(trx, row, set);
      const comment = body.reason ?? body.comment ?? null;
      await event(trx, ctx, row.id, { action, from, to, comment, corrections });
      // The day's counter is locked from here to the commit: taken as late as the writes allow,
      // so that parallel submissions of a zone wait on each other as briefly as possible.
      if (action === 'submit') {
        set.number = applicationNumber(day, await nextInSeries(trx, ctx.zoneId, 'SV', day));
        await repoIn(trx).setNumber(ctx.zoneId, row.id, set.number);
      }
      await recordAudit(trx, clock, ctx, {
        action: `application.${action}`,
        entityType: 'application',
        entityId: row.id,
        before: { status: from },
        after: { status: to, ...(set.number ? { number: set.number } : {}), ...(comment ? { comment } : {}), ...(corrections ? { corrections } : {}), ...(set.due_date ? { dueDate: set.due_date } : {}) },
      });
      const number = set.number ?? row.number ?? '';
      for (const d of deliveries) await notify(trx, clock, ctx.zoneId, d.users, { kind: d.kind, params: { number, itemName: row.item_name }, entityType: 'application', entityId: row.id });
      if (licenceFacts) await parts.licences().issueIn(trx, ctx, { ...after, number: set.number ?? row.number }, day, licenceFacts);
    });
    if (licenceFacts && parts.drawLicencesNow !== false) await parts.licences().drawPending(ctx, row.id);
    return get(ctx, id);
  }

  /** Accepts many submitted applications at once; each succeeds or fails on its own. */
  async function bulkAccept(ctx: Ctx, ids: string[]) {
    const accepted: string[] = [];
    const failed: { id: string; code: string; message: string }[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        await act(ctx, id, 'accept', {});
        accepted.push(id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const params = e.code === 'not_found' ? { entity: entityName(ctx.lang, 'application') } : e.params;
        failed.push({ id, code: e.code, message: translate(ctx.lang, e.code, params) });
      }
    }
    return { accepted, failed };
  }

  async function assign(ctx: Ctx, id: string, assigneeId: string | null): Promise<Application> {
    const row = await visibleRow(ctx, id);
    if (!isOfficer(ctx.actor)) throw new ForbiddenError();
    if (assigneeId && !(await officersOf(ctx.zoneId)).some((o) => o.id === assigneeId)) throw new RuleError('rule.assignee', {}, { field: 'assigneeId' });
    if (assigneeId === row.assignee_id) return hydrate(ctx, row);
    await database.db.transaction().execute(async (trx) => {
      await write(trx, row, { assignee_id: assigneeId });
      await event(trx, ctx, row.id, { action: 'assign' });
      await recordAudit(trx, clock, ctx, { action: 'application.assign', entityType: 'application', entityId: id, before: { assigneeId: row.assignee_id }, after: { assigneeId } });
      if (assigneeId && assigneeId !== ctx.actor.userId) {
        await notify(trx, clock, ctx.zoneId, [assigneeId], { kind: 'application.assigned', params: { number: row.number ?? '', itemName: row.item_name }, entityType: 'application', entityId: row.id });
      }
    });
    return get(ctx, id);
  }

  /**
   * Reminds officers of limits falling due today or on the next working day, once a day per
   * application; run by the scheduler for every zone (and by tests directly).
   */
  async function notifyDueSoon(zoneId: string): Promise<number> {
    const day = today();
    const until = await parts.calendar.dueDate(zoneId, day, 1);
    let sent = 0;
    for (const row of await repo.dueBetween(zoneId, day, until)) {
      const users = await recipients(zoneId, row, 'officers');
      await database.db.transaction().execute(async (trx) => {
        await notify(trx, clock, zoneId, users, { kind: 'application.due_soon', params: { number: row.number ?? '', itemName: row.item_name, dueDate: row.due_date ?? '' }, entityType: 'application', entityId: row.id });
        await repoIn(trx).markDueNotified(zoneId, row.id, day);
      });
      sent++;
    }
    return sent;
  }

  /**
   * The public progress lookup: number plus the last 4 digits of the applicant's phone. A wrong
   * pair and an unknown number answer alike, so the page cannot be used to probe numbers. Links
   * from a zone carry its code; without one, a number and digits that fit two zones answer nothing.
   */
  async function lookup(number: string, phoneLast4: string, zoneCode?: string): Promise<ApplicationProgress> {
    const zoneId = zoneCode ? ((await parts.org.zones.byCode(zoneCode).catch(() => null))?.id ?? null) : undefined;
    if (zoneId === null) throw new AppError(404, 'rule.lookup_mismatch');
    const matches = (await repo.byNumber(number, zoneId)).filter((row) => pii.decrypt(row.applicant_phone_enc).replace(/\D/g, '').endsWith(phoneLast4));
    // Without a zone, two zones' applications with the same number and digits could answer: none does.
    if (matches.length === 1) {
      const row = matches[0]!;
      const events = await repo.events(row.zone_id, row.id);
      return {
        number,
        itemName: row.item_name,
        department: row.department,
        status: row.status as ApplicationStatus,
        submittedAt: row.submitted_at,
        dueDate: row.due_date,
        completedOn: row.completed_on,
        steps: events.filter((e) => e.to_status && e.to_status !== 'draft').map((e) => ({ at: e.at, toStatus: e.to_status as ApplicationStatus })),
      };
    }
    throw new AppError(404, matches.length > 1 ? 'rule.lookup_ambiguous' : 'rule.lookup_mismatch');
  }

  return {
    lookup,
    list,
    exportRows,
    materialsOf,
    queues,
    get,
    create,
    update,
    removeDraft,
    uploadMaterial,
    removeMaterial,
    openMaterial,
    act,
    bulkAccept,
    assign,
    officers: (ctx: Ctx) => officersOf(ctx.zoneId),
    notifyDueSoon,
    zonesWithRunning: () => repo.zonesWithRunning(),
    visibleRow,
  };
}
export type ApplicationsService = ReturnType<typeof makeApplicationsService>;
