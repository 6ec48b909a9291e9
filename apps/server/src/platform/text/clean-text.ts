/** Invisible format characters (ZWSP, BOM, bidi marks) and control characters other than whitespace. */
const INVISIBLE = /\p{Cf}|(?!\s)\p{Cc}/gu;

/**
 * The first step of every normaliser of typed-in values: lone surrogates become U+FFFD, invisible
 * characters go, NFKC folds full-width forms (`１３８`, `＠`, `＋`, U+3000) to ASCII, and the ends are
 * trimmed. Idempotent: each step's output is a fixed point of the steps before it.
 */
export function cleanText(input: string): string {
  return input.toWellFormed().replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** A string or a finite number as text; anything else (objects, booleans, NaN) is `null`. */
export function scalarText(input: unknown): string | null {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  return null;
}

/** `cleanText` for a free-text field: any input, whitespace runs collapsed to one space, empty → `null`. */
export function cleanField(input: unknown): string | null {
  const text = scalarText(input);
  if (text === null) return null;
  const collapsed = cleanText(text).replace(/\s+/g, ' ');
  return collapsed === '' ? null : collapsed;
}
