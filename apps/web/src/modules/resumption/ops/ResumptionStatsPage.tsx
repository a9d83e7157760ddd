// 复工统计: the zone's resumption as of a date (?asOf=, default the zone's today) — headline cards
// (overall rate, staff return, average capacity, major projects restarted) with the fraction
// under each rate; the rate per scale tier (百亿级 4 / 4 …), above-scale and city-monitored; per
// park and per supply chain; the 14-day trend; open demands by category; the definitions; Excel.
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Card, Col, DatePicker, Descriptions, Flex, Row, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ENTERPRISE_RESUMPTION_STATUSES, type DemandCategory, type Ratio, type ScaleTier } from '@shuangsheng/contracts';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { formatNumber } from '../../../lib/format';
import { BASE, useResumptionStats, type Stats } from './api';
import { EnterpriseStatusTag } from './display';
import { notFuture } from './forms';
import { formatAveragePct, formatFraction, formatRate, openByCategory, ratePct } from './helpers';
import { Definition, DefinitionsPanel, Kpi } from '../../../components/Kpi';

const Charts = {
  Rates: lazy(() => import('./StatsCharts').then((m) => ({ default: m.RateBars }))),
  Trend: lazy(() => import('./StatsCharts').then((m) => ({ default: m.TrendChart }))),
  Demands: lazy(() => import('./StatsCharts').then((m) => ({ default: m.DemandsChart }))),
};

const DEFINITION_KEYS = ['resumed', 'overall', 'tiers', 'aboveScale', 'cityMonitored', 'supplyChains', 'parks', 'staffReturn', 'capacity', 'majorProjects', 'openDemands', 'trend'] as const;
type DefKey = (typeof DEFINITION_KEYS)[number];

/** `71.6%` with `73 / 102` beside it; the element holds both (its test id is on the whole). */
function RateFigure({ ratio, testId }: { ratio: Ratio; testId: string }) {
  return (
    <span data-testid={testId} data-numerator={ratio.numerator} data-denominator={ratio.denominator} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text strong data-testid={`${testId}-rate`}>
        {formatRate(ratio)}
      </Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ marginInlineStart: 4 }} data-testid={`${testId}-fraction`}>
        {formatFraction(ratio)}
      </Typography.Text>
    </span>
  );
}

export default function ResumptionStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf') ?? undefined;
  const asOf = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : undefined;
  const query = useResumptionStats(asOf);
  const s = query.data;
  const chartFallback = <Skeleton active paragraph={{ rows: 5 }} />;
  const def = (k: DefKey) => s?.definitions[k];

  const picker = (
    <DatePicker
      value={s ? dayjs(s.asOf) : asOf ? dayjs(asOf) : null}
      onChange={(d) => setParams(d ? { asOf: d.format('YYYY-MM-DD') } : {})}
      disabledDate={notFuture}
      allowClear={!!asOf}
      prefix={t('resumptionOps.stats.asOf')}
      data-testid="stats-as-of"
    />
  );

  const body = !s ? (
    query.isError ? (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    ) : (
      <PageSkeleton rows={12} />
    )
  ) : (
    <StatsBody s={s} def={def} chartFallback={chartFallback} />
  );

  return (
    <div>
      <PageHeader
        title={t('resumptionOps.stats.title')}
        sub={s ? t('resumptionOps.stats.sub', { asOf: s.asOf, total: formatNumber(s.enterprises.total) }) : undefined}
        extra={
          <>
            {picker}
            <ExportButton path={`${BASE}/stats.xlsx`} query={s ? { asOf: s.asOf } : asOf ? { asOf } : {}} testId="stats-export" />
          </>
        }
      />
      {query.isError && s ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {body}
    </div>
  );
}

