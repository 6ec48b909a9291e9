import type { MatchRecord } from '../match-record.ts';
import { type Random, seededRandom } from '../random.ts';
import { birthDate, email, givenName, mobile, newPerson, type Person } from './person.ts';
import { crmRecord, memberRecord } from './render-record.ts';

export interface DatasetOptions {
  readonly records: number;
  readonly seed?: number;
  /** Share of people who also have offline member records (default 0.35). */
  readonly duplicateRate?: number;
  /** Share of people who are relatives (same surname, address, maybe phone) of someone earlier (0.08). */
  readonly relativeRate?: number;
  /** Share of people born on the same day as someone earlier, half of them with the same surname (0.05). */
  readonly sameBirthdayRate?: number;
}

export interface MatchingDataset {
  readonly records: readonly MatchRecord[];
  /** The true person behind each record, aligned with `records`. */
  readonly entities: readonly string[];
}

/**
 * A relative: same surname, city and address; in 3 of 10 the family's shared phone; a twin (1 in
 * 20) is also born the same day and shares a character of the given name (王子轩 / 王子涵).
 */
function relativeOf(person: Person, random: Random): Person {
  const twin = random.chance(0.05);
  const given = givenName(random);
  if (twin && person.given.length === 2) given.splice(0, given.length, person.given[0], given[0]);
  const birth = twin ? person.birthDate : birthDate(random);
  return {
    ...person,
    given,
    birthDate: birth,
    phone: random.chance(0.3) ? person.phone : mobile(random),
    email: email(person.surname, given, birth, random),
  };
}

/**
 * Person records with known truth, from a seeded generator (no downloads): each person has a CRM
 * row, and some also one or two offline member rows corrupted as people and tills do (typos,
 * homophones, pinyin spellings, swapped name fields and day/month, phone slips, missing values,
 * moves). Among the people are relatives and namesakes born the same day: hard negatives.
 */
export function generateMatchingDataset(options: DatasetOptions): MatchingDataset {
  const { seed = 42, duplicateRate = 0.35, relativeRate = 0.08, sameBirthdayRate = 0.05 } = options;
  const random = seededRandom(seed);
  const people: Person[] = [];
  const records: MatchRecord[] = [];
  const entities: string[] = [];
  while (records.length < options.records) {
    const roll = random.next();
    let person = newPerson(random);
    if (people.length > 0 && roll < relativeRate) person = relativeOf(random.pick(people), random);
    else if (people.length > 0 && roll < relativeRate + sameBirthdayRate) {
      const other = random.pick(people);
      const surname = random.chance(0.5) ? other.surname : person.surname;
      const mail = email(surname, person.given, other.birthDate, random);
      person = { ...person, surname, birthDate: other.birthDate, email: mail };
    }
    people.push(person);
    const entity = `person_${people.length}`;
    const copies = random.chance(duplicateRate) ? (random.chance(0.2) ? 2 : 1) : 0;
    for (let c = 0; c <= copies && records.length < options.records; c++) {
      const id = `${c === 0 ? 'crm' : 'mem'}_${String(records.length + 1).padStart(7, '0')}`;
      records.push(c === 0 ? crmRecord(id, person, random) : memberRecord(id, person, random));
      entities.push(entity);
    }
  }
  return { records, entities };
}
