// A daily follow-up visit (每日回访) on a phone: the ledger item visited (photos, measure,
// deadline, its history), the visit's note and photos, and "verified rectified" with a photo
// after the fix to close the item — one submission (POST /tasks/:id/follow-up), confirmed first.
import { useState } from 'react';
import { CheckCircleFilled, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Input, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FINDING_EVENT_ACTION_LABELS } from '@shuangsheng/contracts';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../app/session';
import { useApiError } from '../../../components/useApiError';
import { useLang } from '../../../i18n';
import { words } from '../../../i18n/words';
import { formatDateTime } from '../../../lib/format';
import { findingPhotoUrl, useFinding, useFollowUp, useRememberPhoto, type FindingFull, type TaskFull } from './api';
import { DispositionTag, FindingStatusTag, SeverityTag, useInspectionWords } from './components/display';
import { PhotoField } from './components/PhotoField';
import { TaskHeader } from './components/TaskHeader';


export function FollowUpVisit({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  const me = useSession();
  const finding = task.finding;
  const history = useFinding(task.findingId);
  const mine = me.permissions.includes('inspections.manage') || (me.permissions.includes('inspections.inspect') && task.inspector?.id === me.id);
  const editable = mine && task.status !== 'submitted' && finding?.status === 'open';

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="follow-up">
      <TaskHeader task={task} />
      {!finding ? <Alert type="warning" showIcon title={t('inspectionsField.followUp.noFinding')} style={{ marginBottom: 12 }} /> : <LedgerItem finding={finding} />}
      {task.status === 'submitted' ? <VisitDone task={task} /> : null}
      {!mine && task.status !== 'submitted' ? <Alert type="info" showIcon title={t('inspectionsField.task.notMine')} style={{ marginBottom: 12 }} /> : null}
      {mine && task.status !== 'submitted' && finding && finding.status !== 'open' ? (
        <Alert type="success" showIcon title={t('inspectionsField.followUp.alreadyClosed', { date: finding.closedOn ?? '-' })} style={{ marginBottom: 12 }} />
      ) : null}
      {editable ? <VisitForm task={task} /> : null}
      <Card size="small" title={t('inspectionsField.followUp.history')} style={{ marginBottom: 24 }} data-testid="finding-history">
        {history.isPending ? (
          <Typography.Text type="secondary">{t('inspectionsField.task.loading')}</Typography.Text>
        ) : history.isError ? (
          <Typography.Text type="danger">{history.error.message}</Typography.Text>
        ) : (
          <History finding={history.data} />
        )}
      </Card>
    </div>
  );
}

function LedgerItem({ finding }: { finding: NonNullable<TaskFull['finding']> }) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="followup-finding" data-number={finding.number} data-status={finding.status}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Link to={`/inspections/ledger/${finding.id}`} style={{ fontFamily: 'monospace', fontSize: 15, fontWeight: 600 }}>
          {finding.number}
        </Link>
        <span>
          <SeverityTag severity={finding.severity} />
          <FindingStatusTag status={finding.status} overdue={finding.overdue} testId="followup-finding-status" />
        </span>
      </Flex>
      <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
        {finding.itemTitle}
      </Typography.Title>
      <Typography.Text type="secondary">
        {w.place[finding.place]} · {finding.placeLabel}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>{finding.description}</Typography.Paragraph>
      {finding.photoFileIds.length ? (
        <div style={{ marginBottom: 8 }}>
          <PhotoField taskId={finding.taskId} value={finding.photoFileIds} urlOf={(id) => findingPhotoUrl(finding.id, id)} disabled testId="followup-finding-photos" />
        </div>
      ) : null}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'disp', label: t('inspectionsField.finding.disposition'), children: <DispositionTag disposition={finding.disposition} /> },
          { key: 'party', label: t('inspectionsField.disposition.responsibleParty'), children: finding.responsibleParty ?? '-' },
          { key: 'measure', label: t('inspectionsField.disposition.measure'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{finding.measure ?? '-'}</span> },
          {
            key: 'deadline',
            label: t('inspectionsField.disposition.deadline'),
            children: (
              <Typography.Text type={finding.overdue ? 'danger' : undefined} strong={finding.overdue} data-testid="followup-deadline">
                {finding.deadline ?? '-'}
                {finding.overdue ? ` · ${t('inspectionsField.finding.overdue')}` : ''}
              </Typography.Text>
            ),
          },
          { key: 'found', label: t('inspectionsField.finding.foundOn'), children: `${finding.foundOn}${finding.inspector ? ` · ${finding.inspector.name}` : ''}` },
          { key: 'visits', label: t('inspectionsField.finding.followUps'), children: finding.followUps ? t('inspectionsField.finding.followUpsCount', { count: finding.followUps, last: finding.lastFollowUpOn ?? '-' }) : t('inspectionsField.finding.followUpsNone') },
          ...(finding.closedOn ? [{ key: 'closed', label: t('inspectionsField.finding.closedOn'), children: finding.closedOn }] : []),
        ]}
      />
    </Card>
  );
}

