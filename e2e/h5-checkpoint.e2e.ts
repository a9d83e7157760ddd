// The public checkpoint page (卡口扫码登记) in Chromium on a 360×740 phone, against the built server:
// a closed checkpoint's QR code shows a message and no form; a wrong resident ID check digit is
// caught on the phone; a person with a car and a passenger registers and sees the green result with
// the six-character code; the page remembers them, so the next registration is one tap; a retry
// after an answer lost on the network sends the same Idempotency-Key and registers nothing twice;
// a field the server refuses is marked next to the field. In English too, and a building pass's
// QR page (valid, then revoked). The registrations are counted through the API.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { residentIdCheckChar } from '@shuangsheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
let cookie = '';
const contexts: BrowserContext[] = [];

/** A resident ID number with the right GB 11643 check digit, and the same with a wrong one. */
const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
const ZHANG = residentId('51030219850312201');
const WANG = residentId('51030220120708402');
const WRONG = ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1');

type Checkpoint = { id: string; qrUrl: string };

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { cookie, 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
const tokenOf = (qrUrl: string) => /\/h5\/[cp]\/([A-Za-z0-9_-]+)$/.exec(qrUrl)![1]!;
/** People registered at a checkpoint (one row per person), as the console counts them. */
async function registered(checkpointId: string): Promise<number> {
  return (await call<{ total: number }>('GET', `/api/checkpoints/registrations?checkpointId=${checkpointId}&pageSize=100`)).total;
}

async function phone(locale: 'zh-CN' | 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale, isMobile: true, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  if (locale === 'en-US') {
    await page.goto(`${server.url}/h5/`);
    await page.locator('#lang').click();
  }
  return page;
}
async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}
const shot = (page: Page, name: string) => page.screenshot({ path: artifact(`h5-checkpoint-${name}.png`), fullPage: true });
const postsOf = (page: Page) => {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/public/checkpoints/')) posts.push(r);
  });
  return posts;
};

/** Fills the whole form: the person, a car with one passenger, origin, destination, reason, a declaration of all "no". */
async function fillForm(page: Page, idNumber = ZHANG) {
  await page.locator('#f-name').fill('张三');
  await page.locator('#f-idNumber').fill(idNumber.toLowerCase());
  await page.locator('#f-phone').fill('13812345678');
  await page.locator('#f-direction label').first().click();
  await page.locator('label.check', { has: page.locator('#f-car') }).click();
  await page.locator('#f-plateProvince').selectOption('川');
  await page.locator('#f-plate').fill('c12345');
  await page.locator('#f-add').click();
  await page.locator('#f-passengers-0-name').fill('王小丽');
  await page.locator('#f-passengers-0-idNumber').fill(WANG);
  await page.locator('#f-originProvince').selectOption('重庆');
  await page.locator('#f-originCity').fill('渝北区');
  await page.locator('#f-destination').fill('自贡高新区汇东路');
  await page.locator('.chips button').first().click();
  for (const k of ['fever', 'cough', 'contact', 'highRiskTravel']) await page.locator(`#f-health-${k} label`).first().click();
}

let open: Checkpoint;
let closed: Checkpoint;

