import { cleanText, scalarText } from '../../../platform/text/clean-text.ts';
import {
  COMMON_JUNK_VALUES,
  findIdentifierType,
  type IdentifierFormat,
  type IdentifierType,
} from './identifier-types.ts';
import { normalizeEmail } from './normalize-email.ts';
import { normalizePhone } from './normalize-phone.ts';

export type IdentifierReason = 'empty' | 'type' | 'too_long' | 'junk' | 'format' | 'syntax' | 'invalid';

export interface NormalizedIdentifier {
  /** Canonical value; for an invalid one the cleaned value where there is one (phone: `null`). */
  readonly value: string | null;
  readonly valid: boolean;
  readonly reason?: IdentifierReason;
}

export const MAX_IDENTIFIER_LENGTH = 256;
/** WeChat OpenID (28 chars today) and UnionID (29): URL-safe base64 alphabet, with headroom. */
const WECHAT_ID = /^[A-Za-z0-9_-]{28,64}$/;
/** Only zeros and separators: an all-zero UUID, IDFA, MAC or serial of any length. */
const ALL_ZERO = /^[0\s\-_.:]+$/;
const TOO_LONG = { value: null, valid: false, reason: 'too_long' } as const;

/**
 * Normalises one identifier value of type `type` (a built-in name, or any custom name, which gets
 * the `text` rules and the common junk list unless `definition` describes it). Accepts strings and finite numbers only. Every type:
 * NFKC, invisible characters removed, trimmed, at most 256 characters; then `email` and `phone` go
 * through their normalisers (phones read in `defaultRegion`, default `CN`) and `wechat` ids must
 * match `WECHAT_ID`; last, the input and the result must not be a junk value of the type (or all
 * zeros). Case is kept for `text` and `wechat` ids (they are case-sensitive). Never throws;
 * idempotent on `value`.
 */
export function normalizeIdentifier(
  type: string,
  raw: unknown,
  options: { readonly defaultRegion?: string; readonly definition?: IdentifierType } = {},
): NormalizedIdentifier {
  if (raw === null || raw === undefined) return { value: null, valid: false, reason: 'empty' };
  const text = scalarText(raw);
  if (text === null) return { value: null, valid: false, reason: 'type' };
  const cleaned = cleanText(text);
  if (cleaned === '') return { value: null, valid: false, reason: 'empty' };
  if (cleaned.length > MAX_IDENTIFIER_LENGTH) return TOO_LONG;
  const known = options.definition ?? findIdentifierType(type);
  const result = byFormat(known?.format ?? 'text', cleaned, options.defaultRegion ?? 'CN');
  if (result.value !== null && result.value.length > MAX_IDENTIFIER_LENGTH) return TOO_LONG;
  const junk = known?.junkValues ?? COMMON_JUNK_VALUES;
  const isJunk = (v: string | null) => v !== null && (junk.includes(v.toLowerCase()) || ALL_ZERO.test(v));
  if (isJunk(cleaned) || isJunk(result.value)) return { value: result.value, valid: false, reason: 'junk' };
  return result;
}

function byFormat(format: IdentifierFormat, value: string, defaultRegion: string): NormalizedIdentifier {
  switch (format) {
    case 'email':
      return normalizeEmail(value);
    case 'phone': {
      const { e164, valid, reason } = normalizePhone(value, defaultRegion);
      return reason ? { value: e164, valid, reason } : { value: e164, valid };
    }
    case 'wechat':
      return WECHAT_ID.test(value) ? { value, valid: true } : { value, valid: false, reason: 'format' };
    case 'text':
      return { value, valid: true };
  }
}
