// The inspections journey of issue 5 (巡查指导), the inspector on a phone (390×844): the admin
// starts a round over 3 parks → the inspector walks one park, one failed item fixed on the spot
// (立行立改, photo after the fix) and one put in the ledger (列入台账) → the server's clock moves to
// the next day and the follow-up job runs → the follow-up visit (每日回访) shows in the inspector's
// list and closes the item with a photo after the fix → the ledger exports to Excel with the item
// closed → the round's coverage shows 1 of 3 parks.
// The server runs in this process (startInProcessServer) so the test moves its clock; every
// browser context gets the same time, so "today" agrees on both sides.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startInProcessServer, type InProcessServer } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

let server: InProcessServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startInProcessServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A signed-in page whose clock reads the server's time (and runs on from there). */
async function signedIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: viewport.width < 500, hasTouch: viewport.width < 500, acceptDownloads: true });
  contexts.push(context);
  await context.clock.install({ time: server.clock.now() });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.password(username));
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status}`);
    return res.json();
  }, url) as Promise<T>;
}
async function postJson<T>(page: Page, url: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ([u, b]) => {
      const res = await fetch(u, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
      if (!res.ok) throw new Error(`${u}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    },
    [url, body] as const,
  ) as Promise<T>;
}

/** A full-page screenshot from the top, once confirmation dialogs have gone. */
async function snap(page: Page, name: string) {
  await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifact(name), fullPage: true });
}

/** A real RGB PNG (a colour gradient), like a small camera photo. */
function photo(name: string, w = 320, h = 240, tint: [number, number, number] = [40, 120, 200]): string {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const o = y * (w * 3 + 1);
    rows[o] = 0;
    for (let x = 0; x < w; x++) {
      rows[o + 1 + x * 3] = (tint[0] + x) & 0xff;
      rows[o + 2 + x * 3] = (tint[1] + y) & 0xff;
      rows[o + 3 + x * 3] = tint[2];
    }
  }
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  const file = artifact(name);
  writeFileSync(file, png);
  return file;
}

type Item = { key: string; place: string; title: string; kind: 'check' | 'number'; threshold: number | null; photoRequired: boolean };
type ParkJson = { parkId: string; parkName: string; inspector: { id: string; name: string } | null; buildings: number; enterprises: number };
type TaskJson = { id: string; kind: string; status: string; parkName: string; roundName: string | null; dueDate: string; findingId: string | null; findingNumber: string | null };
type DraftJson = { disposition: string; responsibleParty: string | null; measure: string | null; deadline: string | null };
type TaskDetailJson = TaskJson & { templateVersion: { items: Item[] } | null; places: { id: string; place: string; answers: { itemKey: string; result: string; finding: DraftJson | null }[] }[]; findings: FindingJson[] };
type FindingJson = { id: string; number: string; status: string; disposition: string; itemKey: string; closedOn: string | null };
type RoundJson = { id: string; name: string; coverage: { parks: { numerator: number; denominator: number } } };

const ROUND = `E2E 全面巡查 ${Date.now().toString(36)}`;
let parks: ParkJson[] = [];
/** How many of the round's parks the demo inspector is responsible for (their tasks are in their list). */
let theirTasks = 0;
let roundId = '';
let taskId = '';
let items: Item[] = [];
let fixKey = '';
let ledgerKey = '';
let ledgerNumber = '';
let fixedNumber = '';

/** Waits until the item card has saved the result it shows. */
async function saved(page: Page, key: string, result: string) {
  await page.locator(`[data-testid="item-${key}"][data-result="${result}"][data-save="saved"]`).waitFor({ timeout: 15_000 });
}

/** Answers every item of the open place: passes (numbers at their standard), photos where required; `fail` handles the failing ones. */
async function answerPlace(page: Page, place: string, fail: Record<string, (page: Page) => Promise<void>>) {
  await page.locator(`[data-testid="place-checklist"][data-place="${place}"]`).waitFor();
  for (const item of items.filter((i) => i.place === place)) {
    const id = `item-${item.key}`;
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    if (item.photoRequired) {
      await page.getByTestId(`${id}-photos-input`).setInputFiles(photo(`upload-${item.key}.png`));
      await page.getByTestId(`${id}-photos-photo`).first().waitFor();
    }
    const failing = fail[item.key];
    if (failing) {
      await page.getByTestId(`${id}-fail`).click();
      await failing(page);
      await saved(page, item.key, 'fail');
    } else if (item.kind === 'number') {
      await page.getByTestId(`${id}-value`).fill(String(item.threshold));
      await page.getByTestId(`${id}-value`).press('Enter');
      await saved(page, item.key, 'pass');
    } else {
      await page.getByTestId(`${id}-pass`).click();
      await saved(page, item.key, 'pass');
    }
  }
}

