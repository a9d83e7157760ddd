// 线上就业登记 Online employment registration of returning workers: an enterprise uploads its list
// (employment.import.ts); labour and approval officers search the zone's registrations, enterprise
// users their own. ID numbers and phones are encrypted at rest, masked on screen and in exports,
// and shown whole only to holders of pii.reveal with a reason, which is audited.
import { isValidResidentId, PHONE_RE, type EmploymentListQuery, type EmploymentRegistration } from '@shuangsheng/contracts';
import type { EmploymentRegistrationsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { visibleRegistrationEnterprises } from './employment.policy.js';
import { makeEmploymentRepo, type EmploymentFilter } from './employment.repo.js';

export type EmploymentPorts = {
  timeZoneOf(zoneId: string): Promise<string>;
  enterpriseNames(zoneId: string, ids: string[]): Promise<Map<string, string>>;
  enterpriseRefs(zoneId: string, ids: string[]): Promise<Map<string, { name: string; creditCode: string }>>;
  idsByCreditCode(zoneId: string, codes: string[]): Promise<Map<string, string>>;
};

export function makeEmploymentService(deps: Deps, ports: EmploymentPorts) {
  const { database, clock, pii } = deps;
  const repo = makeEmploymentRepo(database.db, database.dialect);

  async function hydrate(zoneId: string, rows: EmploymentRegistrationsTable[]): Promise<EmploymentRegistration[]> {
    const names = await ports.enterpriseNames(zoneId, [...new Set(rows.map((r) => r.enterprise_id))]);
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: names.get(r.enterprise_id) ?? null,
      name: r.name,
      idNumberMasked: maskIdNumber(pii.decrypt(r.id_number_enc)) ?? '',
      phoneMasked: maskPhone(pii.decrypt(r.phone_enc)) ?? '',
      returnedOn: r.returned_on,
      registeredOn: r.registered_on,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** The keyword is an exact ID number or phone (looked up by blind index), else part of a name. */
  function filterFor(ctx: Ctx, q: Omit<EmploymentListQuery, 'page' | 'pageSize'>): EmploymentFilter {
    const { q: text, ...rest } = q;
    const only = visibleRegistrationEnterprises(ctx.actor) ?? undefined;
    const compact = text?.replace(/[\s-]/g, '').toUpperCase() ?? '';
    if (compact && isValidResidentId(compact)) return { ...rest, onlyEnterprises: only, idNumberIdx: pii.blindIndex(compact) };
    if (compact && PHONE_RE.test(compact)) return { ...rest, onlyEnterprises: only, phoneIdx: pii.blindIndex(compact) };
    return { ...rest, onlyEnterprises: only, name: text || undefined };
  }

  async function list(ctx: Ctx, q: EmploymentListQuery) {
    const { rows, total } = await repo.list(ctx.zoneId, { ...filterFor(ctx, q), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }
  async function* exportRows(ctx: Ctx, q: Omit<EmploymentListQuery, 'page' | 'pageSize'>): AsyncGenerator<EmploymentRegistration> {
    let batch: EmploymentRegistrationsTable[] = [];
    for await (const row of repo.stream(ctx.zoneId, filterFor(ctx, q))) {
      batch.push(row);
      if (batch.length === 1000) {
        yield* await hydrate(ctx.zoneId, batch);
        batch = [];
      }
    }
    yield* await hydrate(ctx.zoneId, batch);
  }

  async function getRow(ctx: Ctx, id: string) {
    const row = await repo.get(ctx.zoneId, id);
    const only = visibleRegistrationEnterprises(ctx.actor);
    if (!row || (only && !only.includes(row.enterprise_id))) throw new NotFoundError('employment_registration', id);
    return row;
  }
  const get = async (ctx: Ctx, id: string) => (await hydrate(ctx.zoneId, [await getRow(ctx, id)]))[0]!;

  /** The whole ID number and phone; the stated reason goes to the audit log. */
  async function reveal(ctx: Ctx, id: string, reason: string): Promise<{ idNumber: string; phone: string }> {
    const row = await getRow(ctx, id);
    await recordAudit(database.db, clock, ctx, { action: 'employment_registration.reveal', entityType: 'employment_registration', entityId: id, after: { reason } });
    return { idNumber: pii.decrypt(row.id_number_enc), phone: pii.decrypt(row.phone_enc) };
  }

  return { list, exportRows, get, reveal, count: (zoneId: string, from: string, to: string) => repo.countRegistered(zoneId, from, to), repo };
}
export type EmploymentService = ReturnType<typeof makeEmploymentService>;
