// The inspection record on a phone: the park's places (entrance, buildings, enterprises picked
// from the park's, inner area), each opened to its checklist items of the task's version (the
// place in the URL, so a reload or the back button keeps you where you were); every answer is
// saved at once. Before submitting, a summary lists what is missing (and, if the server refuses,
// what it named, on the items); submission asks for confirmation, locks the task and shows the
// findings it made with their numbers. The policies explained on the visit (政策宣贯) are written
// beside the submission and saved when the field is left; read-only once submitted.
import { useEffect, useMemo, useState } from 'react';
import { AimOutlined, ArrowLeftOutlined, CheckCircleFilled, EnvironmentOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Progress, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ChecklistItem, InspectionPlace } from '@shuangsheng/contracts';
import { ApiError, type FieldIssue } from '../../../api/client';
import { useSession } from '../../../app/session';
import { useApiError } from '../../../components/useApiError';
import { useAddPlace, useParkBuildings, useParkEnterprises, usePatchTask, useRememberPhoto, useTaskAction, type FindingRow, type PlaceRow, type TaskFull } from './api';
import { DispositionTag, FindingStatusTag, useInspectionWords } from './components/display';
import { ItemCard } from './components/ItemCard';
import { TaskHeader } from './components/TaskHeader';
import { issueTarget, itemsFor, missingForSubmission, placeKindsOf, placeProgress, taskProgress, type Missing } from './helpers';
import { useGeo, type Geo } from './useGeo';

export function InspectionRecord({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const geo = useGeo();
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const items = useMemo(() => task.templateVersion?.items ?? [], [task.templateVersion]);
  const mine = me.permissions.includes('inspections.manage') || (me.permissions.includes('inspections.inspect') && task.inspector?.id === me.id);
  const editable = mine && task.status !== 'submitted';
  const placeId = params.get('place');
  const place = placeId ? task.places.find((p) => p.id === placeId) : undefined;

  const open = (id: string | null, itemKey?: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set('place', id);
    else next.delete('place');
    if (itemKey) next.set('item', itemKey);
    else next.delete('item');
    setParams(next);
    if (!id) window.scrollTo(0, 0);
  };

  const { answered, expected } = taskProgress(task.places, items);
  const geoSwitch = editable ? <GeoSwitch geo={geo} /> : null;

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="inspection-record">
      <TaskHeader task={task} extra={geoSwitch}>
        {expected ? (
          <Progress percent={Math.round((answered / expected) * 100)} format={() => `${answered} / ${expected}`} size="small" style={{ marginTop: 6 }} data-testid="task-progress" />
        ) : null}
      </TaskHeader>
      {!task.templateVersion ? <Alert type="error" showIcon title={t('inspectionsField.task.noChecklist')} /> : null}
      {!mine && task.status !== 'submitted' ? <Alert type="info" showIcon title={t('inspectionsField.task.notMine')} style={{ marginBottom: 12 }} /> : null}
      {place ? (
        <PlaceChecklist task={task} place={place} items={items} editable={editable} geo={geo} issues={serverIssues} onBack={() => open(null)} focus={params.get('item')} />
      ) : (
        <>
          {task.status === 'submitted' ? <FindingsMade findings={task.findings} /> : null}
          <PlacesOverview task={task} items={items} editable={editable} onOpen={open} />
          {editable || task.policiesExplained ? <PoliciesCard task={task} editable={editable} /> : null}
          {editable ? <SubmitCard task={task} items={items} issues={serverIssues} onIssues={setServerIssues} onOpen={open} /> : null}
        </>
      )}
    </div>
  );
}

function GeoSwitch({ geo }: { geo: Geo }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={6} data-testid="geo" data-state={geo.state}>
      <EnvironmentOutlined style={{ color: geo.state === 'ok' ? '#52c41a' : 'rgba(0,0,0,0.45)' }} />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t(`inspectionsField.geo.${geo.state}`)}
      </Typography.Text>
      <Switch size="small" checked={geo.on} onChange={geo.toggle} aria-label={t('inspectionsField.geo.label')} data-testid="geo-toggle" />
    </Flex>
  );
}

