// What every part of the checkpoints module shares: other modules' services, the zone's clock,
// the public address QR codes carry, the event bus of the duty consoles, and the registration
// writer (group commit).
import { todayIn } from '../../platform/calendar.js';
import type { Deps } from '../../platform/context.js';
import type { EventBus } from '../../platform/events.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { OrgServices } from '../org/org.services.js';
import { dayHourIn } from '../../platform/time.js';
import type { RegistrationWriter } from './registrations.writer.js';

export type CheckpointParts = {
  deps: Deps;
  timeZone: string;
  org: OrgServices;
  enterprises: EnterprisesService;
  /** The origin QR codes and posters point at (PUBLIC_URL, else where the server listens). */
  publicUrl: () => string;
  events: EventBus;
  writer: RegistrationWriter;
};

export function makeScope(parts: CheckpointParts) {
  const origin = () => parts.publicUrl().replace(/\/$/, '');
  return {
    /** Today's calendar date in the zone. */
    today: () => todayIn(parts.timeZone, parts.deps.clock.now()),
    /** Calendar day and hour of an instant in the zone. */
    dayHour: (ms: number) => dayHourIn(parts.timeZone, ms),
    /** The public registration page a checkpoint's QR code opens. */
    registrationUrl: (token: string) => `${origin()}/h5/c/${token}`,
    /** The public page a pass's QR code opens (and the gate scanner reads). */
    passUrl: (token: string) => `${origin()}/h5/p/${token}`,
  };
}
export type Scope = ReturnType<typeof makeScope>;
