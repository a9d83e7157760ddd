// Small displays shared by the registry and the profile: tier tag, flags, industry name.
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INDUSTRY_SECTIONS, type Enterprise, type IndustrySection, type ScaleTier } from '@shuangsheng/contracts';
import { formatNumber } from '../../lib/format';

export const TIER_COLORS: Record<ScaleTier, string> = { ten_billion: 'magenta', billion: 'volcano', hundred_million: 'gold', other: 'default' };

export function TierTag({ tier }: { tier: ScaleTier }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`tierHints.${tier}`)}>
      <Tag color={TIER_COLORS[tier]} style={{ marginInlineEnd: 0 }} data-testid={`tier-${tier}`}>
        {t(`tiers.${tier}`)}
      </Tag>
    </Tooltip>
  );
}

export function industryName(code: IndustrySection | null, lang: string): string {
  if (!code) return '-';
  return `${code} ${INDUSTRY_SECTIONS[code][lang === 'en-US' ? 1 : 0]}`;
}

/** 龙头企业 · 配套 12 家: an enterprise others name as their leading enterprise, with how many. */
export function LeadingTag({ count, to }: { count: number; to?: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="leading-tag">
      {t('enterprises.leadingWithSuppliers', { count: formatNumber(count) })}
    </Tag>
  );
  return to ? (
    <Link to={to} title={t('enterprises.showSuppliers')}>
      {tag}
    </Link>
  ) : (
    tag
  );
}

type Flagged = Pick<Enterprise, 'aboveScale' | 'cityMonitored' | 'supplierCount'>;

/** 规上企业, 市级监测, 龙头企业 as tags; the leading tag links to `leadingTo` (its suppliers). */
export function EnterpriseFlags({ e, leadingTo, empty = true }: { e: Flagged; leadingTo?: string; empty?: boolean }) {
  const { t } = useTranslation();
  const flags = [];
  const style = { marginInlineEnd: 0 };
  if (e.aboveScale) flags.push(<Tag key="a" color="blue" style={style}>{t('enterprises.aboveScale')}</Tag>);
  if (e.cityMonitored) flags.push(<Tag key="c" color="purple" style={style}>{t('enterprises.cityMonitored')}</Tag>);
  if (e.supplierCount > 0) flags.push(<LeadingTag key="l" count={e.supplierCount} to={leadingTo} />);
  if (flags.length === 0) return empty ? <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span> : null;
  return (
    <Space size={4} wrap>
      {flags}
    </Space>
  );
}
