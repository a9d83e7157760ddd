// Words the console shares with the server's Excel sheets and messages (roles, team kinds,
// assignment kinds) come from contracts, so the two never disagree.
import type { Lang } from '../lib/format';

/** One language's column of a contracts vocabulary (`{key: [zh, en]}`). */
export function words<K extends string>(labels: Record<K, readonly [string, string]>, lang: Lang): Record<K, string> {
  const i = lang === 'zh-CN' ? 0 : 1;
  return Object.fromEntries(Object.entries<readonly [string, string]>(labels).map(([k, v]) => [k, v[i]])) as Record<K, string>;
}
