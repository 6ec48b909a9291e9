import type { EventMeasure, NumberTest, TimeTest } from '@cdp/protocol';
import { AutoComplete, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEventProperties } from '../hooks/useVocabulary.ts';
import { NUMBER_OPERATORS, TIME_OPERATORS, toNumberTest, toTimeTest } from '../operators.ts';
import { containsFilter } from '../options.ts';

type MeasureType = EventMeasure['type'];
const MEASURES: readonly MeasureType[] = ['did', 'did_not', 'count', 'aggregate', 'first', 'last'];
const AGGREGATES = ['sum', 'avg', 'min', 'max', 'distinct_count'] as const;
const COUNT_OPS = ['at_least', 'at_most', 'exactly'] as const;

function defaultMeasure(type: MeasureType): EventMeasure {
  switch (type) {
    case 'did':
    case 'did_not':
      return { type };
    case 'count':
      return { type, operator: 'at_least', value: 1 };
    case 'aggregate':
      return { type, function: 'sum', path: [], test: { operator: 'gt', value: 0 } };
    case 'first':
    case 'last':
      return { type, test: { operator: 'within_last_days', days: 30 } };
  }
}

function NumberTestInput({ test, onChange }: { test: NumberTest; onChange: (test: NumberTest) => void }) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Select<NumberTest['operator']>
        style={{ width: 120 }}
        value={test.operator}
        onChange={(op) => onChange(toNumberTest(test, op))}
        options={NUMBER_OPERATORS.map((op) => ({ value: op, label: t(`audiences.operators.${op}`) }))}
      />
      {test.operator === 'between' ? (
        <>
          <InputNumber<number> value={test.from} onChange={(v) => onChange({ ...test, from: v ?? 0 })} />
          <InputNumber<number> value={test.to} onChange={(v) => onChange({ ...test, to: v ?? 0 })} />
        </>
      ) : (
        <InputNumber<number> value={test.value} onChange={(v) => onChange({ ...test, value: v ?? 0 })} />
      )}
    </Space.Compact>
  );
}

function TimeTestInput({ test, onChange }: { test: TimeTest; onChange: (test: TimeTest) => void }) {
  const { t } = useTranslation();
  const date = (value: string, set: (v: string) => void) => (
    <Input
      style={{ width: 130 }}
      placeholder={t('audiences.value.datePlaceholder')}
      value={value}
      onChange={(e) => set(e.target.value.trim())}
    />
  );
  return (
    <Space wrap>
      <Select<TimeTest['operator']>
        style={{ width: 160 }}
        value={test.operator}
        onChange={(op) => onChange(toTimeTest(test, op))}
        options={TIME_OPERATORS.map((op) => ({ value: op, label: t(`audiences.operators.${op}`) }))}
      />
      {'days' in test ? (
        <InputNumber<number>
          min={0}
          value={test.days}
          suffix={t('audiences.value.days')}
          onChange={(days) => onChange({ ...test, days: days ?? 0 })}
        />
      ) : null}
      {'value' in test ? date(test.value, (value) => onChange({ ...test, value })) : null}
      {test.operator === 'between' ? (
        <Space.Compact>
          {date(test.from, (from) => onChange({ ...test, from }))}
          {date(test.to, (to) => onChange({ ...test, to }))}
        </Space.Compact>
      ) : null}
    </Space>
  );
}

/** What is measured over the matching events: did / did not / count / aggregate / first / last. */
export function MeasureInput({
  event,
  measure,
  onChange,
}: {
  readonly event: string | undefined;
  readonly measure: EventMeasure;
  readonly onChange: (measure: EventMeasure) => void;
}) {
  const { t } = useTranslation();
  const properties = useEventProperties(event);
  const numeric = (properties.data?.items ?? []).filter((p) => p.types.includes('number'));
  return (
    <Space wrap>
      <Select<MeasureType>
        data-testid="event-measure"
        style={{ width: 130 }}
        value={measure.type}
        onChange={(type) => onChange(defaultMeasure(type))}
        options={MEASURES.map((m) => ({ value: m, label: t(`audiences.event.measures.${m}`) }))}
      />
      {measure.type === 'count' ? (
        <Space.Compact>
          <Select<(typeof COUNT_OPS)[number]>
            style={{ width: 100 }}
            value={measure.operator}
            onChange={(operator) => onChange({ ...measure, operator })}
            options={COUNT_OPS.map((op) => ({ value: op, label: t(`audiences.event.countOps.${op}`) }))}
          />
          <InputNumber<number>
            data-testid="event-count"
            min={0}
            value={measure.value}
            onChange={(value) => onChange({ ...measure, value: value ?? 0 })}
          />
        </Space.Compact>
      ) : null}
      {measure.type === 'aggregate' ? (
        <>
          <Select<(typeof AGGREGATES)[number]>
            style={{ width: 110 }}
            value={measure.function}
            onChange={(fn) => onChange({ ...measure, function: fn })}
            options={AGGREGATES.map((fn) => ({ value: fn, label: t(`audiences.aggregate.${fn}`) }))}
          />
          <AutoComplete
            style={{ width: 160 }}
            placeholder={t('audiences.event.aggregatePath')}
            value={measure.path.join('.')}
            options={numeric.map((p) => ({ value: p.path.join('.'), label: p.path.join('.') }))}
            showSearch={{ filterOption: containsFilter }}
            onChange={(text: string) => onChange({ ...measure, path: text.split('.').filter(Boolean) })}
          />
          <NumberTestInput test={measure.test} onChange={(test) => onChange({ ...measure, test })} />
        </>
      ) : null}
      {measure.type === 'first' || measure.type === 'last' ? (
        <TimeTestInput test={measure.test} onChange={(test) => onChange({ ...measure, test })} />
      ) : null}
    </Space>
  );
}
