// One set of migrations for both dialects, listed here so they survive compilation and bundling.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './connect.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_services_catalogue.js';
import * as m0003 from './migrations/0003_services_applications.js';
import * as m0004 from './migrations/0004_services_extras.js';
import * as m0005 from './migrations/0005_resumption.js';
import * as m0006 from './migrations/0006_inspections.js';
import * as m0007 from './migrations/0007_inspection_policies.js';
import * as m0008 from './migrations/0008_checkpoints.js';
import * as m0009 from './migrations/0009_registration_masks.js';
import * as m0010 from './migrations/0010_rollup_levels.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_services_catalogue': m0002,
  '0003_services_applications': m0003,
  '0004_services_extras': m0004,
  '0005_resumption': m0005,
  '0006_inspections': m0006,
  '0007_inspection_policies': m0007,
  '0008_checkpoints': m0008,
  '0009_registration_masks': m0009,
  '0010_rollup_levels': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies pending migrations; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Tables in an order where every foreign key points backwards (self-references aside). */
export const TABLES_IN_ORDER = [
  'zones',
  'parks',
  'buildings',
  'grid_units',
  'enterprises',
  'users',
  'user_roles',
  'sessions',
  'teams',
  'team_members',
  'assignments',
  'audit_log',
  'service_items',
  'calendar_days',
  'files',
  'number_counters',
  'applications',
  'application_materials',
  'application_events',
  'licences',
  'notifications',
  'appointment_slots',
  'appointments',
  'consultations',
  'agency_cases',
  'agency_stages',
  'employment_registrations',
  'resumption_settings',
  'resumption_plans',
  'resumption_plan_files',
  'resumption_plan_events',
  'resumption_site_checks',
  'resumption_suspensions',
  'resumption_daily_reports',
  'resumption_reminders',
  'resumption_visits',
  'resumption_demands',
  'resumption_demand_events',
  'supply_items',
  'supply_requests',
  'supply_movements',
  'major_projects',
  'inspection_templates',
  'inspection_template_versions',
  'inspection_park_plans',
  'inspection_rounds',
  'inspection_tasks',
  'inspection_places',
  'inspection_answers',
  'inspection_findings',
  'inspection_finding_events',
  'inspection_escalations',
  'inspection_census',
  'checkpoints',
  'checkpoint_revoked_tokens',
  'checkpoint_status_events',
  'checkpoint_settings',
  'checkpoint_passes',
  'pass_floor_colours',
  'checkpoint_registrations',
  'checkpoint_rollups',
  'checkpoint_day_rollups',
  'checkpoint_hour_rollups',
  'checkpoint_cases',
  'checkpoint_case_events',
  'grid_risk_levels',
  'checkpoint_purges',
] as const;

/** Self-referencing columns: rows must be restored parents first. */
export const SELF_REFERENCES: Partial<Record<(typeof TABLES_IN_ORDER)[number], string>> = {
  grid_units: 'parent_id',
  enterprises: 'leading_enterprise_id',
  teams: 'parent_id',
};
