// /checkpoints/registrations — every registration of the zone's checkpoints (one row per person;
// a vehicle's people share its plate), masked: the ID number and phone show in full only after a
// stated reason (audited). Keyword (code, name or plate) and filters — checkpoint, dates,
// direction, result, source — live in the URL; the Excel export holds what is filtered. Results in
// green / orange / red; a row opens to the declaration, destination and reason.
import { CarOutlined } from '@ant-design/icons';
import { DatePicker, Descriptions, Form, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTIONS, FEVER_TENTHS, REGISTRATION_SOURCES, SCREEN_RESULTS, type Direction, type RegistrationSource, type ScreenResult } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { MaskedValue } from '../../../components/MaskedValue';
import { formatDateTime } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, revealRegistration, useCheckpointOptions, useRegistrations, type Registration } from './api';
import { ResultTag } from './display';
import { formatTemperature, rangeQuery } from './helpers';

const SPEC = { q: 'string', checkpointId: 'string', from: 'string', to: 'string', direction: 'string', result: 'string', source: 'string' } as const;
type Range = [Dayjs | null, Dayjs | null] | null;
type FormShape = { q?: string; checkpointId?: string; period?: Range; direction?: Direction; result?: ScreenResult; source?: RegistrationSource };
const DECLARATIONS = ['fever', 'cough', 'contact', 'highRiskTravel'] as const;

