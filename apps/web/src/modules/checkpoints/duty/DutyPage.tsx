// 值守台: the zone's live alerts at the top — pushed over server-sent events the moment a
// temperature ≥ 37.3 °C or a positive declaration is registered, highlighted (no sound) with a
// count badge, the connection's state shown (connected / reconnecting) — and below them the
// abnormal-case ledger (异常情况台账) with its filters and the Excel export of what is filtered.
import { useEffect } from 'react';
import { AlertOutlined, CheckOutlined, DisconnectOutlined, LinkOutlined, LoadingOutlined } from '@ant-design/icons';
import { Badge, Button, Card, DatePicker, Empty, Flex, Form, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ALERT_REASONS, CASE_STATUSES, type AlertReason, type CaseStatus } from '@shuangsheng/contracts';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListTable, PageHeader, sortable } from '../../../components/ListPage';
import { formatDateTime } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, useCases, useCheckpointOptions, type AbnormalCase } from './api';
import { CaseStatusTag, ReasonTags, Temperature, useVocab } from './display';
import { RESULT_COLOR, unseenCount, type LiveAlert } from './helpers';
import { useAlertStream, type StreamState } from './useAlertStream';

const SPEC = { q: 'string', status: 'string', checkpointId: 'string', reason: 'string', from: 'string', to: 'string' } as const;
type FormShape = { q?: string; status?: CaseStatus; checkpointId?: string; reason?: AlertReason; range?: [Dayjs, Dayjs] | null };

export default function DutyPage() {
  const { t } = useTranslation();
  const stream = useAlertStream();
  const unseen = unseenCount(stream.alerts);

  // The tab's title carries the count of unseen alerts (seen from another tab, without sound).
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = unseen ? `(${unseen}) ${base}` : base;
    return () => {
      document.title = document.title.replace(/^\(\d+\) /, '');
    };
  }, [unseen]);

  return (
    <div>
      <PageHeader title={t('checkpointsDuty.duty.title')} sub={t('checkpointsDuty.duty.sub')} extra={<StreamBadge state={stream.state} since={stream.connectedAt} />} />
      <LiveAlerts alerts={stream.alerts} unseen={unseen} onSeen={stream.markSeen} onClear={stream.clear} state={stream.state} />
      <Ledger />
    </div>
  );
}

function StreamBadge({ state, since }: { state: StreamState; since: number | null }) {
  const { t } = useTranslation();
  const view = {
    open: { color: 'green', icon: <LinkOutlined /> },
    connecting: { color: 'blue', icon: <LoadingOutlined /> },
    reconnecting: { color: 'orange', icon: <DisconnectOutlined /> },
  }[state];
  return (
    <Tooltip title={state === 'open' && since ? t('checkpointsDuty.duty.connectedSince', { time: formatDateTime(since) }) : t(`checkpointsDuty.duty.streamHint.${state}`)}>
      <Tag color={view.color} icon={view.icon} data-testid="alert-stream-state" data-state={state} style={{ padding: '4px 10px', fontSize: 13, minWidth: 'max-content' }}>
        {t(`checkpointsDuty.duty.stream.${state}`)}
      </Tag>
    </Tooltip>
  );
}

function LiveAlerts({ alerts, unseen, onSeen, onClear, state }: { alerts: LiveAlert[]; unseen: number; onSeen: (caseId?: string) => void; onClear: () => void; state: StreamState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      style={{ marginBottom: 16, borderColor: unseen ? '#ffa39e' : undefined }}
      styles={{ body: { padding: alerts.length ? 8 : 16 } }}
      data-testid="live-alerts"
      title={
        <Space>
          <AlertOutlined style={{ color: unseen ? '#cf1322' : undefined }} />
          {t('checkpointsDuty.duty.live')}
          <Badge count={unseen} showZero={false} overflowCount={99} data-testid="alert-count" data-count={unseen} />
        </Space>
      }
      extra={
        alerts.length ? (
          <Space>
            <Button size="small" icon={<CheckOutlined />} disabled={!unseen} onClick={() => onSeen()} data-testid="alerts-seen-all">
              {t('checkpointsDuty.duty.seenAll')}
            </Button>
            <Button size="small" type="text" onClick={onClear} data-testid="alerts-clear">
              {t('checkpointsDuty.duty.clear')}
            </Button>
          </Space>
        ) : null
      }
    >
      <style>{`@keyframes ss-alert-pulse { 0% { background: #fff1f0; } 50% { background: #ffccc7; } 100% { background: #fff1f0; } }`}</style>
      {alerts.length ? (
        <div style={{ maxHeight: 360, overflowY: 'auto' }}>
          {alerts.map((a) => (
            <div
              key={a.caseId}
              data-testid="alert-item"
              data-case-id={a.caseId}
              data-seen={a.seen}
              data-name={a.name}
              role="alert"
              onClick={() => onSeen(a.caseId)}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                gap: 8,
                padding: '8px 12px',
                marginBottom: 6,
                borderRadius: 6,
                borderInlineStart: `4px solid ${RESULT_COLOR[a.result]}`,
                background: a.seen ? '#fafafa' : '#fff1f0',
                animation: a.seen ? undefined : 'ss-alert-pulse 1.6s ease-in-out 4',
                cursor: 'default',
              }}
            >
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(a.at).slice(11)}
              </Typography.Text>
              <Typography.Text strong>{a.name}</Typography.Text>
              <Temperature value={a.temperature} />
              <ReasonTags reasons={a.reasons} />
              <Typography.Text type="secondary">{a.checkpointName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {a.number}
              </Typography.Text>
              <span style={{ marginInlineStart: 'auto' }}>
                {!a.seen ? (
                  <Tag color="red" style={{ marginInlineEnd: 8 }}>
                    {t('checkpointsDuty.duty.new')}
                  </Tag>
                ) : null}
                <Button
                  size="small"
                  type={a.seen ? 'default' : 'primary'}
                  danger={!a.seen}
                  onClick={(e) => {
                    e.stopPropagation();
                    onSeen(a.caseId);
                    void navigate(`/checkpoints/cases/${a.caseId}`);
                  }}
                  data-testid="alert-open"
                >
                  {t('checkpointsDuty.duty.handle')}
                </Button>
              </span>
            </div>
          ))}
        </div>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ margin: '4px 0' }}
          description={state === 'open' ? t('checkpointsDuty.duty.noAlerts') : t('checkpointsDuty.duty.noAlertsOffline')}
          data-testid="alerts-empty"
        />
      )}
    </Card>
  );
}

