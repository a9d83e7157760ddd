// Demo data of the counter's other business in February 2020, as a Zigong-like zone reported it:
// 28 appointments kept at the windows, 211 consultations (a dozen answers in the public FAQ),
// three key construction projects under free agency service at different stages, and a batch of
// returning workers registered online. Past days are written through the repositories with their
// audit records (the services refuse booking the past); open slots ahead come from the service.
import { residentIdCheckChar, type AgencyStage } from '@shuangsheng/contracts';
import type { AppointmentSlotsTable, AppointmentsTable, ConsultationsTable, EmploymentRegistrationsTable } from '../db/schema.js';
import { recordAuditMany } from '../platform/audit.js';
import { addDays, isWorkingDay, todayIn } from '../platform/calendar.js';
import { systemCtx, type Deps } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { bookingCode } from '../modules/services/appointments.policy.js';
import { makeAppointmentsRepo } from '../modules/services/appointments.repo.js';
import { makeConsultationsRepo } from '../modules/services/consultations.repo.js';
import { makeEmploymentRepo } from '../modules/services/employment.repo.js';
import type { Services } from '../services.js';
import { mobile, personName, prng } from './demo-data.js';

/** An instant on a February 2020 day in Beijing (UTC+8), at hh:mm. */
const at = (date: string, hh: number, mm = 0) => Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);

// Published answers (常见问题), in the words the approval bureau used.
const FAQ: [title: string, question: string, answer: string, itemCode: string | null][] = [
  ['疫情期间能否网上办理营业执照？', '我们准备新设一家公司，疫情期间不方便到政务大厅，能不能全程网上办理？', '可以。登录平台选择“企业设立登记”，在线填写信息、上传材料并电子签名，审核通过后即可下载电子营业执照，全程不见面。确需纸质执照的，可选择邮寄送达，费用由政府承担。', 'QYKB-001'],
  ['企业复工需要办理哪些手续？', '我公司计划下周复工，需要向哪个部门报备？要准备什么材料？', '在平台“复工复产”模块在线填报复工报备，上传疫情防控方案、员工健康排查表和防控物资储备清单，园区驻企特派员 1 个工作日内审核。无需到现场递交纸质材料。', null],
  ['社会保险费可以减免吗？', '受疫情影响我公司经营困难，社保费能否减免或缓缴？', '2020 年 2 月至 6 月，中小微企业免征基本养老、失业、工伤保险单位缴费部分；大型企业减半征收。减免由税务部门直接办理，企业无需申请；确有困难的可申请缓缴，缓缴期间不收滞纳金。', 'SW-003'],
  ['延期缴纳税款怎么申请？', '公司现金流紧张，本月增值税能否延期缴纳？', '因疫情影响不能按期缴纳税款的，可在缴款期限届满前通过平台提交“延期缴纳税款申请”，上传资金情况说明，最长可延期 3 个月。税务部门在 5 个工作日内办结。', 'SW-002'],
  ['返岗员工需要做就业登记吗？', '外地员工陆续返岗，需要为他们办理什么登记？', '企业可在平台“就业登记”中下载模板，按姓名、身份证号、联系电话、返岗日期填写后批量上传，系统逐行校验，一次完成登记，符合条件的可享受稳岗和一次性吸纳就业补贴。', 'JYDJ-001'],
  ['预约到政务大厅办事需要注意什么？', '有些材料必须到窗口办理，怎么预约？', '在平台“预约办”中选择事项、日期和上午/下午时段，提交后获得 6 位预约码。请按预约时段到对应窗口出示预约码签到，进厅需测量体温、佩戴口罩。不能按时到达的请提前取消，方便其他企业预约。', null],
  ['重点项目可以申请帮办代办吗？', '我公司有一个新建厂房项目，手续很多，有没有人帮忙跑？', '全区重点建设项目均可申请免费帮办代办。管委会为每个项目指定一名帮办员，从立项、用地规划、工程规划、施工许可到竣工验收、投产全程代办，企业不承担任何费用。', 'GCJS-001'],
  ['建设工程规划许可证多久能办下来？', '施工图已经审查通过，规划许可证需要多长时间？', '材料齐全的，承诺 10 个工作日内办结，法定时限为 20 个工作日。疫情期间实行“容缺受理”，非关键材料可在领证前补齐。', 'GCJS-003'],
  ['公章刻制可以网上备案吗？', '新公司刻章需要去公安局吗？', '不需要。企业设立登记时可同步勾选“公章刻制”，由公安部门在线备案，刻章费用由政府统一承担，印章可与营业执照一同邮寄。', 'QYKB-003'],
  ['企业名称变更后还要做什么？', '名称变更登记完成后，税务、社保信息需要另行变更吗？', '名称变更登记办结后，相关信息通过部门间共享自动推送至税务、社保和公积金部门，企业无需重复提交。银行账户名称变更仍需企业自行到开户行办理。', 'BGDJ-001'],
  ['人才公寓怎么申请？', '引进的技术骨干能否申请人才公寓？', '在高新区企业工作的全日制本科及以上学历或中级以上职称人员可申请，由个人在平台提交“人才公寓租住申请”，企业确认劳动关系后，人才服务中心在 10 个工作日内安排。', 'GGFW-002'],
  ['高新技术企业培育入库有什么条件？', '我们是一家科技型小微企业，能否申请培育入库？', '在高新区注册满一年、上年度研发投入占营业收入 3% 以上、拥有自主知识产权的企业均可申请。入库企业可享受研发费用补助和辅导服务。', 'GGFW-001'],
];

