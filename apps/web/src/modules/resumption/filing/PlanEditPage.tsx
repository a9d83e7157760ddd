// /resumption/plans/:id/edit — the enterprise's resumption plan (一企一案) in steps: 基本情况,
// 防护物资, 防控措施 (with attachments), 五个到位 (each with date, note and evidence), 联系人 and
// review. The draft is saved as you go (PATCH after a pause, on every step change and on
// 保存草稿); counts are checked as you type; 提交 stays disabled, with the reason, while anything
// is missing, and what the server refuses lands on the field it names.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CheckCircleFilled, LeftOutlined, RightOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Grid, Popconfirm, Result, Steps, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PHONE_RE, type PlanDetail } from '@shuangsheng/contracts';
import { ApiError } from '../../../api/client';
import { refreshAfterWrite } from '../../../api/resource';
import { isEnterpriseOnly, useSession } from '../../../app/session';
import { useFormLayout } from '../../../components/FormDialog';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime, zoneDateOf } from '../../../lib/format';
import { DetailHeader } from '../../services/components/DetailHeader';
import { usePatchPlan, usePlan, usePlanAction, type PlanFileRow } from './api';
import { PlanStatusTag } from './components/display';
import { StepBody, type StepShared } from './components/PlanFormSteps';
import { MissingList } from './components/MissingList';
import { countIssuesOf, formNameOf, isEditable, missingOf, PLAN_STEPS, stepOf, toFormValues, toPatch, type PlanFormValues, type PlanStep } from './helpers';

/** Pause after the last keystroke before the draft is saved. */
const AUTOSAVE_MS = 1500;
type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export default function PlanEditPage() {
  const { id = '' } = useParams();
  const query = usePlan(id);
  const { t } = useTranslation();
  if (query.isPending) return <PageSkeleton rows={14} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  if (!isEditable(plan.status)) {
    return (
      <Result
        status="info"
        title={t('resumptionFiling.edit.notEditable', { status: t(`resumptionFiling.planStatus.${plan.status}`) })}
        extra={
          <Link to={`/resumption/plans/${plan.id}`} data-testid="plan-edit-view">
            <Button type="primary">{t('resumptionFiling.edit.viewPlan')}</Button>
          </Link>
        }
        data-testid="plan-not-editable"
      />
    );
  }
  return <PlanEditor key={plan.id} plan={plan} />;
}

