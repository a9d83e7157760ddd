// One task as a tappable card: park, kind, status (missed in red), the round or the ledger item
// a follow-up visits, the day, and the progress (answered / failed).
import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '@shuangsheng/contracts';
import { TaskKindTag, TaskStatusTag } from './display';

export function TaskCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const missedColor = task.missed ? '#ff4d4f' : undefined;
  return (
    <Link
      to={`/inspections/tasks/${task.id}`}
      style={{ display: 'block', color: 'inherit', marginBottom: 10 }}
      data-testid="task-card"
      data-task-id={task.id}
      data-kind={task.kind}
      data-status={task.status}
      data-missed={task.missed ? 'true' : 'false'}
      data-park={task.parkName}
      data-round={task.roundName ?? ''}
      data-finding={task.findingNumber ?? ''}
      data-due={task.dueDate}
    >
      <Card size="small" hoverable style={{ borderColor: missedColor, borderInlineStartWidth: 4, borderInlineStartColor: missedColor ?? (task.status === 'submitted' ? '#52c41a' : '#1677ff') }} styles={{ body: { padding: '12px 14px' } }}>
        <Flex align="center" gap={8}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
                {task.parkName}
              </Typography.Text>
              <TaskStatusTag task={task} />
            </Flex>
            <div style={{ margin: '4px 0' }}>
              <TaskKindTag kind={task.kind} />
              <Typography.Text type="secondary">
                {task.kind === 'follow_up' ? t('inspectionsField.tasks.followUpOf', { number: task.findingNumber ?? '-' }) : (task.roundName ?? '-')}
              </Typography.Text>
            </div>
            <Flex justify="space-between" gap={8} wrap style={{ fontSize: 13 }}>
              <Typography.Text type={task.missed ? 'danger' : 'secondary'}>{t('inspectionsField.tasks.due', { date: task.dueDate })}</Typography.Text>
              {task.kind === 'inspection' ? (
                <Typography.Text type="secondary" data-testid="task-card-progress">
                  {t('inspectionsField.tasks.progress', { answered: task.answered, failed: task.failed })}
                </Typography.Text>
              ) : null}
            </Flex>
          </div>
          <RightOutlined style={{ color: 'rgba(0,0,0,0.25)' }} />
        </Flex>
      </Card>
    </Link>
  );
}
