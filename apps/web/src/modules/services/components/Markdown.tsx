// Renders the guide's Markdown subset (../markdown.ts) as React elements: no HTML string is
// ever injected, so whatever the text holds is shown, not run.
import { Fragment, useMemo, type CSSProperties, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from '../markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'code':
        return (
          <code key={i} style={{ background: 'rgba(0,0,0,0.05)', padding: '0 4px', borderRadius: 3, fontSize: '0.92em' }}>
            {n.text}
          </code>
        );
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(n.children)}
          </a>
        );
    }
  });
}

const HEADING_STYLE: Record<number, CSSProperties> = {
  1: { fontSize: 18, fontWeight: 600, margin: '12px 0 8px' },
  2: { fontSize: 16, fontWeight: 600, margin: '10px 0 6px' },
  3: { fontSize: 14, fontWeight: 600, margin: '8px 0 4px' },
};

function block(b: Block, i: number): ReactNode {
  if (b.type === 'heading') {
    // The page title is the h4 of the page; guide headings sit below it.
    const Tag = (['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[b.level - 1]!;
    return (
      <Tag key={i} style={HEADING_STYLE[Math.min(b.level, 3)]}>
        {inline(b.children)}
      </Tag>
    );
  }
  if (b.type === 'paragraph') {
    return (
      <p key={i} style={{ margin: '0 0 8px' }}>
        {inline(b.children)}
      </p>
    );
  }
  const items = b.items.map((item, j) => (
    <li key={j} style={{ marginBottom: 2 }}>
      {inline(item)}
    </li>
  ));
  const style = { margin: '0 0 8px', paddingInlineStart: 24 };
  return b.ordered ? (
    <ol key={i} start={b.start === 1 ? undefined : b.start} style={style}>
      {items}
    </ol>
  ) : (
    <ul key={i} style={style}>
      {items}
    </ul>
  );
}

export function Markdown({ source, empty, testId }: { source: string; empty?: ReactNode; testId?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div data-testid={testId} style={{ lineHeight: 1.7, wordBreak: 'break-word' }}>
      {blocks.length ? blocks.map(block) : empty}
    </div>
  );
}