function PlanEditor({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiError();
  const layout = useFormLayout(150);
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<PlanFormValues>();
  const patch = usePatchPlan(plan.id);
  const action = usePlanAction(plan.id);
  // The form starts from the plan as loaded; afterwards it is the truth and the server follows it.
  const [initial] = useState(() => toFormValues(plan));
  const [step, setStep] = useState<PlanStep>('basic');
  const [files, setFiles] = useState<PlanFileRow[]>(plan.files);
  const [storedPhone, setStoredPhone] = useState(plan.fields.contactPhoneMasked);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState(plan.updatedAt);
  const [stale, setStale] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const version = useRef(plan.version);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const queued = useRef<Promise<boolean> | null>(null);

  const watched = Form.useWatch((v: PlanFormValues) => v, { form, preserve: true });
  const values: PlanFormValues = watched ?? initial;
  const missing = missingOf(values, !!storedPhone);
  const issues = countIssuesOf(values);
  const today = zoneDateOf(Date.now());
  const enterpriseUser = isEnterpriseOnly(me);

  /** The server's field errors onto the fields (the step of the first one opens). */
  const showOnForm = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.fieldIssues.length) {
        const v = form.getFieldsValue(true) as PlanFormValues;
        form.setFields(e.fieldIssues.map((i) => ({ name: formNameOf(i.path, v) as never, errors: [i.message] })));
        setStep(stepOf(e.fieldIssues[0]!.path));
        void message.error(t('common.formHasErrors', { count: e.fieldIssues.length }));
        return;
      }
      showError(e);
    },
    [form, message, showError, t],
  );

  /** Sends the form as it is now; false when it could not (the reason is on screen). */
  const doSave = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return true;
    const v = form.getFieldsValue(true) as PlanFormValues;
    // Counts that contradict each other or a wrong phone are shown on their fields; the server would refuse them.
    const phone = (v.contactPhone ?? '').trim();
    if (countIssuesOf(v).length || (phone && !PHONE_RE.test(phone))) {
      setSaveState('dirty');
      return false;
    }
    dirty.current = false;
    setSaveState('saving');
    try {
      const saved = await patch.mutateAsync(toPatch(v, version.current));
      version.current = saved.version;
      setFiles(saved.files);
      setStoredPhone(saved.fields.contactPhoneMasked);
      setSavedAt(saved.updatedAt);
      setSaveState(dirty.current ? 'dirty' : 'saved');
      return true;
    } catch (e) {
      dirty.current = true;
      setSaveState('error');
      if (e instanceof ApiError && e.status === 409) setStale(true);
      showOnForm(e);
      return false;
    }
  }, [form, patch, showOnForm]);

  /** Saves after any save in flight; calls while one waits share it. */
  const save = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    if (queued.current) return queued.current;
    const next = chain.current.then(() => {
      queued.current = null;
      return doSave();
    });
    queued.current = next;
    chain.current = next.catch(() => false);
    return next;
  }, [doSave]);

  // Leaving the page: whatever is still unsaved goes, and the lists catch up.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      void saveRef.current().finally(() => void refreshAfterWrite(qc));
    },
    [qc],
  );

  const onValuesChange = () => {
    dirty.current = true;
    setSaveState('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  const go = (next: PlanStep) => {
    void save();
    setStep(next);
    window.scrollTo({ top: 0 });
  };

  const submit = async () => {
    setSubmitting(true);
    const ok = await save();
    if (!ok) {
      setSubmitting(false);
      return;
    }
    try {
      await action.mutateAsync({ action: 'submit', body: { version: version.current } });
      void message.success(t('resumptionFiling.edit.submitted'));
      void navigate(`/resumption/plans/${plan.id}`, { replace: true });
    } catch (e) {
      showOnForm(e);
      if (e instanceof ApiError && e.status === 409) setStale(true);
    } finally {
      setSubmitting(false);
    }
  };

  const index = PLAN_STEPS.indexOf(step);
  const missingIn = (s: PlanStep) => missing.filter((p) => stepOf(p) === s).length;
  const issueIn = (s: PlanStep) => issues.some((i) => stepOf(i.path) === s);
  const blocked = missing.length > 0 || issues.length > 0;
  const blockedReason = issues.length ? t('resumptionFiling.edit.fixCounts') : missing.length ? t('resumptionFiling.edit.missingCount', { count: missing.length }) : '';

  const shared: StepShared = { form, planId: plan.id, files, onUploaded: (f) => setFiles((all) => [...all.filter((x) => x.id !== f.id), f]), today, storedPhone, values };
  const back = enterpriseUser ? { to: '/resumption/my', label: t('resumptionFiling.my.title') } : { to: '/resumption/plans', label: t('resumptionFiling.plans.title') };

  const submitButton = (
    <Button type="primary" icon={<SendOutlined />} disabled={blocked || stale} loading={submitting} data-testid="plan-submit">
      {plan.status === 'returned' ? t('resumptionFiling.edit.resubmit') : t('resumptionFiling.edit.submit')}
    </Button>
  );

  return (
    <div>
      <DetailHeader
        back={back}
        crumb={plan.number ?? t('resumptionFiling.edit.newPlan')}
        title={t('resumptionFiling.edit.title', { name: plan.enterpriseName })}
        meta={
          <>
            <PlanStatusTag status={plan.status} testId="plan-status" />
            {plan.number ? <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>{plan.number}</Typography.Text> : null}
            <SaveIndicator state={saveState} savedAt={savedAt} />
          </>
        }
      >
        {plan.status === 'returned' && plan.decisionReason ? (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('resumptionFiling.edit.returnedTitle')} description={plan.decisionReason} data-testid="plan-returned-reason" />
        ) : null}
        {stale ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('resumptionFiling.edit.stale')}
            action={
              <Button size="small" onClick={() => window.location.reload()} data-testid="plan-reload">
                {t('resumptionFiling.edit.reload')}
              </Button>
            }
            data-testid="plan-stale"
          />
        ) : null}
      </DetailHeader>

      <Card styles={{ body: { padding: screens.sm ? 24 : 12 } }}>
        <Steps
          current={index}
          size="small"
          responsive={false}
          onChange={(i) => go(PLAN_STEPS[i]!)}
          style={{ marginBottom: 24 }}
          items={PLAN_STEPS.map((s, i) => {
            const n = missingIn(s);
            return {
              // On a phone the numbers alone fit in a row; the current step's name follows below.
              title: screens.md ? t(`resumptionFiling.steps.${s}`) : undefined,
              'aria-label': t(`resumptionFiling.steps.${s}`),
              status: issueIn(s) ? 'error' : i === index ? 'process' : n === 0 ? 'finish' : 'wait',
              content: screens.md ? (n ? t('resumptionFiling.edit.stepMissing', { count: n }) : t('resumptionFiling.edit.stepDone')) : undefined,
              'data-testid': `plan-step-${s}`,
            } as never;
          })}
          data-testid="plan-steps"
        />
        {!screens.md ? (
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {index + 1} / {PLAN_STEPS.length} {t(`resumptionFiling.steps.${step}`)}
          </Typography.Title>
        ) : null}
        <Form<PlanFormValues> form={form} {...layout} initialValues={initial} onValuesChange={onValuesChange} data-testid="plan-form" scrollToFirstError>
          {PLAN_STEPS.map((s) => (
            <div key={s} style={{ display: s === step ? 'block' : 'none', maxWidth: 960 }} data-testid={`plan-panel-${s}`}>
              <StepBody step={s} shared={shared} />
            </div>
          ))}
        </Form>
        {step === 'contact' ? <MissingList missing={missing} onGo={(s) => go(s)} /> : null}
        <Flex gap={8} wrap justify="space-between" align="center" style={{ marginTop: 16, borderTop: '1px solid #f0f0f0', paddingTop: 16 }}>
          <Flex gap={8} wrap>
            <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => go(PLAN_STEPS[index - 1]!)} data-testid="plan-prev">
              {t('resumptionFiling.edit.prev')}
            </Button>
            {index < PLAN_STEPS.length - 1 ? (
              <Button onClick={() => go(PLAN_STEPS[index + 1]!)} data-testid="plan-next">
                {t('resumptionFiling.edit.next')} <RightOutlined />
              </Button>
            ) : null}
          </Flex>
          <Flex gap={8} wrap align="center">
            <Button
              icon={<SaveOutlined />}
              loading={saveState === 'saving'}
              onClick={() => {
                dirty.current = true;
                void save().then((ok) => ok && void message.success(t('resumptionFiling.edit.draftSaved')));
              }}
              data-testid="plan-save"
            >
              {t('resumptionFiling.edit.saveDraft')}
            </Button>
            {blocked || stale ? (
              <Tooltip title={stale ? t('resumptionFiling.edit.stale') : blockedReason}>{submitButton}</Tooltip>
            ) : (
              <Popconfirm
                title={t('resumptionFiling.edit.submitConfirm')}
                description={t('resumptionFiling.edit.submitConfirmDesc')}
                okText={t('resumptionFiling.edit.submit')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'confirm-submit' } as never}
                onConfirm={() => submit()}
              >
                {submitButton}
              </Popconfirm>
            )}
          </Flex>
        </Flex>
        {blocked ? (
          <Typography.Text type="warning" style={{ display: 'block', textAlign: 'right', marginTop: 6 }} data-testid="plan-submit-reason">
            {blockedReason}
          </Typography.Text>
        ) : null}
      </Card>
    </div>
  );
}

function SaveIndicator({ state, savedAt }: { state: SaveState; savedAt: number }) {
  const { t } = useTranslation();
  const text =
    state === 'saving'
      ? t('resumptionFiling.edit.saving')
      : state === 'dirty'
        ? t('resumptionFiling.edit.unsaved')
        : state === 'error'
          ? t('resumptionFiling.edit.saveFailed')
          : t('resumptionFiling.edit.savedAt', { time: formatDateTime(savedAt) });
  return (
    <Typography.Text type={state === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="plan-save-state" data-state={state}>
      {state === 'saved' ? <CheckCircleFilled style={{ color: '#389e0d', marginInlineEnd: 4 }} /> : null}
      {text}
    </Typography.Text>
  );
}
