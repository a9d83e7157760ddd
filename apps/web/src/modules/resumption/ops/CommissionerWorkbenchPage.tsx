// 特派员工作台: what waits for a commissioner today — counts (enterprises, plans waiting, reports
// missing, open and overdue demands) and their enterprises with status, plan status and hours
// left, last visit, open demands and whether today's report is missing; row actions record a
// visit, log a demand, open the plan or the enterprise's profile. The zone admin and leaders pick
// the commissioner (?commissionerId=).
import { useMemo, useState } from 'react';
import { Button, Card, Flex, Segmented, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan, useSession } from '../../../app/session';
import { PageHeader } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { formatNumber } from '../../../lib/format';
import { useWorkbench, type WorkbenchRow } from './api';
import { CommissionerSelect, EnterpriseStatusTag, HoursLeft, PlanStatusTag } from './display';
import { DemandDialog, VisitDialog } from './forms';
import { daysSince, WORKBENCH_VIEWS, workbenchView, type WorkbenchView } from './workbench';

type Target = { id: string; name: string };

export default function CommissionerWorkbenchPage() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isCommissioner = me.roles.includes('commissioner');
  const picks = me.roles.includes('zone_admin') || me.roles.includes('leader') || !isCommissioner;
  const chosen = params.get('commissionerId') ?? undefined;
  const view = (WORKBENCH_VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as WorkbenchView) : 'all';
  const enabled = !!chosen || isCommissioner;
  const query = useWorkbench(chosen, enabled);
  const mayAct = can('resumption.commission');
  const [visitFor, setVisitFor] = useState<Target | null>(null);
  const [demandFor, setDemandFor] = useState<Target | null>(null);
  const data = query.data;
  const rows = useMemo(() => (data ? workbenchView(data.enterprises, view) : []), [data, view]);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key === 'view' });
  };

  const counts = data?.counts;
  const countCards: { key: keyof NonNullable<typeof counts>; color?: string; view?: WorkbenchView }[] = [
    { key: 'enterprises', view: 'all' },
    { key: 'plansWaiting', color: '#d46b08', view: 'plans' },
    { key: 'reportsMissing', color: '#cf1322', view: 'reports' },
    { key: 'openDemands', color: '#1d4ed8', view: 'demands' },
    { key: 'overdueDemands', color: '#cf1322', view: 'overdue' },
  ];

  const columns: TableColumnsType<WorkbenchRow> = [
    {
      title: t('resumptionOps.common.enterprise'),
      dataIndex: 'enterpriseName',
      fixed: 'left',
      render: (v: string, r) => (
        <div style={{ minWidth: 180, maxWidth: 240 }}>
          <Link to={`/enterprises/${r.enterpriseId}?tab=resumption`} data-testid={`workbench-enterprise-${r.enterpriseId}`}>
            {v}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.parkName ?? t('resumptionOps.common.noPark')}
            </Typography.Text>
            {r.isPrimary ? null : (
              <Tag style={{ marginInlineStart: 6, fontSize: 11 }} color="default">
                {t('resumptionOps.workbench.secondary')}
              </Tag>
            )}
          </div>
        </div>
      ),
    },
    { title: t('resumptionOps.common.status'), dataIndex: 'status', render: (s: WorkbenchRow['status']) => <EnterpriseStatusTag status={s} /> },
    {
      title: t('resumptionOps.workbench.plan'),
      dataIndex: 'planStatus',
      render: (s: WorkbenchRow['planStatus'], r) =>
        s ? (
          <Space size={4} wrap={false}>
            <PlanStatusTag status={s} />
            {s === 'submitted' ? <HoursLeft hours={r.hoursLeft} /> : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('resumptionOps.workbench.noPlan')}</Typography.Text>
        ),
    },
    {
      title: t('resumptionOps.workbench.lastVisit'),
      dataIndex: 'lastVisitOn',
      render: (v: string | null) => {
        if (!v) return <Typography.Text type="warning">{t('resumptionOps.workbench.neverVisited')}</Typography.Text>;
        const days = daysSince(v, data?.today ?? v);
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {v}
            <Typography.Text type={days > 7 ? 'warning' : 'secondary'} style={{ fontSize: 12, marginInlineStart: 6 }}>
              {days === 0 ? t('resumptionOps.workbench.today') : t('resumptionOps.workbench.daysAgo', { count: days })}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      title: t('resumptionOps.workbench.openDemands'),
      dataIndex: 'openDemands',
      align: 'right',
      render: (n: number, r) =>
        n ? (
          <Link to={`/resumption/demands?enterpriseId=${r.enterpriseId}`} data-testid={`workbench-demands-${r.enterpriseId}`}>
            {formatNumber(n)}
            {r.overdueDemands ? (
              <Typography.Text type="danger" style={{ marginInlineStart: 4 }}>
                ({t('resumptionOps.workbench.overdueN', { count: r.overdueDemands })})
              </Typography.Text>
            ) : null}
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('resumptionOps.workbench.reportToday'),
      dataIndex: 'reportMissingToday',
      render: (missing: boolean, r) =>
        missing ? (
          <Tag color="red" data-testid={`workbench-report-missing-${r.enterpriseId}`}>
            {t('resumptionOps.workbench.reportMissing')}
          </Tag>
        ) : r.status === 'resumed' ? (
          <Tag color="green">{t('resumptionOps.workbench.reported')}</Tag>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, r) => (
        // Two by two, so that the table fits a laptop screen in both languages.
        <div style={{ display: 'grid', gridTemplateColumns: 'auto auto', justifyContent: 'start', columnGap: 4 }}>
          {mayAct ? (
            <>
              <Button type="link" size="small" style={{ paddingInline: 4, height: 22, justifyContent: 'flex-start' }} onClick={() => setVisitFor({ id: r.enterpriseId, name: r.enterpriseName })} data-testid={`workbench-visit-${r.enterpriseId}`}>
                {t('resumptionOps.workbench.recordVisit')}
              </Button>
              <Button type="link" size="small" style={{ paddingInline: 4, height: 22, justifyContent: 'flex-start' }} onClick={() => setDemandFor({ id: r.enterpriseId, name: r.enterpriseName })} data-testid={`workbench-demand-${r.enterpriseId}`}>
                {t('resumptionOps.workbench.logDemand')}
              </Button>
            </>
          ) : null}
          <Button type="link" size="small" style={{ paddingInline: 4, height: 22, justifyContent: 'flex-start' }} disabled={!r.planId} onClick={() => void navigate(`/resumption/plans/${r.planId}`)} data-testid={`workbench-plan-${r.enterpriseId}`}>
            {t('resumptionOps.workbench.openPlan')}
          </Button>
          <Button type="link" size="small" style={{ paddingInline: 4, height: 22, justifyContent: 'flex-start' }} onClick={() => void navigate(`/enterprises/${r.enterpriseId}?tab=resumption`)} data-testid={`workbench-profile-${r.enterpriseId}`}>
            {t('resumptionOps.workbench.openProfile')}
          </Button>
        </div>
      ),
    },
  ];

  const picker = picks ? (
    <CommissionerSelect value={chosen} onChange={(v) => setParam('commissionerId', v)} testId="workbench-commissioner" style={{ minWidth: 240 }} />
  ) : null;

  let body;
  if (!enabled) body = <Card><EmptyState title={t('resumptionOps.workbench.pickFirst')} description={t('resumptionOps.workbench.pickFirstDesc')} /></Card>;
  else if (query.isPending) body = <PageSkeleton rows={10} />;
  else if (query.isError && !data) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else
    body = (
      <>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: 12, marginBottom: 16 }}>
          {countCards.map((c) => {
            const n = counts?.[c.key] ?? 0;
            const active = view === c.view && c.view !== 'all';
            return (
                <Card
                  key={c.key}
                  hoverable
                  onClick={() => setParam('view', c.view === view || c.view === 'all' ? undefined : c.view)}
                  styles={{ body: { padding: 16 } }}
                  style={{ height: '100%', borderColor: active ? '#1d4ed8' : undefined }}
                  data-testid={`workbench-card-${c.key}`}
                >
                  <Statistic
                    title={t(`resumptionOps.workbench.counts.${c.key}`)}
                    valueRender={() => (
                      <span data-testid={`workbench-count-${c.key}`} style={{ color: n ? c.color : undefined }}>
                        {formatNumber(n)}
                      </span>
                    )}
                  />
                </Card>
            );
          })}
        </div>
        <Card styles={{ body: { padding: 16 } }}>
          <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
            <Segmented<WorkbenchView>
              value={view}
              onChange={(v) => setParam('view', v === 'all' ? undefined : v)}
              options={WORKBENCH_VIEWS.map((v) => ({ value: v, label: <span data-testid={`workbench-view-${v}`}>{t(`resumptionOps.workbench.views.${v}`)}</span> }))}
            />
            <Typography.Text type="secondary">{t('common.total', { total: formatNumber(rows.length) })}</Typography.Text>
          </Flex>
          {data && data.enterprises.length === 0 ? (
            <EmptyState title={t('resumptionOps.workbench.empty')} description={t('resumptionOps.workbench.emptyDesc')} />
          ) : (
            <Table<WorkbenchRow>
              data-testid="workbench-enterprises"
              size="middle"
              rowKey="enterpriseId"
              columns={columns}
              dataSource={rows}
              loading={query.isFetching && query.isPlaceholderData}
              scroll={{ x: 'max-content' }}
              pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              onRow={(r) => ({ 'data-testid': `workbench-row-${r.enterpriseId}` }) as never}
              locale={{ emptyText: <EmptyState title={t('resumptionOps.workbench.nothingInView')} /> }}
            />
          )}
        </Card>
      </>
    );

  return (
    <div>
      <PageHeader
        title={t('resumptionOps.workbench.title')}
        sub={data ? t('resumptionOps.workbench.sub', { name: data.commissioner.name, today: data.today }) : t('resumptionOps.workbench.subEmpty')}
        extra={picker}
      />
      {body}
      {visitFor ? <VisitDialog enterprise={visitFor} onClose={() => setVisitFor(null)} /> : null}
      {demandFor ? <DemandDialog enterprise={demandFor} onClose={() => setDemandFor(null)} /> : null}
    </div>
  );
}
