// 手机查询: the public progress page of an application (/h5/progress, no login) — the link to
// share or open on a phone, with a copy button; the page asks for the number and the phone's
// last 4 digits. The zone code in the link tells which zone's numbers to search.
import { MobileOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { progressUrl } from '../helpers';

export function ProgressLinkCard({ zone, number }: { zone: string; number: string }) {
  const { t } = useTranslation();
  const url = progressUrl(window.location.origin, zone, number);
  return (
    <Card
      title={
        <span>
          <MobileOutlined /> {t('applications.progressTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="app-progress"
    >
      <Typography.Paragraph copyable={{ text: url }} style={{ marginBottom: 8, wordBreak: 'break-all' }}>
        <Typography.Link href={url} target="_blank" rel="noopener noreferrer" data-testid="app-progress-link">
          {url}
        </Typography.Link>
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('applications.progressHint')}
      </Typography.Text>
    </Card>
  );
}
