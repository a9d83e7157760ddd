// /resumption/my — the enterprise's resumption at a glance (works on a phone): its status today
// and since when, its plan (number, status, hours left, conditions or reason, what is missing)
// with 申请复工 / 继续填写 / 补正 / 查看, today's daily report once resumed (a second one of a
// day replaces the first), the latest reports, and the way to demands and protective supplies.
import { FileAddOutlined, EditOutlined, EyeOutlined, MessageOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PLAN_OPEN_STATUSES, type EnterpriseResumption, type Plan } from '@shuangsheng/contracts';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import { useCreatePlan, useDailyReports, useEnterpriseHistory, usePlans, type EnterpriseHistory } from './api';
import { DailyReportForm } from './components/DailyReportForm';
import { EnterpriseStatusTag, HoursLeft, PlanStatusTag, Rate } from './components/display';
import { MissingList } from './components/MissingList';
import { ReportList } from './components/ReportList';
import { StatusHistory } from './components/StatusHistory';

export default function MyResumptionPage() {
  const { t } = useTranslation();
  const me = useSession();
  if (!me.enterpriseId) {
    return (
      <Result
        status="info"
        title={t('resumptionFiling.my.noEnterprise')}
        extra={
          <Link to="/resumption/plans">
            <Button type="primary">{t('resumptionFiling.plans.title')}</Button>
          </Link>
        }
        data-testid="my-no-enterprise"
      />
    );
  }
  return <MyResumption enterpriseId={me.enterpriseId} />;
}

