// /resumption/reports — 复工日报. Officers: the reports (date range, enterprise, park, abnormal
// temperatures only; Excel export of what is filtered) and 今日未报 — resumed enterprises without
// a report for the day, with their commissioner. An enterprise user: today's report form (once
// resumed) and the enterprise's own reports.
import { Alert, Badge, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Radio, Row, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DailyReport } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListTable, PageHeader, sortable } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { EnterpriseSelect, ParkSelect } from '../../../components/pickers';
import { formatDateTime, formatNumber, zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { fromRange, toRange, type Range } from '../../services/applications/components/filters';
import { REPORTS, useDailyReports, useEnterpriseHistory, useMissingReports, type MissingReportRow } from './api';
import { DailyReportForm } from './components/DailyReportForm';
import { Rate } from './components/display';
import { ReportDates } from './components/ReportDates';

const SPEC = { tab: 'string', q: 'string', enterpriseId: 'string', parkId: 'string', from: 'string', to: 'string', abnormal: 'boolean', date: 'string', mine: 'boolean' } as const;
type FormShape = { q?: string; enterpriseId?: string; parkId?: string; range?: Range; abnormal?: boolean };

export default function DailyReportsPage() {
  const me = useSession();
  return isEnterpriseOnly(me) ? <OwnReports enterpriseId={me.enterpriseId} /> : <ZoneReports />;
}

function useReportColumns(url: ReturnType<typeof useUrlList<typeof SPEC>>, withEnterprise: boolean): TableColumnsType<DailyReport> {
  const { t } = useTranslation();
  return [
    { title: t('resumptionFiling.report.date'), dataIndex: 'reportDate', ...sortable(url, 'reportDate'), render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    ...(withEnterprise
      ? [
          {
            title: t('resumptionFiling.plan.enterprise'),
            dataIndex: 'enterpriseName',
            ...sortable(url, 'enterpriseName'),
            render: (v: string, r: DailyReport) => (
              <div style={{ maxWidth: 220 }}>
                <Ellipsis width={220} text={v} />
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.parkName ?? '-'}
                </Typography.Text>
              </div>
            ),
          },
        ]
      : []),
    {
      title: t('resumptionFiling.report.staffOnSite'),
      dataIndex: 'staffOnSite',
      ...sortable(url, 'staffOnSite'),
      render: (v: number, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatNumber(v)}
          {r.employees ? (
            <Typography.Text type="secondary">
              {' / '}
              {formatNumber(r.employees)} · <Rate numerator={v} denominator={r.employees} value={v / r.employees} />
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('resumptionFiling.report.capacityPct'), dataIndex: 'capacityPct', ...sortable(url, 'capacityPct'), render: (v: number) => `${v}%` },
    { title: t('resumptionFiling.report.suppliesDaysLeft'), dataIndex: 'suppliesDaysLeft', render: (v: number) => <span style={{ color: v < 3 ? '#d46b08' : undefined }}>{t('resumptionFiling.days', { count: v })}</span> },
    {
      title: t('resumptionFiling.report.abnormalTemperature'),
      dataIndex: 'abnormalTemperature',
      render: (v: number) => (v > 0 ? <Tag color="error">{formatNumber(v)}</Tag> : <span>0</span>),
    },
    {
      title: t('resumptionFiling.report.reportedBy'),
      dataIndex: 'reportedBy',
      render: (v: string, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {v}
          {r.replaced ? <Tag style={{ marginInlineStart: 6 }}>{t('resumptionFiling.report.replacedTag')}</Tag> : null}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDateTime(r.updatedAt)}
          </Typography.Text>
        </div>
      ),
    },
  ];
}

function ZoneReports() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC, { sort: 'reportDate:desc' });
  const today = zoneDateOf(Date.now());
  const tab = url.filters.tab === 'missing' ? 'missing' : 'reports';
  const { q, enterpriseId, parkId, from, to, abnormal, date = today, mine } = url.filters;
  const filter = { q, enterpriseId, parkId, from, to, abnormal: abnormal || undefined };
  const query = useDailyReports({ ...filter, page: url.list.page, pageSize: url.list.pageSize, ...(url.list.sort ? { sort: url.list.sort } : {}) }, { enabled: tab === 'reports' });
  const missing = useMissingReports({ date, mine: mine || undefined });
  const columns = useReportColumns(url, true);

  return (
    <div>
      <PageHeader
        title={t('resumptionFiling.reports.title')}
        sub={t('resumptionFiling.reports.sub')}
        extra={tab === 'reports' ? <ExportButton path={`${REPORTS}/export.xlsx`} query={{ ...filter, ...(url.list.sort ? { sort: url.list.sort } : {}) }} /> : null}
      />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => url.setFilters({ ...url.filters, tab: k === 'missing' ? 'missing' : undefined })}
          items={[
            { key: 'reports', label: <span data-testid="reports-tab-reports">{t('resumptionFiling.reports.tabReports')}</span> },
            {
              key: 'missing',
              label: (
                <span data-testid="reports-tab-missing">
                  {date === today ? t('resumptionFiling.reports.tabMissingToday') : t('resumptionFiling.reports.tabMissing')}
                  {missing.data ? <Badge count={missing.data.length} showZero overflowCount={9999} color={missing.data.length ? '#d46b08' : '#bfbfbf'} style={{ marginInlineStart: 6 }} /> : null}
                </span>
              ),
            },
          ]}
        />
        {tab === 'reports' ? (
          <>
            <FilterBar<FormShape>
              values={{ q, enterpriseId, parkId, abnormal, range: toRange(from, to) }}
              onSearch={({ range, ...v }) => url.setFilters({ ...url.filters, ...v, abnormal: v.abnormal || undefined, ...fromRange(range) })}
              onReset={() => url.setFilters({})}
              searchPlaceholder={t('resumptionFiling.reports.searchPlaceholder')}
            >
              <Form.Item name="enterpriseId" style={{ minWidth: 200 }}>
                <EnterpriseSelect placeholder={t('resumptionFiling.plan.enterprise')} testId="filter-enterprise" popupMatchSelectWidth={false} />
              </Form.Item>
              <Form.Item name="parkId" style={{ minWidth: 140 }}>
                <ParkSelect placeholder={t('resumptionFiling.plan.park')} testId="filter-park" popupMatchSelectWidth={false} />
              </Form.Item>
              <Form.Item name="range">
                <ReportDates testId="filter-dates" />
              </Form.Item>
              <Form.Item name="abnormal" valuePropName="checked">
                <Checkbox data-testid="filter-abnormal">{t('resumptionFiling.reports.abnormalOnly')}</Checkbox>
              </Form.Item>
            </FilterBar>
            <ListTable query={query} url={url} columns={columns} rowKey="id" testId="reports-table" empty={{ title: t('resumptionFiling.reports.empty'), description: t('resumptionFiling.reports.emptyDesc') }} />
          </>
        ) : (
          <MissingTab
            date={date}
            today={today}
            mine={!!mine}
            canMine={can('resumption.commission')}
            query={missing}
            onDate={(d) => url.setFilters({ ...url.filters, date: d === today ? undefined : d })}
            onMine={(m) => url.setFilters({ ...url.filters, mine: m || undefined })}
          />
        )}
      </Card>
    </div>
  );
}

