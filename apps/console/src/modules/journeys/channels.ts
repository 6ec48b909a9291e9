import type { DestinationTypeInfo } from '@cdp/protocol';

export type DestinationCategory = DestinationTypeInfo['category'];

/*
 * Destination categories mirrored from @cdp/protocol (importing its values would ship zod to the
 * browser); the Record type makes `tsc` fail when the protocol adds or removes one.
 */
const CATEGORY_SET: Record<DestinationCategory, true> = {
  webhook: true,
  email: true,
  sms: true,
  wechat: true,
  ads: true,
  file: true,
  bus: true,
  database: true,
};
export const DESTINATION_CATEGORIES = Object.keys(CATEGORY_SET) as readonly DestinationCategory[];

/** Contact policy channels: a destination category, or `all` for every message of every journey. */
export const POLICY_CHANNELS = ['all', ...DESTINATION_CATEGORIES] as const;
export type PolicyChannel = (typeof POLICY_CHANNELS)[number];
