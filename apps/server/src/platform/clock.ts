/** Time comes from a clock passed in, so time-based rules are tested without sleeps. */
export type Clock = { now(): number };
export const systemClock: Clock = { now: () => Date.now() };
