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
    /**
     * Holds the zone's row until the transaction ends, so that changes which must see each other
     * (the zone's last administrator) run one after the other. Plain SQL on both dialects.
     */
    async lock(id: string) {
      await db.updateTable('zones').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id).execute();
    },
    async insert(row: ZonesTable) {
      await db.insertInto('zones').values(row).execute();
    },
  };
}
