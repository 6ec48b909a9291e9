import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildComparator } from './comparator.ts';
import type { MatchRecord } from './match-record.ts';

const a: MatchRecord = { id: 'a', surname: '王', given_name: '小明', phone: '+8613812345678', city: null };
const b: MatchRecord = { id: 'b', surname: 'Wang', given_name: 'Xiaoming', phone: '+8613812345679' };

describe('buildComparator', () => {
  it('reads its columns and names its levels, strongest first and else last', () => {
    const name = buildComparator({ kind: 'person_name' }, ['surname', 'given_name']);
    assert.equal(name.levels[name.compare(a, b) ?? -1], 'same_pinyin');
    const phone = buildComparator({ kind: 'phone' }, ['phone']);
    assert.deepEqual(phone.levels, ['exact', 'last_8_digits', 'one_typo', 'else']);
    assert.equal(phone.levels[phone.compare(a, b) ?? -1], 'one_typo');
    const jw = buildComparator({ kind: 'jaro_winkler', thresholds: [0.9] }, ['surname']);
    assert.deepEqual(jw.levels, ['exact', 'jaro_winkler>=0.9', 'else']);
  });

  it('is neutral (null) when a value is missing or absent on either side', () => {
    const city = buildComparator({ kind: 'exact' }, ['city']);
    assert.equal(city.compare(a, b), null);
    assert.equal(city.compare(b, a), null);
    const name = buildComparator({ kind: 'person_name' }, ['surname', 'given_name']);
    assert.equal(name.compare(a, { id: 'c', surname: null, given_name: null }), null);
    assert.equal(name.compare(a, { id: 'd', surname: null, given_name: '小明' }) !== null, true);
  });

  it('refuses a field without columns', () => {
    assert.throws(() => buildComparator({ kind: 'exact' }, []), /at least one column/);
  });
});
