import { DAY } from './clock.ts';
import { emailAddress, mobileNumber } from './contact.ts';
import { type Phone, randomPhone } from './devices.ts';
import { broadbandIp, mobileIp, type Region, randomRegion } from './geo.ts';
import { type Gender, type PersonName, randomName } from './names.ts';
import { type Rng, scatter, Weighted } from './random.ts';
import type { Run } from './run.ts';
import { PLATFORM_TABLE, type Platform } from './stores.ts';
import { randomWechatIds, type WechatIds } from './wechat.ts';

/**
 * One simulated person. The archetype decides how they meet the brand:
 * - visitor:     anonymous web / mini-program browsing, never logs in;
 * - online:      member using web, mini-program and/or app (anonymous first, then logs in), buys online;
 * - store:       buys in stores (member → userId = member number; else phone only);
 * - marketplace: buys on Tmall / JD / Douyin (member-bound → member number; else phone + platform buyer id).
 */
export type Archetype = 'visitor' | 'online' | 'store' | 'marketplace';

export type MemberLevel = '普通会员' | '银卡' | '金卡' | '黑金';

export const REGISTRATION_CHANNELS = [
  '微信小程序',
  '官网',
  'APP',
  '门店',
  '天猫旗舰店',
  '京东旗舰店',
  '抖音小店',
] as const;
export type RegistrationChannel = (typeof REGISTRATION_CHANNELS)[number];

export interface Customer {
  readonly index: number;
  readonly archetype: Archetype;
  readonly gender: Gender;
  readonly name: PersonName;
  readonly birthYear: number;
  /** `YYYY-MM-DD`. */
  readonly birthday: string;
  /** Canonical 11 digits; as typed varies per message (see contact.ts). */
  readonly phone: string;
  readonly email: string | null;
  readonly region: Region;
  /** `M` + 10 digits for members (including people who join during the period), else null. */
  readonly memberNo: string | null;
  /** True when the person joins during the period (a registration event is generated). */
  readonly joinsInPeriod: boolean;
  /** When they became a member (ms), for members who joined before the period; set on joining otherwise. */
  memberSince: number;
  memberLevel: MemberLevel;
  registrationChannel: RegistrationChannel | null;
  readonly wechat: WechatIds | null;
  /** ≥ 1, long-tailed: scales sessions and orders. */
  readonly activity: number;
  readonly homeIp: string;
  readonly mobileIp: string;
  readonly phoneDevice: Phone;
  /** Marketplace customers' usual platform. */
  readonly platform: Platform;
  /** Orders placed so far (numbering). */
  orders: number;
}

const ARCHETYPES = new Weighted<Archetype>([
  ['visitor', 30],
  ['online', 38],
  ['store', 20],
  ['marketplace', 12],
]);

/** Age 18–65, peaking in the late twenties / thirties. */
const AGES = new Weighted<number>(
  Array.from({ length: 48 }, (_, i) => {
    const age = 18 + i;
    const w = age < 22 ? 0.6 : age <= 35 ? 1.6 : age <= 45 ? 1 : 0.45;
    return [age, w] as const;
  }),
);

function memberLevel(rng: Rng, activity: number): MemberLevel {
  const score = activity * (0.6 + rng.next() * 0.8);
  if (score >= 14 || rng.chance(0.004)) return '黑金';
  if (score >= 5) return '金卡';
  if (score >= 2.2) return '银卡';
  return '普通会员';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function joinChannel(rng: Rng, archetype: Archetype, platform: Platform): RegistrationChannel {
  const r = rng.next();
  if (archetype === 'online') return r < 0.5 ? '微信小程序' : r < 0.7 ? 'APP' : r < 0.9 ? '官网' : '门店';
  if (archetype === 'store') return r < 0.7 ? '门店' : '微信小程序';
  if (r < 0.7) return platform === 'tmall' ? '天猫旗舰店' : platform === 'jd' ? '京东旗舰店' : '抖音小店';
  return '门店';
}

export function createCustomer(run: Run, rng: Rng, index: number): Customer {
  const archetype = ARCHETYPES.pick(rng);
  const gender: Gender = rng.chance(0.72) ? 'female' : 'male';
  const periodStart = run.clock.start;
  const birthYear = new Date(periodStart).getUTCFullYear() - AGES.pick(rng);
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(month === 2 ? 28 : 30);
  const name = randomName(rng, gender, birthYear);
  const activity = rng.tail(1, 1.25, 60) + rng.next();
  const isMember =
    archetype === 'online' ||
    (archetype === 'store' && rng.chance(0.65)) ||
    (archetype === 'marketplace' && rng.chance(0.35));
  const joinsInPeriod =
    isMember && archetype !== 'marketplace' && rng.chance(archetype === 'online' ? 0.35 : 0.25);
  const platform = PLATFORM_TABLE.pick(rng);
  const usesWechat = archetype !== 'marketplace' || rng.chance(0.3);
  const level = isMember ? (joinsInPeriod ? '普通会员' : memberLevel(rng, activity)) : '普通会员';
  return {
    index,
    archetype,
    gender,
    name,
    birthYear,
    birthday: `${birthYear}-${pad2(month)}-${pad2(day)}`,
    phone: mobileNumber(rng, run.contact, index),
    email: emailAddress(rng, run.contact, index, name, birthYear),
    region: randomRegion(rng),
    memberNo: isMember
      ? `M${run.memberBase + scatter(index, 100_000_000, run.memberMul, run.memberOff)}`
      : null,
    joinsInPeriod,
    memberSince: periodStart - (30 + rng.int(6 * 365)) * DAY,
    memberLevel: level,
    registrationChannel: isMember && !joinsInPeriod ? joinChannel(rng, archetype, platform) : null,
    wechat: usesWechat ? randomWechatIds(rng, rng.chance(0.45)) : null,
    activity,
    homeIp: broadbandIp(rng),
    mobileIp: mobileIp(rng),
    phoneDevice: randomPhone(rng),
    platform,
    orders: 0,
  };
}
