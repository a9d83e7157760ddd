import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
/** UUIDv7: time-ordered, made in the application (ARCHITECTURE §4). */
export const newId = (): string => v7();

/** A random prefix per process: request ids stay unique across restarts and nodes. */
const REQUEST_ID_PREFIX = `${randomBytes(6).toString('base64url')}-`;
let requests = 0;
/** A request's id (logs, audit rows, the x-request-id header): the process's prefix and a counter, cheaper than a UUID on every request. */
export const newRequestId = (): string => REQUEST_ID_PREFIX + (++requests).toString(36);
