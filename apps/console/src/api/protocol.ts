import type { MessageType, SourceType } from '@cdp/protocol';

/*
 * Runtime lists mirrored from @cdp/protocol. Importing its values would ship zod (~85 kB gzip) to the
 * browser; the console only imports its types. The Record types make `tsc` fail if the protocol adds
 * or removes a member, so these lists cannot silently drift.
 */

const SOURCE_TYPE_SET: Record<SourceType, true> = {
  web: true,
  app: true,
  server: true,
  miniprogram: true,
  crm: true,
  pos: true,
};
export const SOURCE_TYPES = Object.keys(SOURCE_TYPE_SET) as readonly SourceType[];

const MESSAGE_TYPE_SET: Record<MessageType, true> = {
  track: true,
  identify: true,
  page: true,
  screen: true,
  group: true,
  alias: true,
};
export const MESSAGE_TYPES = Object.keys(MESSAGE_TYPE_SET) as readonly MessageType[];
