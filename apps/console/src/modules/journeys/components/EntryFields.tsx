import type { JourneyEntry } from '@cdp/protocol';
import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventMatchFields } from '../../audiences/components/EventMatchFields.tsx';
import { useAudiences } from '../../audiences/hooks/useAudiences.ts';

/** Who enters: members entering an audience, or people doing an event. */
export function EntryFields({
  entry,
  onChange,
}: {
  entry: JourneyEntry;
  onChange: (entry: JourneyEntry) => void;
}) {
  const { t } = useTranslation();
  const audiences = useAudiences();
  return (
    <Flex vertical gap={8}>
      <Segmented<JourneyEntry['type']>
        data-testid="journey-entry-type"
        value={entry.type}
        onChange={(type) =>
          onChange(type === 'audience' ? { type, audienceId: '' } : { type, match: { type: 'track' } })
        }
        options={(['audience', 'event'] as const).map((v) => ({
          value: v,
          label: t(`journeys.editor.entryTypes.${v}`),
        }))}
      />
      {entry.type === 'audience' ? (
        <Select<string>
          data-testid="journey-entry-audience"
          placeholder={t('journeys.editor.audiencePlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          loading={audiences.isPending}
          value={entry.audienceId || undefined}
          onChange={(audienceId) => onChange({ ...entry, audienceId })}
          options={(audiences.data?.items ?? [])
            .filter((a) => a.status !== 'archived' || a.id === entry.audienceId)
            .map((a) => ({ value: a.id, label: a.name }))}
        />
      ) : (
        <EventMatchFields
          testId="journey-entry-event"
          match={entry.match}
          onChange={(match) => onChange({ ...entry, match })}
        />
      )}
    </Flex>
  );
}
