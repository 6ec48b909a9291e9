import { EditOutlined } from '@ant-design/icons';
import type { Journey, JourneyStatus } from '@cdp/protocol';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<JourneyStatus, string> = {
  draft: 'blue',
  active: 'green',
  paused: 'orange',
  archived: 'default',
};

export function JourneyStatusTag({ status }: { readonly status: JourneyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="journey-status" data-status={status}>
      {t(`journeys.statuses.${status}`)}
    </Tag>
  );
}

/** v3, or 未发布. */
export function JourneyVersion({ journey }: { readonly journey: Pick<Journey, 'publishedVersion'> }) {
  const { t } = useTranslation();
  return (
    <span data-testid="journey-version" data-version={journey.publishedVersion ?? ''}>
      {journey.publishedVersion === null
        ? t('journeys.notPublished')
        : t('journeys.version', { version: journey.publishedVersion })}
    </span>
  );
}

/** Marks a published journey whose draft has edits not published yet. */
export function DraftMarker({
  journey,
}: {
  readonly journey: Pick<Journey, 'publishedVersion' | 'hasDraft'>;
}) {
  const { t } = useTranslation();
  if (!journey.hasDraft || journey.publishedVersion === null) return null;
  return (
    <Tooltip title={t('journeys.draftDiffers', { version: journey.publishedVersion })}>
      <Tag icon={<EditOutlined />} color="gold" data-testid="journey-has-draft">
        {t('journeys.hasDraft')}
      </Tag>
    </Tooltip>
  );
}
