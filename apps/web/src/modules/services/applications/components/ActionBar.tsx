// The buttons of an application's state, driven by `actions` from the server (never re-derived
// here): accept, start review, approve (confirm), refuse / deny (reason), request correction
// (the dialog), withdraw (confirm); and for officers the licence: issue, re-issue, revoke.
import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application, ApplicationAction, ApplicationActionBody, CorrectionPoint } from '@shuangsheng/contracts';
import { useApiError } from '../../../../components/useApiError';
import { useAction, useIssueLicence, useRevokeLicence } from '../api';
import type { CorrectionDraft } from '../helpers';
import { CorrectionDialog, ReasonDialog } from './ActionDialogs';

type Props = {
  app: Application;
  officer: boolean;
  draft: CorrectionDraft;
  setDraft: (d: CorrectionDraft) => void;
};

/** Submit and resubmit belong to the applicant's form (it saves first). */
const FORM_ACTIONS: ApplicationAction[] = ['submit', 'resubmit'];

export function ActionBar({ app, officer, draft, setDraft }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const action = useAction(app.id);
  const issue = useIssueLicence(app.id);
  const revoke = useRevokeLicence();
  const [reasonFor, setReasonFor] = useState<'refuse' | 'deny' | 'revoke' | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const name = (a: ApplicationAction) => t(`applications.actionNames.${a}`);

  const run = async (a: ApplicationAction, body: ApplicationActionBody = {}) => {
    try {
      await action.mutateAsync({ action: a, body });
      void message.success(t('applications.actionDone', { action: name(a) }));
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };

  const onReason = async (reason: string) => {
    if (reasonFor === 'revoke') {
      try {
        await revoke.mutateAsync({ id: app.licence!.id, reason });
        void message.success(t('workbench.apps.revoked'));
        setReasonFor(null);
      } catch (e) {
        showError(e);
      }
      return;
    }
    if (reasonFor && (await run(reasonFor, { reason }))) setReasonFor(null);
  };

  const onCorrection = async (points: CorrectionPoint[], comment: string | undefined) => {
    if (await run('request_correction', { corrections: points, ...(comment ? { comment } : {}) })) {
      setCorrecting(false);
      setDraft({});
    }
  };

  const onIssue = async () => {
    try {
      await issue.mutateAsync(undefined);
      void message.success(t('workbench.apps.licenceIssued'));
    } catch (e) {
      showError(e);
    }
  };

  const buttons = app.actions
    .filter((a) => !FORM_ACTIONS.includes(a))
    .map((a) => {
      const testId = `app-action-${a}`;
      switch (a) {
        case 'refuse':
        case 'deny':
          return (
            <Button key={a} danger onClick={() => setReasonFor(a)} data-testid={testId}>
              {name(a)}
            </Button>
          );
        case 'request_correction': {
          const n = Object.keys(draft).length;
          return (
            <Button key={a} onClick={() => setCorrecting(true)} data-testid={testId} style={n ? { borderColor: '#fa8c16', color: '#d46b08' } : undefined}>
              {n ? t('workbench.apps.requestCorrectionCount', { count: n }) : name(a)}
            </Button>
          );
        }
        case 'withdraw':
          return (
            <Popconfirm
              key={a}
              title={t('applications.withdrawConfirm')}
              description={t('applications.withdrawDesc')}
              okText={name(a)}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-withdraw' } as never}
              onConfirm={() => run('withdraw')}
            >
              <Button danger data-testid={testId}>
                {name(a)}
              </Button>
            </Popconfirm>
          );
        case 'approve':
          return (
            <Popconfirm
              key={a}
              title={t('workbench.apps.approveConfirm')}
              description={app.item.licenceName ? t('workbench.apps.approveLicence', { name: app.item.licenceName }) : undefined}
              okText={name(a)}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-approve' } as never}
              onConfirm={() => run('approve')}
            >
              <Button type="primary" data-testid={testId}>
                {name(a)}
              </Button>
            </Popconfirm>
          );
        default:
          return (
            <Button key={a} type={a === 'accept' || a === 'review' ? 'primary' : 'default'} loading={action.isPending && action.variables?.action === a} onClick={() => void run(a)} data-testid={testId}>
              {name(a)}
            </Button>
          );
      }
    });

  const licenceValid = app.licence?.status === 'valid';
  if (officer && app.status === 'approved' && app.item.licenceName && !licenceValid) {
    buttons.push(
      <Popconfirm key="issue" title={app.licence ? t('workbench.apps.reissueLicence') : t('workbench.apps.issueLicence')} onConfirm={() => onIssue()} okButtonProps={{ 'data-testid': 'confirm-issue' } as never}>
        <Button loading={issue.isPending} data-testid="app-action-issue_licence">
          {app.licence ? t('workbench.apps.reissueLicence') : t('workbench.apps.issueLicence')}
        </Button>
      </Popconfirm>,
    );
  }
  if (officer && licenceValid) {
    buttons.push(
      <Button key="revoke" danger onClick={() => setReasonFor('revoke')} data-testid="app-action-revoke_licence">
        {t('workbench.apps.revokeLicence')}
      </Button>,
    );
  }

  return (
    <>
      {buttons}
      <ReasonDialog
        open={reasonFor !== null}
        title={reasonFor === 'revoke' ? t('workbench.licences.revokeTitle', { number: app.licence?.number ?? '' }) : reasonFor ? name(reasonFor) : ''}
        hint={reasonFor === 'revoke' ? t('workbench.licences.revokeHint') : undefined}
        okText={reasonFor === 'revoke' ? t('workbench.apps.revokeLicence') : reasonFor ? name(reasonFor) : ''}
        busy={action.isPending || revoke.isPending}
        onClose={() => setReasonFor(null)}
        onSubmit={(r) => void onReason(r)}
      />
      {app.actions.includes('request_correction') ? (
        <CorrectionDialog
          app={app}
          open={correcting}
          draft={draft}
          setDraft={setDraft}
          busy={action.isPending}
          onClose={() => setCorrecting(false)}
          onSubmit={(p, c) => void onCorrection(p, c)}
        />
      ) : null}
    </>
  );
}
