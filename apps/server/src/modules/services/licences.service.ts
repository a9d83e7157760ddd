// E-licences (电子证照): the PDF certificate an approval issues, with a QR code that opens the
// public verification page; revocation by an officer; the public check of a code.
import { randomBytes } from 'node:crypto';
import type { Licence, LicenceVerification } from '@shuangsheng/contracts';
import type { ApplicationsTable, LicencesTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { todayIn } from '../../platform/calendar.js';
import type { Ctx, Deps, Executor } from '../../platform/context.js';
import { ConflictError, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { FilesService } from '../files/files.service.js';
import type { OrgServices } from '../org/org.services.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import { makeApplicationsRepo, nextInSeries } from './applications.repo.js';
import { renderLicencePdf } from './licence.pdf.js';
import type { ApplicationsService } from './applications.service.js';

class LicenceAlreadyDrawn extends Error {}

type LicenceFacts = { zoneCode: string; zoneName: string; holder: string };
type Parts = { files: FilesService; org: OrgServices; enterprises: EnterprisesService; applications: () => ApplicationsService; timeZone: string; publicUrl: () => string };

export function makeLicencesService(deps: Deps, parts: Parts) {
  const { database, clock } = deps;
  const repo = makeApplicationsRepo(database.db, database.dialect);
  const verifyUrl = (code: string) => `${parts.publicUrl().replace(/\/$/, '')}/h5/verify/${code}`;

  const toLicence = (r: LicencesTable): Licence => ({
    id: r.id,
    applicationId: r.application_id,
    number: r.number,
    code: r.code,
    licenceName: r.licence_name,
    holderName: r.holder_name,
    itemName: r.item_name,
    issuedOn: r.issued_on,
    status: r.status as Licence['status'],
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    verifyUrl: verifyUrl(r.code),
  });

  /**
   * Numbers and records the licence of an approved application inside the caller's transaction,
   * so an approval never stands without its licence (nor a licence without approval). The PDF is
   * drawn afterwards (drawPdf): half a second of drawing must not hold the database's write lock.
   */
  /** What a licence prints that lives in other modules, read before the issuing transaction. */
  async function factsFor(ctx: Ctx, app: ApplicationsTable): Promise<LicenceFacts> {
    const zone = await parts.org.zones.find(ctx.zoneId);
    const holder = app.enterprise_id ? ((await parts.enterprises.lookup.names(ctx.zoneId, [app.enterprise_id])).get(app.enterprise_id) ?? app.applicant_name) : app.applicant_name;
    return { zoneCode: zone?.code ?? 'ZONE', zoneName: zone?.name ?? '', holder };
  }

  async function issueIn(trx: Executor, ctx: Ctx, app: ApplicationsTable, day: string, facts: LicenceFacts): Promise<LicencesTable> {
    const item = JSON.parse(app.item_json) as { licenceName: string | null; department: string };
    if (!item.licenceName) throw new RuleError('rule.no_licence_item');
    const { holder } = facts;
    const year = day.slice(0, 4);
    const seq = await nextInSeries(trx, ctx.zoneId, 'LC', year);
    const number = `${facts.zoneCode}-${year}-${String(seq).padStart(6, '0')}`;
    const code = randomBytes(24).toString('base64url');
    const row: LicencesTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      application_id: app.id,
      number,
      code,
      licence_name: item.licenceName,
      holder_name: holder,
      item_name: app.item_name,
      issued_on: day,
      file_id: null,
      status: 'valid',
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
      created_at: clock.now(),
    };
    await makeApplicationsRepo(trx, database.dialect).insertLicence(row);
    await makeApplicationsRepo(trx, database.dialect).insertEvent({
      id: newId(),
      zone_id: ctx.zoneId,
      application_id: app.id,
      at: clock.now(),
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      action: 'issue_licence',
      from_status: null,
      to_status: null,
      comment: number,
      corrections_json: null,
    });
    await recordAudit(trx, clock, ctx, { action: 'licence.issue', entityType: 'licence', entityId: row.id, after: { applicationId: app.id, number, licenceName: item.licenceName, holderName: holder } });
    return row;
  }

  /** Draws and stores the PDF of a licence that has none yet; safe to call twice at once. */
  async function drawPdf(ctx: Ctx, licenceId: string): Promise<void> {
    const lic = await repo.licence(ctx.zoneId, licenceId);
    if (!lic || lic.file_id) return;
    const app = await repo.get(ctx.zoneId, lic.application_id);
    const zone = await parts.org.zones.find(ctx.zoneId);
    const department = app ? (JSON.parse(app.item_json) as { department: string }).department : '';
    const pdf = await renderLicencePdf({
      zoneName: zone?.name ?? '',
      licenceName: lic.licence_name,
      number: lic.number,
      holderName: lic.holder_name,
      itemName: lic.item_name,
      department,
      issuedOn: lic.issued_on,
      verifyUrl: verifyUrl(lic.code),
    });
    await database.db.transaction().execute(async (trx) => {
      const file = await parts.files.storeIn(trx, ctx, 'licence', pdf, `${lic.licence_name}-${lic.number}.pdf`, ['pdf']);
      // Somebody else drew it meanwhile: theirs stands; this file row is dropped with the rollback.
      if (!(await makeApplicationsRepo(trx, database.dialect).setLicenceFile(ctx.zoneId, lic.id, file.id))) throw new LicenceAlreadyDrawn();
    }).catch((e: unknown) => {
      if (!(e instanceof LicenceAlreadyDrawn)) throw e;
    });
  }

  /** Draws the PDFs an application's licences still lack (after approval, after a re-issue). */
  async function drawPending(ctx: Ctx, applicationId: string): Promise<void> {
    for (const l of await repo.licencesOf(ctx.zoneId, [applicationId])) if (!l.file_id) await drawPdf(ctx, l.id);
  }

  /** Issues again (after a revocation, or for an application approved before the item issued licences). */
  async function issue(ctx: Ctx, applicationId: string) {
    const app = await parts.applications().visibleRow(ctx, applicationId);
    if (app.status !== 'approved') throw new ConflictError('rule.not_approved', {}, { status: app.status });
    const item = JSON.parse(app.item_json) as { licenceName: string | null };
    if (!item.licenceName) throw new RuleError('rule.no_licence_item');
    const day = todayIn(parts.timeZone, clock.now());
    const facts = await factsFor(ctx, app);
    await database.db.transaction().execute(async (trx) => {
      const existing = await makeApplicationsRepo(trx, database.dialect).licencesOf(ctx.zoneId, [app.id]);
      if (existing.some((l) => l.status === 'valid')) throw new ConflictError('rule.licence_exists');
      await issueIn(trx, ctx, app, day, facts);
    });
    await drawPending(ctx, applicationId);
    return parts.applications().get(ctx, applicationId);
  }

  async function revoke(ctx: Ctx, id: string, reason: string): Promise<Licence> {
    const row = await repo.licence(ctx.zoneId, id);
    if (!row) throw new NotFoundError('licence', id);
    if (row.status === 'revoked') throw new ConflictError('rule.already_revoked', {}, { status: row.status });
    await database.db.transaction().execute(async (trx) => {
      const r = makeApplicationsRepo(trx, database.dialect);
      if (!(await r.revokeLicence(ctx.zoneId, id, { revoked_at: clock.now(), revoked_by: ctx.actor.userId, revoke_reason: reason }))) throw new ConflictError('rule.already_revoked', {}, { status: 'revoked' });
      await r.insertEvent({ id: newId(), zone_id: ctx.zoneId, application_id: row.application_id, at: clock.now(), actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, action: 'revoke_licence', from_status: null, to_status: null, comment: reason, corrections_json: null });
      await recordAudit(trx, clock, ctx, { action: 'licence.revoke', entityType: 'licence', entityId: id, before: { status: 'valid' }, after: { status: 'revoked', reason } });
    });
    return toLicence((await repo.licence(ctx.zoneId, id))!);
  }

  /** The newest licence PDF of an application the actor may see. */
  async function openPdf(ctx: Ctx, applicationId: string) {
    const app = await parts.applications().visibleRow(ctx, applicationId);
    const licences = await repo.licencesOf(ctx.zoneId, [app.id]);
    let current = licences.filter((l) => l.status === 'valid').at(-1) ?? licences.at(-1);
    if (!current) throw new NotFoundError('licence');
    if (!current.file_id) {
      await drawPdf(ctx, current.id);
      current = (await repo.licence(ctx.zoneId, current.id))!;
    }
    return parts.files.openAuthorized(ctx.zoneId, current.file_id!);
  }

  /** The public check: genuine when a zone issued this code; says whether it was revoked. */
  async function verify(code: string): Promise<LicenceVerification> {
    const row = await repo.licenceByCode(code);
    if (!row) return { genuine: false, status: null, zoneName: null, licenceName: null, number: null, holderName: null, itemName: null, issuedOn: null, revokedOn: null };
    const zone = await parts.org.zones.find(row.zone_id);
    return {
      genuine: true,
      status: row.status as Licence['status'],
      zoneName: zone?.name ?? null,
      licenceName: row.licence_name,
      number: row.number,
      holderName: row.holder_name,
      itemName: row.item_name,
      issuedOn: row.issued_on,
      revokedOn: row.revoked_at ? todayIn(parts.timeZone, row.revoked_at) : null,
    };
  }

  async function list(ctx: Ctx, q: { q?: string | undefined; status?: string | undefined; page: number; pageSize: number }) {
    const { rows, total } = await repo.listLicences(ctx.zoneId, q);
    return { items: rows.map(toLicence), total, page: q.page, pageSize: q.pageSize };
  }

  return { toLicence, factsFor, issueIn, drawPdf, drawPending, issue, revoke, openPdf, verify, list };
}
export type LicencesService = ReturnType<typeof makeLicencesService>;
