import type { MatchRecord } from '../match-record.ts';
import type { Random } from '../random.ts';
import { dateTypo, homophone, latinTypo, phoneTypo, swapDayMonth, typo } from './corrupt.ts';
import { GIVEN_CHARS, type Syllable } from './people.data.ts';
import { address, email, mobile, type Person, place } from './person.ts';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const maybe = (random: Random, p: number, value: string): string | null => (random.chance(p) ? null : value);

function noisyGiven(given: readonly Syllable[], random: Random): Syllable[] {
  const chars = [...given];
  const i = random.int(chars.length);
  if (random.chance(0.07)) chars[i] = homophone(chars[i], random);
  else if (random.chance(0.04)) chars[i] = random.pick(GIVEN_CHARS);
  if (chars.length === 2 && random.chance(0.03)) chars.splice(i, 1);
  return chars;
}

/** Surname and given name as written: in Chinese, or in pinyin on some offline forms; maybe swapped. */
function names(person: Person, noisy: boolean, random: Random) {
  const given = noisy ? noisyGiven(person.given, random) : person.given;
  const inPinyin = noisy && random.chance(0.12);
  let surname = inPinyin ? capitalise(person.surname.pinyin) : person.surname.text;
  let givenName = inPinyin
    ? capitalise(given.map((g) => g.pinyin).join(''))
    : given.map((g) => g.text).join('');
  if (inPinyin && random.chance(0.1)) givenName = latinTypo(givenName, random);
  if (noisy && random.chance(0.03)) [surname, givenName] = [givenName, surname];
  return { surname, given_name: givenName };
}

/** A CRM row: the person as entered at sign-up, some fields left blank. */
export function crmRecord(id: string, person: Person, random: Random): MatchRecord {
  return {
    id,
    ...names(person, false, random),
    birth_date: maybe(random, 0.05, person.birthDate),
    phone: maybe(random, 0.03, person.phone),
    email: maybe(random, 0.2, person.email),
    province: person.province,
    city: person.city,
    address: maybe(random, 0.1, person.address),
  };
}

function noisyDate(date: string, random: Random): string | null {
  if (random.chance(0.08)) return null;
  if (random.chance(0.05)) return swapDayMonth(date);
  return random.chance(0.05) ? dateTypo(date, random) : date;
}

function noisyPhone(phone: string, random: Random): string | null {
  if (random.chance(0.1)) return null;
  if (random.chance(0.1)) return mobile(random);
  return random.chance(0.06) ? phoneTypo(phone, random) : phone;
}

function noisyEmail(person: Person, random: Random): string | null {
  if (random.chance(0.4)) return null;
  if (random.chance(0.05)) return email(person.surname, person.given, person.birthDate, random);
  const [local, domain] = person.email.split('@');
  if (random.chance(0.08)) return `${local}@${domain === '163.com' ? 'qq.com' : '163.com'}`;
  return random.chance(0.04)
    ? `${typo(local, 'abcdefghijklmnopqrstuvwxyz0123456789', random)}@${domain}`
    : person.email;
}

function noisyAddress(value: string, random: Random): string | null {
  if (random.chance(0.25)) return null;
  if (random.chance(0.08)) return value.slice(3);
  return random.chance(0.08) ? typo(value, '0123456789', random) : value;
}

/** An offline member row of the same person: typos, other spellings, stale or missing values. */
export function memberRecord(id: string, person: Person, random: Random): MatchRecord {
  const moved = random.chance(0.05);
  const where = moved ? place(random) : person;
  return {
    id,
    ...names(person, true, random),
    birth_date: noisyDate(person.birthDate, random),
    phone: noisyPhone(person.phone, random),
    email: noisyEmail(person, random),
    province: maybe(random, 0.05, where.province),
    city: maybe(random, 0.05, where.city),
    address: moved ? maybe(random, 0.25, address(random)) : noisyAddress(person.address, random),
  };
}
