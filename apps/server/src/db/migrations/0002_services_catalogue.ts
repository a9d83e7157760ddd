// Government services, first step: the service catalogue (事项清单), the working-day calendar and
// the file store's metadata (material templates now, application materials later).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('applicant_types', 'text', (c) => c.notNull()) // JSON array
    .addColumn('legal_days', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('materials_json', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('online_enabled', 'integer', (c) => c.notNull())
    .addColumn('fully_electronic', 'integer', (c) => c.notNull())
    .addColumn('agency_eligible', 'integer', (c) => c.notNull())
    .addColumn('licence_name', 'text')
    .addColumn('guide', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('service_items_zone_code_uq', ['zone_id', 'code'])
    .execute();
  await db.schema.createIndex('service_items_zone_category_ix').on('service_items').columns(['zone_id', 'category']).execute();
  await db.schema.createIndex('service_items_zone_department_ix').on('service_items').columns(['zone_id', 'department']).execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_days_pk', ['zone_id', 'date'])
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_zone_sha_ix').on('files').columns(['zone_id', 'sha256']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['files', 'calendar_days', 'service_items']) await db.schema.dropTable(t).execute();
}
