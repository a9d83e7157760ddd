// A yes/no filter select over a boolean query flag (规上企业：是 / 否).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

export function FlagSelect({ value, onChange, placeholder, testId }: { value?: boolean; onChange?: (v: boolean | undefined) => void; placeholder: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      placeholder={placeholder}
      value={value === undefined ? undefined : value ? 'true' : 'false'}
      onChange={(v: string | undefined) => onChange?.(v === undefined ? undefined : v === 'true')}
      options={[
        { value: 'true', label: t('common.flagValue', { flag: placeholder, value: t('common.yes') }) },
        { value: 'false', label: t('common.flagValue', { flag: placeholder, value: t('common.no') }) },
      ]}
      data-testid={testId}
      popupMatchSelectWidth={false}
    />
  );
}
