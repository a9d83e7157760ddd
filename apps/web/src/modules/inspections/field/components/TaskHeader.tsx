// The head of a task page: back to my tasks, the park, kind and status, the round or ledger item,
// the day, and the page's own extras (location switch).
import type { ReactNode } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../../app/session';
import type { TaskFull } from '../api';
import { TaskKindTag, TaskStatusTag } from './display';

export function TaskHeader({ task, extra, children }: { task: TaskFull; extra?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  // Inspectors come from their list; others (the admin, leaders) from the round or the ledger.
  const back =
    task.inspector?.id === me.id || (!task.roundId && !task.findingId)
      ? { to: '/inspections/tasks', label: t('inspectionsField.task.backToTasks') }
      : task.roundId
        ? { to: `/inspections/rounds/${task.roundId}`, label: t('inspectionsField.task.backToRound', { name: task.roundName ?? '' }) }
        : { to: `/inspections/ledger/${task.findingId ?? ''}`, label: t('inspectionsField.task.backToFinding', { number: task.findingNumber ?? '' }) };
  return (
    <div style={{ marginBottom: 12 }} data-testid="task-header" data-status={task.status} data-kind={task.kind}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(back.to)} style={{ padding: 0, marginBottom: 4 }} data-testid="task-back">
        {back.label}
      </Button>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {task.parkName}
          </Typography.Title>
          <div style={{ marginTop: 4 }}>
            <TaskKindTag kind={task.kind} />
            <TaskStatusTag task={task} testId="task-status" />
          </div>
        </div>
        {extra}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
        {task.kind === 'follow_up' ? t('inspectionsField.tasks.followUpOf', { number: task.findingNumber ?? '-' }) : (task.roundName ?? '-')}
        {' · '}
        <span style={{ color: task.missed ? '#cf1322' : undefined }}>{t('inspectionsField.tasks.due', { date: task.dueDate })}</span>
        {task.inspector ? ` · ${t('inspectionsField.task.inspector', { name: task.inspector.name })}` : ''}
      </Typography.Text>
      {children}
    </div>
  );
}
