// Turning an audit entry's before/after of an enterprise into readable changed fields.
import type { TFunction } from 'i18next';
import type { IndustrySection, ScaleTier } from '@shuangsheng/contracts';
import { formatFen, formatNumber, type Lang } from '../../lib/format';
import { industryName } from './display';

export type FieldChange = { key: string; label: string; before: string; after: string };

/** Field of the enterprise (or its input) → label key; several keys may share a label. */
const LABELS: Record<string, string> = {
  creditCode: 'enterprises.creditCode',
  name: 'enterprises.name',
  parkName: 'enterprises.park',
  parkId: 'enterprises.park',
  buildingName: 'enterprises.building',
  buildingId: 'enterprises.building',
  gridUnitName: 'enterprises.gridUnit',
  gridUnitId: 'enterprises.gridUnit',
  gridUnitCode: 'enterprises.gridUnit',
  industry: 'enterprises.industry',
  outputLastYearFen: 'enterprises.outputLastYear',
  taxLastYearFen: 'enterprises.taxLastYear',
  tier: 'enterprises.tier',
  aboveScale: 'enterprises.aboveScale',
  cityMonitored: 'enterprises.cityMonitored',
  leadingEnterpriseName: 'enterprises.leadingEnterprise',
  leadingEnterpriseId: 'enterprises.leadingEnterprise',
  leadingEnterpriseCreditCode: 'enterprises.leadingEnterprise',
  employees: 'enterprises.employees',
  legalRepresentative: 'enterprises.legalRepresentative',
  contactName: 'enterprises.contactName',
  contactPhoneMasked: 'enterprises.contactPhone',
  contactPhone: 'enterprises.contactPhone',
  address: 'enterprises.address',
  reason: 'reveal.reason',
};

/** When the readable key is there, its id/code sibling is left out. */
const SHADOWED_BY: Record<string, string> = {
  parkId: 'parkName',
  buildingId: 'buildingName',
  gridUnitId: 'gridUnitName',
  gridUnitCode: 'gridUnitName',
  leadingEnterpriseId: 'leadingEnterpriseName',
  leadingEnterpriseCreditCode: 'leadingEnterpriseName',
};
const IDS = new Set(['parkId', 'buildingId', 'gridUnitId', 'leadingEnterpriseId']);
const SKIP = new Set(['id', 'createdAt', 'updatedAt']);

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Names of records the log knows only by id (the enterprise's current park, building…). */
export type KnownNames = Record<string, string>;

export function formatFieldValue(key: string, value: unknown, t: TFunction, lang: Lang, names: KnownNames = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value, lang);
  if (key === 'industry' && typeof value === 'string') return industryName(value as IndustrySection, lang);
  if (key === 'tier' && typeof value === 'string') return t(`tiers.${value as ScaleTier}`);
  if (typeof value === 'number') return formatNumber(value);
  if (IDS.has(key) && typeof value === 'string') return names[value] ?? `#${value.slice(-6)}`;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The fields an entry changed (or set, for a creation), labelled and formatted. */
export function changesOf(before: unknown, after: unknown, t: TFunction, lang: Lang, names: KnownNames = {}): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const present = new Set(keys);
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (SKIP.has(key)) continue;
    const shadow = SHADOWED_BY[key];
    if (shadow && present.has(shadow)) continue;
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const labelKey = LABELS[key];
    out.push({
      key,
      label: labelKey ? (t(labelKey as never) as string) : key,
      before: key in b ? formatFieldValue(key, b[key], t, lang, names) : '—',
      after: key in a ? formatFieldValue(key, a[key], t, lang, names) : '—',
    });
  }
  return out;
}

/** The label of an enterprise field (`outputLastYearFen` → 上年产值), if it has one. */
export function enterpriseFieldLabel(key: string, t: TFunction): string | undefined {
  const labelKey = LABELS[key];
  return labelKey ? (t(labelKey as never) as string) : undefined;
}

/** Localized name of an audit action (`enterprise.update`), or the action itself if unknown. */
export function actionLabel(action: string, t: TFunction, exists: (key: string) => boolean): string {
  const key = `audit.actionNames.${action}`;
  return exists(key) ? (t(key as never) as string) : action;
}
