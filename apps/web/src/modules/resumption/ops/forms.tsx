// The two forms the workbench, the visit log and the demands ledger share: 提出诉求 (an enterprise
// user for their own enterprise, a commissioner for an assigned one) and 记录走访 (a visit whose
// problems found each become a demand).
import { Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEMAND_CATEGORIES, type Demand, type DemandCategory, type Visit } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useSession } from '../../../app/session';
import { FormDialog, useFormDialog } from '../../../components/FormDialog';
import { EnterpriseSelect } from '../../../components/pickers';
import { zoneDateOf } from '../../../lib/format';
import { useRaiseDemand, useRecordVisit, useWorkbench } from './api';
import { DepartmentInput } from './display';
import { dueAtOfDate } from './helpers';

type Fixed = { id: string; name: string } | null;

/** Today in the zone; dates after it are disabled in pickers of things that happened. */
const today = () => zoneDateOf(Date.now());
export const notFuture = (d: Dayjs) => d.format('YYYY-MM-DD') > today();
const notPast = (d: Dayjs) => d.format('YYYY-MM-DD') < today();

/**
 * The enterprise of a form: a commissioner picks among the enterprises assigned to them (their
 * workbench), anyone else in the zone's registry.
 */
function EnterpriseField({ fixed, testId }: { fixed: Fixed; testId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const commissioner = me.roles.includes('commissioner') && !me.roles.includes('zone_admin');
  const mine = useWorkbench(undefined, commissioner && !fixed);
  if (fixed) {
    return (
      <Form.Item label={t('resumptionOps.common.enterprise')}>
        <Typography.Text strong data-testid={`${testId}-fixed`}>
          {fixed.name}
        </Typography.Text>
      </Form.Item>
    );
  }
  const rules = [{ required: true, message: t('common.requiredSelect', { field: t('resumptionOps.common.enterprise') }) }];
  return (
    <Form.Item name="enterpriseId" label={t('resumptionOps.common.enterprise')} rules={rules}>
      {commissioner ? (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={mine.isPending}
          placeholder={t('resumptionOps.common.pickMyEnterprise')}
          options={(mine.data?.enterprises ?? []).map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))}
          data-testid={testId}
        />
      ) : (
        <EnterpriseSelect testId={testId} />
      )}
    </Form.Item>
  );
}

function CategoryPicker({ value, onChange, testId }: { value?: DemandCategory; onChange?: (v: DemandCategory) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as DemandCategory)} optionType="button" buttonStyle="solid" data-testid={testId} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      {DEMAND_CATEGORIES.map((c) => (
        <Radio.Button key={c} value={c} style={{ borderRadius: 6, borderInlineStartWidth: 1 }}>
          {/* The input antd renders is hidden: the test id goes on the visible label. */}
          <span data-testid={`${testId}-${c}`}>{t(`resumptionOps.categories.${c}`)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}

type DemandValues = { enterpriseId?: string; category: DemandCategory; title: string; description: string; department?: string; dueDate?: Dayjs | null };

/** 提出诉求. Enterprise users raise for their own enterprise; officers name it (or it is fixed by the row). */
export function DemandDialog({ enterprise = null, onClose, onSaved }: { enterprise?: Fixed; onClose: () => void; onSaved?: (d: Demand) => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const own = isEnterpriseOnly(me);
  const raise = useRaiseDemand();
  const { form, dialog } = useFormDialog<DemandValues, Demand>({
    creating: true,
    onClose,
    onSaved,
    fieldMap: { dueAt: 'dueDate' },
    save: (v) =>
      raise.mutateAsync({
        enterpriseId: own ? undefined : (enterprise?.id ?? v.enterpriseId),
        category: v.category,
        title: v.title.trim(),
        description: v.description.trim(),
        department: v.department?.trim() || undefined,
        dueAt: v.dueDate ? dueAtOfDate(v.dueDate.format('YYYY-MM-DD')) : undefined,
      }),
  });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} title={t('resumptionOps.demands.raiseTitle')} width={640} submitText={t('resumptionOps.demands.raiseSubmit')}>
      <Form form={form} layout="vertical" initialValues={{ category: undefined }} data-testid="demand-form">
        {own ? null : <EnterpriseField fixed={enterprise} testId="demand-enterprise" />}
        <Form.Item name="category" label={t('resumptionOps.common.category')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('resumptionOps.common.category') }) }]}>
          <CategoryPicker testId="demand-category" />
        </Form.Item>
        <Form.Item name="title" label={t('resumptionOps.demands.titleField')} rules={[...required(t('resumptionOps.demands.titleField')), { min: 2, message: t('resumptionOps.common.min2') }]}>
          <Input maxLength={100} placeholder={t('resumptionOps.demands.titlePlaceholder')} data-testid="demand-title" />
        </Form.Item>
        <Form.Item name="description" label={t('resumptionOps.demands.description')} rules={[...required(t('resumptionOps.demands.description')), { min: 2, message: t('resumptionOps.common.min2') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('resumptionOps.demands.descriptionPlaceholder')} data-testid="demand-description" />
        </Form.Item>
        {own ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('resumptionOps.demands.enterpriseHint')}
          </Typography.Paragraph>
        ) : (
          <Flex gap={16} wrap>
            <Form.Item name="department" label={t('resumptionOps.common.department')} style={{ flex: '1 1 240px' }}>
              <DepartmentInput testId="demand-department" />
            </Form.Item>
            <Form.Item name="dueDate" label={t('resumptionOps.demands.dueDate')} extra={t('resumptionOps.demands.dueHint')} style={{ flex: '1 1 200px' }}>
              <DatePicker disabledDate={notPast} style={{ width: '100%' }} data-testid="demand-due" />
            </Form.Item>
          </Flex>
        )}
      </Form>
    </FormDialog>
  );
}

