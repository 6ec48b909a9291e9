import { normalizeEmail, normalizePhone } from '../../identity/index.ts';
import { normalizeDate } from '../standardize/normalize-date.ts';
import { normalizeGender } from '../standardize/normalize-gender.ts';
import { normalizeName } from '../standardize/normalize-name.ts';
import { normalizeCity, normalizeProvince } from '../standardize/normalize-region.ts';

/** Traits an assertion sets, and those it sets only once (`$set_once`). */
export interface CleanTraits {
  readonly set: Record<string, unknown>;
  readonly setOnce: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Standard traits in their canonical form; an unusable value is kept as sent, never dropped. */
const CLEANERS: Readonly<Partial<Record<string, (v: unknown) => unknown>>> = {
  name: (v) => normalizeName(v) ?? v,
  first_name: (v) => normalizeName(v) ?? v,
  last_name: (v) => normalizeName(v) ?? v,
  gender: (v) => normalizeGender(v),
  birthday: (v) => normalizeDate(v).value ?? v,
  province: (v) => normalizeProvince(v).value ?? v,
  city: (v) => normalizeCity(v).value ?? v,
  email: (v) => {
    const email = normalizeEmail(v);
    return email.valid ? email.value : v;
  },
  phone: (v) => normalizePhone(v).e164 ?? v,
};

function cleanAll(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$set_once' || value === undefined) continue;
    const clean = CLEANERS[key];
    out[key] = clean && value !== null ? clean(value) : value;
  }
  return out;
}

/**
 * The traits of an identify or import row, standardised the same way for both: names (full-width,
 * spaces), gender codes, birthdays as `YYYY-MM-DD`, province and city names, emails lower-cased,
 * phones in E.164. `$set_once: { … }` holds traits that keep their first value.
 */
export function cleanTraits(raw: Readonly<Record<string, unknown>> | null | undefined): CleanTraits {
  if (!raw) return { set: {}, setOnce: {} };
  const once = raw.$set_once;
  return { set: cleanAll(raw), setOnce: isObject(once) ? cleanAll(once) : {} };
}