// Questions that stayed open or were answered without publishing: topic stems for the rest of the month.
const TOPICS: [title: string, question: string, answer: string][] = [
  ['口罩等防护物资采购渠道', '企业复工需要的口罩、测温枪从哪里可以采购？', '可向经济发展局登记需求，由物资保障组统一协调调配。'],
  ['员工返岗包车补助', '组织员工包车返岗有没有补助？', '跨省包车返岗的，按实际费用给予 50% 补助，详见惠企政策。'],
  ['厂房租金减免', '租用园区标准厂房，租金能否减免？', '国有平台公司厂房 2 月、3 月租金全免，4 月至 6 月减半。'],
  ['用工缺口如何解决', '复工后缺工约 30 人，能否帮助招聘？', '已登记用工需求，将推送至线上招聘会并由人社局对接。'],
  ['营业执照年报延期', '今年的年报能否延期？', '年报截止日期延至 6 月 30 日，逾期不列入异常名录。'],
  ['发票领用', '新办企业怎样领用发票？', '可在平台申请首次申领发票，税务部门邮寄送达。'],
  ['外地员工隔离要求', '从外省返回的员工需要隔离吗？', '按当地防控指挥部最新要求执行，请关注社区通知。'],
  ['贷款贴息政策', '企业流动资金贷款有贴息吗？', '疫情防控重点保障企业可申请贴息，详见专项资金政策。'],
  ['电子证照能否作为办事凭证', '电子营业执照能用于银行开户吗？', '可以，电子营业执照与纸质执照具有同等法律效力。'],
  ['复工后的防疫检查', '复工后会有检查吗？需要准备什么？', '园区巡查组将开展巡查，请备好防控方案和台账。'],
];

const RETURNING: [name: string, from: string][] = [
  ['刘建华', '510302'], ['陈小红', '510304'], ['张明', '510311'], ['李秀英', '510321'], ['王军', '510322'], ['杨丽', '511025'], ['赵强', '511028'], ['黄敏', '510302'],
  ['周杰', '510304'], ['吴芳', '510311'], ['徐勇', '510321'], ['孙燕', '510322'], ['胡斌', '511025'], ['朱琳', '511028'], ['高峰', '510302'], ['林静', '510304'],
  ['何伟', '510311'], ['郭丽华', '510321'], ['马超', '510322'], ['罗娟', '511025'], ['梁涛', '511028'], ['宋佳', '510302'], ['郑磊', '510304'], ['谢婷', '510311'],
  ['韩冰', '510321'], ['唐亮', '510322'], ['冯雪', '511025'], ['于洋', '511028'], ['董鹏', '510302'], ['萧红', '510304'], ['程刚', '510311'], ['曹丹', '510321'],
  ['袁博', '510322'], ['邓云', '511025'], ['许文', '511028'], ['傅强', '510302'], ['沈梅', '510304'], ['曾凡', '510311'], ['彭辉', '510321'], ['吕萍', '510322'],
];

