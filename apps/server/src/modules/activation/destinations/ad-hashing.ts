import { createHash } from 'node:crypto';

/**
 * Identifier normalisation and hashing as each ad platform documents it. The profile's identifiers
 * are normalised already (e-mail lower-cased, phone E.164), but the platforms match on exact bytes,
 * so every rule is applied again here to whatever value arrives.
 */

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** E-mail as Meta hashes it: surrounding white space trimmed, lower-cased. */
export function normalizeAdEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}

/**
 * Phone as Meta hashes it: digits only, country code kept, no '+', symbols, letters or leading
 * zeros (`+86 138-0013-8000` → `8613800138000`).
 */
export function normalizeMetaPhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/**
 * A mainland-China mobile as Tencent Ads and Ocean Engine hash it: the bare 11 digits, without
 * +86 (`+86 138-0013-8000` → `13800138000`); anything else is not a mainland mobile.
 */
export function normalizeChinaMobile(raw: string): string | null {
  const text = raw.trim();
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+') || digits.startsWith('00')) {
    // written with a country code: it must be China's (+1 650 555 1212 is 11 digits too)
    digits = digits.replace(/^00/, '');
    if (!digits.startsWith('86')) return null;
    digits = digits.slice(2);
  } else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export type DeviceKind = 'idfa' | 'imei' | 'oaid';

export interface DeviceId {
  readonly kind: DeviceKind;
  /** in the platform's case: IDFA upper-case, IMEI and OAID lower-case */
  readonly value: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID-shaped advertising id (IDFA, Google AAID, most OAIDs). */
export const isUuid = (value: string): boolean => UUID.test(value.trim());

/**
 * What a `device_id` is, by its shape: an IMEI (15 digits) or MEID (14 hex), an IDFA (a UUID as iOS
 * reports it, upper-case), an OAID (a lower-case UUID, or the 64-hex form some vendors issue).
 * A 16-hex value is left out: it is as likely an ANDROID_ID, which no platform matches on.
 */
export function classifyDeviceId(raw: string): DeviceId | null {
  const value = raw.trim();
  if (/^\d{15}$/.test(value) || /^[0-9a-f]{14}$/i.test(value))
    return { kind: 'imei', value: value.toLowerCase() };
  if (UUID.test(value))
    return /[a-f]/.test(value)
      ? { kind: 'oaid', value: value.toLowerCase() }
      : { kind: 'idfa', value: value.toUpperCase() };
  if (/^[0-9a-f]{64}$/i.test(value)) return { kind: 'oaid', value: value.toLowerCase() };
  return null;
}

/** A WeChat OpenID stored as `appId/openId`: the OpenID when it belongs to `appId`. */
export function openIdFor(value: string, appId: string | undefined): string | null {
  const slash = value.indexOf('/');
  if (slash < 0 || !appId) return null;
  return value.slice(0, slash) === appId && slash < value.length - 1 ? value.slice(slash + 1) : null;
}
