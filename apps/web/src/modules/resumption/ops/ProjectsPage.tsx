// 重大项目: the registry of key construction projects with their own restart status — a headline
// "N of M major projects restarted", keyword, status and park in the URL, investment in 万元/亿元,
// add/edit, restart (with the date) and undo for project writers, Excel export.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Popconfirm, Progress, Select, Space, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog, groupedNumber, useFormDialog } from '../../../components/FormDialog';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { useRowAction } from '../../../components/RowActions';
import { EnterpriseSelect, ParkSelect } from '../../../components/pickers';
import { useLang } from '../../../i18n';
import { fenToWan, formatFen, formatNumber, wanToFen, zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, useCreateProject, useProjectAction, useProjects, useUpdateProject } from './api';
import { ProjectStatusTag } from './display';
import { notFuture } from './forms';

const SPEC = { q: 'string', status: 'string', parkId: 'string' } as const;

/** N of M restarted, from the registry itself (two one-row pages give the totals). */
function Headline() {
  const { t } = useTranslation();
  const all = useProjects({ pageSize: 1 });
  const restarted = useProjects({ pageSize: 1, status: 'restarted' });
  const n = restarted.data?.total;
  const m = all.data?.total;
  if (n === undefined || m === undefined) return null;
  const pct = m ? Math.round((n / m) * 1000) / 10 : 0;
  return (
    <Space size={24} wrap align="center" style={{ marginBottom: 12 }}>
      <Typography.Text style={{ fontSize: 16 }} data-testid="projects-headline" data-restarted={n} data-total={m}>
        {t('resumptionOps.projects.headline', { restarted: formatNumber(n), total: formatNumber(m) })}
      </Typography.Text>
      <Progress percent={pct} format={(p) => `${(p ?? 0).toFixed(1)}%`} style={{ width: 260, margin: 0 }} strokeColor="#389e0d" />
    </Space>
  );
}

export default function ProjectsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const writable = can('resumption.projects.write');
  const url = useUrlList(SPEC, { sort: 'createdAt:desc' });
  const query = useProjects(url.apiQuery);
  const act = useProjectAction();
  const run = useRowAction();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [restarting, setRestarting] = useState<Project | null>(null);

  const createButton = writable ? <CreateButton onClick={() => setEditing('new')} label={t('resumptionOps.projects.add')} /> : null;

  const columns: TableColumnsType<Project> = [
    { title: t('resumptionOps.projects.name'), dataIndex: 'name', ...sortable(url, 'name'), fixed: 'left', render: (v: string, p) => <span data-testid={`project-name-${p.id}`}><Ellipsis width={240} text={v} /></span> },
    {
      title: t('resumptionOps.projects.owner'),
      dataIndex: 'ownerEnterpriseName',
      render: (v: string | null, p) => (v && p.ownerEnterpriseId ? <Link to={`/enterprises/${p.ownerEnterpriseId}`}><Ellipsis width={200} text={v} /></Link> : '-'),
    },
    { title: t('resumptionOps.projects.investment'), dataIndex: 'investmentFen', ...sortable(url, 'investmentFen'), align: 'right', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v, lang)}</span> },
    { title: t('resumptionOps.common.park'), dataIndex: 'parkName', render: (v: string | null) => v ?? '-' },
    { title: t('resumptionOps.common.status'), dataIndex: 'status', render: (s: ProjectStatus, p) => <span data-testid={`project-status-${p.id}`}><ProjectStatusTag status={s} /></span> },
    { title: t('resumptionOps.projects.restartDate'), dataIndex: 'restartDate', ...sortable(url, 'restartDate'), render: (v: string | null) => v ?? '-' },
    { title: t('resumptionOps.projects.note'), dataIndex: 'note', render: (v: string | null) => (v ? <Ellipsis width={180} text={v} /> : '-') },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, p: Project) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Button type="link" size="small" onClick={() => setEditing(p)} data-testid={`project-edit-${p.id}`}>
                  {t('common.edit')}
                </Button>
                {p.status === 'not_restarted' ? (
                  <Button type="link" size="small" onClick={() => setRestarting(p)} data-testid={`project-restart-${p.id}`}>
                    {t('resumptionOps.projects.restart')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('resumptionOps.projects.undoConfirm', { name: p.name })}
                    description={t('resumptionOps.projects.undoDesc')}
                    okText={t('resumptionOps.projects.undo')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'confirm-undo' } as never}
                    onConfirm={() => run(act.mutateAsync({ id: p.id, action: 'undo_restart' }), t('resumptionOps.projects.undone'))}
                  >
                    <Button type="link" size="small" danger data-testid={`project-undo-${p.id}`}>
                      {t('resumptionOps.projects.undo')}
                    </Button>
                  </Popconfirm>
                )}
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage
        title={t('resumptionOps.projects.title')}
        extra={
          <>
            <ExportButton path={`${BASE}/projects/export.xlsx`} query={url.exportQuery} testId="projects-export" />
            {createButton}
          </>
        }
        filters={
          <>
          <Headline />
          <FilterBar url={url} searchPlaceholder={t('resumptionOps.projects.search')}>
            <Form.Item name="status" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('resumptionOps.common.status')} options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`resumptionOps.projectStatus.${s}`) }))} data-testid="filter-status" popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item name="parkId" style={{ minWidth: 140 }}>
              <ParkSelect testId="filter-park" placeholder={t('resumptionOps.common.park')} />
            </Form.Item>
          </FilterBar>
          </>
        }
      >
        <ListTable query={query} url={url} columns={columns} rowKey="id" testId="projects-table" empty={{ title: t('resumptionOps.projects.empty'), description: writable ? t('resumptionOps.projects.emptyDesc') : undefined, action: createButton ?? undefined }} />
      </ListPage>
      {editing ? <ProjectDialog project={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {restarting ? <RestartDialog project={restarting} onClose={() => setRestarting(null)} /> : null}
    </>
  );
}

