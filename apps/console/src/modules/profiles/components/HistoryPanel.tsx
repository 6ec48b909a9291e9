import type { ProfileHistory } from '@cdp/protocol';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { historyDetail } from '../history.ts';

type Entry = ProfileHistory['items'][number];

interface Props {
  readonly history: ProfileHistory | undefined;
}

const COLORS: Readonly<Record<Entry['kind'], string>> = {
  created: 'green',
  merged: 'blue',
  split: 'red',
  renamed: 'gray',
};

function Details({ entry }: { readonly entry: Entry }) {
  const { t } = useTranslation();
  const d = historyDetail(entry.details);
  const lines: string[] = [];
  if (entry.kind === 'merged' && d.from.length)
    lines.push(t('profiles.history.mergedFrom', { ids: d.from.join('、') }));
  if (entry.kind === 'renamed' && d.from.length)
    lines.push(t('profiles.history.renamedFrom', { ids: d.from.join('、') }));
  if (entry.kind === 'split') {
    if (d.from.length) lines.push(t('profiles.history.splitFrom', { from: d.from.join('、') }));
    if (d.into.length) lines.push(t('profiles.history.splitInto', { ids: d.into.join('、') }));
    if (d.retracted.length) lines.push(t('profiles.history.retracted', { ids: d.retracted.join('、') }));
  }
  return (
    <>
      {lines.map((line) => (
        <Typography.Text key={line} type="secondary" style={{ display: 'block', wordBreak: 'break-all' }}>
          {line}
        </Typography.Text>
      ))}
    </>
  );
}

/** Creations, merges, splits and id changes of the profile, newest first. */
export function HistoryPanel({ history }: Props) {
  const { t, i18n } = useTranslation();
  const items = [...(history?.items ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (history && items.length === 0) return <Empty description={t('profiles.history.empty')} />;
  return (
    <Timeline
      data-testid="profile-history"
      items={items.map((entry) => ({
        key: entry.id,
        color: COLORS[entry.kind],
        content: (
          <>
            <Flex gap={8} align="center">
              <Tag color={COLORS[entry.kind]}>{t(`profiles.history.kinds.${entry.kind}`)}</Tag>
              <Typography.Text>{formatDateTime(entry.at, i18n.language)}</Typography.Text>
            </Flex>
            <Details entry={entry} />
          </>
        ),
      }))}
    />
  );
}
