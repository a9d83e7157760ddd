// Attachments of a plan as a form control: the value is the list of file ids the field refers
// to; 上传 sends a file to the plan (POST /plans/:id/files) and adds it; 移除 only drops the
// reference (the file stays with the plan). Images only for site-check photos.
import { useRef, useState } from 'react';
import { CloseOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../../components/useApiError';
import { planFileUrl, useUploadPlanFile, type PlanFileRow } from '../api';

/** What the server keeps for plans: PDF, images, Word and Excel, up to 20 MB. */
export const PLAN_FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';
export const IMAGE_ACCEPT = '.jpg,.jpeg,.png,image/jpeg,image/png';
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 20;

type Props = {
  planId: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Files of the plan known so far (names of the ids). */
  files: readonly PlanFileRow[];
  /** Tells the page about a new upload (it keeps the names). */
  onUploaded: (file: PlanFileRow) => void;
  accept?: string;
  disabled?: boolean;
  disabledReason?: string;
  testId: string;
};

export function PlanFilesField({ planId, value = [], onChange, files, onUploaded, accept = PLAN_FILE_ACCEPT, disabled, disabledReason, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadPlanFile(planId);
  const [busy, setBusy] = useState(false);
  const byId = new Map(files.map((f) => [f.id, f]));

  const onFiles = async (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    if (!chosen.length) return;
    setBusy(true);
    let ids = [...value];
    for (const file of chosen) {
      if (ids.length >= MAX_FILES) {
        void message.error(t('resumptionFiling.files.tooMany', { max: MAX_FILES }));
        break;
      }
      if (file.size > MAX_FILE_BYTES) {
        void message.error(t('resumptionFiling.files.tooLarge', { name: file.name }));
        continue;
      }
      try {
        const stored = await upload.mutateAsync(file);
        onUploaded(stored);
        ids = [...ids, stored.id];
        onChange?.(ids);
        void message.success(t('resumptionFiling.files.uploaded', { name: stored.name }));
      } catch (e) {
        showError(e);
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
  };

  const button = (
    <Button size="small" icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
      {busy ? t('resumptionFiling.files.uploading') : t('resumptionFiling.files.upload')}
    </Button>
  );
  return (
    <div data-testid={testId}>
      <input ref={input} type="file" multiple accept={accept} style={{ display: 'none' }} onChange={(e) => void onFiles(e.target.files)} data-testid={`${testId}-input`} disabled={disabled} />
      <Flex gap={8} align="center" wrap>
        {disabled && disabledReason ? <Tooltip title={disabledReason}>{button}</Tooltip> : button}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {disabled && disabledReason ? disabledReason : accept === IMAGE_ACCEPT ? t('resumptionFiling.files.imagesHint') : t('resumptionFiling.files.hint')}
        </Typography.Text>
      </Flex>
      {value.length ? (
        <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
          {value.map((id) => {
            const f = byId.get(id);
            return (
              <li key={id} style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '2px 0' }} data-testid={`${testId}-file`}>
                <PaperClipOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
                <Typography.Link href={planFileUrl(planId, id)} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: 260 }}>
                  {f?.name ?? id.slice(0, 8)}
                </Typography.Link>
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label={t('resumptionFiling.files.remove')}
                  title={t('resumptionFiling.files.remove')}
                  onClick={() => onChange?.(value.filter((x) => x !== id))}
                  disabled={disabled}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
