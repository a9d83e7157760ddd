// The checkpoint journey of issue 6 (卡口登记): the zone's duty console is open first (another
// browser, desktop) → on a 360 px phone a traveller opens the checkpoint's QR address, registers
// with their car and sees the green result → the next time it is one tap → checkpoint staff at the
// console enter a measured temperature on that registration by its code, then register someone on
// behalf at 38.1 °C → the duty console shows that alert without a reload → the abnormal case opens
// from the alert → a movement trace with a stated reason finds the traveller's two registrations
// and the person with the fever as a possible contact, and exports them to Excel.
// The server runs in this process (startInProcessServer). To try it against the console's dev
// server: E2E_SERVER_SOURCE=1 E2E_PORT=<api> E2E_WEB_URL=http://127.0.0.1:<vite> (the phone page is
// then read from the API's port, which serves apps/h5/dist).
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { residentIdCheckChar } from '@shuangsheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startInProcessServer, type InProcessServer } from './harness.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1440, height: 900 };
const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
/** The traveller (registers on the phone) and the person with a fever (registered by staff). */
const ZHANG = residentId('51030219850312201');
const LI = residentId('51032119900615302');
const CHECKPOINT = '自贡东高速出口（旅程）';

let server: InProcessServer;
let browser: Browser;
let apiBase = '';
let cookie = '';
const contexts: BrowserContext[] = [];
let checkpoint: { id: string; qrUrl: string };
let duty: Page;
const codes: string[] = [];

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiBase}${url}`, {
    method,
    headers: { cookie, 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
const tokenOf = (qrUrl: string) => /\/h5\/c\/([A-Za-z0-9_-]+)$/.exec(qrUrl)![1]!;

async function signedIn(username: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.password(username));
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** A full-page screenshot from the top, once messages and confirmation dialogs have gone. */
async function snap(page: Page, name: string) {
  await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifact(`checkpoints-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  server = await startInProcessServer();
  browser = await launchBrowser();
  // The console may be served elsewhere (vite); the API and the phone pages are on the server's port.
  apiBase = process.env.E2E_WEB_URL ? `http://127.0.0.1:${process.env.E2E_PORT}` : server.url;
  const login = await fetch(`${apiBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.password('admin') }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  checkpoint = await call('POST', '/api/checkpoints', { name: CHECKPOINT, kind: 'highway_exit', location: 'G85 自贡东收费站' });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a checkpoint: QR registration on a phone, staff entry with a fever, the live alert, the movement trace', () => {
  it('the duty console is open and connected before anything happens', async () => {
    duty = await signedIn('admin');
    await duty.goto(`${server.url}/checkpoints/duty`);
    await duty.locator('[data-testid="alert-stream-state"][data-state="open"]').waitFor({ timeout: 15_000 });
    await duty.getByTestId('alerts-empty').waitFor();
    // Marks this document: a reload would lose it.
    await duty.evaluate(() => ((window as unknown as { __dutyOpened: number }).__dutyOpened = 1));
    await snap(duty, '01-duty-open');
  });

  it('a traveller registers with their car on a 360 px phone from the QR address: green, with a code', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    contexts.push(context);
    const phone = await context.newPage();
    await phone.goto(`${apiBase}/h5/c/${tokenOf(checkpoint.qrUrl)}`);
    await phone.getByTestId('form').waitFor();
    await expect(phone.getByTestId('checkpoint').innerText()).resolves.toContain(CHECKPOINT);
    await phone.locator('#f-name').fill('张三');
    await phone.locator('#f-idNumber').fill(ZHANG);
    await phone.locator('#f-phone').fill('13812345678');
    await phone.locator('#f-direction label').first().click();
    await phone.locator('label.check', { has: phone.locator('#f-car') }).click();
    await phone.locator('#f-plateProvince').selectOption('川');
    await phone.locator('#f-plate').fill('C12345');
    await phone.locator('#f-originProvince').selectOption('重庆');
    await phone.locator('#f-originCity').fill('渝北区');
    await phone.locator('#f-destination').fill('自贡高新区汇东路');
    await phone.locator('.chips button').first().click();
    for (const k of ['fever', 'cough', 'contact', 'highRiskTravel']) await phone.locator(`#f-health-${k} label`).first().click();
    await snap(phone, '02-phone-form');
    await phone.getByTestId('submit').click();
    const result = phone.getByTestId('result');
    await result.waitFor();
    await expect(result.getAttribute('data-result')).resolves.toBe('green');
    await expect(phone.getByTestId('colour').innerText()).resolves.toContain('通过');
    const code = await phone.getByTestId('code').innerText();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    codes.push(code);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await snap(phone, '03-phone-green');

    // The next time, the phone remembers the person: one tap.
    await phone.goto(`${apiBase}/h5/c/${tokenOf(checkpoint.qrUrl)}`);
    const card = phone.getByTestId('one-tap');
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('张三');
    await snap(phone, '04-phone-one-tap');
    await card.getByTestId('submit').click();
    await phone.getByTestId('result').waitFor();
    await expect(phone.getByTestId('result').getAttribute('data-result')).resolves.toBe('green');
    const second = await phone.getByTestId('code').innerText();
    expect(second).not.toBe(code);
    codes.push(second);
    await snap(phone, '05-phone-one-tap-green');

    const listed = await call<{ total: number; items: { code: string; plate: string | null; source: string }[] }>('GET', `/api/checkpoints/registrations?checkpointId=${checkpoint.id}&pageSize=50`);
    expect(listed.total).toBe(2);
    expect(listed.items.map((r) => r.code).sort()).toEqual([...codes].sort());
    expect(listed.items.every((r) => r.plate === '川C12345' && r.source === 'public')).toBe(true);
  });

  it('checkpoint staff enter a temperature by code, then register someone on behalf at 38.1 °C', async () => {
    const desk = await signedIn('checkpoint');
    await desk.goto(`${server.url}/checkpoints/entry`);
    await desk.getByTestId('entry-checkpoint').click();
    await desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: CHECKPOINT }).click();
    await desk.locator(`[data-testid="entry-checkpoint-info"][data-checkpoint="${CHECKPOINT}"]`).waitFor();

    // The traveller shows the code of their second registration: 36.6 °C stays green.
    await desk.getByTestId('entry-code').fill(codes[1]!.toLowerCase());
    await desk.getByTestId('entry-code').press('Enter');
    await desk.locator(`[data-testid="entry-code-result"][data-code="${codes[1]}"]`).waitFor();
    await desk.getByTestId('code-temperature').fill('36.6');
    await desk.getByTestId('code-temperature').press('Enter');
    await expect.poll(async () => (await call<{ items: { code: string; temperature: number | null }[] }>('GET', `/api/checkpoints/registrations?q=${codes[1]}`)).items[0]?.temperature).toBe(36.6);
    await desk.locator('[data-testid="code-person"][data-name="张三"][data-result="green"]').waitFor();

    // Someone on foot, keyed in at the desk: Enter moves from field to field.
    await desk.getByTestId('entry-code-done').click();
    await desk.getByTestId('entry-name').click();
    await desk.keyboard.type('李雷');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('entry-id');
    await desk.keyboard.type(LI);
    await desk.keyboard.press('Enter');
    await desk.keyboard.type('13987654321');
    await desk.keyboard.press('Enter');
    await desk.keyboard.type('38.1');
    await desk.getByTestId('entry-fever-hint').waitFor();
    await desk.keyboard.press('Enter');
    await desk.keyboard.type('四川');
    await desk.keyboard.press('Enter');
    await desk.keyboard.type('成都市');
    await desk.keyboard.press('Enter');
    await desk.keyboard.type('自贡高新区');
    await desk.keyboard.press('Enter');
    await desk.keyboard.type('返岗复工');
    await desk.keyboard.press('Enter');
    const receipt = desk.getByTestId('entry-receipt');
    await receipt.waitFor();
    await expect(receipt.getAttribute('data-result')).resolves.toBe('red');
    await expect(receipt.innerText()).resolves.toContain('李雷');
    // The form is clear for the next person, the cursor back on the first field.
    await expect(desk.getByTestId('entry-name').inputValue()).resolves.toBe('');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('entry-plate');
    await snap(desk, '06-entry-fever');
  });

  it('the duty console shows the alert without a reload', async () => {
    const item = duty.locator('[data-testid="alert-item"][data-name="李雷"]');
    await item.waitFor({ timeout: 15_000 });
    await expect(item.innerText()).resolves.toContain('38.1');
    await expect(item.innerText()).resolves.toContain(CHECKPOINT);
    expect(await duty.evaluate(() => (window as unknown as { __dutyOpened?: number }).__dutyOpened)).toBe(1);
    await expect(duty.getByTestId('alert-count').getAttribute('data-count')).resolves.toBe('1');
    expect(await duty.getByTestId('alert-item').count()).toBe(1);
    // The ledger below has the case too.
    await duty.locator('[data-testid="cases-table"] tr', { hasText: '李雷' }).waitFor();
    await snap(duty, '07-duty-alert');

    await item.getByTestId('alert-open').click();
    await duty.waitForURL(/\/checkpoints\/cases\/[0-9a-f-]{36}$/);
    await expect(duty.getByTestId('case-title').innerText()).resolves.toContain('李雷');
    await expect(duty.getByTestId('case-status').getAttribute('data-status')).resolves.toBe('open');
    await expect(duty.getByTestId('case-temperature').innerText()).resolves.toContain('38.1');
    await expect(duty.getByTestId('case-id-number').innerText()).resolves.toMatch(/^5103\*+\d{3}[\dX]$/);
    await snap(duty, '08-case');
  });

  it('a trace with a stated reason finds both registrations and the possible contact, and exports them', async () => {
    // The contact window starts at the zone's setting.
    await call('PATCH', '/api/checkpoints/settings', { contactWindowMinutes: 45 });
    await duty.goto(`${server.url}/checkpoints/trace`);
    const windowInput = duty.locator('input[data-testid="trace-window"], [data-testid="trace-window"] input').first();
    await expect.poll(() => windowInput.inputValue()).toBe('45');
    await duty.getByTestId('trace-value').fill(ZHANG);
    await duty.getByTestId('trace-submit').click();
    // No reason, no search.
    await duty.getByText('请说明查询事由').first().waitFor();
    await duty.getByTestId('trace-reason').fill('确诊病例密接排查（旅程测试）');
    await duty.getByTestId('trace-submit').click();
    await duty.getByTestId('trace-results').waitFor();
    const stops = duty.getByTestId('trace-stop');
    await expect(stops.count()).resolves.toBe(2);
    expect(await stops.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(codes);
    const contacts = duty.getByTestId('trace-contact');
    await contacts.first().waitFor();
    expect(await contacts.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toContain('李雷');
    // Personal data stays masked on the page.
    expect(await duty.getByTestId('trace-results').innerText()).not.toContain(ZHANG);
    await snap(duty, '09-trace');

    const [download] = await Promise.all([duty.waitForEvent('download'), duty.getByTestId('trace-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = artifact('checkpoints-trace.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells: string[] = [];
    for (const ws of book.worksheets) ws.eachRow((r) => cells.push(...(r.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v)))));
    const text = cells.join(' ');
    for (const c of codes) expect(text).toContain(c);
    expect(text).toContain('李雷');
    expect(text).not.toContain(ZHANG);

    // Each search is audited with its reason.
    const audit = await call<{ items: { action: string }[] }>('GET', '/api/audit?action=checkpoint.trace&pageSize=10');
    expect(audit.items.filter((a) => a.action === 'checkpoint.trace').length).toBeGreaterThanOrEqual(1);
  });
});
