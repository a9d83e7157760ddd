// 办件统计: the period (default 2020-02-03 … 2020-02-16) and filters in the URL; KPI cards with the
// exact fraction under each rate; received vs completed per day and by department (ECharts,
// loaded lazily); the fully-electronic rate per category; the definitions; Excel export.
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Button, Card, Col, Flex, Collapse, Descriptions, Form, Row, Select, Skeleton, Statistic, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHANNELS, STATS_DEFINITIONS, type ServiceCategory, type ServiceStats } from '@shuangsheng/contracts';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { formatNumber } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { useDepartments } from '../api';
import { DateRange, fromRange, toRange, type Range } from '../applications/components/filters';
import { ItemSelect } from '../applications/components/ItemSelect';
import { useServiceStats } from './api';
import { DEFAULT_FROM, DEFAULT_TO, fillDays, formatDays, formatFraction, formatRate } from './format';

const Charts = {
  Daily: lazy(() => import('./StatsCharts').then((m) => ({ default: m.DailyChart }))),
  Department: lazy(() => import('./StatsCharts').then((m) => ({ default: m.DepartmentChart }))),
};

const SPEC = { from: 'string', to: 'string', department: 'string', itemId: 'string', channel: 'string' } as const;
type FormShape = { department?: string; itemId?: string; channel?: string; range?: Range };
type DefKey = keyof typeof STATS_DEFINITIONS;

