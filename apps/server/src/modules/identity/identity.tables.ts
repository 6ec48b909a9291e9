import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface EventPipelineTable {
  id: Generated<string>;
  event_ids: string[];
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: CreatedAt;
}

export interface IdentitySettingsTable {
  workspace_id: string;
  types: Json;
  version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface IdentityObservationsTable {
  workspace_id: string;
  set_hash: string;
  keys: string[];
  evidence_id: string;
  kind: string;
  source_id: string | null;
  at: ColumnType<Date, Date | string, Date | string>;
  retracted_at: Date | null;
  retracted_reason: string | null;
  details: Json;
}

export interface IdentityMatchCandidatesTable {
  id: string;
  workspace_id: string;
  left_key: string;
  right_key: string;
  left_profile: string;
  right_profile: string;
  probability: number;
  score: number;
  explanation: Json;
  status: ColumnType<string, string | undefined, string>;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface IdentityObservationKeysTable {
  workspace_id: string;
  key: string;
  set_hash: string;
}

export interface EventKeysTable {
  workspace_id: string;
  key: string;
  event_id: string;
  /** The event's type, name and time, copied from `events` (they never change). */
  type: string;
  event: string | null;
  timestamp: Date;
}

export interface IdentityNodesTable {
  workspace_id: string;
  key: string;
  type: string;
  value: string;
  profile_id: string;
  first_seen_at: ColumnType<Date, Date | string, Date | string>;
}

export interface IdentityRetractionsTable {
  workspace_id: string;
  key: string;
  reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface IdentityConflictsTable {
  workspace_id: string;
  set_hash: string;
  reason: string;
  left_out: string[];
  profile_id: string | null;
  evidence_id: string;
  at: ColumnType<Date, Date | string, Date | string>;
}

export interface DataQualityStatsTable {
  workspace_id: string;
  source_id: string;
  day: ColumnType<Date, string, string>;
  metric: string;
  count: number;
}

export interface IdentityTables {
  event_pipeline: EventPipelineTable;
  identity_settings: IdentitySettingsTable;
  identity_observations: IdentityObservationsTable;
  identity_observation_keys: IdentityObservationKeysTable;
  event_keys: EventKeysTable;
  identity_match_candidates: IdentityMatchCandidatesTable;
  identity_nodes: IdentityNodesTable;
  identity_retractions: IdentityRetractionsTable;
  identity_conflicts: IdentityConflictsTable;
  data_quality_stats: DataQualityStatsTable;
}
