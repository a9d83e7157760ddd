// The catalogue as a sheet: one row per item; materials and form fields one per line in their
// cells, in a notation the instructions sheet explains. Import and export share it.
import {
  APPLICANT_TYPE_LABELS, APPLICANT_TYPES, FIELD_TYPE_LABELS, FIELD_TYPES, SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS,
  type ApplicantType, type FieldType, type FileType, type Lang, type ServiceCategory, type ServiceField, type ServiceItem, type ServiceMaterial, labelIn } from '@shuangsheng/contracts';
import type { SheetColumn } from '../../platform/sheet-import.js';

export const ITEM_COLUMNS: SheetColumn[] = [
  { key: 'code', zh: '事项编码', en: 'Code', required: true, width: 14, example: 'QYKB-001' },
  { key: 'name', zh: '事项名称', en: 'Service item', required: true, width: 30, example: '企业设立登记（有限责任公司）' },
  { key: 'department', zh: '实施部门', en: 'Department', required: true, width: 18, example: '市场监督管理局' },
  { key: 'category', zh: '事项类别', en: 'Category', required: true, width: 12, hint: [SERVICE_CATEGORIES.map((c) => SERVICE_CATEGORY_LABELS[c][0]).join('、'), SERVICE_CATEGORIES.join(', ')], example: '企业开办' },
  { key: 'applicantTypes', zh: '申请对象', en: 'Who may apply', required: true, width: 12, hint: ['企业、个人（可同时填写）', 'enterprise, person (one or both)'], example: '企业' },
  { key: 'legalDays', zh: '法定时限（工作日）', en: 'Legal limit (working days)', required: true, width: 12, example: '15' },
  { key: 'promisedDays', zh: '承诺时限（工作日）', en: 'Promised limit (working days)', required: true, width: 12, hint: ['不超过法定时限', 'At most the legal limit'], example: '1' },
  { key: 'onlineEnabled', zh: '可网上办理', en: 'Online', width: 10, hint: ['是 / 否，默认是', 'yes / no (default yes)'], example: '是' },
  { key: 'fullyElectronic', zh: '全程电子化', en: 'Fully electronic', width: 10, hint: ['电子签名 + 电子证照：是 / 否', 'E-signature and e-licence: yes / no'], example: '是' },
  { key: 'agencyEligible', zh: '帮办代办', en: 'Agency service', width: 10, example: '否' },
  { key: 'licenceName', zh: '发放证照', en: 'Licence issued', width: 14, hint: ['办结后发放的证照名称；不发证照则留空', 'Name of the licence approval issues; empty if none'], example: '营业执照' },
  {
    key: 'materials',
    zh: '申请材料',
    en: 'Materials',
    width: 40,
    hint: ['每行一项：名称|必填或选填|文件类型（pdf,jpeg,png,xlsx,docx）', 'One per line: name|required or optional|file types (pdf,jpeg,png,xlsx,docx)'],
    example: '公司章程|必填|pdf',
  },
  {
    key: 'fields',
    zh: '表单字段',
    en: 'Form fields',
    width: 40,
    hint: ['每行一项：标识|名称|类型（文本/数字/日期/下拉选择/勾选）|必填或选填|选项1,选项2', 'One per line: key|label|type (text/number/date/select/checkbox)|required or optional|option 1,option 2'],
    example: 'registeredCapital|注册资本（万元）|数字|必填',
  },
  { key: 'guide', zh: '办事指南', en: 'Filing guide', width: 50, hint: ['网上办事申报流程，可用 Markdown', 'The online filing guide; Markdown allowed'] },
];

const REQUIRED = new Set(['必填', '是', 'required', 'yes', 'y', '*']);
const OPTIONAL = new Set(['选填', '否', 'optional', 'no', 'n', '']);
const TYPE_ALIASES: Record<string, FileType> = { pdf: 'pdf', jpeg: 'jpeg', jpg: 'jpeg', png: 'png', xlsx: 'xlsx', docx: 'docx' };

/** The non-blank lines of a cell with their numbers as the person sees them (blank lines count). */
const lines = (cell: string) =>
  cell
    .split(/\r?\n|；/)
    .map((text, i) => ({ text: text.trim(), number: i + 1 }))
    .filter((l) => l.text !== '');

