// Small displays of the inspector's pages: task status (missed in red), kind, severity, result,
// disposition and finding status tags in the UI language (words from contracts).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_RESULT_LABELS,
  FINDING_DISPOSITION_LABELS,
  FINDING_STATUS_LABELS,
  INSPECTION_PLACE_LABELS,
  SEVERITY_LABELS,
  TASK_KIND_LABELS,
  TASK_STATUS_LABELS,
  type AnswerResult,
  type FindingDisposition,
  type FindingStatus,
  type InspectionPlace,
  type Severity,
  type Task,
  type TaskKind,
} from '@shuangsheng/contracts';
import { StatusTag, type Tone } from '../../../../components/StatusTag';
import { useLang } from '../../../../i18n';
import { words } from '../../../../i18n/words';
import { taskTone } from '../helpers';

export function useInspectionWords() {
  const lang = useLang();
  return {
    place: words(INSPECTION_PLACE_LABELS, lang) as Record<InspectionPlace, string>,
    status: words(TASK_STATUS_LABELS, lang),
    kind: words(TASK_KIND_LABELS, lang),
    severity: words(SEVERITY_LABELS, lang) as Record<Severity, string>,
    result: words(ANSWER_RESULT_LABELS, lang) as Record<AnswerResult, string>,
    disposition: words(FINDING_DISPOSITION_LABELS, lang) as Record<FindingDisposition, string>,
    findingStatus: words(FINDING_STATUS_LABELS, lang) as Record<FindingStatus, string>,
  };
}

export function TaskStatusTag({ task, testId }: { task: Pick<Task, 'status' | 'missed'>; testId?: string }) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  return (
    <span data-testid={testId} data-status={task.status} data-missed={task.missed ? 'true' : 'false'} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={taskTone(task)}>{task.missed ? t('inspectionsField.tasks.missedTag') : w.status[task.status]}</StatusTag>
    </span>
  );
}

export function TaskKindTag({ kind }: { kind: TaskKind }) {
  const w = useInspectionWords();
  return (
    <Tag color={kind === 'follow_up' ? 'purple' : 'geekblue'} style={{ marginInlineEnd: 4 }}>
      {w.kind[kind]}
    </Tag>
  );
}

const SEVERITY_COLOR: Record<Severity, string> = { low: 'default', medium: 'orange', high: 'red' };
export function SeverityTag({ severity }: { severity: Severity }) {
  const w = useInspectionWords();
  return (
    <Tag color={SEVERITY_COLOR[severity]} style={{ marginInlineEnd: 4 }}>
      {w.severity[severity]}
    </Tag>
  );
}

const RESULT_TONE: Record<AnswerResult, Tone> = { pass: 'done', fail: 'abnormal', na: 'closed' };
export function ResultTag({ result, testId }: { result: AnswerResult; testId?: string }) {
  const w = useInspectionWords();
  return (
    <span data-testid={testId} data-result={result}>
      <StatusTag tone={RESULT_TONE[result]}>{w.result[result]}</StatusTag>
    </span>
  );
}

const FINDING_TONE: Record<FindingStatus, Tone> = { fixed_on_spot: 'done', open: 'progress', closed: 'closed' };
export function FindingStatusTag({ status, overdue, testId }: { status: FindingStatus; overdue?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  return (
    <span data-testid={testId} data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={status === 'open' && overdue ? 'abnormal' : FINDING_TONE[status]}>{w.findingStatus[status]}</StatusTag>
      {status === 'open' && overdue ? <StatusTag tone="abnormal">{t('inspectionsField.finding.overdue')}</StatusTag> : null}
    </span>
  );
}

export function DispositionTag({ disposition }: { disposition: FindingDisposition }) {
  const w = useInspectionWords();
  return (
    <Tag color={disposition === 'fixed_on_spot' ? 'green' : 'gold'} style={{ marginInlineEnd: 4 }}>
      {w.disposition[disposition]}
    </Tag>
  );
}
