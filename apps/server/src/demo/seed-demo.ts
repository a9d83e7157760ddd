// The demo zone (示范高新区) that the first start on an empty database creates: parks with
// buildings, a four-level grid, ~300 enterprises over the scale tiers, teams, one user per role.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { creditCodeCheckChar, orgCodeCheckChar, tierOf, type Role } from '@shuangsheng/contracts';
import type { Config } from '../config.js';
import type { EnterprisesTable } from '../db/schema.js';
import { recordAuditMany } from '../platform/audit.js';
import { systemCtx, type Deps } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { generatePassword } from '../platform/passwords.js';
import type { Services } from '../services.js';
import { demoServiceItems } from './service-items.js';
import { seedServicesExtrasDemo } from './services-extras-demo.js';
import { seedApplicationsDemo } from './applications-demo.js';
import { RESUMPTION_PEOPLE, seedResumptionDemo, type DemoPerson } from './resumption-demo.js';
import { seedInspectionsDemo } from './inspections-demo.js';
import { seedCheckpointsDemo } from './checkpoints-demo.js';
import { DEMO_GRID, DEMO_PARKS, DEMO_TEAMS, DEMO_USERS, DEMO_ZONE, enterpriseName, mobile, outputYuan, personName, prng, TIER_COUNTS } from './demo-data.js';

