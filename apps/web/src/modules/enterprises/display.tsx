// Small displays shared by the registry and the profile: tier tag, flags, industry name.
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_SECTIONS, type Enterprise, type IndustrySection, type ScaleTier } from '@shuangsheng/contracts';

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

export function EnterpriseFlags({ e }: { e: Pick<Enterprise, 'aboveScale' | 'cityMonitored' | 'leadingEnterpriseId'> & { leads?: boolean } }) {
  const { t } = useTranslation();
  const flags = [];
  const style = { marginInlineEnd: 0 };
  if (e.aboveScale) flags.push(<Tag key="a" color="blue" style={style}>{t('enterprises.aboveScale')}</Tag>);
  if (e.cityMonitored) flags.push(<Tag key="c" color="purple" style={style}>{t('enterprises.cityMonitored')}</Tag>);
  if (e.leads) flags.push(<Tag key="l" color="gold" style={style}>{t('enterprises.leading')}</Tag>);
  if (flags.length === 0) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span>;
  return (
    <Space size={4} wrap={false}>
      {flags}
    </Space>
  );
}
