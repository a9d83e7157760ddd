// A date picker for the filing forms: typed on a desktop, tapped on a phone (no keyboard over
// the calendar); `notAfter` greys out the days after it (today, for what already happened).
import { DatePicker, Grid, type DatePickerProps } from 'antd';

export function DayPicker({ notAfter, ...props }: DatePickerProps & { notAfter?: string }) {
  const screens = Grid.useBreakpoint();
  return <DatePicker inputReadOnly={!screens.md} disabledDate={notAfter ? (d) => d.format('YYYY-MM-DD') > notAfter : undefined} {...props} />;
}
