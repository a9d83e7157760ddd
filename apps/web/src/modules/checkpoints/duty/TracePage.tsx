// 活动轨迹: search one person by ID number, phone or plate over a date range, with the ± minutes
// that make someone registered at the same checkpoint a possible contact, and a stated reason
// (every search is audited with it). Results: the stops in time order (a timeline or a table) and
// the possible contacts grouped by the stop they are near; Excel export of the same search. The
// value searched never goes into the address bar (it is personal data).
import { useEffect, useMemo, useState } from 'react';
import { AimOutlined, DownloadOutlined, NodeIndexOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, DatePicker, Empty, Flex, Form, Input, InputNumber, Radio, Row, Segmented, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TRACE_KEYS, type TraceKey } from '@shuangsheng/contracts';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime, zoneDateOf } from '../../../lib/format';
import { useCheckpointSettings } from '../admin/api';
import { exportTrace, useTrace, type Trace, type TraceRequest } from './api';
import { ResultTag, Temperature, useVocab } from './display';
import { addDays, checkIdNumber, checkPhone, checkPlate, contactsByStop, distinctPeople, inTimeOrder, normalizeId, normalizePlate } from './helpers';

type Values = { by: TraceKey; value: string; range: [Dayjs, Dayjs]; windowMinutes: number; reason: string };
type Stop = Trace['stops'][number];
type Contact = Trace['contacts'][number];

export default function TracePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { traceKeys } = useVocab();
  const trace = useTrace();
  const [form] = Form.useForm<Values>();
  const [asked, setAsked] = useState<TraceRequest | null>(null);
  const [exporting, setExporting] = useState(false);
  const by = (Form.useWatch('by', form) as TraceKey | undefined) ?? 'idNumber';
  const today = zoneDateOf(Date.now());
  // The contact window starts at the zone's setting (设置 › 接触时间窗), unless already changed here.
  const settings = useCheckpointSettings();
  const zoneWindow = settings.data?.contactWindowMinutes;
  useEffect(() => {
    if (zoneWindow && !form.isFieldTouched('windowMinutes')) form.setFieldValue('windowMinutes', zoneWindow);
  }, [zoneWindow, form]);

  const valueRules = [
    { required: true, whitespace: true, message: t('common.required', { field: traceKeys[by] }) },
    {
      validator: (_r: unknown, v: string | undefined) => {
        if (!v?.trim()) return Promise.resolve();
        const c = by === 'idNumber' ? checkIdNumber(/^\d/.test(v.trim()) ? 'resident_id' : 'other', v) : by === 'phone' ? checkPhone(v) : checkPlate(v);
        if (c.state === 'invalid') return Promise.reject(new Error(t(`checkpointsDuty.entry.invalid.${c.reason}`)));
        if (c.state === 'partial') return Promise.reject(new Error(t('checkpointsDuty.entry.invalid.incomplete')));
        return Promise.resolve();
      },
    },
  ];

  const submit = async (v: Values) => {
    const value = v.by === 'plate' ? normalizePlate(v.value) : v.by === 'idNumber' ? normalizeId(v.value) : v.value.replace(/\s/g, '');
    const body: TraceRequest = {
      by: v.by,
      value,
      from: v.range[0].format('YYYY-MM-DD'),
      to: v.range[1].format('YYYY-MM-DD'),
      windowMinutes: v.windowMinutes,
      reason: v.reason.trim(),
    };
    try {
      await trace.mutateAsync(body);
      setAsked(body);
    } catch (e) {
      showError(e, form, { from: 'range', to: 'range' });
    }
  };

  const runExport = async () => {
    if (!asked) return;
    setExporting(true);
    try {
      const name = await exportTrace(asked);
      void message.success(t('common.exported', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <PageHeader title={t('checkpointsDuty.trace.title')} sub={t('checkpointsDuty.trace.sub')} />
      <Card style={{ marginBottom: 16 }} data-testid="trace-form-card">
        <Alert type="info" showIcon icon={<SafetyOutlined />} style={{ marginBottom: 16 }} title={t('checkpointsDuty.trace.auditNotice')} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ by: 'idNumber', range: [dayjs(addDays(today, -13)), dayjs(today)], windowMinutes: 30 }}
          data-testid="trace-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="by" label={t('checkpointsDuty.trace.by')}>
                <Radio.Group optionType="button" buttonStyle="solid" options={TRACE_KEYS.map((k) => ({ value: k, label: traceKeys[k] }))} data-testid="trace-by" onChange={() => form.setFields([{ name: 'value', errors: [] }])} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="value" label={traceKeys[by]} rules={valueRules} validateTrigger="onBlur">
                <Input
                  maxLength={30}
                  autoComplete="off"
                  inputMode={by === 'phone' ? 'tel' : 'text'}
                  placeholder={t(`checkpointsDuty.trace.placeholders.${by}`)}
                  prefix={<AimOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
                  data-testid="trace-value"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="range" label={t('checkpointsDuty.trace.range')} rules={[{ required: true, message: t('common.required', { field: t('checkpointsDuty.trace.range') }) }]}>
                <DatePicker.RangePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: '100%' }} data-testid="trace-range" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="windowMinutes" label={t('checkpointsDuty.trace.window')} extra={t('checkpointsDuty.trace.windowHint')}>
                <InputNumber min={1} max={240} precision={0} prefix="±" suffix={t('checkpointsDuty.trace.minutes')} style={{ width: '100%' }} data-testid="trace-window" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="reason"
                label={t('checkpointsDuty.trace.reason')}
                rules={[
                  { required: true, whitespace: true, message: t('checkpointsDuty.trace.reasonRule') },
                  { min: 4, message: t('checkpointsDuty.trace.reasonRule') },
                ]}
              >
                <Input maxLength={200} placeholder={t('checkpointsDuty.trace.reasonPlaceholder')} data-testid="trace-reason" />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button
              onClick={() => {
                form.resetFields();
                trace.reset();
                setAsked(null);
              }}
              data-testid="trace-reset"
            >
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<NodeIndexOutlined />} loading={trace.isPending} data-testid="trace-submit">
              {t('checkpointsDuty.trace.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
      {trace.isError && !trace.data ? (
        (trace.error as { status?: number }).status === 400 ? null : (
          <ErrorState error={trace.error} />
        )
      ) : trace.data && asked ? (
        <Results data={trace.data} asked={asked} onExport={() => void runExport()} exporting={exporting} />
      ) : (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkpointsDuty.trace.prompt')} />
        </Card>
      )}
    </div>
  );
}

