import { ClockCircleOutlined } from '@ant-design/icons';
import type { Audience, AudienceRunSummary } from '@cdp/protocol';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format.ts';

const STATUS_COLORS = { active: 'green', paused: 'orange', archived: 'default' } as const;
const RUN_COLORS = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

export function AudienceStatusTag({ status }: { readonly status: Audience['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="audience-status">
      {t(`audiences.statuses.${status}`)}
    </Tag>
  );
}

export function AudienceKindTag({ kind }: { readonly kind: Audience['kind'] }) {
  const { t } = useTranslation();
  return <Tag>{t(`audiences.kinds.${kind}`)}</Tag>;
}

export function TimeRelativeBadge({ audience }: { readonly audience: Pick<Audience, 'timeRelative'> }) {
  const { t } = useTranslation();
  if (!audience.timeRelative) return null;
  return (
    <Tooltip title={t('audiences.timeRelativeHint')}>
      <Tag icon={<ClockCircleOutlined />} color="blue" data-testid="audience-time-relative">
        {t('audiences.timeRelative')}
      </Tag>
    </Tooltip>
  );
}

/** Run status with the size before → after (and the error of a failed run). */
export function RunCell({ run }: { readonly run: AudienceRunSummary | null }) {
  const { t, i18n } = useTranslation();
  if (!run) return null;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language));
  return (
    <Flex gap={4} align="center" wrap data-testid="audience-last-run" data-status={run.status}>
      <Tooltip title={run.error ?? undefined}>
        <Tag color={RUN_COLORS[run.status]}>{t(`audiences.runStatuses.${run.status}`)}</Tag>
      </Tooltip>
      {run.status === 'done' ? (
        <Typography.Text type="secondary">
          {t('audiences.runChange', { before: n(run.before), after: n(run.after) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
