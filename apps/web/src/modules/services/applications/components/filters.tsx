// Filters shared by the application lists: the submitted-date range (two URL params, one picker).
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker } from 'antd';
import { useTranslation } from 'react-i18next';

export type Range = [Dayjs | null, Dayjs | null] | null | undefined;

/** URL `from`/`to` → the picker's value. */
export function toRange(from: string | undefined, to: string | undefined): Range {
  if (!from && !to) return undefined;
  return [from ? dayjs(from) : null, to ? dayjs(to) : null];
}

/** The picker's value → URL `from`/`to`. */
export function fromRange(range: Range): { from?: string; to?: string } {
  const [a, b] = range ?? [null, null];
  return { from: a ? a.format('YYYY-MM-DD') : undefined, to: b ? b.format('YYYY-MM-DD') : undefined };
}

export function DateRange({ value, onChange, testId, allowClear = true }: { value?: Range; onChange?: (v: Range) => void; testId?: string; allowClear?: boolean }) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      value={value ?? null}
      onChange={(v) => onChange?.(v as Range)}
      allowClear={allowClear}
      allowEmpty={[true, true]}
      placeholder={[t('applications.dateFrom'), t('applications.dateTo')]}
      data-testid={testId}
      style={{ width: 280 }}
    />
  );
}
