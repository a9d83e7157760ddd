import { randomBytes, randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes for ids, drawn from the system's generator 4 KB at a time: uuid's own draws 16 bytes
 * per id, a system call each (~5 % of a registration's time on the request thread).
 */
const pool = new Uint8Array(16 * 256);
let poolAt = pool.length;
/** uuid's monotonic state, kept here because ids made with given random bytes do not keep it. */
let lastMs = -Infinity;
let seq = 0;

/** UUIDv7: time-ordered (also within a millisecond, by a sequence), made in the application (ARCHITECTURE §4). */
export const newId = (): string => {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const random = pool.subarray(poolAt, (poolAt += 16));
  // As uuid does without options: a new millisecond starts a random sequence, the same one counts on.
  let msecs = Date.now();
  if (msecs > lastMs) {
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    lastMs = msecs;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
    msecs = lastMs;
  }
  return v7({ random, msecs, seq });
};

/** A random prefix per process: request ids stay unique across restarts and nodes. */
const REQUEST_ID_PREFIX = `${randomBytes(6).toString('base64url')}-`;
let requests = 0;
/** A request's id (logs, audit rows, the x-request-id header): the process's prefix and a counter, cheaper than a UUID on every request. */
export const newRequestId = (): string => REQUEST_ID_PREFIX + (++requests).toString(36);
