// 流程记录: every state change with who, when, the comment and any correction points.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_ACTIONS, type Application, type ApplicationAction } from '@shuangsheng/contracts';
import { formatDateTime } from '../../../../lib/format';
import { STATUS_TONE } from '../helpers';

const TONE_COLOR = { done: 'green', progress: 'blue', waiting: 'orange', abnormal: 'red', closed: 'gray' } as const;
const OTHER: Record<string, 'eventCreate' | 'eventAssign' | 'eventIssueLicence' | 'eventRevokeLicence'> = {
  create: 'eventCreate',
  assign: 'eventAssign',
  issue_licence: 'eventIssueLicence',
  revoke_licence: 'eventRevokeLicence',
};

type Event = Application['events'][number];

export function EventTimeline({ app }: { app: Pick<Application, 'events' | 'item'> }) {
  const { t } = useTranslation();
  if (!app.events.length) return <Typography.Text type="secondary">{t('applications.noEvents')}</Typography.Text>;
  const label = (e: Event) => {
    if ((APPLICATION_ACTIONS as readonly string[]).includes(e.action)) return t(`applications.actionNames.${e.action as ApplicationAction}`);
    const k = OTHER[e.action];
    return k ? t(`applications.${k}`) : e.action;
  };
  const nameOf = (target: 'material' | 'field', key: string) =>
    (target === 'material' ? app.item.materials.find((m) => m.key === key)?.name : app.item.fields.find((f) => f.key === key)?.label) ?? key;
  return (
    <Timeline
      data-testid="app-timeline"
      items={app.events.map((e) => ({
        key: e.id,
        color: e.toStatus ? TONE_COLOR[STATUS_TONE[e.toStatus]] : 'gray',
        content: (
          <div data-testid="app-event" data-action={e.action}>
            <div>
              <Typography.Text strong>{label(e)}</Typography.Text>
              {e.toStatus ? (
                <Typography.Text type="secondary">
                  {' → '}
                  {t(`applications.statuses.${e.toStatus}`)}
                </Typography.Text>
              ) : null}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName ?? t('applications.system')}
            </Typography.Text>
            {e.comment ? <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
            {e.corrections?.length ? (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {e.corrections.map((p) => (
                  <li key={`${p.target}:${p.key}`}>
                    <Typography.Text strong>{nameOf(p.target, p.key)}</Typography.Text>
                    {t('common.colon')}
                    {p.comment}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
