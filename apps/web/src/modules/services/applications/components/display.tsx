// Small displays of an application: its status tag, its due date with the due state's colour.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '@shuangsheng/contracts';
import { StatusTag } from '../../../../components/StatusTag';
import { DUE_COLOR, STATUS_TONE, type DueState } from '../helpers';

export function AppStatusTag({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={STATUS_TONE[status]}>{t(`applications.statuses.${status}`)}</StatusTag>
    </span>
  );
}

/** 到期日 with the due state: overdue red, today orange, soon gold, paused while in correction. */
export function DueTag({ dueDate, dueState, testId, verbose }: { dueDate: string | null; dueState: DueState; testId?: string; verbose?: boolean }) {
  const { t } = useTranslation();
  if (dueState === 'none' && !dueDate) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span>;
  const text = t(`applications.due.${dueState}`, { date: dueDate ?? '-' });
  if (dueState === 'ok' || dueState === 'none') {
    return (
      <span data-testid={testId} data-due={dueState} style={{ whiteSpace: 'nowrap' }}>
        {verbose && dueDate && dueState === 'ok' ? text : (dueDate ?? '-')}
      </span>
    );
  }
  return (
    <Tooltip title={dueDate ? `${t('applications.dueDate')}${t('common.colon')}${dueDate}` : undefined}>
      <Tag color={DUE_COLOR[dueState]} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid={testId} data-due={dueState}>
        {text}
      </Tag>
    </Tooltip>
  );
}
