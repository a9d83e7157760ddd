// /checkpoints/:id — one checkpoint: header with its kind, status and risk; what it is (grid unit,
// building, location, the level and measures that apply); today's figures; its registration QR
// code with the public address to copy, the A4 poster to print and 更换二维码 (the old code stops
// working, so printed posters must be replaced — said before and after); status changes with a
// reason after a confirmation; the status history and the latest registrations.
import { useMemo, useState } from 'react';
import { EditOutlined, QrcodeOutlined, SwapOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Space, Statistic, Table, Tabs, Timeline, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CheckpointStatus, Direction, RegistrationSource, ScreenResult } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { FormDialog, validateOrScroll } from '../../../components/FormDialog';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useGridTree } from '../../org/api';
import { DetailHeader } from '../../services/components/DetailHeader';
import { checkpointPosterPath, checkpointQrPath, saveFile, useCheckpoint, useCheckpointStatus, useRegistrations, useRotateToken, type CheckpointFull, type Registration } from './api';
import { CheckpointRisk, CheckpointStatusTag, ControlClassTag, KindTag, PdfButton, QrImage, ResultTag, RiskLevelTag } from './display';
import { CheckpointDialog } from './forms';
import { formatTemperature, gridPaths, historyInOrder, nextStatuses, suggestedStatus } from './helpers';

const STATUS_DOT: Record<CheckpointStatus, string> = { active: 'green', service_point: 'blue', closed: 'gray' };

export default function CheckpointPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useCheckpoint(id);
  const grid = useGridTree();
  const paths = useMemo(() => gridPaths(grid.data ?? []), [grid.data]);
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const manage = can('checkpoints.manage');

  return (
    <div>
      <DetailHeader
        back={{ to: '/checkpoints', label: t('checkpointsOps.list.title') }}
        crumb={c.name}
        title={c.name}
        titleTestId="checkpoint-title"
        meta={
          <>
            <KindTag kind={c.kind} />
            <span data-testid="checkpoint-status" data-status={c.status}>
              <CheckpointStatusTag status={c.status} />
            </span>
            <CheckpointRisk risk={c.risk} testId="checkpoint-risk" />
          </>
        }
        actions={
          manage ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="checkpoint-edit">
                {t('common.edit')}
              </Button>
              <Button type="primary" icon={<SwapOutlined />} onClick={() => setChanging(true)} data-testid="checkpoint-change-status">
                {t('checkpointsOps.detail.changeStatus')}
              </Button>
            </Space>
          ) : null
        }
      >
        {c.status === 'closed' ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('checkpointsOps.detail.closedAlert')} data-testid="checkpoint-closed-alert" /> : null}
      </DetailHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
            <Row gutter={16}>
              <Col span={8}>
                <Statistic title={t('checkpointsOps.list.todayPersons')} value={formatNumber(c.today.persons)} styles={{ content: { fontSize: 22 } }} />
              </Col>
              <Col span={8}>
                <Statistic title={t('checkpointsOps.list.todayVehicles')} value={formatNumber(c.today.vehicles)} styles={{ content: { fontSize: 22 } }} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('checkpointsOps.list.openCases')}
                  value={formatNumber(c.today.openCases)}
                  styles={{ content: { fontSize: 22, color: c.today.openCases ? '#cf1322' : undefined } }}
                />
              </Col>
            </Row>
          </Card>
          <Card title={t('checkpointsOps.detail.info')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              data-testid="checkpoint-details"
              items={[
                { key: 'kind', label: t('checkpointsOps.fields.kind'), children: t(`checkpointsOps.kinds.${c.kind}`) },
                { key: 'status', label: t('checkpointsOps.fields.status'), children: <CheckpointStatusTag status={c.status} /> },
                { key: 'grid', label: t('checkpointsOps.fields.gridUnit'), children: (c.gridUnitId ? paths.get(c.gridUnitId)?.join(' / ') : null) ?? c.gridUnitName ?? '-' },
                ...(c.kind === 'building_gate' || c.buildingName ? [{ key: 'building', label: t('checkpointsOps.fields.building'), children: c.buildingName ?? '-' }] : []),
                { key: 'location', label: t('checkpointsOps.fields.location'), span: 'filled' as const, children: c.location ?? '-' },
                {
                  key: 'risk',
                  label: t('checkpointsOps.fields.risk'),
                  span: 'filled' as const,
                  children: c.risk ? (
                    <div>
                      <Space size={6} wrap>
                        <RiskLevelTag level={c.risk.level} inherited={c.risk.gridUnitId !== c.gridUnitId} />
                        <ControlClassTag cls={c.risk.controlClass} />
                        <Typography.Text type="secondary">
                          {c.risk.gridUnitId !== c.gridUnitId ? t('checkpointsOps.detail.riskFrom', { name: c.risk.gridUnitName }) : c.risk.gridUnitName} · {t('checkpointsOps.risk.sinceDate', { date: c.risk.since })}
                        </Typography.Text>
                      </Space>
                      <div style={{ marginTop: 6, whiteSpace: 'pre-wrap' }} data-testid="checkpoint-measures">
                        {c.risk.measures}
                      </div>
                    </div>
                  ) : (
                    <Typography.Text type="secondary">{t('checkpointsOps.risk.none')}</Typography.Text>
                  ),
                },
                { key: 'created', label: t('common.createdAt'), children: formatDateTime(c.createdAt) },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(c.updatedAt) },
              ]}
            />
          </Card>
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                { key: 'history', label: t('checkpointsOps.detail.history'), children: <History checkpoint={c} /> },
                { key: 'registrations', label: t('checkpointsOps.detail.recent'), children: <Recent checkpoint={c} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <QrCard checkpoint={c} manage={manage} />
        </Col>
      </Row>
      {editing ? <CheckpointDialog checkpoint={c} onClose={() => setEditing(false)} /> : null}
      {changing ? <StatusDialog checkpoint={c} onClose={() => setChanging(false)} /> : null}
    </div>
  );
}

