// 楼宇 Buildings: list filtered by park, create/edit, delete.
import { useState } from 'react';
import { Form, Input, InputNumber, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Building } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { ImportButton } from '../../../components/ImportButton';
import { FormDialog, groupedNumber, useFormDialog, useFormLayout } from '../../../components/FormDialog';
import { CreateButton, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { ParkSelect } from '../../../components/pickers';
import { actionsColumn, DeleteButton, EditButton } from '../../../components/RowActions';
import { formatDate, formatNumber } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { buildings } from '../api';

const SPEC = { q: 'string', parkId: 'string' } as const;

type Values = { parkId: string; name: string; floors?: number | null; areaSqm?: number | null };

export default function BuildingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC, { sort: 'name:asc' });
  const query = buildings.useList(url.apiQuery);
  const remove = buildings.useRemove();
  const [editing, setEditing] = useState<Building | 'new' | null>(null);
  const writable = can('org.write');

  const columns: TableColumnsType<Building> = [
    { title: t('buildings.name'), dataIndex: 'name', ...sortable(url, 'name'), fixed: 'left', render: (v: string) => <strong>{v}</strong> },
    { title: t('buildings.park'), dataIndex: 'parkName' },
    { title: t('buildings.floors'), dataIndex: 'floors', align: 'right', ...sortable(url, 'floors'), render: (v: number | null) => formatNumber(v) },
    { title: t('buildings.areaSqm'), dataIndex: 'areaSqm', align: 'right', render: (v: number | null) => formatNumber(v) },
    {
      title: t('buildings.enterpriseCount'),
      dataIndex: 'enterpriseCount',
      align: 'right',
      render: (v: number, b) => (can('enterprises.read') ? <Link to={`/enterprises?parkId=${b.parkId}&buildingId=${b.id}`}>{formatNumber(v)}</Link> : formatNumber(v)),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', ...sortable(url, 'createdAt'), render: (v: number) => formatDate(v) },
  ];
  if (writable) {
    columns.push(
      actionsColumn(t, (b) => (
        <>
          <EditButton onClick={() => setEditing(b)} testId={`building-edit-${b.id}`} />
          <DeleteButton name={b.name} testId={`building-delete-${b.id}`} onConfirm={() => remove.mutateAsync(b.id)} />
        </>
      )),
    );
  }
  const createButton = writable ? <CreateButton onClick={() => setEditing('new')} /> : null;

  return (
    <ListPage
      title={t('buildings.title')}
      extra={
        <>
          <ExportButton path="/api/buildings/export.xlsx" query={url.exportQuery} />
          {writable ? <ImportButton to="/buildings/import" /> : null}
          {createButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('buildings.searchPlaceholder')}>
          <Form.Item name="parkId" style={{ minWidth: 200 }}>
            <ParkSelect placeholder={t('buildings.allParks')} testId="filter-park" />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" empty={{ title: t('buildings.empty'), action: createButton }} />
      {editing ? <BuildingForm building={editing === 'new' ? null : editing} defaultParkId={url.filters.parkId} onClose={() => setEditing(null)} /> : null}
    </ListPage>
  );
}

function BuildingForm({ building, defaultParkId, onClose }: { building: Building | null; defaultParkId?: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const create = buildings.useCreate();
  const update = buildings.useUpdate();
  const layout = useFormLayout(100);
  const { form, dialog } = useFormDialog<Values>({
    creating: !building,
    onClose,
    save: (v) => {
      const body = { parkId: v.parkId, name: v.name.trim(), floors: v.floors ?? null, areaSqm: v.areaSqm ?? null };
      return building ? update.mutateAsync({ id: building.id, patch: body }) : create.mutateAsync(body);
    },
  });

  return (
    <FormDialog {...dialog} title={building ? t('buildings.editTitle') : t('buildings.createTitle')}>
      <Form
        form={form}
        {...layout}
        initialValues={building ? { parkId: building.parkId, name: building.name, floors: building.floors, areaSqm: building.areaSqm } : { parkId: defaultParkId }}
      >
        <Form.Item name="parkId" label={t('buildings.park')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('buildings.park') }) }]}>
          <ParkSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="name" label={t('buildings.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('buildings.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="floors" label={t('buildings.floors')}>
          <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="areaSqm" label={t('buildings.areaSqm')}>
          <InputNumber<number> min={0} max={1e8} precision={0} style={{ width: '100%' }} {...groupedNumber} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
