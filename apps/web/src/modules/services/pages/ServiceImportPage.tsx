// /services/items/import: the import wizard over the catalogue template (materials and fields
// written in their cells one per line, as the template's instructions sheet says).
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { refreshAfterWrite } from '../../../api/resource';
import { ImportWizard } from '../../../components/ImportWizard';
import { PageHeader } from '../../../components/ListPage';

export default function ServiceImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/services/items">{t('services.title')}</Link> }, { title: t('services.importTitle') }]} />
      <PageHeader title={t('services.importTitle')} />
      <ImportWizard
        templatePath="/api/service-items/import-template.xlsx"
        importPath="/api/service-items/import"
        progressPath={(jobId) => `/api/import-progress/${jobId}`}
        backTo={{ path: '/services/items', label: t('services.backToList') }}
        onImported={() => void refreshAfterWrite(qc)}
        description={t('services.importDesc')}
      />
    </div>
  );
}
