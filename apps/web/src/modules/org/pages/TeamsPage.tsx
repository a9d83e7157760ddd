// 队伍 Teams: the leading group, working groups, service and inspection teams, task forces.
import { useState } from 'react';
import { Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEAM_KINDS, type Team } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog, useFormDialog, useFormLayout } from '../../../components/FormDialog';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { UserSelect } from '../../../components/pickers';
import { actionsColumn, DeleteButton, EditButton } from '../../../components/RowActions';
import { useUrlList } from '../../../lib/url-filters';
import { teams, useAllTeams } from '../api';

const SPEC = { q: 'string', kind: 'string' } as const;
type Kind = Team['kind'];
const KIND_COLORS: Record<Kind, string> = { leading_group: 'red', working_group: 'blue', service_team: 'green', inspection_team: 'orange', task_force: 'purple' };

type Values = { kind: Kind; name: string; parentId?: string | null; leaderId?: string | null; memberIds?: string[]; duties?: string };

export default function TeamsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC, { sort: 'createdAt:asc' });
  const query = teams.useList(url.apiQuery);
  const remove = teams.useRemove();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const writable = can('org.write');

  const columns: TableColumnsType<Team> = [
    { title: t('teams.name'), dataIndex: 'name', ...sortable(url, 'name'), fixed: 'left', render: (v: string) => <strong>{v}</strong> },
    {
      title: t('teams.kind'),
      dataIndex: 'kind',
      ...sortable(url, 'kind'),
      render: (k: Kind) => <Tag color={KIND_COLORS[k]}>{t(`teamKinds.${k}`)}</Tag>,
    },
    { title: t('teams.parent'), dataIndex: 'parentName', render: (v: string | null) => (v ? <Ellipsis width={130} text={v} /> : '-') },
    { title: t('teams.leader'), dataIndex: 'leaderName', render: (v: string | null) => (v ? <Ellipsis width={140} text={v} /> : '-') },
    {
      title: t('teams.members'),
      dataIndex: 'members',
      render: (m: Team['members']) =>
        m.length === 0 ? (
          '-'
        ) : (
          <Ellipsis
            width={170}
            title={m.map((x) => x.displayName).join(t('common.listSeparator'))}
            text={`${t('teams.memberCount', { count: m.length })} · ${m.map((x) => x.displayName).join(t('common.listSeparator'))}`}
          />
        ),
    },
    {
      title: t('teams.duties'),
      dataIndex: 'duties',
      render: (v: string | null) => (v ? <Ellipsis width={150} text={v} /> : '-'),
    },
  ];
  if (writable) {
    columns.push(
      actionsColumn(t, (team) => (
        <>
          <EditButton onClick={() => setEditing(team)} testId={`team-edit-${team.id}`} />
          <DeleteButton name={team.name} testId={`team-delete-${team.id}`} onConfirm={() => remove.mutateAsync(team.id)} />
        </>
      )),
    );
  }
  const createButton = writable ? <CreateButton onClick={() => setEditing('new')} /> : null;

  return (
    <ListPage
      title={t('teams.title')}
      extra={
        <>
          <ExportButton path="/api/teams/export.xlsx" query={url.exportQuery} />
          {createButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('teams.searchPlaceholder')}>
          <Form.Item name="kind" style={{ minWidth: 150 }}>
            <Select allowClear placeholder={t('teams.kind')} options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teamKinds.${k}`) }))} data-testid="filter-kind" />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" empty={{ title: t('teams.empty'), action: createButton }} />
      {editing ? <TeamForm team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </ListPage>
  );
}

function TeamForm({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = teams.useCreate();
  const update = teams.useUpdate();
  const all = useAllTeams();
  const layout = useFormLayout(100);
  const { form, dialog } = useFormDialog<Values>({
    creating: !team,
    onClose,
    save: (v) => {
      const body = {
        kind: v.kind,
        name: v.name.trim(),
        parentId: v.parentId ?? null,
        leaderId: v.leaderId ?? null,
        memberIds: v.memberIds ?? [],
        duties: v.duties?.trim() ? v.duties.trim() : null,
      };
      return team ? update.mutateAsync({ id: team.id, patch: body }) : create.mutateAsync(body);
    },
  });

  const memberOptions = team?.members.map((m) => ({ value: m.id, label: m.displayName })) ?? [];
  return (
    <FormDialog {...dialog} title={team ? t('teams.editTitle') : t('teams.createTitle')} width={640}>
      <Form
        form={form}
        {...layout}
        initialValues={
          team
            ? { kind: team.kind, name: team.name, parentId: team.parentId, leaderId: team.leaderId, memberIds: team.members.map((m) => m.id), duties: team.duties ?? '' }
            : { kind: 'working_group', memberIds: [] }
        }
      >
        <Form.Item name="kind" label={t('teams.kind')} rules={[{ required: true }]}>
          <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teamKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('teams.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="parentId" label={t('teams.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={all.isPending}
            placeholder={t('common.select')}
            options={(all.data ?? []).filter((x) => x.id !== team?.id).map((x) => ({ value: x.id, label: `${x.name} · ${t(`teamKinds.${x.kind}`)}` }))}
          />
        </Form.Item>
        <Form.Item name="leaderId" label={t('teams.leader')}>
          <UserSelect staffOnly initialOptions={team?.leaderId && team.leaderName ? [{ value: team.leaderId, label: team.leaderName }] : []} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('teams.members')}>
          <UserSelect staffOnly mode="multiple" initialOptions={memberOptions} />
        </Form.Item>
        <Form.Item name="duties" label={t('teams.duties')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
