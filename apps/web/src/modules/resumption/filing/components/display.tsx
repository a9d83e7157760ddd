// Small displays of the filing pages: plan and enterprise status tags, the SLA's hours left
// (red when late, orange under 4 h), a rate with its fraction on hover, links to plan files.
import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseResumptionStatus, PlanStatus } from '@shuangsheng/contracts';
import { StatusTag } from '../../../../components/StatusTag';
import { formatNumber } from '../../../../lib/format';
import { planFileUrl, type PlanFileRow } from '../api';
import { ENTERPRISE_TONE, formatHours, percent, PLAN_TONE, SLA_COLOR, slaState } from '../helpers';

export function PlanStatusTag({ status, testId }: { status: PlanStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={PLAN_TONE[status]}>{t(`resumptionFiling.planStatus.${status}`)}</StatusTag>
    </span>
  );
}

export function EnterpriseStatusTag({ status, since, testId }: { status: EnterpriseResumptionStatus; since?: string | null; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={ENTERPRISE_TONE[status]}>{t(`resumptionFiling.enterpriseStatus.${status}`)}</StatusTag>
      {since ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('resumptionFiling.since', { date: since })}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** 剩余 5.5 小时 / 已超时 2.0 小时; a dash for plans not waiting on a decision. */
export function HoursLeft({ hours, testId, tag }: { hours: number | null | undefined; testId?: string; tag?: boolean }) {
  const { t } = useTranslation();
  const state = slaState(hours);
  if (state === 'none' || hours === null || hours === undefined) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span>;
  const text = state === 'late' ? t('resumptionFiling.sla.late', { hours: formatHours(hours) }) : t('resumptionFiling.sla.left', { hours: formatHours(hours) });
  if (tag) {
    const color = state === 'late' ? 'red' : state === 'soon' ? 'orange' : 'blue';
    return (
      <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid={testId} data-sla={state}>
        {text}
      </Tag>
    );
  }
  return (
    <span style={{ color: SLA_COLOR[state], whiteSpace: 'nowrap', fontWeight: state === 'ok' ? undefined : 500 }} data-testid={testId} data-sla={state}>
      {text}
    </span>
  );
}

/** `71.6%` with `73 / 102` on hover. */
export function Rate({ numerator, denominator, value }: { numerator: number | null; denominator: number | null; value: number | null }) {
  if (value === null || numerator === null || denominator === null) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span>;
  return (
    <Tooltip title={`${formatNumber(numerator)} / ${formatNumber(denominator)}`}>
      <span style={{ whiteSpace: 'nowrap' }}>{percent(value)}</span>
    </Tooltip>
  );
}

/** The files of a plan named by ids, as download links. */
export function FileLinks({ planId, ids, files, testId }: { planId: string; ids: readonly string[]; files: readonly PlanFileRow[]; testId?: string }) {
  const { t } = useTranslation();
  if (!ids.length) return <Typography.Text type="secondary">{t('resumptionFiling.noFiles')}</Typography.Text>;
  const byId = new Map(files.map((f) => [f.id, f]));
  return (
    <Space size={[12, 4]} wrap data-testid={testId}>
      {ids.map((id) => {
        const f = byId.get(id);
        return (
          <Typography.Link key={id} href={planFileUrl(planId, id)} target="_blank" rel="noopener noreferrer" data-testid="plan-file-link" ellipsis style={{ maxWidth: 220 }} title={f?.name}>
            <PaperClipOutlined /> {f?.name ?? id.slice(0, 8)}
          </Typography.Link>
        );
      })}
    </Space>
  );
}
