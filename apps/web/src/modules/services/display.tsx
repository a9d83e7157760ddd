// Small displays shared by the catalogue pages: category tag, flag tags, time limits, applicants.
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantType, ServiceCategory, ServiceItem } from '@shuangsheng/contracts';

export const CATEGORY_COLORS: Record<ServiceCategory, string> = {
  enterprise_establishment: 'blue',
  change_registration: 'geekblue',
  employment_registration: 'cyan',
  real_estate: 'gold',
  tax: 'volcano',
  vehicle_driver: 'purple',
  construction_permit: 'orange',
  public_service: 'green',
};

/** `wrap` lets a long name take two lines in a narrow table column. */
export function CategoryTag({ category, wrap }: { category: ServiceCategory; wrap?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={CATEGORY_COLORS[category]} style={wrap ? { marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: 110 } : { marginInlineEnd: 0 }} data-testid={`category-${category}`}>
      {t(`serviceCategories.${category}`)}
    </Tag>
  );
}

export function applicantsText(types: readonly ApplicantType[], t: (k: `applicantTypes.${ApplicantType}`) => string, sep: string): string {
  return types.map((a) => t(`applicantTypes.${a}`)).join(sep);
}

export function Applicants({ types }: { types: readonly ApplicantType[] }) {
  const { t } = useTranslation();
  return <span style={{ display: 'inline-block', maxWidth: 90 }}>{applicantsText(types, t, t('common.listSeparator'))}</span>;
}

/** 法定 20 / 承诺 5 个工作日 */
export function Limits({ item }: { item: Pick<ServiceItem, 'legalDays' | 'promisedDays'> }) {
  const { t } = useTranslation();
  return <span data-testid="item-limits">{t('services.limitsValue', { legal: item.legalDays, promised: item.promisedDays })}</span>;
}

type Flagged = Pick<ServiceItem, 'onlineEnabled' | 'fullyElectronic' | 'agencyEligible' | 'licenceName'>;

/** 可网办, 全程电子化, 帮办代办, 发证：营业执照 as tags. */
export function ItemFlags({ item, empty = true }: { item: Flagged; empty?: boolean }) {
  const { t } = useTranslation();
  const style = { marginInlineEnd: 0 };
  const flags = [];
  if (item.onlineEnabled) flags.push(<Tag key="o" color="blue" style={style}>{t('services.onlineEnabled')}</Tag>);
  if (item.fullyElectronic) flags.push(<Tag key="e" color="green" style={style}>{t('services.fullyElectronic')}</Tag>);
  if (item.agencyEligible) flags.push(<Tag key="a" color="orange" style={style}>{t('services.agencyEligible')}</Tag>);
  if (item.licenceName) flags.push(<Tag key="l" color="purple" style={style}>{t('services.licenceTag', { name: item.licenceName })}</Tag>);
  if (!flags.length) return empty ? <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span> : null;
  return (
    <Space size={4} wrap data-testid="item-flags">
      {flags}
    </Space>
  );
}
