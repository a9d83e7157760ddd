import type { Executor } from '../../platform/context.js';
import type { FilesTable } from '../../db/schema.js';

export function makeFilesRepo(db: Executor) {
  return {
    get: (zoneId: string, id: string) => db.selectFrom('files').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async namesOf(zoneId: string, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('files').select(['id', 'name']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async insert(row: FilesTable) {
      await db.insertInto('files').values(row).execute();
    },
  };
}
