// /inspections/templates/:id/import: the import wizard over a template's Excel sheet (the export of
// its current version is the template to fill): a dry run lists each bad row and column, then the
// confirmed import publishes the rows as a new version (all rows or none).
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { refreshAfterWrite } from '../../../api/resource';
import { ImportWizard } from '../../../components/ImportWizard';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { templateUrl, useTemplate } from './api';

export default function TemplateImportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const query = useTemplate(id);
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const tpl = query.data;
  const back = `/inspections/templates/${tpl.id}`;
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/inspections/templates">{t('inspectionsAdmin.templates.title')}</Link> }, { title: <Link to={back}>{tpl.name}</Link> }, { title: t('inspectionsAdmin.import.title') }]}
      />
      <PageHeader title={t('inspectionsAdmin.import.titleOf', { name: tpl.name })} />
      <ImportWizard
        templatePath={`${templateUrl(tpl.id)}/export.xlsx`}
        importPath={`${templateUrl(tpl.id)}/import`}
        progressPath={(jobId) => `/api/import-progress/${jobId}`}
        backTo={{ path: back, label: t('inspectionsAdmin.import.back') }}
        onImported={() => void refreshAfterWrite(qc)}
        description={t('inspectionsAdmin.import.desc', { version: tpl.currentVersion, next: tpl.currentVersion + 1 })}
      />
    </div>
  );
}
