// /enterprises/import: the import wizard over the enterprise template.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumb } from 'antd';
import { refreshAfterWrite } from '../../../api/resource';
import { ImportWizard } from '../../../components/ImportWizard';
import { PageHeader } from '../../../components/ListPage';

export default function EnterpriseImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/enterprises">{t('enterprises.title')}</Link> }, { title: t('importWizard.title') }]} />
      <PageHeader title={t('importWizard.title')} />
      <ImportWizard
        templatePath="/api/enterprises/import-template.xlsx"
        importPath="/api/enterprises/import"
        progressPath={(jobId) => `/api/import-progress/${jobId}`}
        backTo={{ path: '/enterprises', label: t('importWizard.backToList') }}
        onImported={() => void refreshAfterWrite(qc)}
        description={t('importWizard.templateDesc')}
      />
    </div>
  );
}
