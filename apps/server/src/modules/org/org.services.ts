import type { Deps } from '../../platform/context.js';
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
  return {
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