/** The registration QR code, its address, the poster, and 更换二维码. */
function QrCard({ checkpoint: c, manage }: { checkpoint: CheckpointFull; manage: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const rotate = useRotateToken();
  const saveQr = () =>
    saveFile(checkpointQrPath(c.id), `${c.name}.png`).then(
      (name) => void message.success(t('common.exported', { name })),
      (e: unknown) => showError(e),
    );
  const confirmRotate = () =>
    modal.confirm({
      title: t('checkpointsOps.qr.rotateConfirm', { name: c.name }),
      icon: <WarningOutlined style={{ color: '#cf1322' }} />,
      content: t('checkpointsOps.qr.rotateWarning'),
      okText: t('checkpointsOps.qr.rotate'),
      okButtonProps: { danger: true, 'data-testid': 'checkpoint-rotate-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await rotate.mutateAsync(c.id);
          void message.success(t('checkpointsOps.qr.rotated'));
        } catch (e) {
          showError(e);
        }
      },
    });

  return (
    <Card
      title={
        <Space>
          <QrcodeOutlined />
          {t('checkpointsOps.qr.title')}
        </Space>
      }
      data-testid="checkpoint-qr-card"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'center', padding: 8, background: '#fafafa', borderRadius: 8 }}>
          <QrImage path={checkpointQrPath(c.id)} version={c.qrUrl} size={220} testId="checkpoint-qr" />
        </div>
        {c.status === 'closed' ? <Alert type="warning" showIcon title={t('checkpointsOps.qr.closedHint')} /> : null}
        <div>
          <Typography.Text type="secondary">{t('checkpointsOps.qr.url')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: c.qrUrl, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{ marginBottom: 0, wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}
            data-testid="checkpoint-qr-url"
          >
            {c.qrUrl}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('checkpointsOps.qr.urlHint')}
          </Typography.Text>
        </div>
        <Space wrap>
          <PdfButton type="primary" path={checkpointPosterPath(c.id)} fallbackName={`${c.name}.pdf`} testId="checkpoint-poster">
            {t('checkpointsOps.detail.poster')}
          </PdfButton>
          <Button onClick={() => void saveQr()} data-testid="checkpoint-qr-download">
            {t('checkpointsOps.qr.download')}
          </Button>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('checkpointsOps.qr.posterHint')}
        </Typography.Text>
        {manage ? (
          <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
            <Button danger icon={<SyncOutlined />} loading={rotate.isPending} onClick={confirmRotate} data-testid="checkpoint-rotate">
              {t('checkpointsOps.qr.rotate')}
            </Button>
            <div style={{ marginTop: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('checkpointsOps.qr.rotateHint')}
              </Typography.Text>
            </div>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}

/** 流程记录: every status change with who, when and why. */
function History({ checkpoint }: { checkpoint: CheckpointFull }) {
  const { t } = useTranslation();
  const events = historyInOrder(checkpoint.history);
  if (!events.length) return <Typography.Text type="secondary">{t('checkpointsOps.detail.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="checkpoint-timeline"
      style={{ marginTop: 12 }}
      items={events.map((e) => ({
        key: e.id,
        color: STATUS_DOT[e.toStatus],
        content: (
          <div data-testid="checkpoint-event" data-to={e.toStatus}>
            <Typography.Text strong>
              {e.fromStatus ? t('checkpointsOps.detail.changed', { from: t(`checkpointsOps.status.${e.fromStatus}`), to: t(`checkpointsOps.status.${e.toStatus}`) }) : t('checkpointsOps.detail.created', { to: t(`checkpointsOps.status.${e.toStatus}`) })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)} · {e.actorName}
              </Typography.Text>
            </div>
            {e.reason ? <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

/** The latest registrations here, with the way to all of them. */
function Recent({ checkpoint }: { checkpoint: CheckpointFull }) {
  const { t } = useTranslation();
  const query = useRegistrations({ checkpointId: checkpoint.id, page: 1, pageSize: 10, sort: 'at:desc' });
  const columns: TableColumnsType<Registration> = [
    { title: t('checkpointsOps.reg.at'), dataIndex: 'at', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('checkpointsOps.reg.name'), dataIndex: 'name' },
    { title: t('checkpointsOps.reg.direction'), dataIndex: 'direction', render: (v: Direction) => t(`checkpointsOps.directions.${v}`) },
    { title: t('checkpointsOps.reg.source'), dataIndex: 'source', render: (v: RegistrationSource) => t(`checkpointsOps.sources.${v}`) },
    { title: t('checkpointsOps.reg.plate'), dataIndex: 'plate', render: (v: string | null) => v ?? '-' },
    { title: t('checkpointsOps.reg.temperature'), dataIndex: 'temperature', render: (v: number | null) => formatTemperature(v) },
    { title: t('checkpointsOps.reg.result'), dataIndex: 'result', render: (v: ScreenResult, r) => <ResultTag result={v} reasons={r.reasons} /> },
  ];
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div>
      <Table<Registration>
        size="small"
        rowKey="id"
        loading={query.isPending}
        columns={columns}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="checkpoint-recent"
        locale={{ emptyText: t('checkpointsOps.detail.noRegistrations') }}
      />
      <div style={{ marginTop: 12 }}>
        <Link to={`/checkpoints/registrations?checkpointId=${encodeURIComponent(checkpoint.id)}`} data-testid="checkpoint-all-registrations">
          {t('checkpointsOps.detail.allRegistrations', { total: formatNumber(query.data?.total ?? 0) })}
        </Link>
      </div>
    </div>
  );
}

type StatusValues = { status: CheckpointStatus; reason: string };

/** 变更状态: the new status and the reason, then a confirmation saying what it means for people scanning. */
function StatusDialog({ checkpoint: c, onClose }: { checkpoint: CheckpointFull; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const change = useCheckpointStatus();
  const [form] = Form.useForm<StatusValues>();
  const submit = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    const to = t(`checkpointsOps.status.${v.status}`);
    modal.confirm({
      title: t('checkpointsOps.statusDialog.confirm', { name: c.name, from: t(`checkpointsOps.status.${c.status}`), to }),
      content: t(`checkpointsOps.statusDialog.effect.${v.status}`),
      okText: t('common.confirm'),
      okButtonProps: { danger: v.status === 'closed', 'data-testid': 'checkpoint-status-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await change.mutateAsync({ id: c.id, body: { status: v.status, reason: v.reason.trim() } });
          void message.success(t('checkpointsOps.statusDialog.done', { to }));
          onClose();
        } catch (e) {
          showError(e, form);
        }
      },
    });
  };
  const chosen = Form.useWatch('status', form) as CheckpointStatus | undefined;
  return (
    <FormDialog open busy={change.isPending} onClose={onClose} onSubmit={() => void submit()} title={t('checkpointsOps.statusDialog.title', { name: c.name })} submitText={t('checkpointsOps.detail.changeStatus')}>
      <Form form={form} layout="vertical" initialValues={{ status: suggestedStatus(c.status) }} data-testid="checkpoint-status-form">
        <Form.Item label={t('checkpointsOps.statusDialog.current')}>
          <CheckpointStatusTag status={c.status} />
        </Form.Item>
        <Form.Item name="status" label={t('checkpointsOps.statusDialog.to')} rules={[{ required: true }]} extra={chosen ? t(`checkpointsOps.statusDialog.effect.${chosen}`) : undefined}>
          <Radio.Group optionType="button" options={nextStatuses(c.status).map((s) => ({ value: s, label: t(`checkpointsOps.status.${s}`) }))} data-testid="checkpoint-status-to" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('checkpointsOps.statusDialog.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.statusDialog.reason') }) },
            { min: 2, message: t('checkpointsOps.common.min2') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('checkpointsOps.statusDialog.reasonPlaceholder')} data-testid="checkpoint-status-reason" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
