// 巡查统计 over a period (?from=&to=, the last 30 days by default): parks inspected of parks in
// scope (over the period and per day), each item's pass rate ("1 米线 82.0% 41 / 50"), the items
// failing most, findings fixed on the spot vs put in the ledger, open / closed / overdue ledger
// items and the average days to close — every rate with its numerator and denominator, the
// definitions under them, Excel export.
import { lazy, Suspense } from 'react';
import { Card, Col, DatePicker, Descriptions, Empty, Row, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InspectionPlace } from '@shuangsheng/contracts';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { formatNumber, zoneDateOf } from '../../../lib/format';
import { BASE, useInspectionStats, type Stats } from './api';
import { PlaceTag, RateFigure } from './display';
import { formatAverage, formatFraction, formatRate, ratePct, statsPeriod } from './helpers';
import { Definition, DefinitionsPanel, Kpi } from '../../../components/Kpi';

const Charts = {
  Daily: lazy(() => import('./StatsCharts').then((m) => ({ default: m.DailyChart }))),
  Rates: lazy(() => import('./StatsCharts').then((m) => ({ default: m.PassRateBars }))),
  Failing: lazy(() => import('./StatsCharts').then((m) => ({ default: m.FailingBars }))),
};

const DEF_KEYS = ['daily', 'parks', 'items', 'topFailing', 'findings', 'fixedOnSpot', 'ledgered', 'ledger', 'open', 'closed', 'overdue', 'averageDaysToClose'] as const;
type DefKey = (typeof DEF_KEYS)[number];

