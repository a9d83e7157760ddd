// Factories of the resumption module's operations side: commissioners assigned to enterprises,
// demands, visits, protective supplies with stock, requests and major projects. Built through the
// services (never raw SQL), so every rule and audit holds.
import type { FastifyInstance } from 'fastify';
import type { DemandInput } from '@shuangsheng/contracts';
import type { Services } from '../services.js';
import { makeEnterprise, makePark, makeUser, newAdmin, signedInUser, uniq, type TestZone } from './factories.js';

/** Assigns a commissioner (驻企特派员) to an enterprise. */
export async function assignCommissioner(services: Services, zone: TestZone, userId: string, enterpriseId: string, isPrimary = true) {
  return services.org.assignments.create(zone.ctx, { kind: 'enterprise_commissioner', userId, targetId: enterpriseId, isPrimary });
}

/**
 * A zone with what the operations side needs, everyone signed in: its admin, a park, an
 * enterprise with its own user and its assigned commissioner, a second enterprise nobody here is
 * assigned to (with its own user), a leader, a labour officer (a handling department).
 */
export async function opsWorld(app: FastifyInstance, services: Services) {
  const admin = await newAdmin(app, services);
  const { zone } = admin;
  const park = await makePark(services, zone, `园区${uniq()}`);
  const enterprise = await makeEnterprise(services, zone, { name: `重庆长安汽车${uniq()}`, parkId: park.id });
  const other = await makeEnterprise(services, zone, { name: `其他企业${uniq()}` });
  const commissioner = await signedInUser(app, services, zone, ['commissioner']);
  await assignCommissioner(services, zone, commissioner.user.id, enterprise.id);
  const owner = await signedInUser(app, services, zone, ['enterprise_user'], { enterpriseId: enterprise.id });
  const otherOwner = await signedInUser(app, services, zone, ['enterprise_user'], { enterpriseId: other.id });
  const leader = await signedInUser(app, services, zone, ['leader']);
  const labour = await signedInUser(app, services, zone, ['labour_officer']);
  return { admin, zone, park, enterprise, other, commissioner, owner, otherOwner, leader, labour };
}
export type OpsWorld = Awaited<ReturnType<typeof opsWorld>>;

/** A demand of the enterprise, logged by the system (as a commissioner would). */
export async function makeDemand(services: Services, zone: TestZone, enterpriseId: string, overrides: Partial<DemandInput> = {}) {
  return services.resumption.demands.create(zone.ctx, { enterpriseId, category: 'labour', title: `缺工${uniq()}`, description: '一线操作工缺 30 人', ...overrides });
}

/** A visit to the enterprise for its primary commissioner, with problems found if given. */
export async function makeVisit(services: Services, zone: TestZone, enterpriseId: string, overrides: Partial<Parameters<Services['resumption']['visits']['create']>[1]> = {}) {
  return services.resumption.visits.create(zone.ctx, { enterpriseId, visitDate: '2020-02-24', content: '走访了解复工情况', problems: [], ...overrides });
}

/** A supply item with stock received. */
export async function makeSupplyItem(services: Services, zone: TestZone, opts: { name?: string; unit?: string; stock?: number } = {}) {
  const item = await services.resumption.supplies.createItem(zone.ctx, { name: opts.name ?? `口罩${uniq()}`, unit: opts.unit ?? '只' });
  if (!opts.stock) return item;
  return services.resumption.supplies.stockIn(zone.ctx, item.id, { quantity: opts.stock, source: '市防疫指挥部调拨' });
}

/** An enterprise's request for an item. */
export async function makeSupplyRequest(services: Services, zone: TestZone, enterpriseId: string, itemId: string, quantity = 10) {
  return services.resumption.supplies.createRequest(zone.ctx, { enterpriseId, itemId, quantity, reason: '复工防护需要' });
}

/** A major project of the zone (with an owner enterprise and a park when none are given). */
export async function makeProject(services: Services, zone: TestZone, opts: { name?: string; ownerEnterpriseId?: string | null; parkId?: string | null; investmentFen?: number } = {}) {
  const ownerEnterpriseId = opts.ownerEnterpriseId === undefined ? (await makeEnterprise(services, zone)).id : opts.ownerEnterpriseId;
  const parkId = opts.parkId === undefined ? (await makePark(services, zone)).id : opts.parkId;
  return services.resumption.projects.create(zone.ctx, { name: opts.name ?? `重大项目${uniq()}`, ownerEnterpriseId, parkId, investmentFen: opts.investmentFen ?? 5_000_000_000_00 });
}

/** A user of the zone's roles without signing in (a notice's recipient). */
export const makeLeader = (services: Services, zone: TestZone) => makeUser(services, zone, ['leader']);
