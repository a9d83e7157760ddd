// The list page pattern (UX.md): title and primary actions top right, a filter bar (keyword
// first, the module's filters, 查询 and 重置), a table with sortable columns, paging with the
// total, and the loading / empty / error states.
import type { ReactNode } from 'react';
import { CaretDownOutlined, CaretUpOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Table, Tooltip, Typography, type TableColumnType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListResult } from '@shuangsheng/contracts';
import { formatNumber } from '../lib/format';
import { PAGE_SIZES, sortFromSorter, sortOrderOf, type FilterSpec, type UrlList } from '../lib/url-filters';
import { EmptyState, ErrorState, PageSkeleton } from './PageStates';

export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** 新建: the list's primary action (`list-create`). */
export function CreateButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid="list-create">
      {label ?? t('common.create')}
    </Button>
  );
}

export function ListPage({ title, extra, filters, children }: { title: ReactNode; extra?: ReactNode; filters?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <PageHeader title={title} extra={extra} />
      <Card styles={{ body: { padding: 16 } }}>
        {filters}
        {children}
      </Card>
    </div>
  );
}

type FilterBarProps<V> = {
  searchPlaceholder: string;
  /** The module's filters, as Form.Items. */
  children?: ReactNode;
} & (
  | {
      /** A list whose filters live in the URL (most lists). */
      url: UrlList<FilterSpec>;
      values?: never;
      onSearch?: never;
      onReset?: never;
    }
  | {
      url?: never;
      /** Current values in form shape (from the URL). */
      values: V;
      onSearch: (values: V) => void;
      onReset: () => void;
    }
);

type FilterFormProps<V> = { values: V; onSearch: (values: V) => void; onReset: () => void; searchPlaceholder: string; children?: ReactNode };

/** Keyword search first (`q`), then the module's filters, then 查询 / 重置. */
export function FilterBar<V extends object>(props: FilterBarProps<V>) {
  const { url, searchPlaceholder, children } = props;
  const form: FilterFormProps<V> = url
    ? { values: url.filters as V, onSearch: (v) => url.setFilters(v as typeof url.filters), onReset: url.reset, searchPlaceholder, children }
    : { values: props.values, onSearch: props.onSearch, onReset: props.onReset, searchPlaceholder, children };
  // The URL is the truth: a new URL (back/forward, a shared link, 重置) remounts the form with it.
  return <FilterForm key={JSON.stringify(form.values)} {...form} />;
}

function FilterForm<V extends object>({ values, onSearch, onReset, searchPlaceholder, children }: FilterFormProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => onSearch(v)}
      style={{ rowGap: 12, marginBottom: 16 }}
      initialValues={values as never}
      data-testid="filter-bar"
    >
      <Form.Item name="q" style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 340 }}>
        <Input allowClear placeholder={searchPlaceholder} title={searchPlaceholder} prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />} data-testid="list-search" maxLength={100} />
      </Form.Item>
      {children}
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" data-testid="list-search-submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onReset();
            }}
            data-testid="list-reset"
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

/** A column that the API can sort by, with its order taken from the URL. */
export function sortable<T>(url: UrlList<FilterSpec>, key: string): Pick<TableColumnType<T>, 'key' | 'sorter' | 'sortOrder' | 'sortDirections'> {
  return { key, sorter: true, sortOrder: sortOrderOf(url.list.sort, key), sortDirections: ['ascend', 'descend'] };
}

/**
 * A sort switch inside a column title, for a column that shows two sortable fields (产值 / 税收):
 * largest first, then smallest first, then the list's default.
 */
export function SortToggle({ url, field, label }: { url: UrlList<FilterSpec>; field: string; label: ReactNode }) {
  const order = sortOrderOf(url.list.sort, field);
  const next = order === null ? `${field}:desc` : order === 'descend' ? `${field}:asc` : undefined;
  const caret = (on: boolean) => ({ fontSize: 10, lineHeight: 0.6, color: on ? 'var(--ant-color-primary, #1d4ed8)' : 'rgba(0,0,0,0.29)' });
  return (
    <span
      role="button"
      tabIndex={0}
      aria-sort={order === null ? 'none' : order === 'ascend' ? 'ascending' : 'descending'}
      onClick={() => url.setSort(next)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') url.setSort(next);
      }}
      style={{ cursor: 'pointer', display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
      data-testid={`sort-${field}`}
    >
      {label}
      <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
        <CaretUpOutlined style={caret(order === 'ascend')} />
        <CaretDownOutlined style={caret(order === 'descend')} />
      </span>
    </span>
  );
}

/** Text cut to one line at `width`, whole on hover. */
export function Ellipsis({ text, width, title }: { text: ReactNode; width: number; title?: ReactNode }) {
  return (
    <Tooltip title={title ?? text}>
      <span style={{ display: 'inline-block', maxWidth: width, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' }}>{text}</span>
    </Tooltip>
  );
}

type ListTableProps<T> = {
  query: UseQueryResult<ListResult<T>>;
  url: UrlList<FilterSpec>;
  columns: TableProps<T>['columns'];
  rowKey: TableProps<T>['rowKey'];
  /** Shown when there are no records at all (and no filters): what fills the list. */
  empty: { title: string; description?: string; action?: ReactNode };
  expandable?: TableProps<T>['expandable'];
  testId?: string;
};

export function ListTable<T extends object>({ query, url, columns, rowKey, empty, expandable, testId }: ListTableProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <PageSkeleton />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data!;
  if (data.total === 0 && !url.filtered && data.page === 1) {
    return <EmptyState title={empty.title} description={empty.description} action={empty.action} />;
  }
  return (
    <Table<T>
      data-testid={testId ?? 'list-table'}
      size="middle"
      rowKey={rowKey}
      columns={columns}
      dataSource={data.items}
      loading={query.isFetching && query.isPlaceholderData}
      expandable={expandable}
      scroll={{ x: 'max-content' }}
      sticky={{ offsetHeader: 56 }}
      locale={{
        emptyText: (
          <EmptyState
            title={t('common.noMatch')}
            action={
              <Button onClick={url.reset} data-testid="list-clear-filters">
                {t('common.clearFilters')}
              </Button>
            }
          />
        ),
      }}
      pagination={{
        current: url.list.page,
        pageSize: url.list.pageSize,
        total: data.total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => <span data-testid="list-total">{t('common.total', { total: formatNumber(total) })}</span>,
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') url.setSort(sortFromSorter(sorter));
        else if (extra.action === 'paginate') url.setPage(pagination.current ?? 1, pagination.pageSize ?? url.list.pageSize);
      }}
    />
  );
}
