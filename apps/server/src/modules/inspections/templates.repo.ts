// SQL of checklist templates (工作规范) and their versions. A version is written once and never
// changed; a template's current_version moves by an UPDATE that also serializes parallel publishers.
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf } from '../../db/paging.js';
import type { InspectionTemplatesTable, InspectionTemplateVersionsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/context.js';

export function makeTemplatesRepo(db: Executor, dialect: DialectName) {
  return {
    async list(zoneId: string, f: { q?: string | undefined; page: number; pageSize: number }) {
      let q = db.selectFrom('inspection_templates').where('zone_id', '=', zoneId);
      if (f.q) {
        const needle = f.q;
        q = q.where((eb) => containsText(dialect, eb.ref('name'), needle));
      }
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('name').orderBy('id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    get: (zoneId: string, id: string) => db.selectFrom('inspection_templates').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    byIds: (zoneId: string, ids: string[]) =>
      ids.length === 0 ? Promise.resolve([]) : db.selectFrom('inspection_templates').selectAll().where('zone_id', '=', zoneId).where('id', 'in', ids).execute(),
    /** Every version of the templates, oldest first. */
    versionsOf: (zoneId: string, templateIds: string[]) =>
      templateIds.length === 0
        ? Promise.resolve([] as InspectionTemplateVersionsTable[])
        : db.selectFrom('inspection_template_versions').selectAll().where('zone_id', '=', zoneId).where('template_id', 'in', templateIds).orderBy('template_id').orderBy('version').execute(),
    version: (zoneId: string, templateId: string, version: number) =>
      db.selectFrom('inspection_template_versions').selectAll().where('zone_id', '=', zoneId).where('template_id', '=', templateId).where('version', '=', version).executeTakeFirst(),
    versionsByIds: (zoneId: string, ids: string[]) =>
      ids.length === 0 ? Promise.resolve([] as InspectionTemplateVersionsTable[]) : db.selectFrom('inspection_template_versions').selectAll().where('zone_id', '=', zoneId).where('id', 'in', ids).execute(),
    async insert(row: InspectionTemplatesTable) {
      await db.insertInto('inspection_templates').values(row).execute();
    },
    async insertVersion(row: InspectionTemplateVersionsTable) {
      await db.insertInto('inspection_template_versions').values(row).execute();
    },
    /** Moves the template to its next version (locks its row until the transaction ends) and returns that number. */
    async nextVersion(zoneId: string, id: string, now: number): Promise<number | null> {
      const r = await db
        .updateTable('inspection_templates')
        .set((eb) => ({ current_version: eb('current_version', '+', 1), updated_at: now }))
        .where('zone_id', '=', zoneId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return null;
      const row = await db.selectFrom('inspection_templates').select('current_version').where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirstOrThrow();
      return row.current_version;
    },
  };
}
