// Who is asking, in which zone, through which request: handed to every service call so that
// rules and audit are the same for HTTP, jobs and the CLI.
import type { Lang, Permission, Role } from '@shuangsheng/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Database } from '../db/connect.js';
import type { Clock } from './clock.js';
import type { FileStore } from './files.js';
import type { Pii } from './pii.js';

export type Actor = {
  userId: string | null; // null for the CLI and jobs
  username: string;
  displayName: string;
  /** The zone the user belongs to. */
  homeZoneId: string;
  roles: Role[];
  permissions: Set<Permission>;
  enterpriseId: string | null;
};

export type Ctx = {
  actor: Actor;
  /** The zone this request acts in: the home zone, or one a platform admin chose to read. */
  zoneId: string;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
};

export type Executor = Kysely<DB> | Transaction<DB>;

/** What services are built from; each takes only the parts it uses. */
export type Deps = {
  database: Database;
  clock: Clock;
  pii: Pii;
  files: FileStore;
};

export function systemActor(zoneId: string, name = 'cli'): Actor {
  return {
    userId: null,
    username: name,
    displayName: name,
    homeZoneId: zoneId,
    roles: ['zone_admin'],
    permissions: new Set(),
    enterpriseId: null,
  };
}

export function systemCtx(zoneId: string, name = 'cli'): Ctx {
  return { actor: systemActor(zoneId, name), zoneId, requestId: null, ip: null, lang: 'zh-CN' };
}