beforeAll(async () => {
  server = await startServer({ SHUANGSHENG_DEMO: 'on' });
  browser = await launchBrowser();
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.password('admin') }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const unit = (await call<{ items: { id: string }[] }>('GET', '/api/grid-units?level=community&pageSize=1')).items[0]!;
  await call('PUT', `/api/checkpoints/risk/${unit.id}`, { level: 'medium', controlClass: 'checked', measures: '出入口登记测温，查验健康码；外来人员登记事由', reason: '周边出现病例' });
  open = await call<Checkpoint>('POST', '/api/checkpoints', { name: '自贡东高速出口（e2e）', kind: 'highway_exit', gridUnitId: unit.id, location: 'G85 自贡东收费站' });
  closed = await call<Checkpoint>('POST', '/api/checkpoints', { name: '汇东路临时卡口（e2e）', kind: 'city_road' });
  await call('POST', `/api/checkpoints/${closed.id}/actions/status`, { status: 'closed', reason: '疫情趋缓，撤除卡口' });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the checkpoint page in Chinese', () => {
  let page: Page;
  let posts: Request[];
  beforeAll(async () => {
    page = await phone('zh-CN');
    posts = postsOf(page);
  });

  it("shows a closed checkpoint's message and no form, and an unknown QR code's refusal", async () => {
    await page.goto(`${server.url}/h5/c/${tokenOf(closed.qrUrl)}`);
    const message = page.getByTestId('closed');
    await message.waitFor();
    await expect(message.innerText()).resolves.toContain('已撤除');
    await expect(page.getByTestId('checkpoint').innerText()).resolves.toContain('汇东路临时卡口（e2e）');
    expect(await page.getByTestId('form').count()).toBe(0);
    expect(await page.getByTestId('one-tap').count()).toBe(0);
    await shot(page, 'zh-closed');

    const answer = page.waitForResponse((r) => r.url().includes('/api/public/checkpoints/'));
    await page.goto(`${server.url}/h5/c/NoSuchCheckpointToken00`);
    const body = (await (await answer).json()) as { error: { message: string } };
    await expect(page.getByTestId('error').innerText()).resolves.toBe(body.error.message);
  });

  it('catches a wrong resident ID check digit on the phone, next to the field', async () => {
    await page.goto(`${server.url}/h5/c/${tokenOf(open.qrUrl)}`);
    await page.getByTestId('form').waitFor();
    await expect(page.getByTestId('checkpoint').innerText()).resolves.toContain('自贡东高速出口（e2e）');
    await expect(page.getByTestId('risk').innerText()).resolves.toContain('中风险 · 查验通行');
    // Phone keyboards and autofill: the number pad for the phone, nothing remembered for the ID.
    await expect(page.locator('#f-phone').getAttribute('inputmode')).resolves.toBe('tel');
    await expect(page.locator('#f-idNumber').getAttribute('autocomplete')).resolves.toBe('off');
    await fillForm(page, WRONG);
    await page.getByTestId('submit').click();
    await expect.poll(() => page.locator('#f-idNumber').getAttribute('aria-invalid')).toBe('true');
    await expect(page.locator('#f-idNumber-error').innerText()).resolves.toContain('校验位不符');
    expect(posts).toHaveLength(0);
    // Big touch targets.
    for (const target of [page.getByTestId('submit'), page.locator('#f-direction label').first(), page.locator('#f-health-fever label').last(), page.locator('#f-add')]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await fitsThePhone(page);
    await shot(page, 'zh-id-error');
  });

  it('registers a person with a car and a passenger: the green result with the code', async () => {
    await page.locator('#f-idNumber').fill(ZHANG);
    await expect.poll(() => page.locator('#f-idNumber').getAttribute('aria-invalid')).toBe(null);
    await shot(page, 'zh-form');
    const answer = page.waitForResponse((r) => r.url().endsWith('/registrations'));
    await page.getByTestId('submit').click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const sent = posts[0]!;
    expect(sent.headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(sent.postDataJSON()).toMatchObject({ idNumber: ZHANG, plate: '川C12345', passengers: [{ name: '王小丽', idNumber: WANG, phone: null }], originProvince: '重庆', direction: 'in' });

    const result = page.getByTestId('result');
    await result.waitFor();
    await expect(result.getAttribute('data-result')).resolves.toBe('green');
    await expect(page.getByTestId('colour').getAttribute('data-colour')).resolves.toBe('green');
    await expect(page.getByTestId('colour').innerText()).resolves.toContain('通过');
    const code = await page.getByTestId('code').innerText();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(code).toBe(((await response.json()) as { code: string }).code);
    const text = await result.innerText();
    for (const s of ['自贡东高速出口（e2e）', '进入', '川C12345', '张三', '王小丽']) expect(text).toContain(s);
    await expect(page.getByTestId('person').count()).resolves.toBe(2);
    expect(await registered(open.id)).toBe(2);
    await fitsThePhone(page);
    await shot(page, 'zh-result');
  });

  it('remembers the person on the phone: the next registration is one tap', async () => {
    await page.goto(`${server.url}/h5/c/${tokenOf(open.qrUrl)}`);
    const card = page.getByTestId('one-tap');
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('上次登记：张三 川C12345');
    const button = card.getByTestId('submit');
    await expect(button.innerText()).resolves.toMatch(/本人承诺健康申报均为“否”，\s*一键登记/);
    await fitsThePhone(page);
    await shot(page, 'zh-one-tap');
    const first = await page.getByTestId('code').count();
    expect(first).toBe(0);
    await button.click();
    const result = page.getByTestId('result');
    await result.waitFor();
    await expect(result.getAttribute('data-result')).resolves.toBe('green');
    const body = posts[1]!.postDataJSON() as { health: Record<string, boolean>; passengers: unknown[] };
    expect(body.health).toEqual({ fever: false, cough: false, contact: false, highRiskTravel: false });
    expect(body.passengers).toHaveLength(1);
    expect(posts[1]!.headers()['idempotency-key']).not.toBe(posts[0]!.headers()['idempotency-key']);
    expect(await registered(open.id)).toBe(4);
    await shot(page, 'zh-one-tap-result');
  });

  it('resends the same submission after an answer lost on the network, and registers it once', async () => {
    await page.goto(`${server.url}/h5/c/${tokenOf(open.qrUrl)}`);
    await page.getByTestId('one-tap').waitFor();
    // The first POST reaches the server and is stored, but its answer never reaches the phone.
    let reached = 0;
    await page.route('**/registrations', async (route) => {
      if (reached++ > 0) return route.continue();
      const stored = await route.fetch();
      expect(stored.status()).toBe(201);
      await route.abort('connectionreset');
    });
    await page.getByTestId('submit').click();
    const retry = page.getByTestId('retry');
    await retry.waitFor();
    await expect(page.getByTestId('send-error').innerText()).resolves.toContain('网络异常');
    await shot(page, 'zh-retry');
    expect(await registered(open.id)).toBe(6);

    const answer = page.waitForResponse((r) => r.url().endsWith('/registrations'));
    await retry.click();
    const response = await answer;
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { replayed: boolean }).replayed).toBe(true);
    await page.getByTestId('result').waitFor();
    await page.getByTestId('replayed').waitFor();
    const [lost, again] = posts.slice(-2);
    expect(again!.headers()['idempotency-key']).toBe(lost!.headers()['idempotency-key']);
    expect(await registered(open.id)).toBe(6);
    await page.unroute('**/registrations');
  });

  it("marks a field the server refuses next to the field, and forgets the person's details on request", async () => {
    await page.goto(`${server.url}/h5/c/${tokenOf(open.qrUrl)}`);
    await page.getByTestId('one-tap').waitFor();
    await page.getByTestId('edit').click();
    await page.getByTestId('form').waitFor();
    await expect(page.locator('#f-name').inputValue()).resolves.toBe('张三');
    await expect(page.locator('#f-plate').inputValue()).resolves.toBe('C12345');
    for (const k of ['fever', 'cough', 'contact', 'highRiskTravel']) await page.locator(`#f-health-${k} label`).first().click();
    // The passenger's number is changed on its way, as if the phone's check had been skipped.
    await page.route('**/registrations', (route) => {
      const body = route.request().postDataJSON() as { passengers: { idNumber: string }[] };
      body.passengers[0]!.idNumber = WRONG;
      return route.continue({ postData: JSON.stringify(body) });
    });
    const answer = page.waitForResponse((r) => r.url().endsWith('/registrations'));
    await page.getByTestId('submit').click();
    expect((await answer).status()).toBe(400);
    await expect.poll(() => page.locator('#f-passengers-0-idNumber').getAttribute('aria-invalid')).toBe('true');
    await expect(page.locator('#f-passengers-0-idNumber-error').isVisible()).resolves.toBe(true);
    await page.unroute('**/registrations');
    expect(await registered(open.id)).toBe(6);

    await page.goto(`${server.url}/h5/c/${tokenOf(open.qrUrl)}`);
    await page.getByTestId('forget').click();
    await page.getByTestId('form').waitFor();
    await expect(page.locator('#f-name').inputValue()).resolves.toBe('');
    await page.reload();
    await page.getByTestId('form').waitFor();
    expect(await page.getByTestId('one-tap').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'ss-h5-lang'))).toEqual([]);
  });
});

