// Imports of the org lists (parks, buildings, grid units, users, assignments) through the shared
// wizard; each list's server routes follow the same shape (…/import-template.xlsx, …/import).
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { refreshAfterWrite } from '../../../api/resource';
import { ImportWizard } from '../../../components/ImportWizard';
import { PageHeader } from '../../../components/ListPage';

export type OrgImportKind = 'parks' | 'buildings' | 'grid' | 'users' | 'assignments';

const API_BASE: Record<OrgImportKind, string> = {
  parks: '/api/parks',
  buildings: '/api/buildings',
  grid: '/api/grid-units',
  users: '/api/users',
  assignments: '/api/assignments',
};

export function OrgImportPage({ kind }: { kind: OrgImportKind }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = t(`menu.${kind}`);
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={`/${kind}`}>{list}</Link> }, { title: t(`importWizard.titles.${kind}`) }]} />
      <PageHeader title={t(`importWizard.titles.${kind}`)} />
      <ImportWizard
        templatePath={`${API_BASE[kind]}/import-template.xlsx`}
        importPath={`${API_BASE[kind]}/import`}
        progressPath={(jobId) => `/api/import-progress/${jobId}`}
        backTo={{ path: `/${kind}`, label: t('importWizard.backTo', { list }) }}
        onImported={() => void refreshAfterWrite(qc)}
      />
    </div>
  );
}

export const ParksImportPage = () => <OrgImportPage kind="parks" />;
export const BuildingsImportPage = () => <OrgImportPage kind="buildings" />;
export const GridImportPage = () => <OrgImportPage kind="grid" />;
export const UsersImportPage = () => <OrgImportPage kind="users" />;
export const AssignmentsImportPage = () => <OrgImportPage kind="assignments" />;
