// Government services, second step: applications (办件) with their materials and history, the
// per-zone daily counters that number them, e-licences, and the console's notifications.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Human numbers (SV-20200203-000123): one counter row per zone, series and day, bumped in the
  // submitting transaction, so parallel submissions never share a number.
  await db.schema
    .createTable('number_counters')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_counters_pk', ['zone_id', 'series', 'day'])
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // The item, and the version of it the application was made under.
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('item_json', 'text', (c) => c.notNull())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_phone_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_phone_idx', 'text', (c) => c.notNull())
    .addColumn('applicant_id_enc', 'text')
    .addColumn('applicant_id_idx', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('mail_address', 'text')
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('e_signed', 'integer', (c) => c.notNull())
    .addColumn('signature_sha256', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('corrections_json', 'text', (c) => c.notNull())
    .addColumn('paused_since', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull())
    .addColumn('refuse_reason', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('submitted_on', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('due_date', 'text')
    .addColumn('due_notified_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('applications_zone_number_uq', ['zone_id', 'number'])
    .execute();
  // The public progress lookup comes with a number and, from older links, no zone.
  await db.schema.createIndex('applications_number_ix').on('applications').column('number').execute();
  await db.schema.createIndex('applications_zone_status_due_ix').on('applications').columns(['zone_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('applications_zone_enterprise_ix').on('applications').columns(['zone_id', 'enterprise_id']).execute();
  await db.schema.createIndex('applications_zone_creator_ix').on('applications').columns(['zone_id', 'created_by']).execute();
  await db.schema.createIndex('applications_zone_accepted_ix').on('applications').columns(['zone_id', 'accepted_on']).execute();
  await db.schema.createIndex('applications_zone_completed_ix').on('applications').columns(['zone_id', 'completed_on']).execute();

  await db.schema
    .createTable('application_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    // A replaced upload stays for the history; only the current one counts.
    .addColumn('replaced_at', 'bigint')
    .execute();
  await db.schema.createIndex('application_materials_app_ix').on('application_materials').columns(['zone_id', 'application_id', 'material_key']).execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('comment', 'text')
    .addColumn('corrections_json', 'text')
    .execute();
  await db.schema.createIndex('application_events_app_ix').on('application_events').columns(['zone_id', 'application_id', 'at']).execute();
  // Which applications were ever asked to correct (the statistics' correction rate).
  await db.schema.createIndex('application_events_action_ix').on('application_events').columns(['zone_id', 'action', 'application_id']).execute();

  await db.schema
    .createTable('licences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('licence_name', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    // The PDF is drawn after the approval commits (or on first download): null until then.
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('licences_zone_number_uq', ['zone_id', 'number'])
    .execute();
  await db.schema.createIndex('licences_zone_app_ix').on('licences').columns(['zone_id', 'application_id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_ix').on('notifications').columns(['zone_id', 'user_id', 'read_at', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'licences', 'application_events', 'application_materials', 'applications', 'number_counters']) await db.schema.dropTable(t).execute();
}
