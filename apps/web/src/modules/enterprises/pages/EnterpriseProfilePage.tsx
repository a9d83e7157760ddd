// /enterprises/:id — the one-enterprise profile (一企一档): header with name, credit code, tier and
// flags (龙头企业 with its supplier count, leading to the 供应链 tab), an edit action, and the
// registered tabs (see ../profileTabs.tsx).
import { Suspense, useState } from 'react';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { enterprises } from '../api';
import { EnterpriseForm } from '../components/EnterpriseForm';
import { EnterpriseFlags, TierTag } from '../display';
import { profileTabsFor } from '../profileTabs';

export default function EnterpriseProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const query = enterprises.useOne(id);
  const ownOnly = isEnterpriseOnly(me);

  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  const tabs = profileTabsFor(e, can);
  const active = tabs.find((x) => x.key === params.get('tab'))?.key ?? tabs[0]?.key;

  return (
    <div>
      {ownOnly ? null : (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            {
              title: (
                <Link to="/enterprises">
                  <ArrowLeftOutlined /> {t('enterprises.title')}
                </Link>
              ),
            },
            { title: e.name },
          ]}
        />
      )}
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 20px' } }}>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-name">
              {e.name}
            </Typography.Title>
            <Space size={12} wrap style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">
                {t('enterprises.creditCode')}
                {t('common.colon')}
                <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="profile-credit-code">
                  {e.creditCode}
                </Typography.Text>
              </Typography.Text>
              <TierTag tier={e.tier} />
              <EnterpriseFlags e={e} leadingTo="?tab=supply-chain" empty={false} />
            </Space>
          </div>
          {can('enterprises.write') ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="profile-edit">
              {t('common.edit')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === tabs[0]?.key ? {} : { tab: key }, { replace: true })}
          items={tabs.map((tab) => ({
            key: tab.key,
            label: <span data-testid={`profile-tab-${tab.key}`}>{t(tab.label) as string}</span>,
            children: <Suspense fallback={<PageSkeleton rows={4} />}>{tab.render(e)}</Suspense>,
          }))}
        />
      </Card>
      {editing ? <EnterpriseForm enterprise={e} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
