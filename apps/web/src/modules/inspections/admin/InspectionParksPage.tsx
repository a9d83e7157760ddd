// 园区巡查计划: every park of the zone with its plan (risk, size → how often it is inspected), the
// responsible inspector (from the org assignments; none → a warning and the way to assign one),
// buildings and enterprises in scope, the last inspection, the next one due (red when past) and
// the open ledger items. The admin edits a park's plan.
import { useState } from 'react';
import { Checkbox, Form, InputNumber, Radio, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARK_SIZES, RISK_LEVELS, type ParkSize, type RiskLevel } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { FormDialog, useFormDialog } from '../../../components/FormDialog';
import { Ellipsis, FilterBar, ListPage, ListTable } from '../../../components/ListPage';
import { actionsColumn, EditButton } from '../../../components/RowActions';
import { formatNumber, zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { useInspectionParks, useSavePlan, type Park } from './api';
import { DueDate, InspectorCell, RiskTag } from './display';
import { isPastDue, suggestedFrequency } from './helpers';

const SPEC = { q: 'string', risk: 'string', due: 'boolean' } as const;
type FormShape = { q?: string; risk?: RiskLevel; due?: boolean };

export default function InspectionParksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC);
  const query = useInspectionParks(url.apiQuery);
  const [editing, setEditing] = useState<Park | null>(null);
  const manage = can('inspections.manage');
  const today = zoneDateOf(Date.now());

  const columns: TableColumnsType<Park> = [
    { title: t('inspectionsAdmin.common.park'), dataIndex: 'parkName', fixed: 'left', render: (v: string) => <Ellipsis width={200} text={<strong>{v}</strong>} title={v} /> },
    { title: t('inspectionsAdmin.parks.risk'), dataIndex: 'risk', render: (v: RiskLevel | null, p) => <span data-testid={`park-risk-${p.parkName}`}><RiskTag risk={v} /></span> },
    { title: t('inspectionsAdmin.parks.size'), dataIndex: 'size', render: (v: ParkSize | null) => (v ? t(`inspectionsAdmin.sizes.${v}`) : '-') },
    {
      title: t('inspectionsAdmin.parks.frequency'),
      dataIndex: 'frequencyDays',
      render: (v: number | null) => (v ? <span style={{ whiteSpace: 'nowrap' }}>{t('inspectionsAdmin.parks.everyDays', { count: v })}</span> : <Typography.Text type="secondary">-</Typography.Text>),
    },
    { title: t('inspectionsAdmin.common.inspector'), dataIndex: 'inspector', render: (v: Park['inspector'], p) => <InspectorCell inspector={v} parkId={p.parkId} testId={`park-inspector-${p.parkName}`} /> },
    { title: t('inspectionsAdmin.parks.buildings'), dataIndex: 'buildings', align: 'right', render: (v: number, p) => <Link to={`/buildings?parkId=${p.parkId}`}>{formatNumber(v)}</Link> },
    { title: t('inspectionsAdmin.parks.enterprises'), dataIndex: 'enterprises', align: 'right', render: (v: number, p) => <Link to={`/enterprises?parkId=${p.parkId}`}>{formatNumber(v)}</Link> },
    { title: t('inspectionsAdmin.parks.lastInspected'), dataIndex: 'lastInspectedOn', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? t('inspectionsAdmin.parks.never')}</span> },
    { title: t('inspectionsAdmin.parks.nextDue'), dataIndex: 'nextDueOn', render: (v: string | null, p) => <DueDate date={v} past={isPastDue(v, today)} testId={`park-next-due-${p.parkName}`} /> },
    {
      title: t('inspectionsAdmin.parks.openFindings'),
      dataIndex: 'openFindings',
      align: 'right',
      render: (v: number, p) =>
        v ? (
          <Link to={`/inspections/ledger?parkId=${p.parkId}&status=open`} style={{ color: '#d46b08', fontWeight: 600 }}>
            {formatNumber(v)}
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];
  if (manage) columns.push(actionsColumn(t, (p) => <EditButton onClick={() => setEditing(p)} testId={`park-plan-edit-${p.parkName}`} />));

  return (
    <ListPage
      title={t('inspectionsAdmin.parks.title')}
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('inspectionsAdmin.parks.sub')}</Typography.Paragraph>
          <FilterBar<FormShape> values={url.filters as FormShape} onSearch={(v) => url.setFilters({ ...v, due: v.due || undefined })} onReset={url.reset} searchPlaceholder={t('inspectionsAdmin.parks.search')}>
            <Form.Item name="risk" style={{ minWidth: 130 }}>
              <Select allowClear placeholder={t('inspectionsAdmin.parks.risk')} options={RISK_LEVELS.map((r) => ({ value: r, label: t(`inspectionsAdmin.risks.${r}`) }))} data-testid="filter-risk" />
            </Form.Item>
            <Form.Item name="due" valuePropName="checked">
              <Checkbox data-testid="filter-due">{t('inspectionsAdmin.parks.dueOnly')}</Checkbox>
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="parkId" testId="parks-table" empty={{ title: t('inspectionsAdmin.parks.empty'), description: t('inspectionsAdmin.parks.emptyDesc') }} />
      {editing ? <PlanDialog park={editing} onClose={() => setEditing(null)} /> : null}
    </ListPage>
  );
}

