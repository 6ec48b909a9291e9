import { cleanField } from '../../../platform/text/clean-text.ts';

export type Gender = 'male' | 'female' | 'unknown';

/**
 * Spellings of each gender, compared lower-cased with a trailing `.` removed. Numeric codes follow
 * GB/T 2261.1-2003 (the Chinese national standard, same as ISO/IEC 5218): 0 not known, 1 male,
 * 2 female, 9 not stated. Vendor conventions that put 0 for female (some WeChat exports) are NOT
 * assumed: map those at the source.
 */
const SPELLINGS: ReadonlyArray<readonly [Gender, readonly string[]]> = [
  [
    'male',
    ['male', 'm', 'man', 'men', 'boy', 'mr', 'sir', '1', '男', '男性', '男士', '男生', '先生', '男孩', '♂'],
  ],
  [
    'female',
    [
      'female',
      'f',
      'woman',
      'women',
      'girl',
      'mrs',
      'ms',
      'miss',
      '2',
      '女',
      '女性',
      '女士',
      '女生',
      '小姐',
      '太太',
      '女孩',
      '♀',
    ],
  ],
];

const LOOKUP: ReadonlyMap<string, Gender> = new Map(
  SPELLINGS.flatMap(([gender, words]) => words.map((w) => [w, gender] as const)),
);

/** Male, female or unknown (anything else: 0, 9, 未知, 保密, blank, non-text). Idempotent. */
export function normalizeGender(input: unknown): Gender {
  const text = cleanField(input);
  if (text === null) return 'unknown';
  return LOOKUP.get(text.toLowerCase().replace(/\.$/, '')) ?? 'unknown';
}