// ---- places
function PlacesOverview({ task, items, editable, onOpen }: { task: TaskFull; items: readonly ChecklistItem[]; editable: boolean; onOpen: (placeId: string) => void }) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  const kinds = placeKindsOf(items);
  return (
    <Card title={t('inspectionsField.places.title')} size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }} data-testid="places">
      {!task.places.length && editable ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('inspectionsField.places.hint')}
        </Typography.Paragraph>
      ) : null}
      {kinds.map((kind) => (
        <div key={kind} style={{ marginBottom: 14 }} data-testid={`places-${kind}`}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {w.place[kind]}
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12, marginInlineStart: 6 }}>
              {t('inspectionsField.places.itemCount', { count: itemsFor(items, kind).length })}
            </Typography.Text>
          </Typography.Text>
          {task.places
            .filter((p) => p.place === kind)
            .map((p) => (
              <PlaceRowButton key={p.id} place={p} items={items} onOpen={() => onOpen(p.id)} />
            ))}
          {editable ? (
            <AddPlace task={task} kind={kind} onAdded={onOpen} />
          ) : task.places.some((p) => p.place === kind) ? null : (
            <Typography.Text type="secondary" data-testid={`places-${kind}-none`}>
              {t('inspectionsField.places.none')}
            </Typography.Text>
          )}
        </div>
      ))}
    </Card>
  );
}

function PlaceRowButton({ place, items, onOpen }: { place: PlaceRow; items: readonly ChecklistItem[]; onOpen: () => void }) {
  const { t } = useTranslation();
  const p = placeProgress(place, items);
  return (
    <Button
      block
      onClick={onOpen}
      style={{ height: 'auto', minHeight: 52, padding: '8px 12px', marginBottom: 6, textAlign: 'start', justifyContent: 'space-between', whiteSpace: 'normal' }}
      data-testid="place-row"
      data-place={place.place}
      data-label={place.label}
      data-done={p.done ? 'true' : 'false'}
    >
      <Flex align="center" gap={8} style={{ width: '100%' }}>
        {p.done ? <CheckCircleFilled style={{ color: p.failed ? '#ff4d4f' : '#52c41a', fontSize: 18 }} /> : <AimOutlined style={{ color: '#1677ff', fontSize: 18 }} />}
        <span style={{ flex: 1, minWidth: 0 }}>
          <span style={{ display: 'block', fontWeight: 500 }}>{place.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inspectionsField.places.progress', { answered: p.answered, total: p.total })}
            {p.failed ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {' · '}
                {t('inspectionsField.places.failed', { count: p.failed })}
              </Typography.Text>
            ) : null}
          </Typography.Text>
        </span>
        <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
      </Flex>
    </Button>
  );
}

