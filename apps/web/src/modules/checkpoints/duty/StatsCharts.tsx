// The checkpoint statistics charts: person-times and vehicles per day with the alerts, per hour of
// the day, by origin province, by checkpoint, by risk level, and abnormal cases by status and by
// reason. ECharts loads with the page (lazily).
import type { EChartsCoreOption } from 'echarts/core';
import { EChart as Chart } from '../../../components/EChart';

const BLUE = '#1d4ed8';
const CYAN = '#13a8a8';
const RED = '#cf1322';
const ORANGE = '#d46b08';

type Screened = { persons: number; vehicles: number; alerts: number };
export type Labels = { persons: string; vehicles: string; alerts: string };

export function DailyChart({ days, labels }: { days: ({ day: string } & Screened)[]; labels: Labels }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 40, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.persons, type: 'bar', data: days.map((d) => d.persons), itemStyle: { color: BLUE }, barMaxWidth: 18 },
      { name: labels.vehicles, type: 'bar', data: days.map((d) => d.vehicles), itemStyle: { color: CYAN }, barMaxWidth: 18 },
      { name: labels.alerts, type: 'line', yAxisIndex: 1, data: days.map((d) => d.alerts), itemStyle: { color: RED }, symbolSize: 6 },
    ],
  };
  return <Chart option={option} height={280} testId="stats-chart-daily" />;
}

export function HourlyChart({ hours, labels }: { hours: ({ hour: number } & Screened)[]; labels: Labels }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 40, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: hours.map((h) => `${String(h.hour).padStart(2, '0')}`) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.persons, type: 'bar', data: hours.map((h) => h.persons), itemStyle: { color: BLUE }, barMaxWidth: 14 },
      { name: labels.vehicles, type: 'bar', data: hours.map((h) => h.vehicles), itemStyle: { color: CYAN }, barMaxWidth: 14 },
      { name: labels.alerts, type: 'line', yAxisIndex: 1, data: hours.map((h) => h.alerts), itemStyle: { color: RED }, symbolSize: 5 },
    ],
  };
  return <Chart option={option} height={260} testId="stats-chart-hourly" />;
}

/** Horizontal bars of person-times (and vehicles) per label: provinces, checkpoints, risk levels. */
export function HorizontalBars({ rows, labels, testId, alerts }: { rows: { label: string; persons: number; vehicles?: number; alerts?: number }[]; labels: Labels; testId: string; alerts?: boolean }) {
  const series: object[] = [{ name: labels.persons, type: 'bar', data: rows.map((r) => r.persons), itemStyle: { color: BLUE }, barMaxWidth: 16, label: { show: true, position: 'right' } }];
  if (rows.some((r) => r.vehicles !== undefined)) series.push({ name: labels.vehicles, type: 'bar', data: rows.map((r) => r.vehicles ?? 0), itemStyle: { color: CYAN }, barMaxWidth: 16 });
  if (alerts) series.push({ name: labels.alerts, type: 'bar', data: rows.map((r) => r.alerts ?? 0), itemStyle: { color: RED }, barMaxWidth: 16 });
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 140, overflow: 'truncate' } },
    series,
  };
  return <Chart option={option} height={Math.max(160, 48 + rows.length * (series.length > 1 ? 40 : 30))} testId={testId} />;
}

/** Counts per label in one colour (cases by status or by reason). */
export function CountBars({ rows, name, testId, color = ORANGE }: { rows: { label: string; count: number; color?: string }[]; name: string; testId: string; color?: string }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{ name, type: 'bar', data: rows.map((r) => ({ value: r.count, itemStyle: { color: r.color ?? color } })), barMaxWidth: 18, label: { show: true, position: 'right' } }],
  };
  return <Chart option={option} height={Math.max(120, 24 + rows.length * 30)} testId={testId} />;
}
