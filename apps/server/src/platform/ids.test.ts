import { describe, expect, it } from 'vitest';
import { newId, newRequestId } from './ids.js';

describe('ids', () => {
  it('are UUIDv7, unique and in the order they were made, also many within one millisecond', () => {
    const ids = Array.from({ length: 100_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the time.
    expect(Math.abs(Number.parseInt(newId().replace(/-/g, '').slice(0, 12), 16) - Date.now())).toBeLessThan(1000);
  });
  it('request ids are unique within the process and carry its prefix', () => {
    const ids = Array.from({ length: 10_000 }, () => newRequestId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.split('-')[0])).size).toBe(1);
  });
});
