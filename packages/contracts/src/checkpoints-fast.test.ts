import { describe, expect, it } from 'vitest';
import { PublicRegistrationInput } from './checkpoints.js';
import { parseCanonicalRegistration } from './checkpoints-fast.js';

/** What the h5 page sends for a driver with a passenger (trimmed, capitals). */
const PAGE_BODY = {
  name: '王建国',
  idKind: 'resident_id',
  idNumber: '510302196001010013',
  phone: '13812345678',
  plate: '川C12345',
  passengers: [{ name: '李梅', idKind: 'passport', idNumber: 'E12345678' }],
  originProvince: '四川省',
  originCity: '成都市',
  destination: '示范高新区',
  reason: '返岗复工',
  direction: 'in',
  health: { fever: false, cough: false, contact: false, highRiskTravel: false },
  lang: 'zh-CN',
};

/** Values each field may take in the random bodies: canonical, to be normalized, wrong, absent. */
const ABSENT = Symbol('absent');
const VARIANTS: Record<string, unknown[]> = {
  name: ['王建国', ' 王建国', 'A'.repeat(50), 'A'.repeat(51), '', 'a\u0001b', 5, null, ABSENT],
  idKind: ['resident_id', 'passport', 'other', 'alien', null, ABSENT],
  idNumber: ['510302196001010013', '11010519491231002X', '11010519491231002x', ' 510302196001010013', '510302196001010014', 'E12345678', 'e12345678', 'AB12', 'A'.repeat(21), '', 12, ABSENT],
  phone: ['13812345678', '0813-1234567', ' 13812345678', '12812345678', null, '', ABSENT],
  plate: ['川C12345', '川c12345', '川C·12345', '川CD12345', 'XC12345', null, '', 7, ABSENT],
  passengers: [[], [{ name: '李梅', idKind: 'passport', idNumber: 'E12345678' }], [{ name: '李梅', idKind: 'resident_id', idNumber: '11010519491231002X', phone: null, temperature: 36.6 }], [{ name: '李梅', idKind: 'resident_id', idNumber: '11010519491231002x' }], [{ name: '李梅', idKind: 'passport', idNumber: 'E12345678', temperature: 50 }], [{ name: '李梅', idKind: 'passport', idNumber: 'E12345678', extra: 1 }], Array.from({ length: 9 }, () => ({ name: '李', idKind: 'passport', idNumber: 'E12345678' })), 'x', null, ABSENT],
  originProvince: ['四川省', '四川省 ', 'A'.repeat(21), '', ABSENT],
  originCity: ['成都市', 'A'.repeat(30), 'A'.repeat(31), ABSENT],
  destination: ['示范高新区', '\t示范', ABSENT],
  reason: ['返岗复工', 'x\u007f', ABSENT],
  direction: ['in', 'out', 'up', ABSENT],
  health: [{ fever: false, cough: false, contact: false, highRiskTravel: false }, { fever: true, cough: false, contact: true, highRiskTravel: false }, { fever: 'no', cough: false, contact: false, highRiskTravel: false }, { fever: false, cough: false, contact: false }, { fever: false, cough: false, contact: false, highRiskTravel: false, extra: true }, null, ABSENT],
  lang: ['zh-CN', 'en-US', 'fr', null, ABSENT],
  extra: [ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, 1],
};

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the canonical path of the public registration form', () => {
  it('accepts what the page sends, giving what the schema gives', () => {
    const fast = parseCanonicalRegistration(PAGE_BODY);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(PublicRegistrationInput.parse(PAGE_BODY));
    const alone = { ...PAGE_BODY, plate: null, passengers: [] };
    expect(parseCanonicalRegistration(alone)).toStrictEqual(PublicRegistrationInput.parse(alone));
    const { passengers: _p, lang: _l, plate: _pl, ...bare } = PAGE_BODY;
    expect(parseCanonicalRegistration(bare)).toStrictEqual(PublicRegistrationInput.parse(bare));
  });

  it('never accepts what the schema refuses, and never answers differently (20,000 random bodies)', () => {
    const next = rng(20200224);
    let accepted = 0;
    let refusedBoth = 0;
    for (let n = 0; n < 20_000; n++) {
      const body: Record<string, unknown> = {};
      for (const [key, values] of Object.entries(VARIANTS)) {
        // Mostly the page's value, so that bodies valid on every other field are common.
        const v = next() < 0.85 ? ((PAGE_BODY as Record<string, unknown>)[key] ?? ABSENT) : values[Math.floor(next() * values.length)];
        if (v !== ABSENT) body[key] = structuredClone(v);
      }
      const fast = parseCanonicalRegistration(structuredClone(body));
      const zod = PublicRegistrationInput.safeParse(structuredClone(body));
      if (fast) {
        accepted++;
        expect(zod.success, JSON.stringify(body)).toBe(true);
        expect(fast, JSON.stringify(body)).toStrictEqual(zod.data);
      } else if (!zod.success) refusedBoth++;
    }
    // Both branches were exercised many times.
    expect(accepted).toBeGreaterThan(1000);
    expect(refusedBoth).toBeGreaterThan(1000);
  });

  it('leaves non-canonical but valid bodies to the schema', () => {
    for (const change of [{ name: ' 王建国' }, { idNumber: '11010519491231002x', idKind: 'resident_id' }, { plate: '川c12345' }]) {
      const body = { ...PAGE_BODY, ...change };
      expect(parseCanonicalRegistration(body)).toBeNull();
      expect(PublicRegistrationInput.safeParse(body).success).toBe(true);
    }
  });
});
