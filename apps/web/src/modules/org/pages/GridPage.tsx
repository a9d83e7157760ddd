// 网格 Grid units: the zone's grid as a tree (高新区 > 街道 > 社区/村 > 组/小区), searched by name or
// code; add a child, edit, delete a leaf; export the flat list.
import { useMemo, useState } from 'react';
import { NodeExpandOutlined, NodeCollapseOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { GridLevel } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { ImportButton } from '../../../components/ImportButton';
import { FormDialog, useFormDialog, useFormLayout } from '../../../components/FormDialog';
import { PageHeader } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { DeleteButton } from '../../../components/RowActions';
import { gridUnits, useGridTree, type GridNode } from '../api';

export const LEVEL_COLORS: Record<GridLevel, string> = { zone: 'geekblue', street: 'blue', community: 'cyan', group: 'green' };

/** Nodes matching the needle plus their ancestors; the ids to expand to show them. */
export function filterTree(nodes: GridNode[], needle: string): { nodes: GridNode[]; expand: string[]; matches: number } {
  const n = needle.trim().toLowerCase();
  if (!n) return { nodes, expand: [], matches: 0 };
  const expand: string[] = [];
  let matches = 0;
  const walk = (list: GridNode[]): GridNode[] =>
    list.flatMap((node) => {
      const hit = node.name.toLowerCase().includes(n) || node.code.toLowerCase().includes(n);
      if (hit) matches++;
      const children = walk(node.children);
      if (!hit && children.length === 0) return [];
      if (children.length) expand.push(node.id);
      return [{ ...node, children: hit && children.length === 0 ? node.children : children }];
    });
  return { nodes: walk(nodes), expand, matches };
}

function allIds(nodes: GridNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children)]);
}

type Editing = { mode: 'child'; parent: GridNode | null } | { mode: 'edit'; node: GridNode };

export default function GridPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('org.write');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const tree = useGridTree();
  const remove = gridUnits.useRemove();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const filtered = useMemo(() => filterTree(tree.data ?? [], q), [tree.data, q]);
  // Default: the first two levels open; a search opens the way to every match.
  const defaultExpanded = useMemo(() => (q ? filtered.expand : (tree.data ?? []).flatMap((r) => [r.id])), [q, filtered.expand, tree.data]);
  const expandedKeys = expanded ?? defaultExpanded;

  const search = (value: string) => {
    setExpanded(null);
    setParams(value.trim() ? { q: value.trim() } : {});
  };

  const toData = (nodes: GridNode[]): TreeDataNode[] =>
    nodes.map((node) => ({
      key: node.id,
      title: (
        <Flex align="center" gap={8} wrap style={{ padding: '2px 0' }} data-testid={`grid-node-${node.code}`}>
          <Tag color={LEVEL_COLORS[node.level]} style={{ marginInlineEnd: 0 }}>
            {t(`gridLevels.${node.level}`)}
          </Tag>
          <Typography.Text strong>{node.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {node.code}
          </Typography.Text>
          {node.childCount > 0 ? <Typography.Text type="secondary">· {t('grid.children', { count: node.childCount })}</Typography.Text> : null}
          {writable ? (
            <span onClick={(e) => e.stopPropagation()} style={{ marginInlineStart: 'auto' }}>
              {node.level !== 'group' ? (
                <Button type="link" size="small" onClick={() => setEditing({ mode: 'child', parent: node })} data-testid={`grid-add-${node.code}`}>
                  {t('grid.addChild')}
                </Button>
              ) : null}
              <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', node })} data-testid={`grid-edit-${node.code}`}>
                {t('grid.rename')}
              </Button>
              <DeleteButton
                name={node.name}
                testId={`grid-delete-${node.code}`}
                disabled={node.childCount > 0}
                disabledReason={t('grid.leafOnly')}
                onConfirm={() => remove.mutateAsync(node.id)}
              />
            </span>
          ) : null}
        </Flex>
      ),
      children: toData(node.children),
    }));

  let body;
  if (tree.isPending) body = <PageSkeleton />;
  else if (tree.isError) body = <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (tree.data.length === 0) {
    body = (
      <EmptyState
        title={t('grid.empty')}
        action={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'child', parent: null })} data-testid="list-create">
              {t('grid.createRoot')}
            </Button>
          ) : null
        }
      />
    );
  } else if (q && filtered.nodes.length === 0) {
    body = <EmptyState title={t('grid.noMatch')} action={<Button onClick={() => search('')}>{t('common.clearFilters')}</Button>} />;
  } else {
    body = (
      <>
        {q ? (
          <Typography.Paragraph type="secondary" data-testid="grid-matches">
            {t('grid.matches', { count: filtered.matches })}
          </Typography.Paragraph>
        ) : null}
        <div style={{ overflowX: 'auto' }}>
          <Tree
            treeData={toData(filtered.nodes)}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys as string[])}
            blockNode
            showLine
            selectable={false}
            data-testid="grid-tree"
          />
        </div>
      </>
    );
  }

  return (
    <div>
      <PageHeader
        title={t('grid.title')}
        extra={
          <>
            <ExportButton path="/api/grid-units/export.xlsx" query={q ? { q } : {}} />
            {writable ? <ImportButton to="/grid/import" /> : null}
          </>
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              if (!e.target.value) search('');
            }}
            onPressEnter={() => search(draft)}
            placeholder={t('grid.searchPlaceholder')}
            prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="list-search"
          />
          <Button type="primary" onClick={() => search(draft)} data-testid="list-search-submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft('');
              search('');
            }}
            data-testid="list-reset"
          >
            {t('common.reset')}
          </Button>
          <Button icon={<NodeExpandOutlined />} onClick={() => setExpanded(allIds(filtered.nodes))}>
            {t('grid.expandAll')}
          </Button>
          <Button icon={<NodeCollapseOutlined />} onClick={() => setExpanded([])}>
            {t('grid.collapseAll')}
          </Button>
        </Flex>
        {body}
      </Card>
      {editing ? <GridForm editing={editing} onClose={() => setEditing(null)} onCreated={(parentId) => parentId && setExpanded([...expandedKeys, parentId])} /> : null}
    </div>
  );
}

function GridForm({ editing, onClose, onCreated }: { editing: Editing; onClose: () => void; onCreated: (parentId: string | null) => void }) {
  const { t } = useTranslation();
  const create = gridUnits.useCreate();
  const update = gridUnits.useUpdate();
  const layout = useFormLayout(100);
  const parentId = editing.mode === 'child' ? (editing.parent?.id ?? null) : null;
  const { form, dialog } = useFormDialog<{ code: string; name: string }>({
    creating: editing.mode === 'child',
    onClose,
    onSaved: () => {
      if (editing.mode === 'child') onCreated(parentId);
    },
    save: (v) => {
      const body = { code: v.code.trim(), name: v.name.trim() };
      return editing.mode === 'edit' ? update.mutateAsync({ id: editing.node.id, patch: body }) : create.mutateAsync({ ...body, parentId });
    },
  });

  const title =
    editing.mode === 'edit' ? t('grid.editTitle') : editing.parent ? t('grid.createTitle', { parent: editing.parent.name }) : t('grid.createRootTitle');
  return (
    <FormDialog {...dialog} title={title}>
      <Form form={form} {...layout} initialValues={editing.mode === 'edit' ? { code: editing.node.code, name: editing.node.name } : {}}>
        <Form.Item
          name="code"
          label={t('grid.code')}
          extra={t('grid.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('grid.code') }) },
            { pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('grid.codeHint') },
          ]}
        >
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="name" label={t('grid.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('grid.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
