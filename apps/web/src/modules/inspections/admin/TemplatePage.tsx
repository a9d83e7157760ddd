// One checklist template (工作规范): the current version's items grouped by place, edited as a draft
// (kept in this browser until published) and "发布为新版本" with a note after a confirmation that
// lists what changes; earlier versions are read-only (?version=N) and never change — rounds keep
// the version they started on. Excel export of any version; import makes a new version.
import { useEffect, useMemo, useState } from 'react';
import { ImportOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Popconfirm, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ChecklistItem } from '@shuangsheng/contracts';
import { ApiError } from '../../../api/client';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog } from '../../../components/FormDialog';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import { DetailHeader } from '../../services/components/DetailHeader';
import { templateUrl, usePublishVersion, useTemplate, useTemplateVersion, type Template } from './api';
import { ChecklistByPlace, ItemDialog } from './ItemEditor';
import { cleanItem, hasChanges, itemIndexOf, versionChanges, type VersionChanges } from './helpers';

const draftKey = (id: string) => `shuangsheng.inspections.templateDraft.${id}`;
type StoredDraft = { baseVersion: number; items: ChecklistItem[] };

function readDraft(id: string, baseVersion: number): ChecklistItem[] | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    if (!raw) return null;
    const d = JSON.parse(raw) as StoredDraft;
    return d.baseVersion === baseVersion && Array.isArray(d.items) ? d.items : null;
  } catch {
    return null;
  }
}

function writeDraft(id: string, draft: StoredDraft | null) {
  try {
    if (draft) localStorage.setItem(draftKey(id), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(id));
  } catch {
    // storage full or off: the draft lives on screen only
  }
}

export default function TemplatePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = useTemplate(id);
  const [params] = useSearchParams();
  const versionParam = Number(params.get('version'));
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const tpl = query.data;
  const viewing = Number.isInteger(versionParam) && versionParam >= 1 && versionParam !== tpl.currentVersion ? versionParam : null;
  return (
    <div>
      <DetailHeader
        back={{ to: '/inspections/templates', label: t('inspectionsAdmin.templates.title') }}
        crumb={tpl.name}
        title={tpl.name}
        meta={
          <>
            <Tag color="blue" data-testid="template-current-version">
              {t('inspectionsAdmin.template.current', { version: tpl.currentVersion })}
            </Tag>
            <Typography.Text type="secondary">{t('inspectionsAdmin.template.updated', { time: formatDateTime(tpl.updatedAt) })}</Typography.Text>
          </>
        }
        actions={<HeaderActions tpl={tpl} viewing={viewing} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>{viewing ? <OldVersion tpl={tpl} version={viewing} /> : <CurrentEditor key={`${tpl.id}:${tpl.currentVersion}`} tpl={tpl} />}</Col>
        <Col xs={24} xl={6}>
          <Versions tpl={tpl} viewing={viewing ?? tpl.currentVersion} />
        </Col>
      </Row>
    </div>
  );
}

