// A service item of the zone's catalogue, searched by name or code (the first 200 suffice for a zone).
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListResult, ServiceItem } from '@shuangsheng/contracts';
import { api } from '../../../../api/client';

export function useAllItems() {
  return useQuery({
    queryKey: ['service-items', 'all-options'],
    queryFn: ({ signal }) => api.get<ListResult<ServiceItem>>('/api/service-items', { pageSize: 200, sort: 'code:asc' }, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function ItemSelect(props: Omit<SelectProps<string>, 'options'> & { testId?: string }) {
  const { t } = useTranslation();
  const { testId, ...rest } = props;
  const items = useAllItems();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={items.isPending}
      placeholder={t('applications.item')}
      options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name} · ${i.code}` }))}
      popupMatchSelectWidth={false}
      data-testid={testId}
      {...rest}
    />
  );
}
