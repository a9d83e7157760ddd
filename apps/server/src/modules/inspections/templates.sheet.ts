// The checklist as a sheet: one row per item, the same columns for export and import, so an
// exported version imports again (as the next version). Words are read in Chinese, English or as codes.
import {
  COMPARATORS,
  INSPECTION_PLACE_LABELS,
  INSPECTION_PLACES,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  SEVERITIES,
  SEVERITY_LABELS,
  labelIn,
  type ChecklistItem,
  type Comparator,
  type Lang,
} from '@shuangsheng/contracts';
import type { SheetColumn } from '../../platform/sheet-import.js';
import { yesNoWord } from '../../platform/sheet-import.js';

export const CHECKLIST_COLUMNS: SheetColumn[] = [
  { key: 'key', zh: '标识', en: 'Key', required: true, width: 22, hint: ['小写字母开头，字母数字下划线，各版本间保持不变', 'lower-case letters, digits and _; stays the same across versions'], example: 'entrance_temperature' },
  { key: 'place', zh: '部位', en: 'Place', required: true, width: 12, hint: ['园区入口、楼宇、企业、园区内部', 'Park entrance, Building, Enterprise, Inner area'], example: '园区入口' },
  { key: 'title', zh: '检查项', en: 'Item', required: true, width: 40, example: '入口设置测温点' },
  { key: 'kind', zh: '类型', en: 'Kind', required: true, width: 12, hint: ['是否符合 或 数值', 'Pass / fail or Number'], example: '是否符合' },
  { key: 'threshold', zh: '标准值', en: 'Threshold', width: 10, example: '2.5' },
  { key: 'comparator', zh: '比较', en: 'Comparison', width: 8, hint: ['≥ 或 ≤', '≥ or ≤'], example: '≥' },
  { key: 'unit', zh: '单位', en: 'Unit', width: 8, example: 'm²' },
  { key: 'min', zh: '下限', en: 'Min', width: 8, example: '0' },
  { key: 'max', zh: '上限', en: 'Max', width: 8, example: '1000' },
  { key: 'photoRequired', zh: '须拍照', en: 'Photo required', width: 10, hint: ['是 或 否', 'yes or no'], example: '否' },
  { key: 'severity', zh: '严重程度', en: 'Severity', width: 10, hint: ['一般、较重、严重', 'Minor, Moderate, Serious'], example: '较重' },
  { key: 'guidance', zh: '指引', en: 'Guidance', width: 40 },
];

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** A code from its code or its label in either language; null when none matches. */
function wordOf<T extends string>(codes: readonly T[], labels: Record<T, [string, string]>, text: string): T | null {
  const t = norm(text);
  return codes.find((c) => norm(c) === t || norm(labels[c][0]) === t || norm(labels[c][1]) === t) ?? null;
}

export const parsePlace = (text: string) => wordOf(INSPECTION_PLACES, INSPECTION_PLACE_LABELS, text);
export const parseKind = (text: string) => wordOf(ITEM_KINDS, ITEM_KIND_LABELS, text);
export const parseSeverity = (text: string) => wordOf(SEVERITIES, SEVERITY_LABELS, text);

const COMPARATOR_WORDS: Record<Comparator, string[]> = { gte: ['≥', '>=', 'gte', '不低于', '不少于'], lte: ['≤', '<=', 'lte', '不高于', '不超过'] };
export function parseComparator(text: string): Comparator | null {
  const t = norm(text);
  return COMPARATORS.find((c) => COMPARATOR_WORDS[c].includes(t)) ?? null;
}
export const comparatorWord = (c: Comparator | null | undefined) => (c ? COMPARATOR_WORDS[c][0]! : null);

/** An item as the sheet writes it, in the reader's language. */
export function checklistRowValues(lang: Lang): Record<string, (i: ChecklistItem) => string | number | null> {
  return {
    key: (i) => i.key,
    place: (i) => labelIn(lang, INSPECTION_PLACE_LABELS[i.place]),
    title: (i) => i.title,
    kind: (i) => labelIn(lang, ITEM_KIND_LABELS[i.kind]),
    threshold: (i) => i.threshold ?? null,
    comparator: (i) => comparatorWord(i.comparator),
    unit: (i) => i.unit ?? null,
    min: (i) => i.min ?? null,
    max: (i) => i.max ?? null,
    photoRequired: (i) => yesNoWord(i.photoRequired, lang),
    severity: (i) => labelIn(lang, SEVERITY_LABELS[i.severity]),
    guidance: (i) => i.guidance ?? null,
  };
}
