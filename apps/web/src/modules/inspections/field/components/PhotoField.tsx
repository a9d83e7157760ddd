// Photos as a control: the value is the list of file ids; 拍照 opens the phone's camera (or the
// file picker on a desktop), uploads to the task (POST /tasks/:id/photos, resized by the server)
// and adds the photo; thumbnails open large on a tap; × only drops the reference.
import { useRef, useState } from 'react';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../../components/useApiError';
import { taskPhotoUrl, uploadTaskPhoto, type Photo } from '../api';

const MAX_PHOTOS = 10;
const MAX_BYTES = 20 * 1024 * 1024;

type Props = {
  taskId: string;
  value: readonly string[];
  onChange?: (ids: string[]) => void;
  onUploaded?: (photo: Photo) => void;
  /** Where the images are read (a finding's photos live under the finding). */
  urlOf?: (fileId: string) => string;
  disabled?: boolean;
  label?: string;
  /** Marks the field as needing a photo (red outline when empty). */
  required?: boolean;
  testId: string;
};

export function PhotoField({ taskId, value, onChange, onUploaded, urlOf, disabled, label, required, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const src = urlOf ?? ((id: string) => taskPhotoUrl(taskId, id));

  const onFiles = async (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    if (input.current) input.current.value = '';
    if (!chosen.length) return;
    let ids = [...value];
    for (const file of chosen) {
      if (ids.length >= MAX_PHOTOS) {
        void message.error(t('inspectionsField.photos.tooMany', { max: MAX_PHOTOS }));
        break;
      }
      if (file.size > MAX_BYTES) {
        void message.error(t('inspectionsField.photos.tooLarge', { name: file.name }));
        continue;
      }
      setProgress(0);
      try {
        const photo = await uploadTaskPhoto(taskId, file, setProgress);
        onUploaded?.(photo);
        ids = [...ids, photo.id];
        onChange?.(ids);
      } catch (e) {
        showError(e);
      }
    }
    setProgress(null);
  };

  const empty = !value.length;
  return (
    <div data-testid={testId} data-count={value.length}>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={(e) => void onFiles(e.target.files)}
        disabled={disabled}
        data-testid={`${testId}-input`}
      />
      <Flex gap={8} wrap align="center">
        <Image.PreviewGroup>
          {value.map((id) => (
            <div key={id} style={{ position: 'relative' }} data-testid={`${testId}-photo`}>
              <Image src={src(id)} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" />
              {!disabled && onChange ? (
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  aria-label={t('inspectionsField.photos.remove')}
                  title={t('inspectionsField.photos.remove')}
                  onClick={() => onChange(value.filter((x) => x !== id))}
                  style={{ position: 'absolute', top: -8, right: -8, minWidth: 22, width: 22, height: 22 }}
                />
              ) : null}
            </div>
          ))}
        </Image.PreviewGroup>
        {!disabled && onChange ? (
          <Button
            icon={<CameraOutlined />}
            onClick={() => input.current?.click()}
            loading={progress !== null}
            danger={required && empty}
            style={{ height: 64, minWidth: 64 }}
            data-testid={`${testId}-button`}
          >
            {label ?? t('inspectionsField.photos.take')}
          </Button>
        ) : empty ? (
          <Typography.Text type="secondary">{t('inspectionsField.photos.none')}</Typography.Text>
        ) : null}
      </Flex>
      {progress !== null ? <Progress percent={progress} size="small" style={{ maxWidth: 240, margin: '4px 0 0' }} /> : null}
    </div>
  );
}