export type DemoResult = { zoneCode: string; zoneName: string; users: { username: string; role: string }[]; credentialsFile: string };

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(rand: () => number): string {
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += CODE_CHARS[Math.floor(rand() * CODE_CHARS.length)];
  const first17 = `91510300${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function seedDemoIfEmpty(deps: Deps, services: Services, config: Pick<Config, 'dataDir'>): Promise<DemoResult | null> {
  if ((await services.org.zones.count()) > 0) return null;
  return seedDemo(deps, services, config);
}

export async function seedDemo(deps: Deps, services: Services, config: Pick<Config, 'dataDir'>): Promise<DemoResult> {
  const rand = prng(20200224);
  const zone = await services.org.zones.create(DEMO_ZONE, 'seed-demo');
  const ctx = systemCtx(zone.id, 'seed-demo');
  const org = services.org;

  // Parks and buildings.
  const parks: { id: string; buildings: string[] }[] = [];
  for (const p of DEMO_PARKS) {
    const park = await org.parks.create(ctx, { name: p.name, address: p.address, areaSqm: p.areaSqm, managerName: p.managerName, managerPhone: p.managerPhone });
    const ids: string[] = [];
    for (const [i, b] of p.buildings.entries()) ids.push((await org.buildings.create(ctx, { parkId: park.id, name: b, floors: 3 + ((i * 5) % 18), areaSqm: 8000 + i * 3500 })).id);
    parks.push({ id: park.id, buildings: ids });
  }

  // The grid under the zone's root.
  const root = (await org.grid.loadAll(zone.id)).find((g) => g.level === 'zone')!;
  const groups: string[] = [];
  for (const s of DEMO_GRID) {
    const street = await org.grid.create(ctx, { parentId: root.id, code: s.code, name: s.name });
    for (const c of s.communities) {
      const community = await org.grid.create(ctx, { parentId: street.id, code: c.code, name: c.name });
      for (const [i, g] of c.groups.entries()) {
        groups.push((await org.grid.create(ctx, { parentId: community.id, code: `${c.code}-G${String(i + 1).padStart(2, '0')}`, name: g })).id);
      }
    }
  }

  // Enterprises over the tiers; leaders of supply chains first so others can point at them.
  const now = deps.clock.now();
  const used = new Set<string>();
  const rows: EnterprisesTable[] = [];
  const leaders: string[] = [];
  for (const tier of ['ten_billion', 'billion', 'hundred_million', 'other'] as const) {
    for (let i = 0; i < TIER_COUNTS[tier]; i++) {
      const { name, industry } = enterpriseName(rand, used, tier);
      const output = outputYuan(rand, tier);
      const park = parks[Math.floor(rand() * parks.length)]!;
      const employees = Math.max(8, Math.round(output / (tier === 'other' ? 600_000 : 1_500_000) * (0.6 + rand() * 0.8)));
      const aboveScale = tier !== 'other' || output >= 2e7;
      const leading = tier !== 'ten_billion' && leaders.length > 0 && rand() < (tier === 'other' ? 0.18 : 0.3) ? leaders[Math.floor(rand() * leaders.length)]! : null;
      const row = services.enterprises.toRow(zone.id, newId(), {
        creditCode: creditCode(rand),
        name,
        parkId: park.id,
        buildingId: park.buildings[Math.floor(rand() * park.buildings.length)]!,
        gridUnitId: groups[Math.floor(rand() * groups.length)]!,
        industry: industry as EnterprisesTable['industry'] as never,
        outputLastYearFen: output * 100,
        taxLastYearFen: Math.round(output * (0.02 + rand() * 0.05)) * 100,
        aboveScale,
        cityMonitored: tier === 'ten_billion' || tier === 'billion' || (tier === 'hundred_million' && rand() < 0.25),
        leadingEnterpriseId: leading,
        employees,
        legalRepresentative: personName(rand),
        contactName: personName(rand),
        contactPhone: mobile(rand),
        address: `示范高新区${DEMO_PARKS[parks.indexOf(park)]!.name}内`,
      }, now);
      rows.push(row);
      if (tier === 'ten_billion') leaders.push(row.id);
    }
  }
  await deps.database.db.transaction().execute(async (trx) => {
    await services.enterprises.repo.insertWith(trx, rows);
    await recordAuditMany(trx, deps.clock, ctx, rows.map((r) => ({ action: 'enterprise.create', entityType: 'enterprise', entityId: r.id, after: { creditCode: r.credit_code, name: r.name } })));
  });

  // One user for every role; the enterprise user speaks for a mid-sized enterprise.
  const lines: string[] = [];
  const userIds = new Map<string, string>();
  const enterpriseOfUser = rows[TIER_COUNTS.ten_billion + TIER_COUNTS.billion + 5]!.id;
  for (const u of DEMO_USERS) {
    const password = generatePassword();
    const created = await org.users.create(ctx, {
      username: u.username,
      displayName: u.displayName,
      roles: [u.role as Role],
      enterpriseId: u.role === 'enterprise_user' ? enterpriseOfUser : null,
      password,
    });
    userIds.set(u.username, created.id);
    lines.push(`${u.username.padEnd(14)} ${password}   ${u.role}`);
  }

  // The leading group with its four working groups, and the other teams.
  const staff = DEMO_USERS.filter((u) => !['platform', 'enterprise'].includes(u.username)).map((u) => userIds.get(u.username)!);
  const leading = await org.teams.create(ctx, { kind: 'leading_group', name: DEMO_TEAMS.leading.name, duties: DEMO_TEAMS.leading.duties, leaderId: userIds.get('leader')!, memberIds: staff });
  const wgLeaders = ['commissioner', 'inspector', 'policy', 'labour'];
  for (const [i, w] of DEMO_TEAMS.working.entries()) {
    await org.teams.create(ctx, { kind: 'working_group', name: w.name, duties: w.duties, parentId: leading.id, leaderId: userIds.get(wgLeaders[i]!)!, memberIds: [userIds.get(wgLeaders[i]!)!] });
  }
  for (const t of DEMO_TEAMS.others) {
    await org.teams.create(ctx, { kind: t.kind, name: t.name, duties: t.duties, leaderId: userIds.get('commissioner')!, memberIds: [userIds.get('commissioner')!, userIds.get('commissioner2')!] });
  }

  // Responsibilities: commissioners for the watched enterprises, an inspector per park, grid officials.
  const watched = rows.slice(0, TIER_COUNTS.ten_billion + TIER_COUNTS.billion + 7);
  for (const [i, e] of watched.entries()) {
    await org.assignments.create(ctx, { kind: 'enterprise_commissioner', userId: userIds.get(i % 2 === 0 ? 'commissioner' : 'commissioner2')!, targetId: e.id, isPrimary: true });
  }
  for (const p of parks) await org.assignments.create(ctx, { kind: 'park_inspector', userId: userIds.get('inspector')!, targetId: p.id, isPrimary: true });
  for (const [i, g] of groups.slice(0, 6).entries()) {
    await org.assignments.create(ctx, { kind: 'grid_official', userId: userIds.get(i % 2 === 0 ? 'commissioner' : 'checkpoint')!, targetId: g, isPrimary: true });
  }

  // The approval bureau's catalogue and the 2020 calendar with the extended Spring Festival.
  for (const item of demoServiceItems()) await services.catalogue.create(ctx, item);
  await services.calendar.loadNational(ctx, '2020', true);
  await seedServicesExtrasDemo(deps, services, zone.id, userIds);

  // Applications: February 2020's history (the seed's rates) and today's queue.
  const user = (name: string) => ({ id: userIds.get(name)!, username: name, displayName: DEMO_USERS.find((u) => u.username === name)!.displayName });
  await seedApplicationsDemo(deps, services, { id: zone.id, ctx }, { approver: user('approver'), enterpriseUser: { ...user('enterprise'), enterpriseId: enterpriseOfUser } }, rows.map((r) => r.id));

  // Resumption of work: February 2020's records (Chongqing's rates as of 24 Feb) and today's queue.
  const person = (name: (typeof RESUMPTION_PEOPLE)[number]) => ({ ...user(name), role: DEMO_USERS.find((u) => u.username === name)!.role as Role });
  await seedResumptionDemo(
    deps,
    services,
    { id: zone.id, ctx },
    Object.fromEntries(RESUMPTION_PEOPLE.map((name) => [name, person(name)])) as Record<(typeof RESUMPTION_PEOPLE)[number], DemoPerson>,
    rows.map((r) => ({ id: r.id, tier: tierOf(r.output_last_year_fen), employees: r.employees, parkId: r.park_id })),
    enterpriseOfUser,
  );

  // Park inspections: the 26 Feb full inspection, its ledger and follow-ups, the census; today's round.
  await seedInspectionsDemo(deps, services, { id: zone.id, ctx }, { admin: person('admin'), inspector: { ...user('inspector'), role: 'inspector' } }, parks, rows.map((r) => ({ id: r.id, parkId: r.park_id, name: r.name })));

  // Checkpoints: highway exits, gates, a mobile team; risk levels; the last 7 days' registrations and cases.
  const incubator = DEMO_PARKS.findIndex((p) => p.name === '高新科技孵化园');
  const gridOf = (name: string, community?: string) => {
    const flat = DEMO_GRID.flatMap((s) => s.communities.flatMap((c) => c.groups.map((g) => ({ community: c.name, group: g }))));
    return groups[flat.findIndex((x) => x.group === name && (!community || x.community === community))]!;
  };
  const gateBuilding = await org.buildings.get(ctx, parks[incubator]!.buildings[1]!);
  await seedCheckpointsDemo(deps, services, { id: zone.id, ctx }, { admin: person('admin'), staff: { ...user('checkpoint'), role: 'checkpoint_staff' } }, {
    highRisk: gridOf('龙湖苑'),
    mediumRisk: gridOf('锦湖小区'),
    parkGrid: gridOf('园区一网格'),
    incubatorGrid: gridOf('孵化园网格'),
    village: gridOf('一组', '双河村'),
    building: { id: gateBuilding.id, name: gateBuilding.name, floors: gateBuilding.floors ?? 6 },
    buildingEnterprises: rows.filter((r) => r.building_id === gateBuilding.id).map((r) => r.id),
  });

  const credentialsFile = path.join(config.dataDir, 'demo-credentials.txt');
  writeFileSync(credentialsFile, `# 示范高新区 demo sign-ins (username, password, role). Change them before real use.\n${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(credentialsFile, 0o600);
  return { zoneCode: zone.code, zoneName: zone.name, users: DEMO_USERS.map((u) => ({ username: u.username, role: u.role })), credentialsFile };
}
