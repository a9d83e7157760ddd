// The bell in the header: unread count (polled every 60 s, refreshed after every write), the
// latest notifications in a dropdown with their text in the UI language; a click marks one read
// and opens its application; 全部标为已读.
import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Empty, Flex, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '@shuangsheng/contracts';
import { formatDateTime } from '../lib/format';
import { useMarkRead, useNotifications, useUnreadCount } from '../modules/services/applications/api';
import { notificationParams, notificationPath, notificationWord } from '../modules/services/applications/helpers';
import { useApiError } from './useApiError';
import { opsNoticeParams, opsNoticePath, opsNoticeWord } from '../modules/resumption/ops/helpers';
import { filingNoticeParams, filingNoticePath, filingNoticeWord } from '../modules/resumption/filing/helpers';
import { inspectionNoticeParams, inspectionNoticePath, inspectionNoticeWord } from '../modules/inspections/field/helpers';
import { isEnterpriseOnly, useSession } from '../app/session';

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const mark = useMarkRead();
  const me = useSession();

  const text = (n: Notification): string => {
    // Demands and protective supplies (resumption ops).
    const ops = opsNoticeWord(n.kind);
    if (ops) return t(`resumptionOps.notifications.${ops}`, opsNoticeParams(n.params));
    // Plans, statuses and daily reports (resumption filing).
    const filing = filingNoticeWord(n.kind);
    if (filing) return t(`resumptionFiling.notifications.${filing}`, filingNoticeParams(n.params));
    // Inspection tasks, follow-ups and ledger items (inspections).
    const inspection = inspectionNoticeWord(n.kind);
    if (inspection) return t(`inspectionsField.notifications.${inspection}`, inspectionNoticeParams(n.params));
    const { number, itemName, dueDate } = notificationParams(n);
    return t(`notifications.kinds.${notificationWord(n.kind)}`, { number, itemName, dueDate });
  };

  const onClick = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) mark.mutate(n.id, { onError: (e) => showError(e) });
    const path = opsNoticePath(n) ?? filingNoticePath(n, isEnterpriseOnly(me)) ?? inspectionNoticePath(n) ?? notificationPath(n);
    if (path) void navigate(path);
  };

  const readAll = () =>
    mark.mutate('all', {
      onSuccess: () => void message.success(t('notifications.allRead')),
      onError: (e) => showError(e),
    });

  const panel = (
    <div
      style={{ width: 360, maxWidth: 'calc(100vw - 24px)', background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.12), 0 3px 6px -4px rgba(0,0,0,0.12)' }}
      data-testid="bell-panel"
    >
      <Flex justify="space-between" align="center" style={{ padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={!unread.data} loading={mark.isPending && mark.variables === 'all'} onClick={readAll} data-testid="bell-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflow: 'auto' }}>
        {list.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : list.isError ? (
          <Typography.Text type="danger" style={{ display: 'block', padding: 16 }}>
            {t('notifications.loadFailed')}
          </Typography.Text>
        ) : !list.data.items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: '16px 0' }} />
        ) : (
          <List
            size="small"
            dataSource={list.data.items}
            renderItem={(n) => (
              <List.Item
                onClick={() => onClick(n)}
                style={{ cursor: 'pointer', padding: '10px 16px', background: n.readAt ? undefined : '#f0f5ff' }}
                data-testid="bell-item"
                data-kind={n.kind}
                data-read={n.readAt ? 'true' : 'false'}
              >
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: n.readAt ? 400 : 500 }}>
                    {n.readAt ? null : <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                    {text(n)}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </div>
    </div>
  );

  const count = unread.data ?? 0;
  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} popupRender={() => panel} placement="bottomRight">
      <Button type="text" aria-label={t('notifications.bell')} data-testid="bell" data-unread={count}>
        <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
