// The inspection statistics charts: parks inspected of parks in scope per day (bars and the rate),
// item pass rates (horizontal bars "82.0%  41 / 50"), top failing items. ECharts loads with the page.
import type { EChartsCoreOption } from 'echarts/core';
import { EChart as Chart } from '../../../components/EChart';

const BLUE = '#1d4ed8';
const GREEN = '#389e0d';
const GREY = '#d9d9d9';
const RED = '#cf1322';

export type DayRow = { date: string; numerator: number; denominator: number };

export function DailyChart({ days, labels }: { days: DayRow[]; labels: { inspected: string; scope: string; rate: string } }) {
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
      { name: labels.scope, type: 'bar', data: days.map((d) => d.denominator), itemStyle: { color: GREY }, barMaxWidth: 18, barGap: '-100%', z: 1 },
      { name: labels.inspected, type: 'bar', data: days.map((d) => d.numerator), itemStyle: { color: BLUE }, barMaxWidth: 18, z: 2 },
      {
        name: labels.rate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: days.map((d) => (d.denominator ? Math.round((d.numerator / d.denominator) * 1000) / 10 : null)),
        itemStyle: { color: GREEN },
        symbolSize: 6,
        tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '-' : `${v.toFixed(1)}%`) },
      },
    ],
  };
  return <Chart option={option} height={280} testId="stats-chart-daily" />;
}

export type RateRow = { label: string; pct: number | null; numerator: number; denominator: number };

/** Horizontal bars of a rate (0–100 %), each labelled `82.0%  41 / 50`; low rates red. */
export function PassRateBars({ rows, testId }: { rows: RateRow[]; testId: string }) {
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
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({ value: r.pct ?? 0, itemStyle: { color: r.pct !== null && r.pct < 80 ? RED : BLUE } })),
        barMaxWidth: 20,
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
  return <Chart option={option} height={Math.max(160, 24 + rows.length * 34)} testId={testId} />;
}

export function FailingBars({ rows, label }: { rows: { title: string; fails: number }[]; label: string }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.title), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ name: label, type: 'bar', data: rows.map((r) => r.fails), itemStyle: { color: RED }, barMaxWidth: 18, label: { show: true, position: 'right' } }],
  };
  return <Chart option={option} height={Math.max(140, 24 + rows.length * 30)} testId="stats-chart-failing" />;
}
