import jaroWinkler from 'jaro-winkler';
import { oneTypoApart } from './typo.ts';

/** Levels: `exact`, `last_<n>_digits`, `one_typo`, `else`. */
export const phoneLevels = (suffixDigits: number): readonly string[] => [
  'exact',
  `last_${suffixDigits}_digits`,
  'one_typo',
  'else',
];

/**
 * Compares two phone numbers already in E.164 (`+8613812345678`): equal; same last `suffixDigits`
 * digits (one side kept a different or missing country code or trunk prefix); one digit mistyped
 * or two neighbours swapped.
 */
export function comparePhone(a: string, b: string, suffixDigits: number): number {
  if (a === b) return 0;
  if (a.length >= suffixDigits && a.slice(-suffixDigits) === b.slice(-suffixDigits)) return 1;
  return oneTypoApart(a, b) ? 2 : 3;
}

/** Levels: `exact`, `same_local_part`, `similar_local_part`, `else`. */
export const emailLevels: readonly string[] = ['exact', 'same_local_part', 'similar_local_part', 'else'];

const SIMILAR_LOCAL_PART = 0.92;
const localPart = (email: string) => {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at);
};

/**
 * Compares two normalised e-mail addresses: equal; the same mailbox name at another provider
 * (`xiaoming88@qq.com` / `xiaoming88@163.com`); a local part with a typo (Jaro-Winkler ≥ 0.92).
 */
export function compareEmail(a: string, b: string): number {
  if (a === b) return 0;
  const localA = localPart(a);
  const localB = localPart(b);
  if (localA === '' || localB === '') return 3;
  if (localA === localB) return 1;
  return jaroWinkler(localA, localB) >= SIMILAR_LOCAL_PART ? 2 : 3;
}

/** Levels: one per absolute-difference window (ascending, `0` means equal), then `else`. */
export const numericLevels = (windows: readonly number[]): readonly string[] => [
  ...windows.map((w) => (w === 0 ? 'exact' : `within_${w}`)),
  'else',
];

/** Compares two numbers by absolute difference; a value that is not a number counts as missing. */
export function compareNumeric(a: string, b: string, windows: readonly number[]): number | null {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() === '' || b.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  const distance = Math.abs(x - y);
  const level = windows.findIndex((w) => distance <= w);
  return level < 0 ? windows.length : level;
}
