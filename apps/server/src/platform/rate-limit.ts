// A small fixed-window rate limiter keyed by string (a client address, a checkpoint), for routes
// whose limits come from data (a zone's settings) rather than from the route, and are checked on a
// hot path. Counters live in this process's memory only: with several server processes each counts
// its own share (a limit of N per minute becomes up to N per process), and a restart forgets them.
// That is the intent: the limits keep one phone or one script from flooding a checkpoint, they are
// not a quota.
import type { Clock } from './clock.js';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export function createRateLimiter(clock: Clock, opts: { maxKeys?: number } = {}) {
  const maxKeys = opts.maxKeys ?? 100_000;
  /** Per key: when its current window ends (epoch ms) and the requests counted in it. */
  const counters = new Map<string, { end: number; count: number }>();

  /** Forgets the counters of windows that have ended. */
  function sweep(now: number): void {
    for (const [key, c] of counters) if (c.end <= now) counters.delete(key);
  }

  return {
    /**
     * Counts one request for `key` in the current window of `windowMs` (aligned to multiples of it)
     * and says whether it is within `limit`; when not, the seconds until the window ends (for
     * Retry-After).
     */
    hit(key: string, limit: number, windowMs = 60_000): RateDecision {
      const now = clock.now();
      let c = counters.get(key);
      if (!c || c.end <= now) {
        if (!c && counters.size >= maxKeys) {
          sweep(now);
          // Still full of live keys (a flood of distinct addresses): start over rather than grow.
          if (counters.size >= maxKeys) counters.clear();
        }
        c = { end: (Math.floor(now / windowMs) + 1) * windowMs, count: 0 };
        counters.set(key, c);
      }
      c.count++;
      if (c.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((c.end - now) / 1000)) };
    },
    /** Keys counted now (tests, diagnostics). */
    size: () => counters.size,
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