/** Entrance and inner area: one button (the server returns the place if it is there); buildings and enterprises: pick from the park's. */
function AddPlace({ task, kind, onAdded }: { task: TaskFull; kind: InspectionPlace; onAdded: (placeId: string) => void }) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  const showError = useApiError();
  const add = useAddPlace(task.id);
  const buildings = useParkBuildings(kind === 'building' ? task.parkId : undefined);
  const enterprises = useParkEnterprises(kind === 'enterprise' ? task.parkId : undefined);
  const taken = new Set(task.places.filter((p) => p.place === kind).map((p) => (kind === 'building' ? p.buildingId : p.enterpriseId)));

  const create = async (body: Parameters<typeof add.mutateAsync>[0]) => {
    try {
      const place = await add.mutateAsync(body);
      onAdded(place.id);
    } catch (e) {
      showError(e);
    }
  };

  if (kind === 'entrance' || kind === 'inner') {
    if (task.places.some((p) => p.place === kind)) return null;
    return (
      <Button block size="large" type="dashed" loading={add.isPending} onClick={() => void create({ place: kind })} data-testid={`place-add-${kind}`}>
        {t('inspectionsField.places.start', { place: w.place[kind] })}
      </Button>
    );
  }
  if (kind === 'building') {
    const options = (buildings.data ?? []).filter((b) => !taken.has(b.id)).map((b) => ({ value: b.id, label: b.name }));
    return (
      <Select
        size="large"
        style={{ width: '100%' }}
        value={null}
        placeholder={t('inspectionsField.places.addBuilding')}
        options={options}
        loading={buildings.isPending || add.isPending}
        disabled={add.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        notFoundContent={buildings.isPending ? null : t('inspectionsField.places.noneLeft')}
        onChange={(id: string) => void create({ place: 'building', buildingId: id })}
        data-testid="place-add-building"
      />
    );
  }
  const options = (enterprises.data ?? [])
    .filter((e) => !taken.has(e.id))
    .map((e) => ({ value: e.id, label: e.buildingName ? `${e.name}（${e.buildingName}）` : e.name, buildingId: e.buildingId }));
  return (
    <Select
      size="large"
      style={{ width: '100%' }}
      value={null}
      placeholder={t('inspectionsField.places.addEnterprise')}
      options={options}
      loading={enterprises.isPending || add.isPending}
      disabled={add.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={enterprises.isPending ? null : t('inspectionsField.places.noneLeft')}
      onChange={(id: string) => {
        const e = options.find((o) => o.value === id);
        void create({ place: 'enterprise', enterpriseId: id, buildingId: e?.buildingId ?? null });
      }}
      data-testid="place-add-enterprise"
    />
  );
}

function PlaceChecklist({
  task,
  place,
  items,
  editable,
  geo,
  issues,
  onBack,
  focus,
}: {
  task: TaskFull;
  place: PlaceRow;
  items: readonly ChecklistItem[];
  editable: boolean;
  geo: Geo;
  issues: readonly FieldIssue[];
  onBack: () => void;
  focus: string | null;
}) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  const rememberPhoto = useRememberPhoto(task.id);
  const asked = itemsFor(items, place.place);
  const p = placeProgress(place, items);
  const answers = new Map(place.answers.map((a) => [a.itemKey, a]));

  useEffect(() => {
    if (focus) document.querySelector(`[data-testid="item-${CSS.escape(focus)}"]`)?.scrollIntoView({ block: 'center' });
    else window.scrollTo(0, 0);
  }, [focus, place.id]);

  const issuesOf = (itemKey: string) =>
    issues.filter((i) => {
      const target = issueTarget(i.path);
      return target?.placeId === place.id && target.itemKey === itemKey;
    }).map((i) => i.message);

  return (
    <div data-testid="place-checklist" data-place={place.place} data-label={place.label}>
      <Card size="small" style={{ position: 'sticky', top: 56, zIndex: 5, marginBottom: 12 }} styles={{ body: { padding: '8px 12px' } }}>
        <Flex align="center" gap={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('inspectionsField.places.back')} data-testid="place-back" />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {place.label}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {w.place[place.place]} · {t('inspectionsField.places.progress', { answered: p.answered, total: p.total })}
            </Typography.Text>
          </div>
          <Progress type="circle" size={36} percent={p.total ? Math.round((p.answered / p.total) * 100) : 0} status={p.failed ? 'exception' : undefined} format={() => `${p.answered}`} />
        </Flex>
      </Card>
      {asked.map((item) => (
        <ItemCard
          key={`${place.id}-${item.key}`}
          taskId={task.id}
          placeId={place.id}
          item={item}
          answer={answers.get(item.key)}
          editable={editable}
          foundOn={task.dueDate}
          geo={geo}
          issues={issuesOf(item.key)}
          onPhoto={rememberPhoto}
        />
      ))}
      <Button block size="large" type={p.done && editable ? 'primary' : 'default'} onClick={onBack} data-testid="place-done" style={{ marginBottom: 24 }}>
        {p.done && editable ? t('inspectionsField.places.doneBack') : t('inspectionsField.places.back')}
      </Button>
    </div>
  );
}

