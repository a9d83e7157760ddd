// 咨询: applicants ask (我要咨询) and read the answers to their own questions; officers answer,
// publish an answer to the FAQ and take it off again (after a confirmation); search, filters,
// paging and Excel export for officers.
import { useState } from 'react';
import { Button, Descriptions, Drawer, Form, Input, Popconfirm, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '@shuangsheng/contracts';
import { useCan } from '../../../../app/session';
import { ExportButton } from '../../../../components/ExportButton';
import { FlagSelect } from '../../../../components/FlagSelect';
import { FormDialog, useFormDialog } from '../../../../components/FormDialog';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../../components/ListPage';
import { actionsColumn, useRowAction } from '../../../../components/RowActions';
import { formatDateTime } from '../../../../lib/format';
import { useUrlList } from '../../../../lib/url-filters';
import { consultations, useAnswer, usePublish } from '../api';
import { ConsultationStatusTag, ItemSelect } from '../display';

const SPEC = { q: 'string', itemId: 'string', status: 'string', published: 'boolean', from: 'string', to: 'string' } as const;

export default function ConsultationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const officer = can('services.handle');
  const applicant = can('services.apply') && !officer;
  const url = useUrlList(SPEC, { sort: 'askedOn:desc' });
  const query = consultations.useList(url.apiQuery);
  const publish = usePublish();
  const run = useRowAction();
  const [asking, setAsking] = useState(false);
  const [answering, setAnswering] = useState<Consultation | null>(null);
  const [viewing, setViewing] = useState<Consultation | null>(null);

  const publishButton = (c: Consultation) =>
    c.status !== 'answered' ? null : (
      <Popconfirm
        title={t('extras.common.confirmTitle', { action: c.published ? t('extras.consultations.unpublish') : t('extras.consultations.publish') })}
        description={c.published ? t('extras.consultations.unpublishConfirm') : t('extras.consultations.publishConfirm')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'confirm-ok' }}
        onConfirm={() => run(publish.mutateAsync({ id: c.id, publish: !c.published }), c.published ? t('extras.consultations.unpublishedOk') : t('extras.consultations.publishedOk'))}
      >
        <Button type="link" size="small" data-testid={`consultation-${c.published ? 'unpublish' : 'publish'}-${c.id}`}>
          {c.published ? t('extras.consultations.unpublish') : t('extras.consultations.publish')}
        </Button>
      </Popconfirm>
    );

  const columns: TableColumnsType<Consultation> = [
    { title: t('extras.consultations.askedOn'), dataIndex: 'askedOn', ...sortable(url, 'askedOn'), render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: t('extras.consultations.subject'),
      dataIndex: 'title',
      render: (v: string, c) => (
        <div style={{ minWidth: 220, maxWidth: 360 }}>
          <Typography.Link onClick={() => setViewing(c)} data-testid={`consultation-view-${c.id}`}>
            {v}
          </Typography.Link>
          <div>
            <Ellipsis width={340} text={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.question}</Typography.Text>} title={c.question} />
          </div>
        </div>
      ),
    },
    { title: t('extras.common.item'), dataIndex: 'itemName', render: (v: string | null) => (v ? <Ellipsis width={160} text={v} /> : '-') },
    ...(officer ? [{ title: t('extras.consultations.asker'), dataIndex: 'askerName', render: (v: string, c: Consultation) => <div style={{ maxWidth: 200 }}>{v}{c.enterpriseName ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.enterpriseName}</Typography.Text></div> : null}</div> }] : []),
    { title: t('extras.common.status'), dataIndex: 'status', render: (v: Consultation['status'], c) => <ConsultationStatusTag status={v} published={c.published} /> },
    actionsColumn(t, (c) => (
      <>
        <Button type="link" size="small" onClick={() => setViewing(c)}>
          {t('common.view')}
        </Button>
        {officer ? (
          <Button type="link" size="small" onClick={() => setAnswering(c)} data-testid={`consultation-answer-${c.id}`}>
            {c.status === 'open' ? t('extras.consultations.answer') : t('extras.consultations.reanswer')}
          </Button>
        ) : null}
        {officer ? publishButton(c) : null}
      </>
    )),
  ];
  const askButton = applicant ? <CreateButton onClick={() => setAsking(true)} label={t('extras.consultations.ask')} /> : null;
  return (
    <ListPage
      title={t('extras.consultations.title')}
      extra={
        <>
          {officer ? <ExportButton path="/api/consultations/export.xlsx" query={url.exportQuery} /> : null}
          {askButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('extras.consultations.search')}>
          <Form.Item name="itemId" style={{ minWidth: 200 }}>
            <ItemSelect testId="filter-item" />
          </Form.Item>
          <Form.Item name="status" style={{ minWidth: 110 }}>
            <Select allowClear placeholder={t('extras.common.status')} options={(['open', 'answered'] as const).map((s) => ({ value: s, label: t(`extras.consultationStatus.${s}`) }))} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="published" style={{ minWidth: 120 }}>
            <FlagSelect placeholder={t('extras.consultations.inFaq')} testId="filter-published" />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="consultation-table"
        empty={applicant ? { title: t('extras.consultations.emptyMine'), description: t('extras.consultations.emptyMineDesc'), action: askButton } : { title: t('extras.consultations.empty') }}
      />
      {asking ? <AskDialog onClose={() => setAsking(false)} /> : null}
      {answering ? <AnswerDialog consultation={answering} onClose={() => setAnswering(null)} /> : null}
      <Drawer open={!!viewing} title={t('extras.consultations.detail')} onClose={() => setViewing(null)} size={560} data-testid="consultation-drawer">
        {viewing ? <ConsultationDetail c={viewing} /> : null}
      </Drawer>
    </ListPage>
  );
}

