// /resumption/enterprises — every enterprise's resumption status as of a date (default today),
// derived from its plans and suspensions: counts per status (each a filter), park, tier and 我负责的
// filters, staff return and capacity from the latest daily report, the history of a status in a
// drawer, suspend (停工, with the reason) and resume for reviewers; Excel export of what is filtered.
import { useState } from 'react';
import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Grid, Radio, Select, Space, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTERPRISE_RESUMPTION_STATUSES, SCALE_TIERS, type EnterpriseResumption, type EnterpriseResumptionStatus } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListTable, PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { ParkSelect } from '../../../components/pickers';
import { actionsColumn } from '../../../components/RowActions';
import { formatNumber, zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { ENTERPRISES, useEnterpriseHistory, useEnterpriseStatusCount, useEnterpriseStatuses } from './api';
import { EnterpriseStatusTag, PlanStatusTag, Rate } from './components/display';
import { ResumeDialog, SuspendDialog } from './components/StatusDialogs';
import { StatusHistory } from './components/StatusHistory';

const SPEC = { asOf: 'string', q: 'string', status: 'string', parkId: 'string', tier: 'string', mine: 'boolean' } as const;
type FormShape = { q?: string; parkId?: string; tier?: string };
type Acting = { kind: 'suspend' | 'resume'; row: EnterpriseResumption } | null;

export default function EnterpriseStatusPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC);
  const today = zoneDateOf(Date.now());
  const { asOf = today, status, q, parkId, tier, mine } = url.filters;
  const base = { asOf, q, parkId, tier, mine: mine || undefined };
  const query = useEnterpriseStatuses({ ...base, status, page: url.list.page, pageSize: url.list.pageSize });
  const [historyOf, setHistoryOf] = useState<EnterpriseResumption | null>(null);
  const [acting, setActing] = useState<Acting>(null);
  const reviewer = can('resumption.review');
  const isToday = asOf === today;

  const columns: TableColumnsType<EnterpriseResumption> = [
    {
      title: t('resumptionFiling.plan.enterprise'),
      dataIndex: 'enterpriseName',
      fixed: 'left',
      render: (v: string, r) => (
        <div style={{ maxWidth: 240 }}>
          {can('enterprises.read') ? (
            <Link to={`/enterprises/${r.enterpriseId}`}>
              <Ellipsis width={240} text={v} />
            </Link>
          ) : (
            <Ellipsis width={240} text={v} />
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontFamily: 'monospace' }}>
            {r.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('resumptionFiling.plan.park'), dataIndex: 'parkName', render: (v: string | null) => <Ellipsis width={130} text={v ?? '-'} /> },
    { title: t('resumptionFiling.plan.tier'), dataIndex: 'tier', render: (v: EnterpriseResumption['tier']) => <span style={{ whiteSpace: 'nowrap' }}>{t(`tiers.${v}`)}</span> },
    {
      title: t('resumptionFiling.status.status'),
      dataIndex: 'status',
      render: (v: EnterpriseResumptionStatus, r) => <EnterpriseStatusTag status={v} since={r.since} testId={`status-${r.creditCode}`} />,
    },
    {
      title: t('resumptionFiling.status.plan'),
      dataIndex: 'planStatus',
      render: (v: EnterpriseResumption['planStatus'], r) =>
        v && r.planId ? (
          <Link to={`/resumption/plans/${r.planId}`}>
            <PlanStatusTag status={v} />
          </Link>
        ) : (
          '-'
        ),
    },
    { title: t('resumptionFiling.status.latestReport'), dataIndex: 'latestReportDate', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? '-'}</span> },
    {
      title: t('resumptionFiling.status.staffReturn'),
      dataIndex: 'staffReturnRate',
      render: (v: number | null, r) => <Rate numerator={r.staffOnSite} denominator={r.employees} value={v} />,
    },
    { title: t('resumptionFiling.status.capacity'), dataIndex: 'capacityPct', render: (v: number | null) => (v === null ? '-' : `${v}%`) },
    { title: t('resumptionFiling.plan.commissioner'), dataIndex: 'commissioner', render: (v: EnterpriseResumption['commissioner']) => <Ellipsis width={140} text={v?.name ?? '-'} /> },
    actionsColumn(t, (r) => (
      <>
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(r)} data-testid={`status-history-${r.creditCode}`}>
          {t('resumptionFiling.status.historyButton')}
        </Button>
        {reviewer && isToday && r.status === 'resumed' ? (
          <Button type="link" size="small" danger onClick={() => setActing({ kind: 'suspend', row: r })} data-testid={`status-suspend-${r.creditCode}`}>
            {t('resumptionFiling.status.suspend')}
          </Button>
        ) : null}
        {reviewer && isToday && r.status === 'suspended' ? (
          <Button type="link" size="small" onClick={() => setActing({ kind: 'resume', row: r })} data-testid={`status-resume-${r.creditCode}`}>
            {t('resumptionFiling.status.resume')}
          </Button>
        ) : null}
      </>
    )),
  ];

  return (
    <div>
      <PageHeader
        title={t('resumptionFiling.status.title')}
        sub={t('resumptionFiling.status.sub')}
        extra={
          <>
            <Space size={6}>
              <Typography.Text type="secondary">{t('resumptionFiling.status.asOf')}</Typography.Text>
              <DatePicker
                value={dayjs(asOf)}
                allowClear={false}
                disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                onChange={(d) => url.setFilters({ ...url.filters, asOf: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined })}
                data-testid="status-as-of"
              />
            </Space>
            <ExportButton path={`${ENTERPRISES}/export.xlsx`} query={{ ...base, status }} />
          </>
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <StatusCounts base={base} value={status} onChange={(s) => url.setFilters({ ...url.filters, status: s })} />
        <FilterBar<FormShape> values={{ q, parkId, tier }} onSearch={(v) => url.setFilters({ ...url.filters, ...v })} onReset={() => url.setFilters({ asOf: url.filters.asOf })} searchPlaceholder={t('resumptionFiling.status.searchPlaceholder')}>
          <Form.Item name="parkId" style={{ minWidth: 150 }}>
            <ParkSelect placeholder={t('resumptionFiling.plan.park')} testId="filter-park" popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="tier" style={{ minWidth: 120 }}>
            <Select allowClear placeholder={t('resumptionFiling.plan.tier')} options={SCALE_TIERS.map((s) => ({ value: s, label: t(`tiers.${s}`) }))} data-testid="filter-tier" popupMatchSelectWidth={false} />
          </Form.Item>
        </FilterBar>
        {can('resumption.commission') ? (
          <Radio.Group size="small" value={mine ? 'mine' : ''} onChange={(e) => url.setFilters({ ...url.filters, mine: e.target.value === 'mine' || undefined })} style={{ marginBottom: 12 }} data-testid="status-who">
            <Radio.Button value="">{t('resumptionFiling.plans.whoAll')}</Radio.Button>
            <Radio.Button value="mine" data-testid="status-mine">
              {t('resumptionFiling.plans.mine')}
            </Radio.Button>
          </Radio.Group>
        ) : null}
        <ListTable query={query} url={url} columns={columns} rowKey="enterpriseId" testId="status-table" empty={{ title: t('resumptionFiling.status.empty') }} />
      </Card>
      <HistoryDrawer row={historyOf} onClose={() => setHistoryOf(null)} />
      {acting?.kind === 'suspend' ? <SuspendDialog row={acting.row} onClose={() => setActing(null)} /> : null}
      {acting?.kind === 'resume' ? <ResumeDialog row={acting.row} onClose={() => setActing(null)} /> : null}
    </div>
  );
}


