// One finding of the ledger: header with its number, status (overdue red) and severity; the
// problem (park, place, item, description, the value measured) and its rectification (responsible
// party, measure, deadline, follow-ups, closing); the photos before and after; the full history
// (found, each daily follow-up with its photos, closed). 销号 (with an after-photo uploaded to
// the item's open follow-up task, after a confirmation) for the admin and the park's inspector;
// 转为企业诉求 when an enterprise needs help.
import { useState } from 'react';
import { CheckCircleOutlined, PlusOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Select, Skeleton, Space, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DEMAND_CATEGORIES, type DemandCategory } from '@shuangsheng/contracts';
import { useCan, useSession } from '../../../app/session';
import { FormDialog, useFormDialog, validateOrScroll } from '../../../components/FormDialog';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import { DetailHeader, HeaderCode } from '../../services/components/DetailHeader';
import { findingPhotoUrl, uploadTaskPhoto, useCloseFinding, useFinding, useOpenFollowUpTask, useRaiseFindingDemand, useRunFollowUps, type FindingFull } from './api';
import { DueDate, FindingStatusTag, PlaceTag, Photos, SeverityTag } from './display';

const EVENT_COLOR: Record<string, string> = { create: 'blue', follow_up: 'orange', close: 'green', raise_demand: 'purple', follow_up_missed: 'red', deadline_passed: 'red' };
const KNOWN_EVENTS = ['create', 'follow_up', 'close', 'raise_demand', 'follow_up_missed', 'deadline_passed'] as const;
const ESCALATIONS: readonly string[] = ['follow_up_missed', 'deadline_passed'];

export default function FindingPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const query = useFinding(id);
  const [closing, setClosing] = useState(false);
  const [raising, setRaising] = useState(false);
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const f = query.data;
  const mayAct = can('inspections.manage') || (can('inspections.inspect') && f.inspector?.id === me.id);
  const photo = (fileId: string) => findingPhotoUrl(f.id, fileId);

  return (
    <div>
      <DetailHeader
        back={{ to: '/inspections/ledger', label: t('inspectionsAdmin.ledger.title') }}
        crumb={f.number}
        title={f.itemTitle}
        titleTestId="finding-title"
        meta={
          <>
            <HeaderCode label={t('inspectionsAdmin.ledger.number')} code={f.number} testId="finding-number" />
            <span data-testid="finding-status" data-status={f.status}>
              <FindingStatusTag status={f.status} overdue={f.overdue} />
            </span>
            <SeverityTag severity={f.severity} />
            <PlaceTag place={f.place} />
          </>
        }
        actions={
          <Space wrap>
            {f.demandId ? (
              <Link to={`/resumption/demands/${f.demandId}`} data-testid="finding-demand-link">
                <Button icon={<SoundOutlined />}>{t('inspectionsAdmin.finding.seeDemand')}</Button>
              </Link>
            ) : mayAct && f.enterpriseId ? (
              <Button icon={<SoundOutlined />} onClick={() => setRaising(true)} data-testid="finding-raise-demand">
                {t('inspectionsAdmin.finding.raiseDemand')}
              </Button>
            ) : null}
            {mayAct && f.status === 'open' ? (
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setClosing(true)} data-testid="finding-close">
                {t('inspectionsAdmin.finding.close')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('inspectionsAdmin.finding.problem')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              data-testid="finding-details"
              items={[
                { key: 'park', label: t('inspectionsAdmin.common.park'), children: f.parkName },
                {
                  key: 'place',
                  label: t('inspectionsAdmin.common.place'),
                  children: f.enterpriseId ? <Link to={`/enterprises/${f.enterpriseId}`}>{f.enterpriseName ?? f.placeLabel}</Link> : f.placeLabel,
                },
                { key: 'item', label: t('inspectionsAdmin.common.item'), children: f.itemTitle },
                { key: 'value', label: t('inspectionsAdmin.finding.value'), children: f.value === null ? '-' : String(f.value) },
                { key: 'foundOn', label: t('inspectionsAdmin.ledger.foundOn'), children: f.foundOn },
                { key: 'inspector', label: t('inspectionsAdmin.common.inspector'), children: f.inspector?.name ?? '-' },
                {
                  key: 'round',
                  label: t('inspectionsAdmin.common.round'),
                  children: f.roundId ? <Link to={`/inspections/rounds/${f.roundId}`}>{f.roundName}</Link> : '-',
                },
                { key: 'task', label: t('inspectionsAdmin.finding.record'), children: <Link to={`/inspections/tasks/${f.taskId}`}>{t('inspectionsAdmin.round.viewRecord')}</Link> },
                { key: 'description', label: t('inspectionsAdmin.ledger.description'), span: 'filled', children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.description}</div> },
              ]}
            />
          </Card>
          <Card title={t('inspectionsAdmin.finding.rectification')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              data-testid="finding-rectification"
              items={[
                { key: 'disposition', label: t('inspectionsAdmin.ledger.disposition'), children: t(`inspectionsAdmin.dispositions.${f.disposition}`) },
                { key: 'responsible', label: t('inspectionsAdmin.ledger.responsibleParty'), children: f.responsibleParty ?? '-' },
                { key: 'deadline', label: t('inspectionsAdmin.ledger.deadline'), children: <DueDate date={f.deadline} past={f.overdue} testId="finding-deadline" /> },
                {
                  key: 'followUps',
                  label: t('inspectionsAdmin.ledger.followUps'),
                  children: (
                    <span data-testid="finding-follow-ups">
                      {f.followUps}
                      {f.lastFollowUpOn ? ` · ${t('inspectionsAdmin.ledger.lastFollowUp', { date: f.lastFollowUpOn })}` : ''}
                    </span>
                  ),
                },
                { key: 'closedOn', label: t('inspectionsAdmin.ledger.closedOn'), children: f.closedOn ?? '-' },
                { key: 'days', label: t('inspectionsAdmin.ledger.daysToClose'), children: f.daysToClose ?? '-' },
                { key: 'measure', label: t('inspectionsAdmin.ledger.measure'), span: 'filled', children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.measure ?? '-'}</div> },
                ...(f.closeNote ? [{ key: 'closeNote', label: t('inspectionsAdmin.finding.closeNote'), span: 'filled' as const, children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.closeNote}</div> }] : []),
              ]}
            />
          </Card>
          <Card title={t('inspectionsAdmin.finding.photos')}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('inspectionsAdmin.finding.before')}
                </Typography.Title>
                <Photos urls={f.photoFileIds.map(photo)} testId="finding-photos-before" />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('inspectionsAdmin.finding.after')}
                </Typography.Title>
                <Photos urls={f.afterPhotoFileIds.map(photo)} testId="finding-photos-after" />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('inspectionsAdmin.finding.history')}>
            <History finding={f} />
          </Card>
        </Col>
      </Row>
      {closing ? <CloseDialog finding={f} onClose={() => setClosing(false)} /> : null}
      {raising ? <DemandDialog finding={f} onClose={() => setRaising(false)} /> : null}
    </div>
  );
}

