import type { Ctx, Deps } from '../../platform/context.js';
import { runSheetImport, type ImportSpec } from '../../platform/sheet-import.js';
import { assignmentImportSpec, userImportSpec } from './people.import.js';
import { buildingImportSpec, gridImportSpec, parkImportSpec } from './places.import.js';
import { makeAssignmentsService } from './assignments.service.js';
import { makeBuildingsService } from './buildings.service.js';
import { makeGridUnitsService } from './grid-units.service.js';
import type { EnterpriseLookup } from './org.ports.js';
import { makeParksService } from './parks.service.js';
import { makeTeamsService } from './teams.service.js';
import { makeUsersService } from './users.service.js';
import { makeZonesService } from './zones.service.js';

export function makeOrgServices(deps: Deps, opts: { timeZone: string; enterprises: () => EnterpriseLookup }) {
  const users = makeUsersService(deps, opts.enterprises);
  const grid = makeGridUnitsService(deps);
  // A fresh spec per run: specs hold the lookups of one import.
  const importer =
    <T, E>(spec: () => ImportSpec<T, E>) =>
    (ctx: Ctx, buffer: Buffer, o: { dryRun: boolean; jobKey?: string | undefined }) =>
      runSheetImport(deps.database, spec(), ctx, buffer, o);
  return {
    imports: {
      parks: importer(() => parkImportSpec(deps)),
      buildings: importer(() => buildingImportSpec(deps)),
      grid: importer(() => gridImportSpec(deps)),
      users: importer(() => userImportSpec(deps, opts.enterprises)),
      assignments: importer(() => assignmentImportSpec(deps, opts.enterprises)),
    },
    zones: makeZonesService(deps, { timeZone: opts.timeZone }),
    parks: makeParksService(deps, opts.enterprises),
    buildings: makeBuildingsService(deps, opts.enterprises),
    grid,
    users,
    teams: makeTeamsService(deps, users),
    assignments: makeAssignmentsService(deps, { users, grid, enterprises: opts.enterprises }),
  };
}
export type OrgServices = ReturnType<typeof makeOrgServices>;
