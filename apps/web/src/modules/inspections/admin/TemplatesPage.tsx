// 工作规范: the zone's checklist templates with their current version, items per place and the
// number of versions; 新建 starts one from a copy of another (or from a first item) and opens it.
import { Form, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ChecklistItem, InspectionPlace } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { FormDialog, useFormDialog } from '../../../components/FormDialog';
import { CreateButton, FilterBar, ListPage, ListTable } from '../../../components/ListPage';
import { actionsColumn } from '../../../components/RowActions';
import { formatDateTime } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { useCreateTemplate, useTemplates, type Template } from './api';
import { PlaceTag } from './display';
import { itemsByPlace } from './helpers';

const SPEC = { q: 'string' } as const;

export default function TemplatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const url = useUrlList(SPEC);
  const query = useTemplates(url.apiQuery);
  const [creating, setCreating] = useState(false);
  const manage = can('inspections.manage');

  const columns: TableColumnsType<Template> = [
    {
      title: t('inspectionsAdmin.templates.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/inspections/templates/${r.id}`} data-testid={`template-link-${v}`}>
          <strong>{v}</strong>
        </Link>
      ),
    },
    {
      title: t('inspectionsAdmin.templates.currentVersion'),
      dataIndex: 'currentVersion',
      render: (v: number) => <Tag color="blue">{t('inspectionsAdmin.common.version', { version: v })}</Tag>,
    },
    {
      title: t('inspectionsAdmin.templates.items'),
      key: 'items',
      render: (_v, r) => (
        <Space size={[8, 4]} wrap>
          {itemsByPlace(r.current.items).map((g) => (
            <span key={g.place} style={{ whiteSpace: 'nowrap' }}>
              <PlaceTag place={g.place as InspectionPlace} /> {g.items.length}
            </span>
          ))}
        </Space>
      ),
    },
    { title: t('inspectionsAdmin.templates.versions'), key: 'versions', align: 'right', render: (_v, r) => r.versions.length },
    { title: t('inspectionsAdmin.templates.lastNote'), key: 'note', render: (_v, r) => <Typography.Text type="secondary">{r.current.note ?? '-'}</Typography.Text> },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    actionsColumn(t, (r) => (
      <Typography.Link onClick={() => void navigate(`/inspections/templates/${r.id}`)} data-testid={`template-open-${r.name}`}>
        {manage ? t('inspectionsAdmin.templates.openEdit') : t('common.view')}
      </Typography.Link>
    )),
  ];
  const createButton = manage ? <CreateButton onClick={() => setCreating(true)} label={t('inspectionsAdmin.templates.create')} /> : null;

  return (
    <ListPage
      title={t('inspectionsAdmin.templates.title')}
      extra={createButton}
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('inspectionsAdmin.templates.sub')}</Typography.Paragraph>
          <FilterBar url={url} searchPlaceholder={t('inspectionsAdmin.templates.search')} />
        </>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="templates-table" empty={{ title: t('inspectionsAdmin.templates.empty'), description: t('inspectionsAdmin.templates.emptyDesc'), action: createButton }} />
      {creating ? <CreateDialog templates={query.data?.items ?? []} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/inspections/templates/${id}`)} /> : null}
    </ListPage>
  );
}

type Values = { name: string; copyOf?: string };

/** A new template: a copy of another's current items, or one entrance item to start from. */
function CreateDialog({ templates, onClose, onSaved }: { templates: Template[]; onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateTemplate();
  const starter: ChecklistItem[] = [{ key: 'entrance_1', place: 'entrance', title: t('inspectionsAdmin.templates.starterItem'), kind: 'check', photoRequired: false, severity: 'medium', guidance: null }];
  const { form, dialog } = useFormDialog<Values, Template>({
    creating: true,
    onClose,
    onSaved: (r) => onSaved(r.id),
    save: (v) => {
      const base = templates.find((x) => x.id === v.copyOf);
      return create.mutateAsync({ name: v.name.trim(), items: base ? base.current.items : starter, note: base ? t('inspectionsAdmin.templates.copiedNote', { name: base.name, version: base.currentVersion }) : null });
    },
  });
  return (
    <FormDialog {...dialog} title={t('inspectionsAdmin.templates.create')}>
      <Form form={form} layout="vertical" initialValues={{ copyOf: templates[0]?.id }}>
        <Form.Item name="name" label={t('inspectionsAdmin.templates.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('inspectionsAdmin.templates.name') }) }]}>
          <Input maxLength={100} data-testid="template-name" placeholder={t('inspectionsAdmin.templates.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="copyOf" label={t('inspectionsAdmin.templates.copyOf')} extra={t('inspectionsAdmin.templates.copyOfHint')}>
          <Select allowClear placeholder={t('inspectionsAdmin.templates.blank')} options={templates.map((x) => ({ value: x.id, label: `${x.name} · ${t('inspectionsAdmin.common.version', { version: x.currentVersion })}` }))} data-testid="template-copy-of" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
