// Per-zone number series (application no., licence no., plan no., demand no.): a counter row per
// zone, series and day (or year), bumped by one UPDATE … RETURNING inside the caller's
// transaction, so parallel writers get consecutive numbers and a rolled-back one gives its back.
import type { Executor } from '../platform/context.js';

/** The next number of a per-zone daily (or yearly) series, bumped inside the caller's transaction. */
export async function nextInSeries(trx: Executor, zoneId: string, series: string, day: string): Promise<number> {
  await trx
    .insertInto('number_counters')
    .values({ zone_id: zoneId, series, day, last: 0 })
    .onConflict((oc) => oc.columns(['zone_id', 'series', 'day']).doNothing())
    .execute();
  const row = await trx
    .updateTable('number_counters')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('zone_id', '=', zoneId)
    .where('series', '=', series)
    .where('day', '=', day)
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}
