import type { ComputedFunction, TagSpec, TagStatus, TagValueType } from '@cdp/protocol';

/*
 * Runtime lists mirrored from @cdp/protocol (importing its values would ship zod to the browser).
 * The Record types make tsc fail when the protocol adds or removes a member; a test checks the order.
 */

const KIND_SET: Record<TagSpec['kind'], true> = {
  rule: true,
  computed: true,
  rfm: true,
  lifecycle: true,
  imported: true,
};
export const TAG_KINDS = Object.keys(KIND_SET) as readonly TagSpec['kind'][];

const VALUE_TYPE_SET: Record<TagValueType, true> = {
  boolean: true,
  string: true,
  number: true,
  datetime: true,
};
export const TAG_VALUE_TYPES = Object.keys(VALUE_TYPE_SET) as readonly TagValueType[];

const STATUS_SET: Record<TagStatus, true> = { draft: true, active: true, paused: true, archived: true };
export const TAG_STATUSES = Object.keys(STATUS_SET) as readonly TagStatus[];

const FUNCTION_SET: Record<ComputedFunction, true> = {
  count: true,
  sum: true,
  avg: true,
  min: true,
  max: true,
  distinct_count: true,
  most_frequent: true,
  first_value: true,
  last_value: true,
  days_since_last: true,
};
export const COMPUTED_FUNCTIONS = Object.keys(FUNCTION_SET) as readonly ComputedFunction[];
