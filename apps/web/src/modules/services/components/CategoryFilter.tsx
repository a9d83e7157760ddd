// The 事项类别 filter of the catalogue lists (事项清单, 我要办): a Form.Item of a FilterBar.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SERVICE_CATEGORIES } from '@shuangsheng/contracts';

export function CategoryFilter({ minWidth = 140 }: { minWidth?: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="category" style={{ minWidth }}>
      <Select
        allowClear
        placeholder={t('services.category')}
        options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`serviceCategories.${c}`) }))}
        data-testid="filter-category"
        popupMatchSelectWidth={false}
      />
    </Form.Item>
  );
}
