import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const NOT_LETTER = /[^a-z]/g;
const CACHE_LIMIT = 100_000;
const caches = { name: new Map<string, string>(), surname: new Map<string, string>() };

/**
 * A name as lower-case pinyin letters without tones or separators, so `王晓明`, `王小明`,
 * `Wang Xiaoming` and `WANG XIAO-MING` all read `wangxiaoming`. `asSurname` reads the first
 * character with its surname pronunciation (`单` → `shan`, `曾` → `zeng`). Latin names are only
 * lower-cased and stripped of everything but letters. Memoised (bounded): matching calls it for the
 * same few values again and again.
 */
export function toPinyin(name: string, asSurname = false): string {
  const cache = asSurname ? caches.surname : caches.name;
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const latin = HAN.test(name)
    ? pinyin(name, { toneType: 'none', separator: '', surname: asSurname ? 'head' : 'off', v: true })
    : name;
  const result = latin.toLowerCase().replace(NOT_LETTER, '');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, result);
  return result;
}
