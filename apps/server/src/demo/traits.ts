import { isoUtc } from './clock.ts';
import { typedEmail, typedPhone } from './contact.ts';
import type { Journey } from './journey-state.ts';
import { wechatTrait } from './wechat.ts';

/**
 * Identify traits. Segment reserved traits (name, firstName, lastName, phone, email, gender, birthday,
 * address, createdAt) plus the brand's own, in snake_case: member_no, member_level,
 * registration_channel, and `wechat` (see wechat.ts). Phones and e-mails are "as typed" (messy).
 * POS systems send gender as 女 / 男, SDK forms as female / male.
 */
export function profileTraits(j: Journey, detail: 'full' | 'login' | 'pos'): Record<string, unknown> {
  const { c, rng } = j;
  const traits: Record<string, unknown> = { name: c.name.full, phone: typedPhone(rng, c.phone) };
  if (detail !== 'login') {
    traits.firstName = c.name.given;
    traits.lastName = c.name.surname;
    traits.gender = detail === 'pos' ? (c.gender === 'female' ? '女' : '男') : c.gender;
    traits.birthday = c.birthday;
    traits.address = { country: '中国', state: c.region.province, city: c.region.city };
  }
  if (c.email !== null && (detail !== 'pos' || rng.chance(0.3))) traits.email = typedEmail(rng, c.email);
  if (c.memberNo !== null) {
    traits.member_no = c.memberNo;
    traits.member_level = c.memberLevel;
    if (c.registrationChannel !== null) traits.registration_channel = c.registrationChannel;
    traits.createdAt = isoUtc(c.memberSince);
  }
  return traits;
}

/** The `wechat` trait of mini-program identifies (`withUnionId` once the user authorised their phone). */
export function wechatTraits(j: Journey, withUnionId: boolean): Record<string, unknown> {
  return j.c.wechat === null ? {} : { wechat: wechatTrait(j.c.wechat, withUnionId) };
}