type ProblemValues = { category?: DemandCategory; title?: string; description?: string; department?: string };
type VisitValues = { enterpriseId?: string; visitDate: Dayjs; content: string; policiesExplained?: string; problems?: ProblemValues[] };

/** 记录走访: date, content, policies explained, and problems found (each becomes a demand). */
export function VisitDialog({ enterprise = null, onClose, onSaved }: { enterprise?: Fixed; onClose: () => void; onSaved?: (v: Visit) => void }) {
  const { t } = useTranslation();
  const record = useRecordVisit();
  const { form, dialog } = useFormDialog<VisitValues, Visit>({
    creating: false,
    onClose,
    onSaved,
    save: (v) =>
      record.mutateAsync({
        enterpriseId: enterprise?.id ?? v.enterpriseId ?? '',
        visitDate: v.visitDate.format('YYYY-MM-DD'),
        content: v.content.trim(),
        policiesExplained: v.policiesExplained?.trim() || null,
        problems: (v.problems ?? []).map((p) => ({
          category: p.category ?? 'other',
          title: (p.title ?? '').trim(),
          description: (p.description ?? '').trim(),
          department: p.department?.trim() || undefined,
        })),
      }),
  });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} drawer width={720} title={t('resumptionOps.visits.recordTitle')} submitText={t('resumptionOps.visits.recordSubmit')}>
      <Form form={form} layout="vertical" initialValues={{ visitDate: dayjs(today()), problems: [] }} data-testid="visit-form">
        <EnterpriseField fixed={enterprise} testId="visit-enterprise" />
        <Form.Item name="visitDate" label={t('resumptionOps.visits.date')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('resumptionOps.visits.date') }) }]}>
          <DatePicker disabledDate={notFuture} allowClear={false} data-testid="visit-date" />
        </Form.Item>
        <Form.Item name="content" label={t('resumptionOps.visits.content')} rules={[...required(t('resumptionOps.visits.content')), { min: 2, message: t('resumptionOps.common.min2') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('resumptionOps.visits.contentPlaceholder')} data-testid="visit-content" />
        </Form.Item>
        <Form.Item name="policiesExplained" label={t('resumptionOps.visits.policies')}>
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('resumptionOps.visits.policiesPlaceholder')} data-testid="visit-policies" />
        </Form.Item>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('resumptionOps.visits.problems')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('resumptionOps.visits.problemsHint')}</Typography.Paragraph>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('resumptionOps.visits.problemN', { n: i + 1 })}
                  extra={
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid={`visit-problem-remove-${i}`}>
                      {t('common.delete')}
                    </Button>
                  }
                  data-testid={`visit-problem-${i}`}
                >
                  <Form.Item name={[field.name, 'category']} label={t('resumptionOps.common.category')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('resumptionOps.common.category') }) }]}>
                    <CategoryPicker testId={`visit-problem-${i}-category`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} label={t('resumptionOps.demands.titleField')} rules={[...required(t('resumptionOps.demands.titleField')), { min: 2, message: t('resumptionOps.common.min2') }]}>
                    <Input maxLength={100} data-testid={`visit-problem-${i}-title`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} label={t('resumptionOps.demands.description')} rules={[...required(t('resumptionOps.demands.description')), { min: 2, message: t('resumptionOps.common.min2') }]}>
                    <Input.TextArea rows={2} maxLength={2000} data-testid={`visit-problem-${i}-description`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'department']} label={t('resumptionOps.common.department')} style={{ marginBottom: 0 }}>
                    <DepartmentInput testId={`visit-problem-${i}-department`} />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block disabled={fields.length >= 20} data-testid="visit-problem-add">
                {t('resumptionOps.visits.addProblem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDialog>
  );
}
