// The accepting path of the public registration form, for the bodies the h5 page sends: already
// trimmed, document numbers and plates in capitals. It gives exactly what `PublicRegistrationInput`
// would give for such a body, in a fraction of the time (the schema is the platform's busiest
// check, and zod's general machinery costs ~20–40 µs a request under load). Anything else — a
// space to trim, a lower-case x, an error of any kind — returns null, and the zod schema decides
// (and words the error). checkpoints-fast.test.ts holds the two to the same answers.
import { isPrintableText } from './common.js';
import { DIRECTIONS, ID_KINDS, type PublicRegistrationInput } from './checkpoints.js';
import { isValidPlate, isValidResidentId, PHONE_RE } from './validators.js';

const TOP_KEYS = new Set(['name', 'idKind', 'idNumber', 'phone', 'plate', 'passengers', 'originProvince', 'originCity', 'destination', 'reason', 'direction', 'health', 'lang']);
const PASSENGER_KEYS = new Set(['name', 'idKind', 'idNumber', 'phone', 'temperature']);
const HEALTH_KEYS = ['fever', 'cough', 'contact', 'highRiskTravel'] as const;
const OTHER_DOCUMENT_RE = /^[A-Za-z0-9]{5,20}$/;
const LANGS = ['zh-CN', 'en-US'];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Own keys all among `allowed` (a strict object). */
const onlyKeys = (o: Obj, allowed: Set<string>): boolean => Object.keys(o).every((k) => allowed.has(k));
/** A string needing no trim, `min`–`max` long, without control characters. */
const text = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max && v === v.trim() && isPrintableText(v);
const phone = (v: unknown): v is string => typeof v === 'string' && v === v.trim() && PHONE_RE.test(v);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** A document number already in capitals and valid for its kind (GB 11643 for resident IDs). */
function documentOk(kind: string, n: unknown): n is string {
  if (!text(n, 1, 20) || n !== n.toUpperCase()) return false;
  return kind === 'resident_id' ? isValidResidentId(n) : OTHER_DOCUMENT_RE.test(n);
}

function passengerOf(v: unknown): PublicRegistrationInput['passengers'][number] | null {
  if (!isObject(v) || !onlyKeys(v, PASSENGER_KEYS)) return null;
  const { name, idKind, idNumber } = v;
  if (!text(name, 1, 50) || !oneOf(idKind, ID_KINDS) || !documentOk(idKind, idNumber)) return null;
  const out: PublicRegistrationInput['passengers'][number] = { name, idKind, idNumber };
  if ('phone' in v) {
    if (v.phone !== null && !phone(v.phone)) return null;
    out.phone = v.phone as string | null;
  }
  if ('temperature' in v) {
    const t = v.temperature;
    if (t !== null && !(typeof t === 'number' && Number.isFinite(t) && t >= 34 && t <= 43)) return null;
    out.temperature = t;
  }
  return out;
}

/** The parsed form, or null when the body is not in the page's canonical form or not valid. */
export function parseCanonicalRegistration(data: unknown): PublicRegistrationInput | null {
  if (!isObject(data) || !onlyKeys(data, TOP_KEYS)) return null;
  const { name, idKind, idNumber, originProvince, originCity, destination, reason, direction, health } = data;
  if (!text(name, 1, 50) || !oneOf(idKind, ID_KINDS) || !documentOk(idKind, idNumber) || !phone(data.phone)) return null;
  if (!text(originProvince, 1, 20) || !text(originCity, 1, 30) || !text(destination, 1, 100) || !text(reason, 1, 100)) return null;
  if (!oneOf(direction, DIRECTIONS)) return null;
  if (!isObject(health) || Object.keys(health).length !== 4 || !HEALTH_KEYS.every((k) => typeof health[k] === 'boolean')) return null;
  const out: PublicRegistrationInput = {
    name,
    idKind,
    idNumber,
    phone: data.phone,
    passengers: [],
    originProvince,
    originCity,
    destination,
    reason,
    direction,
    health: { fever: health.fever as boolean, cough: health.cough as boolean, contact: health.contact as boolean, highRiskTravel: health.highRiskTravel as boolean },
  };
  if ('plate' in data) {
    const p = data.plate;
    if (p !== null && !(typeof p === 'string' && p === p.toUpperCase().replace(/[\s·•-]/g, '') && isValidPlate(p))) return null;
    out.plate = p;
  }
  if ('passengers' in data) {
    const list = data.passengers;
    if (!Array.isArray(list) || list.length > 8) return null;
    for (const item of list) {
      const p = passengerOf(item);
      if (!p) return null;
      out.passengers.push(p);
    }
    if (list.length && !out.plate) return null;
  }
  if ('lang' in data) {
    if (!oneOf(data.lang, LANGS)) return null;
    out.lang = data.lang as PublicRegistrationInput['lang'];
  }
  return out;
}
