import {
  compareEmail,
  compareNumeric,
  comparePhone,
  emailLevels,
  numericLevels,
  phoneLevels,
} from './compare-contact.ts';
import { compareDate, DEFAULT_DATE_DAYS, dateLevels } from './compare-date.ts';
import {
  compareExact,
  compareJaroWinkler,
  comparePersonName,
  DEFAULT_JW_THRESHOLDS,
  exactLevels,
  jaroWinklerLevels,
  personNameLevels,
} from './compare-text.ts';
import type { MatchRecord } from './match-record.ts';

/** How one field is compared; plain data, so a config can be stored and shown. */
export type ComparatorSpec =
  | { readonly kind: 'exact' }
  | { readonly kind: 'jaro_winkler'; readonly thresholds?: readonly number[] }
  /** columns: `[surname, given]`, or one full-name column. */
  | { readonly kind: 'person_name'; readonly thresholds?: readonly number[] }
  | { readonly kind: 'numeric'; readonly windows: readonly number[] }
  | { readonly kind: 'date'; readonly days?: readonly number[] }
  | { readonly kind: 'phone'; readonly suffixDigits?: number }
  | { readonly kind: 'email' };

/**
 * A compiled comparator: `compare` returns the index of the agreement level the pair falls in
 * (0 = strongest agreement, last = `else`), or `null` when a value is missing on either side.
 */
export interface Comparator {
  readonly levels: readonly string[];
  readonly compare: (a: MatchRecord, b: MatchRecord) => number | null;
}

type ValueCompare = (a: string, b: string) => number | null;

function onColumn(column: string, levels: readonly string[], compare: ValueCompare): Comparator {
  return {
    levels,
    compare: (a, b) => {
      const x = a[column];
      const y = b[column];
      return x == null || y == null ? null : compare(x, y);
    },
  };
}

function personName(columns: readonly string[], thresholds: readonly number[]): Comparator {
  const [surnameColumn, givenColumn] = columns;
  const parts = (r: MatchRecord) => ({
    surname: r[surnameColumn] ?? null,
    given: givenColumn === undefined ? null : (r[givenColumn] ?? null),
  });
  return {
    levels: personNameLevels(thresholds),
    compare: (a, b) => {
      const x = parts(a);
      const y = parts(b);
      if ((x.surname === null && x.given === null) || (y.surname === null && y.given === null)) return null;
      return comparePersonName(x, y, thresholds);
    },
  };
}

/** Compiles `spec` to read `columns` of a record (the first one, except for `person_name`). */
export function buildComparator(spec: ComparatorSpec, columns: readonly string[]): Comparator {
  if (columns.length === 0) throw new Error('a match field needs at least one column');
  const [column] = columns;
  switch (spec.kind) {
    case 'exact':
      return onColumn(column, exactLevels, compareExact);
    case 'jaro_winkler': {
      const thresholds = spec.thresholds ?? DEFAULT_JW_THRESHOLDS;
      return onColumn(column, jaroWinklerLevels(thresholds), (a, b) => compareJaroWinkler(a, b, thresholds));
    }
    case 'person_name':
      return personName(columns, spec.thresholds ?? DEFAULT_JW_THRESHOLDS);
    case 'numeric':
      return onColumn(column, numericLevels(spec.windows), (a, b) => compareNumeric(a, b, spec.windows));
    case 'date': {
      const days = spec.days ?? DEFAULT_DATE_DAYS;
      return onColumn(column, dateLevels(days), (a, b) => compareDate(a, b, days));
    }
    case 'phone': {
      const suffix = spec.suffixDigits ?? 8;
      return onColumn(column, phoneLevels(suffix), (a, b) => comparePhone(a, b, suffix));
    }
    case 'email':
      return onColumn(column, emailLevels, compareEmail);
  }
}
