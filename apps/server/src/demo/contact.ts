import type { PersonName } from './names.ts';
import { coprime, type Rng, scatter, Weighted } from './random.ts';

/**
 * Mobile numbers and e-mail addresses. Both are UNIQUE per customer index (they derive from a
 * bijection of the index), so identity resolution never merges two demo customers by accident.
 * They are syntactically valid and may belong to real people: never send SMS / e-mail to demo data.
 */

/** Mobile prefixes of China Mobile / Unicom / Telecom / Broadnet, weighted by how common they are. */
const MOBILE_PREFIXES = new Weighted<string>([
  ['138', 6],
  ['139', 6],
  ['137', 5],
  ['136', 5],
  ['135', 5],
  ['134', 3],
  ['133', 3],
  ['132', 3],
  ['131', 3],
  ['130', 3],
  ['150', 3],
  ['151', 3],
  ['152', 3],
  ['153', 2],
  ['155', 2],
  ['156', 2],
  ['157', 2],
  ['158', 3],
  ['159', 3],
  ['170', 1],
  ['171', 1],
  ['173', 1.5],
  ['175', 1],
  ['176', 1.5],
  ['177', 1.5],
  ['178', 1.5],
  ['180', 2.5],
  ['181', 2.5],
  ['182', 2.5],
  ['183', 2.5],
  ['184', 1],
  ['185', 2.5],
  ['186', 2.5],
  ['187', 2.5],
  ['188', 2.5],
  ['189', 2.5],
  ['191', 1],
  ['193', 1],
  ['195', 1],
  ['198', 1.5],
  ['199', 1.5],
]);

/** Per-run constants of the index bijections (derived from the seed). */
export interface ContactKeys {
  readonly phoneMul: number;
  readonly phoneOff: number;
  readonly qqMul: number;
  readonly qqOff: number;
  readonly mailMul: number;
  readonly mailOff: number;
}

export function contactKeys(rng: Rng): ContactKeys {
  return {
    phoneMul: coprime(10_000_000 + rng.int(70_000_000)),
    phoneOff: rng.int(100_000_000),
    qqMul: coprime(1_000_000 + rng.int(8_000_000)),
    qqOff: rng.int(900_000_000),
    mailMul: coprime(100_000 + rng.int(800_000_000)),
    mailOff: rng.int(10_000_000),
  };
}

/** The canonical 11-digit mobile number of customer `index` (unique for index < 10^8). */
export function mobileNumber(rng: Rng, keys: ContactKeys, index: number): string {
  const tail = scatter(index, 100_000_000, keys.phoneMul, keys.phoneOff);
  return MOBILE_PREFIXES.pick(rng) + String(tail).padStart(8, '0');
}

/**
 * The number as typed into one particular form / POS / platform: mostly plain, sometimes with +86,
 * spaces or dashes. Stripping whitespace and dashes and a leading +86 / 0086 / 86 gives the 11 digits.
 */
export function typedPhone(rng: Rng, phone: string): string {
  const r = rng.next();
  if (r < 0.58) return phone;
  const a = phone.slice(0, 3);
  const b = phone.slice(3, 7);
  const c = phone.slice(7);
  if (r < 0.72) return `+86 ${a} ${b} ${c}`;
  if (r < 0.82) return `+86${phone}`;
  if (r < 0.89) return `${a} ${b} ${c}`;
  if (r < 0.94) return `${a}-${b}-${c}`;
  if (r < 0.96) return `+86-${a}-${b}-${c}`;
  if (r < 0.98) return `0086 ${phone}`;
  return ` ${phone} `;
}

/** Fictional company domains (work addresses). */
const COMPANY_DOMAINS = [
  'huaxin-tech.com.cn',
  'mingda-group.cn',
  'zhongchuang.com.cn',
  'tianyu-media.cn',
  'jinhai-bank.com.cn',
  'xinghe-auto.cn',
  'ruifeng-law.com',
  'boya-edu.cn',
];
const PERSONAL_DOMAINS = new Weighted<string>([
  ['163.com', 20],
  ['126.com', 8],
  ['sina.com', 5],
  ['gmail.com', 7],
  ['foxmail.com', 5],
  ['hotmail.com', 4],
  ['outlook.com', 3],
  ['139.com', 2],
  ['yeah.net', 1],
  ['aliyun.com', 1],
]);

/** A unique e-mail address, or null (many Chinese shoppers never give one). */
export function emailAddress(
  rng: Rng,
  keys: ContactKeys,
  index: number,
  name: PersonName,
  year: number,
): string | null {
  if (!rng.chance(0.55)) return null;
  const r = rng.next();
  if (r < 0.4) {
    const qq = 100_000_000 + scatter(index, 900_000_000, keys.qqMul, keys.qqOff);
    return `${qq}@qq.com`;
  }
  const unique = scatter(index, 10_000_000, keys.mailMul, keys.mailOff);
  if (r < 0.48) {
    return `${name.givenPinyin}.${name.surnamePinyin}${unique}@${rng.pick(COMPANY_DOMAINS)}`;
  }
  const domain = PERSONAL_DOMAINS.pick(rng);
  const s = rng.next();
  if (s < 0.5) return `${name.surnamePinyin}${name.givenPinyin}${unique}@${domain}`;
  if (s < 0.75) return `${name.givenPinyin}.${name.surnamePinyin}.${unique}@${domain}`;
  return `${name.surnamePinyin}_${String(year).slice(2)}${unique}@${domain}`;
}

/** The address as typed: occasionally upper-cased, capitalised or with stray whitespace. */
export function typedEmail(rng: Rng, email: string): string {
  const r = rng.next();
  if (r < 0.94) return email;
  if (r < 0.965) return email.toUpperCase();
  if (r < 0.98) return email[0].toUpperCase() + email.slice(1);
  return ` ${email}\t`;
}
