// Zones, identity, organisation, enterprise registry, audit. Portable DDL: bigint for instants
// and fen, integer 0/1 for flags, text for ids, dates and JSON.
import { sql, type Kysely } from 'kysely';

const stamps = ['created_at', 'updated_at'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('zones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn(stamps[0], 'bigint', (c) => c.notNull())
    .addColumn(stamps[1], 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('parks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('area_sqm', 'bigint')
    .addColumn('manager_name', 'text')
    .addColumn('manager_phone_enc', 'text')
    .addColumn('manager_phone_idx', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('parks_zone_name_uq', ['zone_id', 'name'])
    .execute();

  await db.schema
    .createTable('buildings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('park_id', 'text', (c) => c.notNull().references('parks.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('floors', 'integer')
    .addColumn('area_sqm', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('buildings_zone_park_name_uq', ['zone_id', 'park_id', 'name'])
    .execute();

  await db.schema
    .createTable('grid_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('parent_id', 'text', (c) => c.references('grid_units.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('grid_units_zone_code_uq', ['zone_id', 'code'])
    .execute();
  await db.schema.createIndex('grid_units_zone_parent_ix').on('grid_units').columns(['zone_id', 'parent_id']).execute();

  await db.schema
    .createTable('enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('park_id', 'text', (c) => c.references('parks.id'))
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    .addColumn('grid_unit_id', 'text', (c) => c.references('grid_units.id'))
    .addColumn('industry', 'text')
    .addColumn('output_last_year_fen', 'bigint')
    .addColumn('tax_last_year_fen', 'bigint')
    .addColumn('above_scale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('city_monitored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leading_enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('employees', 'integer')
    .addColumn('legal_representative', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('contact_phone_idx', 'text')
    .addColumn('address', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('enterprises_zone_credit_uq', ['zone_id', 'credit_code'])
    .execute();
  for (const [name, cols] of [
    ['enterprises_zone_name_ix', ['zone_id', 'name']],
    ['enterprises_zone_park_ix', ['zone_id', 'park_id']],
    ['enterprises_zone_output_ix', ['zone_id', 'output_last_year_fen']],
    ['enterprises_zone_leading_ix', ['zone_id', 'leading_enterprise_id']],
    ['enterprises_zone_grid_ix', ['zone_id', 'grid_unit_id']],
    ['enterprises_zone_phone_ix', ['zone_id', 'contact_phone_idx']],
  ] as const) {
    await db.schema.createIndex(name).on('enterprises').columns([...cols]).execute();
  }

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint')
    .addColumn('last_login_at', 'bigint')
    .addColumn('password_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_zone_ix').on('users').columns(['zone_id', 'username']).execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();
  await db.schema.createIndex('user_roles_zone_role_ix').on('user_roles').columns(['zone_id', 'role']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_ix').on('sessions').columns(['user_id']).execute();
  await db.schema.createIndex('sessions_expires_ix').on('sessions').columns(['expires_at']).execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('teams.id'))
    .addColumn('leader_id', 'text', (c) => c.references('users.id'))
    .addColumn('duties', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('teams_zone_name_uq', ['zone_id', 'name'])
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user_ix').on('team_members').columns(['zone_id', 'user_id']).execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('assignments_target_user_uq', ['zone_id', 'kind', 'target_id', 'user_id'])
    .execute();
  // One primary per target: the database keeps it true even under concurrent writes.
  await db.schema
    .createIndex('assignments_one_primary_uq')
    .on('assignments')
    .columns(['zone_id', 'kind', 'target_id'])
    .unique()
    .where(sql<boolean>`is_primary = 1`)
    .execute();
  await db.schema.createIndex('assignments_zone_user_ix').on('assignments').columns(['zone_id', 'user_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_zone_at_ix').on('audit_log').columns(['zone_id', 'at']).execute();
  await db.schema.createIndex('audit_zone_entity_ix').on('audit_log').columns(['zone_id', 'entity_type', 'entity_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'assignments', 'team_members', 'teams', 'sessions', 'user_roles', 'users', 'enterprises', 'grid_units', 'buildings', 'parks', 'zones']) {
    await db.schema.dropTable(t).execute();
  }
}
