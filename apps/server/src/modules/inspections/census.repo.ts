// SQL of the census of parks (园区摸排): entries per park and date with the park's and round's
// names, and the one-per-park-and-date rule kept by the unique constraint.
import type { z } from 'zod';
import type { CensusListQuery } from '@shuangsheng/contracts';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf } from '../../db/paging.js';
import type { InspectionCensusTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export type CensusFilter = Omit<z.infer<typeof CensusListQuery>, 'page' | 'pageSize'>;
export type CensusRow = InspectionCensusTable & { park_name: string | null; round_name: string | null };

export function makeCensusRepo(db: Executor, dialect: DialectName) {
  const joined = (zoneId: string) =>
    db
      .selectFrom('inspection_census')
      .leftJoin('parks', (j) => j.onRef('parks.id', '=', 'inspection_census.park_id').on('parks.zone_id', '=', zoneId))
      .leftJoin('inspection_rounds', (j) => j.onRef('inspection_rounds.id', '=', 'inspection_census.round_id').on('inspection_rounds.zone_id', '=', zoneId))
      .where('inspection_census.zone_id', '=', zoneId);
  const withNames = <Q extends ReturnType<typeof joined>>(q: Q) => q.selectAll('inspection_census').select(['parks.name as park_name', 'inspection_rounds.name as round_name']);
  const filtered = (zoneId: string, f: CensusFilter) => {
    let q = joined(zoneId);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('parks.name'), needle), containsText(dialect, eb.ref('inspection_census.difficulties'), needle)]));
    }
    if (f.parkId) q = q.where('inspection_census.park_id', '=', f.parkId);
    if (f.roundId) q = q.where('inspection_census.round_id', '=', f.roundId);
    if (f.from) q = q.where('inspection_census.census_date', '>=', f.from);
    if (f.to) q = q.where('inspection_census.census_date', '<=', f.to);
    return q;
  };
  const ordered = <Q extends ReturnType<typeof withNames>>(q: Q) => q.orderBy('inspection_census.census_date', 'desc').orderBy('parks.name').orderBy('inspection_census.id');

  return {
    async list(zoneId: string, f: CensusFilter & { page: number; pageSize: number }): Promise<{ rows: CensusRow[]; total: number }> {
      const base = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        ordered(withNames(base)).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: CensusFilter): AsyncGenerator<CensusRow[]> {
      for (let page = 1; ; page++) {
        const rows = await ordered(withNames(filtered(zoneId, f))).limit(500).offset((page - 1) * 500).execute();
        if (rows.length) yield rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string): Promise<CensusRow | undefined> => withNames(joined(zoneId)).where('inspection_census.id', '=', id).executeTakeFirst(),
    async insert(row: InspectionCensusTable) {
      await db.insertInto('inspection_census').values(row).execute();
    },
    async update(zoneId: string, id: string, set: Partial<InspectionCensusTable>) {
      await db.updateTable('inspection_census').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    parkExists: async (zoneId: string, id: string) => !!(await db.selectFrom('parks').select('id').where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst()),
    roundExists: async (zoneId: string, id: string) => !!(await db.selectFrom('inspection_rounds').select('id').where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst()),
  };
}
