// Two coarser levels beside the hourly rollups of checkpoint registrations, kept in the same
// transactions: a day per checkpoint and origin province, and a zone's hours. A zone's statistics
// of 14 days read ~120,000 hourly rows at 200 checkpoints (three GROUP BYs, 300–400 ms on a cold
// cache); these levels hold a few thousand for the same window. Filled here from the hourly
// rollups, which stay the source (they outlive the purge of the rows, and so do these).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checkpoint_day_rollups')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    // '' when unknown (a pass scan), as in the hourly rollups.
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('vehicles', 'integer', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    // A window of days is one range of this key.
    .addPrimaryKeyConstraint('checkpoint_day_rollups_pk', ['zone_id', 'day', 'checkpoint_id', 'province'])
    .execute();
  await db.schema
    .createTable('checkpoint_hour_rollups')
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('vehicles', 'integer', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_hour_rollups_pk', ['zone_id', 'day', 'hour'])
    .execute();
  await sql`insert into checkpoint_day_rollups (zone_id, day, checkpoint_id, province, persons, vehicles, alerts)
    select zone_id, day, checkpoint_id, province, sum(persons), sum(vehicles), sum(alerts) from checkpoint_rollups group by zone_id, day, checkpoint_id, province`.execute(db);
  await sql`insert into checkpoint_hour_rollups (zone_id, day, hour, persons, vehicles, alerts)
    select zone_id, day, hour, sum(persons), sum(vehicles), sum(alerts) from checkpoint_rollups group by zone_id, day, hour`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('checkpoint_hour_rollups').execute();
  await db.schema.dropTable('checkpoint_day_rollups').execute();
}
