import type { DestinationMetrics } from '@cdp/protocol';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format.ts';

const COUNTS = ['queued', 'retrying', 'sending', 'delivered', 'skipped', 'suppressed', 'dead'] as const;
const COUNT_COLORS: Partial<Record<(typeof COUNTS)[number], string>> = {
  retrying: '#fa8c16',
  delivered: '#52c41a',
  dead: '#ff4d4f',
};
const CIRCUIT_COLORS = { closed: 'green', open: 'red', half_open: 'orange' } as const;

/** The delivery overview: counts by status, the last hour's latency, the circuit breaker. */
export function MetricsCards({ metrics }: { readonly metrics: DestinationMetrics | undefined }) {
  const { t, i18n } = useTranslation();
  const ms = (v: number | null | undefined) =>
    v === null || v === undefined
      ? t('destinations.metrics.noData')
      : t('destinations.metrics.ms', { n: Math.round(v) });
  const last = metrics?.lastHour;
  return (
    <Flex vertical gap={16} style={{ marginBottom: 16 }} data-testid="destination-metrics">
      <Row gutter={[16, 16]}>
        {COUNTS.map((key) => (
          <Col key={key} xs={12} md={6} xl={3}>
            <Card size="small" data-testid={`metric-${key}`} data-value={metrics ? metrics[key] : ''}>
              <Statistic
                title={t(`destinations.metrics.${key}`)}
                value={metrics ? formatNumber(metrics[key], i18n.language) : '—'}
                styles={{ content: { color: metrics && metrics[key] > 0 ? COUNT_COLORS[key] : undefined } }}
              />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} xl={3}>
          <Card size="small" data-testid="metric-circuit" data-value={metrics?.circuit ?? ''}>
            <Typography.Text type="secondary">{t('destinations.metrics.circuit')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              {metrics ? (
                <Tag color={CIRCUIT_COLORS[metrics.circuit]}>
                  {t(`destinations.circuit.${metrics.circuit}`)}
                </Tag>
              ) : (
                '—'
              )}
            </div>
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Flex gap={32} wrap align="center">
          <Typography.Text strong>{t('destinations.metrics.lastHour')}</Typography.Text>
          <Typography.Text data-testid="metric-last-hour-delivered">
            {t('destinations.metrics.lastHourDelivered', { n: last?.delivered ?? 0 })}
          </Typography.Text>
          <Typography.Text>
            {t('destinations.metrics.failedAttempts', { n: last?.failedAttempts ?? 0 })}
          </Typography.Text>
          <Typography.Text>
            {t('destinations.metrics.latency')}: {ms(last?.p50Ms)} / {ms(last?.p95Ms)}
          </Typography.Text>
          <Typography.Text>
            {t('destinations.metrics.endToEnd')}: {ms(last?.endToEndP50Ms)} / {ms(last?.endToEndP95Ms)}
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
