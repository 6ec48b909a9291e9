import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Time = ColumnType<Date, Date | string | undefined, Date | string>;
/** A column with a default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AudiencesTable {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  kind: string;
  definition: ColumnType<unknown, string | null, string | null>;
  combination: ColumnType<unknown, string | null, string | null>;
  dependencies: Json;
  time_relative: boolean;
  status: string;
  version: Defaulted<number>;
  size: Defaulted<number>;
  computed_version: Defaulted<number | null>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  file_total: number | null;
  file_unmatched: Defaulted<number | null>;
  created_by: string | null;
  created_at: Time;
  updated_at: Time;
}

export interface AudienceMembersTable {
  workspace_id: string;
  audience_id: string;
  profile_id: string;
  entered_at: Time;
}

export interface AudienceFileKeysTable {
  workspace_id: string;
  audience_id: string;
  key: string;
}

export interface AudienceChangesTable {
  seq: Generated<string>;
  workspace_id: string;
  audience_id: string;
  profile_id: string;
  change: string;
  at: Time;
  cause: Json;
}

export interface AudienceRunsTable {
  id: Generated<string>;
  workspace_id: string;
  audience_id: string;
  version: number;
  reason: string;
  status: Generated<string>;
  before_size: Defaulted<number | null>;
  after_size: Defaulted<number | null>;
  entered: Defaulted<number | null>;
  exited: Defaulted<number | null>;
  error: Defaulted<string | null>;
  created_at: Time;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SegmentsTables {
  audiences: AudiencesTable;
  audience_members: AudienceMembersTable;
  audience_file_keys: AudienceFileKeysTable;
  audience_changes: AudienceChangesTable;
  audience_runs: AudienceRunsTable;
}
