// One abnormal case (异常情况): who (masked; the ID number and phone shown to holders of
// pii.reveal after they state a reason, which is audited), where and when, the temperature and
// what was declared, the follow-up so far, and its history. The actions its status allows:
// transfer to a clinic (转诊), record the result (outcome), close (结案) — closing asks to confirm.
import { useState, type ReactNode } from 'react';
import { CheckCircleOutlined, FileDoneOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { App, Card, Col, Descriptions, Form, Input, Row, Select, Space, Timeline, Typography, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CASE_OUTCOMES, type CaseOutcome } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { FormDialog, validateOrScroll } from '../../../components/FormDialog';
import { MaskedValue } from '../../../components/MaskedValue';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import { DetailHeader, HeaderCode } from '../../services/components/DetailHeader';
import { revealCase, useCase, useCaseAction, type CaseFull } from './api';
import { CaseStatusTag, ReasonTags, ResultTag, Temperature, useVocab } from './display';
import { caseActions, closeNeedsOutcome, type CaseAction } from './helpers';

const EVENT_COLOR: Record<string, string> = { open: 'red', create: 'red', transfer: 'blue', result: 'orange', close: 'green', temperature: 'red' };
const ACTION_ICON: Record<CaseAction, ReactNode> = { transfer: <MedicineBoxOutlined />, result: <FileDoneOutlined />, close: <CheckCircleOutlined /> };

export default function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { outcomes } = useVocab();
  const query = useCase(id);
  const [acting, setActing] = useState<CaseAction | null>(null);
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const mayAct = can('checkpoints.duty');
  const reveal = can('pii.reveal') ? (field: 'idNumber' | 'phone') => (reason: string) => revealCase(c.id, { field, reason }) : null;
  const actions = mayAct ? caseActions(c.status) : [];

  return (
    <div>
      <DetailHeader
        back={{ to: '/checkpoints/duty', label: t('checkpointsDuty.duty.title') }}
        crumb={c.number}
        title={t('checkpointsDuty.case.title', { name: c.name })}
        titleTestId="case-title"
        meta={
          <>
            <HeaderCode label={t('checkpointsDuty.cases.number')} code={c.number} testId="case-number" />
            <span data-testid="case-status" data-status={c.status}>
              <CaseStatusTag status={c.status} />
            </span>
            <ResultTag result={c.result} testId="case-result-tag" />
            <ReasonTags reasons={c.reasons} />
          </>
        }
        actions={
          actions.length ? (
            <Space wrap>
              {actions.map((a, i) => (
                <Button key={a} type={i === 0 ? 'primary' : 'default'} icon={ACTION_ICON[a]} onClick={() => setActing(a)} data-testid={`case-${a}`}>
                  {t(`checkpointsDuty.case.actions.${a}`)}
                </Button>
              ))}
            </Space>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('checkpointsDuty.case.person')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              data-testid="case-details"
              items={[
                { key: 'name', label: t('checkpointsDuty.common.name'), children: c.name },
                { key: 'plate', label: t('checkpointsDuty.common.plate'), children: c.plate ?? '-' },
                {
                  key: 'id',
                  label: t('checkpointsDuty.common.idNumber'),
                  children: <MaskedValue masked={c.idNumberMasked} onReveal={reveal ? reveal('idNumber') : undefined} testId="case-id-number" />,
                },
                {
                  key: 'phone',
                  label: t('checkpointsDuty.common.phone'),
                  children: <MaskedValue masked={c.phoneMasked} onReveal={reveal ? reveal('phone') : undefined} testId="case-phone" />,
                },
                { key: 'checkpoint', label: t('checkpointsDuty.common.checkpoint'), children: c.checkpointName },
                { key: 'at', label: t('checkpointsDuty.common.time'), children: formatDateTime(c.at) },
                { key: 'temperature', label: t('checkpointsDuty.common.temperature'), children: <Temperature value={c.temperature} testId="case-temperature" /> },
                { key: 'reasons', label: t('checkpointsDuty.common.reasons'), children: <ReasonTags reasons={c.reasons} /> },
              ]}
            />
          </Card>
          <Card title={t('checkpointsDuty.case.followUp')}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              data-testid="case-follow-up"
              items={[
                { key: 'status', label: t('checkpointsDuty.common.status'), children: <CaseStatusTag status={c.status} /> },
                { key: 'clinic', label: t('checkpointsDuty.case.clinic'), children: c.clinic ?? '-' },
                { key: 'outcome', label: t('checkpointsDuty.case.outcome'), children: c.outcome ? outcomes[c.outcome] : '-' },
                { key: 'closedAt', label: t('checkpointsDuty.case.closedAt'), children: formatDateTime(c.closedAt) },
                { key: 'note', label: t('checkpointsDuty.case.note'), span: 'filled', children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.note ?? '-'}</div> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('checkpointsDuty.case.history')}>
            <History c={c} />
          </Card>
        </Col>
      </Row>
      {acting ? <ActionDialog c={c} action={acting} onClose={() => setActing(null)} /> : null}
    </div>
  );
}

function History({ c }: { c: CaseFull }) {
  const { t, i18n } = useTranslation();
  const { caseStatus, outcomes } = useVocab();
  // The server writes "clinic · outcome · note" into an event's note, the outcome as its key.
  const noteText = (note: string) =>
    note
      .split(' · ')
      .map((part) => ((CASE_OUTCOMES as readonly string[]).includes(part) ? outcomes[part as CaseOutcome] : part))
      .join(' · ');
  if (!c.events.length) return <Typography.Text type="secondary">{t('checkpointsDuty.case.noEvents')}</Typography.Text>;
  const label = (action: string) => (i18n.exists(`checkpointsDuty.case.events.${action}`) ? t(`checkpointsDuty.case.events.${action}` as 'checkpointsDuty.case.events.open') : action);
  return (
    <Timeline
      data-testid="case-timeline"
      items={c.events.map((e) => ({
        key: e.id,
        color: EVENT_COLOR[e.action] ?? 'gray',
        content: (
          <div data-testid="case-event" data-action={e.action}>
            <div>
              <Typography.Text strong>{label(e.action)}</Typography.Text>
              <Typography.Text type="secondary">
                {' → '}
                {caseStatus[e.toStatus]}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName}
            </Typography.Text>
            {e.note ? <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{noteText(e.note)}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

type ActionValues = { clinic?: string; outcome?: CaseOutcome; note?: string };

function ActionDialog({ c, action, onClose }: { c: CaseFull; action: CaseAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const { outcomes } = useVocab();
  const act = useCaseAction();
  const [form] = Form.useForm<ActionValues>();
  const needsOutcome = action === 'result' || (action === 'close' && closeNeedsOutcome(c.status, c.outcome));

  const send = async (v: ActionValues) => {
    try {
      await act.mutateAsync({
        id: c.id,
        action,
        body: {
          clinic: action === 'transfer' ? (v.clinic ?? '').trim() : undefined,
          outcome: needsOutcome ? (v.outcome ?? null) : undefined,
          note: v.note?.trim() ? v.note.trim() : undefined,
        },
      });
      void message.success(t(`checkpointsDuty.case.done.${action}`, { number: c.number }));
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };

  const submit = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    if (action !== 'close') {
      await send(v);
      return;
    }
    modal.confirm({
      title: t('checkpointsDuty.case.closeConfirm', { number: c.number }),
      content: t('checkpointsDuty.case.closeConfirmHint'),
      okText: t('checkpointsDuty.case.actions.close'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'case-close-confirm' } as never,
      onOk: () => send(v),
    });
  };

  return (
    <FormDialog open busy={act.isPending} onClose={onClose} onSubmit={() => void submit()} title={t(`checkpointsDuty.case.actionTitles.${action}`, { number: c.number })} submitText={t(`checkpointsDuty.case.actions.${action}`)}>
      <Typography.Paragraph type="secondary">{t(`checkpointsDuty.case.actionHints.${action}`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ outcome: c.outcome ?? undefined }}>
        {action === 'transfer' ? (
          <Form.Item name="clinic" label={t('checkpointsDuty.case.clinic')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('checkpointsDuty.case.clinic') }) }]}>
            <Input maxLength={100} placeholder={t('checkpointsDuty.case.clinicPlaceholder')} data-testid="case-clinic" autoFocus />
          </Form.Item>
        ) : null}
        {needsOutcome ? (
          <Form.Item name="outcome" label={t('checkpointsDuty.case.outcome')} rules={[{ required: true, message: t('common.required', { field: t('checkpointsDuty.case.outcome') }) }]}>
            <Select options={CASE_OUTCOMES.map((o) => ({ value: o, label: outcomes[o] }))} data-testid="case-outcome" />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('checkpointsDuty.case.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="case-note" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
