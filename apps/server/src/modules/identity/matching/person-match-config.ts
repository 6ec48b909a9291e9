import type { MatchConfig } from './match-config.ts';

/**
 * Matching config for person records as CRM and offline members hold them (`surname`,
 * `given_name`, `birth_date`, `phone`, `email`, `province`, `city`, `address`). m and u are left
 * to estimation; the thresholds were tuned on the generated data set (see the tests). Blocking
 * finds ~99% of true pairs there: a duplicate must have kept its birth date, the last 4 digits of
 * its phone, or the start of its name (in pinyin, so homophones and pinyin spellings still block).
 * Surname + birth year alone would find a few more but, at 100,000 records, triple the pairs.
 */
export const PERSON_MATCH_CONFIG: MatchConfig = {
  fields: [
    { name: 'name', columns: ['surname', 'given_name'], comparator: { kind: 'person_name' } },
    { name: 'birth_date', comparator: { kind: 'date' } },
    { name: 'phone', comparator: { kind: 'phone' } },
    { name: 'email', comparator: { kind: 'email' } },
    { name: 'city', comparator: { kind: 'exact' } },
    { name: 'address', comparator: { kind: 'jaro_winkler', thresholds: [0.95, 0.85] } },
  ],
  blocking: [
    { name: 'birth_date', key: [{ column: 'birth_date' }] },
    { name: 'phone_last_4', key: [{ column: 'phone', last: 4 }] },
    {
      name: 'surname_initial_birth_year',
      key: [
        { column: 'surname', transform: 'pinyin' },
        { column: 'given_name', transform: 'pinyin', first: 1 },
        { column: 'birth_date', first: 4 },
      ],
    },
    {
      name: 'name_prefix_city',
      key: [
        { column: 'surname', transform: 'pinyin' },
        { column: 'given_name', transform: 'pinyin', first: 3 },
        { column: 'city' },
      ],
    },
  ],
  maxBlockSize: 500,
  thresholds: { autoMerge: 0.99, review: 0.5, reviewWhenDisagree: ['name', 'birth_date'] },
};
