// The latest daily reports of one enterprise as a compact list (fits a phone): date, staff on
// site against employees, capacity, supplies days, abnormal temperatures in red.
import { Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DailyReport } from '@shuangsheng/contracts';
import { formatDateTime, formatNumber } from '../../../../lib/format';
import { Rate } from './display';

export function ReportList({ reports, testId = 'report-list' }: { reports: readonly DailyReport[]; testId?: string }) {
  const { t } = useTranslation();
  if (!reports.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resumptionFiling.report.none')} data-testid={`${testId}-empty`} />;
  return (
    <div data-testid={testId}>
      {reports.map((r, i) => (
        <div key={r.id} data-testid="report-row" data-date={r.reportDate} style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
          <Space size={8} wrap style={{ marginBottom: 2 }}>
            <Typography.Text strong>{r.reportDate}</Typography.Text>
            {r.replaced ? <Tag>{t('resumptionFiling.report.replacedTag')}</Tag> : null}
            {r.abnormalTemperature > 0 ? <Tag color="error">{t('resumptionFiling.report.abnormalTag', { count: r.abnormalTemperature })}</Tag> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.updatedAt)} · {r.reportedBy}
            </Typography.Text>
          </Space>
          <Space size={[16, 2]} wrap style={{ fontSize: 13 }}>
            <span>
              {t('resumptionFiling.report.staffOnSite')}
              {t('common.colon')}
              {formatNumber(r.staffOnSite)}
              {r.employees ? (
                <>
                  {' / '}
                  {formatNumber(r.employees)} (<Rate numerator={r.staffOnSite} denominator={r.employees} value={r.staffOnSite / r.employees} />)
                </>
              ) : null}
            </span>
            <span>
              {t('resumptionFiling.report.capacityPct')}
              {t('common.colon')}
              {r.capacityPct}%
            </span>
            <span>
              {t('resumptionFiling.report.suppliesDaysLeft')}
              {t('common.colon')}
              {t('resumptionFiling.days', { count: r.suppliesDaysLeft })}
            </span>
          </Space>
          {r.note ? (
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }} ellipsis={{ rows: 2 }}>
              {r.note}
            </Typography.Paragraph>
          ) : null}
        </div>
      ))}
    </div>
  );
}
