// Checkpoint QR registration (卡口登记): checkpoints and their QR tokens, registrations (the
// high-volume table: personal data encrypted, blind indexes to trace), hourly rollups that outlive
// the retention purge, abnormal cases, passes per floor, risk levels of grid units, settings.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('grid_unit_id', 'text', (c) => c.references('grid_units.id'))
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    .addColumn('location', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // The unguessable part of the QR address; replaced (and the old one remembered) on rotation.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('checkpoints_zone_name_uq', ['zone_id', 'name'])
    .execute();
  await db.schema
    .createTable('checkpoint_revoked_tokens')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('revoked_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('checkpoint_status_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoint_status_events_cp_ix').on('checkpoint_status_events').columns(['zone_id', 'checkpoint_id', 'at']).execute();
  await db.schema
    .createTable('checkpoint_settings')
    .addColumn('zone_id', 'text', (c) => c.primaryKey().references('zones.id'))
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('per_ip_per_minute', 'integer', (c) => c.notNull())
    .addColumn('per_checkpoint_per_minute', 'integer', (c) => c.notNull())
    .addColumn('contact_window_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // 出入证: one per employee of a building, coloured by floor, scanned at the building's gate.
  await db.schema
    .createTable('checkpoint_passes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('id_kind', 'text', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_idx', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_idx', 'text')
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('checkpoint_passes_zone_number_uq', ['zone_id', 'number'])
    .execute();
  await db.schema.createIndex('checkpoint_passes_building_ix').on('checkpoint_passes').columns(['zone_id', 'building_id', 'floor']).execute();
  await db.schema.createIndex('checkpoint_passes_id_ix').on('checkpoint_passes').columns(['zone_id', 'id_idx']).execute();
  await db.schema
    .createTable('pass_floor_colours')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('pass_floor_colours_pk', ['zone_id', 'building_id', 'floor'])
    .execute();

  // One row per person registered. A vehicle's people share group_id; the first counts the vehicle.
  // No audit row per registration: the row is its own record (the ingestion rule).
  await db.schema
    .createTable('checkpoint_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_kind', 'text', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_idx', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_idx', 'text')
    .addColumn('plate', 'text')
    .addColumn('is_vehicle', 'integer', (c) => c.notNull())
    .addColumn('origin_province', 'text')
    .addColumn('origin_city', 'text')
    .addColumn('destination', 'text')
    .addColumn('reason', 'text')
    .addColumn('fever', 'integer', (c) => c.notNull())
    .addColumn('cough', 'integer', (c) => c.notNull())
    .addColumn('contact', 'integer', (c) => c.notNull())
    .addColumn('high_risk_travel', 'integer', (c) => c.notNull())
    // Tenths of a degree (381 = 38.1 °C).
    .addColumn('temperature', 'integer')
    .addColumn('result', 'text', (c) => c.notNull())
    // Comma-separated alert reasons; empty when green.
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('pass_id', 'text', (c) => c.references('checkpoint_passes.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    // Only on the group's first row: a retry with the same key finds the first answer.
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema.createIndex('checkpoint_registrations_idem_uq').on('checkpoint_registrations').columns(['checkpoint_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('checkpoint_registrations_cp_ix').on('checkpoint_registrations').columns(['zone_id', 'checkpoint_id', 'at']).execute();
  await db.schema.createIndex('checkpoint_registrations_at_ix').on('checkpoint_registrations').columns(['zone_id', 'at']).execute();
  await db.schema.createIndex('checkpoint_registrations_id_ix').on('checkpoint_registrations').columns(['zone_id', 'id_idx', 'at']).execute();
  await db.schema.createIndex('checkpoint_registrations_phone_ix').on('checkpoint_registrations').columns(['zone_id', 'phone_idx', 'at']).execute();
  await db.schema.createIndex('checkpoint_registrations_plate_ix').on('checkpoint_registrations').columns(['zone_id', 'plate', 'at']).execute();
  await db.schema.createIndex('checkpoint_registrations_group_ix').on('checkpoint_registrations').columns(['group_id']).execute();
  // A pass's last scan, on the pass list.
  await db.schema.createIndex('checkpoint_registrations_pass_ix').on('checkpoint_registrations').columns(['zone_id', 'pass_id', 'at']).execute();

  // Counts per checkpoint, hour and origin province, kept in the transaction that inserts the
  // rows: statistics read these, and they survive the purge of the rows.
  await db.schema
    .createTable('checkpoint_rollups')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    // '' when unknown (a pass scan).
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('vehicles', 'integer', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_rollups_pk', ['zone_id', 'checkpoint_id', 'day', 'hour', 'province'])
    .execute();
  await db.schema.createIndex('checkpoint_rollups_day_ix').on('checkpoint_rollups').columns(['zone_id', 'day']).execute();

  // 异常情况台账: a registration that raised an alert, followed up until closed. Keeps its own
  // copy of the person (encrypted) because the registration is purged after the retention period.
  await db.schema
    .createTable('checkpoint_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text')
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_enc', 'text')
    .addColumn('id_idx', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_idx', 'text')
    .addColumn('plate', 'text')
    .addColumn('temperature', 'integer')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clinic', 'text')
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('checkpoint_cases_zone_number_uq', ['zone_id', 'number'])
    .execute();
  await db.schema.createIndex('checkpoint_cases_status_ix').on('checkpoint_cases').columns(['zone_id', 'status', 'at']).execute();
  await db.schema.createIndex('checkpoint_cases_at_ix').on('checkpoint_cases').columns(['zone_id', 'at']).execute();
  await db.schema.createIndex('checkpoint_cases_registration_ix').on('checkpoint_cases').columns(['registration_id']).execute();
  await db.schema
    .createTable('checkpoint_case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('checkpoint_cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoint_case_events_case_ix').on('checkpoint_case_events').columns(['zone_id', 'case_id', 'at']).execute();

  // 分区分级分类: each change of a grid unit's level is a row; the latest is the current one.
  await db.schema
    .createTable('grid_risk_levels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('grid_unit_id', 'text', (c) => c.notNull().references('grid_units.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('control_class', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grid_risk_levels_unit_ix').on('grid_risk_levels').columns(['zone_id', 'grid_unit_id', 'at']).execute();

  // What each day's retention purge removed (one row per zone and day: the job runs once).
  await db.schema
    .createTable('checkpoint_purges')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('cutoff', 'bigint', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    .addColumn('cases_anonymised', 'integer', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_purges_pk', ['zone_id', 'day'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['checkpoint_purges', 'grid_risk_levels', 'checkpoint_case_events', 'checkpoint_cases', 'checkpoint_rollups', 'checkpoint_registrations', 'pass_floor_colours', 'checkpoint_passes', 'checkpoint_settings', 'checkpoint_status_events', 'checkpoint_revoked_tokens', 'checkpoints']) {
    await db.schema.dropTable(t).execute();
  }
}
