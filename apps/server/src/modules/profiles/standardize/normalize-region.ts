import { cleanField } from '../../../platform/text/clean-text.ts';
import { AMBIGUOUS_CITY_SPELLINGS, CITIES, PROVINCE_ALIASES, PROVINCES } from './regions.data.ts';

export interface NormalizedRegion {
  /** Official name when `known`; otherwise the cleaned input (`null` when empty). */
  readonly value: string | null;
  readonly known: boolean;
}

export interface NormalizedCity extends NormalizedRegion {
  /** Official name of the city's province-level division, when the city is known. */
  readonly province?: string;
}

/** Compared spellings keep letters and digits only, lower-cased: `Xi'an` → `xian`, `Hong Kong` → `hongkong`. */
const spellingKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Spelling key → official name; `null` for a spelling shared by two places (never guessed). */
type Index = ReadonlyMap<string, string | null>;

function buildIndex(
  entries: ReadonlyArray<readonly [string, string]>,
  ambiguous: readonly string[] = [],
): Index {
  const index = new Map<string, string | null>();
  for (const [spelling, name] of entries) {
    const key = spellingKey(spelling);
    const seen = index.get(key);
    index.set(key, seen === undefined || seen === name ? name : null);
  }
  for (const spelling of ambiguous) index.set(spellingKey(spelling), null);
  return index;
}

/** Spellings of each province without abbreviations (safe to find inside a longer string). */
const provinceNames = PROVINCES.flatMap((p) =>
  [p.name, p.short, ...p.english].map((s) => [s, p.name] as const),
);
const PROVINCE_INDEX = buildIndex([
  ...provinceNames,
  ...PROVINCES.flatMap((p) => p.abbreviations.map((a) => [a, p.name] as const)),
  ...PROVINCE_ALIASES,
]);
const CITY_INDEX = buildIndex(
  CITIES.flatMap((c) =>
    [c.name, c.name.replace(/(?:市|特别行政区)$/, ''), ...c.english].map((s) => [s, c.name] as const),
  ),
  AMBIGUOUS_CITY_SPELLINGS,
);
const PROVINCE_OF_CITY: ReadonlyMap<string, string> = new Map(CITIES.map((c) => [c.name, c.province]));
/** Province spellings as keys, longest first, to split `广东省深圳市` or `Shenzhen, Guangdong`. */
const PROVINCE_KEYS = provinceNames
  .map(([spelling, name]) => [spellingKey(spelling), name] as const)
  .sort((a, b) => b[0].length - a[0].length);

const COUNTRY = /^(?:中国|china|prc)/;
const PROVINCE_SUFFIX =
  /(?:特别行政区|特区|(?:壮族|回族|维吾尔)?自治区|省|市|province|municipality|(?:zhuang|hui|uygur|uyghur)?autonomousregion|specialadministrativeregion|sar|sheng|shi|city)$/;
const CITY_SUFFIX = /(?:市|city|shi)$/;

/** The index entry for `key` as is, without a leading country, then without a trailing suffix. */
function lookup(index: Index, key: string, suffix: RegExp): string | null | undefined {
  const bare = key.replace(COUNTRY, '');
  for (const k of [key, bare, bare.replace(suffix, '')]) if (k !== '' && index.has(k)) return index.get(k);
  return undefined;
}

/**
 * Normalises a province-level division to its official name: `广东`, `广东省`, `粤`, `Guangdong`,
 * `GUANGDONG PROVINCE` → `广东省`; `广西`, `Guangxi Zhuang Autonomous Region` → `广西壮族自治区`;
 * `HK` → `香港特别行政区`. Unknown or ambiguous input comes back cleaned with `known: false`.
 */
export function normalizeProvince(input: unknown): NormalizedRegion {
  const text = cleanField(input);
  if (text === null) return { value: null, known: false };
  const name = lookup(PROVINCE_INDEX, spellingKey(text), PROVINCE_SUFFIX);
  return name ? { value: name, known: true } : { value: text, known: false };
}

/**
 * Normalises a city to its official name and infers its province: `深圳`, `Shenzhen`, `深圳市`,
 * `广东深圳`, `广东省深圳市`, `Shenzhen, Guangdong` → `{ value: '深圳市', province: '广东省' }`.
 * A province named with the city must be the city's own. Spellings shared by two cities (`Taizhou`:
 * 台州 or 泰州) and cities outside the list come back cleaned with `known: false`.
 */
export function normalizeCity(input: unknown): NormalizedCity {
  const text = cleanField(input);
  if (text === null) return { value: null, known: false };
  const key = spellingKey(text);
  const name = lookup(CITY_INDEX, key, CITY_SUFFIX) ?? withProvince(key);
  const province = name ? PROVINCE_OF_CITY.get(name) : undefined;
  return name && province ? { value: name, known: true, province } : { value: text, known: false };
}

function withProvince(key: string): string | null | undefined {
  const bare = key.replace(COUNTRY, '');
  for (const [provinceKey, province] of PROVINCE_KEYS) {
    const rest = bare.startsWith(provinceKey)
      ? bare.slice(provinceKey.length)
      : bare.endsWith(provinceKey)
        ? bare.slice(0, -provinceKey.length)
        : '';
    const name = rest === '' ? undefined : lookup(CITY_INDEX, rest, CITY_SUFFIX);
    if (name && PROVINCE_OF_CITY.get(name) === province) return name;
  }
  return undefined;
}
