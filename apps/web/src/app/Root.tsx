// Providers: TanStack Query, Ant Design (locale follows the UI language), and the router.
import { useEffect } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { configureApi } from '../api/client';
import { queryClient } from './query-client';
import { router } from './router';

const FONT = `-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif`;

/** Tells the user once (not per request) that the database is away while queries retry. */
function UnavailableNotice() {
  const { notification } = AntApp.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    configureApi({
      onUnavailable: () =>
        notification.warning({ key: 'db-unavailable', title: t('states.dbUnavailable'), description: t('states.dbRetrying'), duration: 6 }),
    });
  }, [notification, t]);
  return null;
}

export function Root() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUSLocale : zhCNLocale} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6, fontFamily: FONT } }}>
        <AntApp>
          <UnavailableNotice />
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
