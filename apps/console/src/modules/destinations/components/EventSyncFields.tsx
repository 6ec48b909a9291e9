import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EventMatch } from '@cdp/protocol';
import { Button, Card, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventMatchFields } from '../../audiences/components/EventMatchFields.tsx';
import { useSources } from '../../sources/hooks/useSources.ts';
import { type FieldError, itemProblem } from '../fieldErrors.ts';
import type { SyncForm } from '../syncSpec.ts';
import { MappingRows } from './MappingRows.tsx';

interface Props {
  readonly form: SyncForm;
  readonly onChange: (next: Partial<SyncForm>) => void;
  readonly problem: FieldError | null;
}

/** An event sync's filter (sources, event matches with property filters) and field mapping. */
export function EventSyncFields({ form, onChange, problem }: Props) {
  const { t } = useTranslation();
  const sources = useSources();
  const setMatch = (index: number, match: EventMatch) =>
    onChange({ events: form.events.map((m, i) => (i === index ? match : m)) });
  return (
    <>
      <Form.Item label={t('destinations.syncs.sources')} {...itemProblem(problem, 'spec.filter.sources')}>
        <Select<string[]>
          data-testid="sync-sources"
          mode="multiple"
          allowClear
          placeholder={t('destinations.syncs.sourcesPlaceholder')}
          value={[...form.sources]}
          onChange={(ids) => onChange({ sources: ids })}
          showSearch={{ optionFilterProp: 'label' }}
          options={(sources.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item
        label={t('destinations.syncs.events')}
        extra={t('destinations.syncs.eventsHint')}
        {...itemProblem(problem, 'spec.filter.events')}
      >
        <Flex vertical gap={8}>
          {form.events.map((match, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: matches have no identity but their position
            <Card key={index} size="small" data-testid="sync-event">
              <Flex gap={8} align="flex-start">
                <div style={{ flex: 1 }}>
                  <EventMatchFields
                    match={match}
                    onChange={(m) => setMatch(index, m)}
                    testId="sync-event-name"
                  />
                </div>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('destinations.editor.removeItem')}
                  onClick={() => onChange({ events: form.events.filter((_, i) => i !== index) })}
                />
              </Flex>
            </Card>
          ))}
          <div>
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              data-testid="sync-add-event"
              onClick={() => onChange({ events: [...form.events, {}] })}
            >
              {t('destinations.syncs.addEvent')}
            </Button>
          </div>
        </Flex>
      </Form.Item>
      <Form.Item
        label={t('destinations.syncs.mapping')}
        extra={t('destinations.syncs.mappingHint')}
        {...itemProblem(problem, 'spec.mapping')}
      >
        <MappingRows rows={form.mapping} onChange={(mapping) => onChange({ mapping })} />
      </Form.Item>
    </>
  );
}
