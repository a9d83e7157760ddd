// 责任分工 Assignments: who answers for which enterprise (驻企特派员), park (巡查) or grid unit (网格员).
import { useState } from 'react';
import { Button, Checkbox, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_KINDS, type Assignment, type AssignmentKind } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { ImportButton } from '../../../components/ImportButton';
import { CreateButton, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { UserSelect } from '../../../components/pickers';
import { actionsColumn, DeleteButton, useRowAction } from '../../../components/RowActions';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { assignments } from '../api';
import { AssignmentForm } from '../components/AssignmentForm';

const SPEC = { q: 'string', kind: 'string', userId: 'string', targetId: 'string', primaryOnly: 'boolean' } as const;
const KIND_COLORS: Record<AssignmentKind, string> = { enterprise_commissioner: 'blue', park_inspector: 'orange', grid_official: 'green' };

export default function AssignmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC, { sort: 'createdAt:desc' });
  const query = assignments.useList(url.apiQuery);
  const remove = assignments.useRemove();
  const update = assignments.useUpdate();
  const run = useRowAction();
  const [creating, setCreating] = useState(false);
  const writable = can('assignments.write');

  const columns: TableColumnsType<Assignment> = [
    { title: t('assignments.kind'), dataIndex: 'kind', ...sortable(url, 'kind'), render: (k: AssignmentKind) => <Tag color={KIND_COLORS[k]}>{t(`assignmentKinds.${k}`)}</Tag> },
    {
      title: t('assignments.target'),
      dataIndex: 'targetName',
      render: (v: string, a) =>
        a.kind === 'enterprise_commissioner' && can('enterprises.read') ? (
          <Link to={`/enterprises/${a.targetId}`}>{v}</Link>
        ) : a.kind === 'park_inspector' ? (
          <Link to={`/parks?q=${encodeURIComponent(v)}`}>{v}</Link>
        ) : (
          v
        ),
    },
    { title: t('assignments.user'), dataIndex: 'userName' },
    {
      title: t('assignments.primary'),
      dataIndex: 'isPrimary',
      render: (p: boolean) => (p ? <StatusTag tone="done">{t('assignments.primary')}</StatusTag> : <StatusTag tone="closed">{t('assignments.assist')}</StatusTag>),
    },
    { title: t('assignments.note'), dataIndex: 'note', render: (v: string | null) => v ?? '-' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', ...sortable(url, 'createdAt'), render: (v: number) => formatDate(v) },
  ];
  if (writable) {
    columns.push(
      actionsColumn(t, (a) => (
        <>
          {a.isPrimary ? null : (
            <Button
              type="link"
              size="small"
              data-testid={`assignment-primary-${a.id}`}
              onClick={() => void run(update.mutateAsync({ id: a.id, patch: { isPrimary: true } }), t('assignments.primarySet'))}
            >
              {t('assignments.setPrimary')}
            </Button>
          )}
          <DeleteButton name={`${t(`assignmentKinds.${a.kind}`)} · ${a.userName}`} testId={`assignment-delete-${a.id}`} onConfirm={() => remove.mutateAsync(a.id)} />
        </>
      )),
    );
  }
  const createButton = writable ? <CreateButton onClick={() => setCreating(true)} /> : null;

  return (
    <ListPage
      title={t('assignments.title')}
      extra={
        <>
          <ExportButton path="/api/assignments/export.xlsx" query={url.exportQuery} />
          {writable ? <ImportButton to="/assignments/import" /> : null}
          {createButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('assignments.searchPlaceholder')}>
          <Form.Item name="kind" style={{ minWidth: 160 }}>
            <Select allowClear placeholder={t('assignments.kind')} options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`assignmentKinds.${k}`) }))} data-testid="filter-kind" />
          </Form.Item>
          <Form.Item name="userId" style={{ minWidth: 200 }}>
            <UserSelect staffOnly placeholder={t('assignments.user')} testId="filter-user" />
          </Form.Item>
          <Form.Item name="targetId" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="primaryOnly" valuePropName="checked">
            <Checkbox data-testid="filter-primary">{t('assignments.primaryOnly')}</Checkbox>
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" empty={{ title: t('assignments.empty'), action: createButton }} />
      {creating ? <AssignmentForm onClose={() => setCreating(false)} /> : null}
    </ListPage>
  );
}
