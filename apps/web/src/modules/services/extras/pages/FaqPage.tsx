// 常见问题: the answers the approval bureau published, searchable; the same list anyone reads
// without signing in at /api/public/faq?zone=<code>.
import { Card, Collapse, Empty, Flex, Input, Pagination, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, PageSkeleton } from '../../../../components/PageStates';
import { PageHeader } from '../../../../components/ListPage';
import { formatDate, formatNumber } from '../../../../lib/format';
import { useFaq } from '../api';

export default function FaqPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useFaq({ q: q || undefined, page, pageSize: 20 });
  const set = (next: { q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    if (nq) p.set('q', nq);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };
  return (
    <div>
      <PageHeader title={t('extras.faq.title')} sub={t('extras.faq.sub')} />
      <Card styles={{ body: { padding: 16 } }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          enterButton={t('common.search')}
          placeholder={t('extras.faq.search')}
          onSearch={(v) => set({ q: v.trim(), page: 1 })}
          style={{ maxWidth: 420, marginBottom: 16 }}
          maxLength={100}
          data-testid="faq-search"
        />
        {query.isPending ? (
          <PageSkeleton />
        ) : query.isError && !query.data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data!.total === 0 ? (
          <Empty data-testid="page-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? t('common.noMatch') : t('extras.faq.empty')} />
        ) : (
          <>
            <Collapse
              data-testid="faq-list"
              items={query.data!.items.map((f) => ({
                key: f.id,
                label: (
                  <Flex justify="space-between" gap={12} wrap>
                    <Typography.Text strong>{f.title}</Typography.Text>
                    <span>
                      {f.itemName ? <Tag>{f.itemName}</Tag> : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('extras.faq.publishedAt', { date: formatDate(f.publishedAt) })}
                      </Typography.Text>
                    </span>
                  </Flex>
                ),
                children: (
                  <>
                    <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                      {f.question}
                    </Typography.Paragraph>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{f.answer}</Typography.Paragraph>
                  </>
                ),
              }))}
            />
            <Flex justify="flex-end" style={{ marginTop: 16 }}>
              <Pagination
                current={page}
                pageSize={20}
                total={query.data!.total}
                showSizeChanger={false}
                showTotal={(total) => <span data-testid="list-total">{t('common.total', { total: formatNumber(total) })}</span>}
                onChange={(p) => set({ page: p })}
              />
            </Flex>
          </>
        )}
      </Card>
    </div>
  );
}
