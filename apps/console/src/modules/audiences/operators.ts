import type { NumberTest, TimeTest, ValueTest } from '@cdp/protocol';

export type ValueOperator = ValueTest['operator'];
export type ScalarType = 'string' | 'number' | 'boolean';
export type Scalar = string | number | boolean;

// Mirrors the protocol's operators without shipping zod; the Record makes tsc catch drift.
const SHAPES: Record<ValueOperator, OperandShape> = {
  equals: 'scalar',
  not_equals: 'scalar',
  in: 'list',
  not_in: 'list',
  contains: 'text',
  starts_with: 'text',
  ends_with: 'text',
  gt: 'bound',
  gte: 'bound',
  lt: 'bound',
  lte: 'bound',
  between: 'range',
  exists: 'none',
  not_exists: 'none',
  is_true: 'none',
  is_false: 'none',
  within_last_days: 'days',
  within_next_days: 'days',
  more_than_days_ago: 'days',
  birthday_within_next_days: 'days',
};

/** What an operator needs next to it: nothing, one typed value, a list, text, a bound, two bounds, days. */
export type OperandShape = 'none' | 'scalar' | 'list' | 'text' | 'bound' | 'range' | 'days';

export const VALUE_OPERATORS = Object.keys(SHAPES) as readonly ValueOperator[];
export const operandShape = (operator: ValueOperator): OperandShape => SHAPES[operator];

const PRESENCE: readonly ValueOperator[] = ['exists', 'not_exists'];
const ORDER: readonly ValueOperator[] = ['gt', 'gte', 'lt', 'lte', 'between'];
const DATES: readonly ValueOperator[] = [
  'within_last_days',
  'within_next_days',
  'more_than_days_ago',
  'birthday_within_next_days',
];
const BY_TYPE: Record<ScalarType, readonly ValueOperator[]> = {
  string: [
    'equals',
    'not_equals',
    'in',
    'not_in',
    'contains',
    'starts_with',
    'ends_with',
    ...ORDER,
    ...DATES,
    ...PRESENCE,
  ],
  number: ['equals', 'not_equals', 'in', 'not_in', ...ORDER, ...PRESENCE],
  boolean: ['is_true', 'is_false', 'equals', 'not_equals', ...PRESENCE],
};

/** The JSON types the data shows (from the vocabulary) narrowed to scalar types. */
export function scalarTypes(types: readonly string[] | undefined): ScalarType[] {
  return (types ?? []).filter((t): t is ScalarType => t === 'string' || t === 'number' || t === 'boolean');
}

/** Operators worth offering for values of these types (all of them when the type is unknown). */
export function operatorsFor(types: readonly string[] | undefined): readonly ValueOperator[] {
  const scalars = scalarTypes(types);
  if (scalars.length === 0) return VALUE_OPERATORS;
  return VALUE_OPERATORS.filter((op) => scalars.some((t) => BY_TYPE[t].includes(op)));
}

export function scalarTypeOf(value: unknown): ScalarType {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/** Text typed by the user read as a value of the chosen type (no type guessing: "10" ≠ 10). */
export function parseScalar(text: string, type: ScalarType): Scalar {
  if (type === 'number') {
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(n) ? n : 0;
  }
  if (type === 'boolean') return text.trim().toLowerCase() === 'true';
  return text;
}

/** A bound of gt/lt/between: a number when it reads as one, otherwise a date text. */
export function parseBound(text: string): number | string {
  const t = text.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

function firstValue(test: ValueTest): Scalar | undefined {
  if ('value' in test) return test.value;
  if ('values' in test) return test.values[0];
  if ('from' in test) return test.from;
  return undefined;
}

const asBound = (v: Scalar | undefined): number | string =>
  typeof v === 'number' || (typeof v === 'string' && v !== '') ? v : 0;

/** The test with another operator, keeping the operand when it still fits. */
export function changeOperator(
  test: ValueTest,
  operator: ValueOperator,
  type: ScalarType = 'string',
): ValueTest {
  const value = firstValue(test);
  const days = 'days' in test ? test.days : 30;
  switch (operandShape(operator)) {
    case 'none':
      return { operator } as ValueTest;
    case 'scalar':
      return {
        operator: operator as 'equals',
        value: value ?? parseScalar('', type),
      };
    case 'list':
      return {
        operator: operator as 'in',
        values: 'values' in test ? test.values : value === undefined || value === '' ? [] : [value],
      };
    case 'text':
      return { operator: operator as 'contains', value: typeof value === 'string' ? value : '' };
    case 'bound':
      return { operator: operator as 'gt', value: asBound(value) };
    case 'range': {
      const from = asBound(value);
      return { operator: 'between', from, to: 'to' in test ? test.to : from };
    }
    case 'days':
      return { operator: operator as 'within_last_days', days: Math.min(days, 366) };
  }
}

// Number and time tests (event measures) are subsets of the same operators.
export const NUMBER_OPERATORS = ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between'] as const;
export const TIME_OPERATORS = [
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'not_exists',
  'within_last_days',
  'within_next_days',
  'more_than_days_ago',
] as const;

export function toNumberTest(test: NumberTest, operator: NumberTest['operator']): NumberTest {
  const value = test.operator === 'between' ? test.from : test.value;
  return operator === 'between'
    ? { operator, from: value, to: test.operator === 'between' ? test.to : value }
    : { operator, value };
}

const today = (): string => new Date().toISOString().slice(0, 10);

export function toTimeTest(test: TimeTest, operator: TimeTest['operator']): TimeTest {
  const date = 'value' in test ? test.value : 'from' in test ? test.from : today();
  switch (operator) {
    case 'exists':
    case 'not_exists':
      return { operator };
    case 'within_last_days':
    case 'within_next_days':
    case 'more_than_days_ago':
      return { operator, days: 'days' in test ? test.days : 30 };
    case 'between':
      return { operator, from: date, to: 'to' in test ? test.to : date };
    default:
      return { operator, value: date };
  }
}
