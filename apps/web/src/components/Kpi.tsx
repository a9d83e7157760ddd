// A headline figure of a statistics page: its title (with the definition on hover), the value and
// a line beneath (the fraction it comes from).
import type { ReactNode } from 'react';
import { Card, Statistic, Tooltip, Typography } from 'antd';

/** The title with its definition as a tooltip (a dashed underline says there is one). */
export function Definition({ text, children }: { text: string | undefined; children: ReactNode }) {
  if (!text) return <>{children}</>;
  return (
    <Tooltip title={text}>
      <span style={{ borderBottom: '1px dashed rgba(0,0,0,0.25)', cursor: 'help' }}>{children}</span>
    </Tooltip>
  );
}

export function Kpi({ title, def, value, sub, testId, color }: { title: string; def?: string; value: string; sub: ReactNode; testId: string; color?: string }) {
  return (
    <Card styles={{ body: { padding: 16 } }} style={{ height: '100%' }}>
      <Statistic
        title={<Definition text={def}>{title}</Definition>}
        valueRender={() => (
          <span data-testid={testId} style={{ color }}>
            {value}
          </span>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-sub`}>
        {sub}
      </Typography.Text>
    </Card>
  );
}
