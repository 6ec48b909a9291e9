import type { Audience } from '@cdp/protocol';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { describeDefinition } from '../describe.ts';
import { useDefinitionNames } from '../hooks/useDefinitionNames.ts';
import { AudienceKindTag, AudienceStatusTag, RunCell, TimeRelativeBadge } from './AudienceBadges.tsx';

/** Id, kind, size, status, run and dates, and the definition as a sentence. */
export function AudienceSummary({ audience }: { readonly audience: Audience }) {
  const { t, i18n } = useTranslation();
  const names = useDefinitionNames();
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);
  const combination = audience.combination;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('audiences.detail.id')}>
          <Typography.Text copyable>{audience.id}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audiences.columns.size')}>
          <Typography.Text strong data-testid="audience-size" data-size={audience.size}>
            {formatNumber(audience.size, i18n.language)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audiences.columns.status')}>
          <AudienceStatusTag status={audience.status} />
          <TimeRelativeBadge audience={audience} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audiences.columns.kind')}>
          <AudienceKindTag kind={audience.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audiences.columns.lastRun')}>
          <RunCell run={audience.lastRun} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audiences.detail.version')}>{audience.version}</Descriptions.Item>
        <Descriptions.Item label={t('audiences.detail.computedAt')}>
          {date(audience.computedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('audiences.columns.updatedAt')}>
          {date(audience.updatedAt)}
        </Descriptions.Item>
        {audience.fileIdentifiers ? (
          <Descriptions.Item label={t('audiences.detail.fileIdentifiers')}>
            {t('audiences.detail.fileSummary', {
              total: formatNumber(audience.fileIdentifiers.total, i18n.language),
              unmatched: formatNumber(audience.fileIdentifiers.unmatched, i18n.language),
            })}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {audience.description ? <Typography.Paragraph>{audience.description}</Typography.Paragraph> : null}
      {combination ? (
        <Typography.Paragraph data-testid="audience-definition">
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {t('audiences.detail.definition')}
          </Typography.Text>
          {t('audiences.combination.text', {
            operator: t(`audiences.combination.operators.${combination.operator}`),
            audiences: combination.audiences
              .map((id) => names.audiences?.get(id) ?? id)
              .join(t('audiences.describe.listJoin')),
          })}
        </Typography.Paragraph>
      ) : audience.definition ? (
        <Typography.Paragraph data-testid="audience-definition">
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {t('audiences.detail.definition')}
          </Typography.Text>
          {describeDefinition(audience.definition, t, names)}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
