import type { Random } from '../random.ts';
import {
  DISTRICTS,
  EMAIL_DOMAINS,
  GIVEN_CHARS,
  MOBILE_PREFIXES,
  PROVINCES,
  ROADS,
  SURNAMES,
  type Surname,
  type Syllable,
} from './people.data.ts';

/** A generated person: the truth that the records of one entity are noisy renderings of. */
export interface Person {
  readonly surname: Surname;
  readonly given: readonly Syllable[];
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly province: string;
  readonly city: string;
  readonly address: string;
}

const TOTAL_WEIGHT = SURNAMES.reduce((sum, s) => sum + s.weight, 0);

function pickSurname(random: Random): Surname {
  let ticket = random.next() * TOTAL_WEIGHT;
  for (const surname of SURNAMES) {
    ticket -= surname.weight;
    if (ticket < 0) return surname;
  }
  return SURNAMES[0];
}

/** Skewed towards the front of the list, where the common choices are. */
const pickSkewed = <T>(items: readonly T[], random: Random): T =>
  items[Math.floor(random.next() ** 2 * items.length)];
const digits = (count: number, random: Random) =>
  Array.from({ length: count }, () => random.int(10)).join('');

export const givenName = (random: Random): Syllable[] =>
  Array.from({ length: random.chance(0.3) ? 1 : 2 }, () => pickSkewed(GIVEN_CHARS, random));

export function birthDate(random: Random): string {
  const day = Date.UTC(1950, 0, 1) / 86_400_000 + random.int(55 * 365);
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const mobile = (random: Random): string => `+86${random.pick(MOBILE_PREFIXES)}${digits(8, random)}`;

export function address(random: Random): string {
  const street = `${random.pick(DISTRICTS)}${random.pick(ROADS)}${1 + random.int(300)}号`;
  return `${street}${1 + random.int(30)}栋${1 + random.int(6)}单元${1 + random.int(30)}0${1 + random.int(4)}`;
}

export function email(surname: Surname, given: readonly Syllable[], birth: string, random: Random): string {
  const first = given.map((g) => g.pinyin).join('');
  const initials = given.map((g) => g.pinyin[0]).join('');
  const style = random.int(4);
  if (style === 0) return `${5 + random.int(5)}${digits(4 + random.int(5), random)}@qq.com`;
  const local =
    style === 1
      ? `${first}.${surname.pinyin}`
      : style === 2
        ? `${surname.pinyin}${initials}${birth.slice(2, 4)}`
        : `${first}${surname.pinyin}${digits(3, random)}`;
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}

export function place(random: Random): { province: string; city: string } {
  const { province, cities } = pickSkewed(PROVINCES, random);
  return { province, city: pickSkewed(cities, random) };
}

export function newPerson(random: Random): Person {
  const surname = pickSurname(random);
  const given = givenName(random);
  const birth = birthDate(random);
  return {
    surname,
    given,
    birthDate: birth,
    phone: mobile(random),
    email: email(surname, given, birth, random),
    ...place(random),
    address: address(random),
  };
}
