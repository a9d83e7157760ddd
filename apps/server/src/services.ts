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

export function makeServices(deps: Deps, config: Pick<Config, 'timeZone'> = { timeZone: 'Asia/Shanghai' }) {
  // org needs counts and names from the registry, which itself needs org: resolved lazily.
  const late: { enterprises?: EnterprisesService } = {};
  const org = makeOrgServices(deps, { timeZone: config.timeZone, enterprises: () => late.enterprises!.lookup });
  const enterprises = makeEnterprisesService(deps, org);
  late.enterprises = enterprises;
  const files = makeFilesService(deps);
  const catalogue = makeCatalogueService(deps, files);
  return {
    auth: makeAuthService(deps),
    files,
    calendar: makeCalendarService(deps),
    catalogue,
    catalogueImport: (ctx: Ctx, buffer: Buffer, o: { dryRun: boolean; jobKey?: string | undefined }) => runSheetImport(deps.database, catalogueImportSpec(deps, catalogue), ctx, buffer, o),
    org,
    enterprises,
    enterpriseImport: makeEnterpriseImport(deps, enterprises, org),
    audit: makeAuditService(deps),
  };
}
export type Services = ReturnType<typeof makeServices>;
