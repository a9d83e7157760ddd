// Personal data at rest (ARCHITECTURE §7): AES-256-GCM ciphertext, an HMAC blind index to find a
// value without decrypting, and masking for display. Keys derive from one secret.
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Pii = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic index of a normalized value, for equality lookups. */
  blindIndex(plain: string): string;
  /** Everything a column pair needs: ciphertext, index, and the masked form. */
  protect(plain: string | null | undefined): { enc: string | null; idx: string | null };
  /** The secret the keys derive from, for a worker thread of this process that protects data too (never logged or sent elsewhere). */
  secretForWorkerThread(): string;
};

const VERSION = 'v1';

export function createPii(secret: string): Pii {
  const master = Buffer.from(secret, 'utf8');
  // Key objects, made once: checkpoint registration encrypts on every request (the hot path).
  const encKey = createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'shuangsheng/pii/enc', 32)));
  const idxKey = createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'shuangsheng/pii/idx', 32)));
  const nextIv = ivPool();

  const encrypt = (plain: string): string => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', encKey, iv);
    const body = cipher.update(plain, 'utf8');
    const last = cipher.final();
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body, last]).toString('base64')}`;
  };
  const decrypt = (stored: string): string => {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  };
  const blindIndex = (plain: string): string =>
    createHmac('sha256', idxKey).update(normalize(plain)).digest('base64url').slice(0, 32);
  return {
    encrypt,
    decrypt,
    blindIndex,
    protect: (plain) => (plain ? { enc: encrypt(plain), idx: blindIndex(plain) } : { enc: null, idx: null }),
    secretForWorkerThread: () => secret,
  };
}

/**
 * Random 96-bit GCM nonces drawn from a buffer refilled by the CSPRNG 4,096 at a time: one
 * randomBytes call per encryption cost more than the cipher itself.
 */
function ivPool(): () => Buffer {
  const pool = Buffer.alloc(12 * 4096);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    // A copy: the pool is overwritten on the next refill.
    const iv = Buffer.from(pool.subarray(at, at + 12));
    at += 12;
    return iv;
  };
}

function normalize(v: string): string {
  return v.replace(/[\s-]/g, '').toUpperCase();
}

/** `138****5678`; landlines keep area code and last 4. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const p = phone.replace(/\s/g, '');
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  const keepHead = p.indexOf('-') > 0 ? p.indexOf('-') + 1 : 3;
  // Too short to keep head and tail with something hidden between: keep only the last two.
  if (p.length < keepHead + 4 + 2) return '*'.repeat(p.length - 2) + p.slice(-2);
  return p.slice(0, keepHead) + '*'.repeat(p.length - keepHead - 4) + p.slice(-4);
}

/** `5103**********1234`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** The secret from SHUANGSHENG_SECRET, else DATA_DIR/secret.key, created 0600 on first start. */
export function loadSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
