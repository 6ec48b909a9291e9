/**
 * Whether two strings of equal length differ by one keying slip: a single substituted character
 * (`13812345678` / `13812345679`) or two neighbours swapped (`1990-03-12` / `1990-03-21`).
 */
export function oneTypoApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++count > 2) return false;
    if (first < 0) first = i;
  }
  if (count === 1) return true;
  const second = first + 1;
  return a[first] === b[second] && a[second] === b[first];
}
