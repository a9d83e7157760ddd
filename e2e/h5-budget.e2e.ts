// The public phone pages must stay small: all HTML, JS and CSS of the h5 build, gzipped, within
// the budget, because they are opened from QR codes on cheap phones and slow networks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, startServer, type RunningServer } from './harness.js';

export const H5_BUDGET_BYTES = 30 * 1024;
const DIST = path.join(ROOT, 'apps/h5/dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ SHUANGSHENG_DEMO: 'off' });
});
afterAll(async () => server?.stop());

it(`the h5 build transfers at most ${H5_BUDGET_BYTES / 1024} KB gzipped`, () => {
  const assets = files(DIST).filter((f) => /\.(html|js|css)$/.test(f));
  expect(assets.some((f) => f.endsWith('index.html'))).toBe(true);
  const total = assets.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(H5_BUDGET_BYTES);
});

it('the server serves the h5 pages under /h5/, and its client routes fall back to the index', async () => {
  const page = await fetch(`${server.url}/h5/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('双胜');
  const deep = await fetch(`${server.url}/h5/verify/ABC123`);
  expect(deep.status).toBe(200);
  expect(deep.headers.get('content-type')).toMatch(/text\/html/);
  const api404 = await fetch(`${server.url}/api/nothing-here`);
  expect(api404.status).toBe(404);
});
