// 园区摸排: the census of each park on a date — enterprises and how many resumed, employees, staff
// who left and how many returned, the difficulties — filtered by park, round and period, exported
// to Excel; 新增 / 编辑 with "从已有数据预填" (the registry's enterprises and employees, the
// resumption module's resumed enterprises on that date).
import { useState } from 'react';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog, groupedNumber, useFormDialog } from '../../../components/FormDialog';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable } from '../../../components/ListPage';
import { ParkSelect } from '../../../components/pickers';
import { actionsColumn, EditButton } from '../../../components/RowActions';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime, formatNumber, zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, fetchPrefill, useCensus, useRoundOptions, useSaveCensus, type CensusRow } from './api';
import { RateFigure } from './display';

const SPEC = { q: 'string', parkId: 'string', roundId: 'string', from: 'string', to: 'string' } as const;
type Range = [Dayjs | null, Dayjs | null] | null;
type FormShape = { q?: string; parkId?: string; roundId?: string; period?: Range };

const ratio = (n: number, d: number) => ({ numerator: n, denominator: d, value: d ? n / d : null });

export default function CensusPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC);
  const query = useCensus(url.apiQuery);
  const rounds = useRoundOptions();
  const [editing, setEditing] = useState<CensusRow | 'new' | null>(null);
  const writable = can('inspections.inspect') || can('inspections.manage');
  const { from, to, ...rest } = url.filters;
  const values: FormShape = { ...rest, period: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null };

  const columns: TableColumnsType<CensusRow> = [
    { title: t('inspectionsAdmin.common.park'), dataIndex: 'parkName', fixed: 'left', render: (v: string) => <strong>{v}</strong> },
    { title: t('inspectionsAdmin.census.date'), dataIndex: 'censusDate', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('inspectionsAdmin.common.round'), dataIndex: 'roundName', render: (v: string | null) => (v ? <Ellipsis width={140} text={v} /> : '-') },
    { title: t('inspectionsAdmin.census.enterprises'), dataIndex: 'enterprises', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('inspectionsAdmin.census.resumed'), key: 'resumed', render: (_v, c) => <RateFigure ratio={ratio(c.enterprisesResumed, c.enterprises)} strong={false} /> },
    { title: t('inspectionsAdmin.census.employees'), dataIndex: 'employees', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('inspectionsAdmin.census.staffLeft'), dataIndex: 'staffLeft', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('inspectionsAdmin.census.returned'), key: 'returned', render: (_v, c) => <RateFigure ratio={ratio(c.staffReturned, c.staffLeft)} strong={false} /> },
    { title: t('inspectionsAdmin.census.difficulties'), dataIndex: 'difficulties', render: (v: string | null) => (v ? <Ellipsis width={200} text={v} /> : '-') },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
  ];
  if (writable) columns.push(actionsColumn(t, (c) => <EditButton onClick={() => setEditing(c)} testId={`census-edit-${c.parkName}-${c.censusDate}`} />));
  const createButton = writable ? <CreateButton onClick={() => setEditing('new')} label={t('inspectionsAdmin.census.create')} /> : null;

  return (
    <ListPage
      title={t('inspectionsAdmin.census.title')}
      extra={
        <>
          <ExportButton path={`${BASE}/census/export.xlsx`} query={url.exportQuery} testId="census-export" />
          {createButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('inspectionsAdmin.census.sub')}</Typography.Paragraph>
          <FilterBar<FormShape>
            values={values}
            onSearch={(v) => url.setFilters({ q: v.q, parkId: v.parkId, roundId: v.roundId, from: v.period?.[0]?.format('YYYY-MM-DD'), to: v.period?.[1]?.format('YYYY-MM-DD') })}
            onReset={url.reset}
            searchPlaceholder={t('inspectionsAdmin.census.search')}
          >
            <Form.Item name="parkId" style={{ minWidth: 150 }}>
              <ParkSelect testId="filter-park" placeholder={t('inspectionsAdmin.common.park')} popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item name="roundId" style={{ minWidth: 170 }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('inspectionsAdmin.common.round')}
                options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.roundDate})` }))}
                data-testid="filter-round"
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <Form.Item name="period">
              <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('inspectionsAdmin.common.dateFrom'), t('inspectionsAdmin.common.dateTo')]} style={{ width: 260 }} data-testid="filter-period" />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="census-table" empty={{ title: t('inspectionsAdmin.census.empty'), description: t('inspectionsAdmin.census.emptyDesc'), action: createButton }} />
      {editing ? <CensusDialog row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </ListPage>
  );
}

type Values = { parkId: string; roundId?: string | null; censusDate: Dayjs; enterprises: number; employees: number; staffLeft: number; staffReturned: number; enterprisesResumed: number; difficulties?: string };

function CensusDialog({ row, onClose }: { row: CensusRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useSaveCensus();
  const rounds = useRoundOptions();
  const [prefilling, setPrefilling] = useState(false);
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const { form, dialog } = useFormDialog<Values>({
    creating: !row,
    onClose,
    fieldMap: { censusDate: 'censusDate' },
    save: (v) =>
      save.mutateAsync({
        id: row?.id ?? null,
        body: {
          parkId: v.parkId,
          roundId: v.roundId ?? null,
          censusDate: v.censusDate.format('YYYY-MM-DD'),
          enterprises: v.enterprises,
          employees: v.employees,
          staffLeft: v.staffLeft,
          staffReturned: v.staffReturned,
          enterprisesResumed: v.enterprisesResumed,
          difficulties: v.difficulties?.trim() || null,
        },
      }),
  });
  const parkId = Form.useWatch('parkId', form);

  const prefill = async () => {
    const date = (form.getFieldValue('censusDate') as Dayjs | undefined)?.format('YYYY-MM-DD') ?? zoneDateOf(Date.now());
    if (!parkId) return;
    setPrefilling(true);
    try {
      const p = await fetchPrefill(parkId, date);
      form.setFieldsValue({ enterprises: p.enterprises, employees: p.employees, enterprisesResumed: p.enterprisesResumed });
      setPrefilled(p.censusDate);
      void message.success(t('inspectionsAdmin.census.prefilled'));
    } catch (e) {
      showError(e);
    } finally {
      setPrefilling(false);
    }
  };

  const num = (name: keyof Values, label: string, extra?: string, rules: object[] = []) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: t('common.required', { field: label }) }, ...rules]}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} {...groupedNumber} data-testid={`census-${name}`} />
    </Form.Item>
  );
  const notAbove = (other: keyof Values, msg: string) => ({
    validator: (_r: unknown, v: number | null) => {
      const max = form.getFieldValue(other) as number | null;
      return v == null || max == null || v <= max ? Promise.resolve() : Promise.reject(new Error(msg));
    },
  });

  return (
    <FormDialog {...dialog} title={row ? t('inspectionsAdmin.census.editTitle', { name: row.parkName, date: row.censusDate }) : t('inspectionsAdmin.census.create')} width={680}>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          row
            ? { ...row, censusDate: dayjs(row.censusDate), roundId: row.roundId ?? undefined, difficulties: row.difficulties ?? undefined }
            : { censusDate: dayjs(zoneDateOf(Date.now())), enterprises: 0, employees: 0, staffLeft: 0, staffReturned: 0, enterprisesResumed: 0 }
        }
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="parkId" label={t('inspectionsAdmin.common.park')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('inspectionsAdmin.common.park') }) }]}>
              <ParkSelect testId="census-park" disabled={!!row} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="censusDate" label={t('inspectionsAdmin.census.date')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabled={!!row} data-testid="census-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="roundId" label={t('inspectionsAdmin.common.round')}>
          <Select allowClear options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.roundDate})` }))} placeholder={t('inspectionsAdmin.census.noRound')} data-testid="census-round" />
        </Form.Item>
        <Alert
          type={prefilled ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={prefilled ? t('inspectionsAdmin.census.prefilledFrom', { date: prefilled }) : t('inspectionsAdmin.census.prefillHint')}
          action={
            <Button size="small" icon={<CloudDownloadOutlined />} loading={prefilling} disabled={!parkId} onClick={() => void prefill()} data-testid="census-prefill">
              {t('inspectionsAdmin.census.prefill')}
            </Button>
          }
        />
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            {num('enterprises', t('inspectionsAdmin.census.enterprises'))}
          </Col>
          <Col xs={12} sm={8}>
            {num('enterprisesResumed', t('inspectionsAdmin.census.enterprisesResumed'), undefined, [notAbove('enterprises', t('inspectionsAdmin.census.resumedAbove'))])}
          </Col>
          <Col xs={12} sm={8}>
            {num('employees', t('inspectionsAdmin.census.employees'))}
          </Col>
          <Col xs={12} sm={8}>
            {num('staffLeft', t('inspectionsAdmin.census.staffLeft'), t('inspectionsAdmin.census.staffLeftHint'))}
          </Col>
          <Col xs={12} sm={8}>
            {num('staffReturned', t('inspectionsAdmin.census.staffReturned'), undefined, [notAbove('staffLeft', t('inspectionsAdmin.census.returnedAbove'))])}
          </Col>
        </Row>
        <Form.Item name="difficulties" label={t('inspectionsAdmin.census.difficulties')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('inspectionsAdmin.census.difficultiesPlaceholder')} data-testid="census-difficulties" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