export function parseCategory(v: string): ServiceCategory | null {
  const s = v.trim();
  return SERVICE_CATEGORIES.find((c) => c === s || SERVICE_CATEGORY_LABELS[c][0] === s || SERVICE_CATEGORY_LABELS[c][1].toLowerCase() === s.toLowerCase()) ?? null;
}

export function parseApplicantTypes(v: string): ApplicantType[] | null {
  const out: ApplicantType[] = [];
  for (const part of v.split(/[,，、;；\s]+/).filter(Boolean)) {
    const t = APPLICANT_TYPES.find((a) => a === part || APPLICANT_TYPE_LABELS[a][0] === part || APPLICANT_TYPE_LABELS[a][1].toLowerCase() === part.toLowerCase());
    if (!t) return null;
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** `名称|必填|pdf,jpeg` lines → materials (keys m1, m2… in order). Null with the bad line's number. */
export function parseMaterials(cell: string): { materials: Omit<ServiceMaterial, 'templateFileId'>[] } | { badLine: number } {
  const materials: Omit<ServiceMaterial, 'templateFileId'>[] = [];
  for (const { text, number } of lines(cell)) {
    const [name, req = '必填', types = 'pdf'] = text.split('|').map((x) => x.trim());
    const required = REQUIRED.has(req.toLowerCase()) ? true : OPTIONAL.has(req.toLowerCase()) ? false : null;
    const fileTypes = [...new Set(types.split(/[,，、\s]+/).filter(Boolean).map((t) => TYPE_ALIASES[t.toLowerCase()]))];
    if (!name || required === null || fileTypes.length === 0 || fileTypes.some((t) => !t)) return { badLine: number };
    materials.push({ key: `m${materials.length + 1}`, name, required, fileTypes: fileTypes as FileType[], note: null });
  }
  return { materials };
}

/** 必填/选填, or required/optional in English sheets; either reads back. */
const requiredWord = (required: boolean, lang: Lang) => (lang === 'en-US' ? (required ? 'required' : 'optional') : required ? '必填' : '选填');

export function formatMaterials(materials: ServiceItem['materials'], lang: Lang): string {
  return materials.map((m) => `${m.name}|${requiredWord(m.required, lang)}|${m.fileTypes.join(',')}`).join('\n');
}

function parseFieldType(v: string): FieldType | null {
  const s = v.trim();
  return FIELD_TYPES.find((t) => t === s.toLowerCase() || FIELD_TYPE_LABELS[t][0] === s || FIELD_TYPE_LABELS[t][1].toLowerCase() === s.toLowerCase()) ?? null;
}

/** `key|label|type|必填|a,b` lines → fields. */
export function parseFields(cell: string): { fields: ServiceField[] } | { badLine: number } {
  const fields: ServiceField[] = [];
  for (const { text, number } of lines(cell)) {
    const [key, label, typeText = '文本', req = '选填', options = ''] = text.split('|').map((x) => x.trim());
    const type = parseFieldType(typeText);
    const required = REQUIRED.has(req.toLowerCase()) ? true : OPTIONAL.has(req.toLowerCase()) ? false : null;
    if (!key || !label || !type || required === null) return { badLine: number };
    const opts = options.split(/[,，、]/).map((o) => o.trim()).filter(Boolean);
    fields.push({ key, label, type, required, ...(type === 'select' ? { options: opts } : {}) });
  }
  return { fields };
}

export function formatFields(fields: ServiceField[], lang: Lang): string {
  const i = lang === 'en-US' ? 1 : 0;
  return fields
    .map((f) => [f.key, f.label, FIELD_TYPE_LABELS[f.type][i], requiredWord(f.required, lang), ...(f.options?.length ? [f.options.join(',')] : [])].join('|'))
    .join('\n');
}

export function categoryWord(c: ServiceCategory, lang: Lang): string {
  return labelIn(lang, SERVICE_CATEGORY_LABELS[c]);
}

export function applicantWords(types: ApplicantType[], lang: Lang): string {
  return types.map((t) => labelIn(lang, APPLICANT_TYPE_LABELS[t])).join(lang === 'en-US' ? ', ' : '、');
}

