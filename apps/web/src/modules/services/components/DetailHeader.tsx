// The head of a detail page in the services module (UX.md "Detail page"): a breadcrumb back to
// the list, then a card with the record's name, a line of its number and tags, the actions its
// state allows, and whatever the page adds below (steps, alerts, descriptions).
import type { ReactNode } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = {
  back: { to: string; label: ReactNode };
  /** The last breadcrumb (the record's name or number). */
  crumb: ReactNode;
  title: ReactNode;
  titleTestId?: string;
  /** The line under the title: number, status and flag tags. */
  meta?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
};

export function DetailHeader({ back, crumb, title, titleTestId = 'page-title', meta, actions, children }: Props) {
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            title: (
              <Link to={back.to}>
                <ArrowLeftOutlined /> {back.label}
              </Link>
            ),
          },
          { title: crumb },
        ]}
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 20px' } }}>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <div style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid={titleTestId}>
              {title}
            </Typography.Title>
            {meta ? (
              <Space size={12} wrap style={{ marginTop: 8 }}>
                {meta}
              </Space>
            ) : null}
          </div>
          {actions}
        </Flex>
        {children}
      </Card>
    </>
  );
}

/** `编号：SV-20200203-000001` with a copy button; `empty` when there is no code yet. */
export function HeaderCode({ label, code, testId, empty }: { label: ReactNode; code: string | null; testId?: string; empty?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      {label}
      {t('common.colon')}
      {code ? (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid={testId}>
          {code}
        </Typography.Text>
      ) : (
        empty
      )}
    </Typography.Text>
  );
}
