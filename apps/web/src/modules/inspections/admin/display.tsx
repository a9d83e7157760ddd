// Small displays of the inspection admin pages: status and severity tags in the UX colours, a rate
// with its fraction, the responsible inspector (or a warning with the way to assign one), dates that
// turn red when past, and photos of a finding.
import type { ReactNode } from 'react';
import { WarningOutlined } from '@ant-design/icons';
import { Image, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FindingStatus, InspectionPlace, Ratio, RiskLevel, RoundStatus, Severity, TaskStatus } from '@shuangsheng/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { findingTone, formatFraction, formatRate, RISK_COLOR, ROUND_TONE, SEVERITY_COLOR, TASK_TONE } from './helpers';

export function FindingStatusTag({ status, overdue }: { status: FindingStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={findingTone(status, !!overdue)}>{t(`inspectionsAdmin.findingStatus.${status}`)}</StatusTag>
      {overdue && status === 'open' ? <Tag color="red">{t('inspectionsAdmin.common.overdue')}</Tag> : null}
    </span>
  );
}

export function TaskStatusTag({ status, missed }: { status: TaskStatus; missed?: boolean }) {
  const { t } = useTranslation();
  if (missed) return <StatusTag tone="abnormal">{t('inspectionsAdmin.common.missed')}</StatusTag>;
  return <StatusTag tone={TASK_TONE[status]}>{t(`inspectionsAdmin.taskStatus.${status}`)}</StatusTag>;
}

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={ROUND_TONE[status]}>{t(`inspectionsAdmin.roundStatus.${status}`)}</StatusTag>;
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOR[severity]} style={{ marginInlineEnd: 0 }}>
      {t(`inspectionsAdmin.severities.${severity}`)}
    </Tag>
  );
}

export function RiskTag({ risk }: { risk: RiskLevel | null }) {
  const { t } = useTranslation();
  if (!risk) return <Typography.Text type="secondary">{t('inspectionsAdmin.parks.noPlan')}</Typography.Text>;
  return (
    <Tag color={RISK_COLOR[risk]} style={{ marginInlineEnd: 0 }}>
      {t(`inspectionsAdmin.risks.${risk}`)}
    </Tag>
  );
}

export function PlaceTag({ place }: { place: InspectionPlace }) {
  const { t } = useTranslation();
  const colors: Record<InspectionPlace, string> = { entrance: 'geekblue', building: 'cyan', enterprise: 'purple', inner: 'gold' };
  return (
    <Tag color={colors[place]} style={{ marginInlineEnd: 0 }}>
      {t(`inspectionsAdmin.places.${place}`)}
    </Tag>
  );
}

/** `71.6%` with `73 / 102` beside it; the fraction also on hover. */
export function RateFigure({ ratio, testId, strong = true }: { ratio: Ratio; testId?: string; strong?: boolean }) {
  return (
    <Tooltip title={formatFraction(ratio)}>
      <span data-testid={testId} data-numerator={ratio.numerator} data-denominator={ratio.denominator} style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text strong={strong}>{formatRate(ratio)}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
          {formatFraction(ratio)}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/** Coverage as "n / d" first (what the round is about), the rate and a thin bar under it. */
export function CoverageFigure({ ratio, label, testId, color }: { ratio: Ratio; label: ReactNode; testId: string; color?: string }) {
  const pct = ratio.value === null ? 0 : Math.round(ratio.value * 1000) / 10;
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }}>
        <span data-testid={testId} data-numerator={ratio.numerator} data-denominator={ratio.denominator}>
          {formatFraction(ratio)}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 8 }} data-testid={`${testId}-rate`}>
          {formatRate(ratio)}
        </Typography.Text>
      </div>
      <Progress percent={pct} showInfo={false} size="small" strokeColor={color} />
    </div>
  );
}

/** The park's responsible inspector (a link to the assignments); none → an orange warning with the way to assign one. `plain`: no link on the name (inside a form). */
export function InspectorCell({ inspector, parkId, testId, plain }: { inspector: { id: string; name: string } | null; parkId: string; testId?: string; plain?: boolean }) {
  const { t } = useTranslation();
  if (inspector && plain)
    return (
      <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {inspector.name}
      </span>
    );
  if (inspector)
    return (
      <Link to={assignmentsLink(parkId)} data-testid={testId} style={{ whiteSpace: 'nowrap' }} title={t('inspectionsAdmin.common.seeAssignments')}>
        {inspector.name}
      </Link>
    );
  return (
    <Space size={4} data-testid={testId} data-missing="true" style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="warning">
        <WarningOutlined /> {t('inspectionsAdmin.common.noInspector')}
      </Typography.Text>
      {plain ? (
        <a href={assignmentsLink(parkId)} target="_blank" rel="noreferrer">
          {t('inspectionsAdmin.common.assign')}
        </a>
      ) : (
        <Link to={assignmentsLink(parkId)}>{t('inspectionsAdmin.common.assign')}</Link>
      )}
    </Space>
  );
}

export const assignmentsLink = (parkId: string) => `/assignments?kind=park_inspector&targetId=${encodeURIComponent(parkId)}`;

/** A date, red (with a tag) when it is past. */
export function DueDate({ date, past, testId }: { date: string | null; past: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!date) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={testId} data-past={past ? 'true' : 'false'}>
      <Typography.Text type={past ? 'danger' : undefined}>{date}</Typography.Text>
      {past ? (
        <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {t('inspectionsAdmin.common.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

/** Thumbnails of photos (click to enlarge). */
export function Photos({ urls, testId, size = 96 }: { urls: string[]; testId?: string; size?: number }) {
  const { t } = useTranslation();
  if (!urls.length) return <Typography.Text type="secondary">{t('inspectionsAdmin.common.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid={testId}>
        {urls.map((u) => (
          <Image key={u} src={u} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }} alt="" />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
