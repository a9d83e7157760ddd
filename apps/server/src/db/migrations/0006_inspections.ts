// Park inspection and guidance (巡查指导): checklist templates with versions, park plans, rounds
// and their tasks, places walked and answers given, findings with the rectification ledger,
// follow-up escalations, and the census of parks.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 工作规范: a template names a specification; each change makes a new version, and an
  // inspection keeps the version it used.
  await db.schema
    .createTable('inspection_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inspection_templates_zone_name_uq', ['zone_id', 'name'])
    .execute();
  await db.schema
    .createTable('inspection_template_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('template_id', 'text', (c) => c.notNull().references('inspection_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inspection_template_versions_uq', ['zone_id', 'template_id', 'version'])
    .execute();

  // How often a park is inspected follows its risk and size (one row per park, absent = default).
  await db.schema
    .createTable('inspection_park_plans')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('park_id', 'text', (c) => c.notNull().references('parks.id'))
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('frequency_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_park_plans_pk', ['zone_id', 'park_id'])
    .execute();

  // 巡查批次
  await db.schema
    .createTable('inspection_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('round_date', 'text', (c) => c.notNull())
    .addColumn('template_version_id', 'text', (c) => c.notNull().references('inspection_template_versions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_rounds_zone_date_ix').on('inspection_rounds').columns(['zone_id', 'round_date']).execute();

  // A task: one park of a round for its inspector (kind inspection), or one day's follow-up visit
  // of an open ledger item (kind follow_up, one per finding and day).
  await db.schema
    .createTable('inspection_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.references('inspection_rounds.id'))
    .addColumn('park_id', 'text', (c) => c.notNull().references('parks.id'))
    .addColumn('inspector_id', 'text', (c) => c.references('users.id'))
    .addColumn('template_version_id', 'text', (c) => c.references('inspection_template_versions.id'))
    .addColumn('finding_id', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('submitted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inspection_tasks_round_park_uq', ['zone_id', 'round_id', 'park_id'])
    .addUniqueConstraint('inspection_tasks_follow_up_uq', ['zone_id', 'finding_id', 'due_date'])
    .execute();
  await db.schema.createIndex('inspection_tasks_inspector_ix').on('inspection_tasks').columns(['zone_id', 'inspector_id', 'status', 'due_date']).execute();

  // The places walked in a task: the park's entrance and inner area, a building, an enterprise.
  await db.schema
    .createTable('inspection_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_tasks.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_places_task_ix').on('inspection_places').columns(['zone_id', 'task_id']).execute();

  await db.schema
    .createTable('inspection_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_tasks.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('inspection_places.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text')
    .addColumn('photos_json', 'text', (c) => c.notNull())
    // The inspector's disposition of a failed item, kept until submission makes it a finding.
    .addColumn('finding_json', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inspection_answers_uq', ['zone_id', 'task_id', 'place_id', 'item_key'])
    .execute();

  // Findings: every failed item at submission; fixed on the spot (立行立改) or in the ledger (巡查台账).
  await db.schema
    .createTable('inspection_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_tasks.id'))
    .addColumn('round_id', 'text', (c) => c.references('inspection_rounds.id'))
    .addColumn('park_id', 'text', (c) => c.notNull().references('parks.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('inspection_places.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('place_label', 'text', (c) => c.notNull())
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('item_title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('responsible_party', 'text')
    .addColumn('measure', 'text')
    .addColumn('deadline', 'text')
    .addColumn('inspector_id', 'text', (c) => c.references('users.id'))
    .addColumn('after_photos_json', 'text', (c) => c.notNull())
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('close_note', 'text')
    .addColumn('demand_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inspection_findings_zone_number_uq', ['zone_id', 'number'])
    .execute();
  await db.schema.createIndex('inspection_findings_zone_status_ix').on('inspection_findings').columns(['zone_id', 'status', 'deadline']).execute();
  await db.schema.createIndex('inspection_findings_zone_park_ix').on('inspection_findings').columns(['zone_id', 'park_id']).execute();

  await db.schema
    .createTable('inspection_finding_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('inspection_findings.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_finding_events_ix').on('inspection_finding_events').columns(['zone_id', 'finding_id', 'at']).execute();

  // Escalations sent (a missed follow-up, a passed deadline): one per finding, kind and day.
  await db.schema
    .createTable('inspection_escalations')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('inspection_findings.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_escalations_pk', ['zone_id', 'finding_id', 'kind', 'day'])
    .execute();

  // 园区摸排: per park and (optionally) round.
  await db.schema
    .createTable('inspection_census')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('park_id', 'text', (c) => c.notNull().references('parks.id'))
    .addColumn('round_id', 'text', (c) => c.references('inspection_rounds.id'))
    .addColumn('census_date', 'text', (c) => c.notNull())
    .addColumn('enterprises', 'integer', (c) => c.notNull())
    .addColumn('employees', 'integer', (c) => c.notNull())
    .addColumn('staff_left', 'integer', (c) => c.notNull())
    .addColumn('staff_returned', 'integer', (c) => c.notNull())
    .addColumn('enterprises_resumed', 'integer', (c) => c.notNull())
    .addColumn('difficulties', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inspection_census_park_date_uq', ['zone_id', 'park_id', 'census_date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'inspection_census',
    'inspection_escalations',
    'inspection_finding_events',
    'inspection_findings',
    'inspection_answers',
    'inspection_places',
    'inspection_tasks',
    'inspection_rounds',
    'inspection_park_plans',
    'inspection_template_versions',
    'inspection_templates',
  ])
    await db.schema.dropTable(t).execute();
}
