// /checkpoints/settings — the zone's rules for checkpoint registration (zone managers), each
// explained: how long registrations are kept before the daily purge (statistics survive it), the
// public form's limits per address and per checkpoint (a retry past them gets "too many"), and the
// window of possible contacts in a movement trace. Below, the purges so far and 立即清除.
import { useState } from 'react';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckpointSettings } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { useFormLayout, validateOrScroll } from '../../../components/FormDialog';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useCheckpointSettings, usePurges, useRunPurge, useSaveCheckpointSettings, type Purge } from './api';

/** Defaults the server starts a zone with (api6.md). */
const DEFAULTS: CheckpointSettings = { retentionDays: 28, perIpPerMinute: 60, perCheckpointPerMinute: 3000, contactWindowMinutes: 30 };
const FIELDS: { name: keyof CheckpointSettings; min: number; max: number; unit: 'days' | 'perMinute' | 'minutes' }[] = [
  { name: 'retentionDays', min: 1, max: 365, unit: 'days' },
  { name: 'perIpPerMinute', min: 1, max: 100000, unit: 'perMinute' },
  { name: 'perCheckpointPerMinute', min: 1, max: 1000000, unit: 'perMinute' },
  { name: 'contactWindowMinutes', min: 1, max: 240, unit: 'minutes' },
];

export default function SettingsPage() {
  const { t } = useTranslation();
  const query = useCheckpointSettings();
  return (
    <div>
      <PageHeader title={t('checkpointsOps.settings.title')} sub={t('checkpointsOps.settings.sub')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {query.isPending ? <PageSkeleton rows={6} /> : query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <SettingsForm settings={query.data} />}
        </Col>
        <Col xs={24} xl={10}>
          <Purges />
        </Col>
      </Row>
    </div>
  );
}

function SettingsForm({ settings }: { settings: CheckpointSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const layout = useFormLayout(200);
  const [form] = Form.useForm<CheckpointSettings>();
  const save = useSaveCheckpointSettings();
  const [changed, setChanged] = useState(false);
  const retention = (Form.useWatch('retentionDays', form) as number | undefined) ?? settings.retentionDays;

  const onSave = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    try {
      const saved = await save.mutateAsync(v);
      form.setFieldsValue(saved);
      setChanged(false);
      void message.success(t('common.saved'));
    } catch (e) {
      showError(e, form);
    }
  };

  return (
    <Card>
      <Form<CheckpointSettings> form={form} {...layout} initialValues={settings} onValuesChange={() => setChanged(true)} data-testid="checkpoint-settings-form">
        {FIELDS.map(({ name, min, max, unit }) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`checkpointsOps.settings.${name}`)}
            extra={
              <div style={{ maxWidth: 520 }}>
                {t('checkpointsOps.settings.withDefault', { hint: t(`checkpointsOps.settings.${name}Hint`), value: formatNumber(DEFAULTS[name]) })}
              </div>
            }
            rules={[{ required: true, type: 'integer', min, max, message: t('checkpointsOps.settings.range', { min: formatNumber(min), max: formatNumber(max) }) }]}
          >
            <InputNumber min={min} max={max} precision={0} suffix={t(`checkpointsOps.settings.units.${unit}`)} style={{ width: 220 }} inputMode="numeric" data-testid={`settings-${name}`} />
          </Form.Item>
        ))}
        {retention < settings.retentionDays ? (
          <Form.Item label=" " colon={false}>
            <Alert type="warning" showIcon title={t('checkpointsOps.settings.shorterWarning', { days: retention })} data-testid="settings-shorter-warning" />
          </Form.Item>
        ) : null}
        <Form.Item label=" " colon={false}>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} disabled={!changed} onClick={() => void onSave()} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** The retention purges so far (the daily job's reports), and 立即清除 for today. */
function Purges() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const can = useCan();
  const query = usePurges();
  const run = useRunPurge();
  const confirm = () =>
    modal.confirm({
      title: t('checkpointsOps.purges.confirm'),
      content: t('checkpointsOps.purges.confirmHint'),
      okText: t('checkpointsOps.purges.run'),
      okButtonProps: { danger: true, 'data-testid': 'purge-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await run.mutateAsync(undefined);
          void message.success(t('checkpointsOps.purges.done', { removed: formatNumber(r.removed) }));
        } catch (e) {
          showError(e);
        }
      },
    });
  const items = [...(query.data?.items ?? [])].sort((a, b) => (a.day < b.day ? 1 : -1));
  return (
    <Card
      title={t('checkpointsOps.purges.title')}
      extra={
        can('checkpoints.manage') ? (
          <Button danger icon={<DeleteOutlined />} loading={run.isPending} onClick={confirm} data-testid="purge-run">
            {t('checkpointsOps.purges.run')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('checkpointsOps.purges.hint')}</Typography.Paragraph>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Purge>
          size="small"
          rowKey="day"
          loading={query.isPending}
          dataSource={items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="purges-table"
          locale={{ emptyText: t('checkpointsOps.purges.empty') }}
          expandable={items.some((r) => r.byCheckpoint.length > 0) ? { rowExpandable: (r) => r.byCheckpoint.length > 0, expandedRowRender: (r) => <ByCheckpoint purge={r} /> } : undefined}
          columns={[
            { title: t('checkpointsOps.purges.day'), dataIndex: 'day', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
            { title: t('checkpointsOps.purges.cutoff'), dataIndex: 'cutoff', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
            { title: t('checkpointsOps.purges.removed'), dataIndex: 'removed', align: 'right', render: (v: number) => formatNumber(v) },
            { title: t('checkpointsOps.purges.anonymised'), dataIndex: 'casesAnonymised', align: 'right', render: (v: number) => formatNumber(v) },
          ]}
        />
      )}
    </Card>
  );
}

function ByCheckpoint({ purge }: { purge: Purge }) {
  const { t } = useTranslation();
  return (
    <div>
      {purge.byCheckpoint.map((c) => (
        <div key={c.checkpointId}>
          {c.name}
          {t('common.colon')}
          {formatNumber(c.removed)}
        </div>
      ))}
    </div>
  );
}
