import type { StoredEvent } from '@cdp/protocol';
import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { JsonBlock } from '../../../ui/JsonBlock.tsx';
import { eventLabel } from '../live.ts';
import { FlagTags } from './FlagTags.tsx';

export function EventDetail({ event }: { readonly event: StoredEvent | undefined }) {
  const { t, i18n } = useTranslation();
  if (!event) return <Empty description={t('debugger.selectHint')} />;
  return (
    <div data-testid="debugger-event-detail">
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('debugger.columns.event')}>{eventLabel(event)}</Descriptions.Item>
        <Descriptions.Item label={t('debugger.messageId')}>{event.messageId}</Descriptions.Item>
        {event.userId ? (
          <Descriptions.Item label={t('debugger.userId')}>{event.userId}</Descriptions.Item>
        ) : null}
        {event.anonymousId ? (
          <Descriptions.Item label={t('debugger.anonymousId')}>{event.anonymousId}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('debugger.timestamp')}>
          {formatDateTime(event.timestamp, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('debugger.receivedAt')}>
          {formatDateTime(event.receivedAt, i18n.language)}
        </Descriptions.Item>
        {event.flags.length ? (
          <Descriptions.Item label={t('debugger.columns.flags')}>
            <FlagTags flags={event.flags} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <JsonBlock value={event.message} />
    </div>
  );
}
