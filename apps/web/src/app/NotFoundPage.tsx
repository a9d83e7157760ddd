import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('states.notFoundDesc')}
      data-testid="page-not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('states.backHome')}</Button>
        </Link>
      }
    />
  );
}