function HeaderActions({ tpl, viewing }: { tpl: Template; viewing: number | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  return (
    <Space wrap>
      <ExportButton path={`${templateUrl(tpl.id)}/export.xlsx`} query={{ version: viewing ?? tpl.currentVersion }} testId="template-export" />
      {can('inspections.manage') ? (
        <Button icon={<ImportOutlined />} onClick={() => void navigate(`/inspections/templates/${tpl.id}/import`)} data-testid="template-import">
          {t('common.import')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The current version: read-only for readers; a draft editor with 发布为新版本 for the admin. */
function CurrentEditor({ tpl }: { tpl: Template }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('inspections.manage');
  const current = tpl.current.items;
  const restored = useMemo(() => (manage ? readDraft(tpl.id, tpl.currentVersion) : null), [manage, tpl.id, tpl.currentVersion]);
  const [draft, setDraft] = useState<ChecklistItem[] | null>(restored);
  const [editing, setEditing] = useState<{ index: number } | { place: ChecklistItem['place'] } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [issues, setIssues] = useState<Map<number, string[]>>(new Map());
  const items = draft ?? current;
  const changes = useMemo(() => versionChanges(current, items), [current, items]);
  const dirty = draft !== null && hasChanges(changes);

  useEffect(() => {
    if (!manage) return;
    writeDraft(tpl.id, draft && hasChanges(versionChanges(current, draft)) ? { baseVersion: tpl.currentVersion, items: draft } : null);
  }, [manage, draft, current, tpl.id, tpl.currentVersion]);

  const change = (next: ChecklistItem[]) => {
    setDraft(next);
    setIssues(new Map());
  };

  return (
    <>
      {manage ? (
        dirty ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="template-draft"
            title={t('inspectionsAdmin.template.draftTitle')}
            description={<ChangeSummary changes={changes} />}
            action={
              <Space orientation="vertical" size={8}>
                <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)} data-testid="template-publish">
                  {t('inspectionsAdmin.template.publish')}
                </Button>
                <Popconfirm title={t('inspectionsAdmin.template.discardConfirm')} okText={t('inspectionsAdmin.template.discard')} cancelText={t('common.cancel')} onConfirm={() => change(current)}>
                  <Button icon={<RollbackOutlined />} block data-testid="template-discard">
                    {t('inspectionsAdmin.template.discard')}
                  </Button>
                </Popconfirm>
              </Space>
            }
          />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('inspectionsAdmin.template.editHint')}
            action={
              <Tooltip title={t('inspectionsAdmin.template.nothingToPublish')}>
                <Button type="primary" icon={<SendOutlined />} disabled data-testid="template-publish">
                  {t('inspectionsAdmin.template.publish')}
                </Button>
              </Tooltip>
            }
          />
        )
      ) : null}
      <ChecklistByPlace items={items} onChange={manage ? change : undefined} issues={issues} onEdit={setEditing} />
      {editing ? <ItemDialog items={items} target={editing} onClose={() => setEditing(null)} onSave={change} /> : null}
      {publishing ? (
        <PublishDialog
          tpl={tpl}
          items={items}
          changes={changes}
          onClose={() => setPublishing(false)}
          onIssues={setIssues}
          onPublished={() => {
            writeDraft(tpl.id, null);
            setPublishing(false);
          }}
        />
      ) : null}
    </>
  );
}

function ChangeSummary({ changes }: { changes: VersionChanges }) {
  const { t } = useTranslation();
  const line = (key: 'added' | 'changed' | 'removed', titles: string[], color: string) =>
    titles.length ? (
      <div data-testid={`template-changes-${key}`}>
        <Tag color={color} style={{ marginInlineEnd: 8 }}>
          {t(`inspectionsAdmin.template.changes.${key}`, { count: titles.length })}
        </Tag>
        <Typography.Text type="secondary">{titles.join(t('common.listSeparator'))}</Typography.Text>
      </div>
    ) : null;
  return (
    <Space orientation="vertical" size={4}>
      {line('added', changes.added, 'green')}
      {line('changed', changes.changed, 'blue')}
      {line('removed', changes.removed, 'red')}
      {changes.moved ? <Typography.Text type="secondary">{t('inspectionsAdmin.template.changes.moved')}</Typography.Text> : null}
    </Space>
  );
}

/** 发布为新版本: a note, what changes, and that running rounds keep their version. */
function PublishDialog({ tpl, items, changes, onClose, onIssues, onPublished }: { tpl: Template; items: ChecklistItem[]; changes: VersionChanges; onClose: () => void; onIssues: (m: Map<number, string[]>) => void; onPublished: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const publish = usePublishVersion();
  const [form] = Form.useForm<{ note?: string }>();
  const [problems, setProblems] = useState<string[]>([]);
  const submit = async () => {
    const { note } = form.getFieldsValue();
    try {
      await publish.mutateAsync({ id: tpl.id, body: { items: items.map(cleanItem), note: note?.trim() || null } });
      void message.success(t('inspectionsAdmin.template.published', { version: tpl.currentVersion + 1 }));
      onPublished();
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.length) {
        const byItem = new Map<number, string[]>();
        const lines: string[] = [];
        for (const issue of e.fieldIssues) {
          const i = itemIndexOf(issue.path);
          if (i === null) {
            lines.push(issue.message);
            continue;
          }
          byItem.set(i, [...(byItem.get(i) ?? []), issue.message]);
          lines.push(`${items[i]?.title ?? issue.path}${t('common.colon')}${issue.message}`);
        }
        onIssues(byItem);
        setProblems(lines);
        return;
      }
      showError(e, form);
    }
  };
  return (
    <FormDialog
      open
      busy={publish.isPending}
      onClose={onClose}
      onSubmit={() => void submit()}
      title={t('inspectionsAdmin.template.publishTitle', { name: tpl.name, version: tpl.currentVersion + 1 })}
      submitText={t('inspectionsAdmin.template.publishConfirm')}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('inspectionsAdmin.template.publishHint', { version: tpl.currentVersion })} />
      <ChangeSummary changes={changes} />
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('inspectionsAdmin.template.publishProblems', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="template-publish-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item name="note" label={t('inspectionsAdmin.template.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('inspectionsAdmin.template.notePlaceholder')} data-testid="template-note" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function OldVersion({ tpl, version }: { tpl: Template; version: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const query = useTemplateVersion(tpl.id, version);
  if (query.isPending) return <PageSkeleton rows={8} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const v = query.data;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="template-old-version"
        title={t('inspectionsAdmin.template.oldVersion', { version: v.version, current: tpl.currentVersion })}
        description={v.note ? t('inspectionsAdmin.template.versionNote', { note: v.note }) : undefined}
        action={
          <Space orientation="vertical" size={8}>
            <Link to={`/inspections/templates/${tpl.id}`}>
              <Button block>{t('inspectionsAdmin.template.backToCurrent')}</Button>
            </Link>
            {can('inspections.manage') ? (
              <Button
                block
                onClick={() => {
                  writeDraft(tpl.id, { baseVersion: tpl.currentVersion, items: v.items });
                  void navigate(`/inspections/templates/${tpl.id}`);
                }}
                data-testid="template-restore"
              >
                {t('inspectionsAdmin.template.restore')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <ChecklistByPlace items={v.items} />
    </>
  );
}

function Versions({ tpl, viewing }: { tpl: Template; viewing: number }) {
  const { t } = useTranslation();
  const versions = [...tpl.versions].sort((a, b) => b.version - a.version);
  return (
    <Card title={t('inspectionsAdmin.template.versions')} size="small" data-testid="template-versions">
      <Flex vertical gap={4}>
        {versions.map((v) => {
          const current = v.version === tpl.currentVersion;
          const here = v.version === viewing;
          return (
            <Flex key={v.id} justify="space-between" align="flex-start" gap={8} style={{ background: here ? '#f0f5ff' : undefined, padding: '8px 10px', borderRadius: 6 }} data-testid={`template-version-${v.version}`}>
              <div style={{ minWidth: 0 }}>
                <Space size={6}>
                  <Typography.Text strong>{t('inspectionsAdmin.common.version', { version: v.version })}</Typography.Text>
                  {current ? <Tag color="blue">{t('inspectionsAdmin.template.currentTag')}</Tag> : null}
                </Space>
                <div>{v.note ?? <Typography.Text type="secondary">{t('inspectionsAdmin.template.noNote')}</Typography.Text>}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(v.createdAt)} · {t('inspectionsAdmin.template.itemCount', { count: v.itemCount })}
                </Typography.Text>
              </div>
              {here ? (
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {t('inspectionsAdmin.template.viewing')}
                </Typography.Text>
              ) : (
                <Link to={current ? `/inspections/templates/${tpl.id}` : `/inspections/templates/${tpl.id}?version=${v.version}`} style={{ whiteSpace: 'nowrap' }} data-testid={`template-view-version-${v.version}`}>
                  {t('common.view')}
                </Link>
              )}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
