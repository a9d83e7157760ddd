// 企业 The enterprise registry: search (name, credit code, phone), filters (park, building, tier,
// industry, above-scale, city-monitored, leading enterprise), sort, paging, 新建, 导入, 导出 Excel.
import { useState } from 'react';
import { Button, Form, Select, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { INDUSTRY_CODES, INDUSTRY_SECTIONS, SCALE_TIERS, type Enterprise, type IndustrySection, type ScaleTier } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FlagSelect } from '../../../components/FlagSelect';
import { ImportButton } from '../../../components/ImportButton';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable, SortToggle } from '../../../components/ListPage';
import { BuildingSelect, EnterpriseSelect, ParkSelect } from '../../../components/pickers';
import { actionsColumn } from '../../../components/RowActions';
import { useLang } from '../../../i18n';
import { formatFen, formatNumber } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { enterprises } from '../api';
import { EnterpriseForm } from '../components/EnterpriseForm';
import { EnterpriseFlags, industryName, TierTag } from '../display';

const SPEC = {
  q: 'string',
  parkId: 'string',
  buildingId: 'string',
  gridUnitId: 'string',
  tier: 'string',
  industry: 'string',
  aboveScale: 'boolean',
  cityMonitored: 'boolean',
  leadingEnterpriseId: 'string',
} as const;

export default function EnterprisesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const url = useUrlList(SPEC, { sort: 'outputLastYearFen:desc' });
  const query = enterprises.useList(url.apiQuery);
  const [creating, setCreating] = useState(false);

  // Fits a 1280 px screen (flags under the name, output and tax in one column); narrower ones
  // scroll sideways with the name held at the left.
  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('enterprises.name'),
      dataIndex: 'name',
      ...sortable(url, 'name'),
      fixed: 'left',
      render: (v: string, e) => (
        <div style={{ minWidth: 160, maxWidth: 204 }}>
          <Link to={`/enterprises/${e.id}`} data-testid={`enterprise-link-${e.creditCode}`}>
            {v}
          </Link>
          {e.aboveScale || e.cityMonitored || e.supplierCount > 0 ? (
            <div style={{ marginTop: 4 }}>
              <EnterpriseFlags e={e} leadingTo={`/enterprises?leadingEnterpriseId=${e.id}`} />
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('enterprises.creditCodeShort'),
      dataIndex: 'creditCode',
      ...sortable(url, 'creditCode'),
      render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>{v}</span>,
    },
    { title: t('enterprises.park'), dataIndex: 'parkName', render: (v: string | null) => (v ? <Ellipsis width={88} text={v} /> : '-') },
    { title: t('enterprises.tier'), dataIndex: 'tier', render: (v: ScaleTier) => <TierTag tier={v} /> },
    {
      title: t('enterprises.industry'),
      dataIndex: 'industry',
      render: (v: IndustrySection | null) => (v ? <Ellipsis width={96} text={industryName(v, lang)} /> : '-'),
    },
    {
      title: (
        <Tooltip title={t('enterprises.moneyHint')}>
          <span style={{ whiteSpace: 'nowrap' }}>
            <SortToggle url={url} field="outputLastYearFen" label={t('enterprises.outputShort')} /> / <SortToggle url={url} field="taxLastYearFen" label={t('enterprises.tax')} />
          </span>
        </Tooltip>
      ),
      key: 'money',
      align: 'right',
      render: (_v, e) => (
        <div style={{ whiteSpace: 'nowrap', lineHeight: 1.4 }}>
          <div>{formatFen(e.outputLastYearFen, lang)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('enterprises.tax')} {formatFen(e.taxLastYearFen, lang)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('enterprises.employees'), dataIndex: 'employees', align: 'right', ...sortable(url, 'employees'), render: (v: number | null) => formatNumber(v) },
    actionsColumn(t, (e) => (
      <Button type="link" size="small" onClick={() => void navigate(`/enterprises/${e.id}`)}>
        {t('common.view')}
      </Button>
    )),
  ];

  const createButton = can('enterprises.write') ? <CreateButton onClick={() => setCreating(true)} /> : null;
  const importButton = can('enterprises.import') ? <ImportButton to="/enterprises/import" /> : null;

  return (
    <ListPage
      title={t('enterprises.title')}
      extra={
        <>
          {can('enterprises.export') ? <ExportButton path="/api/enterprises/export.xlsx" query={url.exportQuery} /> : null}
          {importButton}
          {createButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('enterprises.searchPlaceholder')}>
          <ParkAndBuilding />
          <Form.Item name="tier" style={{ minWidth: 130 }}>
            <Select
              allowClear
              placeholder={t('enterprises.tier')}
              options={SCALE_TIERS.map((s) => ({ value: s, label: t(`tiers.${s}`), title: t(`tierHints.${s}`) }))}
              data-testid="filter-tier"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="industry" style={{ minWidth: 160 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('enterprises.industry')}
              options={INDUSTRY_CODES.map((c) => ({ value: c, label: `${c} ${INDUSTRY_SECTIONS[c][lang === 'en-US' ? 1 : 0]}` }))}
              popupMatchSelectWidth={false}
              data-testid="filter-industry"
            />
          </Form.Item>
          <Form.Item name="aboveScale" style={{ minWidth: 120 }}>
            <FlagSelect placeholder={t('enterprises.aboveScale')} testId="filter-above-scale" />
          </Form.Item>
          <Form.Item name="cityMonitored" style={{ minWidth: 120 }}>
            <FlagSelect placeholder={t('enterprises.cityMonitored')} testId="filter-city-monitored" />
          </Form.Item>
          <Form.Item name="leadingEnterpriseId" style={{ minWidth: 220 }}>
            <EnterpriseSelect placeholder={t('enterprises.filterLeading')} testId="filter-leading" popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="gridUnitId" hidden>
            <input />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="enterprise-table"
        empty={{ title: t('enterprises.empty'), description: t('enterprises.emptyDesc'), action: <>{importButton} {createButton}</> }}
      />
      {creating ? <EnterpriseForm enterprise={null} onClose={() => setCreating(false)} onSaved={(e) => void navigate(`/enterprises/${e.id}`)} /> : null}
    </ListPage>
  );
}

/** Park, then the buildings of that park (cleared when the park changes). */
function ParkAndBuilding() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item name="parkId" style={{ minWidth: 150 }}>
        <ParkSelect placeholder={t('enterprises.park')} testId="filter-park" popupMatchSelectWidth={false} onChange={() => form.setFieldValue('buildingId', undefined)} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: { parkId?: string }, b: { parkId?: string }) => a.parkId !== b.parkId}>
        {({ getFieldValue }) =>
          getFieldValue('parkId') ? (
            <Form.Item name="buildingId" style={{ minWidth: 150 }}>
              <BuildingSelect parkId={getFieldValue('parkId') as string} placeholder={t('enterprises.building')} popupMatchSelectWidth={false} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}
