// 复工复产 on the enterprise profile: where the enterprise stands today (status since when, plan,
// latest report: staff on site against employees and capacity, commissioner), its status history,
// plans, the latest daily reports, demands and visits.
import { Card, Col, Descriptions, Empty, Row, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enterprise } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ErrorState, NoPermission, PageSkeleton } from '../../../components/PageStates';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useResumptionProfile, type Profile } from './api';
import { CategoryTag, DemandStatusTag, DueCell, EnterpriseStatusTag, HoursLeft, PlanStatusTag } from './display';
import { ENTERPRISE_TONE, formatRate } from './helpers';

const TONE_COLOR = { done: 'green', progress: 'blue', waiting: 'orange', abnormal: 'red', closed: 'gray' } as const;

export default function ResumptionProfileTab({ enterprise }: { enterprise: Enterprise }) {
  const can = useCan();
  if (!can('resumption.read') && !can('resumption.file')) return <NoPermission />;
  return <ProfileBody enterpriseId={enterprise.id} />;
}

function ProfileBody({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const query = useResumptionProfile(enterpriseId);
  if (query.isPending) return <PageSkeleton rows={6} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <div data-testid="resumption-profile" style={{ paddingTop: 8 }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Current p={p} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('resumptionOps.profile.history')} style={{ height: '100%' }}>
            <History p={p} />
          </Card>
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          { key: 'plans', label: <span data-testid="resumption-profile-plans">{t('resumptionOps.profile.plans', { count: p.plans.length })}</span>, children: <Plans p={p} /> },
          { key: 'reports', label: <span data-testid="resumption-profile-reports">{t('resumptionOps.profile.reports', { count: p.reports.length })}</span>, children: <Reports p={p} /> },
          { key: 'demands', label: <span data-testid="resumption-profile-demands">{t('resumptionOps.profile.demands', { count: p.demands.length })}</span>, children: <Demands p={p} /> },
          { key: 'visits', label: <span data-testid="resumption-profile-visits">{t('resumptionOps.profile.visits', { count: p.visits.length })}</span>, children: <Visits p={p} /> },
        ]}
      />
    </div>
  );
}

function Current({ p }: { p: Profile }) {
  const { t } = useTranslation();
  const c = p.current;
  const rate = c.staffReturnRate;
  return (
    <Card size="small" title={t('resumptionOps.profile.current')} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'status',
            label: t('resumptionOps.common.status'),
            children: (
              <span data-testid="resumption-profile-status" data-status={c.status}>
                <EnterpriseStatusTag status={c.status} />
                {c.since ? <Typography.Text type="secondary">{t('resumptionOps.profile.since', { date: c.since })}</Typography.Text> : null}
              </span>
            ),
          },
          {
            key: 'plan',
            label: t('resumptionOps.workbench.plan'),
            children: c.planStatus && c.planId ? (
              <Link to={`/resumption/plans/${c.planId}`}>
                <PlanStatusTag status={c.planStatus} />
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('resumptionOps.workbench.noPlan')}</Typography.Text>
            ),
          },
          { key: 'commissioner', label: t('resumptionOps.common.commissioner'), children: c.commissioner?.name ?? <Typography.Text type="secondary">{t('resumptionOps.profile.noCommissioner')}</Typography.Text> },
          { key: 'report', label: t('resumptionOps.profile.latestReport'), children: c.latestReportDate ?? '-' },
          {
            key: 'staff',
            label: t('resumptionOps.profile.staffOnSite'),
            children:
              c.staffOnSite === null ? (
                '-'
              ) : (
                <span>
                  {formatNumber(c.staffOnSite)} / {formatNumber(c.employees)}
                  {rate !== null ? <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>{formatRate({ value: rate })}</Typography.Text> : null}
                </span>
              ),
          },
          { key: 'capacity', label: t('resumptionOps.profile.capacity'), children: c.capacityPct === null ? '-' : `${c.capacityPct}%` },
        ]}
      />
    </Card>
  );
}

