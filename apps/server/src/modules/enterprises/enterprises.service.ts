// The enterprise registry: one profile per enterprise (一企一档) that every other module links to.
import { PHONE_RE, tierOf, type Enterprise, type EnterpriseInput, type EnterpriseListQuery, type EnterprisePatch, type ScaleTier } from '@shuangsheng/contracts';
import type { EnterprisesTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Deps, Executor } from '../../platform/context.js';
import { crossZoneReference, ForbiddenError, NotFoundError, RuleError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { rethrowUnique, toBool, toFlag } from '../../platform/tx.js';
import type { OrgServices } from '../org/org.services.js';
import { makeEnterprisesRepo, type EnterpriseFilter } from './enterprises.repo.js';
import { canSeeEnterprise, visibleEnterpriseIds } from './enterprises.policy.js';

/** Names of the places an enterprise points at, loaded once per zone and request. */
export type PlaceNames = { parks: Map<string, string>; buildings: Map<string, string>; grid: Map<string, { path: string; code: string }> };

export function makeEnterprisesService(deps: Deps, org: OrgServices) {
  const { database, clock, pii } = deps;
  const repo = makeEnterprisesRepo(database.db, database.dialect);

  async function placeNames(zoneId: string): Promise<PlaceNames> {
    const [parks, buildings, grid] = await Promise.all([org.parks.byName(zoneId), org.buildings.allInZone(zoneId), org.grid.loadAll(zoneId)]);
    return {
      parks: new Map(parks.map((p) => [p.id, p.name])),
      buildings: new Map(buildings.map((b) => [b.id, b.name])),
      grid: new Map(grid.map((g) => [g.id, { path: g.path, code: g.code }])),
    };
  }

  function toEnterprise(r: EnterprisesTable, places: PlaceNames, leading: Map<string, { name: string; creditCode: string }>, suppliers: Map<string, number>): Enterprise {
    const grid = r.grid_unit_id ? places.grid.get(r.grid_unit_id) : undefined;
    const lead = r.leading_enterprise_id ? leading.get(r.leading_enterprise_id) : undefined;
    return {
      id: r.id,
      creditCode: r.credit_code,
      name: r.name,
      parkId: r.park_id,
      parkName: r.park_id ? (places.parks.get(r.park_id) ?? null) : null,
      buildingId: r.building_id,
      buildingName: r.building_id ? (places.buildings.get(r.building_id) ?? null) : null,
      gridUnitId: r.grid_unit_id,
      gridUnitName: grid?.path ?? null,
      gridUnitCode: grid?.code ?? null,
      industry: r.industry as Enterprise['industry'],
      outputLastYearFen: r.output_last_year_fen,
      taxLastYearFen: r.tax_last_year_fen,
      tier: tierOf(r.output_last_year_fen),
      aboveScale: toBool(r.above_scale),
      cityMonitored: toBool(r.city_monitored),
      leadingEnterpriseId: r.leading_enterprise_id,
      leadingEnterpriseName: lead?.name ?? null,
      leadingEnterpriseCreditCode: lead?.creditCode ?? null,
      supplierCount: suppliers.get(r.id) ?? 0,
      employees: r.employees,
      legalRepresentative: r.legal_representative,
      contactName: r.contact_name,
      contactPhoneMasked: r.contact_phone_enc ? maskPhone(pii.decrypt(r.contact_phone_enc)) : null,
      address: r.address,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async function hydrate(zoneId: string, rows: EnterprisesTable[], places?: PlaceNames): Promise<Enterprise[]> {
    const p = places ?? (await placeNames(zoneId));
    const leading = await repo.refsOf(zoneId, [...new Set(rows.flatMap((r) => (r.leading_enterprise_id ? [r.leading_enterprise_id] : [])))]);
    const suppliers = await repo.countBy(zoneId, 'leading_enterprise_id', rows.map((r) => r.id));
    return rows.map((r) => toEnterprise(r, p, leading, suppliers));
  }

  function filterFor(ctx: Ctx, q: Omit<EnterpriseListQuery, 'page' | 'pageSize'>): EnterpriseFilter {
    const only = visibleEnterpriseIds(ctx.actor);
    const phoneIdx = q.q && PHONE_RE.test(q.q.replace(/\s/g, '')) ? pii.blindIndex(q.q) : undefined;
    return { ...q, onlyIds: only ?? undefined, phoneIdx };
  }

  async function list(ctx: Ctx, q: EnterpriseListQuery) {
    const { rows, total } = await repo.list(ctx.zoneId, { ...filterFor(ctx, q), page: q.page, pageSize: q.pageSize });
    return { items: await hydrate(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** Every enterprise the filter selects, hydrated in pages, for the Excel export. */
  async function* exportRows(ctx: Ctx, q: Omit<EnterpriseListQuery, 'page' | 'pageSize'>): AsyncGenerator<Enterprise> {
    const places = await placeNames(ctx.zoneId);
    let batch: EnterprisesTable[] = [];
    for await (const row of repo.stream(ctx.zoneId, filterFor(ctx, q))) {
      batch.push(row);
      if (batch.length === 1000) {
        yield* await hydrate(ctx.zoneId, batch, places);
        batch = [];
      }
    }
    yield* await hydrate(ctx.zoneId, batch, places);
  }

  async function getRow(ctx: Ctx, id: string): Promise<EnterprisesTable> {
    const row = await repo.get(ctx.zoneId, id);
    // Another enterprise's profile is as invisible to an enterprise user as another zone's.
    if (!row || !canSeeEnterprise(ctx.actor, id)) throw new NotFoundError('enterprise', id);
    return row;
  }

  async function get(ctx: Ctx, id: string): Promise<Enterprise> {
    return (await hydrate(ctx.zoneId, [await getRow(ctx, id)]))[0]!;
  }

  /** Checks that every reference is in this zone and consistent; fills the park from the building. */
  async function resolveRefs(ctx: Ctx, input: Partial<EnterpriseInput>, selfId: string | null, current?: EnterprisesTable) {
        let parkId = input.parkId !== undefined ? input.parkId : (current?.park_id ?? null);
    if (input.parkId && !(await org.parks.exists(ctx.zoneId, input.parkId))) throw crossZoneReference('parkId');
    if (input.buildingId) {
      const b = await org.buildings.find(ctx.zoneId, input.buildingId);
      if (!b) throw crossZoneReference('buildingId');
      if (parkId && b.park_id !== parkId) throw new RuleError('rule.building_not_in_park', {}, { field: 'buildingId' });
      parkId = b.park_id;
    } else if (input.buildingId === undefined && input.parkId !== undefined && current?.building_id) {
      // A new park with the old building kept would put the enterprise in two places at once.
      const b = await org.buildings.find(ctx.zoneId, current.building_id);
      if (b && b.park_id !== parkId) throw new RuleError('rule.building_not_in_park', {}, { field: 'buildingId' });
    }
    if (input.gridUnitId && !(await org.grid.loadAll(ctx.zoneId)).some((g) => g.id === input.gridUnitId)) throw crossZoneReference('gridUnitId');
    if (input.leadingEnterpriseId) {
      if (input.leadingEnterpriseId === selfId) throw new RuleError('rule.leading_self', {}, { field: 'leadingEnterpriseId' });
      if (!(await repo.get(ctx.zoneId, input.leadingEnterpriseId))) throw crossZoneReference('leadingEnterpriseId');
    }
    return { parkId };
  }

  function assertWriter(ctx: Ctx) {
    if (visibleEnterpriseIds(ctx.actor) !== null) throw new ForbiddenError();
  }

  async function create(ctx: Ctx, input: EnterpriseInput): Promise<Enterprise> {
    assertWriter(ctx);
    const { parkId } = await resolveRefs(ctx, input, null);
    const now = clock.now();
    const row = toRow(ctx.zoneId, newId(), { ...input, parkId }, now);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeEnterprisesRepo(trx, database.dialect).insert([row]);
        await recordAudit(trx, clock, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: row.id, after: auditShape(input) });
      })
      .catch((e) => rethrowUnique(e, 'creditCode', input.creditCode));
    return get(ctx, row.id);
  }

  async function update(ctx: Ctx, id: string, patch: EnterprisePatch): Promise<Enterprise> {
    assertWriter(ctx);
    const current = await getRow(ctx, id);
    const { parkId } = await resolveRefs(ctx, patch, id, current);
    const set = patchToSet({ ...patch, ...(patch.buildingId ? { parkId } : {}) }, clock.now());
    // Both shapes are read before the transaction: hydrate() reads through database.db, which on
    // SQLite's single connection would wait forever for the transaction holding it.
    const [before, after] = await hydrate(ctx.zoneId, [current, { ...current, ...set }]);
    const d = diff(before as unknown as Record<string, unknown>, { ...after, updatedAt: before!.updatedAt } as unknown as Record<string, unknown>);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await makeEnterprisesRepo(trx, database.dialect).update(ctx.zoneId, id, set);
        await recordAudit(trx, clock, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, ...d });
      })
      .catch((e) => rethrowUnique(e, 'creditCode', patch.creditCode ?? ''));
    return get(ctx, id);
  }

  async function revealPhone(ctx: Ctx, id: string, reason: string): Promise<string | null> {
    const row = await getRow(ctx, id);
    const phone = row.contact_phone_enc ? pii.decrypt(row.contact_phone_enc) : null;
    await recordAudit(database.db, clock, ctx, { action: 'enterprise.reveal_phone', entityType: 'enterprise', entityId: id, after: { reason } });
    return phone;
  }

  function toRow(zoneId: string, id: string, input: EnterpriseInput, now: number): EnterprisesTable {
    const phone = pii.protect(input.contactPhone);
    return {
      id,
      zone_id: zoneId,
      credit_code: input.creditCode,
      name: input.name,
      park_id: input.parkId ?? null,
      building_id: input.buildingId ?? null,
      grid_unit_id: input.gridUnitId ?? null,
      industry: input.industry ?? null,
      output_last_year_fen: input.outputLastYearFen ?? null,
      tax_last_year_fen: input.taxLastYearFen ?? null,
      above_scale: toFlag(input.aboveScale),
      city_monitored: toFlag(input.cityMonitored),
      leading_enterprise_id: input.leadingEnterpriseId ?? null,
      employees: input.employees ?? null,
      legal_representative: input.legalRepresentative ?? null,
      contact_name: input.contactName ?? null,
      contact_phone_enc: phone.enc,
      contact_phone_idx: phone.idx,
      address: input.address ?? null,
      created_at: now,
      updated_at: now,
    };
  }

  function patchToSet(patch: EnterprisePatch, now: number): Partial<EnterprisesTable> {
    const set: Partial<EnterprisesTable> = { updated_at: now };
    const map: [keyof EnterprisePatch, keyof EnterprisesTable][] = [
      ['creditCode', 'credit_code'],
      ['name', 'name'],
      ['parkId', 'park_id'],
      ['buildingId', 'building_id'],
      ['gridUnitId', 'grid_unit_id'],
      ['industry', 'industry'],
      ['outputLastYearFen', 'output_last_year_fen'],
      ['taxLastYearFen', 'tax_last_year_fen'],
      ['leadingEnterpriseId', 'leading_enterprise_id'],
      ['employees', 'employees'],
      ['legalRepresentative', 'legal_representative'],
      ['contactName', 'contact_name'],
      ['address', 'address'],
    ];
    for (const [from, to] of map) if (patch[from] !== undefined) (set as Record<string, unknown>)[to] = patch[from] ?? null;
    if (patch.aboveScale !== undefined) set.above_scale = toFlag(patch.aboveScale);
    if (patch.cityMonitored !== undefined) set.city_monitored = toFlag(patch.cityMonitored);
    if (patch.contactPhone !== undefined) {
      const p = pii.protect(patch.contactPhone);
      set.contact_phone_enc = p.enc;
      set.contact_phone_idx = p.idx;
    }
    return set;
  }

  /**
   * Compact facts of the zone's enterprises (all, or the ids given) for other modules' lists and
   * statistics: names, park, tier and the classes the zone watches.
   */
  async function briefs(zoneId: string, ids?: string[]): Promise<EnterpriseBrief[]> {
    if (ids && ids.length === 0) return [];
    const parks = new Map((await org.parks.byName(zoneId)).map((p) => [p.id, p.name]));
    const out: EnterpriseBrief[] = [];
    const wanted = ids ? new Set(ids) : null;
    // A few ids are read by id; many (or the zone) in one pass over the zone.
    const rows = ids && ids.length <= 500 ? await repo.byIds(zoneId, ids) : repo.stream(zoneId, {});
    for await (const r of rows) {
      if (wanted && !wanted.has(r.id)) continue;
      out.push({
        id: r.id,
        name: r.name,
        creditCode: r.credit_code,
        parkId: r.park_id,
        parkName: r.park_id ? (parks.get(r.park_id) ?? null) : null,
        tier: tierOf(r.output_last_year_fen),
        aboveScale: toBool(r.above_scale),
        cityMonitored: toBool(r.city_monitored),
        leadingEnterpriseId: r.leading_enterprise_id,
        employees: r.employees,
      });
    }
    return out;
  }

  return {
    list,
    exportRows,
    briefs,
    get,
    create,
    update,
    revealPhone,
    toRow,
    patchToSet,
    placeNames,
    repo: { ...repo, insertWith: (trx: Executor, rows: EnterprisesTable[]) => makeEnterprisesRepo(trx, database.dialect).insert(rows) },
    /** The lookup the org module uses for counts and names. */
    lookup: {
      count: (zoneId: string, by: 'park_id' | 'building_id' | 'grid_unit_id', ids: string[]) => repo.countBy(zoneId, by, ids),
      names: (zoneId: string, ids: string[]) => repo.namesOf(zoneId, ids),
      refs: (zoneId: string, ids: string[]) => repo.refsOf(zoneId, ids),
      search: (zoneId: string, q: string) => repo.searchIds(zoneId, q, 500),
      idsByCreditCode: async (zoneId: string, codes: string[]) => new Map((await repo.byCreditCodes(zoneId, codes)).map((e) => [e.credit_code, e.id])),
    },
  };
}
export type EnterprisesService = ReturnType<typeof makeEnterprisesService>;
export type EnterpriseBrief = {
  id: string;
  name: string;
  creditCode: string;
  parkId: string | null;
  parkName: string | null;
  tier: ScaleTier;
  aboveScale: boolean;
  cityMonitored: boolean;
  leadingEnterpriseId: string | null;
  employees: number | null;
};

/** What the audit log keeps of an input: the phone only masked. */
export function auditShape(input: Partial<EnterpriseInput>): Record<string, unknown> {
  const { contactPhone, ...rest } = input;
  return contactPhone === undefined ? rest : { ...rest, contactPhone: maskPhone(contactPhone) };
}