function MyResumption({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const history = useEnterpriseHistory(enterpriseId);
  const plans = usePlans({ enterpriseId, sort: 'updatedAt:desc', page: 1, pageSize: 10 });
  const reports = useDailyReports({ enterpriseId, sort: 'reportDate:desc', page: 1, pageSize: 7 });
  if (history.isPending || plans.isPending) return <PageSkeleton rows={12} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  const current = history.data.current;
  const items = plans.data.items;
  // One open plan per enterprise (一企一案); a refused one stays for the record until a new one is filed.
  const plan = items.find((p) => PLAN_OPEN_STATUSES.includes(p.status)) ?? items[0] ?? null;
  const resumed = current.status === 'resumed';

  return (
    <div data-testid="my-resumption">
      <PageHeader title={t('resumptionFiling.my.title')} sub={current.enterpriseName} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <StatusCard data={history.data} />
        </Col>
        <Col xs={24} lg={12}>
          <PlanCard plan={plan} />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('resumptionFiling.my.todayReport')} data-testid="my-report-card">
            {resumed ? (
              <DailyReportForm enterpriseId={enterpriseId} employees={current.employees} />
            ) : (
              <Alert
                type={current.status === 'suspended' ? 'warning' : 'info'}
                showIcon
                title={current.status === 'suspended' ? t('resumptionFiling.my.reportSuspended', { date: current.since ?? '-' }) : t('resumptionFiling.my.reportAfterResumed')}
                data-testid="my-report-not-resumed"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('resumptionFiling.my.lastReports')}
            extra={
              <Link to="/resumption/reports" data-testid="my-all-reports">
                {t('resumptionFiling.my.allReports')}
              </Link>
            }
            style={{ marginBottom: 16 }}
          >
            {reports.isPending ? <PageSkeleton rows={3} /> : reports.isError ? <ErrorState error={reports.error} onRetry={() => void reports.refetch()} /> : <ReportList reports={reports.data.items} />}
          </Card>
          <Card title={t('resumptionFiling.my.help')}>
            <Flex gap={12} wrap>
              <Link to="/resumption/demands" data-testid="my-demands">
                <Button icon={<MessageOutlined />} size="large">
                  {t('resumptionFiling.my.demands')}
                </Button>
              </Link>
              <Link to="/resumption/supplies" data-testid="my-supplies">
                <Button icon={<SafetyCertificateOutlined />} size="large">
                  {t('resumptionFiling.my.supplies')}
                </Button>
              </Link>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {t('resumptionFiling.my.helpHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function StatusCard({ data }: { data: EnterpriseHistory }) {
  const { t } = useTranslation();
  const c: EnterpriseResumption = data.current;
  return (
    <Card title={t('resumptionFiling.my.statusToday')} data-testid="my-status-card">
      <div style={{ fontSize: 18, marginBottom: 12 }}>
        <EnterpriseStatusTag status={c.status} since={c.since} testId="my-status" />
      </div>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'com', label: t('resumptionFiling.plan.commissioner'), children: c.commissioner?.name ?? t('resumptionFiling.plan.noCommissioner') },
          { key: 'last', label: t('resumptionFiling.status.latestReport'), children: c.latestReportDate ?? '-' },
          { key: 'staff', label: t('resumptionFiling.status.staffReturn'), children: <Rate numerator={c.staffOnSite} denominator={c.employees} value={c.staffReturnRate} /> },
          { key: 'cap', label: t('resumptionFiling.status.capacity'), children: c.capacityPct === null ? '-' : `${c.capacityPct}%` },
        ]}
      />
      {data.history.length ? (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 8px' }}>
            {t('resumptionFiling.status.history')}
          </Typography.Text>
          <StatusHistory periods={data.history} />
        </>
      ) : null}
    </Card>
  );
}

function PlanCard({ plan }: { plan: Plan | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const create = useCreatePlan();
  const open = plan && PLAN_OPEN_STATUSES.includes(plan.status) ? plan : null;

  const fileNew = async () => {
    try {
      const created = await create.mutateAsync({});
      void message.success(t('resumptionFiling.my.draftCreated'));
      void navigate(`/resumption/plans/${created.id}/edit`);
    } catch (e) {
      showError(e);
    }
  };

  const button = !open ? (
    <Button type="primary" size="large" icon={<FileAddOutlined />} loading={create.isPending} onClick={() => void fileNew()} data-testid="my-file-plan">
      {t('resumptionFiling.my.filePlan')}
    </Button>
  ) : open.status === 'draft' || open.status === 'returned' ? (
    <Button type="primary" size="large" icon={<EditOutlined />} onClick={() => void navigate(`/resumption/plans/${open.id}/edit`)} data-testid={open.status === 'returned' ? 'my-correct' : 'my-continue'}>
      {open.status === 'returned' ? t('resumptionFiling.view.correct') : t('resumptionFiling.view.continue')}
    </Button>
  ) : (
    <Button size="large" icon={<EyeOutlined />} onClick={() => void navigate(`/resumption/plans/${open.id}`)} data-testid="my-view-plan">
      {t('resumptionFiling.my.viewPlan')}
    </Button>
  );

  return (
    <Card title={t('resumptionFiling.my.plan')} data-testid="my-plan-card">
      {plan ? (
        <>
          <Space size={8} wrap style={{ marginBottom: 12 }}>
            <PlanStatusTag status={plan.status} testId="my-plan-status" />
            <Typography.Text style={{ fontFamily: 'monospace' }} data-testid="my-plan-number">
              {plan.number ?? t('resumptionFiling.plan.noNumber')}
            </Typography.Text>
            {plan.status === 'submitted' ? <HoursLeft hours={plan.hoursLeft} tag testId="my-plan-hours" /> : null}
          </Space>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'sub', label: t('resumptionFiling.plan.submittedAt'), children: formatDateTime(plan.submittedAt) },
              ...(plan.approvedOn ? [{ key: 'appr', label: t('resumptionFiling.plan.approvedOn'), children: plan.approvedOn }] : []),
              { key: 'upd', label: t('common.updatedAt'), children: formatDateTime(plan.updatedAt) },
            ]}
          />
          {plan.status === 'approved' && plan.conditions.length ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 8 }}
              title={t('resumptionFiling.my.conditions')}
              description={
                <ol style={{ margin: 0, paddingInlineStart: 18 }} data-testid="my-plan-conditions">
                  {plan.conditions.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ol>
              }
            />
          ) : null}
          {(plan.status === 'returned' || plan.status === 'refused') && plan.decisionReason ? (
            <Alert
              type={plan.status === 'refused' ? 'error' : 'warning'}
              showIcon
              style={{ marginTop: 8 }}
              title={plan.status === 'refused' ? t('resumptionFiling.view.refused') : t('resumptionFiling.view.returned')}
              description={plan.decisionReason}
              data-testid="my-plan-reason"
            />
          ) : null}
          {plan.status === 'refused' && !open ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('resumptionFiling.my.refusedFileAgain')}
            </Typography.Paragraph>
          ) : null}
          {open && (open.status === 'draft' || open.status === 'returned') ? (
            <div style={{ marginTop: 8 }}>
              <MissingList missing={open.missing} compact />
            </div>
          ) : null}
        </>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="my-plan-none">
          {t('resumptionFiling.my.noPlan')}
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 16 }}>{button}</div>
    </Card>
  );
}
