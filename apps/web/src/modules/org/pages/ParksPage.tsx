// 园区 Parks: list with search and export, create/edit in a modal, delete, reveal the manager's phone.
import { useState } from 'react';
import { Form, Input, InputNumber, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PHONE_RE, type Park } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { ImportButton } from '../../../components/ImportButton';
import { blankToNull, FormDialog, groupedNumber, useFormDialog, useFormLayout } from '../../../components/FormDialog';
import { CreateButton, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { MaskedValue } from '../../../components/MaskedValue';
import { actionsColumn, DeleteButton, EditButton } from '../../../components/RowActions';
import { formatNumber } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { parks, revealParkPhone } from '../api';

const SPEC = { q: 'string' } as const;

type Values = { name: string; address?: string; areaSqm?: number | null; managerName?: string; managerPhone?: string };

export default function ParksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC, { sort: 'name:asc' });
  const query = parks.useList(url.apiQuery);
  const remove = parks.useRemove();
  const [editing, setEditing] = useState<Park | 'new' | null>(null);
  const writable = can('org.write');

  const columns: TableColumnsType<Park> = [
    { title: t('parks.name'), dataIndex: 'name', ...sortable(url, 'name'), fixed: 'left', render: (v: string) => <strong>{v}</strong> },
    { title: t('parks.address'), dataIndex: 'address', render: (v: string | null) => v ?? '-' },
    { title: t('parks.areaSqm'), dataIndex: 'areaSqm', align: 'right', ...sortable(url, 'areaSqm'), render: (v: number | null) => formatNumber(v) },
    { title: t('parks.managerName'), dataIndex: 'managerName', render: (v: string | null) => v ?? '-' },
    {
      title: t('parks.managerPhone'),
      dataIndex: 'managerPhoneMasked',
      render: (v: string | null, p) => (
        <MaskedValue masked={v} onReveal={can('pii.reveal') ? (reason) => revealParkPhone(p.id, reason) : undefined} testId={`park-phone-${p.id}`} />
      ),
    },
    {
      title: t('parks.buildingCount'),
      dataIndex: 'buildingCount',
      align: 'right',
      render: (v: number, p) => <Link to={`/buildings?parkId=${p.id}`}>{formatNumber(v)}</Link>,
    },
    {
      title: t('parks.enterpriseCount'),
      dataIndex: 'enterpriseCount',
      align: 'right',
      render: (v: number, p) => (can('enterprises.read') ? <Link to={`/enterprises?parkId=${p.id}`}>{formatNumber(v)}</Link> : formatNumber(v)),
    },
  ];
  if (writable) {
    columns.push(
      actionsColumn(t, (p) => (
        <>
          <EditButton onClick={() => setEditing(p)} testId={`park-edit-${p.id}`} />
          <DeleteButton name={p.name} testId={`park-delete-${p.id}`} onConfirm={() => remove.mutateAsync(p.id)} />
        </>
      )),
    );
  }
  const createButton = writable ? <CreateButton onClick={() => setEditing('new')} /> : null;

  return (
    <ListPage
      title={t('parks.title')}
      extra={
        <>
          <ExportButton path="/api/parks/export.xlsx" query={url.exportQuery} />
          {writable ? <ImportButton to="/parks/import" /> : null}
          {createButton}
        </>
      }
      filters={<FilterBar url={url} searchPlaceholder={t('parks.searchPlaceholder')} />}
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" empty={{ title: t('parks.empty'), action: createButton }} />
      {editing ? <ParkForm park={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </ListPage>
  );
}

function ParkForm({ park, onClose }: { park: Park | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = parks.useCreate();
  const update = parks.useUpdate();
  const layout = useFormLayout(110);
  const { form, dialog } = useFormDialog<Values>({
    creating: !park,
    onClose,
    save: (v) => {
      const body = { ...blankToNull({ ...v, areaSqm: v.areaSqm ?? null }), name: v.name.trim() };
      if (!park) return create.mutateAsync(body);
      // A blank phone keeps the one on record (it is only known masked here).
      const { managerPhone, ...rest } = body;
      return update.mutateAsync({ id: park.id, patch: managerPhone ? body : rest });
    },
  });

  return (
    <FormDialog {...dialog} title={park ? t('parks.editTitle') : t('parks.createTitle')}>
      <Form
        form={form}
        {...layout}
        initialValues={park ? { name: park.name, address: park.address ?? '', areaSqm: park.areaSqm, managerName: park.managerName ?? '' } : {}}
        data-testid="park-form"
      >
        <Form.Item name="name" label={t('parks.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('parks.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('parks.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="areaSqm" label={t('parks.areaSqm')}>
          <InputNumber<number>
            min={0}
            max={1e9}
            precision={0}
            style={{ width: '100%' }}
            {...groupedNumber}
          />
        </Form.Item>
        <Form.Item name="managerName" label={t('parks.managerName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="managerPhone" label={t('parks.managerPhone')} rules={[{ pattern: PHONE_RE, message: t('common.phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={20} placeholder={park?.managerPhoneMasked ? t('parks.phoneKeep', { masked: park.managerPhoneMasked }) : undefined} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
