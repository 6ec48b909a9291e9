import type { Destination, DestinationTypeInfo } from '@cdp/protocol';
import { Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { JsonBlock } from '../../../ui/JsonBlock.tsx';
import { useSchemaLabels } from '../hooks/useSchemaLabels.ts';
import { PurposeTags, TypeLabel } from './DestinationBadges.tsx';

/** A destination's settings: type, purposes, limits, the config as stored and which secrets are set. */
export function DestinationOverview({
  destination: d,
  type,
}: {
  readonly destination: Destination;
  readonly type?: DestinationTypeInfo;
}) {
  const { t, i18n } = useTranslation();
  const labels = useSchemaLabels();
  return (
    <Descriptions column={1} bordered size="small" data-testid="destination-overview">
      <Descriptions.Item label={t('destinations.detail.id')}>{d.id}</Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.type')}>
        <TypeLabel type={d.type} info={type} />
      </Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.purposes')}>
        <PurposeTags purposes={d.purposes} />
      </Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.limits')}>
        {t('destinations.detail.limitsValue', {
          concurrency: d.concurrency,
          rate: d.ratePerSecond ?? t('destinations.editor.unlimited'),
          hours: d.retryHours,
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.secretsSet')}>
        <Flex gap={4} wrap data-testid="destination-secrets-set">
          {d.secretsSet.length === 0
            ? t('destinations.detail.none')
            : d.secretsSet.map((s) => (
                <Tag key={s} color="green">
                  {labels.field(s)}
                </Tag>
              ))}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.config')}>
        <JsonBlock value={d.config} maxHeight={360} />
      </Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.createdAt')}>
        {formatDateTime(d.createdAt, i18n.language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('destinations.detail.updatedAt')}>
        {formatDateTime(d.updatedAt, i18n.language)}
      </Descriptions.Item>
    </Descriptions>
  );
}
