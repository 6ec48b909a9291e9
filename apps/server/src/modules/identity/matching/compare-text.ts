import jaroWinkler from 'jaro-winkler';
import { toPinyin } from './pinyin.ts';

/** Default similarity cut-offs (Splink's usual ones for names). */
export const DEFAULT_JW_THRESHOLDS: readonly number[] = [0.94, 0.88];

const jwLabels = (thresholds: readonly number[]) => thresholds.map((t) => `jaro_winkler>=${t}`);

/** First index `i` with `similarity >= thresholds[i]`, else `thresholds.length`. */
function thresholdLevel(similarity: number, thresholds: readonly number[]): number {
  let level = 0;
  while (level < thresholds.length && similarity < thresholds[level]) level++;
  return level;
}

export const exactLevels: readonly string[] = ['exact', 'else'];
export const compareExact = (a: string, b: string): number => (a === b ? 0 : 1);

/** Levels: `exact`, one per Jaro-Winkler threshold (descending), `else`. */
export const jaroWinklerLevels = (thresholds: readonly number[]): readonly string[] => [
  'exact',
  ...jwLabels(thresholds),
  'else',
];

export function compareJaroWinkler(a: string, b: string, thresholds: readonly number[]): number {
  if (a === b) return 0;
  return 1 + thresholdLevel(jaroWinkler(a, b), thresholds);
}

/** Levels of a person's name given as surname and given name (or as one full-name column). */
export const personNameLevels = (thresholds: readonly number[]): readonly string[] => [
  'exact',
  'same_pinyin',
  'surname_given_swapped',
  ...jwLabels(thresholds).map((label) => `pinyin_${label}`),
  'else',
];

/** One side of a name comparison: `given` is null for a single full-name column. */
export interface NameParts {
  readonly surname: string | null;
  readonly given: string | null;
}

/**
 * Compares two names as written, then as pinyin, which catches homophones typed through an IME
 * (`王小明` / `王晓明`) and a name written in Chinese on one side and in pinyin on the other
 * (`王小明` / `Wang Xiaoming`); then surname and given name entered in each other's fields; then
 * Jaro-Winkler similarity of the pinyin, which grades one-letter typos and missing characters.
 */
export function comparePersonName(a: NameParts, b: NameParts, thresholds: readonly number[]): number {
  if (a.surname === b.surname && a.given === b.given) return 0;
  const surnameA = a.surname === null ? '' : toPinyin(a.surname, true);
  const surnameB = b.surname === null ? '' : toPinyin(b.surname, true);
  const givenA = a.given === null ? '' : toPinyin(a.given);
  const givenB = b.given === null ? '' : toPinyin(b.given);
  if (surnameA === surnameB && givenA === givenB) return 1;
  if (givenA !== '' && givenB !== '' && surnameA === givenB && givenA === surnameB) return 2;
  return 3 + thresholdLevel(jaroWinkler(surnameA + givenA, surnameB + givenB), thresholds);
}
