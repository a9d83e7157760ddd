// Passes (出入证): a building issues one to each employee, coloured by floor (the building's choice
// or the default order red, orange, yellow …), numbered CR-YYYYMMDD-NNNN, with a QR code the
// building's gate scans (mod.passes.forScan). ID numbers and phones are encrypted with a blind
// index, masked in every answer, and revealed only with a reason (audited). The public page of a
// pass shows only a masked holder name, the building, floor, colour and validity.
import { randomBytes } from 'node:crypto';
import {
  defaultPassColour,
  labelIn,
  PASS_COLOUR_LABELS,
  PASS_STATUS_LABELS,
  type FloorColour,
  type FloorColourInput,
  type Pass,
  type PassColour,
  type PassInput,
  type PassListQuery,
  type PassStatus,
  type PublicPass,
  type RevealInput,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import { nextInSeries } from '../../db/counters.js';
import type { BuildingsTable, CheckpointPassesTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { ConflictError, crossZoneReference, NotFoundError, RuleError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { renderPassCardPdf } from './pass-card.pdf.js';
import { makePassesRepo, type PassFilter } from './passes.repo.js';
import { qrPng } from './qr.js';

type ListQuery = z.infer<typeof PassListQuery>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;
type Reveal = z.infer<typeof RevealInput>;
type PublicView = z.infer<typeof PublicPass>;
type FloorColourBody = z.infer<typeof FloorColourInput>;
type FloorColourItem = z.infer<typeof FloorColour>;

/** A pass found by its scanned code, with the holder's document and phone decrypted. */
export type ScannedPass = { pass: CheckpointPassesTable; buildingId: string; idNumber: string; phone: string | null };

/** 张三 → 张*; Zhang San → Z*: enough for the holder to recognise, too little to identify. */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first}*` : '*';
}

/** The token of a pass's QR code: its address (…/h5/p/<token>, maybe with a query) or the bare token. */
export function passTokenOf(code: string): string {
  const path = code.trim().split(/[?#]/)[0]!.replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

export function makePassesService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  void mod;
  const { database, clock, pii } = parts.deps;
  const repo = makePassesRepo(database.db, database.dialect);

  function filterOf(q: Filters): PassFilter {
    return { buildingId: q.buildingId, floor: q.floor, status: q.status, q: q.q || undefined, qIdx: q.q ? pii.blindIndex(q.q) : undefined };
  }

  function decryptOrNull(enc: string | null): string | null {
    return enc ? pii.decrypt(enc) : null;
  }

  async function toPasses(zoneId: string, rows: CheckpointPassesTable[]): Promise<Pass[]> {
    if (rows.length === 0) return [];
    const buildings = await repo.buildingNames(zoneId, [...new Set(rows.map((r) => r.building_id))]);
    const firms = await repo.enterpriseNames(zoneId, [...new Set(rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])))]);
    const scans = await repo.lastScans(zoneId, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      buildingId: r.building_id,
      buildingName: buildings.get(r.building_id) ?? '',
      floor: r.floor,
      colour: r.colour as PassColour,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_id ? (firms.get(r.enterprise_id) ?? null) : null,
      holderName: r.holder_name,
      idNumberMasked: maskIdNumber(decryptOrNull(r.id_enc)),
      phoneMasked: maskPhone(decryptOrNull(r.phone_enc)),
      status: r.status as PassStatus,
      validUntil: r.valid_until,
      revokedReason: r.revoked_reason,
      qrUrl: scope.passUrl(r.token),
      lastScanAt: scans.get(r.id) ?? null,
      createdAt: r.created_at,
    }));
  }

  async function list(ctx: Ctx, q: ListQuery): Promise<{ items: Pass[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, filterOf(q), q.page, q.pageSize);
    return { items: await toPasses(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Filters): AsyncGenerator<Pass> {
    for await (const rows of repo.stream(ctx.zoneId, filterOf(q))) yield* await toPasses(ctx.zoneId, rows);
  }

  async function row(ctx: Ctx, id: string): Promise<CheckpointPassesTable> {
    const r = await repo.get(ctx.zoneId, id);
    if (!r) throw new NotFoundError('checkpoint_pass', id);
    return r;
  }

  async function get(ctx: Ctx, id: string): Promise<Pass> {
    const [pass] = await toPasses(ctx.zoneId, [await row(ctx, id)]);
    return pass!;
  }

  /** The building of this zone (422 naming buildingId) and a floor it has (400 naming floor). */
  async function assertBuildingFloor(ctx: Ctx, buildingId: string, floor: number): Promise<BuildingsTable> {
    const building = await repo.building(ctx.zoneId, buildingId);
    if (!building) throw crossZoneReference('buildingId');
    if (floor === 0) throw new ValidationError([{ path: 'floor', key: 'v.floor_zero' }]);
    if (building.floors !== null && floor > building.floors) throw new ValidationError([{ path: 'floor', key: 'v.floor_in_building', params: { floors: building.floors } }]);
    return building;
  }

  /** The colour of a floor's passes: the building's choice, else the default order. */
  async function colourOf(zoneId: string, buildingId: string, floor: number): Promise<PassColour> {
    return ((await repo.floorColour(zoneId, buildingId, floor))?.colour as PassColour | undefined) ?? defaultPassColour(floor);
  }

  async function issue(ctx: Ctx, input: PassInput): Promise<Pass> {
    await assertBuildingFloor(ctx, input.buildingId, input.floor);
    if (input.enterpriseId && !(await repo.enterpriseExists(ctx.zoneId, input.enterpriseId))) throw crossZoneReference('enterpriseId');
    const today = scope.today();
    if (input.validUntil && input.validUntil < today) throw new ValidationError([{ path: 'validUntil', key: 'v.valid_until_past' }]);
    const colour = await colourOf(ctx.zoneId, input.buildingId, input.floor);
    const idNumber = input.idKind === 'resident_id' ? input.idNumber.toUpperCase() : input.idNumber;
    const id = pii.protect(idNumber);
    const phone = pii.protect(input.phone);
    const now = clock.now();
    const passId = newId();
    await database.db.transaction().execute(async (trx) => {
      const n = await nextInSeries(trx, ctx.zoneId, 'checkpoint_pass', today);
      const number = `CR-${today.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
      const r: CheckpointPassesTable = {
        id: passId,
        zone_id: ctx.zoneId,
        number,
        building_id: input.buildingId,
        floor: input.floor,
        colour,
        enterprise_id: input.enterpriseId ?? null,
        holder_name: input.holderName,
        id_kind: input.idKind,
        id_enc: id.enc!,
        id_idx: id.idx!,
        phone_enc: phone.enc,
        phone_idx: phone.idx,
        token: randomBytes(24).toString('base64url'),
        status: 'active',
        valid_until: input.validUntil ?? null,
        revoked_reason: null,
        revoked_at: null,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      };
      await makePassesRepo(trx, database.dialect).insert(r);
      await recordAudit(trx, clock, ctx, {
        action: 'checkpoint_pass.issue',
        entityType: 'checkpoint_pass',
        entityId: passId,
        after: {
          number,
          buildingId: r.building_id,
          floor: r.floor,
          colour,
          enterpriseId: r.enterprise_id,
          holderName: r.holder_name,
          idKind: r.id_kind,
          idNumberMasked: maskIdNumber(idNumber),
          phoneMasked: maskPhone(input.phone),
          validUntil: r.valid_until,
        },
      });
    });
    return get(ctx, passId);
  }

  function stateError(ctx: Ctx, status: PassStatus): ConflictError {
    return new ConflictError('state.pass', { status: labelIn(ctx.lang, PASS_STATUS_LABELS[status]), action: labelIn(ctx.lang, ['注销', 'revoke']) }, { status });
  }

  async function revoke(ctx: Ctx, id: string, reason: string): Promise<Pass> {
    const before = await row(ctx, id);
    if (before.status !== 'active') throw stateError(ctx, before.status as PassStatus);
    await database.db.transaction().execute(async (trx) => {
      // Two revocations at once: the second finds it revoked already.
      if ((await makePassesRepo(trx, database.dialect).revoke(ctx.zoneId, id, reason, clock.now())) === 0) throw stateError(ctx, 'revoked');
      await recordAudit(trx, clock, ctx, { action: 'checkpoint_pass.revoke', entityType: 'checkpoint_pass', entityId: id, before: { status: before.status }, after: { status: 'revoked', reason } });
    });
    return get(ctx, id);
  }

  /** The whole ID number or phone, for a stated reason (audited). */
  async function reveal(ctx: Ctx, id: string, input: Reveal): Promise<{ value: string | null }> {
    const r = await row(ctx, id);
    await recordAudit(database.db, clock, ctx, { action: 'checkpoint_pass.reveal', entityType: 'checkpoint_pass', entityId: id, after: { field: input.field, reason: input.reason } });
    return { value: decryptOrNull(input.field === 'idNumber' ? r.id_enc : r.phone_enc) };
  }

  const validOn = (r: CheckpointPassesTable, today: string) => r.status === 'active' && (r.valid_until === null || r.valid_until >= today);

  /** What anyone holding the QR code sees: no ID number, no phone, the name masked. Unknown → 404. */
  async function publicView(token: string): Promise<PublicView> {
    const r = await repo.byTokenAnyZone(token);
    if (!r) throw new NotFoundError('checkpoint_pass');
    const buildingName = (await repo.buildingNames(r.zone_id, [r.building_id])).get(r.building_id) ?? '';
    return { holderName: maskName(r.holder_name), buildingName, floor: r.floor, colour: r.colour as PassColour, status: r.status as PassStatus, validUntil: r.valid_until, valid: validOn(r, scope.today()) };
  }

  /**
   * The pass a gate scanned (its address or bare token), with the holder's document and phone
   * decrypted for the registration. Unknown or another zone's → 404; revoked → 422
   * checkpoint.pass_revoked; past its date → 422 checkpoint.pass_expired.
   */
  async function forScan(zoneId: string, code: string): Promise<ScannedPass> {
    const token = passTokenOf(code);
    const r = token ? await repo.byToken(zoneId, token) : undefined;
    if (!r) throw new NotFoundError('checkpoint_pass');
    if (r.status === 'revoked') throw new RuleError('checkpoint.pass_revoked', {}, { field: 'code' });
    if (!validOn(r, scope.today())) throw new RuleError('checkpoint.pass_expired', { date: r.valid_until ?? '' }, { field: 'code' });
    return { pass: r, buildingId: r.building_id, idNumber: pii.decrypt(r.id_enc), phone: decryptOrNull(r.phone_enc) };
  }

  async function qr(ctx: Ctx, id: string): Promise<{ number: string; png: Buffer }> {
    const r = await row(ctx, id);
    return { number: r.number, png: await qrPng(scope.passUrl(r.token), 8) };
  }

  /** The printable card: a band in the floor's colour, holder, building, floor, number, validity, QR. */
  async function card(ctx: Ctx, id: string): Promise<{ number: string; pdf: Buffer }> {
    const r = await row(ctx, id);
    const pass = await get(ctx, id);
    const pdf = await renderPassCardPdf({
      zoneName: await repo.zoneName(ctx.zoneId),
      number: pass.number,
      buildingName: pass.buildingName,
      floor: pass.floor,
      colour: pass.colour,
      colourLabel: PASS_COLOUR_LABELS[pass.colour][0],
      holderName: pass.holderName,
      enterpriseName: pass.enterpriseName,
      validUntil: pass.validUntil,
      url: scope.passUrl(r.token),
    });
    return { number: r.number, pdf };
  }

  /**
   * The colour of each floor of a building: every floor 1…floors when the building says how many
   * (the building's choice or the default), and any other floor given a colour (basements).
   */
  async function floorColours(ctx: Ctx, buildingId: string): Promise<{ items: FloorColourItem[] }> {
    const building = await repo.building(ctx.zoneId, buildingId);
    if (!building) throw crossZoneReference('buildingId');
    const set = new Map((await repo.floorColours(ctx.zoneId, buildingId)).map((r) => [r.floor, r.colour as PassColour]));
    const floors = new Set<number>(set.keys());
    for (let f = 1; f <= (building.floors ?? 0); f++) floors.add(f);
    const items = [...floors].sort((a, b) => a - b).map((floor) => ({ buildingId, floor, colour: set.get(floor) ?? defaultPassColour(floor) }));
    return { items };
  }

  /** Sets a floor's colour for the passes issued from now on (printed cards keep theirs). */
  async function setFloorColour(ctx: Ctx, input: FloorColourBody): Promise<FloorColourItem> {
    await assertBuildingFloor(ctx, input.buildingId, input.floor);
    const before = await colourOf(ctx.zoneId, input.buildingId, input.floor);
    await database.db.transaction().execute(async (trx) => {
      await makePassesRepo(trx, database.dialect).upsertFloorColour({ zone_id: ctx.zoneId, building_id: input.buildingId, floor: input.floor, colour: input.colour, updated_at: clock.now() });
      await recordAudit(trx, clock, ctx, { action: 'pass_floor_colour.set', entityType: 'building', entityId: input.buildingId, before: { floor: input.floor, colour: before }, after: { floor: input.floor, colour: input.colour } });
    });
    return { buildingId: input.buildingId, floor: input.floor, colour: input.colour };
  }

  return { list, exportRows, get, issue, revoke, reveal, publicView, forScan, qr, card, floorColours, setFloorColour, colourOf };
}