// ---- policies explained (政策宣贯)
/** The policies explained to the park's enterprises: saved when the field is left (or read-only). */
function PoliciesCard({ task, editable }: { task: TaskFull; editable: boolean }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const patch = usePatchTask(task.id);
  const saved = task.policiesExplained ?? '';
  const [text, setText] = useState(saved);
  const [failed, setFailed] = useState(false);
  // The task changed elsewhere (a refetch): follow it unless something is being typed.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    if (text === shown) setText(saved);
  }

  const flush = async () => {
    if (!editable || text.trim() === saved) return;
    try {
      await patch.mutateAsync({ policiesExplained: text });
      setFailed(false);
    } catch (e) {
      setFailed(true);
      showError(e);
    }
  };

  return (
    <Card title={t('inspectionsField.policies.title')} size="small" style={{ marginBottom: 12 }} data-testid="policies-card">
      {editable ? (
        <>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void flush()}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('inspectionsField.policies.hint')}
            aria-label={t('inspectionsField.policies.title')}
            data-testid="policies-explained"
          />
          <Typography.Text type={failed ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="policies-state">
            {patch.isPending ? t('inspectionsField.policies.saving') : failed ? t('inspectionsField.policies.failed') : text.trim() === saved && saved ? t('inspectionsField.policies.saved') : t('inspectionsField.policies.saveOnBlur')}
          </Typography.Text>
        </>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="policies-explained-text">
          {saved}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

// ---- submission
function SubmitCard({
  task,
  items,
  issues,
  onIssues,
  onOpen,
}: {
  task: TaskFull;
  items: readonly ChecklistItem[];
  issues: readonly FieldIssue[];
  onIssues: (issues: FieldIssue[]) => void;
  onOpen: (placeId: string | null, itemKey?: string) => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const act = useTaskAction(task.id);
  const { blocking, reminders } = missingForSubmission(task, items);
  const unanswered = reminders.reduce((n, r) => n + (r.kind === 'unanswered' ? r.count : 0), 0);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const placeById = new Map(task.places.map((p) => [p.id, p]));

  const submit = async () => {
    try {
      const done = await act.mutateAsync({ action: 'submit' });
      onIssues([]);
      void message.success(t('inspectionsField.submit.done', { count: done.findings?.length ?? 0 }));
      window.scrollTo(0, 0);
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.length) {
        onIssues(e.fieldIssues);
        void message.error(t('inspectionsField.submit.refused', { count: e.fieldIssues.length }));
      } else showError(e);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: t('inspectionsField.submit.confirmTitle'),
      content: (
        <div>
          <p>{t('inspectionsField.submit.confirmLock')}</p>
          <p>{t('inspectionsField.submit.confirmCounts', { places: task.places.length, answered: task.answered, failed: task.failed })}</p>
          {unanswered ? <p style={{ color: '#d46b08' }}>{t('inspectionsField.submit.confirmUnanswered', { count: unanswered })}</p> : null}
        </div>
      ),
      okText: t('inspectionsField.submit.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-submit' } as never,
      onOk: () => submit(),
    });

  const line = (m: Missing, i: number) => {
    if (m.kind === 'noPlaces') return <li key={i}>{t('inspectionsField.submit.noPlaces')}</li>;
    const target = m.kind === 'unanswered' ? undefined : m.itemKey;
    const text =
      m.kind === 'unanswered'
        ? t('inspectionsField.submit.unanswered', { place: m.placeLabel, count: m.count })
        : m.kind === 'photo'
          ? t('inspectionsField.submit.photo', { place: m.placeLabel, item: m.itemTitle })
          : `${m.placeLabel} · ${m.itemTitle}：${m.lacks.map((l) => t(`inspectionsField.lacks.${l}`)).join('；')}`;
    return (
      <li key={i}>
        <Typography.Link onClick={() => onOpen(m.placeId, target)} data-testid="missing-link">
          {text}
        </Typography.Link>
      </li>
    );
  };

  // What the server named when it refused (mapped back to the place and item where it can be).
  const serverLines = issues.map((i, n) => {
    const target = issueTarget(i.path);
    const place = target ? placeById.get(target.placeId) : undefined;
    const item = target?.itemKey ? byKey.get(target.itemKey) : undefined;
    const where = place ? `${place.label}${item ? ` · ${item.title}` : ''}：` : '';
    return (
      <li key={`s${n}`}>
        {place ? (
          <Typography.Link type="danger" onClick={() => onOpen(place.id, item?.key)} data-testid="server-issue">
            {where}
            {i.message}
          </Typography.Link>
        ) : (
          <span data-testid="server-issue">{i.message}</span>
        )}
      </li>
    );
  });

  return (
    <Card title={t('inspectionsField.submit.title')} size="small" style={{ marginBottom: 24 }} data-testid="submit-card" data-blocking={blocking.length}>
      {issues.length ? (
        <Alert type="error" showIcon title={t('inspectionsField.submit.serverTitle')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{serverLines}</ul>} style={{ marginBottom: 10 }} data-testid="submit-server-issues" />
      ) : null}
      {blocking.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('inspectionsField.submit.blockingTitle', { count: blocking.length })}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{blocking.map(line)}</ul>}
          style={{ marginBottom: 10 }}
          data-testid="submit-missing"
        />
      ) : null}
      {reminders.length ? (
        <Alert
          type="info"
          showIcon
          title={t('inspectionsField.submit.remindersTitle', { count: unanswered })}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{reminders.map(line)}</ul>}
          style={{ marginBottom: 10 }}
          data-testid="submit-reminders"
        />
      ) : null}
      {!blocking.length && !reminders.length && !issues.length ? <Alert type="success" showIcon title={t('inspectionsField.submit.ready')} style={{ marginBottom: 10 }} data-testid="submit-ready" /> : null}
      <Button type="primary" size="large" block icon={<SendOutlined />} disabled={blocking.length > 0} loading={act.isPending} onClick={confirm} data-testid="task-submit">
        {t('inspectionsField.submit.submit')}
      </Button>
    </Card>
  );
}

