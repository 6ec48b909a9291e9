import type { Rng } from './random.ts';

/**
 * WeChat identifiers. Shape used everywhere in the demo (traits of identify calls from the
 * mini-program, and `context.traits` of its track calls):
 *
 *   traits.wechat = {
 *     unionId: 'oLVPp…',                       // 28 chars, one per person across the brand's apps
 *     openIds: { [appId]: 'oQ3Wv…' },          // 28 chars, one per person PER app id
 *   }
 *
 * App ids (fictional): the member mini-program and the brand's official account (公众号).
 * Like real ones, all OpenIDs of one app share a 6-character prefix, and UnionIDs share theirs.
 */
export const MINI_PROGRAM_APP_ID = 'wx8a3f5c2e9b1d4076';
export const OFFICIAL_ACCOUNT_APP_ID = 'wx5d2e8b1f7c9a3064';

const UNION_PREFIX = 'oLVPpj';
const MINI_PREFIX = 'oQ3Wv5';
const OA_PREFIX = 'o6_bmj';

export interface WechatIds {
  readonly unionId: string;
  readonly miniOpenId: string;
  /** Only for followers of the official account. */
  readonly oaOpenId: string | null;
}

export function randomWechatIds(rng: Rng, followsOfficialAccount: boolean): WechatIds {
  return {
    unionId: UNION_PREFIX + rng.base64url(22),
    miniOpenId: MINI_PREFIX + rng.base64url(22),
    oaOpenId: followsOfficialAccount ? OA_PREFIX + rng.base64url(22) : null,
  };
}

/** The `wechat` trait (see the shape above). `withUnionId` = false before the user authorised. */
export function wechatTrait(ids: WechatIds, withUnionId: boolean): Record<string, unknown> {
  const openIds: Record<string, string> = { [MINI_PROGRAM_APP_ID]: ids.miniOpenId };
  if (ids.oaOpenId) openIds[OFFICIAL_ACCOUNT_APP_ID] = ids.oaOpenId;
  return withUnionId ? { unionId: ids.unionId, openIds } : { openIds };
}
