// Texts of the resumption demo: major projects (Zigong restarted 40 first), what the commissioners
// found on their visits, the 14 policy measures in 5 areas they explained (Chongqing), the financing
// needs of 11 enterprises (340 million yuan), and the demands enterprises raised.
import type { DemandCategory } from '@shuangsheng/contracts';

const PROJECT_KINDS = ['新能源汽车零部件产业园', '锂电池隔膜生产线', '高端阀门智能制造基地', '生物医药创新中心', '航空发动机零部件项目', '工业机器人产业园', '节能环保装备基地', '集成电路封装测试项目', '化工新材料项目', '冷链物流中心', '智能电网装备项目', '食品精深加工园'];
const PHASES = ['（一期）', '（二期）', '（三期）', '配套工程'];
/** 46 major projects: 40 of them restart by 24 Feb. */
export const PROJECT_NAMES: string[] = Array.from({ length: 46 }, (_, n) => `${PROJECT_KINDS[n % PROJECT_KINDS.length]}${PHASES[Math.floor(n / PROJECT_KINDS.length)]}`);

/** Chongqing's 14 policy measures in 5 areas, as the commissioners explain them. */
export const POLICY_TALK = '宣讲《支持企业复工复产的 14 条政策措施》（减负降本、金融支持、稳岗用工、物资保障、优化服务 5 个方面），重点讲解社保费减免和贷款贴息';

type Problem = { category: DemandCategory; title: string; description: string; department?: string };
export const VISIT_TALKS: { content: string; problems: Problem[] }[] = [
  { content: '走访了解复工准备情况，检查测温点和隔离观察室设置', problems: [] },
  { content: '指导企业完善“五个到位”资料，核对返岗员工健康台账', problems: [{ category: 'labour', title: '湖北籍员工暂不能返岗', description: '有 35 名湖北籍员工无法返岗，关键岗位缺人，需协调招聘临时工', department: '人社局' }] },
  { content: '了解原材料库存和上下游配套企业复工情况', problems: [{ category: 'materials', title: '上游钢材供应中断', description: '主要钢材供应商未复工，库存仅够 5 天生产', department: '经济发展局' }] },
  { content: '检查车间通风消毒和食堂错峰就餐落实情况', problems: [] },
  { content: '协调物流通行，了解产品发运困难', problems: [{ category: 'logistics', title: '货车通行证办理', description: '运输车辆跨市通行受阻，需办理重点物资运输车辆通行证', department: '交通运输局' }] },
  { content: '宣讲稳岗返还和社保减免政策，收集企业困难', problems: [{ category: 'policy', title: '社保费减免申报', description: '企业不清楚阶段性减免社保费的申报流程，请指导办理', department: '人社局' }] },
  { content: '走访复工企业，核查员工返岗和防护物资储备', problems: [{ category: 'supplies', title: '口罩储备不足', description: '现有口罩仅够 2 天使用，请协调调拨 5000 只', department: '管委会应急物资组' }] },
  { content: '了解企业环评审批进度，推动技改项目复工', problems: [{ category: 'approval', title: '技改项目环评批复', description: '技改项目环评报告已报送，请加快审批以便复工建设', department: '行政审批局' }] },
];

/** Financing needs (万元) of 11 watched enterprises: 34,000 万元 = 340 million yuan. */
export const FUNDING_NEEDS = [6000, 5000, 4500, 4000, 3500, 3000, 2500, 2000, 1500, 1200, 800];

/**
 * Demands enterprises raised (or the zone logged for them), by the enterprise's index in the
 * seed's order; `dueHours` shorter than the zone's default makes a few overdue by the 24th.
 */
export const DEMAND_SCRIPT: { index: number; day: string; category: DemandCategory; title: string; description: string; dueHours?: number }[] = [
  { index: 1, day: '2020-02-11', category: 'labour', title: '返岗员工集中隔离安排', description: '外省返岗员工 40 人需集中隔离观察，请协调隔离场所' },
  { index: 3, day: '2020-02-12', category: 'logistics', title: '原料运输车辆通行', description: '原料运输车辆在高速出口被劝返，请协调绿色通道' },
  { index: 5, day: '2020-02-13', category: 'supplies', title: '消毒液采购困难', description: '市场上买不到 84 消毒液，请协调采购渠道' },
  { index: 9, day: '2020-02-14', category: 'policy', title: '租金减免政策咨询', description: '租用国有厂房，咨询租金减免政策（板仓园区 346 万元租金减免）' },
  { index: 12, day: '2020-02-15', category: 'labour', title: '招聘普工 100 名', description: '订单恢复，需招聘普工 100 名，请组织线上招聘会' },
  { index: 14, day: '2020-02-16', category: 'materials', title: '包装材料断供', description: '包装纸箱供应商未复工，影响产品出库' },
  { index: 17, day: '2020-02-17', category: 'approval', title: '施工许可证延期', description: '在建厂房施工许可证到期，请办理延期' },
  { index: 19, day: '2020-02-18', category: 'other', title: '员工子女看护', description: '学校未开学，双职工员工子女无人看护，影响返岗' },
  { index: 23, day: '2020-02-19', category: 'supplies', title: '红外测温仪缺口', description: '厂区三个出入口需红外测温仪 6 台' },
  { index: 2, day: '2020-02-21', category: 'logistics', title: '出口货物订舱困难', description: '港口运力紧张，出口订单无法按期发运', dueHours: 24 },
  { index: 7, day: '2020-02-21', category: 'labour', title: '员工返岗包车', description: '省内 60 名员工需包车点对点返岗', dueHours: 36 },
  { index: 10, day: '2020-02-22', category: 'materials', title: '进口零部件清关', description: '进口零部件清关时间延长，请协调海关加快通关', dueHours: 24 },
  { index: 36, day: '2020-02-22', category: 'policy', title: '稳岗补贴申领', description: '请指导申领稳岗返还补贴' },
  { index: 40, day: '2020-02-23', category: 'policy', title: '应急转贷政策咨询', description: '一笔贷款将到期，咨询应急转贷资金的申请条件' },
  { index: 45, day: '2020-02-23', category: 'labour', title: '技术工人短缺', description: '焊工、电工等技术工人短缺 20 名' },
  { index: 50, day: '2020-02-24', category: 'supplies', title: '防护服需求', description: '喷涂车间需防护服 200 套' },
  { index: 60, day: '2020-02-24', category: 'logistics', title: '快递揽收恢复', description: '园区快递网点未恢复揽收，样品无法寄出' },
  { index: 120, day: '2020-02-24', category: 'other', title: '员工通勤班车', description: '公交未恢复，需开通园区通勤班车' },
];
