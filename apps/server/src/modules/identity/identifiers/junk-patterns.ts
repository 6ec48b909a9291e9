/** `aaaa`, `0000000`, `1`: one character repeated (at least once). */
export function isRepeatedChar(value: string): boolean {
  const chars = [...value];
  return chars.length > 0 && chars.every((c) => c === chars[0]);
}

/**
 * Digits that count up or down by one, wrapping 9→0 (`123456`, `12345678901`, `9876543210`),
 * and at least `minLength` long: what people type when a form insists on a number.
 */
export function isSequentialDigits(value: string, minLength: number): boolean {
  if (value.length < minLength || !/^\d+$/.test(value)) return false;
  const step = (i: number) => (Number(value[i + 1]) - Number(value[i]) + 10) % 10;
  const first = step(0);
  if (first !== 1 && first !== 9) return false;
  for (let i = 1; i < value.length - 1; i++) if (step(i) !== first) return false;
  return true;
}
