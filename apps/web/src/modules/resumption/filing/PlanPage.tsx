// /resumption/plans/:id — one resumption plan. The header: enterprise, number, status, hours left
// and the actions its state allows; the reviewer records site checks and decides (approve with
// optional conditions, return for correction, refuse — each confirmed in its dialog); the
// enterprise reads its plan and, when it was returned, corrects and resubmits it. The content in
// descriptions, site checks in a tab, the timeline on the right.
import { useState } from 'react';
import { CameraOutlined, CheckOutlined, CloseOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanDetail } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import { DetailHeader, HeaderCode } from '../../services/components/DetailHeader';
import { usePlan, usePlanAction } from './api';
import { ApproveDialog, ReasonDialog } from './components/DecisionDialogs';
import { HoursLeft, PlanStatusTag } from './components/display';
import { MissingList } from './components/MissingList';
import { PlanContent } from './components/PlanContent';
import { PlanTimeline } from './components/PlanTimeline';
import { SiteCheckDialog, SiteCheckList } from './components/SiteChecks';
import { isEditable } from './helpers';

export default function PlanPage() {
  const { id = '' } = useParams();
  const query = usePlan(id);
  if (query.isPending) return <PageSkeleton rows={14} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <PlanView plan={query.data} />;
}

type Dialog = null | 'approve' | 'return' | 'refuse' | 'check';

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const action = usePlanAction(plan.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const enterpriseUser = isEnterpriseOnly(me);
  const reviewer = can('resumption.review');
  const mayEdit = isEditable(plan.status) && (can('resumption.file') || reviewer);
  const deciding = reviewer && plan.status === 'submitted';
  const checking = reviewer && (plan.status === 'submitted' || plan.status === 'approved');
  const back = enterpriseUser ? { to: '/resumption/my', label: t('resumptionFiling.my.title') } : { to: '/resumption/plans', label: t('resumptionFiling.plans.title') };

  const decide = async (kind: 'approve' | 'return' | 'refuse', body: { reason?: string; conditions?: string[]; comment?: string | null }) => {
    try {
      await action.mutateAsync({ action: kind, body: { ...body, version: plan.version } });
      setDialog(null);
      void message.success(t(`resumptionFiling.decide.done.${kind}`));
    } catch (e) {
      showError(e);
    }
  };

  const actions = (
    <Flex gap={8} wrap data-testid="plan-actions">
      {mayEdit ? (
        <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/resumption/plans/${plan.id}/edit`)} data-testid={plan.status === 'returned' ? 'plan-correct' : 'plan-continue'}>
          {plan.status === 'returned' ? t('resumptionFiling.view.correct') : t('resumptionFiling.view.continue')}
        </Button>
      ) : null}
      {checking ? (
        <Button icon={<CameraOutlined />} onClick={() => setDialog('check')} data-testid="plan-action-check">
          {t('resumptionFiling.check.record')}
        </Button>
      ) : null}
      {deciding ? (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')} data-testid="plan-action-approve">
            {t('resumptionFiling.decide.approve')}
          </Button>
          <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="plan-action-return">
            {t('resumptionFiling.decide.return')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setDialog('refuse')} data-testid="plan-action-refuse">
            {t('resumptionFiling.decide.refuse')}
          </Button>
        </>
      ) : null}
    </Flex>
  );

  return (
    <div>
      <DetailHeader
        back={back}
        crumb={plan.number ?? t('resumptionFiling.edit.newPlan')}
        title={plan.enterpriseName}
        meta={
          <>
            <HeaderCode label={t('resumptionFiling.plan.number')} code={plan.number} testId="plan-number" empty={t('resumptionFiling.plan.noNumber')} />
            <PlanStatusTag status={plan.status} testId="plan-status" />
            {plan.status === 'submitted' ? <HoursLeft hours={plan.hoursLeft} tag testId="plan-hours-left" /> : null}
          </>
        }
        actions={actions}
      >
        <Decision plan={plan} />
        {isEditable(plan.status) && plan.missing.length ? (
          <div style={{ marginTop: 12 }}>
            <MissingList missing={plan.missing} compact />
          </div>
        ) : null}
      </DetailHeader>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Tabs
            defaultActiveKey="content"
            items={[
              { key: 'content', label: t('resumptionFiling.view.content'), children: <PlanContent plan={plan} /> },
              {
                key: 'checks',
                label: <span data-testid="plan-tab-checks">{t('resumptionFiling.view.checks', { count: plan.siteChecks.length })}</span>,
                children: (
                  <Card
                    size="small"
                    extra={
                      checking ? (
                        <Button size="small" icon={<CameraOutlined />} onClick={() => setDialog('check')}>
                          {t('resumptionFiling.check.record')}
                        </Button>
                      ) : null
                    }
                    title={t('resumptionFiling.check.title')}
                  >
                    <SiteCheckList plan={plan} />
                  </Card>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('resumptionFiling.view.facts')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'ent', label: t('resumptionFiling.plan.enterprise'), children: can('enterprises.read') ? <Link to={`/enterprises/${plan.enterpriseId}`}>{plan.enterpriseName}</Link> : plan.enterpriseName },
                { key: 'code', label: t('resumptionFiling.plan.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{plan.creditCode}</span> },
                { key: 'park', label: t('resumptionFiling.plan.park'), children: plan.parkName ?? '-' },
                { key: 'tier', label: t('resumptionFiling.plan.tier'), children: t(`tiers.${plan.tier}`) },
                { key: 'com', label: t('resumptionFiling.plan.commissioner'), children: plan.commissioner?.name ?? t('resumptionFiling.plan.noCommissioner') },
                { key: 'sub', label: t('resumptionFiling.plan.submittedAt'), children: formatDateTime(plan.submittedAt) },
                { key: 'sla', label: t('resumptionFiling.plan.slaDueAt'), children: plan.slaDueAt ? formatDateTime(plan.slaDueAt) : '-' },
                { key: 'dec', label: t('resumptionFiling.plan.decidedAt'), children: plan.decidedAt ? `${formatDateTime(plan.decidedAt)} · ${plan.decidedBy?.name ?? ''}` : '-' },
                { key: 'appr', label: t('resumptionFiling.plan.approvedOn'), children: plan.approvedOn ?? '-' },
              ]}
            />
          </Card>
          <Card title={t('resumptionFiling.timeline.title')} size="small">
            <PlanTimeline plan={plan} />
          </Card>
        </Col>
      </Row>

      <ApproveDialog open={dialog === 'approve'} busy={action.isPending} onClose={() => setDialog(null)} onSubmit={(v) => void decide('approve', { conditions: v.conditions.length ? v.conditions : undefined, comment: v.comment })} />
      <ReasonDialog open={dialog === 'return'} kind="return" busy={action.isPending} onClose={() => setDialog(null)} onSubmit={(reason) => void decide('return', { reason })} />
      <ReasonDialog open={dialog === 'refuse'} kind="refuse" busy={action.isPending} onClose={() => setDialog(null)} onSubmit={(reason) => void decide('refuse', { reason })} />
      {dialog === 'check' ? <SiteCheckDialog plan={plan} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

/** The decision as the enterprise reads it: conditions of an approval, the reason of a return or refusal. */
function Decision({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  if (plan.status === 'approved') {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 12 }}
        title={plan.conditions.length ? t('resumptionFiling.view.approvedWithConditions', { date: plan.approvedOn ?? '-' }) : t('resumptionFiling.view.approved', { date: plan.approvedOn ?? '-' })}
        description={
          plan.conditions.length ? (
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="plan-conditions">
              {plan.conditions.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ol>
          ) : undefined
        }
        data-testid="plan-decision"
      />
    );
  }
  if ((plan.status === 'returned' || plan.status === 'refused') && plan.decisionReason) {
    return (
      <Alert
        type={plan.status === 'refused' ? 'error' : 'warning'}
        showIcon
        style={{ marginTop: 12 }}
        title={plan.status === 'refused' ? t('resumptionFiling.view.refused') : t('resumptionFiling.view.returned')}
        description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{plan.decisionReason}</Typography.Text>}
        data-testid="plan-decision"
      />
    );
  }
  return null;
}
