// 卡口统计 over a period (?from=&to=, the last 14 days by default; ?checkpointId= for one):
// person-times (人次) and vehicles (辆次) screened — Zigong's two figures — alerts and the alert rate
// with its numerator and denominator; per day, per hour of the day, by origin province, by
// checkpoint and by risk level; abnormal cases by status and by reason; the checkpoints by status;
// the definitions of every figure; Excel export of the same period.
import { lazy, Suspense, type ReactNode } from 'react';
import { Card, Col, DatePicker, Empty, Flex, Row, Select, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES, type CaseStatus, type CheckpointStatus, type RiskLevel } from '@shuangsheng/contracts';
import { ExportButton } from '../../../components/ExportButton';
import { Definition, DefinitionsPanel, Kpi } from '../../../components/Kpi';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { formatNumber, zoneDateOf } from '../../../lib/format';
import { BASE, useCheckpointOptions, useCheckpointStats, type CheckpointStats } from './api';
import { RiskTag, useVocab } from './display';
import { addDays, formatFraction, formatRate, fullDay, periodOf, provinceLabel, topWithOther } from './helpers';

const Charts = {
  Daily: lazy(() => import('./StatsCharts').then((m) => ({ default: m.DailyChart }))),
  Hourly: lazy(() => import('./StatsCharts').then((m) => ({ default: m.HourlyChart }))),
  Bars: lazy(() => import('./StatsCharts').then((m) => ({ default: m.HorizontalBars }))),
  Counts: lazy(() => import('./StatsCharts').then((m) => ({ default: m.CountBars }))),
};

const DEF_KEYS = ['persons', 'vehicles', 'alerts', 'alertRate', 'byDay', 'byHour', 'byProvince', 'byCheckpoint', 'byRisk', 'cases', 'checkpoints'] as const;
type DefKey = (typeof DEF_KEYS)[number];
const STATUS_COLOR: Record<CaseStatus, string> = { open: '#cf1322', transferred: '#1d4ed8', resulted: '#d48806', closed: '#8c8c8c' };

export default function CheckpointStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = zoneDateOf(Date.now());
  const { from, to } = periodOf(params, today);
  const checkpointId = params.get('checkpointId') ?? undefined;
  const query = useCheckpointStats(from, to, checkpointId);
  const checkpoints = useCheckpointOptions();
  const s = query.data;
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };
  const range = (days: number): [dayjs.Dayjs, dayjs.Dayjs] => [dayjs(addDays(today, -(days - 1))), dayjs(today)];
  const presets = [
    { label: t('checkpointsDuty.stats.today'), value: range(1) },
    { label: t('checkpointsDuty.stats.last7'), value: range(7) },
    { label: t('checkpointsDuty.stats.last14'), value: range(14) },
    { label: t('checkpointsDuty.stats.last30'), value: range(30) },
  ];

  return (
    <div>
      <PageHeader
        title={t('checkpointsDuty.stats.title')}
        sub={t('checkpointsDuty.stats.sub', { from, to })}
        extra={
          <>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={checkpointId}
              onChange={(v: string | undefined) => set({ checkpointId: v })}
              placeholder={t('checkpointsDuty.stats.allCheckpoints')}
              options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 200 }}
              popupMatchSelectWidth={false}
              data-testid="stats-checkpoint"
            />
            <DatePicker.RangePicker
              value={[dayjs(from), dayjs(to)]}
              allowClear={false}
              presets={presets}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              onChange={(v) => {
                if (v?.[0] && v[1]) set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
              }}
              data-testid="stats-period"
            />
            <ExportButton path={`${BASE}/stats.xlsx`} query={{ from, to, checkpointId }} testId="stats-export" />
          </>
        }
      />
      {!s ? query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <PageSkeleton rows={12} /> : <StatsBody s={s} />}
    </div>
  );
}

function ChartCard({ title, def, children, testId, empty }: { title: string; def: string | undefined; children: ReactNode; testId: string; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={<Definition text={def}>{title}</Definition>} styles={{ body: { padding: 12 } }} style={{ height: '100%' }} data-testid={testId}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkpointsDuty.stats.noData')} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>{children}</Suspense>
      )}
    </Card>
  );
}

