// Row actions at the right of a table (UX.md): edit, delete after a confirmation, and the
// module's own actions; each says what happened or what went wrong.
import { useCallback, type ReactNode } from 'react';
import { App, Button, Popconfirm, Space, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApiError } from './useApiError';

/** Runs an action on a row: says `done` when it worked, what went wrong when not. Never rejects. */
export function useRowAction(): (action: Promise<unknown>, done?: string) => Promise<void> {
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    (action, done) =>
      action.then(
        () => {
          if (done) void message.success(done);
        },
        (e: unknown) => showError(e),
      ),
    [message, showError],
  );
}

type DeleteProps = {
  name: string;
  /** Deletes the record; the button reports the outcome. */
  onConfirm: () => Promise<unknown>;
  testId?: string;
  disabled?: boolean;
  disabledReason?: string;
};

export function DeleteButton({ name, onConfirm, testId, disabled, disabledReason }: DeleteProps) {
  const { t } = useTranslation();
  const run = useRowAction();
  return (
    <Popconfirm
      title={t('common.deleteConfirmTitle', { name })}
      description={t('common.deleteConfirmDesc')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
      onConfirm={() => run(onConfirm(), t('common.deleted'))}
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

/** The 操作 column, fixed at the right. */
export function actionsColumn<T>(t: TFunction, render: (row: T) => ReactNode): TableColumnType<T> {
  return { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_v, row) => <RowActions>{render(row)}</RowActions> };
}