function Kpi({ title, value, sub, testId, def, color }: { title: string; value: ReactNode; sub?: ReactNode; testId: string; def: string; color?: string }) {
  return (
    <Card styles={{ body: { padding: 16 } }} style={{ height: '100%' }}>
      <Statistic
        title={
          <Tooltip title={def}>
            <span style={{ borderBottom: '1px dashed rgba(0,0,0,0.25)', cursor: 'help' }}>{title}</span>
          </Tooltip>
        }
        valueRender={() => (
          <span data-testid={testId} style={{ color }}>
            {value}
          </span>
        )}
      />
      {sub ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-sub`}>
          {sub}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** The period first (always set), then the filters, 查询 and 重置. */
function StatsFilters({ values, onSearch, onReset, children }: { values: FormShape; onSearch: (v: FormShape) => void; onReset: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormShape>();
  return (
    <Form form={form} layout="inline" initialValues={values} onFinish={onSearch} style={{ rowGap: 12, marginBottom: 16 }} data-testid="filter-bar">
      <Form.Item name="range" label={t('stats.range')} rules={[{ validator: (_r, v: Range) => (v?.[0] && v[1] ? Promise.resolve() : Promise.reject(new Error(t('stats.range')))) }]}>
        <DateRange testId="stats-range" allowClear={false} />
      </Form.Item>
      {children}
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" data-testid="list-search-submit">
            {t('common.search')}
          </Button>
          <Button onClick={onReset} data-testid="list-reset">
            {t('common.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

export default function StatsPage() {
  const { t } = useTranslation();
  const url = useUrlList(SPEC);
  const { from = DEFAULT_FROM, to = DEFAULT_TO, department, itemId, channel } = url.filters;
  const filter = { from, to, department, itemId, channel };
  const query = useServiceStats(filter);
  const departments = useDepartments();
  const s = query.data;
  const def = (k: DefKey) => t(`stats.defs.${k}`);
  const labels = { received: t('stats.received'), completed: t('stats.completed'), completedOnline: t('stats.completedOnline') };
  const days = useMemo(() => (s ? fillDays(s.from, s.to, s.byDay) : []), [s]);

  const kpis = (s: ServiceStats) => {
    const cards: { key: string; node: ReactNode }[] = [
      { key: 'received', node: <Kpi title={t('stats.received')} value={formatNumber(s.received)} testId="stats-received" def={def('received')} /> },
      { key: 'completed', node: <Kpi title={t('stats.completed')} value={formatNumber(s.completed)} testId="stats-completed" def={def('completed')} /> },
      { key: 'completedOnline', node: <Kpi title={t('stats.completedOnline')} value={formatNumber(s.completedOnline)} testId="stats-completed-online" def={def('completedOnline')} /> },
      {
        key: 'noContactRate',
        node: <Kpi title={t('stats.noContactRate')} value={formatRate(s.noContactRate)} sub={formatFraction(s.noContactRate)} testId="stats-no-contact-rate" def={def('noContactRate')} color="#1d4ed8" />,
      },
      {
        key: 'fullyElectronicRate',
        node: <Kpi title={t('stats.fullyElectronicRate')} value={formatRate(s.fullyElectronicRate)} sub={formatFraction(s.fullyElectronicRate)} testId="stats-fully-electronic-rate" def={def('fullyElectronicRate')} color="#389e0d" />,
      },
      {
        key: 'avgWorkingDays',
        node: (
          <Kpi
            title={t('stats.avgWorkingDays')}
            value={formatDays(s.avgWorkingDays.value)}
            sub={t('stats.avgDaysFraction', { total: formatNumber(s.avgWorkingDays.totalDays), count: formatNumber(s.avgWorkingDays.count) })}
            testId="stats-avg-days"
            def={def('avgWorkingDays')}
          />
        ),
      },
      { key: 'overdueOpen', node: <Kpi title={t('stats.overdueOpen')} value={formatNumber(s.overdueOpen)} testId="stats-overdue-open" def={def('overdueOpen')} color={s.overdueOpen ? '#cf1322' : undefined} /> },
      { key: 'completedLate', node: <Kpi title={t('stats.completedLate')} value={formatNumber(s.completedLate)} testId="stats-completed-late" def={def('completedLate')} color={s.completedLate ? '#d46b08' : undefined} /> },
      {
        key: 'correctionRate',
        node: <Kpi title={t('stats.correctionRate')} value={formatRate(s.correctionRate)} sub={formatFraction(s.correctionRate)} testId="stats-correction-rate" def={def('correctionRate')} />,
      },
      { key: 'appointments', node: <Kpi title={t('stats.appointments')} value={formatNumber(s.appointments)} testId="stats-appointments" def={def('appointments')} /> },
      { key: 'consultations', node: <Kpi title={t('stats.consultations')} value={formatNumber(s.consultations)} testId="stats-consultations" def={def('consultations')} /> },
      {
        key: 'employmentRegistrations',
        node: <Kpi title={t('stats.employmentRegistrations')} value={formatNumber(s.employmentRegistrations)} testId="stats-employment" def={def('employmentRegistrations')} />,
      },
    ];
    return (
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={8} xl={6} xxl={4}>
            {c.node}
          </Col>
        ))}
      </Row>
    );
  };

  const chartFallback = <Skeleton active paragraph={{ rows: 5 }} />;
  const body = !s ? (
    query.isError ? (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    ) : (
      <PageSkeleton rows={10} />
    )
  ) : (
    <>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {kpis(s)}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('stats.byDay')} styles={{ body: { padding: 12 } }}>
            <Suspense fallback={chartFallback}>
              <Charts.Daily days={days} labels={labels} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('stats.byDepartment')} styles={{ body: { padding: 12 } }}>
            {s.byDepartment.length ? (
              <Suspense fallback={chartFallback}>
                <Charts.Department rows={s.byDepartment} labels={labels} />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">{t('stats.noData')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('stats.byCategory')} styles={{ body: { padding: 12 } }}>
            <Table
              size="small"
              rowKey="category"
              pagination={false}
              dataSource={s.fullyElectronicByCategory}
              data-testid="stats-category-table"
              locale={{ emptyText: t('stats.noData') }}
              columns={[
                { title: t('stats.category'), dataIndex: 'category', render: (c: ServiceCategory) => t(`serviceCategories.${c}`) },
                { title: t('stats.rate'), key: 'rate', align: 'right', render: (_v, r) => formatRate(r.rate) },
                { title: t('stats.fraction'), key: 'fraction', align: 'right', render: (_v, r) => <Typography.Text type="secondary">{formatFraction(r.rate)}</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('stats.byChannel')} styles={{ body: { padding: 12 } }}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={CHANNELS.map((c) => ({ key: c, label: t(`applications.channels.${c}`), children: formatNumber(s.byChannel.find((x) => x.channel === c)?.received ?? 0) }))}
            />
          </Card>
        </Col>
      </Row>
      <Collapse
        data-testid="stats-definitions"
        items={[
          {
            key: 'defs',
            label: t('stats.definitions'),
            children: (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={(Object.keys(STATS_DEFINITIONS) as DefKey[]).map((k) => ({ key: k, label: t(`stats.${k}`), children: def(k) }))}
              />
            ),
          },
        ]}
      />
    </>
  );

  return (
    <div>
      <PageHeader title={t('stats.title')} sub={`${t('stats.range')}${t('common.colon')}${from} ~ ${to}`} extra={<ExportButton path="/api/services/stats/export.xlsx" query={filter} testId="stats-export" />} />
      <Card styles={{ body: { padding: '16px 16px 0' } }} style={{ marginBottom: 16 }}>
        <StatsFilters key={JSON.stringify(filter)} values={{ department, itemId, channel, range: toRange(from, to) }} onSearch={({ range, ...v }) => url.setFilters({ ...v, ...fromRange(range) })} onReset={url.reset}>
          <Form.Item name="department" style={{ minWidth: 150 }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('stats.allDepartments')} options={(departments.data ?? []).map((d) => ({ value: d, label: d }))} popupMatchSelectWidth={false} data-testid="stats-department" />
          </Form.Item>
          <Form.Item name="itemId" style={{ minWidth: 160 }}>
            <ItemSelect placeholder={t('stats.allItems')} testId="stats-item" />
          </Form.Item>
          <Form.Item name="channel" style={{ minWidth: 120 }}>
            <Select allowClear placeholder={t('stats.allChannels')} options={CHANNELS.map((c) => ({ value: c, label: t(`applications.channels.${c}`) }))} popupMatchSelectWidth={false} data-testid="stats-channel" />
          </Form.Item>
        </StatsFilters>
      </Card>
      {body}
    </div>
  );
}
