// The resumption statistics charts: the rate per tier and per park (bars with "n / d"), the
// 14-day trend (line) and open demands by category (bars).
import type { EChartsCoreOption } from 'echarts/core';
import { EChart as Chart } from '../../../components/EChart';

const BLUE = '#1d4ed8';
const GREEN = '#389e0d';
const ORANGE = '#d46b08';
const RED = '#cf1322';

export type RateBar = { label: string; pct: number | null; numerator: number; denominator: number };

/** Horizontal bars of a rate (0–100 %), each labelled `71.6%  73 / 102`. */
export function RateBars({ rows, height, testId, color = BLUE }: { rows: RateBar[]; height?: number; testId: string; color?: string }) {
  const option: EChartsCoreOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const r = rows[items[0]?.dataIndex ?? 0];
        return r ? `${r.label}<br/>${r.pct === null ? '-' : `${r.pct.toFixed(1)}%`} (${r.numerator} / ${r.denominator})` : '';
      },
    },
    grid: { left: 8, right: 110, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.pct ?? 0),
        itemStyle: { color },
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex];
            return r ? `${r.pct === null ? '-' : `${r.pct.toFixed(1)}%`}  ${r.numerator} / ${r.denominator}` : '';
          },
        },
      },
    ],
  };
  return <Chart option={option} height={height ?? Math.max(160, 24 + rows.length * 40)} testId={testId} />;
}

export function TrendChart({ days, labels }: { days: { date: string; resumed: number; total: number }[]; labels: { resumed: string; rate: string } }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: labels.resumed, type: 'bar', data: days.map((d) => d.resumed), itemStyle: { color: BLUE }, barMaxWidth: 18 },
      {
        name: labels.rate,
        type: 'line',
        yAxisIndex: 1,
        data: days.map((d) => (d.total ? Math.round((d.resumed / d.total) * 1000) / 10 : null)),
        itemStyle: { color: GREEN },
        symbolSize: 6,
        tooltip: { valueFormatter: (v: number | null) => (v === null ? '-' : `${v.toFixed(1)}%`) },
      },
    ],
  };
  return <Chart option={option} height={280} testId="stats-chart-trend" />;
}

export function DemandsChart({ rows, labels }: { rows: { label: string; open: number; overdue: number }[]; labels: { open: string; overdue: string } }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.open, type: 'bar', data: rows.map((r) => r.open - r.overdue), stack: 'open', itemStyle: { color: ORANGE }, barMaxWidth: 28 },
      { name: labels.overdue, type: 'bar', data: rows.map((r) => r.overdue), stack: 'open', itemStyle: { color: RED }, barMaxWidth: 28 },
    ],
  };
  return <Chart option={option} height={280} testId="stats-chart-demands" />;
}
