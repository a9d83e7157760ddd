// The reviewer's decisions on a submitted plan: 批准复工 with an optional list of conditions
// (附条件批准), 退回补正 and 不予批准 with the reason the enterprise will read. Each dialog is the
// confirmation of its decision.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type ApproveValues = { conditions?: string[]; comment?: string };

export function ApproveDialog({ open, busy, onClose, onSubmit }: { open: boolean; busy: boolean; onClose: () => void; onSubmit: (v: { conditions: string[]; comment: string | null }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApproveValues>();
  const conditions = Form.useWatch('conditions', form) ?? [];
  const filled = conditions.filter((c) => (c ?? '').trim()).length;
  return (
    <Modal
      open={open}
      title={t('resumptionFiling.decide.approveTitle')}
      onCancel={onClose}
      destroyOnHidden
      okText={filled ? t('resumptionFiling.decide.approveWithConditions', { count: filled }) : t('resumptionFiling.decide.approve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'approve-submit' } as never}
      onOk={() =>
        void form.validateFields().then(
          (v) => onSubmit({ conditions: (v.conditions ?? []).map((c) => c.trim()).filter(Boolean), comment: v.comment?.trim() || null }),
          () => undefined,
        )
      }
      data-testid="approve-dialog"
    >
      <Typography.Paragraph type="secondary">{t('resumptionFiling.decide.approveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <Form.Item label={t('resumptionFiling.decide.conditions')} extra={t('resumptionFiling.decide.conditionsHint')}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={field.name}
                    style={{ flex: 1, marginBottom: 8 }}
                    rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t('resumptionFiling.decide.conditionRule') }]}
                  >
                    <Input maxLength={300} placeholder={t('resumptionFiling.decide.conditionPlaceholder', { n: i + 1 })} data-testid={`approve-condition-${i}`} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              {fields.length < 20 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block data-testid="approve-condition-add">
                  {t('resumptionFiling.decide.addCondition')}
                </Button>
              ) : null}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="comment" label={t('resumptionFiling.decide.comment')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="approve-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ReasonProps = { open: boolean; kind: 'return' | 'refuse'; busy: boolean; onClose: () => void; onSubmit: (reason: string) => void };

export function ReasonDialog({ open, kind, busy, onClose, onSubmit }: ReasonProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={kind === 'return' ? t('resumptionFiling.decide.returnTitle') : t('resumptionFiling.decide.refuseTitle')}
      onCancel={onClose}
      destroyOnHidden
      okText={kind === 'return' ? t('resumptionFiling.decide.return') : t('resumptionFiling.decide.refuse')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: kind === 'refuse', loading: busy, 'data-testid': 'reason-submit' } as never}
      onOk={() => void form.validateFields().then((v) => onSubmit(v.reason.trim()), () => undefined)}
      data-testid="reason-dialog"
    >
      <Alert type={kind === 'refuse' ? 'error' : 'warning'} showIcon title={kind === 'return' ? t('resumptionFiling.decide.returnHint') : t('resumptionFiling.decide.refuseHint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('resumptionFiling.decide.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('resumptionFiling.decide.reasonRule') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="reason-input" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
