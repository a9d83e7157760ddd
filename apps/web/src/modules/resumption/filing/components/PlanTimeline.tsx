// 流程记录 of a plan: every state change and site check with who, when and the comment.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@shuangsheng/contracts';
import { formatDateTime } from '../../../../lib/format';
import { groupUpdates, PLAN_TONE } from '../helpers';

const TONE_COLOR = { done: 'green', progress: 'blue', waiting: 'orange', abnormal: 'red', closed: 'gray' } as const;
const KNOWN = ['create', 'update', 'submit', 'approve', 'return', 'refuse', 'site_check'] as const;
type Known = (typeof KNOWN)[number];

export function PlanTimeline({ plan }: { plan: Pick<PlanDetail, 'events'> }) {
  const { t } = useTranslation();
  if (!plan.events.length) return <Typography.Text type="secondary">{t('resumptionFiling.timeline.none')}</Typography.Text>;
  // Newest first: what happened last is what the reader looks for. Drafts are saved as they are
  // typed: a run of changes by one person reads as one entry.
  const events = groupUpdates([...plan.events].sort((a, b) => b.at - a.at));
  return (
    <Timeline
      data-testid="plan-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: e.action === 'site_check' ? 'blue' : TONE_COLOR[PLAN_TONE[e.toStatus]],
        content: (
          <div data-testid="plan-event" data-action={e.action}>
            <div>
              <Typography.Text strong>{(KNOWN as readonly string[]).includes(e.action) ? t(`resumptionFiling.timeline.${e.action as Known}`) : e.action}</Typography.Text>
              {e.times > 1 ? <Typography.Text type="secondary">{t('resumptionFiling.timeline.times', { count: e.times })}</Typography.Text> : null}
              {e.fromStatus !== e.toStatus ? (
                <Typography.Text type="secondary">
                  {' → '}
                  {t(`resumptionFiling.planStatus.${e.toStatus}`)}
                </Typography.Text>
              ) : null}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.times > 1 ? `${formatDateTime(e.firstAt)} – ${formatDateTime(e.at)}` : formatDateTime(e.at)} · {e.actorName}
            </Typography.Text>
            {e.comment ? <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
