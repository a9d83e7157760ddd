// 责任人: the resident commissioners assigned to this enterprise.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment, Enterprise, ListResult } from '@shuangsheng/contracts';
import { api } from '../../../api/client';
import { useCan } from '../../../app/session';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate } from '../../../lib/format';
import { AssignmentForm } from '../../org/components/AssignmentForm';

export default function ResponsibleTab({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const q = useQuery({
    queryKey: ['assignments', 'list', { kind: 'enterprise_commissioner', targetId: enterprise.id }],
    queryFn: ({ signal }) =>
      api.get<ListResult<Assignment>>('/api/assignments', { kind: 'enterprise_commissioner', targetId: enterprise.id, pageSize: 50, sort: 'createdAt:asc' }, { signal }),
    placeholderData: keepPreviousData,
  });
  const addButton = can('assignments.write') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="responsible-add">
      {q.data?.items.length ? t('profile.addResponsible') : t('profile.assignResponsible')}
    </Button>
  ) : null;
  const form = adding ? (
    <AssignmentForm
      onClose={() => setAdding(false)}
      preset={{ kind: 'enterprise_commissioner', targetId: enterprise.id, targetLabel: `${enterprise.name} · ${enterprise.creditCode}` }}
    />
  ) : null;

  if (q.isPending) return <PageSkeleton rows={3} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) {
    return (
      <>
        <EmptyState title={t('profile.noResponsible')} action={addButton} />
        {form}
      </>
    );
  }
  return (
    <>
      {addButton ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          {addButton}
        </Flex>
      ) : null}
      <Table<Assignment>
        size="small"
        rowKey="id"
        data-testid="responsible-table"
        dataSource={q.data.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('assignments.user'), dataIndex: 'userName' },
          {
            title: t('assignments.primary'),
            dataIndex: 'isPrimary',
            render: (p: boolean) => (p ? <StatusTag tone="done">{t('assignments.primary')}</StatusTag> : <StatusTag tone="closed">{t('assignments.assist')}</StatusTag>),
          },
          { title: t('assignments.note'), dataIndex: 'note', render: (v: string | null) => v ?? '-' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: number) => formatDate(v) },
        ]}
      />
      {form}
    </>
  );
}
