// The standard specification of park inspection (园区疫情防控巡查指导工作规范) as Zhongguancun Science
// City wrote it in February 2020: park entrances, buildings, enterprises and inner areas — from
// temperature checks at the gate and the register of vehicles to 1-metre spacing, office area per
// person and prevention publicity. The demo's checklist template, version 1.
import type { ChecklistItem } from '@shuangsheng/contracts';

export const STANDARD_CHECKLIST_NAME = '园区疫情防控巡查指导工作规范';
export const STANDARD_CHECKLIST_NOTE = '按园区入口、楼宇、企业、园区内部四类重点区域制定的全流程巡查指导工作规范';

const check = (key: string, place: ChecklistItem['place'], title: string, severity: ChecklistItem['severity'], guidance: string, photoRequired = false): ChecklistItem => ({
  key,
  place,
  title,
  kind: 'check',
  threshold: null,
  comparator: null,
  unit: null,
  min: null,
  max: null,
  photoRequired,
  severity,
  guidance: guidance || null,
});

const number = (
  key: string,
  place: ChecklistItem['place'],
  title: string,
  standard: { threshold: number; comparator: 'gte' | 'lte'; unit: string; min: number; max: number },
  severity: ChecklistItem['severity'],
  guidance: string,
): ChecklistItem => ({ key, place, title, kind: 'number', ...standard, photoRequired: false, severity, guidance });

export const STANDARD_CHECKLIST: ChecklistItem[] = [
  // 园区入口
  check('entrance_temperature', 'entrance', '出入口设置体温检测点，进入人员逐一测温', 'high', '体温 ≥ 37.3 ℃ 者不得进入，并按规定报告；拍摄测温点照片（红外测温设备或人工测温）', true),
  check('entrance_closed', 'entrance', '园区实行封闭管理，只保留必要的出入口', 'medium', '其余出入口封闭并有明显标识'),
  check('vehicle_registration', 'entrance', '进出车辆逐一登记（车牌、驾乘人员、事由）', 'medium', '登记本或电子登记系统均可，抽查当日记录'),
  check('visitor_registration', 'entrance', '外来人员实名登记，非必要不进入园区', 'medium', '快递外卖在入口处交接'),
  check('entrance_masks', 'entrance', '进入人员全部规范佩戴口罩', 'high', '未佩戴口罩者劝返'),
  number('entrance_spacing', 'entrance', '入口排队人员间距不小于 1 米', { threshold: 1, comparator: 'gte', unit: 'm', min: 0, max: 10 }, 'medium', '地面设置 1 米线或“小脚印”提示'),
  // 楼宇
  check('distancing_marks', 'building', '电梯、大堂等公共区域设置 1 米线标识并落实', 'medium', '拍摄地面标识；高峰时段查看执行情况', true),
  number('elevator_load', 'building', '电梯单次乘梯人数不超过 4 人', { threshold: 4, comparator: 'lte', unit: '人', min: 0, max: 30 }, 'medium', '电梯内张贴站位提示'),
  check('building_disinfection', 'building', '公共区域每日消毒并有记录', 'medium', '查看消毒记录表，重点为电梯按钮、门把手、卫生间'),
  check('floor_passes', 'building', '按楼层发放出入证，减少人员交叉', 'low', '不同楼层使用不同颜色出入证'),
  check('building_ventilation', 'building', '公共区域保持通风，中央空调按规定运行', 'low', '全空气系统关闭回风'),
  // 企业
  number('office_area', 'enterprise', '办公区域人均面积不低于 2.5 平方米', { threshold: 2.5, comparator: 'gte', unit: 'm²', min: 0, max: 1000 }, 'medium', '办公面积 ÷ 在岗人数；未达标的安排错峰、轮岗或居家办公'),
  number('desk_distance', 'enterprise', '工位间距不小于 1 米', { threshold: 1, comparator: 'gte', unit: 'm', min: 0, max: 20 }, 'medium', '抽量相邻工位间距'),
  check('staff_health_log', 'enterprise', '建立员工健康台账，每日两次测温并记录', 'medium', '查看当日台账；返京人员隔离期满情况'),
  check('staff_masks', 'enterprise', '员工工作期间规范佩戴口罩', 'high', ''),
  check('canteen_staggered', 'enterprise', '食堂分餐、错峰就餐，不聚集', 'medium', '无食堂的企业选“不适用”'),
  check('isolation_room', 'enterprise', '设置临时隔离观察室', 'high', '有发热人员处置流程'),
  number('supplies_days', 'enterprise', '防护物资储备可用天数不少于 7 天', { threshold: 7, comparator: 'gte', unit: '天', min: 0, max: 365 }, 'medium', '口罩、消毒液、测温枪按在岗人数测算'),
  check('prevention_plan', 'enterprise', '制定疫情防控方案和应急预案，落实“五个到位”', 'medium', '防控专班、防疫物资、防控措施、隔离场所、应急预案'),
  // 园区内部
  check('publicity', 'inner', '张贴防疫宣传材料，设置宣传栏或电子屏', 'low', '宣传材料内容为最新版本'),
  check('inner_disinfection', 'inner', '道路、垃圾收集点等定时消杀', 'medium', '查看消杀记录'),
  check('no_gathering', 'inner', '园区内无人员聚集', 'medium', '关注吸烟点、快递点'),
  check('mask_bins', 'inner', '设置废弃口罩专用收集桶', 'low', ''),
];