describe('the checkpoint page in English', () => {
  let page: Page;
  beforeAll(async () => {
    page = await phone('en-US');
  });

  it('shows the form, the ID error and the result in English', async () => {
    await page.goto(`${server.url}/h5/c/${tokenOf(closed.qrUrl)}`);
    await page.getByTestId('closed').waitFor();
    await expect(page.getByTestId('closed').innerText()).resolves.toContain('This checkpoint is closed');
    await shot(page, 'en-closed');

    await page.goto(`${server.url}/h5/c/${tokenOf(open.qrUrl)}`);
    await page.getByTestId('form').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en-US');
    await fillForm(page, WRONG);
    await page.getByTestId('submit').click();
    await expect(page.locator('#f-idNumber-error').innerText()).resolves.toContain('check digit');
    await fitsThePhone(page);
    await shot(page, 'en-id-error');
    await page.locator('#f-idNumber').fill(ZHANG);
    await page.getByTestId('submit').click();
    await page.getByTestId('result').waitFor();
    await expect(page.getByTestId('colour').innerText()).resolves.toContain('Passed');
    await fitsThePhone(page);
    await shot(page, 'en-result');
    await page.getByTestId('done').click();
    await page.getByTestId('one-tap').waitFor();
    await shot(page, 'en-one-tap');
  });
});

describe("a building pass's QR page", () => {
  it('shows the pass in its colour: valid, then revoked', async () => {
    const building = (await call<{ items: { id: string }[] }>('GET', '/api/buildings?pageSize=1')).items[0]!;
    const pass = await call<{ id: string; qrUrl: string; colour: string }>('POST', '/api/checkpoints/passes', {
      buildingId: building.id,
      floor: 3,
      holderName: '赵敏',
      idKind: 'resident_id',
      idNumber: residentId('51030219900101302'),
      phone: '13900001111',
    });
    const page = await phone('zh-CN');
    await page.goto(`${server.url}/h5/p/${tokenOf(pass.qrUrl)}`);
    const card = page.getByTestId('pass');
    await card.waitFor();
    await expect(card.getAttribute('data-verdict')).resolves.toBe('valid');
    await expect(card.getAttribute('data-colour')).resolves.toBe(pass.colour);
    const text = await card.innerText();
    expect(text).toContain('3 层');
    expect(text).toContain('赵*');
    expect(text).not.toContain('赵敏');
    await fitsThePhone(page);
    await shot(page, 'zh-pass');

    await call('POST', `/api/checkpoints/passes/${pass.id}/actions/revoke`, { reason: '员工离职' });
    await page.reload();
    await expect.poll(() => page.getByTestId('pass').getAttribute('data-verdict')).toBe('revoked');
    await expect(page.getByTestId('verdict').innerText()).resolves.toContain('已注销');
    await shot(page, 'zh-pass-revoked');
  });
});
