// Government services, third step: appointments, consultations, agency cases, employment registration.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 预约办: a slot is one service window for one item in one half-day; `booked` only moves in
  // the booking transaction by a conditional UPDATE, so it never passes `capacity`.
  await db.schema
    .createTable('appointment_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('service_window', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('half_day', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('appointment_slots_zone_item_window_day_uq', ['zone_id', 'item_id', 'service_window', 'date', 'half_day'])
    .execute();
  await db.schema.createIndex('appointment_slots_zone_date_ix').on('appointment_slots').columns(['zone_id', 'date']).execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('slot_id', 'text', (c) => c.notNull().references('appointment_slots.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone_enc', 'text')
    .addColumn('contact_phone_idx', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // The user while the booking is active, null once cancelled: one active booking per user and
    // slot is a plain unique constraint (NULLs never collide), the same on both databases.
    .addColumn('active_user_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('cancelled_at', 'bigint')
    .addColumn('checked_in_at', 'bigint')
    .addUniqueConstraint('appointments_zone_code_uq', ['zone_id', 'code'])
    .addUniqueConstraint('appointments_zone_slot_active_uq', ['zone_id', 'slot_id', 'active_user_id'])
    .execute();
  await db.schema.createIndex('appointments_zone_user_ix').on('appointments').columns(['zone_id', 'user_id']).execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('item_id', 'text', (c) => c.references('service_items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.references('users.id'))
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('asked_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answerer_name', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_zone_asked_ix').on('consultations').columns(['zone_id', 'asked_on']).execute();
  await db.schema.createIndex('consultations_zone_published_ix').on('consultations').columns(['zone_id', 'published']).execute();

  await db.schema
    .createTable('agency_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('project_name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('investment_fen', 'bigint', (c) => c.notNull())
    .addColumn('park_id', 'text', (c) => c.references('parks.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text')
    // The first stage not done (null: in production), rewritten with the stages in one transaction.
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agency_cases_zone_enterprise_ix').on('agency_cases').columns(['zone_id', 'enterprise_id']).execute();

  await db.schema
    .createTable('agency_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('agency_cases.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text')
    .addColumn('actual_on', 'text')
    .addColumn('note', 'text')
    .addColumn('application_ids', 'text', (c) => c.notNull()) // JSON array of application ids
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('agency_stages_zone_case_stage_uq', ['zone_id', 'case_id', 'stage'])
    .execute();

  await db.schema
    .createTable('employment_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_idx', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_idx', 'text', (c) => c.notNull())
    .addColumn('returned_on', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('employment_registrations_zone_enterprise_id_uq', ['zone_id', 'enterprise_id', 'id_number_idx'])
    .execute();
  await db.schema.createIndex('employment_registrations_zone_registered_ix').on('employment_registrations').columns(['zone_id', 'registered_on']).execute();
  await db.schema.createIndex('employment_registrations_zone_id_idx_ix').on('employment_registrations').columns(['zone_id', 'id_number_idx']).execute();
  await db.schema.createIndex('employment_registrations_zone_phone_idx_ix').on('employment_registrations').columns(['zone_id', 'phone_idx']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['employment_registrations', 'agency_stages', 'agency_cases', 'consultations', 'appointments', 'appointment_slots']) await db.schema.dropTable(t).execute();
}
