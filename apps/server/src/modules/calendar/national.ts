// The national holiday schedule the demo preloads (reference-facts.md): 国办发明电〔2019〕16号 for 2020,
// and its extension 国办发明电〔2020〕1号 (Spring Festival to 2 Feb; the 1 Feb swap lapsed).
import type { CalendarDay } from '@shuangsheng/contracts';

const range = (from: string, to: string, name: string): CalendarDay[] => {
  const out: CalendarDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
};
const work = (date: string, name: string): CalendarDay => ({ date, kind: 'workday', name });

export function nationalCalendar(year: '2020', extendedSpringFestival: boolean): CalendarDay[] {
  if (year !== '2020') return [];
  const spring = extendedSpringFestival
    ? [...range('2020-01-24', '2020-02-02', '春节（延长假期）'), work('2020-01-19', '春节调休上班')]
    : [...range('2020-01-24', '2020-01-30', '春节'), work('2020-01-19', '春节调休上班'), work('2020-02-01', '春节调休上班')];
  return [
    ...range('2020-01-01', '2020-01-01', '元旦'),
    ...spring,
    ...range('2020-04-04', '2020-04-06', '清明节'),
    ...range('2020-05-01', '2020-05-05', '劳动节'),
    work('2020-04-26', '劳动节调休上班'),
    work('2020-05-09', '劳动节调休上班'),
    ...range('2020-06-25', '2020-06-27', '端午节'),
    work('2020-06-28', '端午节调休上班'),
    ...range('2020-10-01', '2020-10-08', '国庆节、中秋节'),
    work('2020-09-27', '国庆节调休上班'),
    work('2020-10-10', '国庆节调休上班'),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
