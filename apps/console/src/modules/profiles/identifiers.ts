/** A `{ type, value }` pair as the profile API sends it. */
export interface IdentifierRef {
  readonly type: string;
  readonly value: string;
}

/**
 * Built-in identifier types, highest priority first (mirrors the server's defaults; a workspace may
 * reorder them in its identity rules, which the console does not need for display).
 */
export const KNOWN_IDENTIFIER_TYPES = [
  'user_id',
  'member_id',
  'wechat_unionid',
  'phone',
  'email',
  'wechat_openid',
  'device_id',
  'anonymous_id',
] as const;
export type KnownIdentifierType = (typeof KNOWN_IDENTIFIER_TYPES)[number];

export function isKnownIdentifierType(type: string): type is KnownIdentifierType {
  return (KNOWN_IDENTIFIER_TYPES as readonly string[]).includes(type);
}

const TYPE_COLORS: Readonly<Record<KnownIdentifierType, string>> = {
  user_id: '#1677ff',
  member_id: '#722ed1',
  wechat_unionid: '#52c41a',
  phone: '#fa8c16',
  email: '#13c2c2',
  wechat_openid: '#73d13d',
  device_id: '#8c8c8c',
  anonymous_id: '#bfbfbf',
};
const EXTRA_COLORS = ['#eb2f96', '#faad14', '#2f54eb', '#a0d911', '#f5222d', '#597ef7'] as const;

/** A stable colour per identifier type (the same in tags, the graph and its legend). */
export function identifierColor(type: string): string {
  if (isKnownIdentifierType(type)) return TYPE_COLORS[type];
  let hash = 0;
  for (const ch of type) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return EXTRA_COLORS[hash % EXTRA_COLORS.length];
}

/** `type:value`, the form `explain` takes and the graph uses as node id. */
export function identifierKey(ref: IdentifierRef): string {
  return `${ref.type}:${ref.value}`;
}

/** Custom types rank just before device and anonymous ids: they are usually ids of a person. */
const CUSTOM_RANK = KNOWN_IDENTIFIER_TYPES.indexOf('device_id') - 0.5;

function rank(type: string): number {
  const i = (KNOWN_IDENTIFIER_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? CUSTOM_RANK : i;
}

/** Identifiers by priority (built-in order, custom types before device and anonymous ids), stable. */
export function byPriority<T extends IdentifierRef>(identifiers: readonly T[]): T[] {
  return identifiers
    .map((identifier, index) => ({ identifier, index }))
    .sort((a, b) => rank(a.identifier.type) - rank(b.identifier.type) || a.index - b.index)
    .map((x) => x.identifier);
}
