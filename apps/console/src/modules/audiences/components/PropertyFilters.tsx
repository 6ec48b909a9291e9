import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PropertyFilter } from '@cdp/protocol';
import { AutoComplete, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEventProperties } from '../hooks/useVocabulary.ts';
import { containsFilter } from '../options.ts';
import { ValueTestInput } from './ValueTestInput.tsx';

interface Props {
  readonly event: string | undefined;
  readonly filters: readonly PropertyFilter[];
  readonly onChange: (filters: PropertyFilter[]) => void;
}

const toPath = (text: string) => text.split('.').filter((k) => k !== '');

/** `where` filters of an event: a property path (picked from the event's properties) and a value test. */
export function PropertyFilters({ event, filters, onChange }: Props) {
  const { t } = useTranslation();
  const properties = useEventProperties(event);
  const known = properties.data?.items ?? [];
  const pathOptions = known.map((p) => ({ value: p.path.join('.'), label: p.path.join('.') }));
  const infoOf = (path: readonly string[]) => known.find((p) => p.path.join('.') === path.join('.'));
  const set = (index: number, filter: PropertyFilter) =>
    onChange(filters.map((f, i) => (i === index ? filter : f)));

  return (
    <Flex vertical gap={8}>
      {filters.map((filter, index) => {
        const info = infoOf(filter.path);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: filters have no identity but their position
          <Flex key={index} gap={8} wrap align="center" data-testid="property-filter">
            <AutoComplete
              data-testid="property-path"
              style={{ width: 200 }}
              placeholder={t('audiences.event.propertyPlaceholder')}
              value={filter.path.join('.')}
              options={pathOptions}
              showSearch={{ filterOption: containsFilter }}
              onChange={(text: string) => set(index, { ...filter, path: toPath(text) })}
            />
            <ValueTestInput
              test={filter.test}
              types={info?.types}
              samples={info?.samples}
              onChange={(test) => set(index, { ...filter, test })}
            />
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('audiences.rule.remove')}
              onClick={() => onChange(filters.filter((_, i) => i !== index))}
            />
          </Flex>
        );
      })}
      <div>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          data-testid="add-property-filter"
          onClick={() => onChange([...filters, { path: [], test: { operator: 'equals', value: '' } }])}
        >
          {t('audiences.event.addFilter')}
        </Button>
      </div>
    </Flex>
  );
}
