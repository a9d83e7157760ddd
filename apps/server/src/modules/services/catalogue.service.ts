// The service catalogue (事项清单): what the approval bureau handles, with the materials and form
// fields each item asks for, its time limits in working days, and its online filing guide.
import type { ServiceField, ServiceItem, ServiceItemInput, ServiceItemListQuery, ServiceItemPatch, ServiceMaterial } from '@shuangsheng/contracts';
import type { ServiceItemsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { crossZoneReference, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowUnique, toBool, toFlag } from '../../platform/tx.js';
import type { FilesService } from '../files/files.service.js';
import { makeCatalogueRepo, type ItemFilter } from './catalogue.repo.js';

type StoredMaterial = ServiceMaterial & { note?: string | null };

export function makeCatalogueService(deps: Deps, files: FilesService) {
  const { database, clock } = deps;
  const repo = makeCatalogueRepo(database.db, database.dialect);

  async function hydrate(zoneId: string, rows: ServiceItemsTable[]): Promise<ServiceItem[]> {
    const materialsOf = new Map(rows.map((r) => [r.id, JSON.parse(r.materials_json) as StoredMaterial[]]));
    const fileIds = [...materialsOf.values()].flat().flatMap((m) => (m.templateFileId ? [m.templateFileId] : []));
    const fileNames = await files.namesOf(zoneId, fileIds);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      department: r.department,
      category: r.category as ServiceItem['category'],
      applicantTypes: JSON.parse(r.applicant_types) as ServiceItem['applicantTypes'],
      legalDays: r.legal_days,
      promisedDays: r.promised_days,
      materials: materialsOf.get(r.id)!.map((m) => ({ ...m, note: m.note ?? null, templateFileName: m.templateFileId ? (fileNames.get(m.templateFileId) ?? null) : null })),
      fields: JSON.parse(r.fields_json) as ServiceField[],
      onlineEnabled: toBool(r.online_enabled),
      fullyElectronic: toBool(r.fully_electronic),
      agencyEligible: toBool(r.agency_eligible),
      licenceName: r.licence_name,
      guide: r.guide,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function list(ctx: Ctx, q: ServiceItemListQuery) {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: ItemFilter): AsyncGenerator<ServiceItem> {
    for await (const row of repo.stream(ctx.zoneId, q)) yield* await hydrate(ctx.zoneId, [row]);
  }

  async function get(ctx: Ctx, id: string): Promise<ServiceItem> {
    const row = await repo.get(ctx.zoneId, id);
    if (!row) throw new NotFoundError('service_item', id);
    return (await hydrate(ctx.zoneId, [row]))[0]!;
  }

  /** Template files must be this zone's catalogue templates. */
  async function checkTemplates(ctx: Ctx, materials: ServiceMaterial[]) {
    for (const [i, m] of materials.entries()) {
      if (!m.templateFileId) continue;
      const f = await files.get(ctx.zoneId, m.templateFileId);
      if (!f) throw crossZoneReference(`materials.${i}.templateFileId`);
    }
  }

  function toRow(zoneId: string, id: string, input: ServiceItemInput, now: number): ServiceItemsTable {
    return {
      id,
      zone_id: zoneId,
      code: input.code,
      name: input.name,
      department: input.department,
      category: input.category,
      applicant_types: JSON.stringify([...new Set(input.applicantTypes)]),
      legal_days: input.legalDays,
      promised_days: input.promisedDays,
      materials_json: JSON.stringify(input.materials),
      fields_json: JSON.stringify(input.fields),
      online_enabled: toFlag(input.onlineEnabled),
      fully_electronic: toFlag(input.fullyElectronic),
      agency_eligible: toFlag(input.agencyEligible),
      licence_name: input.licenceName,
      guide: input.guide,
      created_at: now,
      updated_at: now,
    };
  }

  async function create(ctx: Ctx, input: ServiceItemInput): Promise<ServiceItem> {
    await checkTemplates(ctx, input.materials);
    const row = toRow(ctx.zoneId, newId(), input, clock.now());
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeCatalogueRepo(trx, database.dialect).insert([row]);
        await recordAudit(trx, clock, ctx, { action: 'service_item.create', entityType: 'service_item', entityId: row.id, after: input });
      })
      .catch((e) => rethrowUnique(e, 'code', input.code));
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: ServiceItemPatch): Promise<ServiceItem> {
    const before = await get(ctx, id);
    const legal = patch.legalDays ?? before.legalDays;
    const promised = patch.promisedDays ?? before.promisedDays;
    if (promised > legal) throw new RuleError('v.promised_over_legal', {}, { field: 'promisedDays' });
    if (patch.materials) await checkTemplates(ctx, patch.materials);
    const merged: ServiceItemInput = {
      code: patch.code ?? before.code,
      name: patch.name ?? before.name,
      department: patch.department ?? before.department,
      category: patch.category ?? before.category,
      applicantTypes: patch.applicantTypes ?? before.applicantTypes,
      legalDays: legal,
      promisedDays: promised,
      materials: patch.materials ?? before.materials.map(({ templateFileName: _n, ...m }) => ({ ...m, note: m.note ?? null })),
      fields: patch.fields ?? before.fields,
      onlineEnabled: patch.onlineEnabled ?? before.onlineEnabled,
      fullyElectronic: patch.fullyElectronic ?? before.fullyElectronic,
      agencyEligible: patch.agencyEligible ?? before.agencyEligible,
      licenceName: patch.licenceName !== undefined ? patch.licenceName : before.licenceName,
      guide: patch.guide ?? before.guide,
    };
    const { id: _id, created_at: _c, zone_id: _z, ...set } = toRow(ctx.zoneId, id, merged, clock.now());
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeCatalogueRepo(trx, database.dialect).update(ctx.zoneId, id, set);
        await recordAudit(trx, clock, ctx, { action: 'service_item.update', entityType: 'service_item', entityId: id, ...diff(stripDerived(before), stripDerived({ ...before, ...merged })) });
      })
      .catch((e) => rethrowUnique(e, 'code', merged.code));
    return get(ctx, id);
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    const before = await get(ctx, id);
    await database.db.transaction().execute(async (trx) => {
      await makeCatalogueRepo(trx, database.dialect).remove(ctx.zoneId, id);
      await recordAudit(trx, clock, ctx, { action: 'service_item.delete', entityType: 'service_item', entityId: id, before });
    });
  }

  return { list, exportRows, get, create, update, remove, toRow, hydrate, departments: (ctx: Ctx) => repo.departments(ctx.zoneId), repo };
}
export type CatalogueService = ReturnType<typeof makeCatalogueService>;

/** Audit shapes without timestamps and hydrated names. */
export function stripDerived(item: object): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, id: _i, ...rest } = item as Record<string, unknown>;
  if (Array.isArray(rest.materials)) rest.materials = (rest.materials as Record<string, unknown>[]).map(({ templateFileName: _n, ...m }) => ({ ...m, note: m.note ?? null }));
  return rest;
}
