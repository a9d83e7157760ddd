// /services/applications/:id — one application. The header: number, item, status, due date and
// the actions its state allows (from the server). The applicant edits a draft or a correction
// here, uploads materials, submits, withdraws and downloads the licence; the officer reads the
// form and the materials (inline preview), ticks what needs correction, decides, assigns,
// issues or revokes the licence. The history on the right.
import { useState } from 'react';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Application } from '@shuangsheng/contracts';
import { useCan, useSession } from '../../../../app/session';
import { ErrorState, PageSkeleton } from '../../../../components/PageStates';
import { useRowAction } from '../../../../components/RowActions';
import { formatDate, formatDateTime } from '../../../../lib/format';
import { serviceItems } from '../../api';
import { DetailHeader, HeaderCode } from '../../components/DetailHeader';
import { CategoryTag } from '../../display';
import { appUrl, useApplication, useAssign, useOfficers } from '../api';
import { ActionBar } from '../components/ActionBar';
import { CorrectionCheck } from '../components/ActionDialogs';
import { ApplicantEditor } from '../components/ApplicantEditor';
import { AppStatusTag, DueTag } from '../components/display';
import { EventTimeline } from '../components/EventTimeline';
import { FieldValuesView } from '../components/FieldInputs';
import { MaterialsTable, type Templates } from '../components/MaterialsTable';
import { ProgressLinkCard } from '../components/ProgressLink';
import { isOpen, pointFor, type CorrectionDraft } from '../helpers';

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  if (query.isPending) return <PageSkeleton rows={14} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <ApplicationView app={query.data} />;
}

function ApplicationView({ app }: { app: Application }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useSession();
  const officer = can('services.handle');
  const [draft, setDraft] = useState<CorrectionDraft>({});
  const correcting = officer && app.actions.includes('request_correction');
  const editing = (app.status === 'draft' && app.actions.includes('submit')) || (app.status === 'correction' && app.actions.includes('resubmit'));
  const live = serviceItems.useOne(editing ? app.itemId : undefined);
  const templates: Templates = Object.fromEntries(
    (live.data?.materials ?? []).filter((m) => m.templateFileId).map((m) => [m.key, { fileId: m.templateFileId!, name: m.templateFileName }]),
  );
  const uploadable = new Set(
    app.status === 'draft' && editing
      ? app.item.materials.map((m) => m.key)
      : app.status === 'correction' && editing
        ? app.corrections.filter((p) => p.target === 'material').map((p) => p.key)
        : [],
  );
  const applicantView = !officer || app.status === 'draft';
  const back = officer ? { to: '/services/workbench', label: t('applications.backToWorkbench') } : { to: '/services/applications', label: t('applications.backToList') };
  const check = (target: 'material' | 'field') => (key: string) =>
    correcting ? <CorrectionCheck target={target} itemKey={key} draft={draft} setDraft={setDraft} /> : null;

  return (
    <div>
      <DetailHeader
        back={back}
        crumb={app.number ?? t('applications.noNumber')}
        title={app.itemName}
        meta={
          <>
            <HeaderCode label={t('applications.number')} code={app.number} testId="app-number" empty={t('applications.noNumber')} />
            <AppStatusTag status={app.status} testId="app-status" />
            {app.dueState !== 'none' ? <DueTag dueDate={app.dueDate} dueState={app.dueState} testId="app-due" verbose /> : null}
            {app.eSigned ? <Tag color="green">{t('applications.eSigned')}</Tag> : null}
          </>
        }
        actions={
          <Flex gap={8} wrap data-testid="app-actions">
            <ActionBar app={app} officer={officer} draft={draft} setDraft={setDraft} />
          </Flex>
        }
      >
        {app.status === 'correction' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('applications.correctionTitle')}
            description={
              <>
                <ul style={{ margin: '4px 0', paddingInlineStart: 18 }} data-testid="app-corrections">
                  {app.corrections.map((p) => (
                    <li key={`${p.target}:${p.key}`}>
                      <Typography.Text strong>
                        {(p.target === 'material' ? app.item.materials.find((m) => m.key === p.key)?.name : app.item.fields.find((f) => f.key === p.key)?.label) ?? p.key}
                      </Typography.Text>
                      {t('common.colon')}
                      {p.comment}
                    </li>
                  ))}
                </ul>
                <Typography.Text type="secondary">{t('applications.correctionPaused', { days: app.pausedDays })}</Typography.Text>
              </>
            }
          />
        ) : null}
        {app.refuseReason ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('applications.refuseReason')} description={app.refuseReason} /> : null}
        {/* The decision's text: the reason of a denial, or the officer's comment on an approval. */}
        {app.decisionReason && app.status === 'denied' ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('applications.decisionReason')} description={app.decisionReason} /> : null}
        {app.decisionReason && app.status === 'approved' ? <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('applications.decisionComment')} description={app.decisionReason} /> : null}
      </DetailHeader>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Summary app={app} officer={officer} />
          {editing && applicantView ? (
            <ApplicantEditor key={app.status} app={app} />
          ) : (
            <Card title={t('applications.formValues')} style={{ marginBottom: 16 }}>
              <FieldValuesView fields={app.item.fields} values={app.form} aside={(f) => check('field')(f.key)} pointOf={(k) => pointFor(app, 'field', k)} />
            </Card>
          )}
          <Card
            title={t('applications.materialsTitle')}
            style={{ marginBottom: 16 }}
            extra={
              app.materials.length ? (
                <Button size="small" icon={<DownloadOutlined />} href={`${appUrl(app.id)}/materials.zip`} download data-testid="app-materials-zip">
                  {t('applications.downloadAll')}
                </Button>
              ) : null
            }
          >
            <MaterialsTable
              app={app}
              uploadable={uploadable}
              removable={app.status === 'draft' && editing}
              templates={templates}
              pointOf={(k) => pointFor(app, 'material', k)}
              check={correcting ? check('material') : undefined}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {app.licence ? <LicenceCard app={app} /> : null}
          {!officer && app.number ? <ProgressLinkCard zone={me.zone.code} number={app.number} /> : null}
          <Card title={t('applications.timeline')}>
            <EventTimeline app={app} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Summary({ app, officer }: { app: Application; officer: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={officer ? t('workbench.apps.applicantInfo') : t('applications.summary')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'applicant', label: t('applications.applicant'), children: app.enterpriseName ?? app.applicantName },
          { key: 'type', label: t('applications.applicantType'), children: t(`applicantTypes.${app.applicantType}`) },
          { key: 'contact', label: t('applications.contactName'), children: app.applicantName },
          { key: 'phone', label: t('applications.contactPhone'), children: app.applicantPhoneMasked },
          { key: 'item', label: t('applications.item'), children: `${app.itemName} (${app.itemCode})` },
          { key: 'dept', label: t('applications.department'), children: app.department },
          { key: 'cat', label: t('applications.category'), children: <CategoryTag category={app.category} /> },
          { key: 'limits', label: t('services.limits'), children: t('services.limitsValue', { legal: app.item.legalDays, promised: app.item.promisedDays }) },
          { key: 'channel', label: t('applications.channel'), children: t(`applications.channels.${app.channel}`) },
          {
            key: 'delivery',
            label: t('applications.delivery'),
            children: (
              <span>
                {t(`applications.deliveries.${app.delivery}`)}
                {app.delivery === 'mail' && app.mailAddress ? ` · ${app.mailAddress}` : ''}
              </span>
            ),
          },
          { key: 'submitted', label: t('applications.submittedAt'), children: formatDateTime(app.submittedAt) },
          { key: 'accepted', label: t('applications.acceptedOn'), children: app.acceptedOn ?? '-' },
          {
            key: 'due',
            label: t('applications.dueDate'),
            children: (
              <Space size={4}>
                <DueTag dueDate={app.dueDate} dueState={app.dueState} />
                {app.pausedDays > 0 ? <Typography.Text type="secondary">{t('applications.correctionPaused', { days: app.pausedDays })}</Typography.Text> : null}
              </Space>
            ),
          },
          { key: 'completed', label: t('applications.completedOn'), children: app.completedOn ?? '-' },
          { key: 'assignee', label: t('applications.assignee'), children: officer ? <AssignSelect app={app} /> : (app.assigneeName ?? '-') },
        ]}
      />
    </Card>
  );
}

