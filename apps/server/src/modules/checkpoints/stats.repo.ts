// SQL of the checkpoint statistics: the rollups of a period summed by day and checkpoint, by day
// and hour, and by day and origin province (small answers: the sums are made by the database) —
// from the day rollups and the zone's hour rollups, a few thousand rows for 14 days where the
// hourly ones are a hundred thousand at 200 checkpoints; one checkpoint's hours from the hourly
// rollups; the zone's checkpoints; the cases of the period counted by status and by reasons.
import type { Executor } from '../../platform/context.js';

export type StatsFilter = { zoneId: string; from: string; to: string; checkpointId?: string | undefined };

export function makeStatsRepo(db: Executor) {
  const days = (f: StatsFilter) => {
    let q = db.selectFrom('checkpoint_day_rollups').where('zone_id', '=', f.zoneId).where('day', '>=', f.from).where('day', '<=', f.to);
    if (f.checkpointId) q = q.where('checkpoint_id', '=', f.checkpointId);
    return q;
  };
  /** The hours: one checkpoint's from its hourly rollups, the zone's from its hour rollups. */
  const hours = (f: StatsFilter) =>
    f.checkpointId
      ? db.selectFrom('checkpoint_rollups').select(['day', 'hour', 'persons', 'vehicles', 'alerts']).where('zone_id', '=', f.zoneId).where('checkpoint_id', '=', f.checkpointId).where('day', '>=', f.from).where('day', '<=', f.to)
      : db.selectFrom('checkpoint_hour_rollups').select(['day', 'hour', 'persons', 'vehicles', 'alerts']).where('zone_id', '=', f.zoneId).where('day', '>=', f.from).where('day', '<=', f.to);
  const sums = { persons: 0, vehicles: 0, alerts: 0 };
  const screened = (r: { persons: unknown; vehicles: unknown; alerts?: unknown }) => ({ ...sums, persons: Number(r.persons), vehicles: Number(r.vehicles), alerts: Number(r.alerts ?? 0) });
  return {
    /** Person-times, vehicles and alerts of each day and checkpoint in [from, to]. */
    byDayCheckpoint: async (f: StatsFilter) =>
      (
        await days(f)
          .select((eb) => ['day', 'checkpoint_id', eb.fn.sum<number>('persons').as('persons'), eb.fn.sum<number>('vehicles').as('vehicles'), eb.fn.sum<number>('alerts').as('alerts')])
          .groupBy(['day', 'checkpoint_id'])
          .execute()
      ).map((r) => ({ day: r.day, checkpoint_id: r.checkpoint_id, ...screened(r) })),
    /** The same of each day and hour of the day. */
    byDayHour: async (f: StatsFilter) =>
      (
        await db
          .selectFrom(hours(f).as('h'))
          .select((eb) => ['h.day', 'h.hour', eb.fn.sum<number>('h.persons').as('persons'), eb.fn.sum<number>('h.vehicles').as('vehicles'), eb.fn.sum<number>('h.alerts').as('alerts')])
          .groupBy(['h.day', 'h.hour'])
          .execute()
      ).map((r) => ({ day: r.day, hour: Number(r.hour), ...screened(r) })),
    /** Person-times and vehicles of each day and origin province. */
    byDayProvince: async (f: StatsFilter) =>
      (
        await days(f)
          .select((eb) => ['day', 'province', eb.fn.sum<number>('persons').as('persons'), eb.fn.sum<number>('vehicles').as('vehicles')])
          .groupBy(['day', 'province'])
          .execute()
      ).map((r) => ({ day: r.day, province: r.province, persons: Number(r.persons), vehicles: Number(r.vehicles) })),
    checkpoints: (zoneId: string, checkpointId?: string) => {
      let q = db.selectFrom('checkpoints').select(['id', 'name', 'kind', 'status']).where('zone_id', '=', zoneId);
      if (checkpointId) q = q.where('id', '=', checkpointId);
      return q.orderBy('name').execute();
    },
    caseStatuses: async (zoneId: string, fromMs: number, toMs: number, checkpointId?: string) => {
      let q = db.selectFrom('checkpoint_cases').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).where('zone_id', '=', zoneId).where('at', '>=', fromMs).where('at', '<', toMs);
      if (checkpointId) q = q.where('checkpoint_id', '=', checkpointId);
      return (await q.groupBy('status').execute()).map((r) => ({ status: r.status, n: Number(r.n) }));
    },
    caseReasons: async (zoneId: string, fromMs: number, toMs: number, checkpointId?: string) => {
      let q = db.selectFrom('checkpoint_cases').select((eb) => ['reasons', eb.fn.countAll<number>().as('n')]).where('zone_id', '=', zoneId).where('at', '>=', fromMs).where('at', '<', toMs);
      if (checkpointId) q = q.where('checkpoint_id', '=', checkpointId);
      return (await q.groupBy('reasons').execute()).map((r) => ({ reasons: r.reasons, n: Number(r.n) }));
    },
  };
}
