import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** 导入: opens the list's import wizard. */
export function ImportButton({ to }: { to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<ImportOutlined />} onClick={() => void navigate(to)} data-testid="list-import">
      {t('common.import')}
    </Button>
  );
}
