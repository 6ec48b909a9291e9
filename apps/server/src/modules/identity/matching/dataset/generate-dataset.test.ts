import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneTypoApart } from '../typo.ts';
import { generateMatchingDataset } from './generate-dataset.ts';

const dataset = generateMatchingDataset({ records: 3000, seed: 7 });
const { records, entities } = dataset;

/** Pairs (crm row, member row) of the same person. */
function duplicatePairs() {
  const crm = new Map<string, (typeof records)[number]>();
  const pairs: [(typeof records)[number], (typeof records)[number]][] = [];
  for (const [i, record] of records.entries()) {
    const first = crm.get(entities[i]);
    if (first === undefined) crm.set(entities[i], record);
    else pairs.push([first, record]);
  }
  return pairs;
}

describe('generateMatchingDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    assert.deepEqual(generateMatchingDataset({ records: 3000, seed: 7 }), dataset);
    assert.notDeepEqual(generateMatchingDataset({ records: 3000, seed: 8 }).records, records);
  });

  it('yields the asked number of records with unique ids and a truth label each', () => {
    assert.equal(records.length, 3000);
    assert.equal(entities.length, 3000);
    assert.equal(new Set(records.map((r) => r.id)).size, 3000);
    const people = new Set(entities).size;
    assert.ok(people > 2000 && people < 2600, `${people} people`);
  });

  it('corrupts duplicates in the ways real rows differ', () => {
    const pairs = duplicatePairs();
    const count = (test: (a: (typeof records)[number], b: (typeof records)[number]) => boolean) =>
      pairs.filter(([a, b]) => test(a, b)).length;
    const share = (n: number) => n / pairs.length;
    assert.ok(share(count((_, b) => /^[A-Z]/.test(b.surname ?? ''))) > 0.05, 'pinyin spellings');
    assert.ok(count((a, b) => a.surname === b.given_name && a.given_name === b.surname) > 0, 'swapped names');
    const swappedDate = (a: string | null, b: string | null) =>
      a !== null && b !== null && a !== b && a.slice(5, 7) === b.slice(8) && a.slice(8) === b.slice(5, 7);
    assert.ok(count((a, b) => swappedDate(a.birth_date, b.birth_date)) > 0, 'day/month swapped');
    assert.ok(
      count((a, b) => a.phone !== null && b.phone !== null && oneTypoApart(a.phone, b.phone)) > 0,
      'phone slips',
    );
    assert.ok(share(count((_, b) => b.email === null)) > 0.3, 'missing e-mails');
    assert.ok(count((a, b) => a.given_name !== b.given_name && a.surname === b.surname) > 0, 'name typos');
  });

  it('includes hard negatives: different people sharing surname and birthday, or a phone', () => {
    const owner = new Map<string, string>();
    let sameSurnameBirthday = 0;
    let sharedPhone = 0;
    for (const [i, r] of records.entries()) {
      for (const [key, kind] of [
        [`${r.surname}|${r.birth_date}`, 'sb'],
        [`${r.phone}`, 'ph'],
      ] as const) {
        if (key.includes('null')) continue;
        const other = owner.get(kind + key);
        if (other === undefined) owner.set(kind + key, entities[i]);
        else if (other !== entities[i]) kind === 'sb' ? sameSurnameBirthday++ : sharedPhone++;
      }
    }
    assert.ok(sameSurnameBirthday > 10, `${sameSurnameBirthday} surname+birthday negatives`);
    assert.ok(sharedPhone > 10, `${sharedPhone} shared phones`);
  });
});
