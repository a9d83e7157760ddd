// Resumption of work and production (复工复产): plans with their files, events and site checks,
// suspensions, daily reports, visits, demands, protective supplies, major projects, settings.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resumption_settings')
    .addColumn('zone_id', 'text', (c) => c.primaryKey().references('zones.id'))
    .addColumn('sla_hours', 'integer', (c) => c.notNull())
    .addColumn('report_cutoff_hour', 'integer', (c) => c.notNull())
    .addColumn('demand_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // One plan per enterprise (一企一案): `open_enterprise_id` holds the enterprise while the plan is
  // draft, submitted, returned or approved and null once refused, so a unique constraint keeps a
  // second open plan out even under parallel requests (NULLs never collide, on both databases).
  await db.schema
    .createTable('resumption_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('open_enterprise_id', 'text')
    .addColumn('number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('planned_start_date', 'text')
    .addColumn('employees_total', 'integer')
    .addColumn('planned_on_site', 'integer')
    .addColumn('returned_to_city', 'integer')
    .addColumn('still_outside', 'integer')
    .addColumn('from_high_risk', 'integer')
    .addColumn('high_risk_quarantined', 'integer')
    .addColumn('quarantine_note', 'text')
    .addColumn('masks', 'integer')
    .addColumn('thermometers', 'integer')
    .addColumn('disinfectant_litres', 'integer')
    .addColumn('supplies_days', 'integer')
    .addColumn('measures_json', 'text', (c) => c.notNull())
    .addColumn('measures_note', 'text')
    .addColumn('measure_files_json', 'text', (c) => c.notNull())
    .addColumn('five_in_place_json', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('conditions_json', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('sla_due_at', 'bigint')
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('resumption_plans_zone_number_uq', ['zone_id', 'number'])
    .addUniqueConstraint('resumption_plans_zone_open_uq', ['zone_id', 'open_enterprise_id'])
    .execute();
  await db.schema.createIndex('resumption_plans_zone_status_ix').on('resumption_plans').columns(['zone_id', 'status', 'sla_due_at']).execute();
  await db.schema.createIndex('resumption_plans_zone_enterprise_ix').on('resumption_plans').columns(['zone_id', 'enterprise_id']).execute();

  await db.schema
    .createTable('resumption_plan_files')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('resumption_plans.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('resumption_plan_files_pk', ['plan_id', 'file_id'])
    .execute();

  await db.schema
    .createTable('resumption_plan_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('resumption_plans.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resumption_plan_events_plan_ix').on('resumption_plan_events').columns(['zone_id', 'plan_id', 'at']).execute();

  // 现场核查
  await db.schema
    .createTable('resumption_site_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('resumption_plans.id'))
    .addColumn('check_date', 'text', (c) => c.notNull())
    .addColumn('inspector_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('inspector_name', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resumption_site_checks_plan_ix').on('resumption_site_checks').columns(['zone_id', 'plan_id']).execute();

  // Suspensions by an officer; the open one (no resumed_on) holds `open_enterprise_id`.
  await db.schema
    .createTable('resumption_suspensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('open_enterprise_id', 'text')
    .addColumn('suspended_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('suspended_by', 'text', (c) => c.references('users.id'))
    .addColumn('suspended_at', 'bigint', (c) => c.notNull())
    .addColumn('resumed_on', 'text')
    .addColumn('resume_comment', 'text')
    .addColumn('resumed_by', 'text', (c) => c.references('users.id'))
    .addColumn('resumed_at', 'bigint')
    .addUniqueConstraint('resumption_suspensions_zone_open_uq', ['zone_id', 'open_enterprise_id'])
    .execute();
  await db.schema.createIndex('resumption_suspensions_enterprise_ix').on('resumption_suspensions').columns(['zone_id', 'enterprise_id']).execute();

  await db.schema
    .createTable('resumption_daily_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('staff_on_site', 'integer', (c) => c.notNull())
    .addColumn('capacity_pct', 'integer', (c) => c.notNull())
    .addColumn('supplies_days_left', 'integer', (c) => c.notNull())
    .addColumn('abnormal_temperature', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reported_by', 'text', (c) => c.references('users.id'))
    .addColumn('reported_by_name', 'text', (c) => c.notNull())
    .addColumn('replace_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('resumption_daily_reports_one_a_day_uq', ['zone_id', 'enterprise_id', 'report_date'])
    .execute();
  await db.schema.createIndex('resumption_daily_reports_zone_date_ix').on('resumption_daily_reports').columns(['zone_id', 'report_date']).execute();

  // Reminders sent (missing daily report …): one per kind, target and day, whatever the job's reruns.
  await db.schema
    .createTable('resumption_reminders')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('resumption_reminders_pk', ['zone_id', 'kind', 'target_id', 'day'])
    .execute();

  // 走访记录
  await db.schema
    .createTable('resumption_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('commissioner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('policies_explained', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resumption_visits_enterprise_ix').on('resumption_visits').columns(['zone_id', 'enterprise_id', 'visit_date']).execute();

  // 诉求
  await db.schema
    .createTable('resumption_demands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.references('resumption_visits.id'))
    .addColumn('raised_by', 'text', (c) => c.references('users.id'))
    .addColumn('raised_by_name', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('escalated_at', 'bigint')
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'bigint')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('resumption_demands_zone_number_uq', ['zone_id', 'number'])
    .execute();
  await db.schema.createIndex('resumption_demands_zone_status_ix').on('resumption_demands').columns(['zone_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('resumption_demands_enterprise_ix').on('resumption_demands').columns(['zone_id', 'enterprise_id']).execute();

  await db.schema
    .createTable('resumption_demand_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('demand_id', 'text', (c) => c.notNull().references('resumption_demands.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resumption_demand_events_demand_ix').on('resumption_demand_events').columns(['zone_id', 'demand_id', 'at']).execute();

  // 防护物资: `stock` moves only by conditional UPDATE (stock >= quantity) in the allocating
  // transaction; the movements are the ledger and sum to it.
  await db.schema
    .createTable('supply_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('supply_items_zone_name_uq', ['zone_id', 'name'])
    .execute();

  await db.schema
    .createTable('supply_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('allocated', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('refusal', 'text')
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supply_requests_zone_status_ix').on('supply_requests').columns(['zone_id', 'status']).execute();

  await db.schema
    .createTable('supply_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('request_id', 'text', (c) => c.references('supply_requests.id'))
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supply_movements_zone_item_ix').on('supply_movements').columns(['zone_id', 'item_id', 'at']).execute();

  // 重大项目
  await db.schema
    .createTable('major_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('investment_fen', 'bigint', (c) => c.notNull())
    .addColumn('park_id', 'text', (c) => c.references('parks.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('restart_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('major_projects_zone_name_uq', ['zone_id', 'name'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'major_projects',
    'supply_movements',
    'supply_requests',
    'supply_items',
    'resumption_demand_events',
    'resumption_demands',
    'resumption_visits',
    'resumption_reminders',
    'resumption_daily_reports',
    'resumption_suspensions',
    'resumption_site_checks',
    'resumption_plan_events',
    'resumption_plan_files',
    'resumption_plans',
    'resumption_settings',
  ])
    await db.schema.dropTable(t).execute();
}
