import type { Executor } from '../../platform/context.js';
import type { ZonesTable } from '../../db/schema.js';

export function makeZonesRepo(db: Executor) {
  return {
    list: () => db.selectFrom('zones').selectAll().orderBy('code').execute(),
    get: (id: string) => db.selectFrom('zones').selectAll().where('id', '=', id).executeTakeFirst(),
    byCode: (code: string) => db.selectFrom('zones').selectAll().where('code', '=', code).executeTakeFirst(),
    async count(): Promise<number> {
      const r = await db.selectFrom('zones').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insert(row: ZonesTable) {
      await db.insertInto('zones').values(row).execute();
    },
  };
}
