// One checklist item at one place, made for a thumb: a check item is three big buttons
// (符合 / 不符合 / 不适用), a number item a numeric field with its unit and standard and the
// result shown as it is typed; photos from the camera; a failed item opens its disposition —
// 立行立改 with the photo after the fix, or 列入台账 with who, how and by when. Every change is
// saved at once (PUT answers), one save after another per item, so the last one wins.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleOutlined, LoadingOutlined, MinusCircleFilled } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Input, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AnswerResult, ChecklistItem, FindingDisposition, FindingDraft } from '@shuangsheng/contracts';
import { ApiError } from '../../../../api/client';
import { useApiError } from '../../../../components/useApiError';
import { formatDateTime } from '../../../../lib/format';
import { useSaveAnswer, type AnswerInput, type AnswerRow, type Photo } from '../api';
import { addDays, draftLacks, inRange, numberResult, rangeText, standardText, type DraftLack } from '../helpers';
import type { Geo } from '../useGeo';
import { DispositionTag, ResultTag, SeverityTag, useInspectionWords } from './display';
import { PhotoField } from './PhotoField';

type Draft = { disposition: FindingDisposition | null; description: string; afterPhotoFileIds: string[]; responsibleParty: string; measure: string; deadline: string | null };
type Local = { result: AnswerResult | null; valueText: string; note: string; photoFileIds: string[]; draft: Draft };
type SaveState = 'idle' | 'saving' | 'saved' | 'error';

function initial(answer: AnswerRow | undefined): Local {
  const f = answer?.finding ?? null;
  return {
    result: answer?.result ?? null,
    valueText: answer?.value != null ? String(answer.value) : '',
    note: answer?.note ?? '',
    photoFileIds: answer?.photoFileIds ?? [],
    draft: {
      disposition: f?.disposition ?? null,
      description: f?.description ?? '',
      afterPhotoFileIds: f?.afterPhotoFileIds ?? [],
      responsibleParty: f?.responsibleParty ?? '',
      measure: f?.measure ?? '',
      deadline: f?.deadline ?? null,
    },
  };
}

