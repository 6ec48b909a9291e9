import type { Identifier, ObservationKind } from './observation.ts';

/** A profile: identifiers linked by accepted evidence. */
export interface Cluster {
  /** `prof_` + hash of the anchor identifier: see cluster-id.ts. */
  readonly id: string;
  /** Highest priority first, then by type and value. */
  readonly identifiers: ReadonlyArray<Identifier>;
  /**
   * Ids of the observations that placed an identifier in this cluster, in replay order: those that
   * linked identifiers into it, and those that first saw an identifier they could not link.
   */
  readonly evidence: ReadonlyArray<string>;
}

export type ConflictReason = 'limit_exceeded' | 'junk';

/** Identifiers an observation carried but did not link, and why. */
export interface Conflict {
  readonly observationId: string;
  readonly at: string;
  readonly reason: ConflictReason;
  readonly leftOut: ReadonlyArray<Identifier>;
}

/** The identifiers one observation linked together (two or more): an edge of the explainable graph. */
export interface Link {
  readonly observationId: string;
  readonly at: string;
  readonly kind: ObservationKind;
  readonly identifiers: ReadonlyArray<Identifier>;
}

/** The result of a replay; every list is in a deterministic order. */
export interface Resolution {
  /** Sorted by id. */
  readonly clusters: ReadonlyArray<Cluster>;
  /** In replay order. */
  readonly conflicts: ReadonlyArray<Conflict>;
  /** In replay order. */
  readonly links: ReadonlyArray<Link>;
}
