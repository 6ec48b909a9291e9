import { createHash } from 'node:crypto';

/**
 * A profile's id: `prof_` + the first 24 hex digits of SHA-256 of its anchor identifier's key
 * (`type:value`). The anchor is the identifier the replay placed first: the earliest observation by
 * (event time, id), and within it the highest priority. So the id depends only on the evidence set,
 * a merge keeps the id of the cluster with the earliest evidence, and an id never shows an email or
 * phone in logs.
 */
export function clusterId(anchorKey: string): string {
  return `prof_${createHash('sha256').update(anchorKey).digest('hex').slice(0, 24)}`;
}
