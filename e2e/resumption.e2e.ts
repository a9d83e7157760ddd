// The resumption journey of issue 4: an enterprise user files its resumption plan (一企一案)
// with the five in place (五个到位) → its commissioner records the on-site check and approves →
// the enterprise sends a daily report on its phone and raises a labour demand → the statistics
// page counts it resumed in its tier and the demand open.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
const pages: Record<string, Page> = {};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
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
const png = () =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    Buffer.from('1f15c4890000000d49444154789c63f8cfc0f01f0005000201', 'hex'),
    Buffer.from([7, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
  ]);

async function getJson<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status}`);
    return res.json();
  }, url) as Promise<T>;
}

type PlanJson = { id: string; number: string | null; status: string; tier: string; enterpriseId: string; creditCode: string; commissioner: { id: string; name: string } | null; missing: string[] };
type Ratio = { numerator: number; denominator: number; value: number | null };
type StatsJson = { tiers: { tier: string; ratio: Ratio }[]; openDemands: { category: string; open: number; overdue: number }[] };
type DemandJson = { id: string; number: string; category: string; status: string; title: string; enterpriseId: string };

const plan = (page: Page, id: string) => getJson<PlanJson>(page, `/api/resumption/plans/${id}`);
async function planStatusIs(page: Page, id: string, status: string) {
  await expect.poll(async () => (await plan(page, id)).status, { timeout: 15_000 }).toBe(status);
}
const tierOf = (s: StatsJson, tier: string) => s.tiers.find((x) => x.tier === tier)!.ratio;
const labourOpen = (s: StatsJson) => s.openDemands.find((x) => x.category === 'labour')?.open ?? 0;

/** A full-page screenshot from the top (the sticky header stays where it belongs). */
async function snap(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifact(name), fullPage: true });
}

/** Types a date into an antd date picker (its popup open) and checks that it took. */
async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const FIVE = ['specialMeeting', 'resumptionPlan', 'fullInspection', 'safetyEducation', 'preShiftMeeting'] as const;
let planId = '';
let enterpriseId = '';
let employees = 0;
let before: StatsJson;

describe('an enterprise restarts: plan, review, daily report, demand, statistics', () => {
  it('the enterprise user files a plan with the five in place', async () => {
    const leader = await signedIn('leader');
    before = await getJson<StatsJson>(leader, `/api/resumption/stats?asOf=${today}`);
    await leader.context().close();

    const page = await signedIn('enterprise');
    pages.enterprise = page;
    const me = await getJson<{ enterpriseId: string }>(page, '/api/auth/me');
    enterpriseId = me.enterpriseId;
    const history = await getJson<{ current: { status: string; employees: number | null } }>(page, `/api/resumption/enterprises/${enterpriseId}/history`);
    expect(history.current.status).toBe('not_filed');
    employees = history.current.employees ?? 120;

    await page.goto(`${server.url}/resumption/my`);
    await page.getByTestId('my-status').and(page.locator('[data-status="not_filed"]')).waitFor();
    await snap(page, 'resumption-01-my-not-filed.png');
    await page.getByTestId('my-file-plan').click();
    await page.waitForURL(/\/resumption\/plans\/[0-9a-f-]{36}\/edit$/);
    planId = page.url().split('/').at(-2)!;

    // 基本情况: the counts are checked as they are typed (on-site above the employees is refused on the field).
    await pickDate(page, 'plan-plannedStartDate', today);
    await page.getByTestId('plan-employeesTotal').fill(String(employees));
    await page.getByTestId('plan-plannedOnSite').fill(String(employees + 1));
    await page.locator('.ant-form-item-explain-error', { hasText: '不能大于职工总数' }).first().waitFor();
    await page.getByTestId('plan-plannedOnSite').fill(String(Math.ceil(employees * 0.8)));
    await page.getByTestId('plan-returnedToCity').fill(String(Math.ceil(employees * 0.9)));
    await page.getByTestId('plan-stillOutside').fill(String(employees - Math.ceil(employees * 0.9)));
    await page.getByTestId('plan-fromHighRisk').fill('0');
    await page.getByTestId('plan-next').click();

    // 防护物资
    await page.getByTestId('plan-masks').fill('3000');
    await page.getByTestId('plan-thermometers').fill('30');
    await page.getByTestId('plan-disinfectantLitres').fill('80');
    await page.getByTestId('plan-suppliesDays').fill('7');
    await page.getByTestId('plan-next').click();

    // 防控措施 with an attachment
    await page.getByTestId('plan-measure-temperatureChecks').check();
    await page.getByTestId('plan-measure-staggeredCanteen').check();
    await page.getByTestId('plan-measure-isolationRoom').check();
    await page.getByTestId('plan-measure-files-input').setInputFiles(file('防控措施及应急预案.pdf', pdf('防控措施')));
    await page.getByTestId('plan-measure-files-file').getByText('防控措施及应急预案.pdf').waitFor();
    await page.getByTestId('plan-next').click();

    // 五个到位: four of five first — submitting stays impossible while one is missing.
    for (const k of FIVE.slice(0, 4)) {
      await pickDate(page, `plan-five-${k}-date`, today);
      await page.getByTestId(`plan-five-${k}-files-input`).setInputFiles(file(`五个到位-${k}.pdf`, pdf(k)));
      await page.getByTestId(`plan-five-${k}-files-file`).first().waitFor();
      await page.getByTestId(`plan-five-${k}`).and(page.locator('[data-done="true"]')).waitFor();
    }
    await page.getByTestId('plan-next').click();
    await page.getByTestId('plan-contactName').fill('王经理');
    await page.getByTestId('plan-contactPhone').fill('13812345678');
    await expect.poll(() => page.getByTestId('plan-submit').isDisabled()).toBe(true);
    await page.getByTestId('plan-missing-five').getByText('召开一次班前会').waitFor();
    await snap(page, 'resumption-02-plan-one-missing.png');

    await page.getByTestId('plan-missing-five').getByRole('button').click();
    const last = FIVE[4];
    await pickDate(page, `plan-five-${last}-date`, today);
    await page.getByTestId(`plan-five-${last}-files-input`).setInputFiles(file('班前会签到表.pdf', pdf('班前会')));
    await page.getByTestId(`plan-five-${last}-files-file`).getByText('班前会签到表.pdf').waitFor();
    await page.getByTestId('plan-next').click();
    await page.getByTestId('plan-missing-none').waitFor();
    await page.getByTestId('plan-save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 15_000 });
    await snap(page, 'resumption-03-plan-complete.png');

    await page.getByTestId('plan-submit').click();
    await page.getByTestId('confirm-submit').click();
    await page.waitForURL(new RegExp(`/resumption/plans/${planId}$`));
    await planStatusIs(page, planId, 'submitted');
    const submitted = await plan(page, planId);
    expect(submitted.number).toMatch(new RegExp(`^FG-${today.replace(/-/g, '')}-\\d{4}$`));
    expect(submitted.missing).toEqual([]);
    await page.getByTestId('plan-number').getByText(submitted.number!).waitFor();
    await page.getByTestId('plan-hours-left').waitFor();
    await snap(page, 'resumption-04-plan-submitted.png');
  });

  it('its commissioner records the on-site check and approves with a condition', async () => {
    const page = await signedIn('commissioner');
    pages.commissioner = page;
    const me = await getJson<{ id: string }>(page, '/api/auth/me');
    const { number, commissioner } = await plan(page, planId);
    expect(commissioner?.id).toBe(me.id);

    await page.goto(`${server.url}/resumption/plans`);
    await page.getByTestId(`plan-view-${number}`).waitFor();
    await page.getByTestId(`plan-hours-${number}`).waitFor();
    await snap(page, 'resumption-05-queue.png');
    await page.getByTestId(`plan-view-${number}`).click();
    await page.waitForURL(new RegExp(`/resumption/plans/${planId}$`));

    await page.getByTestId('plan-action-check').click();
    await page.getByTestId('site-check-findings').fill('入口设体温检测点，隔离观察室已设置，食堂错峰分餐，消毒台账齐全');
    await page.getByTestId('site-check-photos-input').setInputFiles(file('现场核查.png', png()));
    await page.getByTestId('site-check-photos-file').first().waitFor();
    await page.getByTestId('form-submit').click();
    await page.getByTestId('plan-tab-checks').getByText('（1）').waitFor();
    await page.getByTestId('plan-tab-checks').click();
    await page.getByTestId('site-check').getByText('入口设体温检测点').waitFor();

    await page.getByTestId('plan-action-approve').click();
    await page.getByTestId('approve-condition-add').click();
    await page.getByTestId('approve-condition-0').fill('通勤班车载客不超过 50%');
    await page.getByTestId('approve-submit').click();
    await planStatusIs(page, planId, 'approved');
    await page.getByTestId('plan-conditions').getByText('通勤班车载客不超过 50%').waitFor();
    await page.getByTestId('plan-timeline').locator('[data-action="site_check"]').waitFor();
    await snap(page, 'resumption-06-plan-approved.png');
  });

  it('on its phone, the enterprise sends the daily report (a second one replaces it) and raises a labour demand', async () => {
    const page = await signedIn('enterprise', { width: 390, height: 844 });
    pages.phone = page;
    await page.goto(`${server.url}/resumption/my`);
    await page.getByTestId('my-status').and(page.locator('[data-status="resumed"]')).waitFor();
    await page.getByTestId('my-plan-conditions').getByText('通勤班车载客不超过 50%').waitFor();

    const onSite = Math.floor(employees * 0.7);
    await page.getByTestId('report-staffOnSite').fill(String(onSite - 1));
    await page.getByTestId('report-capacityPct').fill('60');
    await page.getByTestId('report-suppliesDaysLeft').fill('6');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-row').first().waitFor();
    await page.getByTestId('report-replace-note').and(page.locator('[data-existing="true"]')).waitFor();
    // The same day again: the report is replaced, not added.
    await page.getByTestId('report-staffOnSite').fill(String(onSite));
    await page.getByTestId('report-capacityPct').fill('65');
    await page.getByTestId('report-suppliesDaysLeft').fill('6');
    await page.getByTestId('report-submit').click();
    type ReportList = { total: number; items: { staffOnSite: number; capacityPct: number; replaced: boolean }[] };
    await expect.poll(async () => (await getJson<ReportList>(page, `/api/resumption/daily-reports?from=${today}&to=${today}`)).items[0]?.capacityPct).toBe(65);
    const reports = await getJson<ReportList>(page, `/api/resumption/daily-reports?from=${today}&to=${today}`);
    expect(reports.total).toBe(1);
    expect(reports.items[0]).toMatchObject({ staffOnSite: onSite, capacityPct: 65, replaced: true });
    await snap(page, 'resumption-07-phone-report.png');

    await page.getByTestId('my-demands').click();
    await page.waitForURL(/\/resumption\/demands/);
    await page.getByTestId('demand-raise').first().click();
    await page.getByTestId('demand-category-labour').click();
    await page.getByTestId('demand-title').fill('复工缺少熟练焊工 20 名');
    await page.getByTestId('demand-description').fill('外地焊工尚未返岗，订单交付需要熟练焊工 20 名，请协助对接劳务输出地或组织专场招聘。');
    await page.getByTestId('form-submit').click();
    type DemandList = { items: DemandJson[] };
    await expect.poll(async () => (await getJson<DemandList>(page, '/api/resumption/demands?category=labour')).items.filter((d) => d.enterpriseId === enterpriseId && d.status === 'open').length).toBe(1);
    const { items } = await getJson<DemandList>(page, '/api/resumption/demands?category=labour');
    const demand = items.find((d) => d.enterpriseId === enterpriseId)!;
    expect(demand.title).toBe('复工缺少熟练焊工 20 名');
    await page.getByTestId(`demand-status-${demand.number}`).waitFor();
    await snap(page, 'resumption-08-phone-demand.png');
  });

  it('the statistics page shows it resumed in its tier and the labour demand open', async () => {
    const page = await signedIn('leader', { width: 1440, height: 900 });
    const { tier, creditCode } = await plan(page, planId);
    const after = await getJson<StatsJson>(page, `/api/resumption/stats?asOf=${today}`);
    expect(tierOf(after, tier).numerator).toBe(tierOf(before, tier).numerator + 1);
    expect(tierOf(after, tier).denominator).toBe(tierOf(before, tier).denominator);
    expect(labourOpen(after)).toBe(labourOpen(before) + 1);

    await page.goto(`${server.url}/resumption/stats?asOf=${today}`);
    const figure = page.getByTestId(`stats-tier-${tier}`).first();
    await figure.waitFor();
    expect(await figure.getAttribute('data-numerator')).toBe(String(tierOf(after, tier).numerator));
    expect(await figure.getAttribute('data-denominator')).toBe(String(tierOf(after, tier).denominator));
    expect(await page.getByTestId('stats-open-demands-labour').getAttribute('data-open')).toBe(String(labourOpen(after)));
    await page.getByTestId('stats-chart-tiers').locator('canvas').first().waitFor();
    await snap(page, 'resumption-09-stats.png');

    // The status list says the same, as of today.
    await page.goto(`${server.url}/resumption/enterprises?q=${creditCode}`);
    await page.getByTestId(`status-${creditCode}`).and(page.locator('[data-status="resumed"]')).waitFor();
    await snap(page, 'resumption-10-status.png');
  });
});