/** 全部 / 未报备 / 已报备 / 已复工 / 已停工 with their counts under the other filters. */
function StatusCounts({ base, value, onChange }: { base: Record<string, string | boolean | undefined>; value: string | undefined; onChange: (s: string | undefined) => void }) {
  const { t } = useTranslation();
  const all = useEnterpriseStatusCount(base);
  const counts = {
    not_filed: useEnterpriseStatusCount({ ...base, status: 'not_filed' }),
    filed: useEnterpriseStatusCount({ ...base, status: 'filed' }),
    resumed: useEnterpriseStatusCount({ ...base, status: 'resumed' }),
    suspended: useEnterpriseStatusCount({ ...base, status: 'suspended' }),
  };
  const color: Record<EnterpriseResumptionStatus, string | undefined> = { not_filed: undefined, filed: '#1d4ed8', resumed: '#389e0d', suspended: '#cf1322' };
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Radio.Group value={value ?? ''} onChange={(e) => onChange((e.target.value as string) || undefined)} data-testid="status-counts">
        <Radio.Button value="" data-testid="status-count-all">
          {t('resumptionFiling.status.all')} <b>{all.data !== undefined ? formatNumber(all.data) : '…'}</b>
        </Radio.Button>
        {ENTERPRISE_RESUMPTION_STATUSES.map((s) => (
          <Radio.Button key={s} value={s} data-testid={`status-count-${s}`}>
            {t(`resumptionFiling.enterpriseStatus.${s}`)} <b style={{ color: color[s] }}>{counts[s].data !== undefined ? formatNumber(counts[s].data) : '…'}</b>
          </Radio.Button>
        ))}
      </Radio.Group>
    </Flex>
  );
}

function HistoryDrawer({ row, onClose }: { row: EnterpriseResumption | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const history = useEnterpriseHistory(row?.enterpriseId);
  return (
    <Drawer open={!!row} onClose={onClose} title={t('resumptionFiling.status.historyTitle', { name: row?.enterpriseName ?? '' })} size={screens.md ? 480 : '100%'} destroyOnHidden data-testid="status-history-drawer">
      {history.isPending ? (
        <PageSkeleton rows={4} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'status', label: t('resumptionFiling.status.today'), children: <EnterpriseStatusTag status={history.data.current.status} since={history.data.current.since} /> },
              { key: 'com', label: t('resumptionFiling.plan.commissioner'), children: history.data.current.commissioner?.name ?? t('resumptionFiling.plan.noCommissioner') },
              { key: 'last', label: t('resumptionFiling.status.latestReport'), children: history.data.current.latestReportDate ?? '-' },
              {
                key: 'staff',
                label: t('resumptionFiling.status.staffReturn'),
                children: <Rate numerator={history.data.current.staffOnSite} denominator={history.data.current.employees} value={history.data.current.staffReturnRate} />,
              },
              { key: 'cap', label: t('resumptionFiling.status.capacity'), children: history.data.current.capacityPct === null ? '-' : `${history.data.current.capacityPct}%` },
            ]}
          />
          <Typography.Title level={5}>{t('resumptionFiling.status.history')}</Typography.Title>
          {history.data.history.length ? <StatusHistory periods={history.data.history} /> : <Typography.Text type="secondary">{t('resumptionFiling.status.noHistory')}</Typography.Text>}
        </>
      )}
    </Drawer>
  );
}
