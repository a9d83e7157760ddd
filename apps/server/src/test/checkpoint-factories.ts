// Factories of the checkpoints module (卡口登记), through the services (no HTTP, no SQL): a
// checkpoint (with its token), a grid unit and a building to hang things on, a pass, a risk level,
// and a checkpoint staff user signed in. `t` is the test app (or its services).
import type { FastifyInstance } from 'fastify';
import type { CheckpointDetail, CheckpointInput, CheckpointStatus, ControlClass, Pass, PassInput, RiskLevel } from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { Services } from '../services.js';
import { newId } from '../platform/ids.js';
import { maskIdNumber, maskPhone } from '../platform/pii.js';
import type { TestApp } from './harness.js';
import type { CaseRow, RegistrationRow } from '../modules/checkpoints/registrations.writer.js';
import { makeBuilding as makeBuildingIn, makeGridUnit as makeGridUnitUnder, makePark, rootGridUnit, signedInUser, uniq, validResidentId, type TestZone } from './factories.js';

type T = Services | { services: Services };
const servicesOf = (t: T): Services => ('services' in t && !('org' in t) ? t.services : (t as Services));

/** The token a QR address carries (its last path segment). */
export function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** A grid unit under the zone's root unit (or under `parentId`). */
export async function makeGridUnit(t: T, zone: TestZone, parentId?: string, name?: string) {
  const services = servicesOf(t);
  const parent = parentId ?? (await rootGridUnit(services, zone)).id;
  return makeGridUnitUnder(services, zone, parent, name);
}

/** A building (12 floors) in a new park of the zone, unless a park is given. */
export async function makeBuilding(t: T, zone: TestZone, opts: { parkId?: string; name?: string } = {}) {
  const services = servicesOf(t);
  const parkId = opts.parkId ?? (await makePark(services, zone)).id;
  return makeBuildingIn(services, zone, parkId, opts.name);
}

/**
 * A checkpoint of the zone (a highway exit on the zone's root grid unit by default), made by the
 * zone's system ctx; `status` moves it there after creation (with a history row). Returns the
 * detail and its token.
 */
export async function makeCheckpoint(t: T, zone: TestZone, overrides: Partial<CheckpointInput> & { status?: CheckpointStatus } = {}): Promise<z.infer<typeof CheckpointDetail> & { token: string }> {
  const services = servicesOf(t);
  const { status, ...input } = overrides;
  const gridUnitId = input.gridUnitId === undefined ? (await rootGridUnit(services, zone)).id : input.gridUnitId;
  let detail = await services.checkpoints.checkpoints.create(zone.ctx, { name: `卡口${uniq()}`, kind: 'highway_exit', location: '测试高速出口', ...input, gridUnitId });
  if (status && status !== detail.status) detail = await services.checkpoints.checkpoints.setStatus(zone.ctx, detail.id, { status, reason: '测试' });
  return { ...detail, token: tokenOf(detail.qrUrl) };
}

/** Sets a grid unit's risk level (a history row), by the zone's system ctx. */
export async function setRisk(t: T, zone: TestZone, gridUnitId: string, level: RiskLevel, controlClass: ControlClass = level === 'high' ? 'strict' : level === 'medium' ? 'checked' : 'normal') {
  return servicesOf(t).checkpoints.risk.set(zone.ctx, gridUnitId, { level, controlClass, measures: '出入口登记测温', reason: '测试定级' });
}

/** A pass of a building (a new one unless given), floor 3 by default; returns it with its token. */
export async function makePass(t: T, zone: TestZone, overrides: Partial<PassInput> = {}): Promise<Pass & { token: string }> {
  const services = servicesOf(t);
  const buildingId = overrides.buildingId ?? (await makeBuilding(services, zone)).id;
  const pass = await services.checkpoints.passes.issue(zone.ctx, {
    buildingId,
    floor: 3,
    holderName: '张三',
    idKind: 'resident_id',
    idNumber: validResidentId(),
    phone: '13800138000',
    ...overrides,
  });
  return { ...pass, token: tokenOf(pass.qrUrl) };
}

/** A checkpoint staff user (卡口工作人员) of the zone, signed in. */
export async function signedInCheckpointStaff(app: FastifyInstance, services: Services, zone: TestZone) {
  return signedInUser(app, services, zone, ['checkpoint_staff']);
}

export type RegistrationSpec = {
  checkpointId: string;
  /** The instant (the app's clock by default). */
  at?: number;
  /** People registered together (1 by default); with a plate the first counts the vehicle. */
  persons?: number;
  plate?: string | null;
  source?: 'public' | 'staff' | 'pass';
  passId?: string | null;
  /** Red with an open abnormal case (a measured 38.1 °C) for the first person. */
  fever?: boolean;
  idNumber?: string;
  phone?: string;
  name?: string;
  originProvince?: string;
};

/**
 * Registrations written through the module's writer (group commit: rows, rollups, cases), as the
 * intake would; for tests of what reads them (lists, counts, last scans). Returns the rows.
 */
export async function writeRegistrations(t: TestApp, zone: TestZone, spec: RegistrationSpec): Promise<RegistrationRow[]> {
  const mod = t.services.checkpoints;
  const pii = t.deps.pii;
  const at = spec.at ?? t.deps.clock.now();
  const { day, hour } = mod.scope.dayHour(at);
  const groupId = newId();
  const rows: RegistrationRow[] = [];
  const cases: CaseRow[] = [];
  for (let i = 0; i < (spec.persons ?? 1); i++) {
    const idNumber = i === 0 && spec.idNumber ? spec.idNumber : validResidentId();
    const phonePlain = i === 0 ? (spec.phone ?? '13900139000') : null;
    const id = pii.protect(idNumber);
    const phone = pii.protect(phonePlain);
    const red = i === 0 && !!spec.fever;
    const row: RegistrationRow = {
      id: newId(),
      zone_id: zone.id,
      checkpoint_id: spec.checkpointId,
      group_id: groupId,
      code: uniq().slice(-6),
      at,
      day,
      hour,
      source: spec.source ?? 'public',
      direction: 'in',
      name: i === 0 ? (spec.name ?? '李四') : `同车${i}`,
      id_kind: 'resident_id',
      id_enc: id.enc!,
      id_idx: id.idx!,
      phone_enc: phone.enc,
      phone_idx: phone.idx,
      id_masked: maskIdNumber(idNumber),
      phone_masked: maskPhone(phonePlain),
      plate: spec.plate ?? null,
      is_vehicle: i === 0 && spec.plate ? 1 : 0,
      origin_province: spec.originProvince ?? '四川省',
      origin_city: '成都市',
      destination: '高新区',
      reason: '返岗',
      fever: 0,
      cough: 0,
      contact: 0,
      high_risk_travel: 0,
      temperature: red ? 381 : null,
      result: red ? 'red' : 'green',
      reasons: red ? 'temperature' : '',
      pass_id: spec.passId ?? null,
      created_by: null,
      idempotency_key: null,
    };
    rows.push(row);
    if (red) {
      cases.push({
        id: newId(),
        zone_id: zone.id,
        registration_id: row.id,
        checkpoint_id: spec.checkpointId,
        at,
        name: row.name,
        id_enc: row.id_enc,
        id_idx: row.id_idx,
        phone_enc: row.phone_enc,
        phone_idx: row.phone_idx,
        plate: row.plate,
        temperature: 381,
        reasons: 'temperature',
        result: 'red',
        status: 'open',
        clinic: null,
        outcome: null,
        note: null,
        closed_at: null,
        created_at: at,
        updated_at: at,
      });
    }
  }
  await mod.writer.submit({ rows, cases });
  return rows;
}
