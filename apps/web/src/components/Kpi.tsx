// A headline figure of a statistics page: its title (with the definition on hover), the value and
// a line beneath (the fraction it comes from).
import type { ReactNode } from 'react';
import { Card, Collapse, Descriptions, Statistic, Tooltip, Typography } from 'antd';

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

/**
 * Every figure's definition, as the API states it, under a collapsible title; `labelOf` names a
 * known key (unknown keys show as they are).
 */
export function DefinitionsPanel({ title, definitions, labelOf, open }: { title: string; definitions: Record<string, string>; labelOf: (key: string) => string | undefined; open?: boolean }) {
  return (
    <Collapse
      data-testid="stats-definitions"
      defaultActiveKey={open ? ['defs'] : []}
      items={[
        {
          key: 'defs',
          label: title,
          children: <Descriptions size="small" column={1} bordered items={Object.entries(definitions).map(([k, text]) => ({ key: k, label: labelOf(k) ?? k, children: text }))} />,
        },
      ]}
    />
  );
}