function StatsBody({ s, def, chartFallback }: { s: Stats; def: (k: DefKey) => string | undefined; chartFallback: ReactNode }) {
  const { t } = useTranslation();
  const tierRows = s.tiers.map((x) => ({ label: t(`tiers.${x.tier}`), pct: ratePct(x.ratio), numerator: x.ratio.numerator, denominator: x.ratio.denominator }));
  const parkRows = [...s.parks]
    .sort((a, b) => b.ratio.denominator - a.ratio.denominator)
    .map((p) => ({ label: p.parkName ?? t('resumptionOps.common.noPark'), pct: ratePct(p.ratio), numerator: p.ratio.numerator, denominator: p.ratio.denominator }));
  const demands = useMemo(() => openByCategory(s.openDemands), [s.openDemands]);
  const demandRows = demands.map((d) => ({ label: t(`resumptionOps.categories.${d.category}`), open: d.open, overdue: d.overdue }));
  const openTotal = demands.reduce((n, d) => n + d.open, 0);

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} xl={6}>
          <Kpi title={t('resumptionOps.stats.overall')} def={def('overall')} value={formatRate(s.overall)} sub={t('resumptionOps.stats.overallSub', { fraction: formatFraction(s.overall) })} testId="stats-overall" color="#1d4ed8" />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi title={t('resumptionOps.stats.staffReturn')} def={def('staffReturn')} value={formatRate(s.staffReturn)} sub={t('resumptionOps.stats.staffReturnSub', { fraction: formatFraction(s.staffReturn) })} testId="stats-staff-return" color="#389e0d" />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi
            title={t('resumptionOps.stats.capacity')}
            def={def('capacity')}
            value={formatAveragePct(s.capacity)}
            sub={t('resumptionOps.stats.capacitySub', { count: s.capacity.denominator })}
            testId="stats-capacity"
          />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi title={t('resumptionOps.stats.majorProjects')} def={def('majorProjects')} value={formatRate(s.majorProjects)} sub={t('resumptionOps.stats.majorProjectsSub', { fraction: formatFraction(s.majorProjects) })} testId="stats-major-projects" color="#d46b08" />
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={<Definition text={def('tiers')}>{t('resumptionOps.stats.byTier')}</Definition>} styles={{ body: { padding: 12 } }} data-testid="stats-tiers">
            <Suspense fallback={chartFallback}>
              <Charts.Rates rows={tierRows} testId="stats-chart-tiers" />
            </Suspense>
            <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
              {s.tiers.map((x) => (
                <Col key={x.tier} xs={12} md={6}>
                  <div style={{ padding: '6px 10px', background: '#fafafa', borderRadius: 6 }}>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t(`tiers.${x.tier}` as `tiers.${ScaleTier}`)}
                    </Typography.Text>
                    <RateFigure ratio={x.ratio} testId={`stats-tier-${x.tier}`} />
                  </div>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('resumptionOps.stats.classes')} styles={{ body: { padding: 12 } }} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'aboveScale', label: <Definition text={def('aboveScale')}>{t('resumptionOps.stats.aboveScale')}</Definition>, children: <RateFigure ratio={s.aboveScale} testId="stats-above-scale" /> },
                { key: 'cityMonitored', label: <Definition text={def('cityMonitored')}>{t('resumptionOps.stats.cityMonitored')}</Definition>, children: <RateFigure ratio={s.cityMonitored} testId="stats-city-monitored" /> },
                { key: 'overall', label: t('resumptionOps.stats.overall'), children: <RateFigure ratio={s.overall} testId="stats-overall-figure" /> },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('resumptionOps.stats.byStatus')}
            </Typography.Title>
            <Flex gap={16} wrap>
              {ENTERPRISE_RESUMPTION_STATUSES.map((st) => (
                <span key={st} style={{ whiteSpace: 'nowrap' }}>
                  <EnterpriseStatusTag status={st} />
                  <Link to={`/resumption/enterprises?status=${st}&asOf=${s.asOf}`} data-testid={`stats-status-${st}`}>
                    {formatNumber(s.enterprises.byStatus[st] ?? 0)}
                  </Link>
                </span>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={<Definition text={def('trend')}>{t('resumptionOps.stats.trend')}</Definition>} styles={{ body: { padding: 12 } }}>
            <Suspense fallback={chartFallback}>
              <Charts.Trend days={s.trend} labels={{ resumed: t('resumptionOps.stats.resumedCount'), rate: t('resumptionOps.stats.rate') }} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={<Definition text={def('openDemands')}>{t('resumptionOps.stats.openDemands')}</Definition>}
            extra={<Link to="/resumption/demands">{t('resumptionOps.stats.openDemandsTotal', { count: openTotal })}</Link>}
            styles={{ body: { padding: 12 } }}
          >
            <Suspense fallback={chartFallback}>
              <Charts.Demands rows={demandRows} labels={{ open: t('resumptionOps.stats.openNotOverdue'), overdue: t('resumptionOps.stats.overdue') }} />
            </Suspense>
            <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="stats-open-demands">
              {demands.map((d) => (
                <DemandFigure key={d.category} category={d.category} open={d.open} overdue={d.overdue} />
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <Card title={<Definition text={def('parks')}>{t('resumptionOps.stats.byPark')}</Definition>} styles={{ body: { padding: 12 } }}>
            {parkRows.length ? (
              <>
                <Suspense fallback={chartFallback}>
                  <Charts.Rates rows={parkRows} testId="stats-chart-parks" color="#13a8a8" />
                </Suspense>
                <Table
                  size="small"
                  rowKey={(p) => p.parkId ?? 'none'}
                  pagination={false}
                  style={{ marginTop: 8 }}
                  dataSource={[...s.parks].sort((a, b) => b.ratio.denominator - a.ratio.denominator)}
                  data-testid="stats-parks-table"
                  columns={[
                    { title: t('resumptionOps.common.park'), dataIndex: 'parkName', render: (v: string | null) => v ?? t('resumptionOps.common.noPark') },
                    { title: t('resumptionOps.stats.rate'), key: 'rate', align: 'right', render: (_v, p) => formatRate(p.ratio) },
                    { title: t('resumptionOps.stats.fraction'), key: 'fraction', align: 'right', render: (_v, p) => <Typography.Text type="secondary">{formatFraction(p.ratio)}</Typography.Text> },
                  ]}
                />
              </>
            ) : (
              <Typography.Text type="secondary">{t('resumptionOps.stats.noData')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<Definition text={def('supplyChains')}>{t('resumptionOps.stats.supplyChains')}</Definition>} styles={{ body: { padding: 12 } }}>
            <Table
              size="small"
              rowKey="leadingEnterpriseId"
              pagination={s.supplyChains.length > 10 ? { pageSize: 10, size: 'small' } : false}
              dataSource={[...s.supplyChains].sort((a, b) => b.ratio.denominator - a.ratio.denominator)}
              data-testid="stats-supply-chains"
              locale={{ emptyText: t('resumptionOps.stats.noChains') }}
              columns={[
                {
                  title: t('resumptionOps.stats.leading'),
                  dataIndex: 'leadingEnterpriseName',
                  render: (v: string, r) => <Link to={`/enterprises/${r.leadingEnterpriseId}?tab=supply-chain`}>{v}</Link>,
                },
                { title: t('resumptionOps.stats.suppliersResumed'), key: 'fraction', align: 'right', render: (_v, r) => formatFraction(r.ratio) },
                { title: t('resumptionOps.stats.rate'), key: 'rate', align: 'right', render: (_v, r) => <Typography.Text strong>{formatRate(r.ratio)}</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <DefinitionsPanel
        title={t('resumptionOps.stats.definitions')}
        definitions={s.definitions}
        labelOf={(k) => ((DEFINITION_KEYS as readonly string[]).includes(k) ? t(`resumptionOps.stats.defLabels.${k as DefKey}`) : undefined)}
        open
      />
    </>
  );
}

function DemandFigure({ category, open, overdue }: { category: DemandCategory; open: number; overdue: number }) {
  const { t } = useTranslation();
  return (
    <Link to={`/resumption/demands?category=${category}`} style={{ padding: '4px 10px', background: '#fafafa', borderRadius: 6, color: 'inherit' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`resumptionOps.categories.${category}`)}
      </Typography.Text>{' '}
      <Typography.Text strong data-testid={`stats-open-demands-${category}`} data-open={open}>
        {formatNumber(open)}
      </Typography.Text>
      {overdue ? (
        <Typography.Text type="danger" style={{ fontSize: 12, marginInlineStart: 4 }}>
          {t('resumptionOps.stats.overdueN', { count: overdue })}
        </Typography.Text>
      ) : null}
    </Link>
  );
}