function History({ finding }: { finding: FindingFull }) {
  const { t } = useTranslation();
  if (!finding.events.length) return <Typography.Text type="secondary">{t('inspectionsAdmin.finding.noEvents')}</Typography.Text>;
  return (
    <Timeline
      data-testid="finding-timeline"
      items={finding.events.map((e) => ({
        key: e.id,
        color: EVENT_COLOR[e.action] ?? 'gray',
        content: (
          <div data-testid="finding-event" data-action={e.action}>
            <div>
              <Typography.Text strong>{t(`inspectionsAdmin.finding.events.${(KNOWN_EVENTS as readonly string[]).includes(e.action) ? (e.action as (typeof KNOWN_EVENTS)[number]) : 'other'}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {' → '}
                {t(`inspectionsAdmin.findingStatus.${e.toStatus}`)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName}
            </Typography.Text>
            {e.comment && ESCALATIONS.includes(e.action) ? (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="danger">{t('inspectionsAdmin.finding.escalationDay', { date: e.comment })}</Typography.Text>
              </div>
            ) : e.comment ? (
              <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.comment}</div>
            ) : null}
            {e.photoFileIds.length ? (
              <div style={{ marginTop: 6 }}>
                <Photos urls={e.photoFileIds.map((p) => findingPhotoUrl(finding.id, p))} size={64} />
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** After-photos uploaded to the finding's task (resized by the server); their ids go with the close. */
function PhotoUpload({ taskId, value, onChange }: { taskId: string; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const sync = (list: UploadFile[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && typeof f.response === 'object' && f.response).map((f) => (f.response as { id: string }).id));
  };
  return (
    <Upload
      accept="image/jpeg,image/png"
      listType="picture-card"
      fileList={files}
      data-testid="finding-close-photos"
      customRequest={({ file, onSuccess, onError }) => {
        uploadTaskPhoto(taskId, file as File).then(
          (photo) => onSuccess?.(photo),
          (e: unknown) => {
            showError(e);
            onError?.(e as Error);
          },
        );
      }}
      onChange={({ fileList }) => sync(fileList.filter((f) => f.status !== 'error'))}
      onRemove={(file) => {
        sync(files.filter((f) => f.uid !== file.uid));
        return false;
      }}
    >
      {(value?.length ?? 0) >= 10 ? null : (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 4, fontSize: 12 }}>{t('inspectionsAdmin.finding.addPhoto')}</div>
        </div>
      )}
    </Upload>
  );
}

type CloseValues = { note: string; photos: string[] };

/** 销号: verified rectified — a note and at least one after-photo, after a confirmation. */
function CloseDialog({ finding, onClose }: { finding: FindingFull; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const can = useCan();
  const close = useCloseFinding();
  const followUp = useOpenFollowUpTask(finding);
  const runJob = useRunFollowUps();
  const [form] = Form.useForm<CloseValues>();
  const createFollowUp = () =>
    runJob.mutateAsync(undefined).then(
      () => void followUp.refetch(),
      (e: unknown) => showError(e),
    );
  const submit = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    modal.confirm({
      title: t('inspectionsAdmin.finding.closeConfirm', { number: finding.number }),
      content: t('inspectionsAdmin.finding.closeConfirmHint'),
      okText: t('inspectionsAdmin.finding.close'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'finding-close-confirm' },
      onOk: async () => {
        try {
          await close.mutateAsync({ id: finding.id, note: v.note.trim(), afterPhotoFileIds: v.photos });
          void message.success(t('inspectionsAdmin.finding.closed', { number: finding.number }));
          onClose();
        } catch (e) {
          showError(e, form, { afterPhotoFileIds: 'photos' });
        }
      },
    });
  };
  return (
    <FormDialog open busy={close.isPending} onClose={onClose} onSubmit={() => void submit()} title={t('inspectionsAdmin.finding.closeTitle', { number: finding.number })} submitText={t('inspectionsAdmin.finding.close')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('inspectionsAdmin.finding.closeHint')} />
      <Form form={form} layout="vertical" initialValues={{ photos: [] }}>
        <Form.Item
          name="note"
          label={t('inspectionsAdmin.finding.closeNote')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('inspectionsAdmin.finding.closeNote') }) },
            { min: 2, message: t('inspectionsAdmin.common.min2') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('inspectionsAdmin.finding.closeNotePlaceholder')} data-testid="finding-close-note" />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('inspectionsAdmin.finding.afterPhotos')}
          rules={[{ validator: (_r, v: string[] | undefined) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('inspectionsAdmin.finding.afterPhotoRequired')))) }]}
        >
          {followUp.isPending ? (
            <Skeleton.Button active style={{ width: 104, height: 104 }} />
          ) : followUp.data ? (
            <PhotoUpload taskId={followUp.data.id} />
          ) : (
            <Alert
              type="warning"
              showIcon
              data-testid="finding-close-no-task"
              title={t('inspectionsAdmin.finding.noFollowUpTask')}
              action={
                can('inspections.manage') ? (
                  <Button size="small" loading={runJob.isPending} onClick={() => void createFollowUp()} data-testid="finding-close-create-follow-up">
                    {t('inspectionsAdmin.ledger.runFollowUps')}
                  </Button>
                ) : undefined
              }
            />
          )}
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type DemandValues = { category: DemandCategory; title: string; description: string; department?: string };

/** 转为企业诉求: what the enterprise needs, as a demand handled in the resumption module. */
function DemandDialog({ finding, onClose }: { finding: FindingFull; onClose: () => void }) {
  const { t } = useTranslation();
  const raise = useRaiseFindingDemand();
  const { form, dialog } = useFormDialog<DemandValues>({
    creating: true,
    onClose,
    save: (v) => raise.mutateAsync({ id: finding.id, body: { category: v.category, title: v.title.trim(), description: v.description.trim(), department: v.department?.trim() || null } }),
  });
  return (
    <FormDialog {...dialog} title={t('inspectionsAdmin.finding.raiseDemandTitle', { name: finding.enterpriseName ?? '' })} submitText={t('inspectionsAdmin.finding.raiseDemand')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: 'supplies', title: t('inspectionsAdmin.finding.demandTitleDefault', { item: finding.itemTitle }).slice(0, 100), description: finding.description }}
      >
        <Form.Item name="category" label={t('inspectionsAdmin.finding.category')} rules={[{ required: true }]}>
          <Select options={DEMAND_CATEGORIES.map((c) => ({ value: c, label: t(`inspectionsAdmin.categories.${c}`) }))} data-testid="finding-demand-category" />
        </Form.Item>
        <Form.Item name="title" label={t('inspectionsAdmin.finding.demandTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('inspectionsAdmin.finding.demandTitle') }) }]}>
          <Input maxLength={100} data-testid="finding-demand-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('inspectionsAdmin.finding.demandDescription')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('inspectionsAdmin.finding.demandDescription') }) },
            { min: 2, message: t('inspectionsAdmin.common.min2') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="finding-demand-description" />
        </Form.Item>
        <Form.Item name="department" label={t('inspectionsAdmin.finding.department')}>
          <Input maxLength={100} placeholder={t('inspectionsAdmin.finding.departmentPlaceholder')} data-testid="finding-demand-department" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
