import type { EventMatch } from '@cdp/protocol';
import { AutoComplete, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MESSAGE_TYPES } from '../../../api/protocol.ts';
import { useEventNames } from '../hooks/useVocabulary.ts';
import { containsFilter } from '../options.ts';
import { PropertyFilters } from './PropertyFilters.tsx';

interface Props {
  readonly match: EventMatch;
  readonly onChange: (match: EventMatch) => void;
  readonly testId?: string;
}

/** Which events: name (picked from the names seen in the data, or typed), message type, property filters. */
export function EventMatchFields({ match, onChange, testId = 'event-name' }: Props) {
  const { t, i18n } = useTranslation();
  const names = useEventNames();
  const options = (names.data?.items ?? []).map((e) => ({
    value: e.name,
    label: (
      <Flex justify="space-between" gap={16}>
        <span>{e.name}</span>
        <Typography.Text type="secondary">{e.count.toLocaleString(i18n.language)}</Typography.Text>
      </Flex>
    ),
  }));
  const { event, type, where, ...rest } = match;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <AutoComplete
          data-testid={testId}
          style={{ width: 280 }}
          allowClear
          placeholder={t('audiences.event.namePlaceholder')}
          value={event ?? ''}
          options={options}
          showSearch={{ filterOption: containsFilter }}
          onChange={(v: string | undefined) => onChange({ ...rest, type, where, event: v ? v : undefined })}
        />
        <Select<string>
          style={{ width: 140 }}
          value={type ?? ''}
          onChange={(v) =>
            onChange({ ...rest, event, where, type: v ? (v as NonNullable<EventMatch['type']>) : undefined })
          }
          options={[
            { value: '', label: t('audiences.event.anyType') },
            ...MESSAGE_TYPES.map((m) => ({ value: m, label: m })),
          ]}
        />
      </Flex>
      <PropertyFilters
        event={event}
        filters={where ?? []}
        onChange={(filters) =>
          onChange({ ...rest, event, type, where: filters.length > 0 ? filters : undefined })
        }
      />
    </Flex>
  );
}
