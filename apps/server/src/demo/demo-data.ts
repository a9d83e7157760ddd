// Realistic demo data drawn from the seed (Zigong's Bancang park, Chongqing's three tiers of
// watched enterprises, Hengyang's grid officials). A seeded PRNG keeps it the same on every run.

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_ZONE = { code: 'DEMO', name: '示范高新区' };

export const DEMO_PARKS = [
  { name: '板仓工业园', address: '示范高新区板仓大道 88 号', areaSqm: 5_200_000, managerName: '陈志强', managerPhone: '13880012345', buildings: ['标准厂房 1 号', '标准厂房 2 号', '标准厂房 3 号', '综合服务楼', '研发中心'] },
  { name: '高新科技孵化园', address: '示范高新区创新路 16 号', areaSqm: 380_000, managerName: '刘晓燕', managerPhone: '13980023456', buildings: ['A1 栋', 'A2 栋', 'B1 栋', 'B2 栋', 'C 栋'] },
  { name: '航空航天产业园', address: '示范高新区航空大道 1 号', areaSqm: 2_600_000, managerName: '王海涛', managerPhone: '18980034567', buildings: ['总装厂房', '部件厂房', '试验楼', '办公楼'] },
  { name: '生物医药产业园', address: '示范高新区康平路 9 号', areaSqm: 860_000, managerName: '赵敏', managerPhone: '13518045678', buildings: ['GMP 车间 1', 'GMP 车间 2', '研发大楼', '仓储中心'] },
];

/** Streets > communities > groups (街道 > 社区/村 > 组/小区). */
export const DEMO_GRID: { code: string; name: string; communities: { code: string; name: string; groups: string[] }[] }[] = [
  {
    code: 'ST01', name: '板仓街道', communities: [
      { code: 'ST01-C01', name: '板仓社区', groups: ['一组', '二组', '三组'] },
      { code: 'ST01-C02', name: '双河村', groups: ['一组', '二组'] },
      { code: 'ST01-C03', name: '工业园社区', groups: ['园区一网格', '园区二网格', '园区三网格'] },
    ],
  },
  {
    code: 'ST02', name: '卧龙湖街道', communities: [
      { code: 'ST02-C01', name: '卧龙社区', groups: ['锦湖小区', '龙湖苑', '滨湖花园'] },
      { code: 'ST02-C02', name: '丹桂社区', groups: ['丹桂一组', '丹桂二组'] },
    ],
  },
  {
    code: 'ST03', name: '创新街道', communities: [
      { code: 'ST03-C01', name: '科创社区', groups: ['孵化园网格', '人才公寓'] },
      { code: 'ST03-C02', name: '航空社区', groups: ['航空城一区', '航空城二区'] },
      { code: 'ST03-C03', name: '康平社区', groups: ['医药园网格', '康平小区'] },
    ],
  },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '文', '华', '红', '志强', '海燕', '建国', '晓东', '春梅', '国庆', '玉兰', '德明', '小红', '永刚'];

export function personName(rand: () => number): string {
  return SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!;
}

export function mobile(rand: () => number): string {
  const prefixes = ['138', '139', '135', '136', '137', '150', '151', '158', '159', '177', '180', '181', '187', '189', '199'];
  let rest = '';
  for (let i = 0; i < 8; i++) rest += Math.floor(rand() * 10);
  return prefixes[Math.floor(rand() * prefixes.length)]! + rest;
}

// Name parts: brand word + business + form of company. Industry section per business.
const BRANDS = ['华西', '东方', '长征', '川润', '大西洋', '晨光', '鸿鹤', '运机', '海川', '恒达', '金鑫', '天成', '宏源', '瑞丰', '中昊', '佳利', '新奥', '银河', '星月', '华川', '盛源', '凯达', '明阳', '蓝天', '锦程', '鼎盛', '博瑞', '天际', '和信', '卓越', '汇通', '永安', '龙腾', '九洲', '立信', '启明', '安泰', '恒信', '嘉华', '德润', '兴达', '丰源', '康泰', '信达', '荣昌', '泰和', '通达', '万象', '正大', '中科', '华创', '远航', '天翼', '金桥', '宏图', '创新', '众诚', '宝兴', '新材', '恒力'];
const BUSINESSES: { word: string; industry: string }[] = [
  { word: '能源装备', industry: 'C' },
  { word: '锅炉', industry: 'C' },
  { word: '焊接材料', industry: 'C' },
  { word: '输送机械', industry: 'C' },
  { word: '阀门', industry: 'C' },
  { word: '新材料', industry: 'C' },
  { word: '精细化工', industry: 'C' },
  { word: '汽车零部件', industry: 'C' },
  { word: '智能装备', industry: 'C' },
  { word: '电子科技', industry: 'C' },
  { word: '航空部件', industry: 'C' },
  { word: '无人机', industry: 'C' },
  { word: '生物制药', industry: 'C' },
  { word: '医疗器械', industry: 'C' },
  { word: '食品', industry: 'C' },
  { word: '包装材料', industry: 'C' },
  { word: '电力工程', industry: 'E' },
  { word: '建设工程', industry: 'E' },
  { word: '物流', industry: 'G' },
  { word: '供应链管理', industry: 'G' },
  { word: '软件', industry: 'I' },
  { word: '信息技术', industry: 'I' },
  { word: '大数据', industry: 'I' },
  { word: '检测技术', industry: 'M' },
  { word: '工程设计', industry: 'M' },
  { word: '环保科技', industry: 'N' },
  { word: '商贸', industry: 'F' },
  { word: '医药连锁', industry: 'F' },
  { word: '物业服务', industry: 'K' },
  { word: '人力资源', industry: 'L' },
  { word: '热力', industry: 'D' },
  { word: '酒店管理', industry: 'H' },
];
const FORMS = ['有限公司', '股份有限公司', '科技有限公司', '集团有限公司', '制造有限公司'];

