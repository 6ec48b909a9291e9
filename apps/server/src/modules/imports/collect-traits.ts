import { normalizeIdentifier } from '../identity/index.ts';
import {
  normalizeCity,
  normalizeDate,
  normalizeGender,
  normalizeName,
  normalizeProvince,
} from '../profiles/index.ts';
import type { ImportMapping, ValueType } from './import-mapping.ts';
import { EMPTY, isBlank, type Read, readValue } from './parse-value.ts';

/** What the identifier and trait columns of one row give. */
export interface Traits {
  userId?: string;
  anonymousId?: string;
  /** Valid identifiers other than user_id and anonymous_id, as put into traits. */
  readonly identifiers: Array<{ readonly type: string; readonly value: string }>;
  /** Identifiers by type name, cleaned traits, `<name>_raw` of flagged values, `data_quality`. */
  readonly traits: Record<string, unknown>;
  readonly quality: string[];
}

export const newTraits = (): Traits => ({ identifiers: [], traits: {}, quality: [] });

const rawText = (raw: unknown) => (typeof raw === 'string' ? raw : JSON.stringify(raw));

/** Keeps a value that failed cleaning as `<name>_raw` and notes `<name>_<reason>` in data_quality. */
function flag(into: Traits, name: string, raw: unknown, reason: string): void {
  into.traits[`${name}_raw`] = rawText(raw);
  into.quality.push(`${name}_${reason}`);
}

/**
 * One identifier cell, normalised by `normalizeIdentifier` (phones in `defaultRegion`). `user_id`
 * and `anonymous_id` become the message's ids; others go into traits under their type name, an
 * OpenID as `<wechatAppId>/<openid>` (OpenIDs are unique per app only; `/` is outside their
 * alphabet). An invalid or junk value is flagged and kept raw, never used as an identifier.
 */
export function putIdentifier(into: Traits, type: string, raw: unknown, mapping: ImportMapping): void {
  const id = normalizeIdentifier(type, raw, { defaultRegion: mapping.defaultRegion });
  if (id.reason === 'empty') return;
  if (!id.valid || id.value === null) flag(into, type, raw, id.reason ?? 'invalid');
  else if (type === 'user_id') into.userId = id.value;
  else if (type === 'anonymous_id') into.anonymousId = id.value;
  else {
    const value = type === 'wechat_openid' ? `${mapping.wechatAppId}/${id.value}` : id.value;
    into.traits[type] = value;
    into.identifiers.push({ type, value });
  }
}

/** Built-in traits through the profile standardisers; the rest as `type` says (see readValue). */
function readTrait(name: string, raw: unknown, type: ValueType | undefined): Read {
  if (isBlank(raw)) return EMPTY;
  switch (name) {
    case 'name': {
      const value = normalizeName(typeof raw === 'number' ? String(raw) : raw);
      return value === null ? { invalid: 'format' } : { value };
    }
    case 'gender':
      return { value: normalizeGender(raw) };
    case 'birthday': {
      const date = normalizeDate(raw);
      return date.value === null ? { invalid: date.reason ?? 'format' } : { value: date.value };
    }
    case 'province':
      return { value: normalizeProvince(raw).value };
    default:
      return readValue(raw, type);
  }
}

/**
 * One trait cell: name, gender (`male`/`female`/`unknown`), birthday (`YYYY-MM-DD`), province and
 * city (official names; a known city also fills `province` when no province cell did) cleaned by
 * the profile standardisers. A value they reject is flagged and kept raw.
 */
export function putTrait(into: Traits, name: string, raw: unknown, type?: ValueType): void {
  if (name === 'city') {
    const city = normalizeCity(raw);
    if (city.value !== null) into.traits.city = city.value;
    if (city.province !== undefined) into.traits.province ??= city.province;
    return;
  }
  const read = readTrait(name, raw, type);
  if ('invalid' in read) flag(into, name, raw, read.invalid);
  else if ('value' in read) into.traits[name] = read.value;
}
