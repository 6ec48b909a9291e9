import type { StoredEvent } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_TYPES } from '../../../api/protocol.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { JsonBlock } from '../../../ui/JsonBlock.tsx';
import { eventLabel } from '../../debugger/live.ts';
import { type TimelineFilters, useProfileTimeline } from '../hooks/useProfiles.ts';

interface Props {
  readonly profileId: string;
  readonly sourceNames: ReadonlyMap<string, string>;
}

const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'timeline-row' };

/** Events of the person across channels, newest first, filterable, each row expandable to JSON. */
export function TimelinePanel({ profileId, sourceNames }: Props) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<TimelineFilters>({});
  const [eventText, setEventText] = useState('');
  const timeline = useProfileTimeline(profileId, filters);
  const events = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: TimelineFilters): void => setFilters((prev) => ({ ...prev, ...patch }));

  const columns: TableColumnsType<StoredEvent> = [
    {
      title: t('profiles.columns.eventTime'),
      dataIndex: 'timestamp',
      width: 190,
      render: (_, e) => formatDateTime(e.timestamp, i18n.language),
    },
    {
      title: t('profiles.columns.messageType'),
      dataIndex: 'type',
      width: 100,
      render: (_, e) => <Tag>{e.type}</Tag>,
    },
    {
      title: t('profiles.columns.event'),
      key: 'event',
      ellipsis: true,
      render: (_, e) => <Typography.Text strong={e.type === 'track'}>{eventLabel(e)}</Typography.Text>,
    },
    {
      title: t('profiles.columns.source'),
      dataIndex: 'sourceId',
      width: 180,
      ellipsis: true,
      render: (_, e) => sourceNames.get(e.sourceId) ?? e.sourceId,
    },
  ];

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<string>
          data-testid="timeline-type"
          style={{ width: 150 }}
          allowClear
          placeholder={t('profiles.timeline.allTypes')}
          value={filters.type}
          onChange={(type) => set({ type: type || undefined })}
          options={MESSAGE_TYPES.map((type) => ({ value: type, label: type }))}
        />
        <Input.Search
          data-testid="timeline-event"
          style={{ width: 260 }}
          allowClear
          placeholder={t('profiles.timeline.eventFilter')}
          value={eventText}
          onChange={(e) => setEventText(e.target.value)}
          onSearch={(text) => set({ event: text.trim() || undefined })}
        />
        <Select<string>
          data-testid="timeline-source"
          style={{ width: 200 }}
          allowClear
          placeholder={t('profiles.timeline.allSources')}
          value={filters.sourceId}
          onChange={(sourceId) => set({ sourceId: sourceId || undefined })}
          options={[...sourceNames].map(([value, label]) => ({ value, label }))}
        />
        <Typography.Text type="secondary">
          {t('profiles.timeline.count', { count: events.length })}
        </Typography.Text>
      </Flex>
      {timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      <Table<StoredEvent>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={events}
        loading={timeline.isPending}
        pagination={false}
        locale={{ emptyText: t('profiles.timeline.empty') }}
        expandable={{ expandedRowRender: (e) => <JsonBlock value={e.message} maxHeight={400} /> }}
        onRow={() => ROW_TEST_ID}
        scroll={{ x: 720 }}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {timeline.hasNextPage ? (
          <Button
            data-testid="timeline-more"
            loading={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            {t('profiles.timeline.loadMore')}
          </Button>
        ) : events.length > 0 ? (
          <Typography.Text type="secondary">{t('profiles.timeline.noMore')}</Typography.Text>
        ) : null}
      </Flex>
    </>
  );
}
