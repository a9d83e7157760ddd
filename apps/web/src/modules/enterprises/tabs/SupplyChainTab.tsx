// 供应链: the leading enterprise this one supplies, and — when it leads — its suppliers.
import { useState } from 'react';
import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enterprise, ScaleTier } from '@shuangsheng/contracts';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useLang } from '../../../i18n';
import { formatFen, formatNumber } from '../../../lib/format';
import { useSuppliers } from '../api';
import { TierTag } from '../display';

export default function SupplyChainTab({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [page, setPage] = useState(1);
  // The profile already says how many there are: no query when there are none.
  const suppliers = useSuppliers(e.id, page, e.supplierCount > 0);

  return (
    <div data-testid="profile-supply-chain">
      <Card size="small" title={t('profile.leadingOf')} style={{ marginBottom: 16 }}>
        {e.leadingEnterpriseId ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'n', label: t('enterprises.name'), children: <Link to={`/enterprises/${e.leadingEnterpriseId}`}>{e.leadingEnterpriseName}</Link> },
              { key: 'c', label: t('enterprises.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{e.leadingEnterpriseCreditCode}</span> },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('profile.noLeading')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('profile.suppliers')}>
        {e.supplierCount === 0 ? (
          <EmptyState title={t('profile.noSuppliers')} />
        ) : suppliers.isPending ? (
          <PageSkeleton rows={3} />
        ) : suppliers.isError ? (
          <ErrorState error={suppliers.error} onRetry={() => void suppliers.refetch()} />
        ) : suppliers.data.total === 0 ? (
          <EmptyState title={t('profile.noSuppliers')} />
        ) : (
          <>
            <Typography.Paragraph>{t('profile.suppliersCount', { count: suppliers.data.total })}</Typography.Paragraph>
            <Table<Enterprise>
              size="small"
              rowKey="id"
              data-testid="suppliers-table"
              dataSource={suppliers.data.items}
              scroll={{ x: 'max-content' }}
              pagination={{
                current: page,
                pageSize: 10,
                total: suppliers.data.total,
                onChange: setPage,
                showSizeChanger: false,
                showTotal: (total) => t('common.total', { total: formatNumber(total) }),
              }}
              columns={[
                { title: t('enterprises.name'), dataIndex: 'name', render: (v: string, s) => <Link to={`/enterprises/${s.id}`}>{v}</Link> },
                { title: t('enterprises.creditCode'), dataIndex: 'creditCode', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
                { title: t('enterprises.tier'), dataIndex: 'tier', render: (v: ScaleTier) => <TierTag tier={v} /> },
                { title: t('enterprises.outputLastYear'), dataIndex: 'outputLastYearFen', align: 'right', render: (v: number | null) => formatFen(v, lang) },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
