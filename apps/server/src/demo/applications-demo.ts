// The demo zone's applications (办件): a history over 3–16 Feb 2020 that reproduces the seed's
// rates at a smaller scale — Ningbo's no-contact rate (160 received, 146 completed online: 91.3%)
// and Jining's fully-electronic establishment (77 opened, 74 fully electronic: 96.1%) — made
// through the services with a clock set to those days, plus a few open applications of today so
// the officer workbench has a live queue.
import ExcelJS from 'exceljs';
import { permissionsOf, type ApplicationActionBody, type FormValues, type Role, type ServiceItem } from '@shuangsheng/contracts';
import type { Clock } from '../platform/clock.js';
import type { Actor, Ctx, Deps } from '../platform/context.js';
import { generatePassword } from '../platform/passwords.js';
import { makeServices, type Services } from '../services.js';
import { mobile, personName, prng } from './demo-data.js';

type Plan = {
  code: string;
  channel: 'online' | 'counter';
  delivery: 'electronic' | 'mail' | 'pickup';
  outcome: 'approved' | 'denied' | 'withdrawn' | 'refused';
  correction?: boolean;
};

const ESTABLISHMENT = ['QYKB-001', 'QYKB-003', 'QYKB-004', 'QYKB-005'];
const OTHERS = ['BGDJ-001', 'BGDJ-002', 'BGDJ-003', 'BGDJ-004', 'BGDJ-005', 'JYDJ-001', 'JYDJ-003', 'SW-001', 'SW-002', 'SW-003', 'GCJS-001', 'GCJS-002', 'BDC-001', 'GGFW-001', 'GGFW-003'];
/** Working days of 3–14 Feb 2020 (the extended Spring Festival ended on 2 Feb). */
const DAYS = ['2020-02-03', '2020-02-04', '2020-02-05', '2020-02-06', '2020-02-07', '2020-02-10', '2020-02-11', '2020-02-12', '2020-02-13', '2020-02-14'];

