// Personal data at rest: AES-256-GCM round trip and tamper detection, the blind index and how it
// normalizes, masking for display, and the secret file.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPii, loadSecret, maskIdNumber, maskPhone } from './pii.js';

const SECRET = 'unit-test-secret-unit-test-secret-000';
const pii = createPii(SECRET);

describe('encrypt / decrypt', () => {
  it.each(['13812345678', '0813-5201234', '11010519491231002X', '', '中文地址 with ümlauts 😀'])('round-trips %j', (plain) => {
    const stored = pii.encrypt(plain);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    if (plain) expect(stored).not.toContain(plain);
    expect(pii.decrypt(stored)).toBe(plain);
  });

  it('uses a fresh IV each time: the same value encrypts differently', () => {
    const a = pii.encrypt('13812345678');
    const b = pii.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(pii.decrypt(a)).toBe(pii.decrypt(b));
  });

  it('refuses ciphertext that was tampered with (GCM tag)', () => {
    const stored = pii.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    for (const at of [0, 12, 20, raw.length - 1]) {
      // iv, tag, tag, body
      const bent = Buffer.from(raw);
      bent[at] = bent[at]! ^ 0x01;
      expect(() => pii.decrypt(`v1:${bent.toString('base64')}`), `byte ${at}`).toThrow();
    }
    expect(() => pii.decrypt(`v1:${raw.subarray(0, raw.length - 1).toString('base64')}`)).toThrow();
  });

  it('refuses another key, an unknown version and garbage', () => {
    const stored = pii.encrypt('13812345678');
    expect(() => createPii('another-secret-another-secret-00000').decrypt(stored)).toThrow();
    expect(() => pii.decrypt(stored.replace(/^v1:/, 'v2:'))).toThrow('unknown ciphertext version');
    expect(() => pii.decrypt('13812345678')).toThrow();
    expect(() => pii.decrypt('v1:')).toThrow();
  });
});

describe('blindIndex', () => {
  it('is deterministic, short, and differs between values', () => {
    const idx = pii.blindIndex('13812345678');
    expect(idx).toBe(pii.blindIndex('13812345678'));
    expect(idx).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(pii.blindIndex('13812345679')).not.toBe(idx);
  });

  it('ignores spaces, hyphens and letter case, so typed variants find the stored value', () => {
    expect(pii.blindIndex('138 1234 5678')).toBe(pii.blindIndex('13812345678'));
    expect(pii.blindIndex('138-1234-5678')).toBe(pii.blindIndex('13812345678'));
    expect(pii.blindIndex('0813-5201234')).toBe(pii.blindIndex('08135201234'));
    expect(pii.blindIndex('11010519491231002x')).toBe(pii.blindIndex('11010519491231002X'));
  });

  it('depends on the secret, so an index from another installation reveals nothing', () => {
    expect(createPii('another-secret-another-secret-00000').blindIndex('13812345678')).not.toBe(pii.blindIndex('13812345678'));
  });
});

describe('protect', () => {
  it('gives ciphertext and index together, or nulls for no value', () => {
    const p = pii.protect('13812345678');
    expect(pii.decrypt(p.enc!)).toBe('13812345678');
    expect(p.idx).toBe(pii.blindIndex('13812345678'));
    expect(pii.protect(null)).toEqual({ enc: null, idx: null });
    expect(pii.protect(undefined)).toEqual({ enc: null, idx: null });
    expect(pii.protect('')).toEqual({ enc: null, idx: null });
  });
});

describe('masking', () => {
  it.each<[string | null | undefined, string | null]>([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['0813-5201234', '0813-***1234'],
    ['010-12345678', '010-****5678'],
    ['0813-5201234-12', '0813-******4-12'],
    ['08135201234', '081****1234'],
    // Values too short for a real phone never show more than they hide.
    ['12345', '***45'],
    ['1234567', '*****67'],
    ['12345678', '******78'],
    ['123456789', '123**6789'],
    ['1234', '****'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('maskPhone(%j) = %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('a masked mobile never shows more than seven digits of the number', () => {
    const masked = maskPhone('13812345678')!;
    expect(masked.replace(/\D/g, '')).toHaveLength(7);
  });

  it.each<[string | null | undefined, string | null]>([
    ['11010519491231002X', '1101**********002X'],
    ['510302198001011234', '5103**********1234'],
    ['12345678', '********'],
    [null, null],
    ['', null],
  ])('maskIdNumber(%j) = %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});

describe('loadSecret', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'ss-pii-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('prefers the environment', () => {
    const dir = tmp();
    expect(loadSecret(dir, 'from-the-environment-from-the-env-01')).toBe('from-the-environment-from-the-env-01');
    expect(() => statSync(path.join(dir, 'secret.key'))).toThrow();
  });

  it('creates DATA_DIR/secret.key readable by the owner only, and reads the same one again', () => {
    const dir = tmp();
    const first = loadSecret(dir, undefined);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(loadSecret(dir, undefined)).toBe(first);
  });
});
