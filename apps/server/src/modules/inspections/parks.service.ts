// Park plans: each park's risk and size set how often it is inspected; its responsible inspector
// is the primary park_inspector assignment of the org module. The list shows when each park was
// last inspected, when it is next due, and its open ledger items.
import type { InspectionPark as InspectionParkSchema, ParkPlanInput as ParkPlanInputSchema, InspectionParkListQuery as InspectionParkListQuerySchema, ParkSize, RiskLevel } from '@shuangsheng/contracts';
import type { z } from 'zod';
import { addDays, todayIn } from '../../platform/calendar.js';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { NotFoundError } from '../../platform/errors.js';
import type { InspectionParts, Scope } from './context.js';
import type { InspectionsModule } from './inspections.services.js';
import { makeParksRepo } from './parks.repo.js';

type InspectionPark = z.infer<typeof InspectionParkSchema>;
type ParkPlanInput = z.infer<typeof ParkPlanInputSchema>;
type InspectionParkListQuery = z.infer<typeof InspectionParkListQuerySchema>;

export function makeParksService(parts: InspectionParts, scope: Scope, mod: InspectionsModule) {
  const { deps, org, enterprises, timeZone } = parts;
  const { database, clock } = deps;
  const repo = makeParksRepo(database.db);

  /** Every park of the zone (or the ones named) as the plan list shows it, by name. */
  async function parksOf(zoneId: string, only?: string[]): Promise<InspectionPark[]> {
    const wanted = only ? new Set(only) : null;
    const parks = (await org.parks.byName(zoneId)).filter((p) => !wanted || wanted.has(p.id)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
    if (parks.length === 0) return [];
    const ids = parks.map((p) => p.id);
    const plans = new Map((await repo.plans(zoneId)).map((p) => [p.park_id, p]));
    const inspectors = await scope.inspectorsOf(zoneId, ids);
    const buildings = new Map<string, number>();
    for (const b of await org.buildings.allInZone(zoneId)) buildings.set(b.park_id, (buildings.get(b.park_id) ?? 0) + 1);
    const firms = await enterprises.lookup.count(zoneId, 'park_id', ids);
    const last = await repo.lastSubmitted(zoneId);
    const open = await mod.findings.openCountsByPark(zoneId);
    const today = scope.today();
    return parks.map((p) => {
      const plan = plans.get(p.id);
      const primary = (inspectors.get(p.id) ?? []).find((h) => h.isPrimary);
      const lastAt = last.get(p.id);
      const lastOn = lastAt !== undefined ? todayIn(timeZone, lastAt) : null;
      return {
        parkId: p.id,
        parkName: p.name,
        risk: (plan?.risk ?? null) as RiskLevel | null,
        size: (plan?.size ?? null) as ParkSize | null,
        frequencyDays: plan?.frequency_days ?? null,
        inspector: primary ? { id: primary.userId, name: primary.name } : null,
        buildings: buildings.get(p.id) ?? 0,
        enterprises: firms.get(p.id) ?? 0,
        lastInspectedOn: lastOn,
        nextDueOn: plan ? (lastOn ? addDays(lastOn, plan.frequency_days) : today) : null,
        openFindings: open.get(p.id) ?? 0,
      };
    });
  }

  async function list(ctx: Ctx, q: InspectionParkListQuery): Promise<{ items: InspectionPark[]; total: number; page: number; pageSize: number }> {
    const today = scope.today();
    const needle = q.q?.toLowerCase();
    const all = (await parksOf(ctx.zoneId)).filter(
      (p) => (!needle || p.parkName.toLowerCase().includes(needle)) && (!q.risk || p.risk === q.risk) && (q.due === undefined || (p.nextDueOn !== null && p.nextDueOn <= today) === q.due),
    );
    const start = (q.page - 1) * q.pageSize;
    return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  }

  async function get(ctx: Ctx, parkId: string): Promise<InspectionPark> {
    const [park] = await parksOf(ctx.zoneId, [parkId]);
    if (!park) throw new NotFoundError('park', parkId);
    return park;
  }

  async function setPlan(ctx: Ctx, parkId: string, input: ParkPlanInput): Promise<InspectionPark> {
    if (!(await org.parks.exists(ctx.zoneId, parkId))) throw new NotFoundError('park', parkId);
    const before = await repo.plan(ctx.zoneId, parkId);
    await database.db.transaction().execute(async (trx) => {
      await makeParksRepo(trx).upsertPlan({ zone_id: ctx.zoneId, park_id: parkId, risk: input.risk, size: input.size, frequency_days: input.frequencyDays, updated_at: clock.now() });
      const old = before ? { risk: before.risk, size: before.size, frequencyDays: before.frequency_days } : { risk: null, size: null, frequencyDays: null };
      await recordAudit(trx, clock, ctx, { action: 'inspection_park.plan', entityType: 'park', entityId: parkId, ...diff<Record<string, unknown>>(old, { ...input }) });
    });
    return get(ctx, parkId);
  }

  return { list, get, setPlan, parksOf };
}