/** The number typed, if it is one. */
function parsed(text: string): number | null {
  if (!text.trim()) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** What the item's result is, as typed (number items follow their standard). */
function resultOf(item: ChecklistItem, local: Local): AnswerResult | null {
  if (item.kind === 'check') return local.result;
  const v = parsed(local.valueText);
  return v === null || !inRange(item, v) ? null : numberResult(item, v);
}

/** The draft as the API takes it, once it says at least how and what. */
function draftBody(d: Draft): FindingDraft | null {
  if (!d.disposition || d.description.trim().length < 2) return null;
  const measure = d.measure.trim();
  return {
    disposition: d.disposition,
    description: d.description.trim(),
    afterPhotoFileIds: d.afterPhotoFileIds,
    responsibleParty: d.responsibleParty.trim() || null,
    measure: measure.length >= 2 ? measure : null,
    deadline: d.deadline,
  };
}

/** The answer as the API takes it, or null while there is nothing to save (no result, no sane number). */
function bodyOf(item: ChecklistItem, placeId: string, l: Local, position: { latitude: number; longitude: number } | null): AnswerInput | null {
  const result = resultOf(item, l);
  if (!result) return null;
  const base: AnswerInput = {
    placeId,
    itemKey: item.key,
    note: l.note.trim() || null,
    photoFileIds: l.photoFileIds,
    finding: result === 'fail' ? draftBody(l.draft) : null,
    ...(position ? { latitude: position.latitude, longitude: position.longitude } : {}),
  };
  return item.kind === 'check' ? { ...base, result } : { ...base, value: parsed(l.valueText) };
}

/** What the draft on screen still lacks for submission. */
function localLacks(d: Draft, foundOn: string): DraftLack[] {
  if (!d.disposition) return draftLacks(null, foundOn);
  const measure = d.measure.trim();
  return draftLacks({ ...d, disposition: d.disposition, responsibleParty: d.responsibleParty.trim() || null, measure: measure.length >= 2 ? measure : null }, foundOn);
}

/** The three answers of a check item, as big buttons with their colour and icon. */
const RESULT_BUTTONS = [
  { result: 'pass', color: 'green', icon: <CheckCircleFilled style={{ fontSize: 18 }} /> },
  { result: 'fail', color: 'danger', icon: <CloseCircleFilled style={{ fontSize: 18 }} /> },
  { result: 'na', color: 'default', icon: <MinusCircleFilled style={{ fontSize: 18 }} /> },
] as const;

type Props = {
  taskId: string;
  placeId: string;
  item: ChecklistItem;
  answer: AnswerRow | undefined;
  editable: boolean;
  /** The task's day: a ledger deadline may not be before it. */
  foundOn: string;
  geo: Geo;
  /** Messages the server gave for this item when submission was refused. */
  issues?: readonly string[];
  onPhoto: (photo: Photo) => void;
};

export function ItemCard({ taskId, placeId, item, answer, editable, foundOn, geo, issues = [], onPhoto }: Props) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  const showError = useApiError();
  const save = useSaveAnswer(taskId);
  const [local, setLocal] = useState<Local>(() => initial(answer));
  const current = useRef(local);
  const [saveState, setSaveState] = useState<SaveState>(answer ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<number | null>(answer?.answeredAt ?? null);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const lastSent = useRef<string | null>(answer ? JSON.stringify(bodyOf(item, placeId, initial(answer), null)) : null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = `item-${item.key}`;


  const persist = (l: Local) => {
    const body = bodyOf(item, placeId, l, geo.current());
    if (!body) return;
    // The same answer again (a blur after the debounce) is not sent twice; the position alone does not count.
    const signature = JSON.stringify(bodyOf(item, placeId, l, null));
    if (signature === lastSent.current) return;
    lastSent.current = signature;
    const mine = ++seq.current;
    setSaveState('saving');
    chain.current = chain.current.then(() =>
      save.mutateAsync(body).then(
        (saved) => {
          if (mine !== seq.current) return;
          setSaveState('saved');
          setSavedAt(saved.answeredAt);
          setFieldErrors([]);
        },
        (e: unknown) => {
          lastSent.current = null;
          if (mine !== seq.current) return;
          setSaveState('error');
          if (e instanceof ApiError && e.fieldIssues.length) setFieldErrors(e.fieldIssues.map((i) => i.message));
          else showError(e);
        },
      ),
    );
  };

  // Leaving the place while a text waits for its save (a tap on 返回): it is saved, not lost.
  const persistLatest = useRef(persist);
  persistLatest.current = persist;
  useEffect(
    () => () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      persistLatest.current(current.current);
    },
    [],
  );

  /** Changes the item on screen and saves it (now, or after typing stops for numbers and texts). */
  const change = (patch: Partial<Local>, when: 'now' | 'soon' = 'now') => {
    const next = { ...current.current, ...patch };
    current.current = next;
    setLocal(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (when === 'now') persist(next);
    else
      timer.current = setTimeout(() => {
        timer.current = null;
        persist(current.current);
      }, 800);
  };
  const changeDraft = (patch: Partial<Draft>, when: 'now' | 'soon' = 'now') => change({ draft: { ...current.current.draft, ...patch } }, when);
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    persist(current.current);
  };

  const result = resultOf(item, local);
  const value = parsed(local.valueText);
  const outOfRange = item.kind === 'number' && value !== null && !inRange(item, value);
  const failed = result === 'fail';
  const lacks: DraftLack[] = failed ? localLacks(local.draft, foundOn) : [];
  const photoMissing = item.photoRequired && result !== null && result !== 'na' && !local.photoFileIds.length;

  const choose = (r: AnswerResult) => {
    if (!editable) return;
    const next: Partial<Local> = { result: r };
    if (r === 'fail' && !current.current.draft.description) next.draft = { ...current.current.draft, description: t('inspectionsField.item.defaultDescription', { title: item.title }) };
    change(next);
  };

  const onValue = (v: number | null) => {
    const text = v === null ? '' : String(v);
    const n = parsed(text);
    const next: Partial<Local> = { valueText: text };
    // A failing number gets a description with what was measured, to edit.
    if (n !== null && inRange(item, n) && numberResult(item, n) === 'fail' && !current.current.draft.description) {
      next.draft = { ...current.current.draft, description: t('inspectionsField.item.defaultNumberDescription', { title: item.title, value: `${n}${item.unit ? ` ${item.unit}` : ''}`, standard: standardText(item) }) };
    }
    change(next, 'soon');
  };

  const saveHint =
    saveState === 'saving' ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <LoadingOutlined /> {t('inspectionsField.item.saving')}
      </Typography.Text>
    ) : saveState === 'saved' && savedAt ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('inspectionsField.item.savedAt', { time: formatDateTime(savedAt).slice(11) })}
      </Typography.Text>
    ) : saveState === 'error' ? (
      <Button type="link" size="small" danger onClick={flush} style={{ padding: 0, height: 'auto' }} data-testid={`${id}-retry`}>
        {t('inspectionsField.item.saveFailed')}
      </Button>
    ) : null;

  if (!editable) return <ItemRecord id={id} taskId={taskId} item={item} answer={answer} />;

  const big = { height: 60, fontSize: 15, flex: 1, minWidth: 0, padding: '4px 6px', whiteSpace: 'normal' } as const;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: failed ? '#ffccc7' : issues.length ? '#ff4d4f' : undefined }}
      styles={{ body: { padding: 14 } }}
      data-testid={id}
      data-result={result ?? ''}
      data-save={saveState}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {item.title}
        </Typography.Text>
        <span style={{ flexShrink: 0 }}>{saveHint}</span>
      </Flex>
      <Space size={4} wrap style={{ margin: '6px 0' }}>
        <SeverityTag severity={item.severity} />
        {item.photoRequired ? <Tag color={photoMissing ? 'red' : 'blue'}>{t('inspectionsField.item.photoRequired')}</Tag> : null}
        {item.kind === 'number' ? <Tag>{t('inspectionsField.item.standard', { standard: standardText(item) })}</Tag> : null}
      </Space>
      {item.guidance ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '0 0 10px' }}>
          {item.guidance}
        </Typography.Paragraph>
      ) : null}

      {item.kind === 'check' ? (
        <Flex gap={8}>
          {RESULT_BUTTONS.map(({ result: r, color, icon }) => (
            <Button
              key={r}
              style={big}
              color={color}
              variant={local.result === r ? 'solid' : 'outlined'}
              autoInsertSpace={false}
              disabled={!editable}
              onClick={() => choose(r)}
              aria-pressed={local.result === r}
              data-testid={`${id}-${r}`}
            >
              <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2, lineHeight: 1.2 }}>
                {icon}
                <span>{w.result[r]}</span>
              </span>
            </Button>
          ))}
        </Flex>
      ) : (
        <div>
          <Flex gap={8} align="center">
            <InputNumber
              size="large"
              inputMode="decimal"
              style={{ flex: 1, maxWidth: 260 }}
              value={value}
              onChange={(v) => onValue(typeof v === 'number' ? v : null)}
              onBlur={flush}
              onPressEnter={flush}
              disabled={!editable}
              suffix={item.unit ?? undefined}
              placeholder={t('inspectionsField.item.valuePlaceholder')}
              status={outOfRange ? 'error' : undefined}
              aria-label={item.title}
              data-testid={`${id}-value`}
            />
            {result ? <ResultTag result={result} testId={`${id}-result`} /> : null}
          </Flex>
          {outOfRange ? (
            <Typography.Text type="danger" style={{ fontSize: 13 }} data-testid={`${id}-range`}>
              {t('inspectionsField.item.outOfRange', { range: rangeText(item) })}
            </Typography.Text>
          ) : rangeText(item) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspectionsField.item.range', { range: rangeText(item) })}
            </Typography.Text>
          ) : null}
        </div>
      )}

      <div style={{ marginTop: 12 }}>
        <PhotoField
          taskId={taskId}
          value={local.photoFileIds}
          onChange={editable ? (ids) => change({ photoFileIds: ids }) : undefined}
          onUploaded={onPhoto}
          disabled={!editable}
          required={photoMissing}
          label={failed ? t('inspectionsField.photos.problem') : undefined}
          testId={`${id}-photos`}
        />
        {photoMissing ? (
          <Typography.Text type="danger" style={{ fontSize: 13 }}>
            {t('inspectionsField.item.photoMissing')}
          </Typography.Text>
        ) : null}
      </div>

      {editable || local.note ? (
        <Input.TextArea
          value={local.note}
          onChange={(e) => change({ note: e.target.value }, 'soon')}
          onBlur={flush}
          disabled={!editable}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          placeholder={t('inspectionsField.item.notePlaceholder')}
          style={{ marginTop: 10 }}
          data-testid={`${id}-note`}
        />
      ) : null}

      {failed ? <DispositionBox id={id} taskId={taskId} draft={local.draft} lacks={lacks} editable={editable} foundOn={foundOn} onChange={changeDraft} onFlush={flush} onPhoto={onPhoto} /> : null}

      {[...fieldErrors, ...issues].map((m, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block', marginTop: 6 }} data-testid={`${id}-error`}>
          <ExclamationCircleOutlined /> {m}
        </Typography.Text>
      ))}
    </Card>
  );
}