export function enterpriseName(rand: () => number, used: Set<string>, tier: string): { name: string; industry: string } {
  for (;;) {
    const brand = BRANDS[Math.floor(rand() * BRANDS.length)]!;
    const biz = BUSINESSES[Math.floor(rand() * BUSINESSES.length)]!;
    const form = tier === 'ten_billion' ? '集团有限公司' : tier === 'billion' ? '股份有限公司' : FORMS[Math.floor(rand() * FORMS.length)]!;
    const name = `自贡${brand}${biz.word}${form}`;
    if (!used.has(name)) {
      used.add(name);
      return { name, industry: biz.industry };
    }
  }
}

/** The demo's spread over the tiers (Chongqing's figures): 4, 11 and 102 in the three watched classes. */
export const TIER_COUNTS = { ten_billion: 4, billion: 11, hundred_million: 102, other: 183 } as const;

/** Output in yuan for a tier, spread inside its range. */
export function outputYuan(rand: () => number, tier: keyof typeof TIER_COUNTS): number {
  const span: Record<keyof typeof TIER_COUNTS, [number, number]> = {
    ten_billion: [1.0e10, 3.2e10],
    billion: [1.0e9, 8.5e9],
    hundred_million: [1.0e8, 9.2e8],
    other: [2.0e6, 9.5e7],
  };
  const [lo, hi] = span[tier];
  // Skewed towards the lower end, as real distributions are.
  return Math.round((lo + (hi - lo) * rand() ** 2) / 10000) * 10000;
}

export const DEMO_USERS: { username: string; displayName: string; role: string }[] = [
  { username: 'admin', displayName: '周建明（管委会办公室）', role: 'zone_admin' },
  { username: 'platform', displayName: '平台运维', role: 'platform_admin' },
  { username: 'approver', displayName: '孙丽（行政审批局）', role: 'approval_officer' },
  { username: 'commissioner', displayName: '黄志刚（驻企特派员）', role: 'commissioner' },
  { username: 'commissioner2', displayName: '罗敏（服务专员）', role: 'commissioner' },
  { username: 'inspector', displayName: '吴涛（巡查组）', role: 'inspector' },
  { username: 'checkpoint', displayName: '郑勇（卡口）', role: 'checkpoint_staff' },
  { username: 'policy', displayName: '何芳（经济发展局）', role: 'policy_officer' },
  { username: 'investment', displayName: '冯磊（投资促进局）', role: 'investment_officer' },
  { username: 'labour', displayName: '曹静（人社局）', role: 'labour_officer' },
  { username: 'leader', displayName: '梁国庆（管委会主任）', role: 'leader' },
  { username: 'enterprise', displayName: '李娜（企业联络员）', role: 'enterprise_user' },
];

export const DEMO_TEAMS = {
  leading: { name: '疫情防控和复工复产领导小组', duties: '统筹全区疫情防控与经济恢复“两手抓、两不误”' },
  working: [
    { name: '复工复产组', duties: '企业复工报备、一企一案审核、驻企服务' },
    { name: '巡查指导组', duties: '园区、楼宇、企业巡查与整改台账' },
    { name: '宣传组', duties: '政策宣贯、防疫宣传' },
    { name: '后勤保障组', duties: '防护物资筹集与调配' },
  ],
  others: [
    { kind: 'service_team', name: '驻企服务队', duties: '24 小时驻企审批服务' },
    { kind: 'inspection_team', name: '园区巡查一队', duties: '一园一人、挂图作战' },
    { kind: 'task_force', name: '复工复产专班', duties: '协调用工、物资、原材料、物流' },
  ],
} as const;
