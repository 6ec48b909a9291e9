import { type PhoneNumberTypes, parsePhoneNumber } from 'awesome-phonenumber';
import { cleanText, scalarText } from '../../../platform/text/clean-text.ts';
import { isJunkPhone } from './phone-junk.ts';

export type PhoneType = 'mobile' | 'fixed-line' | 'fixed-line-or-mobile' | 'toll-free' | 'voip' | 'other';
export type PhoneReason = 'empty' | 'invalid' | 'junk';

export interface NormalizedPhone {
  /** E.164 (`+8613800138000`) when valid; `null` whenever `valid` is false. */
  readonly e164: string | null;
  readonly valid: boolean;
  readonly type?: PhoneType;
  /** ISO 3166 region of the number (`CN`, `HK`, `US`). */
  readonly region?: string;
  readonly reason?: PhoneReason;
}

const KEPT_TYPES: ReadonlySet<string> = new Set([
  'mobile',
  'fixed-line',
  'fixed-line-or-mobile',
  'toll-free',
  'voip',
]);
/** Types we pass on; the rest (shared-cost 400 numbers, premium-rate, pager, uan…) become `other`. */
const isKeptType = (type: PhoneNumberTypes | undefined): type is Exclude<PhoneType, 'other'> =>
  KEPT_TYPES.has(type ?? '');

/** An extension (`转123`, `ext. 12`, `x12`, `#12`) identifies a desk, not a person: dropped. */
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*\d{1,6}$/i;
/** Separators people type inside a number, incl. the Unicode dashes NFKC leaves alone. */
const SEPARATORS = /[\s\-.()/‐‑‒–—―−]/g;
const INVALID = { e164: null, valid: false, reason: 'invalid' } as const;
const MAX_INPUT = 64;

/**
 * Normalises a phone number to E.164 with Google's numbering metadata (awesome-phonenumber):
 * NFKC folds full-width digits and `＋`; `tel:`, separators and an extension are removed; national
 * numbers are read in `defaultRegion`, and `0086`/`86` prefixes of Chinese numbers are understood
 * (`8613800138000`, `008613800138000`, `(010) 6552 9988`). A number that the metadata does not call
 * valid, or that `isJunkPhone` flags, gives `valid: false` and `e164: null`. Never throws;
 * `normalizePhone(r.e164)` returns `r` again.
 */
export function normalizePhone(input: unknown, defaultRegion = 'CN'): NormalizedPhone {
  if (input === null || input === undefined) return { e164: null, valid: false, reason: 'empty' };
  const text = scalarText(input);
  if (text === null) return INVALID;
  // parsing with the numbering metadata costs tens of µs; the same customers' numbers come again and again
  const memoKey = `${defaultRegion}|${text}`;
  const memo = RECENT.get(memoKey);
  if (memo) return memo;
  const result = parse(text, defaultRegion);
  if (RECENT.size >= RECENT_MAX) RECENT.clear();
  RECENT.set(memoKey, result);
  return result;
}

const RECENT = new Map<string, NormalizedPhone>();
const RECENT_MAX = 100_000;

function parse(text: string, defaultRegion: string): NormalizedPhone {
  const cleaned = cleanText(text).replace(/^tel:/i, '');
  if (cleaned === '') return { e164: null, valid: false, reason: 'empty' };
  if (cleaned.length > MAX_INPUT) return INVALID;
  const compact = cleaned.replace(EXTENSION, '').replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return INVALID;
  const parsed = safeParse(compact, defaultRegion.toUpperCase());
  const national = parsed?.number?.significant ?? '';
  if (isJunkPhone(compact.replace('+', ''), national, parsed?.countryCode)) {
    return { e164: null, valid: false, reason: 'junk' };
  }
  if (!parsed?.valid) return INVALID;
  const type: PhoneType = isKeptType(parsed.type) ? parsed.type : 'other';
  return { e164: parsed.number.e164, valid: true, type, region: parsed.regionCode };
}

function safeParse(compact: string, regionCode: string): ReturnType<typeof parsePhoneNumber> | null {
  try {
    return parsePhoneNumber(compact, { regionCode });
  } catch {
    return null;
  }
}

/**
 * The E.164 form `normalizePhone(text, defaultRegion)` gives *if* the number is valid, without the
 * metadata (tens of µs), for the commonest case: a Chinese mobile number, typed nationally
 * (`139 0000 1234`) in region CN or with `+86`. `null` when there is no such shortcut. Validity is not
 * checked: use it to look up numbers already stored (a stored number was valid).
 */
export function likelyE164(text: string, defaultRegion = 'CN'): string | null {
  const compact = text.replace(/[\s-]/g, '');
  if (/^\+861[3-9]\d{9}$/.test(compact)) return compact;
  if (defaultRegion.toUpperCase() === 'CN' && /^1[3-9]\d{9}$/.test(compact)) return `+86${compact}`;
  return null;
}
