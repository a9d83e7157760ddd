// Status colours (UX.md): green done/normal, blue in progress, orange waiting/needs attention,
// red overdue/refused/abnormal, grey closed/withdrawn.
import type { ReactNode } from 'react';
import { Tag } from 'antd';

export type Tone = 'done' | 'progress' | 'waiting' | 'abnormal' | 'closed';
const COLORS: Record<Tone, string> = { done: 'success', progress: 'processing', waiting: 'warning', abnormal: 'error', closed: 'default' };

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag color={COLORS[tone]} style={{ marginInlineEnd: 4 }}>
      {children}
    </Tag>
  );
}
