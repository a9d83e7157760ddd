// Appointments, consultations, agency cases and employment registration, built from what they
// need of the org, registry, catalogue and calendar services; and their counts for the statistics.
import type { ServicesExtrasCounts } from '@shuangsheng/contracts';
import type { Ctx, Deps } from '../../platform/context.js';
import { runSheetImport } from '../../platform/sheet-import.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { OrgServices } from '../org/org.services.js';
import { makeAgencyService } from './agency.service.js';
import { makeAppointmentsService } from './appointments.service.js';
import type { CatalogueService } from './catalogue.service.js';
import { makeConsultationsService } from './consultations.service.js';
import { employmentImportSpec } from './employment.import.js';
import { makeEmploymentService } from './employment.service.js';

export type ExtrasCountFilter = { from: string; to: string; itemId?: string | undefined; department?: string | undefined };

export function makeServicesExtras(deps: Deps, s: { org: OrgServices; enterprises: EnterprisesService; catalogue: CatalogueService; calendar: CalendarService }) {
  const { org, enterprises, catalogue, calendar } = s;
  const common = {
    timeZoneOf: org.zones.timeZoneOf,
    enterpriseNames: enterprises.lookup.names,
    userNames: org.users.namesOf,
    itemExists: async (zoneId: string, id: string) => (await catalogue.repo.get(zoneId, id)) !== undefined,
  };
  const appointments = makeAppointmentsService(deps, { ...common, exceptions: calendar.exceptions });
  const consultations = makeConsultationsService(deps, {
    ...common,
    zoneIdByCode: (code) => org.zones.byCode(code).then((z) => z.id, () => null),
  });
  const agency = makeAgencyService(deps, {
    ...common,
    searchEnterprises: enterprises.lookup.search,
    parkNames: async (zoneId) => new Map((await org.parks.byName(zoneId)).map((p) => [p.id, p.name])),
    async user(zoneId, id) {
      const row = await org.users.find(zoneId, id);
      if (!row) return undefined;
      return { status: row.status, roles: (await org.users.rolesOf([id])).get(id) ?? [] };
    },
  });
  const employmentPorts = { ...common, enterpriseRefs: enterprises.lookup.refs, idsByCreditCode: enterprises.lookup.idsByCreditCode };
  const employment = makeEmploymentService(deps, employmentPorts);

  /** Appointments (not cancelled, slot date in range), consultations asked and workers registered in [from, to]. */
  async function counts(zoneId: string, f: ExtrasCountFilter): Promise<ServicesExtrasCounts> {
    const by = { itemId: f.itemId, department: f.department };
    const [a, c, e] = await Promise.all([appointments.count(zoneId, f.from, f.to, by), consultations.count(zoneId, f.from, f.to, by), employment.count(zoneId, f.from, f.to)]);
    return { appointments: a, consultations: c, employmentRegistrations: e };
  }

  return {
    appointments,
    consultations,
    agency,
    employment,
    // A fresh spec per run: it holds the lookups of one import.
    employmentImport: (ctx: Ctx, buffer: Buffer, o: { dryRun: boolean; jobKey?: string | undefined }) => runSheetImport(deps.database, employmentImportSpec(deps, employmentPorts), ctx, buffer, o),
    counts,
  };
}
export type ServicesExtras = ReturnType<typeof makeServicesExtras>;
