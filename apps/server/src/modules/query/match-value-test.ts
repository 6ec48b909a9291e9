import type { ValueTest } from '@cdp/protocol';
import type { Clock } from './clock.ts';
import { birthdayMonthDays, type DateTest, dateComparison, inRange } from './date-range.ts';
import { instantOfText, isDateText, localDateOfText } from './date-text.ts';

/**
 * The in-memory twin of `compileValueTest`: a test on one JSON value (`undefined` = missing). No
 * coercion; missing and null fail every positive test; negative tests negate their positive twins.
 */
export function matchValueTest(value: unknown, test: ValueTest, clock: Clock): boolean {
  switch (test.operator) {
    case 'equals':
      return value === test.value;
    case 'not_equals':
      return value !== test.value;
    case 'in':
      return test.values.includes(value as string);
    case 'not_in':
      return !test.values.includes(value as string);
    case 'contains':
      return typeof value === 'string' && value.includes(test.value);
    case 'starts_with':
      return typeof value === 'string' && value.startsWith(test.value);
    case 'ends_with':
      return typeof value === 'string' && value.endsWith(test.value);
    case 'exists':
      return value !== undefined && value !== null;
    case 'not_exists':
      return value === undefined || value === null;
    case 'is_true':
      return value === true;
    case 'is_false':
      return value === false;
    case 'birthday_within_next_days':
      return (
        isDateText(value) &&
        birthdayMonthDays(clock.today, test.days).includes(localDateOfText(value, clock.timeZone).slice(5))
      );
    default:
      return matchOrder(value, test, clock);
  }
}

function matchOrder(value: unknown, test: DateTest, clock: Clock): boolean {
  if (test.operator === 'between' && typeof test.from === 'number')
    return typeof value === 'number' && value >= test.from && value <= (test.to as number);
  if ('value' in test && typeof test.value === 'number') {
    if (typeof value !== 'number') return false;
    const operand = test.value;
    return { gt: value > operand, gte: value >= operand, lt: value < operand, lte: value <= operand }[
      test.operator
    ];
  }
  if (!isDateText(value)) return false;
  const comparison = dateComparison(test, clock);
  if (comparison.by === 'instant') return inRange(instantOfText(value, clock.timeZone), comparison.range);
  const day = localDateOfText(value, clock.timeZone);
  const { from, to } = comparison.range;
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}