/** Picks the first option of an antd select (buildings, enterprises of the park). */
async function pickFirst(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
}

describe('a park inspection on a phone, its findings, the next day’s follow-up, the ledger and the coverage', () => {
  it('the admin starts a round over 3 parks', async () => {
    const page = await signedIn('admin', DESKTOP);
    const all = (await getJson<{ items: ParkJson[] }>(page, '/api/inspections/parks?pageSize=200')).items;
    const { items: users } = await getJson<{ items: { id: string; username: string }[] }>(page, '/api/users?q=inspector&pageSize=50');
    const inspectorId = users.find((u) => u.username === 'inspector')!.id;
    // The demo inspector's parks first, one with buildings and enterprises to walk.
    const theirs = all.filter((p) => p.inspector?.id === inspectorId).sort((a, b) => b.buildings + b.enterprises - (a.buildings + a.enterprises));
    const walked = theirs.find((p) => p.buildings > 0 && p.enterprises > 0)!;
    expect(walked).toBeTruthy();
    parks = [walked, ...all.filter((p) => p.inspector && p.parkId !== walked.parkId).slice(0, 2)];
    expect(parks).toHaveLength(3);
    theirTasks = parks.filter((p) => p.inspector?.id === inspectorId).length;

    await page.goto(`${server.url}/inspections/rounds`);
    await page.getByTestId('round-new').first().click();
    await page.getByTestId('round-name').fill(ROUND);
    for (const p of parks) await page.getByTestId(`round-park-${p.parkName}`).check();
    await page.getByTestId('round-submit').click();
    await page.waitForURL(/\/inspections\/rounds\/[0-9a-f-]{36}$/);
    roundId = page.url().split('/').at(-1)!;
    const coverage = page.getByTestId('round-coverage-parks');
    await coverage.and(page.locator('[data-numerator="0"][data-denominator="3"]')).waitFor();
    const round = await getJson<RoundJson>(page, `/api/inspections/rounds/${roundId}`);
    expect(round.name).toBe(ROUND);
    expect(round.coverage.parks).toMatchObject({ numerator: 0, denominator: 3 });
    await snap(page, 'inspections-01-round-started.png');
  });

  it('the inspector walks the park on a phone: one item fixed on the spot, one into the ledger; progress survives a reload', async () => {
    const page = await signedIn('inspector', PHONE);
    await page.goto(`${server.url}/inspections/tasks`);
    const card = page.locator(`[data-testid="task-card"][data-round="${ROUND}"][data-park="${parks[0]!.parkName}"]`);
    await card.waitFor();
    expect(await page.locator(`[data-testid="task-card"][data-round="${ROUND}"]`).count()).toBe(theirTasks);
    await snap(page, 'inspections-02-phone-tasks.png');
    taskId = (await card.getAttribute('data-task-id'))!;
    await card.click();
    await page.waitForURL(new RegExp(`/inspections/tasks/${taskId}`));

    const detail = await getJson<TaskDetailJson>(page, `/api/inspections/tasks/${taskId}`);
    items = detail.templateVersion!.items;
    const checks = (place: string) => items.filter((i) => i.place === place && i.kind === 'check');
    // Fixed on the spot at the entrance; into the ledger in a building (or wherever the next check item is).
    fixKey = checks('entrance')[0]!.key;
    ledgerKey = (checks('building')[0] ?? checks('enterprise')[0] ?? checks('inner')[0] ?? checks('entrance')[1])!.key;

    // 园区入口: the first check item fails and is fixed on the spot, with a photo after the fix.
    await page.getByTestId('place-add-entrance').click();
    await answerPlace(page, 'entrance', {
      [fixKey]: async (p) => {
        await p.getByTestId(`item-${fixKey}-photos-input`).setInputFiles(photo('upload-before.png', 320, 240, [200, 60, 40]));
        await p.getByTestId(`item-${fixKey}-photos-photo`).first().waitFor();
        await p.getByTestId(`item-${fixKey}-disposition-fixed_on_spot`).click();
        await p.getByTestId(`item-${fixKey}-description`).fill('入口未设体温检测点，已当场设置并安排专人测温');
        await p.getByTestId(`item-${fixKey}-after-photos-input`).setInputFiles(photo('upload-after.png', 320, 240, [40, 200, 80]));
        await p.getByTestId(`item-${fixKey}-after-photos-photo`).first().waitFor();
      },
    });
    await snap(page, 'inspections-03-phone-entrance.png');
    await page.getByTestId('place-done').click();

    // 楼宇 and 企业 of the park, then 园区内部; the ledger item's disposition is chosen but left incomplete first.
    const ledgerPlace = items.find((i) => i.key === ledgerKey)!.place;
    for (const place of ['building', 'enterprise', 'inner'] as const) {
      if (!items.some((i) => i.place === place)) continue;
      if (place === 'building' || place === 'enterprise') await pickFirst(page, `place-add-${place}`);
      else await page.getByTestId(`place-add-${place}`).click();
      await answerPlace(page, place, place === ledgerPlace ? { [ledgerKey]: (p) => p.getByTestId(`item-${ledgerKey}-disposition-ledger`).click() } : {});
      await page.getByTestId('place-done').click();
    }

    // The summary names what is missing and submission waits for it.
    await page.getByTestId('submit-missing').waitFor();
    expect(await page.getByTestId('task-submit').isDisabled()).toBe(true);
    await snap(page, 'inspections-04-phone-missing.png');

    // Progress survives a reload: the answers come back from the server.
    await page.reload();
    await page.getByTestId('submit-missing').waitFor();
    const reloaded = await getJson<TaskDetailJson>(page, `/api/inspections/tasks/${taskId}`);
    const answered = reloaded.places.reduce((n, p) => n + p.answers.length, 0);
    expect(answered).toBe(reloaded.places.reduce((n, p) => n + items.filter((i) => i.place === p.place).length, 0));

    // The missing entry leads to the item: who, how, by when.
    await page.getByTestId('missing-link').first().click();
    await page.getByTestId(`item-${ledgerKey}-party`).fill('园区物业管理处');
    await page.getByTestId(`item-${ledgerKey}-measure`).fill('三日内在电梯厅和排队区域补设 1 米线地贴');
    await page.getByTestId(`item-${ledgerKey}-deadline-3`).click();
    await page.locator(`[data-testid="item-${ledgerKey}-disposition"]:not(:has([data-testid="item-${ledgerKey}-lacks"]))`).waitFor();
    await saved(page, ledgerKey, 'fail');
    const ledgerDraft = async () => (await getJson<TaskDetailJson>(page, `/api/inspections/tasks/${taskId}`)).places.flatMap((p) => p.answers).find((a) => a.itemKey === ledgerKey)?.finding;
    await expect.poll(async () => (await ledgerDraft())?.deadline ?? null).not.toBeNull();
    expect(await ledgerDraft()).toMatchObject({ disposition: 'ledger', responsibleParty: '园区物业管理处', measure: '三日内在电梯厅和排队区域补设 1 米线地贴' });
    await page.getByTestId('place-done').click();

    await page.getByTestId('submit-ready').waitFor();
    await page.getByTestId('task-submit').click();
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('findings-made').and(page.locator('[data-count="2"]')).waitFor({ timeout: 15_000 });
    const made = (await getJson<TaskDetailJson>(page, `/api/inspections/tasks/${taskId}`)).findings;
    expect(made.map((f) => f.disposition).sort()).toEqual(['fixed_on_spot', 'ledger']);
    for (const f of made) expect(f.number).toMatch(/^XC-\d{8}-\d{4}$/);
    const ledger = made.find((f) => f.disposition === 'ledger')!;
    expect(ledger).toMatchObject({ itemKey: ledgerKey, status: 'open' });
    expect(made.find((f) => f.disposition === 'fixed_on_spot')).toMatchObject({ itemKey: fixKey, status: 'fixed_on_spot' });
    ledgerNumber = ledger.number;
    fixedNumber = made.find((f) => f.disposition === 'fixed_on_spot')!.number;
    await page.locator(`[data-testid="finding-made"][data-number="${ledgerNumber}"]`).waitFor();
    await page.locator(`[data-testid="task-status"][data-status="submitted"]`).waitFor();
    await snap(page, 'inspections-05-phone-submitted.png');
  });

  it('the next day the follow-up job makes a visit task, and the inspector closes the item with a photo after the fix', async () => {
    server.clock.advance(DAY);
    // Sessions idle for a day have ended: the admin signs in again and runs the job now.
    const admin = await signedIn('admin', DESKTOP);
    const run = await postJson<{ created: number; escalated: number }>(admin, '/api/inspections/jobs/follow-ups/run', {});
    expect(run.created).toBeGreaterThanOrEqual(1);
    // Twice the same day: nothing more.
    expect((await postJson<{ created: number }>(admin, '/api/inspections/jobs/follow-ups/run', {})).created).toBe(0);

    const page = await signedIn('inspector', PHONE);
    await page.goto(`${server.url}/inspections/tasks`);
    const card = page.locator(`[data-testid="tasks-day"] [data-testid="task-card"][data-kind="follow_up"][data-finding="${ledgerNumber}"]`);
    await card.waitFor();
    await snap(page, 'inspections-06-phone-follow-up-task.png');
    await card.click();
    await page.locator(`[data-testid="followup-finding"][data-number="${ledgerNumber}"][data-status="open"]`).waitFor();
    await page.getByTestId('followup-note').fill('已在电梯厅和排队区域补设 1 米线地贴，现场查看间距标识清晰');
    await page.getByTestId('followup-photos-input').setInputFiles(photo('upload-visit.png', 320, 240, [120, 120, 200]));
    await page.getByTestId('followup-photos-photo').first().waitFor();
    await page.getByTestId('followup-close').check();
    await page.getByTestId('followup-after-photos-input').setInputFiles(photo('upload-rectified.png', 320, 240, [40, 180, 120]));
    await page.getByTestId('followup-after-photos-photo').first().waitFor();
    await snap(page, 'inspections-07-phone-follow-up.png');
    await page.getByTestId('followup-submit').click();
    await page.getByTestId('confirm-followup').click();
    await page.getByTestId('followup-done').waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="followup-finding"][data-status="closed"]`).waitFor();
    await page.locator('[data-testid="finding-event"][data-action="close"]').first().waitFor();
    await snap(page, 'inspections-08-phone-closed.png');
  });

  it('the ledger exports to Excel with the item closed, and the round covers 1 of 3 parks', async () => {
    const page = await signedIn('admin', DESKTOP);
    const { items: found } = await getJson<{ items: FindingJson[] }>(page, `/api/inspections/findings?roundId=${roundId}&pageSize=50`);
    expect(found.find((f) => f.number === ledgerNumber)).toMatchObject({ status: 'closed' });
    expect(found.find((f) => f.number === fixedNumber)).toMatchObject({ status: 'fixed_on_spot' });

    // The ledger of the round (its filters in the URL); the export takes the same filters.
    await page.goto(`${server.url}/inspections/ledger?roundId=${roundId}`);
    await page.locator(`[data-testid="finding-status-${ledgerNumber}"][data-status="closed"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()]);
    const file = artifact('inspections-ledger.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    // The header row (a title row may come first) and the row of the closed item.
    const text = (r: ExcelJS.Row) => (r.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v)));
    let statusCol = -1;
    let row: string[] | undefined;
    sheet.eachRow((r) => {
      const values = text(r);
      if (statusCol < 0 && values.includes('状态')) statusCol = values.indexOf('状态');
      if (values.includes(ledgerNumber)) row = values;
    });
    expect(statusCol).toBeGreaterThan(0);
    expect(row, `${ledgerNumber} in the export`).toBeTruthy();
    expect(row![statusCol]).toBe('已销号');
    await snap(page, 'inspections-09-ledger.png');

    await page.goto(`${server.url}/inspections/rounds/${roundId}`);
    const coverage = page.getByTestId('round-coverage-parks');
    await coverage.and(page.locator('[data-numerator="1"][data-denominator="3"]')).waitFor();
    expect((await coverage.textContent())?.replace(/\s/g, '')).toContain('1/3');
    const round = await getJson<RoundJson>(page, `/api/inspections/rounds/${roundId}`);
    expect(round.coverage.parks).toMatchObject({ numerator: 1, denominator: 3 });
    await snap(page, 'inspections-10-coverage.png');
  });
});