export default function InspectionStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = zoneDateOf(Date.now());
  const { from, to } = statsPeriod(params, today);
  const query = useInspectionStats(from, to);
  const s = query.data;
  const presets = [
    { label: t('inspectionsAdmin.stats.last7'), value: [dayjs(today).subtract(6, 'day'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('inspectionsAdmin.stats.last30'), value: [dayjs(today).subtract(29, 'day'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('inspectionsAdmin.stats.thisMonth'), value: [dayjs(today).startOf('month'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
  ];

  return (
    <div>
      <PageHeader
        title={t('inspectionsAdmin.stats.title')}
        sub={t('inspectionsAdmin.stats.sub', { from, to })}
        extra={
          <>
            <DatePicker.RangePicker
              value={[dayjs(from), dayjs(to)]}
              allowClear={false}
              presets={presets}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              onChange={(v) => {
                if (v?.[0] && v[1]) setParams({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
              }}
              data-testid="stats-period"
            />
            <ExportButton path={`${BASE}/stats.xlsx`} query={{ from, to }} testId="stats-export" />
          </>
        }
      />
      {!s ? query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <PageSkeleton rows={12} /> : <StatsBody s={s} />}
    </div>
  );
}

function StatsBody({ s }: { s: Stats }) {
  const { t } = useTranslation();
  const def = (k: DefKey) => s.definitions[k];
  const chartFallback = <Skeleton active paragraph={{ rows: 5 }} />;
  const items = [...s.items].sort((a, b) => (a.passRate.value ?? 2) - (b.passRate.value ?? 2));
  // The chart shows the weakest items (the table below lists them all).
  const rateRows = items
    .filter((i) => i.passRate.denominator > 0)
    .slice(0, 12)
    .map((i) => ({ label: i.title, pct: ratePct(i.passRate), numerator: i.passRate.numerator, denominator: i.passRate.denominator }));
  const days = s.daily.map((d) => ({ date: d.date, numerator: d.parks.numerator, denominator: d.parks.denominator }));
  const f = s.findings;

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} xl={6}>
          <Kpi title={t('inspectionsAdmin.stats.parks')} def={def('parks')} value={formatFraction(s.parks)} sub={t('inspectionsAdmin.stats.parksSub', { rate: formatRate(s.parks) })} testId="stats-parks" color="#1d4ed8" />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi
            title={t('inspectionsAdmin.stats.findings')}
            def={def('findings')}
            value={formatNumber(f.total)}
            sub={t('inspectionsAdmin.stats.findingsSub', { fixed: formatFraction(f.fixedOnSpot), fixedRate: formatRate(f.fixedOnSpot), ledgered: formatFraction(f.ledgered) })}
            testId="stats-findings"
          />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi
            title={t('inspectionsAdmin.stats.ledgerOpen')}
            def={def('ledger')}
            value={formatNumber(s.ledger.open)}
            sub={
              <>
                {t('inspectionsAdmin.stats.ledgerSub', { closed: formatNumber(s.ledger.closed) })}
                {s.ledger.overdue ? (
                  <Link to="/inspections/ledger?status=open&overdue=true" style={{ color: '#cf1322', marginInlineStart: 6 }} data-testid="stats-ledger-overdue">
                    {t('inspectionsAdmin.stats.overdueN', { count: s.ledger.overdue })}
                  </Link>
                ) : (
                  <span data-testid="stats-ledger-overdue" style={{ marginInlineStart: 6 }}>
                    {t('inspectionsAdmin.stats.overdueN', { count: 0 })}
                  </span>
                )}
              </>
            }
            testId="stats-ledger-open"
            color="#d46b08"
          />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi
            title={t('inspectionsAdmin.stats.averageDays')}
            def={def('averageDaysToClose')}
            value={formatAverage(s.averageDaysToClose)}
            sub={t('inspectionsAdmin.stats.averageDaysSub', { days: formatNumber(s.averageDaysToClose.numerator), count: s.averageDaysToClose.denominator })}
            testId="stats-average-days"
            color="#389e0d"
          />
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={15}>
          <Card title={<Definition text={def('daily')}>{t('inspectionsAdmin.stats.daily')}</Definition>} styles={{ body: { padding: 12 } }} style={{ height: '100%' }} data-testid="stats-daily">
            {days.some((d) => d.denominator > 0) ? (
              <Suspense fallback={chartFallback}>
                <Charts.Daily days={days} labels={{ inspected: t('inspectionsAdmin.stats.inspected'), scope: t('inspectionsAdmin.stats.inScope'), rate: t('inspectionsAdmin.stats.rate') }} />
              </Suspense>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspectionsAdmin.stats.noRounds')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={<Definition text={def('findings')}>{t('inspectionsAdmin.stats.disposition')}</Definition>} styles={{ body: { padding: 12 } }} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'fixed', label: <Definition text={def('fixedOnSpot')}>{t('inspectionsAdmin.dispositions.fixed_on_spot')}</Definition>, children: <RateFigure ratio={f.fixedOnSpot} testId="stats-fixed-on-spot" /> },
                { key: 'ledgered', label: <Definition text={def('ledgered')}>{t('inspectionsAdmin.dispositions.ledger')}</Definition>, children: <RateFigure ratio={f.ledgered} testId="stats-ledgered" /> },
                { key: 'open', label: t('inspectionsAdmin.findingStatus.open'), children: <span data-testid="stats-open">{formatNumber(s.ledger.open)}</span> },
                { key: 'closed', label: t('inspectionsAdmin.findingStatus.closed'), children: <span data-testid="stats-closed">{formatNumber(s.ledger.closed)}</span> },
                {
                  key: 'overdue',
                  label: t('inspectionsAdmin.common.overdue'),
                  children: (
                    <Typography.Text type={s.ledger.overdue ? 'danger' : undefined} data-testid="stats-overdue">
                      {formatNumber(s.ledger.overdue)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={<Definition text={def('items')}>{t('inspectionsAdmin.stats.items')}</Definition>} styles={{ body: { padding: 12 } }}>
            {rateRows.length ? (
              <Suspense fallback={chartFallback}>
                <Charts.Rates rows={rateRows} testId="stats-chart-items" />
              </Suspense>
            ) : null}
            <Table
              size="small"
              rowKey="itemKey"
              pagination={false}
              style={{ marginTop: 8 }}
              dataSource={items}
              data-testid="stats-items"
              locale={{ emptyText: t('inspectionsAdmin.stats.noAnswers') }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('inspectionsAdmin.common.place'), dataIndex: 'place', render: (v: InspectionPlace) => <PlaceTag place={v} /> },
                {
                  title: t('inspectionsAdmin.common.item'),
                  dataIndex: 'title',
                  render: (v: string, r) => (
                    <Link to={`/inspections/ledger?itemKey=${encodeURIComponent(r.itemKey)}&all=true`} data-testid={`stats-item-title-${r.itemKey}`}>
                      {v}
                    </Link>
                  ),
                },
                {
                  title: t('inspectionsAdmin.stats.passRate'),
                  key: 'rate',
                  align: 'right',
                  render: (_v, r) => (
                    <span data-testid={`stats-item-${r.itemKey}`} data-numerator={r.passRate.numerator} data-denominator={r.passRate.denominator} style={{ whiteSpace: 'nowrap' }}>
                      <Typography.Text strong type={r.passRate.value !== null && r.passRate.value < 0.8 ? 'danger' : undefined}>
                        {formatRate(r.passRate)}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">{formatFraction(r.passRate)}</Typography.Text>
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={<Definition text={def('topFailing')}>{t('inspectionsAdmin.stats.topFailing')}</Definition>} styles={{ body: { padding: 12 } }}>
            {s.topFailing.length ? (
              <>
                <Suspense fallback={chartFallback}>
                  <Charts.Failing rows={s.topFailing} label={t('inspectionsAdmin.stats.fails')} />
                </Suspense>
                <ol style={{ margin: '8px 0 0', paddingInlineStart: 20 }} data-testid="stats-top-failing">
                  {s.topFailing.map((x) => (
                    <li key={x.itemKey} data-testid={`stats-failing-${x.itemKey}`}>
                      <Link to={`/inspections/ledger?itemKey=${encodeURIComponent(x.itemKey)}&all=true`}>{x.title}</Link>
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {t('inspectionsAdmin.stats.failsN', { count: x.fails })}
                      </Typography.Text>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspectionsAdmin.stats.noFails')} />
            )}
          </Card>
        </Col>
      </Row>

      <DefinitionsPanel
        title={t('inspectionsAdmin.stats.definitions')}
        definitions={s.definitions}
        labelOf={(k) => ((DEF_KEYS as readonly string[]).includes(k) ? t(`inspectionsAdmin.stats.defLabels.${k as DefKey}`) : undefined)}
        open
      />
    </>
  );
}
