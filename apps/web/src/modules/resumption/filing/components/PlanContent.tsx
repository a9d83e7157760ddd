// The plan's content as descriptions: 基本情况, 防护物资, 防控措施 with attachments, 五个到位 with
// each item's date, note and evidence, and the contact (phone masked).
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIVE_IN_PLACE, type FiveInPlaceKey, type PlanDetail } from '@shuangsheng/contracts';
import { formatNumber } from '../../../../lib/format';
import { FileLinks } from './display';

const n = (v: number | null) => (v === null ? '-' : formatNumber(v));

export function PlanContent({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const f = plan.fields;
  const label = (k: string) => t(`resumptionFiling.fields.${k as 'employeesTotal'}`);
  const five = FIVE_IN_PLACE.map((k) => ({ key: k, entry: f.fiveInPlace[k] ?? null }));
  const fiveColumns: TableColumnsType<{ key: FiveInPlaceKey; entry: PlanDetail['fields']['fiveInPlace'][FiveInPlaceKey] }> = [
    {
      title: t('resumptionFiling.fields.fiveInPlace'),
      key: 'item',
      render: (_v, r) => {
        const done = !!r.entry?.date && (r.entry.evidenceFileIds.length ?? 0) > 0;
        return (
          <span style={{ whiteSpace: 'nowrap' }} data-testid={`plan-view-five-${r.key}`} data-done={done ? 'true' : 'false'}>
            {done ? <CheckCircleFilled style={{ color: '#389e0d', marginInlineEnd: 6 }} /> : <CloseCircleFilled style={{ color: '#cf1322', marginInlineEnd: 6 }} />}
            {t(`resumptionFiling.five.${r.key}`)}
          </span>
        );
      },
    },
    { title: t('resumptionFiling.fields.fiveDate'), key: 'date', render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.entry?.date ?? '-'}</span> },
    { title: t('resumptionFiling.fields.fiveNote'), key: 'note', render: (_v, r) => <div style={{ minWidth: 120, maxWidth: 260, whiteSpace: 'pre-wrap' }}>{r.entry?.note ?? '-'}</div> },
    {
      title: t('resumptionFiling.fields.evidence'),
      key: 'evidence',
      render: (_v, r) => (
        <div style={{ minWidth: 140, maxWidth: 240 }}>
          <FileLinks planId={plan.id} ids={r.entry?.evidenceFileIds ?? []} files={plan.files} />
        </div>
      ),
    },
  ];
  return (
    <>
      <Card title={t('resumptionFiling.steps.basic')} size="small" style={{ marginBottom: 16 }} data-testid="plan-view-basic">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            { key: 'start', label: label('plannedStartDate'), children: f.plannedStartDate ?? '-' },
            { key: 'emp', label: label('employeesTotal'), children: n(f.employeesTotal) },
            { key: 'onsite', label: label('plannedOnSite'), children: n(f.plannedOnSite) },
            { key: 'back', label: label('returnedToCity'), children: n(f.returnedToCity) },
            { key: 'away', label: label('stillOutside'), children: n(f.stillOutside) },
            { key: 'risk', label: label('fromHighRisk'), children: n(f.fromHighRisk) },
            { key: 'quar', label: label('highRiskQuarantined'), children: n(f.highRiskQuarantined) },
            { key: 'qnote', label: label('quarantineNote'), children: f.quarantineNote ?? '-', span: 'filled' },
          ]}
        />
      </Card>
      <Card title={t('resumptionFiling.steps.supplies')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 4 }}
          items={[
            { key: 'masks', label: label('masks'), children: n(f.masks) },
            { key: 'thermo', label: label('thermometers'), children: n(f.thermometers) },
            { key: 'dis', label: label('disinfectantLitres'), children: n(f.disinfectantLitres) },
            { key: 'days', label: label('suppliesDays'), children: f.suppliesDays === null ? '-' : t('resumptionFiling.days', { count: f.suppliesDays }) },
          ]}
        />
      </Card>
      <Card title={t('resumptionFiling.steps.measures')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'measures',
              label: label('measures'),
              children: f.measures.length ? (
                <Flex wrap gap={4}>
                  {f.measures.map((m) => (
                    <Tag key={m} color="blue" style={{ marginInlineEnd: 0 }}>
                      {t(`resumptionFiling.measures.${m}`)}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                '-'
              ),
            },
            { key: 'note', label: label('measuresNote'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{f.measuresNote ?? '-'}</span> },
            { key: 'files', label: label('measureFileIds'), children: <FileLinks planId={plan.id} ids={f.measureFileIds} files={plan.files} testId="plan-view-measure-files" /> },
          ]}
        />
      </Card>
      <Card title={t('resumptionFiling.steps.five')} size="small" style={{ marginBottom: 16 }} data-testid="plan-view-five">
        <Table size="small" rowKey="key" pagination={false} columns={fiveColumns} dataSource={five} scroll={{ x: 'max-content' }} />
      </Card>
      <Card title={t('resumptionFiling.view.contact')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'name', label: label('contactName'), children: f.contactName ?? '-' },
            { key: 'phone', label: label('contactPhone'), children: <Typography.Text style={{ fontFamily: 'monospace' }}>{f.contactPhoneMasked ?? '-'}</Typography.Text> },
          ]}
        />
      </Card>
    </>
  );
}
