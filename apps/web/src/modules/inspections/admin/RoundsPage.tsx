// 巡查批次: the zone's inspection rounds (date, checklist version, coverage of parks, tasks done),
// filtered by status and period; "发起巡查" starts one over all parks, the parks of chosen risk
// levels, or parks picked one by one — parks without a responsible inspector are flagged (the
// server refuses them), each chosen park becomes a task for its inspector.
import { useEffect, useMemo, useState } from 'react';
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, DatePicker, Drawer, Flex, Form, Grid, Input, Progress, Radio, Row, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RISK_LEVELS, ROUND_STATUSES, type RiskLevel, type RoundStatus } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { useFormDialog } from '../../../components/FormDialog';
import { FilterBar, ListPage, ListTable } from '../../../components/ListPage';
import { actionsColumn } from '../../../components/RowActions';
import { zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { useAllInspectionParks, useRounds, useStartRound, useTemplates, type Park, type Round } from './api';
import { InspectorCell, RiskTag, RoundStatusTag } from './display';
import { formatFraction, formatRate, roundParkIds, withoutInspector, type RoundParkMode } from './helpers';

const SPEC = { q: 'string', status: 'string', from: 'string', to: 'string' } as const;
type Range = [Dayjs | null, Dayjs | null] | null;
type FormShape = { q?: string; status?: RoundStatus; period?: Range };

export default function RoundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const url = useUrlList(SPEC, { sort: undefined });
  const query = useRounds(url.apiQuery);
  const [starting, setStarting] = useState(false);
  const manage = can('inspections.manage');
  const { from, to, ...rest } = url.filters;
  const values: FormShape = { ...rest, status: rest.status as RoundStatus | undefined, period: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null };

  const columns: TableColumnsType<Round> = [
    {
      title: t('inspectionsAdmin.rounds.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/inspections/rounds/${r.id}`} data-testid={`round-link-${v}`}>
          <strong>{v}</strong>
        </Link>
      ),
    },
    { title: t('inspectionsAdmin.rounds.date'), dataIndex: 'roundDate', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: t('inspectionsAdmin.common.template'),
      key: 'template',
      render: (_v, r) => (
        <Link to={`/inspections/templates/${r.templateId}?version=${r.templateVersion}`} style={{ whiteSpace: 'nowrap' }}>
          {r.templateName} · {t('inspectionsAdmin.common.version', { version: r.templateVersion })}
        </Link>
      ),
    },
    { title: t('inspectionsAdmin.common.status'), dataIndex: 'status', render: (v: RoundStatus) => <RoundStatusTag status={v} /> },
    {
      title: t('inspectionsAdmin.round.parks'),
      key: 'parks',
      render: (_v, r) => (
        <div style={{ minWidth: 150 }}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong data-testid={`round-row-parks-${r.name}`}>
              {formatFraction(r.coverage.parks)}
            </Typography.Text>
            <Typography.Text type="secondary">{formatRate(r.coverage.parks)}</Typography.Text>
          </Flex>
          <Progress percent={r.coverage.parks.value === null ? 0 : Math.round(r.coverage.parks.value * 100)} showInfo={false} size="small" />
        </div>
      ),
    },
    { title: t('inspectionsAdmin.round.buildings'), key: 'buildings', render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatFraction(r.coverage.buildings)}</span> },
    { title: t('inspectionsAdmin.round.enterprises'), key: 'enterprises', render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatFraction(r.coverage.enterprises)}</span> },
    actionsColumn(t, (r) => (
      <Typography.Link onClick={() => void navigate(`/inspections/rounds/${r.id}`)} data-testid={`round-view-${r.name}`}>
        {t('common.view')}
      </Typography.Link>
    )),
  ];

  const startButton = manage ? (
    <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setStarting(true)} data-testid="round-new">
      {t('inspectionsAdmin.rounds.start')}
    </Button>
  ) : null;

  return (
    <ListPage
      title={t('inspectionsAdmin.rounds.title')}
      extra={startButton}
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('inspectionsAdmin.rounds.sub')}</Typography.Paragraph>
          <FilterBar<FormShape>
            values={values}
            onSearch={(v) => url.setFilters({ q: v.q, status: v.status, from: v.period?.[0]?.format('YYYY-MM-DD'), to: v.period?.[1]?.format('YYYY-MM-DD') })}
            onReset={url.reset}
            searchPlaceholder={t('inspectionsAdmin.rounds.search')}
          >
            <Form.Item name="status" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('inspectionsAdmin.common.status')} options={ROUND_STATUSES.map((s) => ({ value: s, label: t(`inspectionsAdmin.roundStatus.${s}`) }))} data-testid="filter-status" />
            </Form.Item>
            <Form.Item name="period">
              <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('inspectionsAdmin.common.dateFrom'), t('inspectionsAdmin.common.dateTo')]} style={{ width: 260 }} data-testid="filter-period" />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="rounds-table" empty={{ title: t('inspectionsAdmin.rounds.empty'), description: t('inspectionsAdmin.rounds.emptyDesc'), action: startButton }} />
      {starting ? <StartRoundDialog onClose={() => setStarting(false)} onSaved={(r) => void navigate(`/inspections/rounds/${r.id}`)} /> : null}
    </ListPage>
  );
}

