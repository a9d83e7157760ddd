// One agency case (帮办代办): the project, owner, investment, agent and 免费; the stage plan from
// 立项 to 投产 as Steps, and each stage with its status, planned and actual dates, note and
// linked applications, updated one at a time by agency writers.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgencyCase, AgencyStage, AgencyStageView, ListResult, StageStatus } from '@shuangsheng/contracts';
import { api } from '../../../../api/client';
import { useCan } from '../../../../app/session';
import { FormDialog, groupedNumber, useFormDialog } from '../../../../components/FormDialog';
import { PageHeader } from '../../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../../components/PageStates';
import { EnterpriseSelect, ParkSelect } from '../../../../components/pickers';
import { useLang } from '../../../../i18n';
import { fenToWan, formatDateTime, formatFen, wanToFen } from '../../../../lib/format';
import { agencyCases, useUpdateStage } from '../api';
import { AgentSelect, CurrentStageTag, StageStatusTag } from '../display';

export default function AgencyCasePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const can = useCan();
  const writable = can('services.agency.write');
  const query = agencyCases.useOne(id);
  const [editing, setEditing] = useState(false);
  const [stage, setStage] = useState<AgencyStageView | null>(null);
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const current = c.currentStage ? c.stages.findIndex((s) => s.stage === c.currentStage) : c.stages.length;
  const stepStatus = (s: StageStatus, i: number): 'finish' | 'process' | 'wait' => (s === 'done' ? 'finish' : i === current || s === 'in_progress' ? 'process' : 'wait');
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/services/agency">{t('extras.agency.title')}</Link> }, { title: c.projectName }]} />
      <PageHeader
        title={
          <Space wrap>
            {c.projectName}
            <CurrentStageTag stage={c.currentStage} />
            <Tag color="green" data-testid="agency-free">
              {t('extras.agency.free')}
            </Tag>
          </Space>
        }
        sub={t('extras.agency.updatedAt', { time: formatDateTime(c.updatedAt) })}
        extra={
          writable ? (
            <Button onClick={() => setEditing(true)} data-testid="agency-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'enterprise', label: t('extras.agency.enterprise'), children: c.enterpriseName ?? '-' },
            { key: 'investment', label: t('extras.agency.investment'), children: formatFen(c.investmentFen, lang) },
            { key: 'park', label: t('extras.agency.park'), children: c.parkName ?? '-' },
            { key: 'agent', label: t('extras.agency.agent'), children: c.agentName ?? '-' },
            { key: 'fee', label: t('extras.agency.fee'), children: t('extras.agency.free') },
            { key: 'note', label: t('extras.agency.note'), children: c.note ?? '-' },
          ]}
        />
      </Card>
      <Card title={t('extras.agency.stagePlan')}>
        <Steps
          data-testid="agency-steps"
          current={Math.min(current, c.stages.length - 1)}
          size="small"
          responsive
          style={{ marginBottom: 24 }}
          items={c.stages.map((s, i) => ({
            title: t(`extras.stages.${s.stage}`),
            status: stepStatus(s.status, i),
            content: s.actualOn ?? (s.plannedOn ? `${t('extras.agency.plannedOn')} ${s.plannedOn}` : undefined),
          }))}
        />
        <Table<AgencyStageView>
          data-testid="agency-stage-table"
          size="small"
          rowKey="stage"
          pagination={false}
          dataSource={c.stages}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('extras.agency.stagePlan'), dataIndex: 'stage', render: (s: AgencyStage) => <Typography.Text strong>{t(`extras.stages.${s}`)}</Typography.Text> },
            { title: t('extras.common.status'), dataIndex: 'status', render: (s: StageStatus) => <StageStatusTag status={s} /> },
            { title: t('extras.agency.plannedOn'), dataIndex: 'plannedOn', render: (v: string | null) => v ?? '-' },
            { title: t('extras.agency.actualOn'), dataIndex: 'actualOn', render: (v: string | null) => v ?? '-' },
            { title: t('extras.agency.note'), dataIndex: 'note', render: (v: string | null) => <div style={{ maxWidth: 260, whiteSpace: 'pre-wrap' }}>{v ?? '-'}</div> },
            {
              title: t('extras.agency.applications'),
              dataIndex: 'applications',
              render: (apps: AgencyStageView['applications']) =>
                apps.length ? (
                  <Space direction="vertical" size={0}>
                    {apps.map((a) => (
                      <Typography.Text key={a.id} style={{ fontSize: 12 }}>
                        {a.number ?? '-'} · {a.itemName}
                      </Typography.Text>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">-</Typography.Text>
                ),
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_v: unknown, s: AgencyStageView) => (
                      <Button type="link" size="small" onClick={() => setStage(s)} data-testid={`stage-edit-${s.stage}`}>
                        {t('extras.agency.editStage')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? <CaseDialog agencyCase={c} onClose={() => setEditing(false)} /> : null}
      {stage ? <StageDialog caseId={c.id} stage={stage} onClose={() => setStage(null)} /> : null}
    </div>
  );
}

type CaseValues = { projectName: string; enterpriseId: string; investmentWan: number; parkId?: string | null; agentId: string; note?: string };
export function CaseDialog({ agencyCase, onClose, onSaved }: { agencyCase: AgencyCase | null; onClose: () => void; onSaved?: (c: AgencyCase) => void }) {
  const { t } = useTranslation();
  const create = agencyCases.useCreate();
  const update = agencyCases.useUpdate();
  const { form, dialog } = useFormDialog<CaseValues, AgencyCase>({
    creating: !agencyCase,
    onClose,
    onSaved,
    fieldMap: { investmentFen: 'investmentWan' },
    save: (v) => {
      const body = { projectName: v.projectName, enterpriseId: v.enterpriseId, investmentFen: wanToFen(v.investmentWan) ?? 0, parkId: v.parkId ?? null, agentId: v.agentId, note: v.note?.trim() || null };
      return agencyCase ? update.mutateAsync({ id: agencyCase.id, patch: body }) : create.mutateAsync(body);
    },
  });
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} title={agencyCase ? t('extras.agency.editTitle') : t('extras.agency.createTitle')} width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={agencyCase ? { ...agencyCase, investmentWan: fenToWan(agencyCase.investmentFen) } : {}}
      >
        <Form.Item name="projectName" label={t('extras.agency.projectName')} rules={required(t('extras.agency.projectName'))}>
          <Input maxLength={100} data-testid="case-name" />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('extras.agency.enterprise')} rules={required(t('extras.agency.enterprise'))}>
          <EnterpriseSelect testId="case-enterprise" initialOptions={agencyCase?.enterpriseName ? [{ value: agencyCase.enterpriseId, label: agencyCase.enterpriseName }] : []} />
        </Form.Item>
        <Form.Item name="investmentWan" label={t('extras.agency.investmentWan')} rules={required(t('extras.agency.investmentWan'))}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} {...groupedNumber} data-testid="case-investment" />
        </Form.Item>
        <Form.Item name="parkId" label={t('extras.agency.park')}>
          <ParkSelect testId="case-park" />
        </Form.Item>
        <Form.Item name="agentId" label={t('extras.agency.agent')} extra={t('extras.agency.agentHint')} rules={required(t('extras.agency.agent'))}>
          <AgentSelect testId="case-agent" />
        </Form.Item>
        <Form.Item name="note" label={t('extras.agency.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type ApplicationRow = { id: string; number: string | null; itemName: string; status: string };

/** Applications of the zone to link, searched by number or item. */
function ApplicationsSelect({ value, onChange, initial }: { value?: string[]; onChange?: (v: string[]) => void; initial: ApplicationRow[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['applications', 'link-options', q],
    queryFn: ({ signal }) => api.get<ListResult<ApplicationRow>>('/api/applications', { q: q || undefined, pageSize: 20 }, { signal }),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  for (const a of [...initial, ...(data?.items ?? [])]) options.set(a.id, `${a.number ?? '-'} · ${a.itemName}`);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('extras.agency.applicationsPlaceholder')}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      data-testid="stage-applications"
    />
  );
}

type StageValues = { status: StageStatus; plannedOn?: dayjs.Dayjs | null; actualOn?: dayjs.Dayjs | null; note?: string; applicationIds: string[] };
function StageDialog({ caseId, stage, onClose }: { caseId: string; stage: AgencyStageView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateStage();
  const { form, dialog } = useFormDialog<StageValues>({
    creating: false,
    onClose,
    save: (v) =>
      update.mutateAsync({
        id: caseId,
        patch: {
          stage: stage.stage,
          status: v.status,
          plannedOn: v.plannedOn ? v.plannedOn.format('YYYY-MM-DD') : null,
          actualOn: v.actualOn ? v.actualOn.format('YYYY-MM-DD') : v.status === 'done' ? undefined : null,
          note: v.note?.trim() || null,
          applicationIds: v.applicationIds ?? [],
        },
      }),
  });
  return (
    <FormDialog {...dialog} title={t('extras.agency.editStageTitle', { stage: t(`extras.stages.${stage.stage}`) })}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          status: stage.status,
          plannedOn: stage.plannedOn ? dayjs(stage.plannedOn) : null,
          actualOn: stage.actualOn ? dayjs(stage.actualOn) : null,
          note: stage.note ?? '',
          applicationIds: stage.applications.map((a) => a.id),
        }}
      >
        <Form.Item name="status" label={t('extras.common.status')}>
          <Select options={(['pending', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: t(`extras.stageStatus.${s}`) }))} data-testid="stage-status" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="plannedOn" label={t('extras.agency.plannedOn')}>
            <DatePicker data-testid="stage-planned" />
          </Form.Item>
          <Form.Item name="actualOn" label={t('extras.agency.actualOn')}>
            <DatePicker data-testid="stage-actual" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('extras.agency.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="stage-note" />
        </Form.Item>
        <Form.Item name="applicationIds" label={t('extras.agency.applications')}>
          <ApplicationsSelect initial={stage.applications} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
