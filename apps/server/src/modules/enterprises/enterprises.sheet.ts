// The enterprise sheet: one column list for the import template, the import and the export, so
// an exported file imports again unchanged.
import { INDUSTRY_SECTIONS, SCALE_TIER_LABELS, type Enterprise, type Lang, labelIn } from '@shuangsheng/contracts';
import type { Column } from '../../platform/excel.js';
import { yesNoWord, type SheetColumn } from '../../platform/sheet-import.js';

export const ENTERPRISE_COLUMNS: SheetColumn[] = [
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code', required: true, width: 22, hint: ['18 位，末位为校验位', '18 characters, the last a check character'], example: '91510300MA62K1XQ4N' },
  { key: 'name', zh: '企业名称', en: 'Enterprise name', required: true, width: 30, example: '自贡华西能源装备有限公司' },
  { key: 'park', zh: '所属园区', en: 'Park', width: 18, hint: ['园区名称，须已在系统中建立', 'Park name, as set up in the system'], example: '板仓工业园' },
  { key: 'building', zh: '楼宇', en: 'Building', width: 14, hint: ['所属园区内的楼宇名称', 'A building of that park'], example: 'A1 栋' },
  { key: 'gridCode', zh: '网格编码', en: 'Grid unit code', width: 14, example: 'BC-01-01' },
  { key: 'industry', zh: '行业门类', en: 'Industry section', width: 14, hint: ['GB/T 4754-2017 门类字母 A–T 或名称', 'GB/T 4754-2017 section letter A–T or its name'], example: 'C' },
  { key: 'outputWan', zh: '上年产值（万元）', en: 'Output last year (10k yuan)', width: 16, example: '125000' },
  { key: 'taxWan', zh: '上年税收（万元）', en: 'Tax last year (10k yuan)', width: 16, example: '3200.5' },
  { key: 'aboveScale', zh: '规上企业', en: 'Above-scale', width: 10, hint: ['是 / 否', 'yes / no'], example: '是' },
  { key: 'cityMonitored', zh: '市级监测', en: 'City-monitored', width: 10, hint: ['是 / 否', 'yes / no'], example: '否' },
  { key: 'leadingCreditCode', zh: '所属龙头企业信用代码', en: 'Leading enterprise credit code', width: 22, hint: ['供应链所属龙头企业的信用代码，可为本表中的企业', 'Credit code of the leading enterprise; may be in this file'] },
  { key: 'employees', zh: '职工人数', en: 'Employees', width: 10, example: '860' },
  { key: 'legalRepresentative', zh: '法定代表人', en: 'Legal representative', width: 12, example: '王建国' },
  { key: 'contactName', zh: '联系人', en: 'Contact', width: 12, example: '李娜' },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', width: 16, hint: ['手机或座机；导出文件中的打码号码导入时保持原值', 'Mobile or landline; masked numbers from an export are left unchanged'], example: '13890001234' },
  { key: 'address', zh: '地址', en: 'Address', width: 30 },
];


const FEN_PER_WAN = 1_000_000;
export const wanOf = (fen: number | null) => (fen === null ? null : fen / FEN_PER_WAN);
export const fenOfWan = (wan: number) => Math.round(wan * FEN_PER_WAN);

/** Export columns: the import columns plus read-only derived ones at the end. */
export function exportColumns(lang: Lang): Column<Enterprise>[] {
  const value: Record<string, (e: Enterprise) => string | number | null> = {
    creditCode: (e) => e.creditCode,
    name: (e) => e.name,
    park: (e) => e.parkName,
    building: (e) => e.buildingName,
    gridCode: (e) => e.gridUnitCode,
    industry: (e) => e.industry,
    outputWan: (e) => wanOf(e.outputLastYearFen),
    taxWan: (e) => wanOf(e.taxLastYearFen),
    aboveScale: (e) => yesNoWord(e.aboveScale, lang),
    cityMonitored: (e) => yesNoWord(e.cityMonitored, lang),
    leadingCreditCode: (e) => e.leadingEnterpriseCreditCode,
    employees: (e) => e.employees,
    legalRepresentative: (e) => e.legalRepresentative,
    contactName: (e) => e.contactName,
    contactPhone: (e) => e.contactPhoneMasked,
    address: (e) => e.address,
  };
  return [
    ...ENTERPRISE_COLUMNS.map((c) => ({ key: c.key, zh: c.zh, en: c.en, width: c.width ?? 16, value: value[c.key]! })),
    { key: 'tier', zh: '规模等级', en: 'Scale tier', width: 12, value: (e: Enterprise) => labelIn(lang, SCALE_TIER_LABELS[e.tier]) },
    { key: 'industryName', zh: '行业名称', en: 'Industry', width: 24, value: (e: Enterprise) => (e.industry ? labelIn(lang, INDUSTRY_SECTIONS[e.industry]) : null) },
  ];
}
