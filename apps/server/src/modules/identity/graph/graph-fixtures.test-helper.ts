import type { Identifier, Observation, ObservationKind } from './observation.ts';
import type { Cluster, Resolution } from './resolution.ts';

/** `obs('m1', 10, 'identify', 'user_id:A', 'email:a@x.cn')`: event time is minute `minute` of a fixed day. */
export function obs(id: string, minute: number, kind: ObservationKind, ...keys: string[]): Observation {
  const at = new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();
  return { id, at, kind, identifiers: keys.map(parseKey) };
}

export function parseKey(key: string): Identifier {
  const colon = key.indexOf(':');
  return { type: key.slice(0, colon), value: key.slice(colon + 1) };
}

/** Each cluster's identifiers as `type:value` keys, clusters sorted: a readable shape to compare. */
export function groups(resolution: Resolution): string[][] {
  return resolution.clusters.map((c) => c.identifiers.map((i) => `${i.type}:${i.value}`).sort()).sort();
}

export function clusterOf(resolution: Resolution, key: string): Cluster | undefined {
  return resolution.clusters.find((c) => c.identifiers.some((i) => `${i.type}:${i.value}` === key));
}
