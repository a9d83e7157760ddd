// One demand (诉求): header with the number, status, category and the actions its state allows
// (开始办理 / 办结 with the resolution for handlers; 确认解决 / 重新打开 with a reason for the
// enterprise — each after a confirmation), the details, and the timeline of every change.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DEMAND_ACTIONS, DEMAND_CATEGORIES, type DemandAction, type DemandCategory } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { FormDialog, useFormDialog } from '../../../components/FormDialog';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDate, formatDateTime } from '../../../lib/format';
import { DetailHeader, HeaderCode } from '../../services/components/DetailHeader';
import { useDemand, useDemandAction, usePatchDemand, type DemandFull } from './api';
import { CategoryTag, DemandStatusTag, DepartmentInput, DueCell } from './display';
import { actionNeeds, DEMAND_TONE, demandActionsFor, dueAtOfDate } from './helpers';

const TONE_COLOR = { done: 'green', progress: 'blue', waiting: 'orange', abnormal: 'red', closed: 'gray' } as const;

export default function DemandPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const query = useDemand(id);
  const [acting, setActing] = useState<DemandAction | null>(null);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const own = isEnterpriseOnly(me);
  const handles = can('resumption.demands.handle');
  const actions = demandActionsFor(d.status, { handles, enterprise: own && me.enterpriseId === d.enterpriseId });
  const editable = handles && !own && (d.status === 'open' || d.status === 'in_progress');

  return (
    <div>
      <DetailHeader
        back={{ to: '/resumption/demands', label: t('resumptionOps.demands.title') }}
        crumb={d.number}
        title={d.title}
        titleTestId="demand-title-text"
        meta={
          <>
            <HeaderCode label={t('resumptionOps.demands.number')} code={d.number} testId="demand-number" />
            <span data-testid={`demand-status-${d.number}`}>
              <span data-testid="demand-status" data-status={d.status}>
                <DemandStatusTag status={d.status} />
              </span>
            </span>
            <CategoryTag category={d.category} />
          </>
        }
        actions={
          <Space wrap>
            {editable ? (
              <Button onClick={() => setEditing(true)} data-testid="demand-edit">
                {t('resumptionOps.demand.edit')}
              </Button>
            ) : null}
            {actions.map((a, i) => (
              <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={a === 'reopen'} onClick={() => setActing(a)} data-testid={`demand-action-${a}`}>
                {t(`resumptionOps.demandActions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('resumptionOps.demand.details')}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              data-testid="demand-details"
              items={[
                {
                  key: 'enterprise',
                  label: t('resumptionOps.common.enterprise'),
                  children: own ? d.enterpriseName : <Link to={`/enterprises/${d.enterpriseId}?tab=resumption`}>{d.enterpriseName}</Link>,
                },
                { key: 'park', label: t('resumptionOps.common.park'), children: d.parkName ?? t('resumptionOps.common.noPark') },
                { key: 'department', label: t('resumptionOps.common.department'), children: <span data-testid="demand-department">{d.department ?? t('resumptionOps.demands.noDepartment')}</span> },
                {
                  key: 'source',
                  label: t('resumptionOps.demands.source'),
                  children: (
                    <>
                      {t(`resumptionOps.demandSources.${d.source}`)}
                      {d.visitId && !own ? (
                        <Link to={`/resumption/visits?enterpriseId=${d.enterpriseId}`} style={{ marginInlineStart: 8 }}>
                          {t('resumptionOps.demand.seeVisit')}
                        </Link>
                      ) : null}
                    </>
                  ),
                },
                { key: 'raisedBy', label: t('resumptionOps.demands.raisedBy'), children: d.raisedBy },
                { key: 'createdAt', label: t('resumptionOps.demands.raised'), children: formatDateTime(d.createdAt) },
                { key: 'dueAt', label: t('resumptionOps.demands.dueAt'), children: <DueCell dueAt={d.dueAt} overdue={d.overdue} escalatedAt={d.escalatedAt} /> },
                { key: 'reopen', label: t('resumptionOps.demand.reopenCount'), children: d.reopenCount },
                { key: 'description', label: t('resumptionOps.demands.description'), span: 'filled', children: <div style={{ whiteSpace: 'pre-wrap' }}>{d.description}</div> },
                {
                  key: 'resolution',
                  label: t('resumptionOps.demands.resolution'),
                  span: 'filled',
                  children: d.resolution ? (
                    <div data-testid="demand-resolution-text">
                      <div style={{ whiteSpace: 'pre-wrap' }}>{d.resolution}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(d.resolvedAt)}
                      </Typography.Text>
                    </div>
                  ) : (
                    <Typography.Text type="secondary">{t('resumptionOps.demand.noResolution')}</Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('resumptionOps.demand.timeline')}>
            <DemandTimeline demand={d} />
          </Card>
        </Col>
      </Row>
      {acting ? <ActionDialog demand={d} action={acting} onClose={() => setActing(null)} /> : null}
      {editing ? <EditDialog demand={d} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

function DemandTimeline({ demand }: { demand: DemandFull }) {
  const { t } = useTranslation();
  if (!demand.events.length) return <Typography.Text type="secondary">{t('resumptionOps.demand.noEvents')}</Typography.Text>;
  const label = (action: string) => ((DEMAND_ACTIONS as readonly string[]).includes(action) ? t(`resumptionOps.demandActions.${action as DemandAction}`) : t(`resumptionOps.demand.events.${(['create', 'update', 'escalate'] as const).find((k) => k === action) ?? 'other'}`));
  return (
    <Timeline
      data-testid="demand-timeline"
      items={demand.events.map((e) => ({
        key: e.id,
        color: TONE_COLOR[DEMAND_TONE[e.toStatus]],
        content: (
          <div data-testid="demand-event" data-action={e.action}>
            <div>
              <Typography.Text strong>{label(e.action)}</Typography.Text>
              <Typography.Text type="secondary">
                {' → '}
                {t(`resumptionOps.demandStatus.${e.toStatus}`)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName}
            </Typography.Text>
            {e.comment ? <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

type ActionValues = { text?: string; comment?: string };

/** Every action asks first; resolve needs the resolution, reopen the reason (the server says so too). */
function ActionDialog({ demand, action, onClose }: { demand: DemandFull; action: DemandAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const run = useDemandAction();
  const [form] = Form.useForm<ActionValues>();
  const needs = actionNeeds(action);
  const submit = async () => {
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const text = values.text?.trim();
    const comment = values.comment?.trim() || undefined;
    try {
      await run.mutateAsync({
        id: demand.id,
        action,
        body: { version: demand.version, comment, ...(needs === 'resolution' ? { resolution: text } : needs === 'reason' ? { reason: text } : {}) },
      });
      void message.success(t('resumptionOps.demand.done', { action: t(`resumptionOps.demandActions.${action}`) }));
      onClose();
    } catch (e) {
      showError(e, form, { resolution: 'text', reason: 'text' });
    }
  };
  const label = needs === 'resolution' ? t('resumptionOps.demands.resolution') : t('resumptionOps.demand.reopenReason');
  return (
    <FormDialog
      open
      busy={run.isPending}
      onClose={onClose}
      onSubmit={() => void submit()}
      title={t('resumptionOps.demand.confirmTitle', { action: t(`resumptionOps.demandActions.${action}`), number: demand.number })}
      submitText={t(`resumptionOps.demandActions.${action}`)}
    >
      <Typography.Paragraph type="secondary" data-testid="demand-action-hint">
        {t(`resumptionOps.demand.hints.${action}`)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        {needs ? (
          <Form.Item
            name="text"
            label={label}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: label }) },
              { min: 2, message: t('resumptionOps.common.min2') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={needs === 'resolution' ? 2000 : 1000} showCount data-testid={needs === 'resolution' ? 'demand-resolution' : 'demand-reason'} />
          </Form.Item>
        ) : (
          <Form.Item name="comment" label={t('resumptionOps.demand.comment')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="demand-comment" />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}

type EditValues = { category: DemandCategory; department?: string; dueDate?: Dayjs | null };

/** 修改: category, handling department and due date (handlers, while the demand is open). */
function EditDialog({ demand, onClose }: { demand: DemandFull; onClose: () => void }) {
  const { t } = useTranslation();
  const patch = usePatchDemand();
  const { form, dialog } = useFormDialog<EditValues>({
    creating: false,
    onClose,
    fieldMap: { dueAt: 'dueDate' },
    save: (v) =>
      patch.mutateAsync({
        id: demand.id,
        patch: {
          version: demand.version,
          category: v.category,
          department: v.department?.trim() || null,
          ...(v.dueDate && v.dueDate.format('YYYY-MM-DD') !== formatDate(demand.dueAt) ? { dueAt: dueAtOfDate(v.dueDate.format('YYYY-MM-DD')) } : {}),
        },
      }),
  });
  return (
    <FormDialog {...dialog} title={t('resumptionOps.demand.editTitle', { number: demand.number })}>
      <Form form={form} layout="vertical" initialValues={{ category: demand.category, department: demand.department ?? undefined, dueDate: dayjs(formatDate(demand.dueAt)) }}>
        <Form.Item name="category" label={t('resumptionOps.common.category')} rules={[{ required: true }]}>
          <Select options={DEMAND_CATEGORIES.map((c) => ({ value: c, label: t(`resumptionOps.categories.${c}`) }))} data-testid="demand-edit-category" />
        </Form.Item>
        <Form.Item name="department" label={t('resumptionOps.common.department')}>
          <DepartmentInput testId="demand-edit-department" />
        </Form.Item>
        <Form.Item name="dueDate" label={t('resumptionOps.demands.dueDate')}>
          <DatePicker allowClear={false} data-testid="demand-edit-due" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