/** The history's plan: what each application was and how it ended (figures in the header). */
function plans(): Plan[] {
  const out: Plan[] = [];
  // 77 establishments opened: 74 fully electronic online, 3 recorded at the counter.
  for (let i = 0; i < 74; i++) out.push({ code: ESTABLISHMENT[i % ESTABLISHMENT.length]!, channel: 'online', delivery: 'electronic', outcome: 'approved', correction: i % 9 === 4 });
  for (let i = 0; i < 3; i++) out.push({ code: 'QYKB-001', channel: 'counter', delivery: 'pickup', outcome: 'approved' });
  // 83 other items received: 72 completed with no visit, 4 online but picked up, 2 at the counter,
  // 3 denied, 2 withdrawn; and 6 refused at intake (not received).
  for (let i = 0; i < 72; i++) out.push({ code: OTHERS[i % OTHERS.length]!, channel: 'online', delivery: i % 6 === 0 ? 'mail' : 'electronic', outcome: 'approved', correction: i % 7 === 3 });
  for (let i = 0; i < 4; i++) out.push({ code: OTHERS[(i * 4) % OTHERS.length]!, channel: 'online', delivery: 'pickup', outcome: 'approved' });
  for (let i = 0; i < 2; i++) out.push({ code: OTHERS[i + 5]!, channel: 'counter', delivery: 'pickup', outcome: 'approved' });
  for (let i = 0; i < 3; i++) out.push({ code: OTHERS[i + 10]!, channel: 'online', delivery: 'electronic', outcome: 'denied', correction: i === 0 });
  for (let i = 0; i < 2; i++) out.push({ code: OTHERS[i]!, channel: 'online', delivery: 'electronic', outcome: 'withdrawn' });
  for (let i = 0; i < 6; i++) out.push({ code: OTHERS[(i * 2) % OTHERS.length]!, channel: 'online', delivery: 'electronic', outcome: 'refused' });
  return out;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  sheet.addRow(['姓名', '返岗日期']);
  sheet.addRow(['王小明', '2020-02-10']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sampleForm(item: ServiceItem, rand: () => number): FormValues {
  const form: FormValues = {};
  for (const f of item.fields) {
    if (!f.required) continue;
    if (f.type === 'number') form[f.key] = 1 + Math.floor(rand() * 50);
    else if (f.type === 'date') form[f.key] = '2020-02-10';
    else if (f.type === 'select') form[f.key] = f.options?.[0] ?? '';
    else if (f.type === 'checkbox') form[f.key] = true;
    else form[f.key] = `${f.label}（示例）`;
  }
  return form;
}

function actorCtx(zoneId: string, user: { id: string; username: string; displayName: string }, role: Role, enterpriseId: string | null): Ctx {
  const actor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, homeZoneId: zoneId, roles: [role], permissions: permissionsOf([role]), enterpriseId };
  return { actor, zoneId, requestId: null, ip: null, lang: 'zh-CN' };
}

export async function seedApplicationsDemo(
  deps: Deps,
  services: Services,
  zone: { id: string; ctx: Ctx },
  people: { approver: { id: string; username: string; displayName: string }; enterpriseUser: { id: string; username: string; displayName: string; enterpriseId: string } },
  enterpriseIds: string[],
): Promise<void> {
  const rand = prng(20200203);
  // A clock the seed moves through the days, and services that read it.
  let at = Date.parse('2020-02-03T01:30:00Z');
  const clock: Clock = { now: () => at };
  const past = makeServices({ ...deps, clock }, { timeZone: services.timeZone, drawLicencesNow: false });
  const items = new Map((await services.catalogue.list(zone.ctx, { page: 1, pageSize: 200 })).items.map((i) => [i.code, i]));
  const officer = actorCtx(zone.id, people.approver, 'approval_officer', null);

  // Applicants: the demo enterprise user and one user for each of 24 other enterprises.
  const applicants: Ctx[] = [actorCtx(zone.id, people.enterpriseUser, 'enterprise_user', people.enterpriseUser.enterpriseId)];
  for (const [i, enterpriseId] of enterpriseIds.filter((e) => e !== people.enterpriseUser.enterpriseId).slice(0, 24).entries()) {
    const u = await services.org.users.create(zone.ctx, { username: `ent${String(i + 1).padStart(3, '0')}`, displayName: personName(rand), roles: ['enterprise_user'], enterpriseId, password: generatePassword() });
    applicants.push(actorCtx(zone.id, { id: u.id, username: u.username, displayName: u.displayName }, 'enterprise_user', enterpriseId));
  }
  const xlsx = await workbook();

  async function apply(plan: Plan, applicant: Ctx, service: Services) {
    const item = items.get(plan.code);
    if (!item) return null;
    const byOfficer = plan.channel === 'counter';
    const ctx = byOfficer ? officer : applicant;
    const app = await service.applications.create(ctx, {
      itemId: item.id,
      applicantType: 'enterprise',
      enterpriseId: applicant.actor.enterpriseId,
      applicant: { name: applicant.actor.displayName, phone: mobile(rand) },
      channel: plan.channel,
      delivery: plan.delivery,
      mailAddress: plan.delivery === 'mail' ? '示范高新区创新大道 88 号' : null,
      form: sampleForm(item, rand),
    });
    for (const m of item.materials) {
      if (!m.required) continue;
      await service.applications.uploadMaterial(ctx, app.id, m.key, m.fileTypes.includes('pdf') ? PDF : xlsx, `${m.name}.${m.fileTypes.includes('pdf') ? 'pdf' : 'xlsx'}`);
    }
    const sign: ApplicationActionBody = item.fullyElectronic && plan.channel === 'online' ? { eSign: true } : {};
    await service.applications.act(ctx, app.id, 'submit', sign);
    return { app, item, ctx };
  }

  const all = plans();
  for (const [n, plan] of all.entries()) {
    const day = DAYS[n % DAYS.length]!;
    // Submitted in the morning, accepted within the hour, decided the same or the next days.
    at = Date.parse(`${day}T01:00:00Z`) + (n % 40) * 60_000;
    const made = await apply(plan, applicants[n % applicants.length]!, past);
    if (!made) continue;
    const { app, item, ctx } = made;
    at += 45 * 60_000;
    if (plan.outcome === 'refused') {
      await past.applications.act(officer, app.id, 'refuse', { reason: '申请事项不属于本机关职权范围，请向市级部门申请' });
      continue;
    }
    await past.applications.act(officer, app.id, 'accept', {});
    const material = item.materials.find((m) => m.required);
    if (plan.correction && material) {
      at += 60 * 60_000;
      await past.applications.act(officer, app.id, 'request_correction', { corrections: [{ target: 'material', key: material.key, comment: `${material.name}须加盖公章并提供清晰扫描件` }] });
      at += 26 * 60 * 60_000; // the applicant corrects the next day (one working day paused)
      await past.applications.uploadMaterial(ctx, app.id, material.key, material.fileTypes.includes('pdf') ? PDF : xlsx, `${material.name}（补正）.${material.fileTypes.includes('pdf') ? 'pdf' : 'xlsx'}`);
      await past.applications.act(ctx, app.id, 'resubmit', {});
    }
    at += (2 + (n % 5)) * 60 * 60_000 + (n % 3 === 0 ? 24 * 60 * 60_000 : 0);
    if (plan.outcome === 'withdrawn') await past.applications.act(ctx, app.id, 'withdraw', { comment: '企业经营计划调整，撤回申请' });
    else if (plan.outcome === 'denied') await past.applications.act(officer, app.id, 'deny', { reason: '经审查，申请材料反映的情况不符合法定条件' });
    else await past.applications.act(officer, app.id, 'approve', { comment: '材料齐全，符合法定形式，准予办理' });
  }

  // The history's notices were read long ago.
  for (const ctx of [officer, ...applicants]) await past.notifications.markAllRead(ctx);

  // Today's queue: a few submitted, some being reviewed, one waiting for a correction.
  const live = makeServices(deps, { timeZone: services.timeZone, drawLicencesNow: false });
  const today: Plan[] = [
    { code: 'BGDJ-001', channel: 'online', delivery: 'electronic', outcome: 'approved' },
    { code: 'BGDJ-003', channel: 'online', delivery: 'electronic', outcome: 'approved' },
    { code: 'SW-002', channel: 'online', delivery: 'electronic', outcome: 'approved' },
    { code: 'GCJS-002', channel: 'online', delivery: 'mail', outcome: 'approved' },
    { code: 'JYDJ-001', channel: 'online', delivery: 'electronic', outcome: 'approved' },
    { code: 'QYKB-001', channel: 'counter', delivery: 'pickup', outcome: 'approved' },
    { code: 'BDC-001', channel: 'online', delivery: 'electronic', outcome: 'approved' },
  ];
  for (const [n, plan] of today.entries()) {
    const made = await apply(plan, applicants[(n + 1) % applicants.length]!, live);
    if (!made) continue;
    if (n >= 3) await live.applications.act(officer, made.app.id, 'accept', {});
    const material = made.item.materials.find((m) => m.required);
    if (n === 6 && material) {
      await live.applications.act(officer, made.app.id, 'request_correction', { corrections: [{ target: 'material', key: material.key, comment: `${material.name}不清晰，请重新扫描上传` }] });
    }
  }
}
