// The dialogs behind the state actions: a reason (refuse, deny, revoke), the correction request
// with one comment per chosen material or field, and the e-signature confirmation of a submit.
import { useState } from 'react';
import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application, CorrectionPoint } from '@shuangsheng/contracts';
import { correctionPoints, pointId, toggleDraft, weakPoints, type CorrectionDraft, type CorrectionTarget } from '../helpers';

type ReasonProps = {
  open: boolean;
  title: string;
  hint?: string;
  okText: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
};

/** A reason the applicant will read; the OK button is the confirmation of a destructive action. */
export function ReasonDialog({ open, title, hint, okText, busy, onClose, onSubmit }: ReasonProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'reason-submit' } as never}
      onOk={() => void form.validateFields().then((v) => onSubmit(v.reason.trim()), () => undefined)}
      data-testid="reason-dialog"
    >
      {hint ? <Alert type="warning" showIcon title={hint} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('workbench.apps.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('workbench.apps.reasonRule') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('workbench.apps.reasonPlaceholder')} data-testid="reason-input" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type CorrectionProps = {
  app: Application;
  open: boolean;
  draft: CorrectionDraft;
  setDraft: (d: CorrectionDraft) => void;
  busy: boolean;
  onClose: () => void;
  onSubmit: (points: CorrectionPoint[], comment: string | undefined) => void;
};

/** 要求补正: the chosen materials and fields, each with its own guidance, and an overall comment. */
export function CorrectionDialog({ app, open, draft, setDraft, busy, onClose, onSubmit }: CorrectionProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const points = correctionPoints(app.item, draft);
  const weak = new Set(weakPoints(points));
  const nameOf = (target: CorrectionTarget, key: string) =>
    (target === 'material' ? app.item.materials.find((m) => m.key === key)?.name : app.item.fields.find((f) => f.key === key)?.label) ?? key;
  const addable = [
    ...app.item.materials.filter((m) => !(pointId('material', m.key) in draft)).map((m) => ({ value: pointId('material', m.key), label: `${t('applications.materialsTitle')} · ${m.name}` })),
    ...app.item.fields.filter((f) => !(pointId('field', f.key) in draft)).map((f) => ({ value: pointId('field', f.key), label: `${t('applications.fieldsTitle')} · ${f.label}` })),
  ];
  const submit = () => {
    setTried(true);
    if (!points.length || weak.size) return;
    onSubmit(points, comment.trim() || undefined);
  };
  return (
    <Modal
      open={open}
      title={t('workbench.apps.correctionDialog')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={submit} disabled={!points.length} data-testid="correction-submit">
            {points.length ? t('workbench.apps.requestCorrectionCount', { count: points.length }) : t('workbench.apps.requestCorrection')}
          </Button>
        </Space>
      }
      data-testid="correction-dialog"
    >
      <Typography.Paragraph type="secondary">{t('workbench.apps.correctionDialogHint')}</Typography.Paragraph>
      {!points.length ? <Alert type="info" showIcon title={t('workbench.apps.correctionNone')} style={{ marginBottom: 12 }} /> : null}
      {points.map((p) => {
        const id = pointId(p.target, p.key);
        const bad = tried && weak.has(id);
        return (
          <div key={id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 10 }} data-testid={`correction-point-${p.key}`}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>
                <Typography.Text type="secondary">{p.target === 'material' ? t('applications.materialsTitle') : t('applications.fieldsTitle')} · </Typography.Text>
                {nameOf(p.target, p.key)}
              </Typography.Text>
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setDraft(toggleDraft(draft, p.target, p.key, false))}
                data-testid={`correction-remove-${p.key}`}
              />
            </Space>
            <Form.Item validateStatus={bad ? 'error' : undefined} help={bad ? t('workbench.apps.correctionCommentRule') : undefined} style={{ margin: '6px 0 4px' }}>
              <Input.TextArea
                rows={2}
                maxLength={500}
                value={draft[id] ?? ''}
                placeholder={t('workbench.apps.correctionCommentPlaceholder')}
                onChange={(e) => setDraft({ ...draft, [id]: e.target.value })}
                data-testid={`correction-comment-${p.key}`}
              />
            </Form.Item>
          </div>
        );
      })}
      {addable.length ? (
        <Select
          style={{ width: '100%', marginBottom: 12 }}
          placeholder={t('workbench.apps.correctionAdd')}
          value={null}
          options={addable}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v: string | null) => {
            if (!v) return;
            const [target, key] = v.split(':') as [CorrectionTarget, string];
            setDraft(toggleDraft(draft, target, key, true));
          }}
          data-testid="correction-add"
        />
      ) : null}
      <Form layout="vertical" component="div">
        <Form.Item label={t('workbench.apps.correctionOverall')} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="correction-overall" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The officer's per-material / per-field checkbox. */
export function CorrectionCheck({ target, itemKey, draft, setDraft }: { target: CorrectionTarget; itemKey: string; draft: CorrectionDraft; setDraft: (d: CorrectionDraft) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox
      checked={pointId(target, itemKey) in draft}
      onChange={(e) => setDraft(toggleDraft(draft, target, itemKey, e.target.checked))}
      data-testid={`correction-check-${itemKey}`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('workbench.apps.correctionCheck')}
    </Checkbox>
  );
}

/** 电子签名: the applicant confirms the statement before a fully-electronic item is submitted. */
export function ESignDialog({ open, busy, onClose, onSign }: { open: boolean; busy: boolean; onClose: () => void; onSign: () => void }) {
  const { t } = useTranslation();
  const [agreed, setAgreed] = useState(false);
  return (
    <Modal
      open={open}
      title={t('applications.esignTitle')}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => setAgreed(false)}
      okText={t('applications.esignSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !agreed, loading: busy, 'data-testid': 'esign-submit' } as never}
      onOk={onSign}
      data-testid="esign-dialog"
    >
      <Typography.Paragraph>{t('applications.esignIntro')}</Typography.Paragraph>
      <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="esign-confirm">
        {t('applications.esignStatement')}
      </Checkbox>
    </Modal>
  );
}
