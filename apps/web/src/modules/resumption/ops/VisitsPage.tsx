// 走访记录: the commissioners' visits — keyword, enterprise, commissioner and date range in the URL;
// Excel export of what is filtered; 记录走访 (date, content, policies explained, problems found, each
// of which becomes a demand) for commissioners and the zone admin.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Visit } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListPage, ListTable } from '../../../components/ListPage';
import { EnterpriseSelect } from '../../../components/pickers';
import { formatDateTime } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { fromRange, toRange, type Range } from '../../services/applications/components/filters';
import { BASE, useVisits } from './api';
import { CommissionerSelect, DateRangeFilter } from './display';
import { VisitDialog } from './forms';

const SPEC = { q: 'string', enterpriseId: 'string', commissionerId: 'string', from: 'string', to: 'string' } as const;
type FormShape = { q?: string; enterpriseId?: string; commissionerId?: string; range?: Range };

export default function VisitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC);
  const query = useVisits(url.apiQuery);
  const [recording, setRecording] = useState(false);
  const mayRecord = can('resumption.commission');
  const { from, to, ...rest } = url.filters;

  const recordAs = (testId: string) =>
    mayRecord ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid={testId}>
        {t('resumptionOps.visits.record')}
      </Button>
    ) : null;
  const recordButton = recordAs('visit-record');

  const columns: TableColumnsType<Visit> = [
    { title: t('resumptionOps.visits.date'), dataIndex: 'visitDate', fixed: 'left', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: t('resumptionOps.common.enterprise'),
      dataIndex: 'enterpriseName',
      render: (v: string, r) => (
        <Link to={`/enterprises/${r.enterpriseId}?tab=resumption`}>
          <Ellipsis width={180} text={v} />
        </Link>
      ),
    },
    { title: t('resumptionOps.common.commissioner'), dataIndex: ['commissioner', 'name'], render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('resumptionOps.visits.content'), dataIndex: 'content', render: (v: string) => <Ellipsis width={220} text={v} /> },
    { title: t('resumptionOps.visits.policies'), dataIndex: 'policiesExplained', render: (v: string | null) => (v ? <Ellipsis width={160} text={v} /> : <Typography.Text type="secondary">-</Typography.Text>) },
    {
      title: t('resumptionOps.visits.demands'),
      dataIndex: 'demandIds',
      render: (ids: string[], r) =>
        ids.length ? (
          <Link to={`/resumption/demands?enterpriseId=${r.enterpriseId}`} data-testid={`visit-demands-${r.id}`}>
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('resumptionOps.visits.demandCount', { count: ids.length })}
            </Tag>
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('resumptionOps.visits.noProblems')}</Typography.Text>
        ),
    },
    { title: t('resumptionOps.visits.recordedAt'), dataIndex: 'createdAt', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
  ];

  return (
    <ListPage
      title={t('resumptionOps.visits.title')}
      extra={
        <>
          <ExportButton path={`${BASE}/visits/export.xlsx`} query={url.exportQuery} testId="visits-export" />
          {recordButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('resumptionOps.visits.sub')}</Typography.Paragraph>
          <FilterBar<FormShape>
            values={{ ...rest, range: toRange(from, to) }}
            onSearch={({ range, ...v }) => url.setFilters({ ...v, ...fromRange(range) })}
            onReset={url.reset}
            searchPlaceholder={t('resumptionOps.visits.search')}
          >
            <Form.Item name="enterpriseId" style={{ minWidth: 200 }}>
              <EnterpriseSelect testId="filter-enterprise" placeholder={t('resumptionOps.common.enterprise')} popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item name="commissionerId" style={{ minWidth: 160 }}>
              <CommissionerSelect testId="filter-commissioner" placeholder={t('resumptionOps.common.commissioner')} />
            </Form.Item>
            <Form.Item name="range">
              <DateRangeFilter testId="filter-range" />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="visits-table"
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ whiteSpace: 'pre-wrap', maxWidth: 900 }}>
              <Typography.Text strong>{t('resumptionOps.visits.content')}</Typography.Text>
              {t('common.colon')}
              {r.content}
              {r.policiesExplained ? (
                <div style={{ marginTop: 6 }}>
                  <Typography.Text strong>{t('resumptionOps.visits.policies')}</Typography.Text>
                  {t('common.colon')}
                  {r.policiesExplained}
                </div>
              ) : null}
            </div>
          ),
        }}
        empty={{ title: t('resumptionOps.visits.empty'), description: mayRecord ? t('resumptionOps.visits.emptyDesc') : undefined, action: recordAs('visit-record-empty') ?? undefined }}
      />
      {recording ? <VisitDialog onClose={() => setRecording(false)} /> : null}
    </ListPage>
  );
}
