import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format.ts';
import { useDestinationMetrics } from '../hooks/useDestinations.ts';

const COUNTS = [
  { key: 'delivered', color: 'success' },
  { key: 'retrying', color: 'warning' },
  { key: 'dead', color: 'error' },
] as const;

/** Delivered / retrying / dead of one destination, for the list (refreshed every 10 s). */
export function HealthSummary({ destinationId }: { readonly destinationId: string }) {
  const { t, i18n } = useTranslation();
  const metrics = useDestinationMetrics(destinationId, 10_000);
  if (!metrics.data) return <span>—</span>;
  const m = metrics.data;
  return (
    <Flex gap={4} wrap data-testid="destination-health">
      {COUNTS.map(({ key, color }) => (
        <Tag
          key={key}
          color={m[key] > 0 ? color : undefined}
          style={{ marginInlineEnd: 0 }}
          data-testid={`health-${key}`}
          data-value={m[key]}
        >
          {t(`destinations.health.${key}`)} {formatNumber(m[key], i18n.language)}
        </Tag>
      ))}
    </Flex>
  );
}