/** A submitted (or someone else's) answer, read only: the result as a tag, what was measured, photos, the disposition. */
function ItemRecord({ id, taskId, item, answer }: { id: string; taskId: string; item: ChecklistItem; answer: AnswerRow | undefined }) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  const f = answer?.finding ?? null;
  const line = (label: string, value: ReactNode) => (
    <div style={{ marginTop: 6 }}>
      <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
        {label}
      </Typography.Text>
      {value}
    </div>
  );
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: answer?.result === 'fail' ? '#ffccc7' : undefined }} styles={{ body: { padding: 14 } }} data-testid={id} data-result={answer?.result ?? ''}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {item.title}
        </Typography.Text>
        {answer ? <ResultTag result={answer.result} testId={`${id}-result`} /> : <Tag>{t('inspectionsField.item.notAnswered')}</Tag>}
      </Flex>
      <Space size={4} wrap style={{ marginTop: 6 }}>
        <SeverityTag severity={item.severity} />
        {item.kind === 'number' ? <Tag>{t('inspectionsField.item.standard', { standard: standardText(item) })}</Tag> : null}
      </Space>
      {item.kind === 'number' && answer?.value != null ? line(t('inspectionsField.item.measured'), <strong>{`${answer.value}${item.unit ? ` ${item.unit}` : ''}`}</strong>) : null}
      {answer?.note ? line(t('inspectionsField.item.note'), answer.note) : null}
      {answer?.photoFileIds.length ? (
        <div style={{ marginTop: 8 }}>
          <PhotoField taskId={taskId} value={answer.photoFileIds} disabled testId={`${id}-photos`} />
        </div>
      ) : null}
      {answer?.result === 'fail' && f ? (
        <div style={{ marginTop: 10, padding: 10, background: '#fff2f0', borderRadius: 8 }} data-testid={`${id}-disposition`} data-disposition={f.disposition}>
          <DispositionTag disposition={f.disposition} />
          <div style={{ marginTop: 6, whiteSpace: 'pre-wrap' }}>{f.description}</div>
          {f.disposition === 'ledger' ? (
            <>
              {line(t('inspectionsField.disposition.responsibleParty'), f.responsibleParty ?? '-')}
              {line(t('inspectionsField.disposition.measure'), f.measure ?? '-')}
              {line(t('inspectionsField.disposition.deadline'), f.deadline ?? '-')}
            </>
          ) : f.afterPhotoFileIds.length ? (
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{w.disposition.fixed_on_spot} · {t('inspectionsField.disposition.afterPhotos')}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                <PhotoField taskId={taskId} value={f.afterPhotoFileIds} disabled testId={`${id}-after-photos`} />
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

const DEADLINE_DAYS = [1, 3, 7, 15] as const;

function DispositionBox({
  id,
  taskId,
  draft,
  lacks,
  editable,
  foundOn,
  onChange,
  onFlush,
  onPhoto,
}: {
  id: string;
  taskId: string;
  draft: Draft;
  lacks: DraftLack[];
  editable: boolean;
  foundOn: string;
  onChange: (patch: Partial<Draft>, when?: 'now' | 'soon') => void;
  onFlush: () => void;
  onPhoto: (photo: Photo) => void;
}) {
  const { t } = useTranslation();
  const w = useInspectionWords();
  const big = { height: 44, flex: 1, minWidth: 0 } as const;
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ display: 'block', margin: '10px 0 4px', fontSize: 13 }}>
      {text}
    </Typography.Text>
  );
  return (
    <div style={{ marginTop: 12, padding: 12, background: '#fff2f0', borderRadius: 8 }} data-testid={`${id}-disposition`} data-disposition={draft.disposition ?? ''}>
      <Typography.Text strong>{t('inspectionsField.disposition.title')}</Typography.Text>
      <Flex gap={8} style={{ marginTop: 8 }}>
        {(['fixed_on_spot', 'ledger'] as const).map((d) => (
          <Button
            key={d}
            style={big}
            type={draft.disposition === d ? 'primary' : 'default'}
            disabled={!editable}
            onClick={() => onChange({ disposition: d })}
            aria-pressed={draft.disposition === d}
            data-testid={`${id}-disposition-${d}`}
          >
            {w.disposition[d]}
          </Button>
        ))}
      </Flex>
      {label(t('inspectionsField.disposition.description'))}
      <Input.TextArea
        value={draft.description}
        onChange={(e) => onChange({ description: e.target.value }, 'soon')}
        onBlur={onFlush}
        disabled={!editable}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        status={lacks.includes('description') ? 'warning' : undefined}
        data-testid={`${id}-description`}
      />
      {draft.disposition === 'fixed_on_spot' ? (
        <>
          {label(t('inspectionsField.disposition.afterPhotos'))}
          <PhotoField
            taskId={taskId}
            value={draft.afterPhotoFileIds}
            onChange={editable ? (ids) => onChange({ afterPhotoFileIds: ids }) : undefined}
            onUploaded={onPhoto}
            disabled={!editable}
            required={lacks.includes('afterPhoto')}
            label={t('inspectionsField.photos.after')}
            testId={`${id}-after-photos`}
          />
        </>
      ) : null}
      {draft.disposition === 'ledger' ? (
        <>
          {label(t('inspectionsField.disposition.responsibleParty'))}
          <Input
            size="large"
            value={draft.responsibleParty}
            onChange={(e) => onChange({ responsibleParty: e.target.value }, 'soon')}
            onBlur={onFlush}
            disabled={!editable}
            maxLength={100}
            placeholder={t('inspectionsField.disposition.responsiblePartyPlaceholder')}
            data-testid={`${id}-party`}
          />
          {label(t('inspectionsField.disposition.measure'))}
          <Input.TextArea
            value={draft.measure}
            onChange={(e) => onChange({ measure: e.target.value }, 'soon')}
            onBlur={onFlush}
            disabled={!editable}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            placeholder={t('inspectionsField.disposition.measurePlaceholder')}
            data-testid={`${id}-measure`}
          />
          {label(t('inspectionsField.disposition.deadline'))}
          <Flex gap={6} wrap align="center">
            {DEADLINE_DAYS.map((n) => {
              const date = addDays(foundOn, n);
              return (
                <Button key={n} type={draft.deadline === date ? 'primary' : 'default'} disabled={!editable} onClick={() => onChange({ deadline: date })} data-testid={`${id}-deadline-${n}`}>
                  {t('inspectionsField.disposition.inDays', { count: n })}
                </Button>
              );
            })}
            <DatePicker
              inputReadOnly
              value={draft.deadline ? dayjs(draft.deadline) : null}
              onChange={(d) => onChange({ deadline: d ? d.format('YYYY-MM-DD') : null })}
              disabledDate={(d) => d.format('YYYY-MM-DD') < foundOn}
              disabled={!editable}
              style={{ width: 140 }}
              data-testid={`${id}-deadline`}
            />
          </Flex>
        </>
      ) : null}
      {editable && lacks.length ? (
        <ul style={{ margin: '10px 0 0', paddingInlineStart: 18, color: '#d46b08', fontSize: 13 }} data-testid={`${id}-lacks`}>
          {lacks.map((l) => (
            <li key={l}>{t(`inspectionsField.lacks.${l}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
