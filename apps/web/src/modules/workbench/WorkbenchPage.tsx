// 工作台: the zone at a glance — parks, buildings, enterprises, above-scale and city-monitored
// counts, and the enterprises by scale tier (from the registry's list totals).
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SCALE_TIERS, type ListResult, type ScaleTier } from '@shuangsheng/contracts';
import { api } from '../../api/client';
import { useCan, useSession } from '../../app/session';
import { ErrorState } from '../../components/PageStates';
import { PageHeader } from '../../components/ListPage';
import { formatNumber } from '../../lib/format';
import { useEnterpriseCount } from '../enterprises/api';
import { TIER_COLORS } from '../enterprises/display';

const BAR: Record<ScaleTier, string> = { ten_billion: '#c41d7f', billion: '#d4380d', hundred_million: '#d48806', other: '#8c8c8c' };

function useTotal(path: string, enabled: boolean) {
  return useQuery({
    queryKey: [path.split('/')[2], 'count'],
    queryFn: ({ signal }) => api.get<ListResult<unknown>>(path, { pageSize: 1 }, { signal }).then((r) => r.total),
    enabled,
    staleTime: 30_000,
  });
}

function Stat({ title, value, to, loading, testId }: { title: string; value: number | undefined; to?: string; loading: boolean; testId: string }) {
  const body = (
    <Card hoverable={!!to} styles={{ body: { padding: 16 } }} data-testid={testId}>
      <Statistic title={title} value={value ?? 0} loading={loading} formatter={(v) => formatNumber(Number(v))} />
    </Card>
  );
  return to ? <Link to={to}>{body}</Link> : body;
}

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const org = can('org.read');
  const ent = can('enterprises.read');
  const parks = useTotal('/api/parks', org);
  const buildings = useTotal('/api/buildings', org);
  const total = useEnterpriseCount({}, ent);
  const above = useEnterpriseCount({ aboveScale: true }, ent);
  const city = useEnterpriseCount({ cityMonitored: true }, ent);
  const tiers = {
    ten_billion: useEnterpriseCount({ tier: 'ten_billion' }, ent),
    billion: useEnterpriseCount({ tier: 'billion' }, ent),
    hundred_million: useEnterpriseCount({ tier: 'hundred_million' }, ent),
    other: useEnterpriseCount({ tier: 'other' }, ent),
  };
  const failed = [parks, buildings, total].find((q) => q.isError);
  const max = Math.max(1, ...SCALE_TIERS.map((s) => tiers[s].data ?? 0));

  return (
    <div>
      <PageHeader title={t('workbench.title')} sub={t('workbench.greeting', { name: me.displayName })} />
      {failed ? <ErrorState error={failed.error} onRetry={() => void Promise.all([parks.refetch(), buildings.refetch(), total.refetch()])} /> : null}
      <Row gutter={[16, 16]}>
        {org ? (
          <>
            <Col xs={12} md={8} xl={4}>
              <Stat title={t('workbench.parks')} value={parks.data} loading={parks.isPending} to="/parks" testId="stat-parks" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Stat title={t('workbench.buildings')} value={buildings.data} loading={buildings.isPending} to="/buildings" testId="stat-buildings" />
            </Col>
          </>
        ) : null}
        {ent ? (
          <>
            <Col xs={12} md={8} xl={6}>
              <Stat title={t('workbench.enterprises')} value={total.data} loading={total.isPending} to="/enterprises" testId="stat-enterprises" />
            </Col>
            <Col xs={12} md={12} xl={5}>
              <Stat title={t('workbench.aboveScale')} value={above.data} loading={above.isPending} to="/enterprises?aboveScale=true" testId="stat-above-scale" />
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Stat title={t('workbench.cityMonitored')} value={city.data} loading={city.isPending} to="/enterprises?cityMonitored=true" testId="stat-city-monitored" />
            </Col>
          </>
        ) : null}
      </Row>
      {ent ? (
        <Card title={t('workbench.tierDistribution')} extra={<Typography.Text type="secondary">{t('workbench.tierHint')}</Typography.Text>} style={{ marginTop: 16 }} data-testid="tier-distribution">
          {SCALE_TIERS.map((s) => {
            const q = tiers[s];
            const n = q.data ?? 0;
            const share = total.data ? ((n / total.data) * 100).toFixed(1) : '0.0';
            return (
              <Link key={s} to={`/enterprises?tier=${s}`} style={{ display: 'block', color: 'inherit' }}>
                <Flex align="center" gap={12} style={{ padding: '8px 0' }}>
                  <Tooltip title={t(`tierHints.${s}`)}>
                    <span style={{ width: 96, flex: 'none', color: TIER_COLORS[s] === 'default' ? undefined : BAR[s], fontWeight: 500 }}>{t(`tiers.${s}`)}</span>
                  </Tooltip>
                  <div style={{ flex: 1, background: '#f5f5f5', borderRadius: 4, height: 18, overflow: 'hidden' }}>
                    {q.isPending ? <Skeleton.Button active size="small" block /> : <div style={{ width: `${(n / max) * 100}%`, minWidth: n ? 4 : 0, height: '100%', background: BAR[s], borderRadius: 4 }} />}
                  </div>
                  <Tooltip title={`${formatNumber(n)} / ${formatNumber(total.data ?? 0)}`}>
                    <span style={{ width: 120, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid={`tier-count-${s}`}>
                      {t('workbench.unitCount', { n: formatNumber(n) })} · {share}%
                    </span>
                  </Tooltip>
                </Flex>
              </Link>
            );
          })}
        </Card>
      ) : null}
    </div>
  );
}