function ConsultationDetail({ c }: { c: Consultation }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{c.title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.question}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'status', label: t('extras.common.status'), children: <ConsultationStatusTag status={c.status} published={c.published} /> },
          { key: 'item', label: t('extras.common.item'), children: c.itemName ?? '-' },
          { key: 'asker', label: t('extras.consultations.asker'), children: [c.askerName, c.enterpriseName].filter(Boolean).join(' · ') },
          { key: 'askedOn', label: t('extras.consultations.askedOn'), children: c.askedOn },
          { key: 'answerer', label: t('extras.consultations.answerer'), children: c.answererName ?? '-' },
          { key: 'answeredAt', label: t('extras.consultations.answeredAt'), children: c.answeredAt ? formatDateTime(c.answeredAt) : '-' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('extras.consultations.answer')}
      </Typography.Title>
      {c.answer ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="consultation-answer-text">{c.answer}</Typography.Paragraph> : <Typography.Text type="secondary">{t('extras.consultations.noAnswer')}</Typography.Text>}
    </>
  );
}

function AskDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = consultations.useCreate();
  const { form, dialog } = useFormDialog<{ title: string; question: string; itemId?: string }>({
    creating: true,
    onClose,
    save: (v) => create.mutateAsync({ title: v.title, question: v.question, itemId: v.itemId ?? null }),
  });
  const rule = (field: string) => [{ required: true, whitespace: true, min: 2, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} title={t('extras.consultations.askTitle')} submitText={t('extras.consultations.ask')}>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('extras.consultations.subject')} rules={rule(t('extras.consultations.subject'))}>
          <Input maxLength={100} placeholder={t('extras.consultations.subjectPlaceholder')} data-testid="ask-title" />
        </Form.Item>
        <Form.Item name="question" label={t('extras.consultations.question')} rules={rule(t('extras.consultations.question'))}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('extras.consultations.questionPlaceholder')} data-testid="ask-question" />
        </Form.Item>
        <Form.Item name="itemId" label={t('extras.consultations.itemOptional')}>
          <ItemSelect testId="ask-item" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function AnswerDialog({ consultation, onClose }: { consultation: Consultation; onClose: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswer();
  const { form, dialog } = useFormDialog<{ answer: string }>({ creating: false, onClose, save: (v) => answer.mutateAsync({ id: consultation.id, answer: v.answer }) });
  return (
    <FormDialog {...dialog} title={t('extras.consultations.answerTitle')} width={640}>
      <Typography.Paragraph strong>{consultation.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {consultation.question}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ answer: consultation.answer ?? '' }}>
        <Form.Item name="answer" label={t('extras.consultations.answer')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required', { field: t('extras.consultations.answer') }) }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount placeholder={t('extras.consultations.answerPlaceholder')} data-testid="answer-text" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