function Results({ data, asked, onExport, exporting }: { data: Trace; asked: TraceRequest; onExport: () => void; exporting: boolean }) {
  const { t } = useTranslation();
  const { directions, sources } = useVocab();
  const [view, setView] = useState<'timeline' | 'table'>('timeline');
  const stops = useMemo(() => inTimeOrder(data.stops), [data.stops]);
  const grouped = useMemo(() => contactsByStop(data.contacts), [data.contacts]);
  const checkpoints = new Set(stops.map((s) => s.checkpointId)).size;
  const people = distinctPeople(data.contacts);
  const window = asked.windowMinutes ?? 30;

  const stopColumns = [
    { title: t('checkpointsDuty.common.time'), dataIndex: 'at', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('checkpointsDuty.common.checkpoint'), dataIndex: 'checkpointName' },
    { title: t('checkpointsDuty.common.direction'), dataIndex: 'direction', render: (v: Stop['direction']) => directions[v] },
    { title: t('checkpointsDuty.common.name'), dataIndex: 'name' },
    { title: t('checkpointsDuty.common.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => v ?? '-' },
    { title: t('checkpointsDuty.common.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '-' },
    { title: t('checkpointsDuty.common.plate'), dataIndex: 'plate', render: (v: string | null) => v ?? '-' },
    { title: t('checkpointsDuty.common.temperature'), dataIndex: 'temperature', render: (v: number | null) => <Temperature value={v} /> },
    { title: t('checkpointsDuty.common.result'), dataIndex: 'result', render: (v: Stop['result']) => <ResultTag result={v} /> },
    { title: t('checkpointsDuty.common.source'), dataIndex: 'source', render: (v: Stop['source']) => sources[v] },
    { title: t('checkpointsDuty.trace.contactsN'), key: 'contacts', align: 'right' as const, render: (_v: unknown, s: Stop) => grouped.get(s.id)?.length ?? 0 },
  ];

  return (
    <div data-testid="trace-results" data-stops={stops.length} data-contacts={data.contacts.length}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card styles={{ body: { padding: 16 } }}>
            <Statistic title={t('checkpointsDuty.trace.stopsCount')} value={stops.length} valueRender={(n) => <span data-testid="trace-stops-count">{n}</span>} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card styles={{ body: { padding: 16 } }}>
            <Statistic title={t('checkpointsDuty.trace.checkpointsCount')} value={checkpoints} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card styles={{ body: { padding: 16 } }}>
            <Statistic title={t('checkpointsDuty.trace.contactsCount', { window })} value={data.contacts.length} valueRender={(n) => <span data-testid="trace-contacts-count">{n}</span>} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card styles={{ body: { padding: 16 } }}>
            <Statistic title={t('checkpointsDuty.trace.peopleCount')} value={people} />
          </Card>
        </Col>
      </Row>
      {data.truncated ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('checkpointsDuty.trace.truncated')} data-testid="trace-truncated" /> : null}

      <Card
        title={t('checkpointsDuty.trace.stops')}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'timeline' | 'table')}
              options={[
                { value: 'timeline', label: t('checkpointsDuty.trace.timeline') },
                { value: 'table', label: t('checkpointsDuty.trace.table') },
              ]}
              data-testid="trace-view"
            />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="trace-export">
              {t('common.export')}
            </Button>
          </Space>
        }
      >
        {!stops.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkpointsDuty.trace.noStops')} data-testid="trace-empty" />
        ) : view === 'timeline' ? (
          <Timeline
            data-testid="trace-timeline"
            items={stops.map((s) => ({
              key: s.id,
              color: s.result === 'red' ? 'red' : s.result === 'yellow' ? 'orange' : 'green',
              content: (
                <div data-testid="trace-stop" data-id={s.id} data-code={s.code} data-checkpoint={s.checkpointName}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatDateTime(s.at)}
                    </Typography.Text>
                    <Typography.Text>{s.checkpointName}</Typography.Text>
                    <Tag>{directions[s.direction]}</Tag>
                    <ResultTag result={s.result} />
                    <Temperature value={s.temperature} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.name} · {s.idNumberMasked ?? '-'} · {s.phoneMasked ?? '-'}
                    {s.plate ? ` · ${s.plate}` : ''} · {sources[s.source]} · {t('checkpointsDuty.common.code')} {s.code}
                  </Typography.Text>
                  <div>
                    <Typography.Text type={grouped.get(s.id)?.length ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                      <TeamOutlined /> {t('checkpointsDuty.trace.nearN', { count: grouped.get(s.id)?.length ?? 0 })}
                    </Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
        ) : (
          <Table<Stop> size="small" rowKey="id" pagination={false} dataSource={stops} columns={stopColumns} scroll={{ x: 'max-content' }} data-testid="trace-stops-table" onRow={(s) => ({ 'data-testid': 'trace-stop-row', 'data-id': s.id }) as never} />
        )}
      </Card>

      <Card title={t('checkpointsDuty.trace.contacts', { window })} data-testid="trace-contacts">
        {!data.contacts.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkpointsDuty.trace.noContacts')} />
        ) : (
          <Collapse
            defaultActiveKey={stops
              .filter((s) => grouped.get(s.id)?.length)
              .slice(0, 3)
              .map((s) => s.id)}
            items={stops
              .filter((s) => grouped.get(s.id)?.length)
              .map((s) => ({
                key: s.id,
                label: (
                  <span data-testid="trace-contact-group" data-stop={s.id}>
                    {t('checkpointsDuty.trace.groupTitle', { time: formatDateTime(s.at), checkpoint: s.checkpointName, count: grouped.get(s.id)!.length })}
                  </span>
                ),
                children: <ContactTable contacts={grouped.get(s.id)!} stopAt={s.at} />,
              }))}
          />
        )}
      </Card>
    </div>
  );
}

function ContactTable({ contacts, stopAt }: { contacts: Contact[]; stopAt: number }) {
  const { t } = useTranslation();
  const { directions } = useVocab();
  return (
    <Table<Contact>
      size="small"
      rowKey="id"
      pagination={contacts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={contacts}
      scroll={{ x: 'max-content' }}
      onRow={(c) => ({ 'data-testid': 'trace-contact', 'data-name': c.name, 'data-id': c.id }) as never}
      columns={[
        { title: t('checkpointsDuty.common.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        { title: t('checkpointsDuty.common.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => v ?? '-' },
        { title: t('checkpointsDuty.common.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '-' },
        { title: t('checkpointsDuty.common.plate'), dataIndex: 'plate', render: (v: string | null) => v ?? '-' },
        { title: t('checkpointsDuty.common.time'), dataIndex: 'at', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
        {
          title: t('checkpointsDuty.trace.apart'),
          dataIndex: 'minutesApart',
          align: 'right',
          render: (v: number, c) => {
            const m = Math.abs(v);
            return (
              <span style={{ whiteSpace: 'nowrap' }}>{m === 0 ? t('checkpointsDuty.trace.sameMinute') : c.at >= stopAt ? t('checkpointsDuty.trace.after', { count: m }) : t('checkpointsDuty.trace.before', { count: m })}</span>
            );
          },
        },
        { title: t('checkpointsDuty.common.direction'), dataIndex: 'direction', render: (v: Contact['direction']) => directions[v] },
        { title: t('checkpointsDuty.common.temperature'), dataIndex: 'temperature', render: (v: number | null) => <Temperature value={v} /> },
        { title: t('checkpointsDuty.common.result'), dataIndex: 'result', render: (v: Contact['result']) => <ResultTag result={v} /> },
      ]}
    />
  );
}
