import type { Tag as TagModel, TagStatus } from '@cdp/protocol';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLORS: Record<TagModel['spec']['kind'], string> = {
  rule: 'blue',
  computed: 'cyan',
  rfm: 'gold',
  lifecycle: 'purple',
  imported: 'default',
};
const STATUS_COLORS: Record<TagStatus, string> = {
  draft: 'default',
  active: 'green',
  paused: 'orange',
  archived: 'default',
};

export function TagKindTag({ kind }: { readonly kind: TagModel['spec']['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="tag-kind" data-kind={kind}>
      {t(`tags.kinds.${kind}`)}
    </Tag>
  );
}

export function TagStatusTag({ status }: { readonly status: TagStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="tag-status" data-status={status}>
      {t(`tags.statuses.${status}`)}
    </Tag>
  );
}

/** 实时, or 定时 · 每 60 分钟. */
export function UpdateText({ update }: { readonly update: TagModel['update'] }) {
  const { t } = useTranslation();
  return update.mode === 'realtime'
    ? t('tags.update.realtime')
    : `${t('tags.update.scheduled')} · ${t('tags.update.every', { minutes: update.intervalMinutes })}`;
}
