// Row actions at the right of a table: edit, delete (after a confirmation), and more.
import type { ReactNode } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export function DeleteButton({ name, onConfirm, testId, disabled, disabledReason }: { name: string; onConfirm: () => Promise<unknown>; testId?: string; disabled?: boolean; disabledReason?: string }) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('common.deleteConfirmTitle', { name })}
      description={t('common.deleteConfirmDesc')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
      onConfirm={() => onConfirm().catch(() => undefined)}
      disabled={disabled}
    >
      <Button type="link" size="small" danger disabled={disabled} title={disabled ? disabledReason : undefined} data-testid={testId}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

export function EditButton({ onClick, testId }: { onClick: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button type="link" size="small" onClick={onClick} data-testid={testId}>
      {t('common.edit')}
    </Button>
  );
}

export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Space size={0} wrap={false}>
      {children}
    </Space>
  );
}