type ProjectValues = { name: string; ownerEnterpriseId?: string | null; investmentWan: number; parkId?: string | null; note?: string };
function ProjectDialog({ project, onClose }: { project: Project | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const update = useUpdateProject();
  const { form, dialog } = useFormDialog<ProjectValues>({
    creating: !project,
    onClose,
    fieldMap: { investmentFen: 'investmentWan' },
    save: (v) => {
      const body = { name: v.name.trim(), ownerEnterpriseId: v.ownerEnterpriseId ?? null, investmentFen: wanToFen(v.investmentWan) ?? 0, parkId: v.parkId ?? null, note: v.note?.trim() || null };
      return project ? update.mutateAsync({ id: project.id, patch: body }) : create.mutateAsync(body);
    },
  });
  const investment = Form.useWatch('investmentWan', form);
  return (
    <FormDialog {...dialog} title={project ? t('resumptionOps.projects.editTitle') : t('resumptionOps.projects.add')} width={620}>
      <Form form={form} layout="vertical" initialValues={project ? { ...project, investmentWan: fenToWan(project.investmentFen), note: project.note ?? '' } : {}}>
        <Form.Item name="name" label={t('resumptionOps.projects.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('resumptionOps.projects.name') }) }]}>
          <Input maxLength={100} data-testid="project-name" />
        </Form.Item>
        <Form.Item name="ownerEnterpriseId" label={t('resumptionOps.projects.owner')}>
          <EnterpriseSelect testId="project-owner" initialOptions={project?.ownerEnterpriseId && project.ownerEnterpriseName ? [{ value: project.ownerEnterpriseId, label: project.ownerEnterpriseName }] : []} />
        </Form.Item>
        <Form.Item
          name="investmentWan"
          label={t('resumptionOps.projects.investmentWan')}
          extra={typeof investment === 'number' && investment >= 10_000 ? t('resumptionOps.projects.inYi', { yi: (investment / 10_000).toFixed(2) }) : undefined}
          rules={[{ required: true, message: t('common.required', { field: t('resumptionOps.projects.investmentWan') }) }]}
        >
          <InputNumber min={0} precision={2} style={{ width: 240 }} {...groupedNumber} data-testid="project-investment" />
        </Form.Item>
        <Form.Item name="parkId" label={t('resumptionOps.common.park')}>
          <ParkSelect testId="project-park" />
        </Form.Item>
        <Form.Item name="note" label={t('resumptionOps.projects.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type RestartValues = { date: Dayjs; comment?: string };
function RestartDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useProjectAction();
  const { form, dialog } = useFormDialog<RestartValues>({
    creating: false,
    onClose,
    save: (v) => act.mutateAsync({ id: project.id, action: 'restart', body: { date: v.date.format('YYYY-MM-DD'), comment: v.comment?.trim() || null } }),
  });
  return (
    <FormDialog {...dialog} title={t('resumptionOps.projects.restartTitle', { name: project.name })} submitText={t('resumptionOps.projects.restart')}>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(zoneDateOf(Date.now())) }}>
        <Form.Item name="date" label={t('resumptionOps.projects.restartDate')} rules={[{ required: true }]}>
          <DatePicker disabledDate={notFuture} allowClear={false} data-testid="project-restart-date" />
        </Form.Item>
        <Form.Item name="comment" label={t('resumptionOps.demand.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
