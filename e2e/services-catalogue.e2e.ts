// The approval bureau keeps its catalogue and calendar, an enterprise reads them: the approver adds
// a material with a template to an item, the enterprise user sees it and downloads the template,
// the admin finds the extended Spring Festival in the calendar and a due date across it.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.password(username));
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** A one-page PDF small enough to write by hand. */
function minimalPdf(): string {
  const file = artifact('股东身份证明模板.pdf');
  writeFileSync(file, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  return file;
}

describe('catalogue and calendar', () => {
  it('the approver adds a required material with a template to the name-change item', async () => {
    const page = await signedIn('approver');
    await page.getByTestId('menu-services-items').click();
    await page.getByTestId('list-search').fill('BGDJ-001');
    await page.getByTestId('list-search-submit').click();
    await page.getByTestId('item-edit-BGDJ-001').click();
    await page.getByTestId('material-add').click();
    const index = (await page.locator('[data-testid^="material-name-"]').count()) - 1;
    await page.getByTestId(`material-name-${index}`).fill('股东身份证明');
    await page.getByTestId(`material-template-${index}-file`).setInputFiles(minimalPdf());
    await page.getByTestId(`material-template-${index}-link`).waitFor();
    await page.getByTestId('item-form-submit').click();
    // The new material is listed with its template.
    await page.getByTestId('item-detail-materials').getByText('股东身份证明模板.pdf').waitFor();
    await page.screenshot({ path: artifact('services-01-item-detail.png'), fullPage: true });
  });

  it('the enterprise user reads the item and downloads the template', async () => {
    const page = await signedIn('enterprise');
    await page.getByTestId('menu-services-items').click();
    await page.getByTestId('list-search').fill('企业名称变更');
    await page.getByTestId('list-search-submit').click();
    await page.getByTestId('item-link-BGDJ-001').click();
    const materials = page.getByTestId('item-detail-materials');
    await materials.getByText('股东身份证明模板.pdf').waitFor();
    // Readers do not get the editing actions.
    expect(await page.getByTestId('item-edit').count()).toBe(0);
    const link = materials.locator('[data-testid^="template-"]').last();
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toBe('股东身份证明模板.pdf');
  });

  it('the admin sees the extended Spring Festival and a due date across it', async () => {
    const page = await signedIn('admin');
    await page.goto(`${server.url}/services/calendar?year=2020`);
    await expect(page.getByTestId('calendar-day-2020-01-31').getAttribute('data-kind')).resolves.toBe('holiday');
    await expect(page.getByTestId('calendar-day-2020-01-19').getAttribute('data-kind')).resolves.toBe('workday');
    await expect(page.getByTestId('calendar-working-days').innerText()).resolves.toContain('249');
    // antd's DatePicker puts the test id on its input.
    const from = page.getByTestId('due-from');
    await from.fill('2020-01-23');
    await from.press('Enter');
    await page.getByTestId('due-days').fill('3');
    await page.getByTestId('due-result').getByText('2020-02-05').waitFor();
    await page.screenshot({ path: artifact('services-02-calendar.png'), fullPage: true });
  });
});
