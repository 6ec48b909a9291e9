import type { AudienceSource } from '@cdp/protocol';
import { Alert, Card, Flex, Spin, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../ui/format.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { profilePath } from '../../profiles/search.ts';
import type { LiveEstimate } from '../hooks/useLiveEstimate.ts';

/** Live size estimate of the source being edited, or the server's objection to it. */
export function EstimatePanel({
  source,
  live,
}: {
  readonly source: AudienceSource | null;
  readonly live: LiveEstimate;
}) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const { query: estimate, fresh } = live;
  const data = estimate.isError ? undefined : estimate.data;

  return (
    <Card size="small" title={t('audiences.estimate.title')} data-testid="estimate-panel">
      {source === null ? (
        <Typography.Text type="secondary">{t('audiences.estimate.incomplete')}</Typography.Text>
      ) : null}
      {source !== null && estimate.isError ? (
        <Alert
          type="error"
          showIcon
          data-testid="estimate-error"
          title={t('audiences.estimate.invalid')}
          description={describe(estimate.error)}
        />
      ) : null}
      {source !== null && data ? (
        <Flex vertical gap={8}>
          <Flex align="center" gap={12}>
            <Statistic
              value={data.size}
              formatter={(v) => (
                <span data-testid="estimate-size" data-size={data.size} data-fresh={fresh}>
                  {formatNumber(Number(v), i18n.language)}
                </span>
              )}
            />
            {fresh ? null : <Spin size="small" />}
          </Flex>
          <Typography.Text type="secondary">
            {t('audiences.estimate.ofTotal', {
              total: formatNumber(data.profiles, i18n.language),
              percent: new Intl.NumberFormat(i18n.language, {
                style: 'percent',
                maximumFractionDigits: 1,
              }).format(data.profiles === 0 ? 0 : data.size / data.profiles),
            })}
            {' · '}
            <span data-testid="estimate-elapsed">
              {t('audiences.estimate.elapsed', { ms: Math.round(data.elapsedMs) })}
            </span>
          </Typography.Text>
          {data.sample.length > 0 ? (
            <div>
              <Typography.Text type="secondary">{t('audiences.estimate.sample')}</Typography.Text>
              <Flex gap={4} wrap style={{ marginTop: 4 }}>
                {data.sample.map((p) => (
                  <Tag key={p.profileId} data-testid="estimate-sample">
                    <Link to={profilePath(p.profileId)} target="_blank">
                      {p.name ?? p.profileId}
                    </Link>
                  </Tag>
                ))}
              </Flex>
            </div>
          ) : null}
        </Flex>
      ) : null}
      {source !== null && !data && !estimate.isError ? <Spin /> : null}
    </Card>
  );
}
