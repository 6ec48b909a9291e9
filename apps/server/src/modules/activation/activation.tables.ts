import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | undefined, string>;
type Time = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A column with a default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface DestinationsTable {
  workspace_id: string;
  id: string;
  name: string;
  type: string;
  config: Json;
  secrets: Json;
  purposes: Defaulted<string[]>;
  enabled: Defaulted<boolean>;
  disabled_reason: Defaulted<string | null>;
  concurrency: Defaulted<number>;
  rate_per_second: Defaulted<number | null>;
  retry_hours: Defaulted<number>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Time;
  updated_at: Time;
}

export interface SyncsTable {
  workspace_id: string;
  id: string;
  name: string;
  destination_id: string;
  kind: string;
  mode: string;
  audience_id: string | null;
  filter: Json;
  mapping: Json;
  schedule: string | null;
  enabled: Defaulted<boolean>;
  cursor: Defaulted<string | null>;
  last_run_at: NullableTime;
  next_run_at: NullableTime;
  created_by: string | null;
  created_at: Time;
  updated_at: Time;
}

export interface DeliveriesTable {
  id: Generated<string>;
  workspace_id: string;
  destination_id: string;
  sync_id: string | null;
  message_id: string;
  kind: string;
  event_id: string | null;
  profile_id: string | null;
  audience_id: string | null;
  change: string | null;
  at: Time;
  payload: Json;
  status: Defaulted<string>;
  attempts: Defaulted<number>;
  next_attempt_at: Time;
  lease_until: NullableTime;
  retry_since: Time;
  last_error: Defaulted<string | null>;
  last_status: Defaulted<number | null>;
  duration_ms: Defaulted<number | null>;
  created_at: Time;
  finished_at: NullableTime;
}

export interface ActivationTables {
  destinations: DestinationsTable;
  syncs: SyncsTable;
  deliveries: DeliveriesTable;
}