type MissingProps = {
  date: string;
  today: string;
  mine: boolean;
  canMine: boolean;
  query: ReturnType<typeof useMissingReports>;
  onDate: (d: string) => void;
  onMine: (m: boolean) => void;
};

function MissingTab({ date, today, mine, canMine, query, onDate, onMine }: MissingProps) {
  const { t } = useTranslation();
  const can = useCan();
  const columns: TableColumnsType<MissingReportRow> = [
    {
      title: t('resumptionFiling.plan.enterprise'),
      dataIndex: 'enterpriseName',
      render: (v: string, r) => (can('enterprises.read') ? <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> : v),
    },
    { title: t('resumptionFiling.plan.park'), dataIndex: 'parkName', render: (v: string | null) => v ?? '-' },
    { title: t('resumptionFiling.plan.commissioner'), dataIndex: 'commissioner', render: (v: MissingReportRow['commissioner']) => v?.name ?? '-' },
    { title: t('resumptionFiling.reports.lastReportDate'), dataIndex: 'lastReportDate', render: (v: string | null) => v ?? t('resumptionFiling.reports.never') },
  ];
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker value={dayjs(date)} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} onChange={(d) => d && onDate(d.format('YYYY-MM-DD'))} data-testid="missing-date" />
        {canMine ? (
          <Radio.Group size="small" value={mine ? 'mine' : ''} onChange={(e) => onMine(e.target.value === 'mine')}>
            <Radio.Button value="">{t('resumptionFiling.plans.whoAll')}</Radio.Button>
            <Radio.Button value="mine" data-testid="missing-mine">
              {t('resumptionFiling.plans.mine')}
            </Radio.Button>
          </Radio.Group>
        ) : null}
        <Typography.Text type="secondary">{t('resumptionFiling.reports.missingHint')}</Typography.Text>
      </Flex>
      {query.isPending ? (
        <PageSkeleton rows={4} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length ? (
        <Table<MissingReportRow> size="middle" rowKey="enterpriseId" columns={columns} dataSource={query.data} pagination={query.data.length > 50 ? { pageSize: 50 } : false} scroll={{ x: 'max-content' }} data-testid="missing-table" />
      ) : (
        <EmptyState title={t('resumptionFiling.reports.noneMissing', { date })} />
      )}
    </>
  );
}

/** An enterprise user: the report form (once resumed) and the enterprise's own reports. */
function OwnReports({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const url = useUrlList(SPEC, { sort: 'reportDate:desc' });
  const history = useEnterpriseHistory(enterpriseId);
  const { from, to } = url.filters;
  const query = useDailyReports({ enterpriseId, from, to, page: url.list.page, pageSize: url.list.pageSize, ...(url.list.sort ? { sort: url.list.sort } : {}) });
  const columns = useReportColumns(url, false);
  const resumed = history.data?.current.status === 'resumed';
  return (
    <div>
      <PageHeader title={t('resumptionFiling.reports.title')} sub={history.data?.current.enterpriseName} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('resumptionFiling.my.todayReport')} data-testid="own-report-card">
            {history.isPending ? (
              <PageSkeleton rows={4} />
            ) : history.isError ? (
              <ErrorState error={history.error} onRetry={() => void history.refetch()} />
            ) : resumed ? (
              <DailyReportForm enterpriseId={enterpriseId} employees={history.data.current.employees} />
            ) : (
              <Alert
                type="info"
                showIcon
                title={
                  history.data.current.status === 'suspended'
                    ? t('resumptionFiling.my.reportSuspended', { date: history.data.current.since ?? '-' })
                    : t('resumptionFiling.my.reportAfterResumed')
                }
                action={
                  <Link to="/resumption/my">
                    <Button size="small">{t('resumptionFiling.my.title')}</Button>
                  </Link>
                }
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('resumptionFiling.reports.ownTitle')}>
            <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t('resumptionFiling.reports.dates')}</Typography.Text>
              <ReportDates value={toRange(from, to)} onChange={(range) => url.setFilters({ ...fromRange(range) })} testId="filter-dates" />
            </Flex>
            <ListTable query={query} url={url} columns={columns} rowKey="id" testId="own-reports-table" empty={{ title: t('resumptionFiling.report.none') }} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