export default function RegistrationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC);
  const query = useRegistrations(url.apiQuery);
  const checkpoints = useCheckpointOptions();
  const reveal = can('pii.reveal');
  // The export takes the filters only (its rows come in time order).
  const { sort: _sort, ...exportQuery } = url.exportQuery;
  const { from, to, ...rest } = url.filters;
  const values: FormShape = {
    ...rest,
    direction: rest.direction as Direction | undefined,
    result: rest.result as ScreenResult | undefined,
    source: rest.source as RegistrationSource | undefined,
    period: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
  };

  const columns: TableColumnsType<Registration> = [
    {
      title: t('checkpointsOps.reg.atCode'),
      dataIndex: 'at',
      fixed: 'left',
      ...sortable<Registration>(url, 'at'),
      render: (v: number, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>{formatDateTime(v)}</div>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }} data-testid={`reg-code-${r.code}`}>
            {r.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('checkpointsOps.reg.checkpoint'),
      dataIndex: 'checkpointName',
      render: (v: string, r) => (
        <Link to={`/checkpoints/${r.checkpointId}`} style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Link>
      ),
    },
    {
      title: t('checkpointsOps.reg.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space size={6} style={{ whiteSpace: 'nowrap' }}>
          <strong data-testid={`reg-name-${r.code}`}>{v}</strong>
          <Tag color={r.direction === 'in' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`checkpointsOps.directions.${r.direction}`)}
          </Tag>
        </Space>
      ),
    },
    {
      title: t('checkpointsOps.reg.idAndPhone'),
      key: 'pii',
      render: (_v, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>
            <MaskedValue masked={r.idNumberMasked} testId={`reg-id-${r.id}`} onReveal={reveal ? (reason) => revealRegistration(r.id, 'idNumber', reason) : undefined} />
          </div>
          <div>
            <MaskedValue masked={r.phoneMasked} testId={`reg-phone-${r.id}`} onReveal={reveal ? (reason) => revealRegistration(r.id, 'phone', reason) : undefined} />
          </div>
        </div>
      ),
    },
    {
      title: t('checkpointsOps.reg.plate'),
      key: 'plate',
      render: (_v, r) =>
        r.plate ? (
          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
            <span style={{ fontFamily: 'monospace' }}>{r.plate}</span>
            {r.isVehicle ? (
              <Tooltip title={t('checkpointsOps.reg.driverHint')}>
                <CarOutlined style={{ color: '#1677ff' }} />
              </Tooltip>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('checkpointsOps.reg.passenger')}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '-'
        ),
    },
    {
      title: t('checkpointsOps.reg.origin'),
      key: 'origin',
      render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{[r.originProvince, r.originCity].filter(Boolean).join(' ') || '-'}</span>,
    },
    {
      title: t('checkpointsOps.reg.temperature'),
      dataIndex: 'temperature',
      align: 'right',
      render: (v: number | null) => (
        <Typography.Text type={v !== null && Math.round(v * 10) >= FEVER_TENTHS ? 'danger' : undefined} strong={v !== null && Math.round(v * 10) >= FEVER_TENTHS} style={{ whiteSpace: 'nowrap' }}>
          {formatTemperature(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('checkpointsOps.reg.source'),
      dataIndex: 'source',
      render: (v: RegistrationSource, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t(`checkpointsOps.sources.${v}`)}
          {r.createdByName ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.createdByName}
              </Typography.Text>
            </div>
          ) : null}
        </span>
      ),
    },
    {
      title: t('checkpointsOps.reg.result'),
      dataIndex: 'result',
      fixed: 'right',
      render: (v: ScreenResult, r) => (
        <span data-testid={`reg-result-${r.code}`} data-result={v}>
          <ResultTag result={v} reasons={r.reasons} />
        </span>
      ),
    },
  ];

  return (
    <ListPage
      title={t('checkpointsOps.reg.title')}
      extra={<ExportButton path={`${BASE}/registrations/export.xlsx`} query={exportQuery} />}
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('checkpointsOps.reg.sub')}</Typography.Paragraph>
          <FilterBar<FormShape>
            values={values}
            onSearch={(v) => url.setFilters({ q: v.q, checkpointId: v.checkpointId, direction: v.direction, result: v.result, source: v.source, ...rangeQuery(v.period) })}
            onReset={url.reset}
            searchPlaceholder={t('checkpointsOps.reg.search')}
          >
            <Form.Item name="checkpointId" style={{ minWidth: 200 }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={checkpoints.isPending}
                placeholder={t('checkpointsOps.reg.checkpoint')}
                options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                data-testid="filter-checkpoint"
              />
            </Form.Item>
            <Form.Item name="period">
              <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('checkpointsOps.common.dateFrom'), t('checkpointsOps.common.dateTo')]} style={{ width: 260 }} data-testid="filter-period" />
            </Form.Item>
            <Form.Item name="direction" style={{ minWidth: 100 }}>
              <Select allowClear placeholder={t('checkpointsOps.reg.direction')} options={DIRECTIONS.map((d) => ({ value: d, label: t(`checkpointsOps.directions.${d}`) }))} data-testid="filter-direction" />
            </Form.Item>
            <Form.Item name="result" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('checkpointsOps.reg.result')} options={SCREEN_RESULTS.map((d) => ({ value: d, label: t(`checkpointsOps.results.${d}`) }))} data-testid="filter-result" />
            </Form.Item>
            <Form.Item name="source" style={{ minWidth: 130 }}>
              <Select allowClear placeholder={t('checkpointsOps.reg.source')} options={REGISTRATION_SOURCES.map((d) => ({ value: d, label: t(`checkpointsOps.sources.${d}`) }))} data-testid="filter-source" />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="registrations-table"
        empty={{ title: t('checkpointsOps.reg.empty'), description: t('checkpointsOps.reg.emptyDesc') }}
        expandable={{ expandedRowRender: (r) => <RegistrationDetails r={r} /> }}
      />
    </ListPage>
  );
}

function RegistrationDetails({ r }: { r: Registration }) {
  const { t } = useTranslation();
  const positive = DECLARATIONS.filter((k) => r.health[k]);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid={`reg-details-${r.code}`}
      items={[
        { key: 'idKind', label: t('checkpointsOps.passes.idKind'), children: t(`checkpointsOps.idKinds.${r.idKind}`) },
        { key: 'destination', label: t('checkpointsOps.reg.destination'), children: r.destination ?? '-' },
        { key: 'reason', label: t('checkpointsOps.reg.reason'), children: r.reason ?? '-' },
        {
          key: 'health',
          label: t('checkpointsOps.reg.health'),
          span: 'filled',
          children: positive.length ? (
            <Space size={4} wrap>
              {positive.map((k) => (
                <Tag key={k} color={k === 'cough' || k === 'highRiskTravel' ? 'orange' : 'red'}>
                  {t(`checkpointsOps.declarations.${k}`)}
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="success">{t('checkpointsOps.reg.healthClear')}</Typography.Text>
          ),
        },
        ...(r.reasons.length
          ? [{ key: 'reasons', label: t('checkpointsOps.reg.reasons'), span: 'filled' as const, children: r.reasons.map((x) => t(`checkpointsOps.reasons.${x}`)).join(t('common.listSeparator')) }]
          : []),
      ]}
    />
  );
}
