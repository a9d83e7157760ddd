// Checkpoints (卡口): kind, name, grid unit, building (for a building gate's passes), location and a
// status with history (active ⇄ service point → closed, reopening allowed). Each carries an
// unguessable token in its QR address; rotating it retires the old one (its QR then answers 410).
// The list shows each checkpoint's risk level, today's person-times and vehicles, open cases.
import { randomBytes } from 'node:crypto';
import {
  CHECKPOINT_KIND_LABELS,
  CHECKPOINT_STATUS_LABELS,
  labelIn,
  type Checkpoint,
  type CheckpointDetail,
  type CheckpointInput,
  type CheckpointKind,
  type CheckpointListQuery,
  type CheckpointPatch,
  type CheckpointStatus,
  type CheckpointStatusInput,
  type GridRisk,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { CheckpointsTable } from '../../db/schema.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, ConflictError, crossZoneReference, NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { rethrowUnique } from '../../platform/tx.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { makeCheckpointsRepo } from './checkpoints.repo.js';
import { renderPosterPdf } from './poster.pdf.js';
import { qrPng } from './qr.js';

type Item = z.infer<typeof Checkpoint>;
type Detail = z.infer<typeof CheckpointDetail>;
type ListQuery = z.infer<typeof CheckpointListQuery>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;
type Input = z.infer<typeof CheckpointInput>;
type Patch = z.infer<typeof CheckpointPatch>;
type StatusInput = z.infer<typeof CheckpointStatusInput>;

/** What the public path needs of a checkpoint, found by the token of its QR address. */
export type ByToken = { checkpoint: CheckpointsTable; zoneName: string; risk: GridRisk | null };

/** 24 random bytes, base64url: 32 characters nobody guesses. */
export const newCheckpointToken = () => randomBytes(24).toString('base64url');

/** How long the public path may reuse what a token named; changes in this process forget at once. */
const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_MAX = 10_000;

export function makeCheckpointsService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  const { database, clock } = parts.deps;
  const repo = makeCheckpointsRepo(database.db);
  // By wall time, not the zone's clock: a test clock standing still must not freeze the cache.
  const tokenCache = new Map<string, { value: ByToken | 'revoked'; until: number }>();

  function forget(): void {
    tokenCache.clear();
  }

  async function hydrate(zoneId: string, rows: CheckpointsTable[]): Promise<Item[]> {
    if (rows.length === 0) return [];
    const resolve = await mod.risk.resolver(zoneId);
    const units = await repo.gridUnitNames(zoneId);
    const buildings = rows.some((r) => r.building_id) ? await repo.buildingNames(zoneId) : new Map<string, string>();
    const totals = await repo.dayTotals(zoneId, scope.today());
    const open = await repo.openCases(zoneId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as CheckpointKind,
      gridUnitId: r.grid_unit_id,
      gridUnitName: r.grid_unit_id ? (units.get(r.grid_unit_id) ?? null) : null,
      buildingId: r.building_id,
      buildingName: r.building_id ? (buildings.get(r.building_id) ?? null) : null,
      location: r.location,
      status: r.status as CheckpointStatus,
      qrUrl: scope.registrationUrl(r.token),
      risk: resolve(r.grid_unit_id),
      today: { persons: totals.get(r.id)?.persons ?? 0, vehicles: totals.get(r.id)?.vehicles ?? 0, openCases: open.get(r.id) ?? 0 },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function filtered(ctx: Ctx, q: Filters): Promise<Item[]> {
    const needle = q.q?.toLowerCase();
    const items = (await hydrate(ctx.zoneId, await repo.all(ctx.zoneId))).filter(
      (c) =>
        (!q.kind || c.kind === q.kind) &&
        (!q.status || c.status === q.status) &&
        (!q.gridUnitId || c.gridUnitId === q.gridUnitId) &&
        (!q.risk || c.risk?.level === q.risk) &&
        (!needle || c.name.toLowerCase().includes(needle) || (c.location ?? '').toLowerCase().includes(needle)),
    );
    const [field, dir] = (q.sort ?? 'name:asc').split(':') as ['name' | 'createdAt' | 'status', 'asc' | 'desc'];
    const statusOrder = (s: CheckpointStatus) => ['active', 'service_point', 'closed'].indexOf(s);
    items.sort((a, b) => {
      const c = field === 'createdAt' ? a.createdAt - b.createdAt : field === 'status' ? statusOrder(a.status) - statusOrder(b.status) : a.name.localeCompare(b.name, 'zh-CN');
      return (dir === 'desc' ? -c : c) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
    });
    return items;
  }

  async function list(ctx: Ctx, q: ListQuery): Promise<{ items: Item[]; total: number; page: number; pageSize: number }> {
    const all = await filtered(ctx, q);
    const start = (q.page - 1) * q.pageSize;
    return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  }

  async function row(ctx: Ctx, id: string): Promise<CheckpointsTable> {
    const r = await repo.get(ctx.zoneId, id);
    if (!r) throw new NotFoundError('checkpoint', id);
    return r;
  }

  async function get(ctx: Ctx, id: string): Promise<Detail> {
    const [item] = await hydrate(ctx.zoneId, [await row(ctx, id)]);
    const history = (await repo.statusEvents(ctx.zoneId, id)).map((e) => ({
      id: e.id,
      fromStatus: e.from_status as CheckpointStatus | null,
      toStatus: e.to_status as CheckpointStatus,
      reason: e.reason,
      actorName: e.actor_name,
      at: e.at,
    }));
    return { ...item!, history };
  }

  /** Ids in the body must be of this zone (422 naming the field). */
  async function assertRefs(ctx: Ctx, input: { gridUnitId?: string | null | undefined; buildingId?: string | null | undefined }) {
    if (input.gridUnitId && !(await repo.gridUnitExists(ctx.zoneId, input.gridUnitId))) throw crossZoneReference('gridUnitId');
    if (input.buildingId && !(await repo.building(ctx.zoneId, input.buildingId))) throw crossZoneReference('buildingId');
  }

  /** A new checkpoint, active, with a token and the first row of its history. */
  async function create(ctx: Ctx, input: Input): Promise<Detail> {
    await assertRefs(ctx, input);
    const now = clock.now();
    const r: CheckpointsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      name: input.name,
      kind: input.kind,
      grid_unit_id: input.gridUnitId ?? null,
      building_id: input.buildingId ?? null,
      location: input.location || null,
      status: 'active',
      token: newCheckpointToken(),
      created_at: now,
      updated_at: now,
    };
    await database.db
      .transaction()
      .execute(async (trx) => {
        const tx = makeCheckpointsRepo(trx);
        await tx.insert(r);
        await tx.insertStatusEvent({ id: newId(), zone_id: ctx.zoneId, checkpoint_id: r.id, from_status: null, to_status: 'active', reason: null, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, at: now });
        await recordAudit(trx, clock, ctx, {
          action: 'checkpoint.create',
          entityType: 'checkpoint',
          entityId: r.id,
          after: { name: r.name, kind: r.kind, gridUnitId: r.grid_unit_id, buildingId: r.building_id, location: r.location, status: r.status },
        });
      })
      .catch((e) => rethrowUnique(e, 'name', input.name));
    return get(ctx, r.id);
  }

  async function update(ctx: Ctx, id: string, patch: Patch): Promise<Detail> {
    const before = await row(ctx, id);
    await assertRefs(ctx, patch);
    const set: Partial<CheckpointsTable> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.gridUnitId !== undefined) set.grid_unit_id = patch.gridUnitId;
    if (patch.buildingId !== undefined) set.building_id = patch.buildingId;
    if (patch.location !== undefined) set.location = patch.location || null;
    const view = (r: Partial<CheckpointsTable>) => ({ name: r.name, kind: r.kind, gridUnitId: r.grid_unit_id, buildingId: r.building_id, location: r.location });
    const d = diff<Record<string, unknown>>(view(before), view({ ...before, ...set }));
    if (Object.keys(d.after).length) {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await makeCheckpointsRepo(trx).update(ctx.zoneId, id, { ...set, updated_at: clock.now() });
          await recordAudit(trx, clock, ctx, { action: 'checkpoint.update', entityType: 'checkpoint', entityId: id, ...d });
        })
        .catch((e) => rethrowUnique(e, 'name', patch.name ?? ''));
      forget();
    }
    return get(ctx, id);
  }

  function stateError(ctx: Ctx, status: CheckpointStatus, to: CheckpointStatus): ConflictError {
    const label = CHECKPOINT_STATUS_LABELS[to];
    const action = labelIn(ctx.lang, [`改为“${label[0]}”`, `change to ${label[1]}`]);
    return new ConflictError('state.checkpoint', { status: labelIn(ctx.lang, CHECKPOINT_STATUS_LABELS[status]), action }, { status });
  }

  /** Moves the status (any change but to the same status), with a history row; audited. */
  async function setStatus(ctx: Ctx, id: string, input: StatusInput): Promise<Detail> {
    const before = await row(ctx, id);
    const from = before.status as CheckpointStatus;
    if (from === input.status) throw stateError(ctx, from, input.status);
    const now = clock.now();
    await database.db.transaction().execute(async (trx) => {
      const tx = makeCheckpointsRepo(trx);
      // A parallel change got there first: refuse rather than write a history that skips a step.
      if ((await tx.setStatus(ctx.zoneId, id, from, input.status, now)) === 0) {
        const current = (await tx.get(ctx.zoneId, id))?.status as CheckpointStatus | undefined;
        throw stateError(ctx, current ?? from, input.status);
      }
      await tx.insertStatusEvent({ id: newId(), zone_id: ctx.zoneId, checkpoint_id: id, from_status: from, to_status: input.status, reason: input.reason, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, at: now });
      await recordAudit(trx, clock, ctx, { action: 'checkpoint.status', entityType: 'checkpoint', entityId: id, before: { status: from }, after: { status: input.status, reason: input.reason } });
    });
    forget();
    return get(ctx, id);
  }

  /** A new token (a new QR code and poster); the old one is remembered as revoked. */
  async function rotateToken(ctx: Ctx, id: string): Promise<Detail> {
    const before = await row(ctx, id);
    const now = clock.now();
    await database.db.transaction().execute(async (trx) => {
      const tx = makeCheckpointsRepo(trx);
      // Two rotations at once: the one that still finds the old token retires it; the other is
      // already done (the token it saw is retired) and simply answers the current state.
      if ((await tx.setToken(ctx.zoneId, id, before.token, newCheckpointToken(), now)) === 0) return;
      await tx.insertRevokedToken({ token: before.token, zone_id: ctx.zoneId, checkpoint_id: id, revoked_at: now });
      await recordAudit(trx, clock, ctx, { action: 'checkpoint.rotate_token', entityType: 'checkpoint', entityId: id, after: { revokedAt: now } });
    });
    forget();
    return get(ctx, id);
  }

  /**
   * The checkpoint a QR token names, its zone's name and its risk level; cached briefly (the
   * public path asks on every request). Unknown → 404; a rotated-away token → 410
   * checkpoint.qr_revoked. A closed checkpoint is returned: the caller decides.
   */
  async function byToken(token: string): Promise<ByToken> {
    const hit = tokenCache.get(token);
    if (hit && hit.until > Date.now()) {
      if (hit.value === 'revoked') throw new AppError(410, 'checkpoint.qr_revoked');
      return hit.value;
    }
    const remember = (value: ByToken | 'revoked') => {
      if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
      tokenCache.set(token, { value, until: Date.now() + TOKEN_CACHE_MS });
    };
    const r = await repo.byToken(token);
    if (!r) {
      if (await repo.revokedToken(token)) {
        remember('revoked');
        throw new AppError(410, 'checkpoint.qr_revoked');
      }
      throw new NotFoundError('checkpoint');
    }
    const value: ByToken = { checkpoint: r, zoneName: (await repo.zoneName(r.zone_id)) ?? '', risk: await mod.risk.levelOf(r.zone_id, r.grid_unit_id) };
    remember(value);
    return value;
  }

  /** The QR code (PNG) of the checkpoint's registration address. */
  async function qr(ctx: Ctx, id: string): Promise<{ name: string; png: Buffer }> {
    const r = await row(ctx, id);
    return { name: r.name, png: await qrPng(scope.registrationUrl(r.token)) };
  }

  /** The printable A4 poster. */
  async function poster(ctx: Ctx, id: string): Promise<{ name: string; pdf: Buffer }> {
    const r = await row(ctx, id);
    const pdf = await renderPosterPdf({
      zoneName: (await repo.zoneName(ctx.zoneId)) ?? '',
      checkpointName: r.name,
      kindLabel: CHECKPOINT_KIND_LABELS[r.kind as CheckpointKind][0],
      location: r.location,
      url: scope.registrationUrl(r.token),
    });
    return { name: r.name, pdf };
  }

  return { list, exportRows: filtered, get, create, update, setStatus, rotateToken, byToken, qr, poster, forget, find: (zoneId: string, id: string) => repo.get(zoneId, id) };
}
