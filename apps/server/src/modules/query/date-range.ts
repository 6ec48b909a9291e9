import { boundKind, type EventWindow, type TimeTest, type ValueTest } from '@cdp/protocol';
import type { Clock } from './clock.ts';
import { instantOfText } from './date-text.ts';
import { addDays, type LocalDate, startOfDay } from './local-time.ts';

/** Local days, both ends inclusive; a missing end is open. */
export interface DayRange {
  readonly from?: LocalDate;
  readonly to?: LocalDate;
}

/** One end of a range of instants, in epoch microseconds. */
export interface Edge {
  readonly at: number;
  readonly inclusive: boolean;
}

/** Instants; a missing end is open. */
export interface InstantRange {
  readonly from?: Edge;
  readonly to?: Edge;
}

/** A date test: by local day (date-only operands, relative days) or by instant (date-time operands). */
export type DateComparison =
  | { readonly by: 'day'; readonly range: DayRange }
  | { readonly by: 'instant'; readonly range: InstantRange };

type Ordered = Extract<ValueTest | TimeTest, { operator: 'gt' | 'gte' | 'lt' | 'lte' | 'between' }>;
type Relative = Extract<
  ValueTest,
  { operator: 'within_last_days' | 'within_next_days' | 'more_than_days_ago' }
>;
export type DateTest = Ordered | Relative;

/** The days a relative test covers, counted from today. */
function relativeDays(test: Relative, today: LocalDate): DayRange {
  if (test.operator === 'within_last_days') return { from: addDays(today, -test.days), to: today };
  if (test.operator === 'within_next_days') return { from: today, to: addDays(today, test.days) };
  return { to: addDays(today, -test.days - 1) };
}

/** The range a date test accepts; operands must be date strings (not numbers). */
export function dateComparison(test: DateTest, clock: Clock): DateComparison {
  if (test.operator !== 'between' && !('value' in test))
    return { by: 'day', range: relativeDays(test, clock.today) };
  const [low, high] =
    test.operator === 'between'
      ? [String(test.from), String(test.to)]
      : [String(test.value), String(test.value)];
  if (boundKind(low) === 'date') {
    if (test.operator === 'between') return { by: 'day', range: { from: low, to: high } };
    if (test.operator === 'gt') return { by: 'day', range: { from: addDays(low, 1) } };
    if (test.operator === 'gte') return { by: 'day', range: { from: low } };
    if (test.operator === 'lt') return { by: 'day', range: { to: addDays(low, -1) } };
    return { by: 'day', range: { to: low } };
  }
  const at = (text: string) => instantOfText(text, clock.timeZone);
  if (test.operator === 'between')
    return {
      by: 'instant',
      range: { from: { at: at(low), inclusive: true }, to: { at: at(high), inclusive: true } },
    };
  const edge = { at: at(low), inclusive: test.operator === 'gte' || test.operator === 'lte' };
  return { by: 'instant', range: test.operator.startsWith('g') ? { from: edge } : { to: edge } };
}

/** Local days as instants: from the start of the first day to (excluding) the start of the day after the last. */
export function instantsOfDays(range: DayRange, timeZone: string): InstantRange {
  return {
    from:
      range.from === undefined ? undefined : { at: startOfDay(range.from, timeZone) * 1000, inclusive: true },
    to:
      range.to === undefined
        ? undefined
        : { at: startOfDay(addDays(range.to, 1), timeZone) * 1000, inclusive: false },
  };
}

/** A date test on instants (event times): day ranges become their instants. */
export function instantRange(test: DateTest, clock: Clock): InstantRange {
  const comparison = dateComparison(test, clock);
  return comparison.by === 'instant' ? comparison.range : instantsOfDays(comparison.range, clock.timeZone);
}

/**
 * The instants of an event window: the last N days are today and the N − 1 days before it (近7天 =
 * 7 calendar days); date-only ends cover their whole day.
 */
export function windowRange(window: EventWindow | undefined, clock: Clock): InstantRange {
  if (!window || window.type === 'ever') return {};
  if (window.type === 'last_days')
    return instantsOfDays(
      relativeDays({ operator: 'within_last_days', days: window.days - 1 }, clock.today),
      clock.timeZone,
    );
  const edge = (text: string, end: 'from' | 'to') =>
    boundKind(text) === 'date'
      ? instantsOfDays(end === 'from' ? { from: text } : { to: text }, clock.timeZone)[end]
      : { at: instantOfText(text, clock.timeZone), inclusive: true };
  return { from: edge(window.from, 'from'), to: edge(window.to, 'to') };
}

/** Whether an instant (epoch µs) lies in a range. */
export function inRange(at: number, range: InstantRange): boolean {
  const { from, to } = range;
  return (
    (!from || at > from.at || (from.inclusive && at === from.at)) &&
    (!to || at < to.at || (to.inclusive && at === to.at))
  );
}

/** Month-days (`MM-DD`) from today to today+N; 29 February joins when 28 February of a non-leap year does. */
export function birthdayMonthDays(today: LocalDate, days: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= days; i++) {
    const date = addDays(today, i);
    out.add(date.slice(5));
    if (date.slice(5) === '02-28' && addDays(date, 1).slice(5) === '03-01') out.add('02-29');
  }
  return [...out].sort();
}
