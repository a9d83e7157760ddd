// 变更记录: every change of the profile with who, when (zone time) and the fields before → after.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '@shuangsheng/contracts';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useEnterpriseHistory } from '../api';
import { actionLabel, changesOf } from '../history';

const COLORS: Record<string, string> = { create: 'green', import_create: 'green', update: 'blue', import_update: 'blue', reveal_phone: 'orange' };

export default function HistoryTab({ enterprise }: { enterprise: Enterprise }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const history = useEnterpriseHistory(enterprise.id);
  // Creations log ids only; the ones still current can be named.
  const names: Record<string, string> = {};
  const e = enterprise;
  if (e.parkId && e.parkName) names[e.parkId] = e.parkName;
  if (e.buildingId && e.buildingName) names[e.buildingId] = e.buildingName;
  if (e.gridUnitId && e.gridUnitName) names[e.gridUnitId] = e.gridUnitName;
  if (e.leadingEnterpriseId && e.leadingEnterpriseName) names[e.leadingEnterpriseId] = e.leadingEnterpriseName;
  if (history.isPending) return <PageSkeleton rows={4} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState title={t('profile.noHistory')} />;
  return (
    <Timeline
      data-testid="profile-history"
      style={{ paddingTop: 8 }}
      items={history.data.map((entry) => {
        const verb = entry.action.split('.')[1] ?? '';
        const changes = changesOf(entry.before, entry.after, t, lang, names);
        return {
          key: entry.id,
          color: COLORS[verb] ?? 'gray',
          content: (
            <div data-testid="history-entry">
              <Space size={8} wrap>
                <Typography.Text strong>{actionLabel(entry.action, t, (k) => i18n.exists(k))}</Typography.Text>
                <Typography.Text type="secondary">{t('profile.historyBy', { who: entry.actorName ?? t('profile.system'), when: formatDateTime(entry.at) })}</Typography.Text>
              </Space>
              {changes.length ? (
                <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
                  {changes.map((c) => (
                    <li key={c.key} style={{ lineHeight: 1.8 }}>
                      <Typography.Text type="secondary">
                        {c.label}
                        {t('common.colon')}
                      </Typography.Text>
                      {verb === 'create' || verb === 'import_create' || verb === 'reveal_phone' || verb === 'import_update' ? (
                        <span>{c.after}</span>
                      ) : (
                        <>
                          <Typography.Text delete type="secondary">
                            {c.before}
                          </Typography.Text>{' '}
                          <ArrowRightOutlined style={{ fontSize: 11, color: 'rgba(0,0,0,0.35)' }} /> <span>{c.after}</span>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