function FindingsMade({ findings }: { findings: readonly FindingRow[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: '#b7eb8f', background: '#f6ffed' }} data-testid="findings-made" data-count={findings.length}>
      <Space align="start">
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20, marginTop: 2 }} />
        <div>
          <Typography.Text strong>{t('inspectionsField.submit.submitted')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>
            {findings.length ? t('inspectionsField.submit.findingsMade', { count: findings.length }) : t('inspectionsField.submit.noFindings')}
          </Typography.Paragraph>
        </div>
      </Space>
      {findings.map((f) => (
        <div key={f.id} style={{ padding: '8px 0', borderTop: '1px solid #d9f7be' }} data-testid="finding-made" data-number={f.number} data-disposition={f.disposition} data-item={f.itemKey}>
          <Flex justify="space-between" gap={8} wrap>
            <Link to={`/inspections/ledger/${f.id}`} style={{ fontFamily: 'monospace', fontWeight: 600 }} data-testid="finding-made-link">
              {f.number}
            </Link>
            <span>
              <DispositionTag disposition={f.disposition} />
              {f.status === 'fixed_on_spot' ? null : <FindingStatusTag status={f.status} overdue={f.overdue} />}
            </span>
          </Flex>
          <div>
            {f.placeLabel} · {f.itemTitle}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {f.description}
            {f.disposition === 'ledger' && f.deadline ? ` · ${t('inspectionsField.finding.deadlineOn', { date: f.deadline })}` : ''}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
