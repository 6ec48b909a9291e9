import { parseIsoDate } from '../compare-date.ts';
import type { Random } from '../random.ts';
import { GIVEN_CHARS, type Syllable } from './people.data.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** One keying slip in `text`: a character substituted from `alphabet`, deleted, or swapped with the next. */
export function typo(text: string, alphabet: string, random: Random): string {
  if (text.length < 2) return text;
  const kind = random.int(3);
  const i = random.int(kind === 2 ? text.length - 1 : text.length);
  if (kind === 0) return text.slice(0, i) + random.pick([...alphabet]) + text.slice(i + 1);
  if (kind === 1) return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}

export const latinTypo = (text: string, random: Random): string => {
  const lower = typo(text.toLowerCase(), LETTERS, random);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
};

/** A phone with one national digit substituted or two neighbours swapped (same length). */
export function phoneTypo(phone: string, random: Random): string {
  const i = 4 + random.int(phone.length - 5);
  if (random.chance(0.6)) {
    const digit = random.pick([...DIGITS.replace(phone[i], '')]);
    return phone.slice(0, i) + digit + phone.slice(i + 1);
  }
  return phone.slice(0, i) + phone[i + 1] + phone[i] + phone.slice(i + 2);
}

/** A character with the same pinyin, as an IME offers it (`小` → `晓`); itself when it has none. */
export function homophone(char: Syllable, random: Random): Syllable {
  const same = GIVEN_CHARS.filter((c) => c.pinyin === char.pinyin && c.text !== char.text);
  return same.length === 0 ? char : random.pick(same);
}

/** Day and month transposed (`1990-03-12` → `1990-12-03`), or the date unchanged when impossible. */
export function swapDayMonth(date: string): string {
  const [year, month, day] = date.split('-');
  const swapped = `${year}-${day}-${month}`;
  return parseIsoDate(swapped) === null ? date : swapped;
}

/** One digit of the day or year mistyped, keeping a calendar date; the date unchanged otherwise. */
export function dateTypo(date: string, random: Random): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const i = random.pick([2, 3, 8, 9]);
    const changed = date.slice(0, i) + random.pick([...DIGITS]) + date.slice(i + 1);
    if (changed !== date && parseIsoDate(changed) !== null) return changed;
  }
  return date;
}
