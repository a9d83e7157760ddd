// /services/employment/import: the import wizard over the returning workers' template.
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { refreshAfterWrite } from '../../../../api/resource';
import { ImportWizard } from '../../../../components/ImportWizard';
import { PageHeader } from '../../../../components/ListPage';

export default function EmploymentImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/services/employment">{t('extras.employment.title')}</Link> }, { title: t('extras.employment.importTitle') }]} />
      <PageHeader title={t('extras.employment.importTitle')} />
      <ImportWizard
        templatePath="/api/employment-registrations/import-template.xlsx"
        importPath="/api/employment-registrations/import"
        progressPath={(jobId) => `/api/import-progress/${jobId}`}
        backTo={{ path: '/services/employment', label: t('extras.employment.backToList') }}
        onImported={() => void refreshAfterWrite(qc)}
        description={t('extras.employment.importDesc')}
      />
    </div>
  );
}