function StatsBody({ s }: { s: CheckpointStats }) {
  const { t } = useTranslation();
  const { lang, kinds, risks, reasons, caseStatus, checkpointStatus } = useVocab();
  const def = (k: DefKey) => s.definitions[k];
  const labels = { persons: t('checkpointsDuty.stats.persons'), vehicles: t('checkpointsDuty.stats.vehicles'), alerts: t('checkpointsDuty.stats.alerts') };
  const hours = fullDay(s.byHour);
  const other = t('checkpointsDuty.stats.otherProvinces');
  const provinces = topWithOther(
    s.byProvince.map((p) => ({ label: p.province.trim() ? provinceLabel(p.province, lang) : t('checkpointsDuty.stats.noProvince'), persons: p.persons, vehicles: p.vehicles })),
    12,
    (r) => r.persons,
    (sum) => ({ label: other, persons: sum, vehicles: 0 }),
  );
  if (provinces.length && provinces.at(-1)!.label === other) {
    const shown = new Set(provinces.slice(0, -1).map((p) => p.label));
    provinces.at(-1)!.vehicles = s.byProvince.filter((p) => !shown.has(provinceLabel(p.province, lang))).reduce((n, p) => n + p.vehicles, 0);
  }
  const byCheckpoint = [...s.byCheckpoint].sort((a, b) => b.persons - a.persons);
  const riskRows = s.byRisk.map((r) => ({ label: r.level ? risks[r.level] : t('checkpointsDuty.stats.noRisk'), persons: r.persons }));
  const caseRows = CASE_STATUSES.map((st) => ({ label: caseStatus[st], count: s.cases[st], color: STATUS_COLOR[st] }));
  const reasonRows = [...s.cases.byReason].sort((a, b) => b.count - a.count).map((r) => ({ label: reasons[r.reason], count: r.count }));

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} xl={6}>
          <Kpi title={t('checkpointsDuty.stats.persons')} def={def('persons')} value={formatNumber(s.persons)} sub={t('checkpointsDuty.stats.personsSub')} testId="stats-persons" color="#1d4ed8" />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi title={t('checkpointsDuty.stats.vehicles')} def={def('vehicles')} value={formatNumber(s.vehicles)} sub={t('checkpointsDuty.stats.vehiclesSub')} testId="stats-vehicles" color="#13a8a8" />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi
            title={t('checkpointsDuty.stats.alerts')}
            def={def('alerts')}
            value={formatNumber(s.alerts)}
            sub={
              <Link to="/checkpoints/duty?status=open" data-testid="stats-open-cases">
                {t('checkpointsDuty.stats.openCases', { count: s.cases.open })}
              </Link>
            }
            testId="stats-alerts"
            color="#cf1322"
          />
        </Col>
        <Col xs={12} xl={6}>
          <Kpi
            title={t('checkpointsDuty.stats.alertRate')}
            def={def('alertRate')}
            value={formatRate(s.alertRate)}
            sub={
              <span data-testid="stats-alert-rate-fraction" data-numerator={s.alertRate.numerator} data-denominator={s.alertRate.denominator}>
                {t('checkpointsDuty.stats.alertRateSub', { fraction: formatFraction(s.alertRate) })}
              </span>
            }
            testId="stats-alert-rate"
            color="#d46b08"
          />
        </Col>
      </Row>
      <Flex gap={16} wrap style={{ marginBottom: 16 }} data-testid="stats-checkpoint-statuses">
        <Typography.Text type="secondary">
          <Definition text={def('checkpoints')}>{t('checkpointsDuty.stats.checkpointsLine')}</Definition>
        </Typography.Text>
        <Typography.Text>
          {checkpointStatus.active} <b>{formatNumber(s.checkpoints.active)}</b>
        </Typography.Text>
        <Typography.Text>
          {checkpointStatus.service_point} <b>{formatNumber(s.checkpoints.servicePoint)}</b>
        </Typography.Text>
        <Typography.Text type="secondary">
          {checkpointStatus.closed} <b>{formatNumber(s.checkpoints.closed)}</b>
        </Typography.Text>
      </Flex>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <ChartCard title={t('checkpointsDuty.stats.byDay')} def={def('byDay')} testId="stats-by-day" empty={!s.byDay.some((d) => d.persons)}>
            <Charts.Daily days={s.byDay} labels={labels} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard title={t('checkpointsDuty.stats.byHour')} def={def('byHour')} testId="stats-by-hour" empty={!hours.some((h) => h.persons)}>
            <Charts.Hourly hours={hours} labels={labels} />
          </ChartCard>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard title={t('checkpointsDuty.stats.byProvince')} def={def('byProvince')} testId="stats-by-province" empty={!provinces.length}>
            <Charts.Bars rows={provinces} labels={labels} testId="stats-chart-province" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('checkpointsDuty.stats.byRisk')} def={def('byRisk')} testId="stats-by-risk" empty={!riskRows.some((r) => r.persons)}>
            <Charts.Bars rows={riskRows} labels={labels} testId="stats-chart-risk" />
          </ChartCard>
        </Col>
      </Row>

      <Card title={<Definition text={def('byCheckpoint')}>{t('checkpointsDuty.stats.byCheckpoint')}</Definition>} styles={{ body: { padding: 12 } }} style={{ marginBottom: 16 }} data-testid="stats-by-checkpoint">
        {byCheckpoint.length ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={11}>
              <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
                <Charts.Bars rows={byCheckpoint.slice(0, 12).map((c) => ({ label: c.name, persons: c.persons, vehicles: c.vehicles, alerts: c.alerts }))} labels={labels} alerts testId="stats-chart-checkpoint" />
              </Suspense>
            </Col>
            <Col xs={24} xl={13}>
              <Table
                size="small"
                rowKey="checkpointId"
                pagination={byCheckpoint.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                dataSource={byCheckpoint}
                scroll={{ x: 'max-content' }}
                onRow={(r) => ({ 'data-testid': `stats-checkpoint-${r.checkpointId}` }) as never}
                columns={[
                  {
                    title: t('checkpointsDuty.common.checkpoint'),
                    dataIndex: 'name',
                    render: (v: string, r) => (
                      <div style={{ whiteSpace: 'nowrap' }}>
                        <Link to={`/checkpoints/${r.checkpointId}`}>{v}</Link>
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {kinds[r.kind]} · <span style={{ color: r.status === 'closed' ? undefined : r.status === 'active' ? '#389e0d' : '#1d4ed8' }}>{checkpointStatus[r.status as CheckpointStatus]}</span>
                        </Typography.Text>
                      </div>
                    ),
                  },
                  { title: labels.persons, dataIndex: 'persons', align: 'right', render: (v: number) => formatNumber(v) },
                  { title: labels.vehicles, dataIndex: 'vehicles', align: 'right', render: (v: number) => formatNumber(v) },
                  {
                    title: labels.alerts,
                    dataIndex: 'alerts',
                    align: 'right',
                    render: (v: number, r) => (
                      <span style={{ whiteSpace: 'nowrap' }}>
                        <Typography.Text type={v ? 'danger' : undefined}>{formatNumber(v)}</Typography.Text>
                        <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                          {formatRate({ value: r.persons ? v / r.persons : null })}
                        </Typography.Text>
                      </span>
                    ),
                  },
                ]}
              />
            </Col>
          </Row>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkpointsDuty.stats.noData')} />
        )}
      </Card>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={8}>
          <Card title={<Definition text={def('byRisk')}>{t('checkpointsDuty.stats.riskTable')}</Definition>} styles={{ body: { padding: 12 } }} style={{ height: '100%' }}>
            <Table
              size="small"
              rowKey={(r) => r.level ?? 'none'}
              pagination={false}
              dataSource={s.byRisk}
              data-testid="stats-risk-table"
              columns={[
                { title: t('checkpointsDuty.stats.level'), dataIndex: 'level', render: (v: RiskLevel | null) => (v ? <RiskTag level={v} /> : <Typography.Text type="secondary">{t('checkpointsDuty.stats.noRisk')}</Typography.Text>) },
                { title: t('checkpointsDuty.stats.checkpoints'), dataIndex: 'checkpoints', align: 'right' },
                { title: labels.persons, dataIndex: 'persons', align: 'right', render: (v: number) => formatNumber(v) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard title={t('checkpointsDuty.stats.casesByStatus', { total: s.cases.total })} def={def('cases')} testId="stats-cases-status" empty={!s.cases.total}>
            <Charts.Counts rows={caseRows} name={t('checkpointsDuty.stats.cases')} testId="stats-chart-case-status" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard title={t('checkpointsDuty.stats.casesByReason')} def={def('cases')} testId="stats-cases-reason" empty={!reasonRows.some((r) => r.count)}>
            <Charts.Counts rows={reasonRows} name={t('checkpointsDuty.stats.cases')} testId="stats-chart-case-reason" />
          </ChartCard>
        </Col>
      </Row>

      <DefinitionsPanel
        title={t('checkpointsDuty.stats.definitions')}
        definitions={s.definitions}
        labelOf={(k) => ((DEF_KEYS as readonly string[]).includes(k) ? t(`checkpointsDuty.stats.defLabels.${k as DefKey}`) : undefined)}
      />
    </>
  );
}