function AssignSelect({ app }: { app: Application }) {
  const { t } = useTranslation();
  const officers = useOfficers();
  const assign = useAssign(app.id);
  const run = useRowAction();
  if (!isOpen(app.status)) return <span>{app.assigneeName ?? '-'}</span>;
  const options = (officers.data ?? []).map((o) => ({ value: o.id, label: o.displayName }));
  if (app.assigneeId && !options.some((o) => o.value === app.assigneeId)) options.unshift({ value: app.assigneeId, label: app.assigneeName ?? app.assigneeId });
  return (
    <Select
      size="small"
      style={{ minWidth: 160 }}
      allowClear
      placeholder={t('applications.unassigned')}
      loading={officers.isPending || assign.isPending}
      value={app.assigneeId ?? undefined}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(v: string | undefined) => {
        const name = options.find((o) => o.value === v)?.label ?? '';
        void run(assign.mutateAsync(v ?? null), v ? t('workbench.apps.assigned', { name }) : t('workbench.apps.unassign'));
      }}
      data-testid="app-assign"
    />
  );
}

function LicenceCard({ app }: { app: Application }) {
  const { t } = useTranslation();
  const l = app.licence!;
  const valid = l.status === 'valid';
  return (
    <Card title={t('applications.licenceTitle')} style={{ marginBottom: 16 }} data-testid="app-licence">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('applications.licenceName'), children: l.licenceName },
          { key: 'number', label: t('applications.licenceNumber'), children: <Typography.Text copyable>{l.number}</Typography.Text> },
          { key: 'holder', label: t('applications.holder'), children: l.holderName },
          { key: 'issued', label: t('applications.issuedOn'), children: l.issuedOn },
          {
            key: 'status',
            label: t('applications.licenceStatus'),
            children: (
              <span data-testid="licence-status">
                <Tag color={valid ? 'success' : 'error'}>{t(`applications.licenceStatuses.${l.status}`)}</Tag>
                {!valid && l.revokedAt ? t('applications.revokedInfo', { date: formatDate(l.revokedAt), reason: l.revokeReason ?? '' }) : null}
              </span>
            ),
          },
          { key: 'verify', label: t('applications.verifyUrl'), children: <Typography.Link href={l.verifyUrl} target="_blank" rel="noopener noreferrer">{l.verifyUrl}</Typography.Link> },
        ]}
      />
      <Button
        type="primary"
        icon={<FilePdfOutlined />}
        block
        style={{ marginTop: 8 }}
        href={`${appUrl(app.id)}/licence.pdf`}
        download={`${l.number}.pdf`}
        data-testid="licence-download"
      >
        {t('applications.licenceDownload')}
      </Button>
    </Card>
  );
}
