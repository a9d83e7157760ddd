// What every part of the resumption module shares: the other modules' services it reads, the
// zone's settings, today's date in the zone, and who may act for which enterprise.
import { DEFAULT_RESUMPTION_SETTINGS, type ResumptionSettings, type Role } from '@shuangsheng/contracts';
import { todayIn } from '../../platform/calendar.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { ForbiddenError, NotFoundError, RuleError, ValidationError } from '../../platform/errors.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { EnterpriseBrief, EnterprisesService } from '../enterprises/enterprises.service.js';
import type { FilesService } from '../files/files.service.js';
import type { OrgServices } from '../org/org.services.js';
import { mayActFor, ZONE_WIDE_ROLES } from './resumption.policy.js';
import { makeSettingsRepo } from './settings.repo.js';

export type ResumptionParts = {
  deps: Deps;
  timeZone: string;
  enterprises: EnterprisesService;
  org: OrgServices;
  files: FilesService;
  calendar: CalendarService;
};

export function makeScope(parts: ResumptionParts) {
  const { deps, timeZone, enterprises, org } = parts;

  /** Today's calendar date in the zone. */
  const today = () => todayIn(timeZone, deps.clock.now());

  const settingsRepo = makeSettingsRepo(deps.database.db);
  /** The zone's SLA, report cut-off and demand hours; the defaults until an admin changes them. */
  async function settings(zoneId: string): Promise<ResumptionSettings> {
    const row = await settingsRepo.get(zoneId);
    return row ? { slaHours: row.sla_hours, reportCutoffHour: row.report_cutoff_hour, demandHours: row.demand_hours } : DEFAULT_RESUMPTION_SETTINGS;
  }

  /**
   * The enterprise a request is about: enterprise users act for their own (naming another is 403),
   * officers must name one (400 on `enterpriseId`); an id of another zone is 422 naming the field.
   */
  async function enterpriseFor(ctx: Ctx, given: string | undefined | null, field = 'enterpriseId'): Promise<EnterpriseBrief> {
    let id = given ?? null;
    if (ctx.actor.enterpriseId !== null) {
      if (id && id !== ctx.actor.enterpriseId) throw new ForbiddenError('rule.resumption_own_enterprise');
      id = ctx.actor.enterpriseId;
    }
    if (!id) throw new ValidationError([{ path: field, key: 'rule.resumption_enterprise_required' }]);
    const [brief] = await enterprises.briefs(ctx.zoneId, [id]);
    if (!brief) throw new RuleError('rule.cross_zone_reference', { field }, { field });
    return brief;
  }

  /** A record's enterprise as a reader sees it: another enterprise's records are not found. */
  function assertVisible(ctx: Ctx, enterpriseId: string, entity: string, id: string): void {
    if (ctx.actor.enterpriseId !== null && ctx.actor.enterpriseId !== enterpriseId) throw new NotFoundError(entity, id);
  }

  /** Enterprises assigned to the signed-in user as commissioner (primary or not). */
  async function assignedToMe(ctx: Ctx): Promise<string[]> {
    return ctx.actor.userId ? org.assignments.targetsOf(ctx.zoneId, 'enterprise_commissioner', ctx.actor.userId) : [];
  }

  /** 403 unless the actor may write for the enterprise (see mayActFor); `zoneWide` widens who needs no assignment. */
  async function assertMayAct(ctx: Ctx, enterpriseId: string, zoneWide: Parameters<typeof mayActFor>[3] = ZONE_WIDE_ROLES): Promise<void> {
    const needsAssignment = ctx.actor.userId !== null && ctx.actor.enterpriseId === null && !ctx.actor.roles.some((r) => zoneWide.includes(r));
    const assigned = needsAssignment ? (await assignedToMe(ctx)).includes(enterpriseId) : false;
    if (!mayActFor(ctx.actor, enterpriseId, assigned, zoneWide)) throw new ForbiddenError(ctx.actor.enterpriseId !== null ? 'rule.resumption_own_enterprise' : 'rule.not_commissioner');
  }

  /**
   * The enterprises a list may show: enterprise users their own; `mine` the signed-in
   * commissioner's; otherwise null (all of the zone).
   */
  async function visibleIds(ctx: Ctx, mine: boolean | undefined): Promise<string[] | null> {
    if (ctx.actor.enterpriseId !== null) return [ctx.actor.enterpriseId];
    if (mine) return assignedToMe(ctx);
    return null;
  }

  /** Each enterprise's commissioners, primary first. */
  const commissionersOf = (zoneId: string, enterpriseIds?: string[]) => org.assignments.holdersOf(zoneId, 'enterprise_commissioner', enterpriseIds);

  /** Active users of the zone holding a role (leaders to escalate to; an enterprise's own users). */
  const usersWithRole = (zoneId: string, role: Role, enterpriseId?: string) => org.users.activeWithRole(zoneId, role, enterpriseId);

  return { today, settings, enterpriseFor, assertVisible, assignedToMe, assertMayAct, visibleIds, commissionersOf, usersWithRole };
}
export type Scope = ReturnType<typeof makeScope>;