type Values = { risk: RiskLevel; size: ParkSize; frequencyDays: number };

function PlanDialog({ park, onClose }: { park: Park; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePlan();
  const { form, dialog } = useFormDialog<Values>({ creating: false, onClose, save: (v) => save.mutateAsync({ parkId: park.parkId, body: v }) });
  const risk = Form.useWatch('risk', form);
  const size = Form.useWatch('size', form);
  const suggestion = risk && size ? suggestedFrequency(risk, size) : null;
  return (
    <FormDialog {...dialog} title={t('inspectionsAdmin.parks.editTitle', { name: park.parkName })}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ risk: park.risk ?? 'medium', size: park.size ?? 'medium', frequencyDays: park.frequencyDays ?? suggestedFrequency(park.risk ?? 'medium', park.size ?? 'medium') }}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // Changing the class proposes its frequency (the admin may still type another).
          if (('risk' in changed || 'size' in changed) && all.risk && all.size) form.setFieldValue('frequencyDays', suggestedFrequency(all.risk, all.size));
        }}
      >
        <Form.Item name="risk" label={t('inspectionsAdmin.parks.risk')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={RISK_LEVELS.map((r) => ({ value: r, label: t(`inspectionsAdmin.risks.${r}`) }))} data-testid="plan-risk" />
        </Form.Item>
        <Form.Item name="size" label={t('inspectionsAdmin.parks.size')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={PARK_SIZES.map((s) => ({ value: s, label: t(`inspectionsAdmin.sizes.${s}`) }))} data-testid="plan-size" />
        </Form.Item>
        <Form.Item
          name="frequencyDays"
          label={t('inspectionsAdmin.parks.frequency')}
          extra={suggestion ? t('inspectionsAdmin.parks.suggested', { count: suggestion }) : undefined}
          rules={[{ required: true, type: 'integer', min: 1, max: 90, message: t('inspectionsAdmin.parks.frequencyRule') }]}
        >
          <FrequencyInput unit={t('inspectionsAdmin.parks.daysUnit')} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Days between inspections, with the unit beside the number. */
function FrequencyInput({ value, onChange, unit }: { value?: number | null; onChange?: (v: number | null) => void; unit: string }) {
  return (
    <Space.Compact style={{ width: 200 }}>
      <InputNumber min={1} max={90} precision={0} value={value} onChange={(v) => onChange?.(v)} style={{ width: '100%' }} data-testid="plan-frequency" />
      <Space.Addon>{unit}</Space.Addon>
    </Space.Compact>
  );
}