function residentId(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const FEB_DAYS = Array.from({ length: 29 }, (_, i) => `2020-02-${String(i + 1).padStart(2, '0')}`);

export async function seedServicesExtrasDemo(deps: Deps, services: Services, zoneId: string, userIds: Map<string, string>): Promise<void> {
  const rand = prng(20200301);
  const ctx = systemCtx(zoneId, 'seed-demo');
  const { database, clock, pii } = deps;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const items = (await services.catalogue.list(ctx, { page: 1, pageSize: 200 })).items;
  const itemBy = new Map(items.map((i) => [i.code, i]));
  const enterprises = (await services.enterprises.list(ctx, { page: 1, pageSize: 200, sort: 'outputLastYearFen:desc' })).items;
  const enterpriseUser = userIds.get('enterprise') ?? null;
  const ownEnterprise = enterpriseUser ? ((await services.org.users.get(ctx, enterpriseUser)).enterpriseId ?? null) : null;
  const exceptions = await services.calendar.exceptions(zoneId, '2020-01-01', '2020-12-31');
  const febWorking = FEB_DAYS.filter((d) => isWorkingDay(d, exceptions));

  // ---- 预约办: slots at three windows in February, 28 kept appointments and 3 cancelled.
  const windows: [code: string, window: string][] = [['GCJS-003', '3号窗口'], ['BDC-001', '5号窗口'], ['CJG-001', '8号窗口']];
  const slots: AppointmentSlotsTable[] = [];
  for (const date of febWorking.filter((d) => d >= '2020-02-17')) {
    for (const [code, window] of windows) {
      const item = itemBy.get(code);
      if (!item) continue;
      for (const halfDay of ['am', 'pm']) {
        slots.push({ id: newId(), zone_id: zoneId, item_id: item.id, service_window: window, date, half_day: halfDay, capacity: 6, booked: 0, status: 'open', created_at: at('2020-02-14', 9), updated_at: at('2020-02-14', 9) });
      }
    }
  }
  const bookings: AppointmentsTable[] = [];
  const codes = new Set<string>();
  for (let i = 0; i < 31 && slots.length > 0; i++) {
    const slot = pick(slots);
    const cancelled = i >= 28;
    let code = bookingCode(Uint8Array.from({ length: 6 }, () => Math.floor(rand() * 256)));
    while (codes.has(code)) code = bookingCode(Uint8Array.from({ length: 6 }, () => Math.floor(rand() * 256)));
    codes.add(code);
    const mine = i % 9 === 0 && enterpriseUser && ownEnterprise;
    const enterprise = mine ? ownEnterprise : pick(enterprises).id;
    const phone = pii.protect(mobile(rand));
    const made = at(addDays(slot.date, -2), 10 + (i % 6), (i * 7) % 60);
    const id = newId();
    const status = cancelled ? 'cancelled' : i % 7 === 3 ? 'no_show' : 'checked_in';
    bookings.push({
      id, zone_id: zoneId, slot_id: slot.id, code, user_id: mine ? enterpriseUser : null, enterprise_id: enterprise, contact_name: personName(rand), contact_phone_enc: phone.enc, contact_phone_idx: phone.idx,
      note: i % 5 === 0 ? '携带纸质材料原件核验' : null, status, active_user_id: cancelled ? null : (mine ? enterpriseUser : id), created_at: made, updated_at: made,
      cancelled_at: cancelled ? made + 3_600_000 : null, checked_in_at: status === 'checked_in' ? at(slot.date, slot.half_day === 'am' ? 9 : 14, (i * 11) % 60) : null,
    });
  }
  // The unique constraint allows one active booking per person and slot: the demo user books distinct slots.
  const seen = new Set<string>();
  const uniqueBookings = bookings.filter((b) => {
    if (!b.active_user_id || b.user_id === null) return true;
    const key = `${b.slot_id}:${b.active_user_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // The booked count of a slot is its bookings not cancelled, counted from the rows written.
  for (const slot of slots) slot.booked = uniqueBookings.filter((b) => b.slot_id === slot.id && b.status !== 'cancelled').length;
  await database.db.transaction().execute(async (trx) => {
    const repo = makeAppointmentsRepo(trx, database.dialect);
    await repo.insertSlots(slots);
    for (const b of uniqueBookings) await repo.insertBooking(b);
    await recordAuditMany(trx, clock, ctx, [
      { action: 'appointment_slot.bulk_create', entityType: 'appointment_slot', entityId: slots[0]?.id ?? null, after: { created: slots.length } },
      ...uniqueBookings.map((b) => ({ action: 'appointment.create', entityType: 'appointment', entityId: b.id, after: { slotId: b.slot_id, code: b.code } })),
    ]);
  });
  // Open slots for the coming working days, for trying booking out.
  const today = todayIn(await services.org.zones.timeZoneOf(zoneId), clock.now());
  const ahead = await services.calendar.exceptions(zoneId, today, addDays(today, 20));
  let to = today;
  for (let n = 0; n < 10; ) {
    to = addDays(to, 1);
    if (isWorkingDay(to, ahead)) n++;
  }
  for (const [code, window] of windows.slice(0, 2)) {
    const item = itemBy.get(code);
    if (item) await services.servicesExtras.appointments.bulkCreateSlots(ctx, { itemId: item.id, window, from: addDays(today, 1), to, halfDays: ['am', 'pm'], capacity: 6 });
  }

  // ---- 咨询: 211 questions over February, a dozen of the answers published to the FAQ.
  const answerer = userIds.get('approver') ?? null;
  const answererName = '孙丽（行政审批局）';
  const consultations: ConsultationsTable[] = [];
  for (let i = 0; i < 211; i++) {
    // More questions once the zone started resuming work (from 10 February).
    const day = rand() < 0.8 ? pick(FEB_DAYS.filter((d) => d >= '2020-02-10')) : pick(FEB_DAYS.filter((d) => d < '2020-02-10'));
    const faq = i < FAQ.length ? FAQ[i]! : null;
    const topic = pick(TOPICS);
    const [title, question, answer] = faq ? [faq[0], faq[1], faq[2]] : topic;
    const item = faq?.[3] ? itemBy.get(faq[3]) : undefined;
    const asked = at(day, 8 + Math.floor(rand() * 10), Math.floor(rand() * 60));
    const answered = faq !== null || rand() < 0.85;
    const answeredAt = answered ? asked + (1 + Math.floor(rand() * 20)) * 3_600_000 : null;
    const mine = i % 25 === 0 && enterpriseUser;
    consultations.push({
      id: newId(), zone_id: zoneId, item_id: item?.id ?? null, title, question, asked_by: mine ? enterpriseUser : null, asker_name: mine ? '李娜（企业联络员）' : personName(rand),
      enterprise_id: mine ? ownEnterprise : pick(enterprises).id, asked_on: day, status: answered ? 'answered' : 'open', answer: answered ? answer : null, answered_by: answered ? answerer : null,
      answerer_name: answered ? answererName : null, answered_at: answeredAt, published: faq ? 1 : 0, published_at: faq ? answeredAt! + 3_600_000 : null, created_at: asked, updated_at: answeredAt ?? asked,
    });
  }
  await database.db.transaction().execute(async (trx) => {
    await makeConsultationsRepo(trx, database.dialect).insertMany(consultations);
    await recordAuditMany(trx, clock, ctx, consultations.map((c) => ({ action: 'consultation.create', entityType: 'consultation', entityId: c.id, after: { title: c.title, askedOn: c.asked_on } })));
  });

  // ---- 帮办代办: three key construction projects, free of charge, at different stages.
  const agent = userIds.get('approver');
  if (agent && enterprises.length >= 3) {
    const parks = await services.org.parks.byName(zoneId);
    const park = (name: string) => parks.find((p) => p.name === name)?.id ?? null;
    const done = (plannedOn: string, actualOn: string, note: string | null = null) => ({ status: 'done', planned_on: plannedOn, actual_on: actualOn, note });
    const cases: { projectName: string; enterprise: number; investmentFen: number; park: string; note: string; plan: Partial<Record<AgencyStage, object>> }[] = [
      {
        projectName: '年产 2 万吨锂电池正极材料项目', enterprise: 0, investmentFen: 1_850_000_000_00, park: '板仓工业园', note: '市级重点项目，疫情期间“不见面”审批',
        plan: {
          project_approval: done('2019-11-20', '2019-11-18', '已取得项目备案证明'),
          land_planning: done('2019-12-31', '2019-12-27'),
          engineering_planning: done('2020-02-10', '2020-02-12', '施工图审查线上完成'),
          construction_permit: { status: 'in_progress', planned_on: '2020-02-28', note: '容缺受理，消防设计审查意见待补' },
          completion_acceptance: { status: 'pending', planned_on: '2021-03-31' },
          production: { status: 'pending', planned_on: '2021-06-30' },
        },
      },
      {
        projectName: '通用航空器总装及维修基地', enterprise: 1, investmentFen: 3_200_000_000_00, park: '航空航天产业园', note: '省级重点项目',
        plan: {
          project_approval: done('2020-01-15', '2020-01-10'),
          land_planning: { status: 'in_progress', planned_on: '2020-03-15', note: '土地挂牌出让公告期内' },
          engineering_planning: { status: 'pending', planned_on: '2020-05-15' },
          construction_permit: { status: 'pending', planned_on: '2020-06-30' },
        },
      },
      {
        projectName: '高端阀门智能制造技改项目', enterprise: 2, investmentFen: 460_000_000_00, park: '板仓工业园', note: '技术改造项目，已竣工投产',
        plan: {
          project_approval: done('2018-09-01', '2018-08-28'),
          land_planning: done('2018-10-30', '2018-10-22'),
          engineering_planning: done('2018-12-15', '2018-12-10'),
          construction_permit: done('2019-01-20', '2019-01-16'),
          completion_acceptance: done('2020-01-10', '2020-01-08', '联合验收一次通过'),
          production: done('2020-02-20', '2020-02-18', '复工即投产'),
        },
      },
    ];
    for (const c of cases) {
      await services.servicesExtras.agency.create(
        ctx,
        { projectName: c.projectName, enterpriseId: (c.enterprise === 2 && ownEnterprise) || enterprises[c.enterprise]!.id, investmentFen: c.investmentFen, parkId: park(c.park), agentId: agent, note: c.note },
        c.plan as never,
      );
    }
  }

  // ---- 就业登记: the demo enterprise's 40 returning workers, registered from 17 to 28 February.
  const enterpriseId = ownEnterprise ?? enterprises[0]?.id;
  if (enterpriseId) {
    const rows: EmploymentRegistrationsTable[] = RETURNING.map(([name, area], i) => {
      const registeredOn = febWorking.filter((d) => d >= '2020-02-17')[i % 10] ?? '2020-02-24';
      const returnedOn = addDays(registeredOn, -(i % 4));
      const birth = `19${80 + (i % 18)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
      const id = pii.protect(residentId(area, birth, 100 + i * 3));
      const phone = pii.protect(mobile(rand));
      const created = at(registeredOn, 10, i);
      return {
        id: newId(), zone_id: zoneId, enterprise_id: enterpriseId, name, id_number_enc: id.enc!, id_number_idx: id.idx!, phone_enc: phone.enc!, phone_idx: phone.idx!, returned_on: returnedOn,
        registered_on: registeredOn, created_by: enterpriseUser, created_at: created, updated_at: created,
      };
    });
    await database.db.transaction().execute(async (trx) => {
      await makeEmploymentRepo(trx, database.dialect).insert(rows);
      await recordAuditMany(trx, clock, ctx, rows.map((r) => ({ action: 'employment_registration.import_create', entityType: 'employment_registration', entityId: r.id, after: { enterpriseId, name: r.name, returnedOn: r.returned_on } })));
    });
  }
}
