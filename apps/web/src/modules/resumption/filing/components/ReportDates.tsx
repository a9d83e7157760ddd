// The report-date range of the daily report lists (two URL params, one picker).
import { DatePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Range } from '../../../services/applications/components/filters';

export function ReportDates({ value, onChange, testId }: { value?: Range; onChange?: (v: Range) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      value={value ?? null}
      onChange={(v) => onChange?.(v as Range)}
      allowEmpty={[true, true]}
      placeholder={[t('resumptionFiling.reports.from'), t('resumptionFiling.reports.to')]}
      data-testid={testId}
      style={{ width: 260 }}
    />
  );
}
