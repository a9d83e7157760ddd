// Small displays of the duty pages: the screening result (green 通过 / orange 需关注 / red 异常),
// what raised an alert, a case's status, a temperature (red from 37.3 °C), a risk level, and the
// vocabularies of contracts in the UI language.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ALERT_REASON_LABELS,
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CHECKPOINT_KIND_LABELS,
  CHECKPOINT_STATUS_LABELS,
  DIRECTION_LABELS,
  ID_KIND_LABELS,
  REGISTRATION_SOURCE_LABELS,
  RISK_LEVEL_LABELS,
  TRACE_KEY_LABELS,
  type AlertReason,
  type CaseStatus,
  type RiskLevel,
  type ScreenResult,
} from '@shuangsheng/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { useLang } from '../../../i18n';
import { words } from '../../../i18n/words';
import { CASE_TONE, formatTemperature, isFever, RESULT_TONE, RISK_COLOR } from './helpers';

/** The contracts' vocabularies in the UI language. */
export function useVocab() {
  const lang = useLang();
  return {
    lang,
    reasons: words(ALERT_REASON_LABELS, lang),
    caseStatus: words(CASE_STATUS_LABELS, lang),
    outcomes: words(CASE_OUTCOME_LABELS, lang),
    kinds: words(CHECKPOINT_KIND_LABELS, lang),
    checkpointStatus: words(CHECKPOINT_STATUS_LABELS, lang),
    directions: words(DIRECTION_LABELS, lang),
    idKinds: words(ID_KIND_LABELS, lang),
    sources: words(REGISTRATION_SOURCE_LABELS, lang),
    risks: words(RISK_LEVEL_LABELS, lang),
    traceKeys: words(TRACE_KEY_LABELS, lang),
  };
}

export function ResultTag({ result, testId }: { result: ScreenResult; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-result={result} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={RESULT_TONE[result]}>{t(`checkpointsDuty.results.${result}`)}</StatusTag>
    </span>
  );
}

export function ReasonTags({ reasons }: { reasons: readonly AlertReason[] }) {
  const { reasons: labels } = useVocab();
  if (!reasons.length) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {reasons.map((r) => (
        <Tag key={r} color={r === 'temperature' || r === 'fever' || r === 'contact' ? 'red' : 'orange'} style={{ marginInlineEnd: 4 }}>
          {labels[r]}
        </Tag>
      ))}
    </Space>
  );
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { caseStatus } = useVocab();
  return (
    <span data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={CASE_TONE[status]}>{caseStatus[status]}</StatusTag>
    </span>
  );
}

export function Temperature({ value, testId }: { value: number | null | undefined; testId?: string }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Typography.Text type={isFever(value) ? 'danger' : undefined} strong={isFever(value)} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatTemperature(value)}
    </Typography.Text>
  );
}

export function RiskTag({ level }: { level: RiskLevel | null | undefined }) {
  const { risks } = useVocab();
  if (!level) return null;
  return (
    <Tag color={RISK_COLOR[level]} style={{ marginInlineEnd: 0 }}>
      {risks[level]}
    </Tag>
  );
}
