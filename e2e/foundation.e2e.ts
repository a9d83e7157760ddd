// The zone admin's first day, in Chromium against the built app: sign in, create a park, import
// enterprises from an xlsx with one bad row (see the error), fix it, import, find an enterprise
// by credit code, open its profile, switch the language to English.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, orgCodeCheckChar } from '@shuangsheng/contracts';
import { artifact, launchBrowser, startServer, type RunningServer } from './harness.js';

function creditCode(body: string): string {
  if (body.length !== 8) throw new Error('the organisation-code body has 8 characters');
  const first17 = `91510300${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

async function workbook(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['统一社会信用代码', '企业名称', '所属园区', '行业门类', '上年产值（万元）', '规上企业', '职工人数', '联系电话']);
  for (const r of rows) ws.addRow(r);
  const file = artifact(`import-${Date.now()}.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (name: string) => page.screenshot({ path: artifact(`foundation-${name}.png`), fullPage: true });

describe('zone admin journey', () => {
  const parkName = 'E2E 测试园区';
  const good1 = creditCode('MAE2E001');
  const good2 = creditCode('MAE2E002');
  const fixed3 = creditCode('MAE2E003');
  const bad3 = fixed3.slice(0, 17) + (fixed3[17] === 'A' ? 'B' : 'A');

  it('signs in as the zone admin', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.password('admin'));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-enterprises').waitFor();
    // The workbench counts the demo zone's records: 300 enterprises, 4 parks.
    await page.getByTestId('stat-enterprises').getByText('300').waitFor();
    await page.getByTestId('stat-parks').getByText('4').waitFor();
    await shot('01-workbench');
  });

  it('creates a park', async () => {
    await page.getByTestId('menu-parks').click();
    await page.getByTestId('list-create').click();
    await page.locator('#name').fill(parkName);
    await page.locator('#address').fill('示范高新区测试大道 1 号');
    await page.locator('#areaSqm').fill('120000');
    await page.locator('#managerName').fill('测试员');
    await page.locator('#managerPhone').fill('13900001111');
    await page.getByTestId('form-submit').click();
    await page.getByRole('cell', { name: parkName }).waitFor();
    await expect(page.getByRole('cell', { name: '139****1111' }).count()).resolves.toBe(1);
    await shot('02-park-created');
  });

  it('imports enterprises: the dry run shows the bad row, the fixed file imports', async () => {
    await page.getByTestId('menu-enterprises').click();
    // Both list pages have an import button: wait for the enterprises page, not the parks page still shown.
    await page.getByTestId('page-title').getByText('企业', { exact: true }).waitFor();
    await page.getByTestId('list-import').click();
    const bad = await workbook([
      [good1, 'E2E 精密制造有限公司', parkName, 'C', 25000, '是', 320, '13800001234'],
      [good2, 'E2E 软件有限公司', parkName, 'I', 800, '否', 45, ''],
      [bad3, 'E2E 物流有限公司', parkName, 'G', 1200, '否', 60, ''],
    ]);
    await page.getByTestId('import-file').setInputFiles(bad);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await expect(errors.innerText()).resolves.toMatch(/4[\s\S]*统一社会信用代码[\s\S]*校验位/);
    await shot('03-import-errors');

    const fixed = await workbook([
      [good1, 'E2E 精密制造有限公司', parkName, 'C', 25000, '是', 320, '13800001234'],
      [good2, 'E2E 软件有限公司', parkName, 'I', 800, '否', 45, ''],
      [fixed3, 'E2E 物流有限公司', parkName, 'G', 1200, '否', 60, ''],
    ]);
    await page.getByTestId('import-file').setInputFiles(fixed);
    await page.getByTestId('import-confirm').waitFor();
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toMatch(/3/);
    await shot('04-import-result');
  });

  it('finds an enterprise by credit code and opens its profile', async () => {
    await page.getByTestId('menu-enterprises').click();
    await page.getByTestId('page-title').getByText('企业', { exact: true }).waitFor();
    await page.getByTestId('list-search').fill(good1);
    await page.getByTestId('list-search-submit').click();
    await page.getByTestId(`enterprise-link-${good1}`).click();
    await expect(page.getByTestId('profile-name').innerText()).resolves.toContain('E2E 精密制造有限公司');
    await expect(page.getByTestId('profile-credit-code').innerText()).resolves.toContain(good1);
    await page.getByText(parkName).first().waitFor();
    await page.getByText('138****1234').first().waitFor();
    await shot('05-profile');
  });

  it('switches the language to English', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en-US').click();
    await page.getByTestId('menu-enterprises').getByText('Enterprises').waitFor();
    await page.getByText('Unified social credit code').first().waitFor();
    expect(await page.getByTestId('profile-credit-code').innerText()).toContain(good1);
    await shot('06-profile-en');
    // The choice survives a reload.
    await page.reload();
    await page.getByText('Unified social credit code').first().waitFor();
  });
});
