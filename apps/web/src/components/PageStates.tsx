// The three states every page has (UX.md "States"): loading skeleton, empty with the action
// that fills it, error with what happened and a retry. 403 becomes "no permission".
import type { ReactNode } from 'react';
import { Button, Empty, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/client';

export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div data-testid="page-loading" style={{ padding: 8 }}>
      <Skeleton active title paragraph={{ rows }} />
    </div>
  );
}

export function EmptyState({ title, description, action }: { title: ReactNode; description?: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      data-testid="page-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ padding: '32px 0' }}
      description={
        <div>
          <div style={{ fontSize: 15 }}>{title}</div>
          {description ? <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{description}</div> : null}
        </div>
      }
    >
      {action}
    </Empty>
  );
}

export function NoPermission() {
  const { t } = useTranslation();
  return <Result status="403" title={t('states.noPermission')} subTitle={t('states.noPermissionDesc')} data-testid="page-forbidden" />;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <NoPermission />;
  const notFound = error instanceof ApiError && error.status === 404;
  let message = t('common.unknownError');
  if (error instanceof ApiError) message = error.code === NETWORK_ERROR ? t('states.network') : error.status === 503 ? t('states.dbRetrying') : error.message;
  return (
    <Result
      data-testid="page-error"
      status={notFound ? '404' : 'error'}
      title={notFound ? t('states.recordNotFound') : t('states.loadFailed')}
      subTitle={message}
      extra={
        onRetry && !notFound ? (
          <Button type="primary" onClick={onRetry} data-testid="page-retry">
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
