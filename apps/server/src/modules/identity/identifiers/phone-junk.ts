import { isRepeatedChar, isSequentialDigits } from './junk-patterns.ts';

/**
 * Whether a phone number is a placeholder typed to get past a form. `digits` are all digits of the
 * input, `national` its national significant number when it parsed (else ''). Rules:
 * - one digit repeated (`00000000`, `11111111111`, `+86 111 1111 1111`);
 * - 6+ sequential digits (`12345678901`, `1234567`, `9876543210`);
 * - a Chinese mobile number whose last 8 digits are one digit repeated (`13800000000`,
 *   `13999999999`): test numbers far more often than the rare auctioned "lucky" number.
 * `13800138000` is NOT junk: it is China Mobile's real service number.
 */
export function isJunkPhone(digits: string, national: string, countryCode: number | undefined): boolean {
  for (const s of [digits, national]) {
    if (s !== '' && (isRepeatedChar(s) || isSequentialDigits(s, 6))) return true;
  }
  return countryCode === 86 && /^1\d{2}(\d)\1{7}$/.test(national);
}
