// The periods of an enterprise's derived status, newest first: not filed → filed → resumed →
// suspended (with the reason) → resumed again.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseHistory } from '../api';

export function StatusHistory({ periods }: { periods: EnterpriseHistory['history'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="status-history"
      items={[...periods].reverse().map((p, i) => ({
        key: `${p.from}-${i}`,
        color: p.status === 'resumed' ? 'green' : p.status === 'suspended' ? 'red' : p.status === 'filed' ? 'blue' : 'gray',
        content: (
          <div data-testid="status-period" data-status={p.status}>
            <Typography.Text strong>{t(`resumptionFiling.enterpriseStatus.${p.status}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {p.to ? t('resumptionFiling.status.period', { from: p.from, to: p.to }) : t('resumptionFiling.status.periodOpen', { from: p.from })}
            </Typography.Text>
            {p.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{p.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
