// The demo zone's checkpoints (卡口登记), relative to the clock so the live pages have data: two
// highway exits named as Zigong's (自贡东 / 自贡北 高速出口), a park gate, a building gate whose
// staff pass with coloured passes per floor (出入证), a mobile screening team (流动排查队), a
// compound's gate as a service point and a closed village checkpoint; risk levels on the grid;
// a few thousand registrations over the last 7 days (cars with passengers from the province and
// beyond, walkers, pass scans, staff entries with temperatures), and the abnormal-case ledger:
// three open cases, one transferred to a fever clinic, one closed. Registrations are written as the
// intake writes them (personal data encrypted, blind indexes, hourly rollups in the same commit).
import { isValidPlate, permissionsOf, residentIdCheckChar, type Role } from '@shuangsheng/contracts';
import { addDays } from '../platform/calendar.js';
import type { Actor, Ctx, Deps } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { maskIdNumber, maskPhone } from '../platform/pii.js';
import { newRegistrationCode } from '../modules/checkpoints/intake.service.js';
import { dayStartIn } from '../platform/time.js';
import { writeRows, type CaseRow, type RegistrationRow } from '../modules/checkpoints/registrations.writer.js';
import type { Services } from '../services.js';
import { mobile, personName, prng } from './demo-data.js';
import type { DemoPerson } from './resumption-demo.js';

/** The grid units the demo's checkpoints stand in, and the building whose gate reads passes. */
export type CheckpointDemoPlaces = {
  /** A compound with a confirmed case (高风险, 严格管控). */
  highRisk: string;
  /** Its neighbour (中风险, 查验通行). */
  mediumRisk: string;
  /** The industrial park's grid (低风险). */
  parkGrid: string;
  /** The incubator's grid (低风险). */
  incubatorGrid: string;
  /** A village without a level of its own. */
  village: string;
  building: { id: string; name: string; floors: number };
  /** Enterprises in the building, for the passes. */
  buildingEnterprises: string[];
};

export const DEMO_CHECKPOINTS = {
  east: '自贡东 高速出口',
  north: '自贡北 高速出口',
  parkGate: '板仓工业园 南门',
  mobile: '卧龙湖 流动排查队',
  compound: '龙湖苑 小区门岗',
  closed: '双河村 临时卡口',
} as const;

type Origin = { province: string; city: string; area: string; plate: string; weight: number };
/** Where people come from: mostly the city and the province, some from the neighbours, a few from Hubei. */
const ORIGINS: Origin[] = [
  { province: '四川省', city: '自贡市', area: '510302', plate: '川C', weight: 46 },
  { province: '四川省', city: '成都市', area: '510104', plate: '川A', weight: 12 },
  { province: '四川省', city: '宜宾市', area: '511502', plate: '川Q', weight: 7 },
  { province: '四川省', city: '内江市', area: '511002', plate: '川K', weight: 7 },
  { province: '四川省', city: '泸州市', area: '510502', plate: '川E', weight: 6 },
  { province: '重庆市', city: '重庆市', area: '500103', plate: '渝A', weight: 10 },
  { province: '云南省', city: '昆明市', area: '530102', plate: '云A', weight: 4 },
  { province: '贵州省', city: '贵阳市', area: '520102', plate: '贵A', weight: 4 },
  { province: '广东省', city: '深圳市', area: '440303', plate: '粤B', weight: 3 },
  { province: '湖北省', city: '武汉市', area: '420102', plate: '鄂A', weight: 1 },
];
const DESTINATIONS = ['示范高新区板仓工业园', '示范高新区高新科技孵化园', '示范高新区航空航天产业园', '示范高新区生物医药产业园', '自贡市自流井区', '自贡市大安区', '自贡市贡井区'];
const REASONS = ['返岗复工', '返岗复工', '返岗复工', '回家', '物资运输', '探亲', '就医', '公务'];
/** Hour of day weights: the morning and evening rush at the exits. */
const HOUR_WEIGHTS = [1, 0, 0, 0, 0, 1, 3, 8, 12, 9, 6, 5, 5, 5, 5, 6, 8, 11, 10, 6, 4, 3, 2, 1];

function actorCtx(zoneId: string, p: DemoPerson): Ctx {
  const actor: Actor = { userId: p.id, username: p.username, displayName: p.displayName, homeZoneId: zoneId, roles: [p.role], permissions: permissionsOf([p.role as Role]), enterpriseId: null };
  return { actor, zoneId, requestId: null, ip: null, lang: 'zh-CN' };
}

