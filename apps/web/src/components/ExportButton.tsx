// 导出 Excel of exactly what is filtered: the list's current filters plus the UI language.
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { download, type Query } from '../api/client';
import { useApiError } from './useApiError';

type Props = { path: string; query?: Query; label?: string; testId?: string; type?: 'default' | 'link' };

export function ExportButton({ path, query = {}, label, testId = 'list-export', type = 'default' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await download(path, query);
      void message.success(t('common.exported', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={type} icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      {busy ? t('common.exporting') : (label ?? t('common.export'))}
    </Button>
  );
}
