// The public phone pages must stay small: all HTML, JS and CSS of the h5 build, gzipped, within
// the budget, because they are opened from QR codes on cheap phones and slow networks. The pages a
// QR code opens (a checkpoint's registration form, a building pass) are fetched from the server as
// a phone would, with every script and stylesheet they name, and held to the same budget.
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

/** What a phone downloads to open a page: the HTML and every script and stylesheet it names, gzipped. */
async function transfer(pagePath: string): Promise<{ total: number; assets: string[] }> {
  const res = await fetch(`${server.url}${pagePath}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const html = await res.text();
  const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!).filter((a) => /\.(js|css)$/.test(a));
  let total = gzipSync(Buffer.from(html), { level: 9 }).length;
  for (const a of assets) {
    const asset = await fetch(new URL(a, `${server.url}${pagePath}`));
    expect(asset.status, a).toBe(200);
    total += gzipSync(Buffer.from(await asset.arrayBuffer()), { level: 9 }).length;
  }
  return { total, assets };
}

it.each([
  ['the registration page a checkpoint QR code opens', '/h5/c/AbCdEfGhIjKlMnOpQrSt12'],
  ['the page a building pass QR code opens', '/h5/p/AbCdEfGhIjKlMnOpQrSt12'],
])(`%s transfers at most ${H5_BUDGET_BYTES / 1024} KB gzipped`, async (_name, pagePath) => {
  const { total, assets } = await transfer(pagePath);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
  expect(total).toBeLessThanOrEqual(H5_BUDGET_BYTES);
});
