/** Which normaliser an identifier's values go through (see normalize-identifier.ts). */
export type IdentifierFormat = 'email' | 'phone' | 'wechat' | 'text';

/** A kind of identifier that identity resolution stitches profiles by. Plain data, no schema. */
export interface IdentifierType {
  readonly name: string;
  /** Higher wins: when two identifiers of a profile conflict, the lower-priority link is cut. */
  readonly priority: number;
  /** How many distinct values one profile may hold before new ones are refused (Segment's limits). */
  readonly maxPerProfile: number;
  readonly format: IdentifierFormat;
  /** Values are only unique within this scope (a WeChat OpenID within one app id). */
  readonly scope?: 'app_id';
  /** An identifier of this type that stands above it (an OpenID belongs to one UnionID). */
  readonly parent?: string;
  /** Placeholder values never linked, compared case-insensitively after normalisation. */
  readonly junkValues: readonly string[];
  /** Trait names (of identify traits, `context.traits` and import rows) that carry this identifier. */
  readonly traitKeys: readonly string[];
}

/**
 * What SDKs, forms and POS exports send when they have nothing: stringified empties, refusals,
 * placeholders and all-zero ids (an IDFA/GAID under limited ad tracking reads all zeros).
 */
export const COMMON_JUNK_VALUES: readonly string[] = [
  'null',
  'undefined',
  'nil',
  'none',
  'nan',
  'n/a',
  'na',
  '0',
  '-1',
  '-',
  '--',
  '?',
  'anonymous',
  'unknown',
  'guest',
  'test',
  'default',
  'false',
  'true',
  '[object object]',
  '{}',
  '[]',
  '无',
  '空',
  '未知',
  '匿名',
  '00000000-0000-0000-0000-000000000000',
  '0000000000',
];

/** Device ids that many devices share: Android 2.2's ANDROID_ID bug, the MAC iOS 7+/Android 6+ report to apps. */
const SHARED_DEVICE_IDS: readonly string[] = [...COMMON_JUNK_VALUES, '9774d56d682e549c', '02:00:00:00:00:00'];

const type = (
  name: string,
  priority: number,
  format: IdentifierFormat,
  extra: Partial<
    Pick<IdentifierType, 'maxPerProfile' | 'scope' | 'parent' | 'junkValues' | 'traitKeys'>
  > = {},
): IdentifierType => ({
  name,
  priority,
  format,
  maxPerProfile: 5,
  junkValues: COMMON_JUNK_VALUES,
  traitKeys: [name],
  ...extra,
});

/**
 * Built-in identifier types, highest priority first: the customer's own account id, then ids issued
 * by us or WeChat to one person, then contact points (Chinese carriers recycle mobile numbers, so a
 * phone ranks below a UnionID), then ids of a device or browser.
 */
export const BUILT_IN_IDENTIFIER_TYPES: readonly IdentifierType[] = [
  type('user_id', 100, 'text', { maxPerProfile: 1, traitKeys: [] }),
  type('member_id', 90, 'text', { traitKeys: ['member_id', 'memberId', 'member_no'] }),
  type('wechat_unionid', 80, 'wechat', { traitKeys: ['wechat_unionid', 'unionid', 'unionId'] }),
  type('phone', 70, 'phone', { traitKeys: ['phone', 'mobile', 'phone_number', 'phoneNumber'] }),
  type('email', 60, 'email', { traitKeys: ['email'] }),
  type('wechat_openid', 50, 'wechat', {
    scope: 'app_id',
    parent: 'wechat_unionid',
    traitKeys: ['wechat_openid', 'openid', 'openId'],
  }),
  type('device_id', 20, 'text', { junkValues: SHARED_DEVICE_IDS, traitKeys: [] }),
  type('anonymous_id', 10, 'text', { traitKeys: [] }),
];

/** The built-in type of this name, if any. */
export function findIdentifierType(name: string): IdentifierType | undefined {
  return BUILT_IN_IDENTIFIER_TYPES.find((t) => t.name === name);
}
