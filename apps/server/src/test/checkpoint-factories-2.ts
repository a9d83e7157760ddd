// Factories of the intake side of the checkpoints module (H2): a valid public form (a person, or
// a car with passengers), posting it to a checkpoint's QR address, a staff entry, and people with
// valid resident ID numbers and phones that are easy to search for in raw bytes.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { residentIdCheckChar, type HealthDeclaration, type RegistrationReceipt } from '@shuangsheng/contracts';
import type { Services } from '../services.js';
import { signedInUser, type TestZone } from './factories.js';
import { makeCheckpoint } from './checkpoint-factories.js';

let seq = 0;

/** A resident ID with a valid GB 11643 check digit, different on every call (born 1985). */
export function residentId(): string {
  seq++;
  const n = (Date.now() + seq * 7919 + randomBytes(2).readUInt16BE(0)) % 1000;
  const first17 = `51030219850${String((seq % 9) + 1)}${String((seq % 28) + 1).padStart(2, '0')}${String(n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A mobile number of 11 digits, different on every call. */
export function mobile(): string {
  seq++;
  return `139${String((Date.now() + seq * 104729) % 100_000_000).padStart(8, '0')}`;
}

/** A fresh client address, so the per-address limit of one test never touches another's. */
export function clientAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${(b[2]! % 250) + 1}`;
}

export const HEALTHY: HealthDeclaration = { fever: false, cough: false, contact: false, highRiskTravel: false };

/** A valid public form: one person walking in, unless overridden. */
export function publicForm(overrides: Record<string, unknown> = {}) {
  return {
    name: '张三',
    idKind: 'resident_id',
    idNumber: residentId(),
    phone: mobile(),
    originProvince: '四川省',
    originCity: '成都市',
    destination: '自贡高新区',
    reason: '返岗',
    direction: 'in',
    health: { ...HEALTHY },
    ...overrides,
  };
}

/** A car: the driver and passengers (fresh documents), with a new-energy or ordinary plate. */
export function carForm(passengers = 2, overrides: Record<string, unknown> = {}) {
  return publicForm({
    plate: '川C12345',
    passengers: Array.from({ length: passengers }, (_, i) => ({ name: `乘客${i + 1}`, idKind: 'resident_id', idNumber: residentId(), phone: mobile() })),
    ...overrides,
  });
}

/** Posts the public form to a checkpoint's QR address (from its own client address unless given). */
export function postPublic(app: FastifyInstance, token: string, body: unknown, opts: { key?: string; ip?: string; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/public/checkpoints/${token}/registrations`,
    payload: body as Record<string, unknown>,
    remoteAddress: opts.ip ?? clientAddress(),
    headers: { ...(opts.key ? { 'idempotency-key': opts.key } : {}), ...(opts.headers ?? {}) },
  });
}

/** Registers a public form and returns the receipt (throws unless 201). */
export async function registerPublic(app: FastifyInstance, token: string, body: unknown = publicForm(), opts: { key?: string; ip?: string } = {}): Promise<RegistrationReceipt> {
  const res = await postPublic(app, token, body, opts);
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json() as RegistrationReceipt;
}

/** An Idempotency-Key as the page makes one. */
export function idemKey(): string {
  return `k_${randomBytes(12).toString('base64url')}`;
}

/** A duty user (checkpoint staff) and a zone admin of the zone, signed in. */
export async function dutyAndAdmin(app: FastifyInstance, services: Services, zone: TestZone) {
  const staff = await signedInUser(app, services, zone, ['checkpoint_staff']);
  const admin = await signedInUser(app, services, zone, ['zone_admin']);
  return { staff, admin };
}

/**
 * A registration with a declared fever at a new checkpoint of the zone (through the public form),
 * and the abnormal case it opened.
 */
export async function feverCase(app: FastifyInstance, services: Services, zone: TestZone, overrides: Record<string, unknown> = {}) {
  const checkpoint = await makeCheckpoint(services, zone);
  const form = publicForm({ health: { ...HEALTHY, fever: true }, ...overrides });
  const receipt = await registerPublic(app, checkpoint.token, form);
  const found = await services.checkpoints.cases.repo.byRegistration(zone.id, receipt.id);
  if (!found) throw new Error('the fever opened no case');
  return { checkpoint, form, receipt, caseId: found.id, caseNumber: found.number };
}
