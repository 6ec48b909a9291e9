import { cleanField } from '../../../platform/text/clean-text.ts';

const HAN = '\\p{Script=Han}';
/** Spaces between two Han characters: `王 小 明`. */
const SPACE_IN_HAN = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'gu');
/** Dots people use between parts of transliterated or minority names: `阿沛・阿旺晋美`. */
const NAME_DOT = new RegExp(`(?<=${HAN})\\s*[·・•‧∙⋅.]\\s*(?=${HAN})`, 'gu');
const HAS_LETTER = /\p{L}/u;

/**
 * Normalises a person's name: NFKC (full-width Latin and digits to half-width), invisible and
 * control characters removed, whitespace collapsed and trimmed; spaces between Han characters
 * removed (`王 小 明` → `王小明`) while Latin names keep one space (`John  Smith` → `John Smith`);
 * the separator of names like `阿沛·阿旺晋美` unified to U+00B7. Case is kept. `null` when nothing
 * that could be a name is left (empty, punctuation only, non-text). Idempotent.
 */
export function normalizeName(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = cleanField(input);
  if (text === null || !HAS_LETTER.test(text)) return null;
  return text.replace(SPACE_IN_HAN, '').replace(NAME_DOT, '·');
}