type Values = { name: string; roundDate: Dayjs; templateId: string; mode: RoundParkMode; risks: RiskLevel[]; picked: string[] };

/** 发起巡查: name, date, checklist, and the parks (all / by risk / picked). */
function StartRoundDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (r: Round) => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const templates = useTemplates({ pageSize: 100 });
  const parks = useAllInspectionParks();
  const start = useStartRound();
  const all = useMemo(() => parks.data?.items ?? [], [parks.data]);
  const { form, dialog } = useFormDialog<Values, Round>({
    creating: true,
    onClose,
    onSaved,
    fieldMap: { parkIds: 'picked' },
    save: (v) => start.mutateAsync({ name: v.name.trim(), roundDate: v.roundDate.format('YYYY-MM-DD'), templateId: v.templateId, parkIds: roundParkIds(all, v.mode, v.risks ?? [], v.picked ?? []) }),
  });
  const mode = (Form.useWatch('mode', form) as RoundParkMode | undefined) ?? 'pick';
  const risks = (Form.useWatch('risks', form) as RiskLevel[] | undefined) ?? [];
  const picked = (Form.useWatch('picked', form) as string[] | undefined) ?? [];
  const chosen = roundParkIds(all, mode, risks, picked);
  const missing = withoutInspector(all, chosen);
  const today = zoneDateOf(Date.now());
  const tpls = templates.data?.items ?? [];
  const defaultName = t('inspectionsAdmin.rounds.defaultName', { month: Number(today.slice(5, 7)), day: Number(today.slice(8, 10)) });
  const byName = (id: string) => all.find((p) => p.parkId === id)?.parkName ?? id;
  // The checklist defaults to the first template once the list has come.
  const firstTemplate = tpls[0]?.id;
  useEffect(() => {
    if (firstTemplate && !form.getFieldValue('templateId')) form.setFieldValue('templateId', firstTemplate);
  }, [firstTemplate, form]);

  return (
    <Drawer
      open
      title={t('inspectionsAdmin.rounds.start')}
      onClose={dialog.onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      data-testid="round-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={dialog.onClose} data-testid="round-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={dialog.busy} onClick={dialog.onSubmit} data-testid="round-submit">
            {t('inspectionsAdmin.rounds.startSubmit', { count: chosen.length })}
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: defaultName, roundDate: dayjs(today), mode: 'pick', risks: ['high'], picked: [] }}
        data-testid="round-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('inspectionsAdmin.rounds.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('inspectionsAdmin.rounds.name') }) }]}>
              <Input maxLength={100} data-testid="round-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="roundDate" label={t('inspectionsAdmin.rounds.date')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('inspectionsAdmin.rounds.date') }) }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="round-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="templateId"
          label={t('inspectionsAdmin.common.template')}
          extra={t('inspectionsAdmin.rounds.templateHint')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('inspectionsAdmin.common.template') }) }]}
        >
          <Select
            loading={templates.isPending}
            options={tpls.map((x) => ({ value: x.id, label: `${x.name} · ${t('inspectionsAdmin.common.version', { version: x.currentVersion })}` }))}
            data-testid="round-template"
            notFoundContent={<Link to="/inspections/templates">{t('inspectionsAdmin.rounds.noTemplates')}</Link>}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('inspectionsAdmin.rounds.parks')}>
          <Radio.Group data-testid="round-mode">
            {(['all', 'risk', 'pick'] as const).map((m) => (
              <Radio.Button key={m} value={m} data-testid={`round-mode-${m}`}>
                {t(`inspectionsAdmin.rounds.modes.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {mode === 'risk' ? (
          <Form.Item name="risks" label={t('inspectionsAdmin.rounds.risks')}>
            <Checkbox.Group options={RISK_LEVELS.map((r) => ({ value: r, label: t(`inspectionsAdmin.risks.${r}`) }))} data-testid="round-risks" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="picked"
          label={mode === 'pick' ? t('inspectionsAdmin.rounds.pick') : t('inspectionsAdmin.rounds.selected', { count: chosen.length })}
          rules={[{ validator: () => (chosen.length ? Promise.resolve() : Promise.reject(new Error(t('inspectionsAdmin.rounds.noParks')))) }]}
          dependencies={['mode', 'risks']}
        >
          <ParkChecklist parks={all} loading={parks.isPending} mode={mode} chosen={chosen} />
        </Form.Item>
        {missing.length ? (
          <Alert
            type="warning"
            showIcon
            data-testid="round-missing-inspectors"
            title={t('inspectionsAdmin.rounds.missingTitle', { count: missing.length })}
            description={
              <>
                {missing.map(byName).join(t('common.listSeparator'))}
                <div style={{ marginTop: 4 }}>
                  <a href="/assignments?kind=park_inspector" target="_blank" rel="noreferrer">
                    {t('inspectionsAdmin.rounds.assignLink')}
                  </a>
                </div>
              </>
            }
          />
        ) : null}
      </Form>
    </Drawer>
  );
}

/** The zone's parks as checkboxes (`round-park-<name>`): ticked by the mode, free to tick when picking. */
function ParkChecklist({ parks, loading, mode, chosen, value, onChange }: { parks: Park[]; loading: boolean; mode: RoundParkMode; chosen: string[]; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  if (loading) return <Typography.Text type="secondary">{t('inspectionsAdmin.rounds.loadingParks')}</Typography.Text>;
  if (!parks.length) return <Typography.Text type="secondary">{t('inspectionsAdmin.rounds.noParkList')}</Typography.Text>;
  const picking = mode === 'pick';
  const set = new Set(picking ? (value ?? []) : chosen);
  const toggle = (id: string, on: boolean) => onChange?.(on ? [...(value ?? []), id] : (value ?? []).filter((x) => x !== id));
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, maxHeight: 360, overflow: 'auto' }} data-testid="round-parks">
      {picking ? (
        <Flex justify="space-between" align="center" style={{ padding: '6px 12px', borderBottom: '1px solid #f0f0f0', background: '#fafafa' }}>
          <Typography.Text type="secondary">{t('inspectionsAdmin.rounds.pickedCount', { count: set.size, total: parks.length })}</Typography.Text>
          <Space size={12}>
            <Typography.Link onClick={() => onChange?.(parks.filter((p) => p.inspector).map((p) => p.parkId))} data-testid="round-pick-all">
              {t('inspectionsAdmin.rounds.pickAllAssigned')}
            </Typography.Link>
            <Typography.Link onClick={() => onChange?.([])} data-testid="round-pick-none">
              {t('inspectionsAdmin.rounds.pickNone')}
            </Typography.Link>
          </Space>
        </Flex>
      ) : null}
      {parks.map((p) => (
        <Flex key={p.parkId} align="center" gap={8} wrap style={{ padding: '8px 12px', borderBottom: '1px solid #fafafa' }}>
          <Checkbox
            checked={set.has(p.parkId)}
            disabled={!picking}
            onChange={(e) => toggle(p.parkId, e.target.checked)}
            data-testid={`round-park-${p.parkName}`}
            style={{ flex: '1 1 200px', minWidth: 0 }}
          >
            <Typography.Text strong>{p.parkName}</Typography.Text>
          </Checkbox>
          <RiskTag risk={p.risk} />
          <span style={{ minWidth: 120 }}>
            <InspectorCell inspector={p.inspector} parkId={p.parkId} plain />
          </span>
          {p.nextDueOn ? (
            <Tag style={{ marginInlineEnd: 0 }}>
              {t('inspectionsAdmin.rounds.nextDue', { date: p.nextDueOn })}
            </Tag>
          ) : null}
        </Flex>
      ))}
    </div>
  );
}
