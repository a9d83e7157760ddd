// Process entry: config → database → migrate → (demo) → listen; graceful shutdown on signals.
import { buildApp } from './app.js';
import { openDeps } from './bootstrap.js';
import { loadConfig } from './config.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const deps = await openDeps(config, { onPoolError: (err) => console.error(`[db] ${err.message}`) });
  if (deps.applied.length > 0) console.log(`migrations applied: ${deps.applied.join(', ')}`);

  const app = await buildApp({ deps, config });
  const demo = config.demo ? await seedDemoIfEmpty(deps, app.services, config) : null;
  const address = await app.listen({ port: config.port, host: config.host });
  app.services.listeningOn(address);
  const url = config.publicUrl ?? address;

  console.log(`\n双胜 Shuangsheng ${config.version} — ${url}  (database: ${deps.database.dialect}, ready in ${Date.now() - startedAt} ms)`);
  console.log(`API docs: ${url}/api/docs`);
  if (demo) {
    console.log(`\n已创建示范高新区 (demo zone "${demo.zoneName}", code ${demo.zoneCode}). Sign in with:`);
    for (const u of demo.users) console.log(`  ${u.username.padEnd(14)} ${u.role}`);
    console.log(`Passwords are in ${demo.credentialsFile} (readable only by you).\n`);
  }

  // Expired sessions are removed hourly; the timer never keeps the process alive.
  setInterval(() => void app.services.auth.purgeExpiredSessions().catch(() => undefined), 60 * 60 * 1000).unref();
  // Officers hear of limits falling due today or on the next working day; once a day per
  // application (the service remembers), so an hourly run and a restart never repeat a notice.
  const remindDue = async () => {
    for (const zoneId of await app.services.applications.zonesWithRunning()) await app.services.applications.notifyDueSoon(zoneId);
  };
  setInterval(() => void remindDue().catch((err: unknown) => app.log.warn({ err }, 'due-date reminders failed')), 60 * 60 * 1000).unref();
  void remindDue().catch((err: unknown) => app.log.warn({ err }, 'due-date reminders failed'));
  // Resumption: missing daily reports after the cut-off hour, overdue demands to the leaders.
  const resumptionJobs = async () => {
    for (const f of await app.services.resumption.jobs.hourly()) app.log.warn({ err: f.error, zoneId: f.zoneId }, 'resumption jobs failed for a zone');
  };
  setInterval(() => void resumptionJobs().catch((err: unknown) => app.log.warn({ err }, 'resumption jobs failed')), 60 * 60 * 1000).unref();
  void resumptionJobs().catch((err: unknown) => app.log.warn({ err }, 'resumption jobs failed'));
  // Inspections: today's follow-up visit of every open ledger item, escalations of missed
  // follow-ups and passed deadlines; idempotent, so hourly runs and restarts repeat nothing.
  const inspectionJobs = async () => {
    for (const f of await app.services.inspections.followups.hourly()) app.log.warn({ err: f.error, zoneId: f.zoneId }, 'inspection follow-ups failed for a zone');
  };
  setInterval(() => void inspectionJobs().catch((err: unknown) => app.log.warn({ err }, 'inspection follow-ups failed')), 60 * 60 * 1000).unref();
  void inspectionJobs().catch((err: unknown) => app.log.warn({ err }, 'inspection follow-ups failed'));
  // Checkpoints: the daily retention purge of registrations past the zone's retention period.
  // Checked hourly; the day's report (one per zone and day) makes the later runs of a day do
  // nothing, so a restart or a second node repeats nothing.
  const checkpointPurge = async () => {
    for (const f of await app.services.checkpoints.retention.jobs.daily()) app.log.warn({ err: f.error, zoneId: f.zoneId }, 'checkpoint retention purge failed for a zone');
  };
  setInterval(() => void checkpointPurge().catch((err: unknown) => app.log.warn({ err }, 'checkpoint retention purge failed')), 60 * 60 * 1000).unref();
  void checkpointPurge().catch((err: unknown) => app.log.warn({ err }, 'checkpoint retention purge failed'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      console.error('second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      console.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    void (async () => {
      await app.close();
      await deps.database.close();
      clearTimeout(force);
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
