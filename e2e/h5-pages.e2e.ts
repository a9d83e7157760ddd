// The public phone pages in Chromium against the built app, at 360×740 in Chinese and in English:
// a licence code that was never issued reads as possibly forged, and a progress lookup with the
// wrong phone digits shows the API's refusal in the chosen language.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ SHUANGSHENG_DEMO: 'off' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const LANGS = [
  { lang: 'zh-CN', short: 'zh', forged: '未查到该证照，可能为伪造', progress: '办件进度查询', toggle: 'EN' },
  { lang: 'en-US', short: 'en', forged: 'No such licence — possibly forged', progress: 'Application progress', toggle: '中文' },
] as const;

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe.each(LANGS)('h5 pages in $lang', ({ lang, short, forged, progress, toggle }) => {
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: artifact(`h5-${short}-${name}.png`), fullPage: true });

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang, hasTouch: true, isMobile: true });
    page = await context.newPage();
  });
  afterAll(async () => page?.context().close());

  it(lang === 'zh-CN' ? 'opens in Chinese' : 'switches to English with one tap, and remembers it', async () => {
    await page.goto(`${server.url}/h5/`);
    if (lang === 'en-US') await page.locator('#lang').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await expect(page.locator('#lang').innerText()).resolves.toBe(toggle);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await shot('landing');
  });

  it('says a licence code that was never issued is possibly forged', async () => {
    const code = randomBytes(24).toString('base64url'); // 32 characters of the code alphabet
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/public/licences/${code}`));
    await page.goto(`${server.url}/h5/verify/${code}`);
    const response = await answer;
    expect(response.status()).toBe(200);
    expect(await response.request().headerValue('accept-language')).toBe(lang);
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe('forged');
    await expect(verdict.innerText()).resolves.toContain(forged);
    await fitsThePhone(page);
    await shot('verify-unknown');
  });

  it('shows the refusal of a lookup with the wrong phone digits', async () => {
    await page.goto(`${server.url}/h5/progress?number=sv-20200203-000001`);
    await page.getByRole('heading', { name: progress }).waitFor();
    const number = page.locator('#number');
    await expect(number.inputValue()).resolves.toBe('SV-20200203-000001');
    await expect(page.locator('#phone').getAttribute('inputmode')).resolves.toBe('numeric');

    const submit = page.locator('button[type=submit]');
    expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // Three digits are caught on the phone, without a request.
    await page.locator('#phone').fill('123');
    await submit.click();
    await expect.poll(() => page.locator('#phone').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#phone').fill('0000');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/public/applications/lookup'));
    await submit.click();
    const response = await answer;
    expect(response.status()).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/lookup_mismatch$/);
    // The message comes in the chosen language, and the page shows it as it came.
    expect(/\p{Script=Han}/u.test(body.error.message)).toBe(lang === 'zh-CN');
    const error = page.getByTestId('error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toBe(body.error.message);
    await fitsThePhone(page);
    await shot('progress-mismatch');
  });
});
