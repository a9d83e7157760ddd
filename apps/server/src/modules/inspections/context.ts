// What every part of the inspections module shares: other modules' services it reads and today's
// date in the zone.
import { todayIn } from '../../platform/calendar.js';
import type { Deps } from '../../platform/context.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { FilesService } from '../files/files.service.js';
import type { OrgServices } from '../org/org.services.js';
import type { ResumptionServices } from '../resumption/resumption.services.js';

export type InspectionParts = {
  deps: Deps;
  timeZone: string;
  enterprises: EnterprisesService;
  org: OrgServices;
  files: FilesService;
  calendar: CalendarService;
  /** Demands raised from findings, and the resumption status for the census prefill. */
  resumption: ResumptionServices;
};

export function makeScope(parts: InspectionParts) {
  /** Today's calendar date in the zone. */
  const today = () => todayIn(parts.timeZone, parts.deps.clock.now());
  /** Each park's responsible inspectors (org assignments, park_inspector), primary first. */
  const inspectorsOf = (zoneId: string, parkIds?: string[]) => parts.org.assignments.holdersOf(zoneId, 'park_inspector', parkIds);
  return { today, inspectorsOf };
}
export type Scope = ReturnType<typeof makeScope>;