function History({ p }: { p: Profile }) {
  const { t } = useTranslation();
  if (!p.history.length) return <Typography.Text type="secondary">{t('resumptionOps.profile.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="resumption-profile-history"
      items={[...p.history].reverse().map((h, i) => ({
        key: `${h.status}-${h.from}-${i}`,
        color: TONE_COLOR[ENTERPRISE_TONE[h.status]],
        content: (
          <div>
            <EnterpriseStatusTag status={h.status} />
            <Typography.Text type="secondary">{h.to ? t('resumptionOps.profile.period', { from: h.from, to: h.to }) : t('resumptionOps.profile.periodOpen', { from: h.from })}</Typography.Text>
            {h.reason ? <div style={{ whiteSpace: 'pre-wrap', fontSize: 12, marginTop: 2 }}>{h.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

function Plans({ p }: { p: Profile }) {
  const { t } = useTranslation();
  if (!p.plans.length) return none(t('resumptionOps.profile.noPlans'));
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={p.plans}
      columns={[
        { title: t('resumptionOps.profile.planNumber'), dataIndex: 'number', render: (v: string | null, r) => <Link to={`/resumption/plans/${r.id}`} style={{ fontFamily: 'monospace' }}>{v ?? t('resumptionOps.profile.draftNoNumber')}</Link> },
        { title: t('resumptionOps.common.status'), dataIndex: 'status', render: (s: Profile['plans'][number]['status'], r) => <span><PlanStatusTag status={s} />{s === 'submitted' ? <HoursLeft hours={r.hoursLeft} /> : null}</span> },
        { title: t('resumptionOps.profile.plannedStart'), key: 'start', render: (_v, r) => r.fields.plannedStartDate ?? '-' },
        { title: t('resumptionOps.profile.submittedAt'), dataIndex: 'submittedAt', render: (v: number | null) => formatDateTime(v) },
        { title: t('resumptionOps.profile.approvedOn'), dataIndex: 'approvedOn', render: (v: string | null) => v ?? '-' },
        { title: t('resumptionOps.profile.decidedBy'), dataIndex: 'decidedBy', render: (v: { name: string } | null) => v?.name ?? '-' },
        { title: t('resumptionOps.profile.conditions'), dataIndex: 'conditions', render: (v: string[], r) => (v.length ? v.join(t('common.listSeparator')) : (r.decisionReason ?? '-')) },
      ]}
    />
  );
}

function Reports({ p }: { p: Profile }) {
  const { t } = useTranslation();
  if (!p.reports.length) return none(t('resumptionOps.profile.noReports'));
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={p.reports.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      dataSource={p.reports}
      data-testid="resumption-profile-reports-table"
      columns={[
        { title: t('resumptionOps.profile.reportDate'), dataIndex: 'reportDate' },
        { title: t('resumptionOps.profile.staffOnSite'), dataIndex: 'staffOnSite', align: 'right', render: (v: number, r) => `${formatNumber(v)}${r.employees ? ` / ${formatNumber(r.employees)}` : ''}` },
        { title: t('resumptionOps.profile.capacity'), dataIndex: 'capacityPct', align: 'right', render: (v: number) => `${v}%` },
        { title: t('resumptionOps.profile.suppliesDays'), dataIndex: 'suppliesDaysLeft', align: 'right' },
        { title: t('resumptionOps.profile.abnormal'), dataIndex: 'abnormalTemperature', align: 'right', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
        { title: t('resumptionOps.profile.reportedBy'), dataIndex: 'reportedBy' },
      ]}
    />
  );
}

function Demands({ p }: { p: Profile }) {
  const { t } = useTranslation();
  if (!p.demands.length) return none(t('resumptionOps.profile.noDemands'));
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={p.demands.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      dataSource={p.demands}
      columns={[
        { title: t('resumptionOps.demands.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/resumption/demands/${r.id}`} style={{ fontFamily: 'monospace' }}>{v}</Link> },
        { title: t('resumptionOps.common.category'), dataIndex: 'category', render: (c: Profile['demands'][number]['category']) => <CategoryTag category={c} /> },
        { title: t('resumptionOps.demands.titleField'), dataIndex: 'title' },
        { title: t('resumptionOps.common.status'), dataIndex: 'status', render: (s: Profile['demands'][number]['status']) => <DemandStatusTag status={s} /> },
        { title: t('resumptionOps.demands.dueAt'), dataIndex: 'dueAt', render: (v: number, r) => <DueCell dueAt={v} overdue={r.overdue} escalatedAt={r.escalatedAt} /> },
      ]}
    />
  );
}

function Visits({ p }: { p: Profile }) {
  const { t } = useTranslation();
  if (!p.visits.length) return none(t('resumptionOps.profile.noVisits'));
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={p.visits.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      dataSource={p.visits}
      columns={[
        { title: t('resumptionOps.visits.date'), dataIndex: 'visitDate' },
        { title: t('resumptionOps.common.commissioner'), dataIndex: ['commissioner', 'name'] },
        { title: t('resumptionOps.visits.content'), dataIndex: 'content', render: (v: string) => <div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>{v}</div> },
        { title: t('resumptionOps.visits.policies'), dataIndex: 'policiesExplained', render: (v: string | null) => <div style={{ maxWidth: 240, whiteSpace: 'pre-wrap' }}>{v ?? '-'}</div> },
        { title: t('resumptionOps.visits.demands'), dataIndex: 'demandIds', render: (ids: string[]) => (ids.length ? t('resumptionOps.visits.demandCount', { count: ids.length }) : '-') },
      ]}
    />
  );
}
