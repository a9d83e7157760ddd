// The no-contact journey of issue 3: an enterprise user applies online for a change registration
// (企业住所变更登记) with two materials → the officer accepts and asks to correct one → the
// applicant uploads it again and resubmits → the officer approves → the e-licence PDF downloads →
// its QR verification page says genuine → the statistics count the application.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  pages.push(page);
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.password(username));
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

function file(name: string, bytes: Buffer): string {
  const path = artifact(name);
  writeFileSync(path, bytes);
  return path;
}
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
// A 1×1 PNG.
const png = (shade: number) =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    Buffer.from('1f15c4890000000d49444154789c63f8cfc0f01f0005000201', 'hex'),
    Buffer.from([shade, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
  ]);

type AppJson = { id: string; number: string | null; status: string; licence: { code: string; verifyUrl: string } | null };
async function appJson(page: Page, id: string): Promise<AppJson> {
  return page.evaluate(async (url) => (await fetch(url)).json(), `/api/applications/${id}`);
}
async function statusIs(page: Page, id: string, status: string) {
  await expect.poll(async () => (await appJson(page, id)).status, { timeout: 15_000 }).toBe(status);
}

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
let applicationId = '';

describe('an online change registration from application to verified licence', () => {
  it('the enterprise user applies with two materials and e-signs the submission', async () => {
    const page = await signedIn('enterprise');
    await page.goto(`${server.url}/services/apply`);
    await page.getByTestId('apply-item-BGDJ-005').click();
    await page.getByTestId('apply-guide').waitFor();
    await page.getByTestId('apply-field-newAddress').fill('示范高新区创新大道 88 号 3 号楼');
    await page.getByTestId('apply-contact-name').fill('王经办');
    await page.getByTestId('apply-contact-phone').fill('13812345678');
    await page.getByTestId('apply-create').click();
    await page.waitForURL(/\/services\/applications\/[0-9a-f-]{36}$/);
    applicationId = page.url().split('/').pop()!;

    await page.getByTestId('apply-material-m1').setInputFiles(file('公司变更登记申请书.pdf', pdf('申请书')));
    await page.getByTestId('app-material-file-m1').getByText('公司变更登记申请书.pdf').waitFor();
    await page.getByTestId('apply-material-m2').setInputFiles(file('新住所租赁合同.png', png(1)));
    await page.getByTestId('app-material-file-m2').getByText('新住所租赁合同.png').waitFor();

    await page.getByTestId('apply-submit').click();
    await page.getByTestId('esign-confirm').click();
    await page.getByTestId('esign-submit').click();
    await statusIs(page, applicationId, 'submitted');
    const app = await appJson(page, applicationId);
    expect(app.number).toMatch(new RegExp(`^SV-${today.replace(/-/g, '')}-\\d{6}$`));
    await page.getByTestId('app-number').getByText(app.number!).waitFor();
    await page.screenshot({ path: artifact('applications-01-submitted.png'), fullPage: true });
  });

  it('the officer accepts it and asks to correct the lease', async () => {
    const page = await signedIn('approver');
    await page.goto(`${server.url}/services/workbench`);
    const { number } = await appJson(page, applicationId);
    await page.getByTestId(`workbench-view-${number}`).waitFor();
    await page.screenshot({ path: artifact('applications-02-workbench.png'), fullPage: true });
    await page.getByTestId(`workbench-view-${number}`).click();
    await page.waitForURL(new RegExp(`/services/applications/${applicationId}$`));
    await page.getByTestId('app-action-accept').click();
    await statusIs(page, applicationId, 'accepted');

    await page.getByTestId('correction-check-m2').click();
    await page.getByTestId('app-action-request_correction').click();
    await page.getByTestId('correction-comment-m2').fill('租赁合同须有出租方盖章，请上传盖章页的清晰扫描件');
    await page.screenshot({ path: artifact('applications-03-correction-dialog.png'), fullPage: true });
    await page.getByTestId('correction-submit').click();
    await statusIs(page, applicationId, 'correction');
  });

  it('the applicant sees the officer’s comment, uploads the lease again and resubmits', async () => {
    const page = pages[0]!;
    await page.reload();
    await page.getByTestId('correction-note-m2').getByText('租赁合同须有出租方盖章').waitFor();
    await page.getByTestId('apply-material-m2').setInputFiles(file('新住所租赁合同（盖章）.png', png(2)));
    await page.getByTestId('app-material-file-m2').getByText('新住所租赁合同（盖章）.png').waitFor();
    await page.getByTestId('app-action-resubmit').click();
    await statusIs(page, applicationId, 'resubmitted');
  });

  it('the officer approves it and the e-licence is issued', async () => {
    const page = pages[1]!;
    await page.reload();
    await page.getByTestId('app-action-approve').click();
    await page.getByTestId('confirm-approve').click();
    await statusIs(page, applicationId, 'approved');
    await page.getByTestId('app-licence').waitFor();
    await page.screenshot({ path: artifact('applications-04-approved.png'), fullPage: true });
  });

  it('the applicant downloads the licence PDF and its QR page says genuine', async () => {
    const page = pages[0]!;
    await page.reload();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('licence-download').click()]);
    const saved = artifact('licence.pdf');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);

    const { licence } = await appJson(page, applicationId);
    expect(licence?.verifyUrl).toBe(`${server.url}/h5/verify/${licence!.code}`);
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(licence!.verifyUrl);
    await phone.getByText('证照真实有效').waitFor();
    await phone.getByText('企业住所变更登记').first().waitFor();
    await phone.screenshot({ path: artifact('applications-05-verify.png'), fullPage: true });
    await phone.close();
  });

  it('the statistics count the application', async () => {
    const page = await signedIn('leader');
    const stats = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/services/stats?from=${today}&to=${today}`);
    // Accepted and approved today online, delivered electronically: counted as no-contact.
    expect(stats.completed).toBe(1);
    expect(stats.completedOnline).toBe(1);
    expect(stats.received).toBeGreaterThanOrEqual(1);
    await page.goto(`${server.url}/services/stats?from=${today}&to=${today}`);
    await page.getByTestId('stats-received').getByText(String(stats.received), { exact: true }).waitFor();
    await page.screenshot({ path: artifact('applications-06-stats.png'), fullPage: true });
  });
});
