// The statistics charts: received vs completed per day (line) and by department (bar).
import type { EChartsCoreOption } from 'echarts/core';
import { EChart as Chart } from '../../../components/EChart';

const BLUE = '#1d4ed8';
const GREEN = '#389e0d';

type Labels = { received: string; completed: string; completedOnline: string };

export function DailyChart({ days, labels }: { days: { date: string; received: number; completed: number }[]; labels: Labels }) {
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.received, type: 'bar', data: days.map((d) => d.received), itemStyle: { color: BLUE }, barMaxWidth: 18 },
      { name: labels.completed, type: 'line', data: days.map((d) => d.completed), itemStyle: { color: GREEN }, smooth: false, symbolSize: 6 },
    ],
  };
  return <Chart option={option} height={280} testId="stats-chart-day" />;
}

export function DepartmentChart({ rows, labels }: { rows: { department: string; received: number; completed: number; completedOnline: number }[]; labels: Labels }) {
  const sorted = [...rows].sort((a, b) => a.received - b.received);
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => r.department), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { name: labels.received, type: 'bar', data: sorted.map((r) => r.received), itemStyle: { color: BLUE }, barMaxWidth: 14 },
      { name: labels.completed, type: 'bar', data: sorted.map((r) => r.completed), itemStyle: { color: GREEN }, barMaxWidth: 14 },
      { name: labels.completedOnline, type: 'bar', data: sorted.map((r) => r.completedOnline), itemStyle: { color: '#13c2c2' }, barMaxWidth: 14 },
    ],
  };
  return <Chart option={option} height={Math.max(220, 60 + sorted.length * 44)} testId="stats-chart-department" />;
}
