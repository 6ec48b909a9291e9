import type { Delivery, DestinationTypeInfo, Purpose } from '@cdp/protocol';

/*
 * Runtime lists mirrored from @cdp/protocol (its values would ship zod to the browser, see
 * api/protocol.ts); the Record types make `tsc` fail when the protocol's lists change.
 */

const PURPOSE_SET: Record<Purpose, true> = {
  marketing: true,
  advertising: true,
  analytics: true,
  personalization: true,
  service: true,
};
export const PURPOSES = Object.keys(PURPOSE_SET) as readonly Purpose[];

export type DestinationCategory = DestinationTypeInfo['category'];
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
export const CATEGORIES = Object.keys(CATEGORY_SET) as readonly DestinationCategory[];

/** The deliveries list's filters: every status, `retrying` being pending after a failed attempt. */
export type DeliveryFilter = 'all' | 'retrying' | 'dead' | 'delivered' | 'suppressed' | 'skipped';
export const DELIVERY_FILTERS: readonly DeliveryFilter[] = [
  'all',
  'retrying',
  'dead',
  'delivered',
  'suppressed',
  'skipped',
];

/** A delivery's status as shown: pending after a failed attempt reads as retrying. */
export type ShownStatus = Delivery['status'] | 'retrying';
export const shownStatus = (d: Pick<Delivery, 'status' | 'attempts'>): ShownStatus =>
  d.status === 'pending' && d.attempts > 0 ? 'retrying' : d.status;

export const STATUS_COLORS: Record<ShownStatus, string> = {
  pending: 'default',
  retrying: 'orange',
  sending: 'processing',
  delivered: 'success',
  skipped: 'default',
  suppressed: 'purple',
  dead: 'error',
};
