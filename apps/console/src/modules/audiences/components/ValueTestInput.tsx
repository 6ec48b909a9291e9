import type { ValueTest } from '@cdp/protocol';
import { AutoComplete, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  changeOperator,
  operandShape,
  operatorsFor,
  parseBound,
  parseScalar,
  type ScalarType,
  scalarTypeOf,
  scalarTypes,
} from '../operators.ts';
import { containsFilter, valueOptions } from '../options.ts';

interface Props {
  readonly test: ValueTest;
  readonly onChange: (test: ValueTest) => void;
  /** JSON types seen in the data (vocabulary), to offer fitting operators and type the value. */
  readonly types?: readonly string[];
  /** Values seen in the data, offered as suggestions. */
  readonly samples?: readonly unknown[];
}

const SCALAR_TYPES: readonly ScalarType[] = ['string', 'number', 'boolean'];

/** Operator plus the operand it needs: one typed value, a list, text, a bound, two bounds or days. */
export function ValueTestInput({ test, onChange, types, samples = [] }: Props) {
  const { t } = useTranslation();
  const operators = operatorsFor(types);
  const defaultType: ScalarType = scalarTypes(types)[0] ?? 'string';
  const current =
    'value' in test && test.value !== ''
      ? scalarTypeOf(test.value)
      : 'values' in test && test.values.length > 0
        ? scalarTypeOf(test.values[0])
        : defaultType;
  const options = valueOptions(samples);

  const typeSelect = (onType: (type: ScalarType) => void) => (
    <Select<ScalarType>
      style={{ width: 90 }}
      value={current}
      onChange={onType}
      options={SCALAR_TYPES.map((v) => ({ value: v, label: t(`audiences.value.types.${v}`) }))}
    />
  );

  const operand = () => {
    switch (test.operator) {
      case 'equals':
      case 'not_equals': {
        const op = test.operator;
        const set = (value: string | number | boolean) => onChange({ operator: op, value });
        return (
          <Space.Compact>
            {typeSelect((type) => set(parseScalar(String(test.value), type)))}
            {current === 'number' ? (
              <InputNumber<number>
                data-testid="value-input"
                value={typeof test.value === 'number' ? test.value : 0}
                onChange={(v) => set(v ?? 0)}
              />
            ) : current === 'boolean' ? (
              <Select<string>
                data-testid="value-input"
                style={{ width: 100 }}
                value={String(test.value === true)}
                onChange={(v) => set(v === 'true')}
                options={[
                  { value: 'true', label: 'true' },
                  { value: 'false', label: 'false' },
                ]}
              />
            ) : (
              <AutoComplete
                data-testid="value-input"
                style={{ width: 200 }}
                placeholder={t('audiences.value.placeholder')}
                value={String(test.value)}
                onChange={(v: string) => set(v)}
                options={options}
                showSearch={{ filterOption: containsFilter }}
              />
            )}
          </Space.Compact>
        );
      }
      case 'in':
      case 'not_in': {
        const op = test.operator;
        const set = (texts: string[], type: ScalarType) =>
          onChange({ operator: op, values: texts.map((v) => parseScalar(v, type)) });
        const texts = test.values.map(String);
        return (
          <Space.Compact>
            {typeSelect((type) => set(texts, type))}
            <Select<string[]>
              data-testid="value-input"
              mode="tags"
              style={{ minWidth: 240 }}
              placeholder={t('audiences.value.listPlaceholder')}
              value={texts}
              onChange={(v) => set(v, current)}
              options={options}
            />
          </Space.Compact>
        );
      }
      case 'contains':
      case 'starts_with':
      case 'ends_with': {
        const op = test.operator;
        return (
          <Input
            data-testid="value-input"
            style={{ width: 200 }}
            value={test.value}
            onChange={(e) => onChange({ operator: op, value: e.target.value })}
          />
        );
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const op = test.operator;
        return (
          <Input
            data-testid="value-input"
            style={{ width: 200 }}
            placeholder={t('audiences.value.boundPlaceholder')}
            value={String(test.value)}
            onChange={(e) => onChange({ operator: op, value: parseBound(e.target.value) })}
          />
        );
      }
      case 'between':
        return (
          <Space.Compact>
            <Input
              data-testid="value-from"
              style={{ width: 150 }}
              placeholder={t('audiences.value.boundPlaceholder')}
              value={String(test.from)}
              onChange={(e) => onChange({ ...test, from: parseBound(e.target.value) })}
            />
            <Input
              data-testid="value-to"
              style={{ width: 150 }}
              value={String(test.to)}
              onChange={(e) => onChange({ ...test, to: parseBound(e.target.value) })}
            />
          </Space.Compact>
        );
      case 'within_last_days':
      case 'within_next_days':
      case 'more_than_days_ago':
      case 'birthday_within_next_days':
        return (
          <InputNumber<number>
            data-testid="value-days"
            min={0}
            max={test.operator === 'birthday_within_next_days' ? 366 : 36_500}
            value={test.days}
            suffix={t('audiences.value.days')}
            onChange={(days) => onChange({ ...test, days: days ?? 0 })}
          />
        );
      default:
        return null;
    }
  };

  return (
    <Space wrap>
      <Select<ValueTest['operator']>
        data-testid="value-operator"
        style={{ width: 170 }}
        value={test.operator}
        onChange={(op) => onChange(changeOperator(test, op, defaultType))}
        options={operators.map((op) => ({ value: op, label: t(`audiences.operators.${op}`) }))}
        popupMatchSelectWidth={false}
      />
      {operandShape(test.operator) === 'none' ? null : operand()}
    </Space>
  );
}
