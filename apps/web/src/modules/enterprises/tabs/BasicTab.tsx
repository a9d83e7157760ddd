// 基本信息: every field of the profile; the contact phone masked, revealed with a reason.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enterprise } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { MaskedValue } from '../../../components/MaskedValue';
import { useLang } from '../../../i18n';
import { formatDateTime, formatFen, formatNumber } from '../../../lib/format';
import { revealEnterprisePhone } from '../api';
import { EnterpriseFlags, industryName, TierTag } from '../display';

export default function BasicTab({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const v = (x: string | null | undefined) => (x ? x : none);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
      data-testid="profile-basic"
      styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'creditCode', label: t('enterprises.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{e.creditCode}</span> },
        { key: 'name', label: t('enterprises.name'), children: e.name },
        { key: 'tier', label: t('enterprises.tier'), children: <TierTag tier={e.tier} /> },
        { key: 'industry', label: t('enterprises.industry'), children: e.industry ? industryName(e.industry, lang) : none },
        { key: 'park', label: t('enterprises.park'), children: v(e.parkName) },
        { key: 'building', label: t('enterprises.building'), children: v(e.buildingName) },
        { key: 'grid', label: t('enterprises.gridUnit'), children: e.gridUnitName ? `${e.gridUnitName} · ${e.gridUnitCode ?? ''}` : none },
        { key: 'address', label: t('enterprises.address'), children: v(e.address) },
        { key: 'output', label: t('enterprises.outputLastYear'), children: e.outputLastYearFen === null ? none : formatFen(e.outputLastYearFen, lang) },
        { key: 'tax', label: t('enterprises.taxLastYear'), children: e.taxLastYearFen === null ? none : formatFen(e.taxLastYearFen, lang) },
        { key: 'employees', label: t('enterprises.employees'), children: e.employees === null ? none : formatNumber(e.employees) },
        { key: 'flags', label: t('enterprises.flags'), children: <EnterpriseFlags e={e} /> },
        {
          key: 'leading',
          label: t('enterprises.leadingEnterprise'),
          children: e.leadingEnterpriseId ? <Link to={`/enterprises/${e.leadingEnterpriseId}`}>{e.leadingEnterpriseName}</Link> : none,
        },
        { key: 'legal', label: t('enterprises.legalRepresentative'), children: v(e.legalRepresentative) },
        { key: 'contact', label: t('enterprises.contactName'), children: v(e.contactName) },
        {
          key: 'phone',
          label: t('enterprises.contactPhone'),
          children: e.contactPhoneMasked ? (
            <MaskedValue masked={e.contactPhoneMasked} onReveal={can('pii.reveal') ? (reason) => revealEnterprisePhone(e.id, reason) : undefined} testId="profile-phone" />
          ) : (
            none
          ),
        },
        { key: 'created', label: t('common.createdAt'), children: formatDateTime(e.createdAt) },
        { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(e.updatedAt) },
      ]}
    />
  );
}