function pick<T extends { weight: number }>(rand: () => number, xs: readonly T[]): T {
  const total = xs.reduce((n, x) => n + x.weight, 0);
  let r = rand() * total;
  for (const x of xs) if ((r -= x.weight) < 0) return x;
  return xs[xs.length - 1]!;
}

type DemoPersonRecord = { name: string; idNumber: string; phone: string; origin: Origin; plate: string | null };

export async function seedCheckpointsDemo(deps: Deps, services: Services, zone: { id: string; ctx: Ctx }, people: { admin: DemoPerson; staff: DemoPerson }, places: CheckpointDemoPlaces): Promise<{ checkpoints: number; registrations: number; cases: number }> {
  const rand = prng(20200209);
  const cp = services.checkpoints;
  const admin = actorCtx(zone.id, people.admin);
  const staff = actorCtx(zone.id, people.staff);
  const now = deps.clock.now();
  const today = cp.scope.today();

  // Risk levels of the grid (分区分级分类), dated a week and more back.
  await cp.risk.set(admin, places.highRisk, { level: 'high', controlClass: 'strict', measures: '小区只留一个出入口，24 小时值守；凭出入证进出并登记测温；外来人员车辆一律不得进入', since: addDays(today, -10), reason: '小区内发现确诊病例' });
  await cp.risk.set(admin, places.mediumRisk, { level: 'medium', controlClass: 'checked', measures: '出入口登记测温，查验健康码；外来人员登记事由', since: addDays(today, -10), reason: '与确诊病例所在小区相邻' });
  await cp.risk.set(admin, places.parkGrid, { level: 'low', controlClass: 'normal', measures: '落实常态化防控措施，公共区域每日消毒', since: addDays(today, -14), reason: '园区无病例，企业已复工' });
  await cp.risk.set(admin, places.incubatorGrid, { level: 'low', controlClass: 'normal', measures: '落实常态化防控措施，楼宇凭出入证通行', since: addDays(today, -14), reason: '孵化园无病例' });

  // The checkpoints.
  const make = (name: string, kind: 'highway_exit' | 'park_gate' | 'building_gate' | 'mobile_team' | 'community_gate' | 'city_road', gridUnitId: string, location: string, buildingId: string | null = null) =>
    cp.checkpoints.create(admin, { name, kind, gridUnitId, buildingId, location });
  const east = await make(DEMO_CHECKPOINTS.east, 'highway_exit', places.mediumRisk, '成自泸高速自贡东收费站出口');
  const north = await make(DEMO_CHECKPOINTS.north, 'highway_exit', places.village, '厦蓉高速自贡北收费站出口');
  const parkGate = await make(DEMO_CHECKPOINTS.parkGate, 'park_gate', places.parkGrid, '板仓工业园南大门');
  const buildingGate = await make(`${places.building.name} 门岗`, 'building_gate', places.incubatorGrid, `${places.building.name}一楼大厅`, places.building.id);
  const mobileTeam = await make(DEMO_CHECKPOINTS.mobile, 'mobile_team', places.highRisk, '卧龙湖片区（流动，每日公布点位）');
  const compound = await make(DEMO_CHECKPOINTS.compound, 'community_gate', places.highRisk, '龙湖苑小区东门');
  const closed = await make(DEMO_CHECKPOINTS.closed, 'city_road', places.village, '双河村村口');
  await cp.checkpoints.setStatus(admin, compound.id, { status: 'service_point', reason: '小区改为服务点：代购物资、登记测温' });
  await cp.checkpoints.setStatus(admin, closed.id, { status: 'closed', reason: '村道恢复通行，卡口撤除' });

  // People: some drive (with a plate of where they come from), the others ride or walk.
  const persons: DemoPersonRecord[] = [];
  const usedPlates = new Set<string>();
  for (let i = 0; i < 180; i++) {
    const origin = pick(rand, ORIGINS);
    const first17 = `${origin.area}19${String(60 + Math.floor(rand() * 40))}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    let plate: string | null = null;
    if (i % 3 !== 2) {
      do plate = `${origin.plate}${String(Math.floor(rand() * 100000)).padStart(5, '0')}`;
      while (usedPlates.has(plate) || !isValidPlate(plate));
      usedPlates.add(plate);
    }
    persons.push({ name: personName(rand), idNumber: first17 + residentIdCheckChar(first17), phone: mobile(rand), origin, plate });
  }
  const protect = new Map(persons.map((p) => [p, { id: deps.pii.protect(p.idNumber) as { enc: string; idx: string }, phone: deps.pii.protect(p.phone) }]));
  const drivers = persons.filter((p) => p.plate);
  const walkers = persons.filter((p) => !p.plate);

  // Passes of the building's staff: two per floor, the top floor in the building's own colour.
  const top = Math.min(places.building.floors, 6);
  await cp.passes.setFloorColour(admin, { buildingId: places.building.id, floor: top, colour: 'purple' });
  const holders: { pass: { id: string }; person: DemoPersonRecord }[] = [];
  for (let floor = 1; floor <= top; floor++) {
    for (let k = 0; k < 2; k++) {
      const person = walkers[(floor * 2 + k) % walkers.length]!;
      const enterpriseId = places.buildingEnterprises.length ? places.buildingEnterprises[(floor + k) % places.buildingEnterprises.length]! : null;
      const pass = await cp.passes.issue(admin, { buildingId: places.building.id, floor, enterpriseId, holderName: person.name, idKind: 'resident_id', idNumber: person.idNumber, phone: person.phone, validUntil: addDays(today, 60) });
      holders.push({ pass, person });
    }
  }
  await cp.passes.revoke(admin, holders[holders.length - 1]!.pass.id, '员工离职，出入证收回');
  const validHolders = holders.slice(0, -1);

  // Registrations over the last 7 days (today up to now).
  const rows: RegistrationRow[] = [];
  const row = (c: { id: string }, at: number, p: DemoPersonRecord, o: { plate: string | null; isVehicle: boolean; groupId: string; code: string; source: 'public' | 'staff' | 'pass'; direction: 'in' | 'out'; passId?: string; temperature?: number | null; destination?: string | null; reason?: string | null; origin?: Origin | null }): RegistrationRow => {
    const { day, hour } = cp.scope.dayHour(at);
    const prot = protect.get(p)!;
    const origin = o.origin === undefined ? p.origin : o.origin;
    return {
      id: newId(),
      zone_id: zone.id,
      checkpoint_id: c.id,
      group_id: o.groupId,
      code: o.code,
      at,
      day,
      hour,
      source: o.source,
      direction: o.direction,
      name: p.name,
      id_kind: 'resident_id',
      id_enc: prot.id.enc,
      id_idx: prot.id.idx,
      phone_enc: prot.phone.enc,
      phone_idx: prot.phone.idx,
      id_masked: maskIdNumber(p.idNumber),
      phone_masked: maskPhone(p.phone),
      plate: o.plate,
      is_vehicle: o.isVehicle ? 1 : 0,
      origin_province: origin?.province ?? null,
      origin_city: origin?.city ?? null,
      destination: o.destination === undefined ? DESTINATIONS[Math.floor(rand() * DESTINATIONS.length)]! : o.destination,
      reason: o.reason === undefined ? REASONS[Math.floor(rand() * REASONS.length)]! : o.reason,
      fever: 0,
      cough: 0,
      contact: 0,
      high_risk_travel: 0,
      temperature: o.temperature ?? null,
      result: 'green',
      reasons: '',
      pass_id: o.passId ?? null,
      created_by: o.source === 'staff' ? people.staff.id : null,
      idempotency_key: null,
    };
  };
  const hourWeights = HOUR_WEIGHTS.map((weight, hour) => ({ hour, weight }));
  const dayStart = (daysBack: number) => dayStartIn(addDays(today, -daysBack), services.timeZone);
  const instant = (daysBack: number) => Math.floor(dayStart(daysBack) + pick(rand, hourWeights).hour * 3_600_000 + rand() * 3_600_000);
  /** A registration of a car (driver and 0–3 passengers) or of someone on foot, at a checkpoint. */
  const register = (c: { id: string }, daysBack: number, carShare: number, staffShare: number) => {
    const at = instant(daysBack);
    if (at >= now) return;
    const source = rand() < staffShare ? 'staff' : 'public';
    const temperature = () => (source === 'staff' ? 360 + Math.floor(rand() * 11) : null);
    const direction = rand() < 0.6 ? 'in' : 'out';
    const groupId = newId();
    const code = newRegistrationCode();
    if (rand() < carShare) {
      const driver = drivers[Math.floor(rand() * drivers.length)]!;
      const passengers = Math.floor(rand() * rand() * 4);
      rows.push(row(c, at, driver, { plate: driver.plate, isVehicle: true, groupId, code, source, direction, temperature: temperature() }));
      for (let k = 0; k < passengers; k++) rows.push(row(c, at, walkers[Math.floor(rand() * walkers.length)]!, { plate: driver.plate, isVehicle: false, groupId, code, source, direction, temperature: temperature(), origin: driver.origin }));
    } else {
      rows.push(row(c, at, walkers[Math.floor(rand() * walkers.length)]!, { plate: null, isVehicle: false, groupId, code, source, direction, temperature: temperature() }));
    }
  };
  for (let d = 0; d < 7; d++) {
    for (let i = 0; i < 130; i++) register(east, d, 0.85, 0.15);
    for (let i = 0; i < 70; i++) register(north, d, 0.85, 0.1);
    for (let i = 0; i < 55; i++) register(parkGate, d, 0.4, 0.3);
    for (let i = 0; i < 25; i++) register(mobileTeam, d, 0.3, 1);
    for (let i = 0; i < 30; i++) register(compound, d, 0.1, 0.6);
    // The building's staff: in around nine, out around six, with their passes.
    for (const h of validHolders) {
      if (rand() < 0.15) continue;
      const day0 = dayStart(d);
      for (const [direction, minute] of [['in', 8 * 60 + 30 + rand() * 50], ['out', 17 * 60 + 30 + rand() * 90]] as const) {
        const at = Math.floor(day0 + minute * 60_000);
        if (at < now) rows.push(row(buildingGate, at, h.person, { plate: null, isVehicle: false, groupId: newId(), code: newRegistrationCode(), source: 'pass', direction, passId: h.pass.id, temperature: 362 + Math.floor(rand() * 8), destination: null, reason: null, origin: null }));
      }
    }
  }
  rows.sort((a, b) => a.at - b.at);
  await deps.database.db.transaction().execute((trx) => writeRows(trx, rows));

  // The alerts, each through the writer as the intake sends them (the case numbered in the commit).
  type Alert = { c: { id: string }; agoMinutes: number; person: DemoPersonRecord; temperature: number | null; result: 'yellow' | 'red'; reasons: string[]; health: Partial<Record<'fever' | 'cough' | 'contact' | 'high_risk_travel', 1>>; source: 'public' | 'staff'; origin?: Origin };
  const hubei = ORIGINS.find((o) => o.province === '湖北省')!;
  const alerts: Alert[] = [
    { c: east, agoMinutes: 25, person: drivers[3]!, temperature: 381, result: 'red', reasons: ['temperature'], health: {}, source: 'staff' },
    { c: mobileTeam, agoMinutes: 70, person: walkers[5]!, temperature: 368, result: 'yellow', reasons: ['cough'], health: { cough: 1 }, source: 'staff' },
    { c: north, agoMinutes: 60 * 27, person: drivers[8]!, temperature: null, result: 'yellow', reasons: ['high_risk_travel'], health: { high_risk_travel: 1 }, source: 'public', origin: hubei },
    { c: east, agoMinutes: 60 * 50, person: drivers[12]!, temperature: 378, result: 'red', reasons: ['temperature', 'fever'], health: { fever: 1 }, source: 'staff' },
    { c: parkGate, agoMinutes: 60 * 98, person: walkers[9]!, temperature: 375, result: 'red', reasons: ['temperature'], health: {}, source: 'staff' },
  ];
  const caseIds: string[] = [];
  for (const a of alerts) {
    const at = now - a.agoMinutes * 60_000;
    const r = { ...row(a.c, at, a.person, { plate: null, isVehicle: false, groupId: newId(), code: newRegistrationCode(), source: a.source, direction: 'in', temperature: a.temperature, ...(a.origin ? { origin: a.origin } : {}) }), ...a.health, result: a.result, reasons: a.reasons.join(',') };
    const c: CaseRow = {
      id: newId(),
      zone_id: zone.id,
      registration_id: r.id,
      checkpoint_id: a.c.id,
      at,
      name: r.name,
      id_enc: r.id_enc,
      id_idx: r.id_idx,
      phone_enc: r.phone_enc,
      phone_idx: r.phone_idx,
      plate: r.plate,
      temperature: r.temperature,
      reasons: r.reasons,
      result: a.result,
      status: 'open',
      clinic: null,
      outcome: null,
      note: null,
      closed_at: null,
      created_at: at,
      updated_at: at,
    };
    await cp.writer.submit({ rows: [r], cases: [c], openedBy: a.source === 'staff' ? { id: people.staff.id, name: people.staff.displayName } : { id: null, name: '扫码自助' } });
    caseIds.push(c.id);
  }
  // The older ones followed up: one at a fever clinic, one cleared on a second measurement.
  await cp.cases.act(staff, caseIds[3]!, 'transfer', { clinic: '自贡市第一人民医院发热门诊', note: '120 负压救护车转运' });
  await cp.cases.act(staff, caseIds[4]!, 'close', { outcome: 'cleared', note: '休息 15 分钟后复测 36.8 ℃，排除' });

  return { checkpoints: 7, registrations: rows.length + alerts.length, cases: alerts.length };
}