function VisitForm({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const send = useFollowUp(task.id);
  const rememberPhoto = useRememberPhoto(task.id);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [close, setClose] = useState(false);
  const [after, setAfter] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const noteOk = note.trim().length >= 2;
  const afterOk = !close || after.length > 0;

  const submit = async () => {
    try {
      await send.mutateAsync({ note: note.trim(), photoFileIds: photos, close, afterPhotoFileIds: close ? after : [] });
      setErrors({});
      void message.success(close ? t('inspectionsField.followUp.closedDone') : t('inspectionsField.followUp.visitDone'));
      window.scrollTo(0, 0);
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.length) {
        setErrors(Object.fromEntries(e.fieldIssues.map((i) => [i.path.split('.')[0] ?? '', i.message])));
        void message.error(t('common.formHasErrors', { count: e.fieldIssues.length }));
      } else showError(e);
    }
  };

  const confirm = () => {
    if (!noteOk || !afterOk) {
      setErrors({
        ...(noteOk ? {} : { note: t('inspectionsField.followUp.noteRequired') }),
        ...(afterOk ? {} : { afterPhotoFileIds: t('inspectionsField.followUp.afterPhotoRequired') }),
      });
      return;
    }
    modal.confirm({
      title: close ? t('inspectionsField.followUp.confirmCloseTitle') : t('inspectionsField.followUp.confirmTitle'),
      content: close ? t('inspectionsField.followUp.confirmClose') : t('inspectionsField.followUp.confirmVisit'),
      okText: t('inspectionsField.followUp.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-followup' } as never,
      onOk: () => submit(),
    });
  };

  const error = (field: string) =>
    errors[field] ? (
      <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }} data-testid={`followup-error-${field}`}>
        {errors[field]}
      </Typography.Text>
    ) : null;
  const label = (text: string, first = false) => (
    <Typography.Text style={{ display: 'block', margin: first ? '0 0 4px' : '12px 0 4px' }} strong>
      {text}
    </Typography.Text>
  );

  return (
    <Card size="small" title={t('inspectionsField.followUp.visitTitle')} style={{ marginBottom: 12 }} data-testid="followup-form">
      {label(t('inspectionsField.followUp.note'), true)}
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={1000}
        showCount
        placeholder={t('inspectionsField.followUp.notePlaceholder')}
        status={errors.note ? 'error' : undefined}
        data-testid="followup-note"
      />
      {error('note')}
      {label(t('inspectionsField.followUp.photos'))}
      <PhotoField taskId={task.id} value={photos} onChange={setPhotos} onUploaded={rememberPhoto} testId="followup-photos" />
      {error('photoFileIds')}
      <div style={{ marginTop: 16, padding: 12, borderRadius: 8, background: close ? '#f6ffed' : '#fafafa', border: `1px solid ${close ? '#b7eb8f' : '#f0f0f0'}` }}>
        <Checkbox checked={close} onChange={(e) => setClose(e.target.checked)} style={{ fontSize: 16 }} data-testid="followup-close">
          <SafetyCertificateOutlined /> {t('inspectionsField.followUp.verified')}
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '4px 0 0 24px' }}>
          {t('inspectionsField.followUp.verifiedHint')}
        </Typography.Paragraph>
        {close ? (
          <div style={{ marginTop: 8 }}>
            {label(t('inspectionsField.disposition.afterPhotos'))}
            <PhotoField taskId={task.id} value={after} onChange={setAfter} onUploaded={rememberPhoto} required={!after.length} label={t('inspectionsField.photos.after')} testId="followup-after-photos" />
            {error('afterPhotoFileIds')}
          </div>
        ) : null}
      </div>
      <Button type="primary" size="large" block icon={close ? <CheckCircleFilled /> : <SendOutlined />} loading={send.isPending} onClick={confirm} style={{ marginTop: 16 }} data-testid="followup-submit">
        {close ? t('inspectionsField.followUp.submitClose') : t('inspectionsField.followUp.submit')}
      </Button>
    </Card>
  );
}

function VisitDone({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: '#b7eb8f', background: '#f6ffed' }} data-testid="followup-done">
      <Space align="start">
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20, marginTop: 2 }} />
        <div>
          <Typography.Text strong>{t('inspectionsField.followUp.done', { time: formatDateTime(task.submittedAt) })}</Typography.Text>
          {task.note ? <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{task.note}</Typography.Paragraph> : null}
        </div>
      </Space>
      {task.photos.length ? <PhotoField taskId={task.id} value={task.photos.map((p) => p.id)} disabled testId="followup-done-photos" /> : null}
    </Card>
  );
}

function History({ finding }: { finding: FindingFull }) {
  const { t } = useTranslation();
  const actions: Record<string, string> = words(FINDING_EVENT_ACTION_LABELS, useLang());
  const events = [...finding.events].sort((a, b) => b.at - a.at);
  if (!events.length) return <Typography.Text type="secondary">{t('inspectionsField.followUp.noHistory')}</Typography.Text>;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: e.action === 'follow_up_missed' || e.action === 'deadline_passed' ? 'red' : e.toStatus === 'closed' || e.toStatus === 'fixed_on_spot' ? 'green' : e.action === 'follow_up' ? 'blue' : 'gray',
        content: (
          <div data-testid="finding-event" data-action={e.action}>
            <Typography.Text strong>{actions[e.action] ?? e.action}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName}
            </Typography.Text>
            {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
            {e.photoFileIds.length ? (
              <div style={{ marginTop: 6 }}>
                <PhotoField taskId={finding.taskId} value={e.photoFileIds} urlOf={(id) => findingPhotoUrl(finding.id, id)} disabled testId="finding-event-photos" />
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
