import type { Executor } from '../../platform/context.js';
import type { TeamsTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';

const SORT = { name: 'name', kind: 'kind', createdAt: 'created_at' } as const;

export function makeTeamsRepo(db: Executor, dialect: DialectName) {
  return {
    async list(zoneId: string, q: { q?: string | undefined; kind?: string | undefined; page: number; pageSize: number; sort?: string | undefined }) {
      let base = db.selectFrom('teams').where('zone_id', '=', zoneId);
      if (q.kind) base = base.where('kind', '=', q.kind);
      if (q.q) base = base.where((eb) => containsText(dialect, eb.ref('name'), q.q!));
      const [column, dir] = parseSort(q.sort, SORT, ['created_at', 'asc']);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, dir).orderBy('id').limit(q.pageSize).offset(offsetOf(q.page, q.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => db.selectFrom('teams').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    parents: (zoneId: string) => db.selectFrom('teams').select(['id', 'parent_id', 'name']).where('zone_id', '=', zoneId).execute(),
    async membersOf(teamIds: string[]): Promise<Map<string, string[]>> {
      const map = new Map<string, string[]>();
      if (teamIds.length === 0) return map;
      const rows = await db.selectFrom('team_members').select(['team_id', 'user_id']).where('team_id', 'in', teamIds).execute();
      for (const r of rows) map.set(r.team_id, [...(map.get(r.team_id) ?? []), r.user_id]);
      return map;
    },
    async insert(row: TeamsTable) {
      await db.insertInto('teams').values(row).execute();
    },
    async update(zoneId: string, id: string, patch: Partial<TeamsTable>) {
      await db.updateTable('teams').set(patch).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async setMembers(zoneId: string, teamId: string, userIds: string[]) {
      await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
      if (userIds.length > 0) await db.insertInto('team_members').values(userIds.map((user_id) => ({ team_id: teamId, user_id, zone_id: zoneId }))).execute();
    },
    async remove(zoneId: string, id: string) {
      await db.deleteFrom('team_members').where('team_id', '=', id).execute();
      await db.deleteFrom('teams').where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
