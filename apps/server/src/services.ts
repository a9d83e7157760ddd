// Every module's services, built once from the shared dependencies.
import type { Config } from './config.js';
import type { Deps } from './platform/context.js';
import { makeAuthService } from './modules/auth/auth.service.js';
import { makeOrgServices } from './modules/org/org.services.js';
import { makeEnterprisesService, type EnterprisesService } from './modules/enterprises/enterprises.service.js';
import { makeEnterpriseImport } from './modules/enterprises/enterprises.import.js';
import { makeAuditService } from './modules/audit/audit.service.js';
import { makeCalendarService } from './modules/calendar/calendar.service.js';
import { makeFilesService } from './modules/files/files.service.js';
import { makeCatalogueService } from './modules/services/catalogue.service.js';
import { catalogueImportSpec } from './modules/services/catalogue.import.js';
import { runSheetImport } from './platform/sheet-import.js';
import type { Ctx } from './platform/context.js';
import { makeApplicationsService, type ApplicationsService } from './modules/services/applications.service.js';
import { makeLicencesService, type LicencesService } from './modules/services/licences.service.js';
import { makeStatsService, type ExtraCounts } from './modules/services/stats.service.js';
import { makeNotificationsService } from './modules/notifications/notifications.service.js';
import { makeServicesExtras } from './modules/services/extras.services.js';
import { makeResumptionServices } from './modules/resumption/resumption.services.js';
import { makeInspectionsServices } from './modules/inspections/inspections.services.js';
import { makeCheckpointsServices } from './modules/checkpoints/checkpoints.services.js';
import { makeRegistrationWriter } from './modules/checkpoints/registrations.writer.js';
import { makeThreadedRegistrationWriter } from './modules/checkpoints/registrations.writer-thread.js';
import { createEventBus } from './platform/events.js';

export function makeServices(deps: Deps, config: Pick<Config, 'timeZone'> & { publicUrl?: string | undefined; port?: number; drawLicencesNow?: boolean } = { timeZone: 'Asia/Shanghai' }) {
  // org needs counts and names from the registry, which itself needs org: resolved lazily.
  const late: { enterprises?: EnterprisesService } = {};
  const org = makeOrgServices(deps, { timeZone: config.timeZone, enterprises: () => late.enterprises!.lookup });
  const enterprises = makeEnterprisesService(deps, org);
  late.enterprises = enterprises;
  const files = makeFilesService(deps);
  const catalogue = makeCatalogueService(deps, files);
  const calendar = makeCalendarService(deps);
  // Licences print the verification address: the public one when configured, else this machine's.
  // Until the server listens (PORT=0 picks a port), the configured port stands in.
  const origin = { url: config.publicUrl ?? `http://127.0.0.1:${config.port ?? 3000}` };
  const svc: { applications?: ApplicationsService; licences?: LicencesService; extras?: ((zoneId: string, f: { from: string; to: string; itemId?: string | undefined; department?: string | undefined }) => Promise<ExtraCounts>) | null } = {};
  const applications = makeApplicationsService(deps, { catalogue, files, calendar, enterprises, org, licences: () => svc.licences!, timeZone: config.timeZone, drawLicencesNow: config.drawLicencesNow ?? true });
  const licences = makeLicencesService(deps, { files, org, enterprises, applications: () => svc.applications!, timeZone: config.timeZone, publicUrl: () => origin.url });
  svc.applications = applications;
  svc.licences = licences;
  const servicesExtras = makeServicesExtras(deps, { org, enterprises, catalogue, calendar });
  svc.extras = servicesExtras.counts;
  const resumption = makeResumptionServices({ deps, timeZone: config.timeZone, enterprises, org, files, calendar });
  const inspections = makeInspectionsServices({ deps, timeZone: config.timeZone, enterprises, org, files, calendar, resumption });
  const checkpoints = makeCheckpointsServices({
    deps,
    timeZone: config.timeZone,
    org,
    enterprises,
    publicUrl: () => origin.url,
    events: createEventBus(),
    // On SQLite the writer and the encryption run in a thread of their own (the statements are
    // synchronous there); on PostgreSQL they wait on the network, not the CPU, and stay here.
    writer:
      'sqliteFile' in deps.database.location
        ? makeThreadedRegistrationWriter({ sqliteFile: deps.database.location.sqliteFile, secret: deps.pii.secretForWorkerThread() })
        : makeRegistrationWriter(deps.database, { pii: deps.pii }),
  });
  return {
    timeZone: config.timeZone,
    /** The address the server answers on, once it listens, when PUBLIC_URL does not say. */
    listeningOn: (address: string) => {
      if (!config.publicUrl) origin.url = address;
    },
    auth: makeAuthService(deps),
    files,
    calendar,
    catalogue,
    applications,
    licences,
    stats: makeStatsService(deps, { calendar, timeZone: config.timeZone, extras: () => svc.extras ?? null }),
    notifications: makeNotificationsService(deps),
    catalogueImport: (ctx: Ctx, buffer: Buffer, o: { dryRun: boolean; jobKey?: string | undefined }) => runSheetImport(deps.database, catalogueImportSpec(deps, catalogue), ctx, buffer, o),
    org,
    enterprises,
    enterpriseImport: makeEnterpriseImport(deps, enterprises, org),
    audit: makeAuditService(deps),
    servicesExtras,
    resumption,
    inspections,
    checkpoints,
  };
}
export type Services = ReturnType<typeof makeServices>;
