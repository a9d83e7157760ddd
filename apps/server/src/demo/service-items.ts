// The demo zone's service catalogue (事项清单): items the seed's zones ran online in 2020 — enterprise
// establishment (Jining: 96.10% fully electronic), change registration (Hefei), employment
// registration for returning workers (Ningbo), real estate, tax, vehicles, construction permits
// with free agency service (Qingdao's green channel), public services.
import type { ServiceField, ServiceItemInput } from '@shuangsheng/contracts';

type M = [name: string, required: boolean, types?: ('pdf' | 'jpeg' | 'png' | 'xlsx' | 'docx')[]];

const m = (list: M[]) => list.map(([name, required, types], i) => ({ key: `m${i + 1}`, name, required, fileTypes: types ?? ['pdf', 'jpeg', 'png'], templateFileId: null, note: null }));

const guide = (name: string, dept: string, extra: string[] = []) =>
  [
    `## ${name}：网上办事申报流程`,
    '',
    `实施部门：${dept}。本事项支持“不见面审批”，全程网上提交、网上审核、结果快递或电子送达。`,
    '',
    '1. 登录双胜平台，在 **事项清单** 中找到本事项，阅读办事指南。',
    '2. 点击“我要申请”，按页面提示填写申请信息。',
    '3. 按 **申请材料** 清单逐项上传材料（清晰的扫描件或照片），可下载材料模板参照填写。',
    '4. 提交后可随时查看办理进度；如收到 **补正** 通知，请按审批人员的指导意见修改后重新提交，补正期间不计入办理时限。',
    '5. 办结后下载电子证照或选择邮寄送达。',
    ...extra,
    '',
    '咨询电话：0813-12345（工作日 9:00–17:00）。疫情防控期间，请优先选择网上办理或预约办理。',
  ].join('\n');

type Item = Omit<ServiceItemInput, 'guide' | 'materials' | 'fields'> & { materials: M[]; fields?: ServiceField[]; notes?: string[] };