function Ledger() {
  const { t } = useTranslation();
  const { reasons, caseStatus, outcomes } = useVocab();
  const url = useUrlList(SPEC, { sort: 'at:desc' });
  const query = useCases(url.apiQuery);
  const checkpoints = useCheckpointOptions();
  const f = url.filters;
  const values: FormShape = {
    q: f.q,
    status: f.status as CaseStatus | undefined,
    checkpointId: f.checkpointId,
    reason: f.reason as AlertReason | undefined,
    range: f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null,
  };

  const columns: TableColumnsType<AbnormalCase> = [
    {
      title: t('checkpointsDuty.cases.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string, c) => (
        <Link to={`/checkpoints/cases/${c.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid={`case-link-${v}`}>
          {v}
        </Link>
      ),
    },
    { title: t('checkpointsDuty.common.status'), dataIndex: 'status', render: (v: CaseStatus) => <CaseStatusTag status={v} /> },
    { title: t('checkpointsDuty.common.time'), dataIndex: 'at', ...sortable(url, 'at'), render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('checkpointsDuty.common.checkpoint'), dataIndex: 'checkpointName', render: (v: string) => <Ellipsis width={130} text={v} /> },
    {
      title: t('checkpointsDuty.common.person'),
      key: 'person',
      render: (_v, c) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {c.idNumberMasked ?? '-'} {c.phoneMasked ? `· ${c.phoneMasked}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('checkpointsDuty.common.plate'), dataIndex: 'plate', render: (v: string | null) => v ?? '-' },
    {
      title: t('checkpointsDuty.cases.why'),
      key: 'why',
      render: (_v, c) => (
        <Flex gap={6} align="center" wrap={false} data-result={c.result}>
          {c.temperature !== null ? <Temperature value={c.temperature} /> : null}
          <ReasonTags reasons={c.reasons} />
        </Flex>
      ),
    },
    {
      title: t('checkpointsDuty.cases.followUp'),
      key: 'followUp',
      render: (_v, c) =>
        c.clinic || c.outcome ? (
          <div style={{ maxWidth: 150 }}>
            {c.clinic ? <Ellipsis width={150} text={c.clinic} /> : null}
            {c.outcome ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {outcomes[c.outcome]}
              </Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    { title: t('checkpointsDuty.cases.updatedAt'), dataIndex: 'updatedAt', ...sortable(url, 'updatedAt'), render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
  ];

  return (
    <Card
      title={t('checkpointsDuty.cases.title')}
      extra={<ExportButton path={`${BASE}/cases/export.xlsx`} query={url.exportQuery} testId="cases-export" />}
      styles={{ body: { padding: 16 } }}
      data-testid="cases-ledger"
    >
      <FilterBar<FormShape>
        values={values}
        onSearch={(v) =>
          url.setFilters({
            q: v.q,
            status: v.status,
            checkpointId: v.checkpointId,
            reason: v.reason,
            from: v.range?.[0]?.format('YYYY-MM-DD'),
            to: v.range?.[1]?.format('YYYY-MM-DD'),
          })
        }
        onReset={url.reset}
        searchPlaceholder={t('checkpointsDuty.cases.search')}
      >
        <Form.Item name="status" style={{ minWidth: 120 }}>
          <Select allowClear placeholder={t('checkpointsDuty.common.status')} options={CASE_STATUSES.map((s) => ({ value: s, label: caseStatus[s] }))} data-testid="filter-status" popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="checkpointId" style={{ minWidth: 160 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={checkpoints.isPending}
            placeholder={t('checkpointsDuty.common.checkpoint')}
            options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="filter-checkpoint"
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="reason" style={{ minWidth: 140 }}>
          <Select allowClear placeholder={t('checkpointsDuty.common.reasons')} options={ALERT_REASONS.map((r) => ({ value: r, label: reasons[r] }))} data-testid="filter-reason" popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker allowEmpty={[false, false]} data-testid="filter-range" />
        </Form.Item>
      </FilterBar>
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="cases-table"
        empty={{ title: t('checkpointsDuty.cases.empty'), description: t('checkpointsDuty.cases.emptyDesc') }}
      />
      <Flex justify="flex-end">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('checkpointsDuty.cases.footnote')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
