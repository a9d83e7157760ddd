// Risk zoning (分区分级分类): a grid unit gets a level (low/medium/high) and one of four control
// classes with its measures; each change is a history row. A checkpoint shows the level of its grid
// unit, or of the nearest unit above it that has one.
import type { GridRisk, GridRiskListQuery, GridRiskRow, RiskHistoryEntry, RiskInput, ControlClass, RiskLevel } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { GridRiskLevelsTable, GridUnitsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { makeRiskRepo } from './risk.repo.js';

type Row = z.infer<typeof GridRiskRow>;
type HistoryEntry = z.infer<typeof RiskHistoryEntry>;
type ListQuery = z.infer<typeof GridRiskListQuery>;
type Filters = Pick<ListQuery, 'q' | 'risk'>;
type Input = z.infer<typeof RiskInput>;

function toRisk(r: GridRiskLevelsTable, unitName: string): GridRisk {
  return { gridUnitId: r.grid_unit_id, gridUnitName: unitName, level: r.level as RiskLevel, controlClass: r.control_class as ControlClass, measures: r.measures, since: r.since };
}

/** Looks a unit's level up its ancestors, over one load of the zone's units and levels. */
export type RiskResolver = (gridUnitId: string | null | undefined) => GridRisk | null;

export function makeRiskService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  const { database, clock } = parts.deps;
  const repo = makeRiskRepo(database.db);

  async function resolver(zoneId: string): Promise<RiskResolver> {
    const [units, current] = await Promise.all([repo.gridUnits(zoneId), repo.current(zoneId)]);
    const byId = new Map(units.map((u) => [u.id, u]));
    return (gridUnitId) => {
      let unit: GridUnitsTable | undefined = gridUnitId ? byId.get(gridUnitId) : undefined;
      // The grid is at most four levels deep; the guard stops a malformed cycle.
      for (let guard = 0; unit && guard < 16; guard++) {
        const level = current.get(unit.id);
        if (level) return toRisk(level, unit.name);
        unit = unit.parent_id ? byId.get(unit.parent_id) : undefined;
      }
      return null;
    };
  }

  /** The level of the unit, or of the nearest unit above it with one; null when none has. */
  async function levelOf(zoneId: string, gridUnitId: string | null | undefined): Promise<GridRisk | null> {
    if (!gridUnitId) return null;
    return (await resolver(zoneId))(gridUnitId);
  }

  /** Each checkpoint's level (inherited as levelOf does), for statistics by level. */
  async function levelsByCheckpoint(zoneId: string): Promise<Map<string, RiskLevel | null>> {
    const [resolve, checkpoints] = await Promise.all([resolver(zoneId), repo.checkpointUnits(zoneId)]);
    return new Map(checkpoints.map((c) => [c.id, resolve(c.grid_unit_id)?.level ?? null]));
  }

  async function rows(zoneId: string): Promise<Row[]> {
    const [units, current, counts] = await Promise.all([repo.gridUnits(zoneId), repo.current(zoneId), repo.checkpointCounts(zoneId)]);
    return units.map((u) => {
      const own = current.get(u.id);
      return { gridUnitId: u.id, gridUnitName: u.name, gridUnitCode: u.code, level: u.level, parentId: u.parent_id, risk: own ? toRisk(own, u.name) : null, checkpoints: counts.get(u.id) ?? 0 };
    });
  }

  /** The zone's units matching the filters: by their own level, and a name or code fragment. */
  async function filtered(ctx: Ctx, q: Filters): Promise<Row[]> {
    const needle = q.q?.toLowerCase();
    return (await rows(ctx.zoneId)).filter(
      (r) => (!q.risk || r.risk?.level === q.risk) && (!needle || r.gridUnitName.toLowerCase().includes(needle) || r.gridUnitCode.toLowerCase().includes(needle)),
    );
  }

  /** Every grid unit of the zone with its own current level and how many checkpoints sit in it. */
  async function list(ctx: Ctx, q: ListQuery): Promise<{ items: Row[]; total: number; page: number; pageSize: number }> {
    const all = await filtered(ctx, q);
    const start = (q.page - 1) * q.pageSize;
    return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Every unit the list's filters match, unpaged, for the Excel export, each with the level it shows
   * (its own, or inherited from the nearest unit above, as the page shows it); `shown` filters by that.
   */
  async function exportRows(ctx: Ctx, q: Filters & { shown?: RiskLevel | 'none' | undefined }): Promise<(Row & { shown: GridRisk | null })[]> {
    const [matching, resolve] = await Promise.all([filtered(ctx, q), resolver(ctx.zoneId)]);
    return matching
      .map((r) => ({ ...r, shown: resolve(r.gridUnitId) }))
      .filter((r) => !q.shown || (r.shown?.level ?? 'none') === q.shown);
  }

  async function getRow(ctx: Ctx, gridUnitId: string): Promise<Row> {
    const row = (await rows(ctx.zoneId)).find((r) => r.gridUnitId === gridUnitId);
    if (!row) throw new NotFoundError('grid_unit', gridUnitId);
    return row;
  }

  /** Sets the unit's level: a new history row (the latest is the current level), audited. */
  async function set(ctx: Ctx, gridUnitId: string, input: Input): Promise<Row> {
    const unit = await repo.gridUnit(ctx.zoneId, gridUnitId);
    if (!unit) throw new NotFoundError('grid_unit', gridUnitId);
    const before = (await repo.current(ctx.zoneId)).get(gridUnitId);
    const row: GridRiskLevelsTable = {
      id: newId(),
      zone_id: ctx.zoneId,
      grid_unit_id: gridUnitId,
      level: input.level,
      control_class: input.controlClass,
      measures: input.measures,
      since: input.since ?? scope.today(),
      reason: input.reason,
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      at: clock.now(),
    };
    await database.db.transaction().execute(async (trx) => {
      await makeRiskRepo(trx).insert(row);
      await recordAudit(trx, clock, ctx, {
        action: 'grid_risk.set',
        entityType: 'grid_unit',
        entityId: gridUnitId,
        before: before ? { level: before.level, controlClass: before.control_class, measures: before.measures, since: before.since } : null,
        after: { level: row.level, controlClass: row.control_class, measures: row.measures, since: row.since, reason: row.reason },
      });
    });
    // Checkpoints (and the public page) show the level: forget what this process cached.
    mod.checkpoints.forget();
    return getRow(ctx, gridUnitId);
  }

  async function history(ctx: Ctx, gridUnitId: string): Promise<{ items: HistoryEntry[] }> {
    if (!(await repo.gridUnit(ctx.zoneId, gridUnitId))) throw new NotFoundError('grid_unit', gridUnitId);
    const items = (await repo.history(ctx.zoneId, gridUnitId)).map((r) => ({
      id: r.id,
      level: r.level as RiskLevel,
      controlClass: r.control_class as ControlClass,
      measures: r.measures,
      since: r.since,
      reason: r.reason,
      actorName: r.actor_name,
      at: r.at,
    }));
    return { items };
  }

  return { list, exportRows, set, history, levelOf, levelsByCheckpoint, resolver };
}