const ITEMS: Item[] = [
  // ---- enterprise establishment 企业开办
  { code: 'QYKB-001', name: '企业设立登记（有限责任公司）', department: '市场监督管理局', category: 'enterprise_establishment', applicantTypes: ['enterprise', 'person'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['公司登记（备案）申请书', true, ['pdf']], ['公司章程', true, ['pdf', 'docx']], ['股东主体资格证明', true], ['法定代表人、董事、监事和经理的任职文件及身份证明', true], ['住所使用证明', true]],
    fields: [
      { key: 'enterpriseName', label: '拟设立企业名称', type: 'text', required: true },
      { key: 'registeredCapital', label: '注册资本（万元）', type: 'number', required: true },
      { key: 'businessScope', label: '经营范围', type: 'text', required: true },
      { key: 'needSeal', label: '同步申请刻制印章', type: 'checkbox', required: false },
    ] },
  { code: 'QYKB-002', name: '个体工商户设立登记', department: '市场监督管理局', category: 'enterprise_establishment', applicantTypes: ['person'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['个体工商户登记（备案）申请书', true, ['pdf']], ['经营者身份证明', true], ['经营场所使用证明', true]],
    fields: [{ key: 'shopName', label: '字号名称', type: 'text', required: false }, { key: 'businessScope', label: '经营范围', type: 'text', required: true }] },
  { code: 'QYKB-003', name: '公章刻制备案', department: '公安局', category: 'enterprise_establishment', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['营业执照', true], ['法定代表人身份证明', true]],
    fields: [{ key: 'sealTypes', label: '印章种类', type: 'select', required: true, options: ['公章', '财务专用章', '发票专用章', '合同专用章'] }] },
  { code: 'QYKB-004', name: '新办纳税人首次申领发票', department: '税务局', category: 'enterprise_establishment', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['经办人身份证明', true], ['发票专用章印模', true, ['pdf', 'jpeg', 'png']]],
    fields: [{ key: 'invoiceKind', label: '发票种类', type: 'select', required: true, options: ['增值税普通发票', '增值税专用发票'] }, { key: 'monthlyQuantity', label: '每月最高领用数量', type: 'number', required: true }] },
  { code: 'QYKB-005', name: '单位社会保险登记', department: '人力资源和社会保障局', category: 'enterprise_establishment', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['营业执照', true], ['社会保险登记表', true, ['pdf', 'xlsx']]] },
  // ---- change registration 变更登记
  { code: 'BGDJ-001', name: '企业名称变更登记', department: '市场监督管理局', category: 'change_registration', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['公司变更登记（备案）申请书', true, ['pdf']], ['股东会关于变更名称的决议', true, ['pdf']], ['修改后的公司章程或章程修正案', true, ['pdf', 'docx']]],
    fields: [{ key: 'newName', label: '变更后名称', type: 'text', required: true }] },
  { code: 'BGDJ-002', name: '法定代表人变更登记', department: '市场监督管理局', category: 'change_registration', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['公司变更登记（备案）申请书', true, ['pdf']], ['任免文件', true, ['pdf']], ['新任法定代表人身份证明', true]],
    fields: [{ key: 'newRepresentative', label: '新任法定代表人姓名', type: 'text', required: true }] },
  { code: 'BGDJ-003', name: '经营范围变更登记', department: '市场监督管理局', category: 'change_registration', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['公司变更登记（备案）申请书', true, ['pdf']], ['股东会决议', true, ['pdf']], ['章程修正案', true, ['pdf', 'docx']], ['前置审批文件（涉及许可经营项目的）', false]],
    fields: [{ key: 'newScope', label: '变更后经营范围', type: 'text', required: true }] },
  { code: 'BGDJ-004', name: '注册资本变更登记', department: '市场监督管理局', category: 'change_registration', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 3, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['公司变更登记（备案）申请书', true, ['pdf']], ['股东会决议', true, ['pdf']], ['减资公告证明（减资的）', false]],
    fields: [{ key: 'newCapital', label: '变更后注册资本（万元）', type: 'number', required: true }, { key: 'changeDate', label: '决议日期', type: 'date', required: true }] },
  { code: 'BGDJ-005', name: '企业住所变更登记', department: '市场监督管理局', category: 'change_registration', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '营业执照',
    materials: [['公司变更登记（备案）申请书', true, ['pdf']], ['新住所使用证明', true]],
    fields: [{ key: 'newAddress', label: '变更后住所', type: 'text', required: true }] },
  // ---- employment registration 就业登记
  { code: 'JYDJ-001', name: '返岗人员就业登记', department: '人力资源和社会保障局', category: 'employment_registration', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['返岗人员花名册（Excel）', true, ['xlsx']], ['劳动合同（首页及签字页）', false, ['pdf']]],
    fields: [{ key: 'returnDate', label: '集中返岗日期', type: 'date', required: true }, { key: 'headcount', label: '返岗人数', type: 'number', required: true }],
    notes: ['', '企业可批量上传返岗员工名单，系统逐行校验身份证号、手机号和返岗日期。'] },
  { code: 'JYDJ-002', name: '失业登记', department: '人力资源和社会保障局', category: 'employment_registration', applicantTypes: ['person'], legalDays: 5, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '就业创业证',
    materials: [['本人身份证明', true], ['解除或终止劳动关系证明', true, ['pdf', 'jpeg', 'png']]] },
  { code: 'JYDJ-003', name: '企业用工备案', department: '人力资源和社会保障局', category: 'employment_registration', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 2, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: null,
    materials: [['用工备案花名册', true, ['xlsx']]] },
  // ---- real estate 不动产
  { code: 'BDC-001', name: '国有建设用地使用权首次登记', department: '自然资源和规划局', category: 'real_estate', applicantTypes: ['enterprise'], legalDays: 30, promisedDays: 5, onlineEnabled: true, fullyElectronic: false, agencyEligible: true, licenceName: '不动产权证书',
    materials: [['不动产登记申请书', true, ['pdf']], ['土地出让合同及价款缴清证明', true, ['pdf']], ['地籍调查成果', true, ['pdf']], ['完税凭证', true]] },
  { code: 'BDC-002', name: '房屋所有权转移登记', department: '自然资源和规划局', category: 'real_estate', applicantTypes: ['enterprise', 'person'], legalDays: 30, promisedDays: 5, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: '不动产权证书',
    materials: [['不动产登记申请书', true, ['pdf']], ['买卖合同', true, ['pdf']], ['申请人身份证明', true], ['完税凭证', true]] },
  { code: 'BDC-003', name: '不动产抵押权登记', department: '自然资源和规划局', category: 'real_estate', applicantTypes: ['enterprise', 'person'], legalDays: 30, promisedDays: 3, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: '不动产登记证明',
    materials: [['不动产登记申请书', true, ['pdf']], ['主债权合同及抵押合同', true, ['pdf']], ['不动产权证书', true]] },
  // ---- tax 税务
  { code: 'SW-001', name: '增值税一般纳税人登记', department: '税务局', category: 'tax', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['增值税一般纳税人登记表', true, ['pdf', 'xlsx']]] },
  { code: 'SW-002', name: '延期缴纳税款申请', department: '税务局', category: 'tax', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 5, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['延期缴纳税款申请审批表', true, ['pdf', 'xlsx']], ['受疫情影响生产经营困难的说明', true, ['pdf', 'docx']], ['货币资金余额情况', true, ['pdf', 'xlsx']]],
    fields: [{ key: 'amount', label: '申请延期税款（元）', type: 'number', required: true }, { key: 'until', label: '申请延至', type: 'date', required: true }] },
  { code: 'SW-003', name: '阶段性减免企业社会保险费申请', department: '税务局', category: 'tax', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 3, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: null,
    materials: [['减免申请表', true, ['pdf', 'xlsx']]],
    fields: [{ key: 'size', label: '企业规模', type: 'select', required: true, options: ['大型企业', '中型企业', '小型企业', '微型企业'] }] },
  // ---- vehicles and drivers 车驾管
  { code: 'CJG-001', name: '机动车注册登记', department: '公安局交通警察支队', category: 'vehicle_driver', applicantTypes: ['enterprise', 'person'], legalDays: 2, promisedDays: 1, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: '机动车登记证书',
    materials: [['机动车注册登记申请表', true, ['pdf']], ['购车发票', true], ['交通事故责任强制保险凭证', true], ['车辆购置税完税证明', true]],
    fields: [{ key: 'vin', label: '车辆识别代号', type: 'text', required: true }] },
  { code: 'CJG-002', name: '机动车驾驶证期满换证', department: '公安局交通警察支队', category: 'vehicle_driver', applicantTypes: ['person'], legalDays: 1, promisedDays: 1, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: '机动车驾驶证',
    materials: [['本人身份证明', true], ['身体条件证明', true], ['近期免冠照片', true, ['jpeg', 'png']]] },
  { code: 'CJG-003', name: '机动车检验标志核发', department: '公安局交通警察支队', category: 'vehicle_driver', applicantTypes: ['enterprise', 'person'], legalDays: 1, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: false, licenceName: '机动车检验标志',
    materials: [['机动车行驶证', true], ['交通事故责任强制保险凭证', true]] },
  // ---- construction permits 工程建设 (free agency service for key projects)
  { code: 'GCJS-001', name: '企业投资项目备案', department: '发展改革局', category: 'construction_permit', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 1, onlineEnabled: true, fullyElectronic: true, agencyEligible: true, licenceName: '项目备案证明',
    materials: [['项目备案申请表', true, ['pdf', 'docx']], ['项目单位营业执照', true]],
    fields: [{ key: 'projectName', label: '项目名称', type: 'text', required: true }, { key: 'investment', label: '总投资（万元）', type: 'number', required: true }, { key: 'landArea', label: '用地面积（亩）', type: 'number', required: false }] },
  { code: 'GCJS-002', name: '建设用地规划许可证核发', department: '自然资源和规划局', category: 'construction_permit', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 7, onlineEnabled: true, fullyElectronic: true, agencyEligible: true, licenceName: '建设用地规划许可证',
    materials: [['建设用地规划许可申请表', true, ['pdf']], ['国有土地使用权出让合同', true, ['pdf']], ['项目备案证明', true, ['pdf']]] },
  { code: 'GCJS-003', name: '建设工程规划许可证核发', department: '自然资源和规划局', category: 'construction_permit', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 10, onlineEnabled: true, fullyElectronic: true, agencyEligible: true, licenceName: '建设工程规划许可证',
    materials: [['建设工程规划许可申请表', true, ['pdf']], ['建设工程设计方案', true, ['pdf']], ['不动产权证书', true]] },
  { code: 'GCJS-004', name: '建筑工程施工许可证核发', department: '住房和城乡建设局', category: 'construction_permit', applicantTypes: ['enterprise'], legalDays: 7, promisedDays: 3, onlineEnabled: true, fullyElectronic: true, agencyEligible: true, licenceName: '建筑工程施工许可证',
    materials: [['建筑工程施工许可申请表', true, ['pdf']], ['建设工程规划许可证', true, ['pdf']], ['施工合同', true, ['pdf']], ['施工图审查合格书', true, ['pdf']]],
    fields: [{ key: 'contractPrice', label: '合同价格（万元）', type: 'number', required: true }, { key: 'startDate', label: '计划开工日期', type: 'date', required: true }] },
  { code: 'GCJS-005', name: '建设工程竣工验收备案', department: '住房和城乡建设局', category: 'construction_permit', applicantTypes: ['enterprise'], legalDays: 15, promisedDays: 5, onlineEnabled: true, fullyElectronic: false, agencyEligible: true, licenceName: '竣工验收备案证明',
    materials: [['竣工验收备案表', true, ['pdf']], ['工程竣工验收报告', true, ['pdf']], ['规划、消防、人防等验收意见', true, ['pdf']]] },
  // ---- public services 公共服务
  { code: 'GGFW-001', name: '高新技术企业培育入库申请', department: '科技局', category: 'public_service', applicantTypes: ['enterprise'], legalDays: 20, promisedDays: 10, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: null,
    materials: [['入库申请书', true, ['pdf', 'docx']], ['上年度财务报表', true, ['pdf', 'xlsx']], ['知识产权证明', false, ['pdf']]] },
  { code: 'GGFW-002', name: '人才公寓租住申请', department: '人才服务中心', category: 'public_service', applicantTypes: ['person'], legalDays: 20, promisedDays: 10, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: null,
    materials: [['本人身份证明', true], ['劳动合同', true, ['pdf']], ['学历或职称证明', true]],
    fields: [{ key: 'employer', label: '工作单位', type: 'text', required: true }, { key: 'roomType', label: '户型', type: 'select', required: true, options: ['单间', '一室一厅', '两室一厅'] }] },
  { code: 'GGFW-003', name: '企业复工复产政策咨询预约', department: '经济发展局', category: 'public_service', applicantTypes: ['enterprise'], legalDays: 5, promisedDays: 1, onlineEnabled: true, fullyElectronic: false, agencyEligible: false, licenceName: null,
    materials: [],
    fields: [{ key: 'topic', label: '咨询事项', type: 'select', required: true, options: ['用工', '防疫物资', '资金融资', '物流', '原材料', '政策兑现'] }, { key: 'description', label: '具体情况', type: 'text', required: true }] },
];

export function demoServiceItems(): ServiceItemInput[] {
  return ITEMS.map(({ materials, fields, notes, ...rest }) => ({ ...rest, materials: m(materials), fields: fields ?? [], guide: guide(rest.name, rest.department, notes) }));
}
